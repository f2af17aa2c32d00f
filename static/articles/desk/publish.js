// The article form's action bar (templates/admin/articles/article/desk/publish_bar.html):
// buttons that open a confirmation or the schedule <dialog>, the schedule shortcuts computed
// in the site's time zone (not the browser's), and the chosen time said back in words.
"use strict";
(() => {
  const pad = (n) => String(n).padStart(2, "0");

  // The wall-clock date and time now in `zone`, as numbers.
  function nowIn(zone) {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short",
    }).formatToParts(new Date());
    const get = (type) => parts.find((p) => p.type === type).value;
    const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    return {
      year: +get("year"), month: +get("month"), day: +get("day"),
      hour: +get("hour"), minute: +get("minute"), weekday: weekdays.indexOf(get("weekday")),
    };
  }

  // A calendar day plus `days` (plain date arithmetic, no zone involved).
  function dayAfter(now, days) {
    const d = new Date(Date.UTC(now.year, now.month - 1, now.day + days));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }

  function shortcut(name, zone) {
    const now = nowIn(zone);
    if (name === "tomorrow-9") return [dayAfter(now, 1), "09:00"];
    if (name === "monday-9") return [dayAfter(now, ((8 - now.weekday) % 7) || 7), "09:00"];
    if (name === "today-17") {
      return now.hour < 17 ? [dayAfter(now, 0), "17:00"] : [dayAfter(now, 1), "17:00"];
    }
    // In one hour, rounded up to the next five minutes.
    let minutes = now.hour * 60 + now.minute + 60;
    minutes = Math.ceil(minutes / 5) * 5;
    const days = Math.floor(minutes / (24 * 60));
    minutes %= 24 * 60;
    return [dayAfter(now, days), `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`];
  }

  function describe(dialog) {
    const date = dialog.querySelector("[name=_schedule_date]").value;
    const time = dialog.querySelector("[name=_schedule_time]").value;
    const out = dialog.querySelector(".desk-dialog__preview");
    if (!out) return;
    if (!date || !time) {
      out.textContent = "Choose a day and a time.";
      return;
    }
    const [y, m, d] = date.split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
      weekday: "long", day: "numeric", month: "long", timeZone: "UTC",
    });
    out.textContent = `It will appear on ${day} at ${time} (${dialog.dataset.zone}).`;
  }

  document.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-desk-opens]");
    if (opener) {
      const dialog = document.getElementById(opener.dataset.deskOpens);
      if (dialog) {
        dialog.showModal();
        if (dialog.id === "desk-schedule") {
          const date = dialog.querySelector("[name=_schedule_date]");
          if (!date.value) {
            const [d, t] = shortcut("tomorrow-9", dialog.dataset.zone);
            date.value = d;
            dialog.querySelector("[name=_schedule_time]").value = t;
          }
          describe(dialog);
        }
      }
      return;
    }
    const closer = event.target.closest("[data-desk-closes]");
    if (closer) {
      closer.closest("dialog").close();
      return;
    }
    const short = event.target.closest("[data-desk-shortcut]");
    if (short) {
      const dialog = short.closest("dialog");
      const [d, t] = shortcut(short.dataset.deskShortcut, dialog.dataset.zone);
      dialog.querySelector("[name=_schedule_date]").value = d;
      dialog.querySelector("[name=_schedule_time]").value = t;
      describe(dialog);
    }
  });

  document.addEventListener("input", (event) => {
    const dialog = event.target.closest("#desk-schedule");
    if (dialog) describe(dialog);
  });
})();
