/* The dialog of a figure in the article's body (static/articles/body-figure.js): an artwork
   found by artist or title and one of its images, or an uploaded picture; then alt text,
   credit, caption and size. A modal <dialog>: the page behind it is inert, Esc closes it, and
   the focus goes back to what opened it. Nothing the server answers is written as HTML. */

const SIZES = [
  ["inline", "Text column"],
  ["wide", "Wide"],
  ["full", "Full width"],
];

// Fixed markup only (no text from people or the server): what is found and typed goes in as
// text and values below.
const FORM = `
<form method="dialog" class="body-figure-dialog__form" novalidate>
  <h2 id="body-figure-dialog-title">Insert figure</h2>
  <fieldset class="body-figure-dialog__kind">
    <legend>Picture</legend>
    <label><input type="radio" name="kind" value="artwork" checked> An artwork</label>
    <label><input type="radio" name="kind" value="upload"> An uploaded image</label>
  </fieldset>
  <div class="body-figure-dialog__artwork">
    <label for="body-figure-search">Artwork (search by artist or title)</label>
    <input id="body-figure-search" type="text" role="combobox" autocomplete="off"
           aria-autocomplete="list" aria-expanded="false" aria-controls="body-figure-results">
    <ul id="body-figure-results" role="listbox" aria-label="Artworks found" hidden></ul>
    <p class="body-figure-dialog__status" aria-live="polite"></p>
    <label for="body-figure-artwork-image">Image of the artwork</label>
    <select id="body-figure-artwork-image"></select>
  </div>
  <div class="body-figure-dialog__upload" hidden>
    <label for="body-figure-file">Image file (JPEG, PNG, WebP or GIF)</label>
    <input id="body-figure-file" type="file" accept="image/jpeg,image/png,image/webp,image/gif">
    <p class="body-figure-dialog__uploaded" aria-live="polite"></p>
  </div>
  <div class="body-figure-dialog__preview"></div>
  <label for="body-figure-alt">Alt text</label>
  <textarea id="body-figure-alt" rows="2" maxlength="500" aria-describedby="body-figure-alt-help"></textarea>
  <p id="body-figure-alt-help" class="help">What the picture shows, for readers who cannot see it.
    Required for an upload; for an artwork, leave empty to use the image's own.</p>
  <label class="body-figure-dialog__check"><input id="body-figure-decorative" type="checkbox">
    Decorative (no alt text)</label>
  <label for="body-figure-credit">Credit</label>
  <input id="body-figure-credit" type="text" maxlength="500" aria-describedby="body-figure-credit-help">
  <p id="body-figure-credit-help" class="help">For an artwork, leave empty to use the image's own.</p>
  <label for="body-figure-caption">Caption</label>
  <textarea id="body-figure-caption" rows="2" maxlength="1000" aria-describedby="body-figure-caption-help"></textarea>
  <p id="body-figure-caption-help" class="help">One caption line per line. For an artwork, leave
    empty to compose it from the artwork's record.</p>
  <fieldset class="body-figure-dialog__sizes"><legend>Size</legend></fieldset>
  <p class="body-figure-dialog__error" role="alert"></p>
  <div class="body-figure-dialog__buttons">
    <button type="submit" class="button default">Insert figure</button>
    <button type="button" class="button" data-cancel>Cancel</button>
  </div>
</form>`;

let dialog = null;
let current = null; // { options, onSubmit, opener, chosen, uploaded }

const $ = (selector) => dialog.querySelector(selector);
const field = (id) => dialog.querySelector(`#body-figure-${id}`);

function build() {
  dialog = document.createElement("dialog");
  dialog.className = "body-figure-dialog";
  dialog.setAttribute("aria-labelledby", "body-figure-dialog-title");
  dialog.innerHTML = FORM;
  for (const [value, label] of SIZES) {
    const choice = document.createElement("label");
    const radio = Object.assign(document.createElement("input"), { type: "radio", name: "size", value });
    choice.append(radio, ` ${label}`);
    $(".body-figure-dialog__sizes").append(choice);
  }
  document.body.append(dialog);

  $(".body-figure-dialog__kind").addEventListener("change", showKind);
  $("[data-cancel]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    const back = current && current.opener;
    current = null;
    if (back && back.isConnected) back.focus();
  });
  $("form").addEventListener("submit", submit);
  field("file").addEventListener("change", upload);
  field("artwork-image").addEventListener("change", () => {
    const picked = current.chosen?.images.find((each) => String(each.id) === field("artwork-image").value);
    preview(picked?.thumbnail || current.chosen?.thumbnail);
  });
  const search = field("search");
  let waiting = null;
  search.addEventListener("input", () => {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(() => find(search.value.trim()), 200);
  });
  search.addEventListener("keydown", keyInResults);
  field("results").addEventListener("mousedown", (event) => event.preventDefault()); // focus stays
  field("results").addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) choose(Number(option.dataset.index));
  });
}

function kind() {
  return dialog.querySelector("input[name=kind]:checked").value;
}

function showKind() {
  $(".body-figure-dialog__artwork").hidden = kind() !== "artwork";
  $(".body-figure-dialog__upload").hidden = kind() !== "upload";
  const chosen = kind() === "artwork" ? current.chosen : current.uploaded;
  preview(chosen?.thumbnail);
}

function preview(url) {
  const box = $(".body-figure-dialog__preview");
  box.replaceChildren();
  if (url) box.append(Object.assign(document.createElement("img"), { src: url, alt: "" }));
}

async function ask(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init.headers } });
  if (!(response.headers.get("Content-Type") || "").startsWith("application/json")) {
    // The admin's login page, when the session has ended.
    throw new Error("The admin did not answer as expected; your session may have ended. Log in again in another tab, then retry.");
  }
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || `The server answered ${response.status}.`);
  return answer;
}

// --- Finding an artwork: a combobox with a list of results (WAI-ARIA's pattern).
let found = [];
let active = -1;
let lastSearch = "";

async function find(query) {
  lastSearch = query;
  const status = $(".body-figure-dialog__status");
  if (!query || !current) return showResults([]);
  try {
    const answer = await ask(`${current.options.searchUrl}?q=${encodeURIComponent(query)}`);
    if (query !== lastSearch || !current) return; // a later search is on its way, or closed
    showResults(answer.results);
    status.textContent = answer.results.length
      ? `${answer.results.length} found: use the arrow keys, Enter chooses.`
      : "No artwork found.";
  } catch (error) {
    showResults([]);
    if (current) status.textContent = error.message;
  }
}

function showResults(results) {
  found = results;
  active = -1;
  const list = field("results");
  list.replaceChildren(
    ...results.map((result, index) => {
      const option = document.createElement("li");
      option.id = `body-figure-result-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.index = index;
      if (result.thumbnail) option.append(Object.assign(document.createElement("img"), { src: result.thumbnail, alt: "" }));
      option.append(Object.assign(document.createElement("span"), { textContent: result.label }));
      return option;
    }),
  );
  list.hidden = !results.length;
  field("search").setAttribute("aria-expanded", results.length ? "true" : "false");
  field("search").removeAttribute("aria-activedescendant");
}

function highlight(index) {
  active = index;
  for (const option of field("results").children) {
    option.setAttribute("aria-selected", option.dataset.index === String(index) ? "true" : "false");
  }
  field("search").setAttribute("aria-activedescendant", `body-figure-result-${index}`);
  field(`result-${index}`).scrollIntoView({ block: "nearest" });
}

function keyInResults(event) {
  const open = !field("results").hidden && found.length;
  if (event.key === "ArrowDown" && open) highlight((active + 1) % found.length);
  else if (event.key === "ArrowUp" && open) highlight((active - 1 + found.length) % found.length);
  else if (event.key === "Enter" && open && active >= 0) choose(active);
  else if (event.key === "Escape" && open) showResults([]); // the list closes, not the dialog
  else return;
  event.preventDefault();
}

function choose(index) {
  const artwork = found[index];
  showResults([]);
  showArtwork(artwork);
}

function showArtwork(artwork, imageId = null) {
  current.chosen = artwork;
  field("search").value = artwork.label;
  $(".body-figure-dialog__status").textContent = `Chosen: ${artwork.label}`;
  const select = field("artwork-image");
  select.replaceChildren(
    new Option("Its first image", ""),
    ...artwork.images.map((each) => new Option(each.label, each.id)),
  );
  select.value = imageId ? String(imageId) : "";
  const picked = artwork.images.find((each) => String(each.id) === select.value);
  preview(picked?.thumbnail || artwork.thumbnail);
}

// --- Uploading a picture that is not an artwork.
async function upload() {
  const input = field("file");
  const state = $(".body-figure-dialog__uploaded");
  if (!input.files.length) return;
  const data = new FormData();
  data.append("file", input.files[0]);
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  state.textContent = "Uploading…";
  try {
    const answer = await ask(current.options.uploadUrl, {
      method: "POST",
      body: data,
      headers: token ? { "X-CSRFToken": token.value } : {},
    });
    if (!current) return; // closed meanwhile
    current.uploaded = answer;
    state.textContent = `Uploaded: ${answer.name}`;
    preview(answer.thumbnail);
  } catch (error) {
    if (!current) return;
    current.uploaded = null;
    input.value = "";
    state.textContent = "";
    preview(null);
    refuse(error.message, input);
  }
}

function refuse(message, where) {
  $(".body-figure-dialog__error").textContent = message;
  where.setAttribute("aria-invalid", "true");
  where.focus();
}

function submit(event) {
  event.preventDefault();
  for (const invalid of dialog.querySelectorAll("[aria-invalid]")) invalid.removeAttribute("aria-invalid");
  $(".body-figure-dialog__error").textContent = "";
  const decorative = field("decorative").checked;
  const alt = decorative ? "" : field("alt").value.trim();
  const attrs = {
    artwork: null,
    artworkImage: null,
    image: null,
    size: dialog.querySelector("input[name=size]:checked")?.value || "inline",
    alt,
    credit: field("credit").value.trim(),
    caption: field("caption").value.split("\n").map((line) => line.trim()).filter(Boolean).join("\n"),
    decorative,
  };
  if (kind() === "artwork") {
    if (!current.chosen) return refuse("Choose an artwork: search by artist or title.", field("search"));
    attrs.artwork = String(current.chosen.artwork);
    attrs.artworkImage = field("artwork-image").value || null;
  } else {
    if (!current.uploaded) return refuse("Choose an image file to upload.", field("file"));
    if (!decorative && !alt) return refuse("Describe the image (alt text), or tick “decorative”.", field("alt"));
    attrs.image = String(current.uploaded.image);
  }
  const { onSubmit } = current;
  dialog.close();
  onSubmit(attrs);
}

/* Opens the dialog for a new figure (attrs null) or for the figure with these attrs;
   onSubmit(attrs) gets the figure's new attributes. */
export async function openFigureDialog({ attrs, options, opener, onSubmit }) {
  if (!dialog) build();
  if (dialog.open) return;
  current = { options, onSubmit, opener, chosen: null, uploaded: null };
  const editing = Boolean(attrs);
  $("h2").textContent = editing ? "Edit figure" : "Insert figure";
  $("button[type=submit]").textContent = editing ? "Save figure" : "Insert figure";
  $("form").reset();
  showResults([]);
  for (const cleared of [".body-figure-dialog__status", ".body-figure-dialog__uploaded", ".body-figure-dialog__error"]) {
    $(cleared).textContent = "";
  }
  field("artwork-image").replaceChildren(new Option("Its first image", ""));
  const given = attrs || { size: "inline" };
  dialog.querySelector(`input[name=kind][value=${given.image ? "upload" : "artwork"}]`).checked = true;
  dialog.querySelector(`input[name=size][value=${given.size || "inline"}]`).checked = true;
  field("alt").value = given.alt || "";
  field("credit").value = given.credit || "";
  field("caption").value = given.caption || "";
  field("decorative").checked = Boolean(given.decorative);
  showKind();
  dialog.showModal();
  (editing ? $("button[type=submit]") : field("search")).focus();
  if (!editing) return;
  const query = given.artwork
    ? `artwork=${given.artwork}${given.artworkImage ? `&artwork_image=${given.artworkImage}` : ""}`
    : `image=${given.image}`;
  try {
    const card = await ask(`${options.cardUrl}?${query}`);
    if (!current) return; // closed meanwhile
    if (given.artwork) showArtwork(card, given.artworkImage);
    else {
      current.uploaded = card;
      $(".body-figure-dialog__uploaded").textContent = `Uploaded: ${card.name}`;
      preview(card.thumbnail);
    }
  } catch (error) {
    if (current) $(".body-figure-dialog__error").textContent = error.message;
  }
}
