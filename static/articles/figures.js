// The article form's figures as cards (templates/admin/articles/article/desk/figures_inline.html,
// articles/admin_figures.py). Without this script every field shows and positions are typed.
// With it:
// - a switch between an artwork and an upload shows that kind's fields only; on submit the
//   other kind's fields are emptied, so that a figure is never both;
// - a thumbnail and the caption as soon as an artwork, one of its images or a file is chosen:
//   a file is shown by the browser (an object URL), on which a click sets the focal point
//   (static/images/focal-point.js); an artwork's comes from its figure card (JSON);
// - the artwork-image picker asks for the chosen artwork's images only (select2's ajax data);
// - reordering by dragging the handle, by "Move up"/"Move down", or by the arrow keys on the
//   handle; positions are filled 0..n-1 (the server numbers them again on save).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const group = document.querySelector(".figures-desk");
  if (!group) return;
  const $ = window.django && window.django.jQuery;
  const prefix = JSON.parse(group.dataset.inlineFormset).options.prefix;
  const status = group.querySelector(".figures-desk__status");
  const totalForms = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const initialForms = document.getElementById(`id_${prefix}-INITIAL_FORMS`);

  const cards = () =>
    [...group.querySelectorAll(".figure-card")].filter((card) => !card.classList.contains("empty-form"));
  const input = (card, name) => card.querySelector(`[name^="${prefix}-"][name$="-${name}"]`);

  // Kinds: which fields a figure shows.

  function showKind(card, kind) {
    card.dataset.kind = kind;
    for (const radio of card.querySelectorAll(".figure-card__kind input")) radio.checked = radio.value === kind;
    for (const part of card.querySelectorAll(".figure-kind-artwork, .figure-kind-upload")) {
      part.hidden = !part.classList.contains(`figure-kind-${kind}`);
    }
  }

  function emptyOtherKind(card) {
    if (card.dataset.kind === "artwork") {
      const file = input(card, "image");
      if (file) file.value = "";
      const kept = card.querySelector("input.kept-upload");
      if (kept) kept.value = "";
      const clear = input(card, "image-clear");
      if (clear && card.querySelector(".figure-kind-upload a[href]")) clear.checked = true;
    } else {
      for (const name of ["artwork", "artwork_image"]) {
        const select = input(card, name);
        if (select) select.value = "";
      }
    }
  }

  // Thumbnails and captions before saving.

  function showThumbnail(card, url) {
    const box = card.querySelector(".figure-card__thumb");
    box.replaceChildren();
    if (!url) return;
    const image = document.createElement("img");
    image.src = url;
    image.alt = "";
    box.append(image);
  }

  function showCaption(card, text) {
    card.querySelector(".figure-card__caption").textContent = text;
  }

  function showFocalPreview(card, url) {
    const cell = card.querySelector(".field-image_preview .readonly");
    if (!cell) return;
    const x = parseFloat(input(card, "focal_x")?.value) || 0.5;
    const y = parseFloat(input(card, "focal_y")?.value) || 0.5;
    const frame = document.createElement("span");
    frame.className = "focal-point";
    frame.style.setProperty("--focal-x", `${(x * 100).toFixed(1)}%`);
    frame.style.setProperty("--focal-y", `${(y * 100).toFixed(1)}%`);
    const image = document.createElement("img");
    image.className = "focal-point__image";
    image.src = url;
    image.alt = input(card, "alt_text")?.value || "";
    const marker = document.createElement("span");
    marker.className = "focal-point__marker";
    marker.setAttribute("aria-hidden", "true");
    frame.append(image, marker);
    const help = document.createElement("small");
    help.className = "focal-point__help";
    help.textContent =
      "Click the picture on its most important part to set the focal point used for crops " +
      "(link previews). It is saved with the article.";
    cell.replaceChildren(frame, document.createElement("br"), help);
  }

  const objectUrls = new Map();
  function fileChosen(card, file) {
    if (objectUrls.has(card)) URL.revokeObjectURL(objectUrls.get(card));
    objectUrls.delete(card);
    if (!file) return;
    const url = URL.createObjectURL(file);
    objectUrls.set(card, url);
    showKind(card, "upload");
    showThumbnail(card, url);
    showFocalPreview(card, url);
    if (!input(card, "caption")?.value) showCaption(card, file.name);
  }

  async function artworkChosen(card) {
    if (card.dataset.kind !== "artwork") return; // an upload's thumbnail stays
    const artwork = input(card, "artwork")?.value;
    if (!artwork) {
      showThumbnail(card, "");
      showCaption(card, "");
      return;
    }
    const image = input(card, "artwork_image")?.value;
    const url = group.dataset.figureCardUrl.replace("/0/", `/${encodeURIComponent(artwork)}/`);
    const response = await fetch(image ? `${url}?image=${encodeURIComponent(image)}` : url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok || input(card, "artwork")?.value !== artwork) return;
    const figure = await response.json();
    showThumbnail(card, figure.thumbnail);
    const override = input(card, "caption")?.value.trim();
    showCaption(card, override ? override.split("\n").join(" / ") : figure.caption.join(" / "));
  }

  // The artwork-image picker: select2 sends what Django's autocomplete sends, plus the artwork.

  function limitPicker(select) {
    const widget = $ && $(select).data("select2");
    const ajax = widget && widget.dataAdapter && widget.dataAdapter.ajaxOptions;
    if (!ajax || ajax.limitedToArtwork) return;
    const sent = ajax.data;
    ajax.data = function (params) {
      const data = typeof sent === "function" ? sent.call(this, params) : { ...sent };
      data.artwork = input(select.closest(".figure-card"), "artwork")?.value || "";
      return data;
    };
    ajax.limitedToArtwork = true;
  }

  // select2 names its box by the chosen item only: an empty picker had no name. Its label
  // names it first.
  function nameSelect2Boxes(card) {
    for (const select of card.querySelectorAll("select.admin-autocomplete")) {
      const label = card.querySelector(`label[for="${select.id}"]`);
      const box = select.nextElementSibling?.querySelector(".select2-selection[role=combobox]");
      if (!label || !box || box.dataset.named) continue;
      label.id ||= `${select.id}-label`;
      box.setAttribute("aria-labelledby", `${label.id} ${box.getAttribute("aria-labelledby") || ""}`.trim());
      box.querySelector(".select2-selection__rendered")?.setAttribute("aria-labelledby", label.id);
      box.dataset.named = "true";
    }
  }

  // Order: positions follow the cards; form indexes stay what the formset expects.

  function renumber() {
    const shown = cards();
    shown.forEach((card, index) => {
      const position = input(card, "position");
      if (position) position.value = String(index);
      const label = card.querySelector(".inline_label");
      if (label) label.textContent = `Figure ${index + 1}`;
      const [up, down] = card.querySelectorAll(".figure-card__moves button");
      if (up) up.disabled = index === 0;
      if (down) down.disabled = index === shown.length - 1;
    });
  }

  function reindex(card, index) {
    const pattern = new RegExp(`^${prefix}-(\\d+|__prefix__)(?=-|$)`);
    const rename = (element, attribute) => {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.replace(pattern, `${prefix}-${index}`));
    };
    rename(card, "id");
    for (const element of card.querySelectorAll("[id], [name], [for]")) {
      for (const attribute of ["id", "name", "for"]) {
        const value = element.getAttribute(attribute);
        if (value && value.startsWith("id_")) {
          element.setAttribute(attribute, `id_${value.slice(3).replace(pattern, `${prefix}-${index}`)}`);
        } else {
          rename(element, attribute);
        }
      }
    }
  }

  // Saved figures keep the form index they were served with (the formset pairs them with
  // their rows by it), new ones follow in the order shown, whatever Django's inline script
  // renumbered after a removal.
  function fixFormIndexes() {
    const initial = Number(initialForms.value);
    let next = initial;
    for (const card of cards()) {
      const served = card.dataset.formIndex;
      reindex(card, served !== undefined && Number(served) < initial ? served : next++);
    }
    totalForms.value = String(cards().length);
  }

  function announce(card) {
    const shown = cards();
    status.textContent = `Figure moved to position ${shown.indexOf(card) + 1} of ${shown.length}.`;
  }

  function move(card, step) {
    const shown = cards();
    const target = shown[shown.indexOf(card) + step];
    if (!target) return;
    if (step < 0) target.before(card);
    else target.after(card);
    renumber();
    announce(card);
  }

  function drag(card, handle, start) {
    card.classList.add("figure-card--dragging");
    const follow = (event) => {
      const others = cards().filter((other) => other !== card);
      const below = others.find((other) => {
        const box = other.getBoundingClientRect();
        return event.clientY < box.top + box.height / 2;
      });
      if (below && card.nextElementSibling !== below) below.before(card);
      if (!below && others.length && others.at(-1).nextElementSibling !== card) others.at(-1).after(card);
    };
    const stop = () => {
      document.removeEventListener("pointermove", follow);
      document.removeEventListener("pointerup", stop);
      document.removeEventListener("pointercancel", stop);
      card.classList.remove("figure-card--dragging");
      renumber();
      announce(card);
      handle.focus();
    };
    document.addEventListener("pointermove", follow);
    document.addEventListener("pointerup", stop);
    document.addEventListener("pointercancel", stop);
    follow(start);
  }

  // Each card, as served or added.

  function enhance(card) {
    const match = /-(\d+)$/.exec(card.id);
    if (match && !card.dataset.formIndex) card.dataset.formIndex = match[1];
    // A read-only form (a moderator's, a contributor's on published work) has no position to
    // change and no kind to switch.
    const editable = Boolean(input(card, "position"));
    for (const part of card.querySelectorAll(".figure-card__handle, .figure-card__moves, .figure-card__kind")) {
      part.hidden = !editable;
    }
    const position = card.querySelector(".figure-card__position");
    if (position) position.hidden = true;
    nameSelect2Boxes(card);
    const uploadError = card.querySelector(".figure-kind-upload .errorlist");
    showKind(card, uploadError ? "upload" : card.dataset.kind || "artwork");
  }

  group.querySelector(".figures-desk__help").hidden = !group.querySelector('[name$="-position"]');
  cards().forEach(enhance);
  renumber();

  group.addEventListener("change", (event) => {
    const card = event.target.closest(".figure-card");
    if (!card) return;
    if (event.target.matches(".figure-card__kind input")) {
      showKind(card, event.target.value);
      if (event.target.value === "artwork") artworkChosen(card);
      else if (objectUrls.has(card)) showThumbnail(card, objectUrls.get(card));
    }
    if (event.target.type === "file") fileChosen(card, event.target.files[0]);
  });
  group.addEventListener("click", (event) => {
    const button = event.target.closest(".figure-card__moves button");
    if (!button) return;
    move(button.closest(".figure-card"), button.dataset.move === "up" ? -1 : 1);
    if (button.disabled) button.closest(".figure-card__moves").querySelector("button:not(:disabled)")?.focus();
    else button.focus();
  });
  group.addEventListener("keydown", (event) => {
    const handle = event.target.closest(".figure-card__handle");
    if (!handle || !["ArrowUp", "ArrowDown"].includes(event.key)) return;
    event.preventDefault();
    move(handle.closest(".figure-card"), event.key === "ArrowUp" ? -1 : 1);
    handle.focus();
  });
  group.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest(".figure-card__handle");
    if (!handle || event.button !== 0) return;
    event.preventDefault();
    drag(handle.closest(".figure-card"), handle, event);
  });
  document.addEventListener("formset:added", (event) => {
    if (event.detail?.formsetName !== prefix) return;
    enhance(event.target);
    delete event.target.dataset.formIndex; // a new form: numbered after the saved ones
    renumber();
  });
  document.addEventListener("formset:removed", (event) => {
    if (event.detail?.formsetName === prefix) renumber();
  });
  group.closest("form")?.addEventListener("submit", () => {
    cards().forEach(emptyOtherKind);
    renumber();
    fixFormIndexes();
  });

  if ($) {
    // select2 changes its <select> through jQuery, which native listeners do not hear.
    $(group).on("change", `select[name$="-artwork"], select[name$="-artwork_image"]`, function () {
      const card = this.closest(".figure-card");
      if (this.name.endsWith("-artwork")) {
        const picked = input(card, "artwork_image");
        if (picked && picked.value) $(picked).val(null).trigger("change");
      }
      artworkChosen(card);
    });
    $(group).on("select2:opening", `select[name$="-artwork_image"]`, function () {
      limitPicker(this);
    });
  }
});
