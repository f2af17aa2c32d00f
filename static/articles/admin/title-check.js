// The duplicate-title warning on the article form (articles/admin_dashboard.py): while the
// title is typed, the admin is asked which other articles have the same title; they are named
// under the field, with links, and the free address is offered for the slug field.
(function () {
  "use strict";

  const WAIT_MS = 400;

  function element(tag, text, attributes) {
    const made = document.createElement(tag);
    if (text) {
      made.textContent = text;
    }
    Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
    return made;
  }

  function init() {
    const input = document.querySelector("input[data-title-check]");
    if (!input) {
      return;
    }
    const slug = document.getElementById("id_slug");
    const box = element("div", "", {
      id: "title-check",
      class: "title-check",
      role: "status",
      "aria-live": "polite",
    });
    (input.closest(".flex-container") || input).after(box);
    const described = (input.getAttribute("aria-describedby") || "").split(" ");
    input.setAttribute("aria-describedby", [...described, box.id].join(" ").trim());

    let timer = null;
    let asked = 0;

    function show(answer) {
      box.replaceChildren();
      box.classList.toggle("title-check-warning", answer.matches.length > 0);
      if (!answer.matches.length) {
        return;
      }
      const many = answer.matches.length > 1;
      box.append(
        element(
          "p",
          many ? "Other articles have this title:" : "Another article has this title:",
          { class: "title-check-heading" }
        )
      );
      const list = element("ul");
      answer.matches.forEach((match) => {
        const item = element("li");
        item.append(element("a", match.label, { href: match.url, target: "_blank", rel: "noopener" }));
        list.append(item);
      });
      box.append(list);
      if (!slug || !answer.slug) {
        return;
      }
      const offer = element("p", "A free address for this one: /" + answer.slug + "/ ");
      if (slug.value !== answer.slug) {
        const use = element("button", "Use this slug", { type: "button", class: "button" });
        use.addEventListener("click", () => {
          slug.value = answer.slug;
          // Django's prepopulate script stops following the title once the slug changed.
          slug.dispatchEvent(new Event("change", { bubbles: true }));
          use.replaceWith(element("span", "Slug set to “" + answer.slug + "”."));
          slug.focus();
        });
        offer.append(use);
      } else {
        offer.append(element("span", "(the slug field has it)."));
      }
      box.append(offer);
    }

    function check() {
      const title = input.value.trim();
      const number = ++asked;
      if (!title) {
        show({ matches: [], slug: "" });
        return;
      }
      const url = new URL(input.dataset.titleCheck, window.location.href);
      url.searchParams.set("title", title);
      if (input.dataset.article) {
        url.searchParams.set("article", input.dataset.article);
      }
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : null))
        .then((answer) => {
          if (answer && number === asked) {
            show(answer);
          }
        })
        .catch(() => {}); // offline: no warning, the form still works
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, WAIT_MS);
    });
    if (input.value.trim()) {
      check();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
