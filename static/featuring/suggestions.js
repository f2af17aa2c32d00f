// The "Featuring suggestions" panel of the article's change form (featuring/admin.py,
// templates/featuring/suggestions_panel.html).
// "Find names in the text" posts the form's title, standfirst and body, and what the form
// features or has decided on, to the panel's endpoint and lists what comes back. Accept puts
// the artist or artwork in the form's own featured picker and adds a decision row (hidden
// inputs); Reject adds a decision row only. Both are saved with the article, by the form's save,
// so a form refused as stale saves neither. Every value is written as text, never as HTML.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector(".featuring-suggestions");
  if (!panel) return;
  const form = panel.closest("form");
  const prefix = panel.dataset.prefix;
  const list = panel.querySelector("[data-featuring-list]");
  const status = panel.querySelector("[data-featuring-status]");
  const findButton = panel.querySelector("[data-featuring-find]");
  const total = form.querySelector(`[name="${prefix}-TOTAL_FORMS"]`);
  const emptyRow = panel.querySelector("template[data-featuring-empty]");

  const picker = (kind) => form.querySelector(`select[name="featured_${kind}s"]`);

  // What the form holds now: featured in its pickers, or decided on in rows not saved yet.
  function settled() {
    const keys = new Set();
    for (const kind of ["artist", "artwork"]) {
      for (const option of picker(kind)?.selectedOptions || []) keys.add(`${kind}:${option.value}`);
    }
    for (const row of panel.querySelectorAll("[data-featuring-row]")) {
      for (const kind of ["artist", "artwork"]) {
        const value = row.querySelector(`[name$="-${kind}"]`)?.value;
        if (value) keys.add(`${kind}:${value}`);
      }
    }
    return keys;
  }

  function say(message) {
    status.textContent = message;
  }

  function addRow(kind, id, decision) {
    const index = Number(total.value);
    const row = emptyRow.content.firstElementChild.cloneNode(true);
    for (const input of row.querySelectorAll("input")) {
      input.name = input.name.replace("__prefix__", index);
      input.id = input.id.replace("__prefix__", index);
    }
    row.querySelector(`[name$="-${kind}"]`).value = id;
    row.querySelector('[name$="-decision"]').value = decision;
    emptyRow.before(row);
    total.value = index + 1;
    // The working copy's autosave listens for changes of the form.
    total.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function feature(kind, id, name) {
    const select = picker(kind);
    if (!select) return;
    let option = [...select.options].find((o) => o.value === String(id));
    if (!option) {
      option = new Option(name, id, false, false);
      select.append(option);
    }
    option.selected = true;
    if (window.django?.jQuery) window.django.jQuery(select).trigger("change");
    else select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function decide(item, decision) {
    const { kind, id, name } = item.dataset;
    if (decision === "accepted") feature(kind, id, name);
    addRow(kind, id, decision);
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    say(
      decision === "accepted"
        ? `${name} will be featured when you save the article.`
        : `${name} will not be suggested again once you save the article.`,
    );
    (next?.querySelector("[data-featuring-decide]") || findButton).focus();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function itemOf(entry) {
    const item = element("li", "featuring-suggestions__item");
    Object.assign(item.dataset, { key: entry.key, kind: entry.kind, id: entry.id, name: entry.name });
    const title = element("p", "featuring-suggestions__name");
    const link = element("a", "", entry.name);
    link.href = entry.url;
    title.append(link, " ", element("span", "featuring-suggestions__kind", `${entry.kind}, in the ${entry.field}`));
    const sentence = element("p", "featuring-suggestions__sentence", entry.before);
    if (entry.found) sentence.append(element("mark", "", entry.found));
    sentence.append(entry.after);
    const actions = element("p", "featuring-suggestions__actions");
    const accept = element("button", "button", "Accept");
    accept.dataset.featuringDecide = "accepted";
    accept.setAttribute("aria-label", `Accept ${entry.name} as a featured ${entry.kind}`);
    const reject = element("button", "button", "Reject");
    reject.dataset.featuringDecide = "rejected";
    reject.setAttribute("aria-label", `Reject ${entry.name}: never suggest it for this article`);
    for (const button of [accept, reject]) button.type = "button";
    actions.append(accept, " ", reject);
    item.append(title, sentence, actions);
    return item;
  }

  // What the form itself holds now is not suggested (a form shown again after an error).
  const holds = settled();
  const shown = [...list.querySelectorAll("[data-key]")];
  const held = shown.filter((item) => holds.has(item.dataset.key));
  for (const item of held) item.remove();
  if (held.length) {
    const left = shown.length - held.length;
    say(left ? `${left} name${left > 1 ? "s" : ""} in the text that the article does not feature yet.` : "");
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-featuring-decide]");
    if (button) decide(button.closest("li"), button.dataset.featuringDecide);
  });

  findButton.addEventListener("click", async () => {
    const data = new FormData();
    const fields = new FormData(form);
    for (const name of ["csrfmiddlewaretoken", "title", "standfirst", "body"]) {
      data.append(name, fields.get(name) ?? "");
    }
    for (const key of settled()) data.append("settled", key);
    findButton.disabled = true;
    panel.setAttribute("aria-busy", "true");
    say("Looking for names in the text…");
    try {
      const response = await fetch(panel.dataset.suggestUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const answer = response.headers.get("Content-Type")?.includes("json") ? await response.json() : {};
      if (!response.ok) {
        say(answer.error || `The names could not be found (error ${response.status}).`);
        return;
      }
      list.replaceChildren(...answer.suggestions.map(itemOf));
      say(answer.message);
    } catch {
      say("The names could not be found: the server did not answer. Try again.");
    } finally {
      findButton.disabled = false;
      panel.removeAttribute("aria-busy");
    }
  });
});
