// The article form's groups as tabs (articles/admin_groups.py, templates/admin/articles/
// article/desk/groups.html). Each fieldset carries its group as a class (desk-group-<key>);
// each tab lists the inlines (formset prefixes) it holds; they are moved into one panel per
// group, after the tabs. A tab shows its panel and hides the others; arrow keys, Home and End move between tabs; the address keeps the tab (#tab-<key>);
// a field with an error, or one the browser finds invalid on submit, opens its group.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const tablist = document.querySelector(".desk-tabs");
  if (!tablist) return;
  const form = tablist.closest("form");
  const tabs = [...tablist.querySelectorAll("[role=tab]")];
  const members = new Map(tabs.map((tab) => [tab.dataset.group, []]));

  for (const fieldset of form.querySelectorAll("fieldset[class*='desk-group-']")) {
    members.get(/desk-group-([\w-]+)/.exec(fieldset.className)[1])?.push(fieldset);
  }
  const inlineGroups = new Map(
    tabs.flatMap((tab) => tab.dataset.inlines.split(" ").filter(Boolean).map((p) => [p, tab.dataset.group])),
  );
  for (const inline of form.querySelectorAll(".inline-group")) {
    const key = inlineGroups.get(inline.id.replace(/-group$/, "")) || tablist.dataset.otherInlines;
    members.get(key)?.push(inline);
  }
  // One panel per group, after the tabs, holding its fieldsets and inlines in their order.
  const panels = new Map();
  let place = tablist;
  for (const tab of tabs) {
    const own = members.get(tab.dataset.group);
    tab.hidden = own.length === 0;
    if (tab.hidden) continue;
    const panel = document.createElement("div");
    panel.className = "desk-panel";
    panel.id = `desk-panel-${tab.dataset.group}`;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.append(...own);
    place.after(panel);
    place = panel;
    panels.set(tab.dataset.group, panel);
    tab.setAttribute("aria-controls", panel.id);
    tab.querySelector(".desk-tabs__errors").hidden = !panel.querySelector(".errorlist, .errors");
  }
  const shown = tabs.filter((tab) => !tab.hidden);
  if (!shown.length) return;

  function select(tab, { focus = false, remember = true } = {}) {
    for (const other of shown) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      panels.get(other.dataset.group).hidden = !selected;
    }
    if (focus) tab.focus();
    if (remember) history.replaceState(history.state, "", `#tab-${tab.dataset.group}`);
  }

  const tabOf = (element) => {
    const panel = element.closest(".desk-panel");
    return panel && shown.find((tab) => tab.getAttribute("aria-controls") === panel.id);
  };

  tablist.addEventListener("click", (event) => {
    const tab = event.target.closest("[role=tab]");
    if (tab) select(tab);
  });
  tablist.addEventListener("keydown", (event) => {
    const index = shown.indexOf(document.activeElement);
    if (index < 0) return;
    const next = {
      ArrowRight: shown[(index + 1) % shown.length],
      ArrowLeft: shown[(index - 1 + shown.length) % shown.length],
      Home: shown[0],
      End: shown.at(-1),
    }[event.key];
    if (!next) return;
    event.preventDefault();
    select(next, { focus: true });
  });
  // The browser cannot show the message of a field in a hidden group: open the group first.
  form.addEventListener(
    "invalid",
    (event) => {
      const tab = tabOf(event.target);
      if (tab && tab.getAttribute("aria-selected") !== "true") select(tab);
      const details = event.target.closest("details:not([open])");
      if (details) details.open = true;
    },
    true,
  );

  // The address keeps the tab through "Save and continue editing" (a redirect keeps the
  // fragment), and only then.
  form.addEventListener("submit", (event) => {
    if (event.submitter?.name !== "_continue") {
      history.replaceState(history.state, "", location.pathname + location.search);
    }
  });

  const firstError = form.querySelector(".desk-panel .errorlist, .desk-panel .errors");
  const fromAddress = shown.find((tab) => location.hash === `#tab-${tab.dataset.group}`);
  tablist.hidden = false;
  if (firstError) select(tabOf(firstError), { remember: false });
  else select(fromAddress || shown[0], { remember: false });
});
