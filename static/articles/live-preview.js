/*
 * The live preview beside the article's change form (articles/admin_preview.py).
 *
 * While the panel is open, the form is posted to the preview's address 600 ms after the last
 * change (typing, the body's editor, a tag or an artwork picked, a figure added), and the
 * public page that comes back is shown in a frame at desktop or phone width, scaled to fit,
 * keeping the reader's scroll position. Nothing is saved. New uploads are not sent: a file
 * shows once the article is saved.
 */
// Loaded in the page's head (the admin's media): it starts once the form is there.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  const DEBOUNCE_MS = 600;
  const POLL_MS = 1000; // what sends no input event: select2's picks, inline rows added
  const WIDE = window.matchMedia("(min-width: 1200px)");
  const STORE = "newsroom.livePreview";

  const panel = document.getElementById("live-preview");
  const form = panel && panel.closest("form");
  if (!panel || !form) {
    return;
  }
  const frame = panel.querySelector("[data-live-preview-frame]");
  const viewport = panel.querySelector("[data-live-preview-viewport]");
  const status = panel.querySelector("[data-live-preview-status]");
  const time = status.querySelector("[data-live-preview-time]");
  const message = status.querySelector("[data-live-preview-message]");
  const heading = panel.querySelector("#live-preview-heading");
  const toggles = Array.from(document.querySelectorAll("[data-live-preview-toggle]"));
  const widthButtons = Array.from(panel.querySelectorAll("[data-live-preview-width]"));

  let settings = load();
  let timer = null;
  let poller = null;
  let lastKey = null; // the form as last sent
  let seenKey = null; // the form as last seen
  let controller = null;
  let loaded = false; // the frame has loaded the first page written into it

  function load() {
    try {
      return Object.assign({ open: false, width: 1280 }, JSON.parse(localStorage.getItem(STORE)));
    } catch (error) {
      return { open: false, width: 1280 };
    }
  }

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify(settings));
    } catch (error) {
      // private browsing: the choice lasts for this page only
    }
  }

  // The form as it would be submitted, without new files.
  function formData() {
    const data = new FormData(form);
    let uploads = 0;
    for (const input of form.querySelectorAll("input[type=file][name]")) {
      data.delete(input.name);
      if (!input.files || !input.files.length) {
        continue;
      }
      uploads += 1;
      // A new figure whose picture is an upload waits for the save; an existing one keeps
      // its stored picture in the preview.
      const prefix = input.name.replace(/-[^-]+$/, "");
      const deleteBox = form.elements[prefix + "-DELETE"];
      if (prefix !== input.name && !data.get(prefix + "-id") && deleteBox) {
        data.set(deleteBox.name, "on");
      }
    }
    return { data: data, uploads: uploads };
  }

  function keyOf(data) {
    const pairs = [];
    for (const [name, value] of data.entries()) {
      if (typeof value === "string") {
        pairs.push([name, value]);
      }
    }
    return new URLSearchParams(pairs).toString();
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, DEBOUNCE_MS);
  }

  function poll() {
    const key = keyOf(formData().data);
    if (key !== seenKey) {
      seenKey = key;
      schedule();
    }
  }

  // The time of the last update is shown, not announced (it changes with every pause in the
  // typing); what needs doing, and notes, are announced when they change.
  function say(text, kind) {
    status.dataset.kind = kind || "";
    const lines = Array.isArray(text) ? text : [text];
    if (kind === "ok") {
      time.textContent = lines[0];
      lines.shift();
    }
    const said = lines.join("\n");
    if (message.dataset.said === said) {
      return;
    }
    message.dataset.said = said;
    message.textContent = "";
    if (kind === "error" && Array.isArray(text)) {
      const lead = document.createElement("p");
      lead.textContent = "The preview shows your last valid version. To fix:";
      const list = document.createElement("ul");
      for (const line of lines) {
        const item = document.createElement("li");
        item.textContent = line;
        list.append(item);
      }
      message.append(lead, list);
    } else {
      message.textContent = said;
    }
  }

  async function refresh() {
    const { data, uploads } = formData();
    const key = keyOf(data);
    seenKey = key;
    if (key === lastKey) {
      return;
    }
    lastKey = key;
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(panel.dataset.url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (response.redirected || response.status === 403) {
        say("You are no longer logged in (or may not edit this article): the preview is " +
          "paused. Log in again in another tab; this form stays as it is.", "error");
        lastKey = null;
      } else if (response.status === 422) {
        say((await response.json()).errors, "error");
      } else if (!response.ok) {
        say("The preview could not be updated (error " + response.status + ").", "error");
        lastKey = null;
      } else {
        show(await response.text());
        const notes = [response.headers.get("X-Preview-Notes") || ""];
        if (uploads && !notes[0].includes("upload")) {
          notes.push("New uploads show once the article is saved.");
        }
        const at = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
        say(["Updated at " + at + ", not saved.", notes.join(" ").trim()], "ok");
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        say("The preview could not be updated: the server did not answer.", "error");
        lastKey = null;
      }
    } finally {
      panel.removeAttribute("aria-busy");
    }
  }

  // The first page is written into the frame; later ones replace its body only, so that the
  // stylesheet is not loaded again and the reader stays where they were.
  function show(html) {
    const doc = frame.contentDocument;
    if (!loaded || !doc || !doc.body) {
      frame.srcdoc = html; // (again, if a newer page came before the first one had loaded)
      return;
    }
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const scroller = doc.scrollingElement || doc.documentElement;
    const top = scroller.scrollTop;
    doc.title = fresh.title;
    doc.body.replaceWith(doc.adoptNode(fresh.body));
    scroller.scrollTop = top;
  }

  // A preview is for reading: its links do not lead the frame away.
  frame.addEventListener("load", function () {
    const doc = frame.contentDocument;
    loaded = Boolean(frame.srcdoc);
    if (doc) {
      doc.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("a[href]")) {
          event.preventDefault();
        }
      });
      doc.addEventListener("submit", function (event) {
        event.preventDefault();
      });
    }
  });

  function fit() {
    const width = settings.width;
    const available = viewport.clientWidth;
    const scale = Math.min(1, available / width);
    frame.style.width = width + "px";
    frame.style.height = Math.floor(viewport.clientHeight / scale) + "px";
    frame.style.transform = scale < 1 ? "scale(" + scale + ")" : "";
    viewport.dataset.scale = scale.toFixed(3);
  }

  function setWidth(width) {
    settings.width = width;
    save();
    for (const button of widthButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.livePreviewWidth) === width));
    }
    fit();
  }

  function open(moveFocus) {
    settings.open = true;
    save();
    panel.hidden = false;
    document.body.classList.add("live-preview-open");
    toggles.forEach((toggle) => toggle.setAttribute("aria-expanded", "true"));
    fit();
    if (moveFocus && !WIDE.matches) {
      heading.focus(); // on a narrow screen the panel covers the form
    }
    window.clearInterval(poller);
    poller = window.setInterval(poll, POLL_MS);
    refresh();
  }

  function close() {
    settings.open = false;
    save();
    panel.hidden = true;
    document.body.classList.remove("live-preview-open");
    toggles.forEach((toggle) => toggle.setAttribute("aria-expanded", "false"));
    window.clearInterval(poller);
    window.clearTimeout(timer);
  }

  toggles.forEach(function (toggle) {
    toggle.addEventListener("click", function () {
      if (panel.hidden) {
        open(true);
      } else {
        close();
        toggle.focus();
      }
    });
  });
  panel.querySelector("[data-live-preview-close]").addEventListener("click", function () {
    close();
    const visible = toggles.find((toggle) => toggle.offsetParent !== null);
    if (visible) {
      visible.focus();
    }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !WIDE.matches) {
      close();
      const visible = toggles.find((toggle) => toggle.offsetParent !== null);
      if (visible) {
        visible.focus();
      }
    }
  });
  widthButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      setWidth(Number(button.dataset.livePreviewWidth));
    });
  });
  form.addEventListener("input", function () {
    if (!panel.hidden) {
      schedule();
    }
  });
  form.addEventListener("change", function () {
    if (!panel.hidden) {
      schedule();
    }
  });
  if (window.ResizeObserver) {
    new ResizeObserver(fit).observe(viewport);
  } else {
    window.addEventListener("resize", fit);
  }

  setWidth(settings.width === 390 ? 390 : 1280);
  if (settings.open && WIDE.matches) {
    open(false); // reopened where it sits beside the form; on a narrow screen it would cover it
  }
});
