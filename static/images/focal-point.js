// Clicking an image preview in the admin sets the focal point fields of the same form
// (the inputs whose names end in "focal_x" and "focal_y"), and moves the marker.
"use strict";
document.addEventListener("click", (event) => {
  const image = event.target.closest(".focal-point__image");
  if (!image) return;
  const form = image.closest(".inline-related, fieldset, form");
  const field = (axis) =>
    form.querySelector(`input[name$="focal_${axis}"]`) ||
    image.closest("form").querySelector(`input[name$="focal_${axis}"]`);
  const box = image.getBoundingClientRect();
  const x = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
  const y = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1);
  const [xInput, yInput] = [field("x"), field("y")];
  if (!xInput || !yInput) return;
  xInput.value = x.toFixed(3);
  yInput.value = y.toFixed(3);
  const frame = image.closest(".focal-point");
  frame.style.setProperty("--focal-x", `${(x * 100).toFixed(1)}%`);
  frame.style.setProperty("--focal-y", `${(y * 100).toFixed(1)}%`);
});
