/* Autosave of an admin change form as a working copy (workingcopies/admin.py).

   A few seconds after the editor stops typing (and at least every MAX_WAIT_MS while they
   type on), the form's fields, files left out, are posted to the autosave address, which keeps
   them as this user's working copy and touches nothing else. The body editor
   (django-prose-editor) writes into its hidden textarea on every change and sends an "input"
   event from it, so it is caught like any field; select2 boxes say "change" through jQuery
   only, so that is listened to as well. Leaving the page with changes not saved for real asks
   first (beforeunload), except when the form is being submitted. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 3000;
  var MAX_WAIT_MS = 15000;
  var RETRY_MS = 10000;

  function start() {
    var box = document.getElementById("working-copy");
    if (!box) {
      return;
    }
    var form = box.closest("form");
    var status = box.querySelector("[data-working-copy-status]");
    var url = box.dataset.autosaveUrl;
    // Changes not saved for real (a restored copy, a refused save), and changes not in the
    // working copy yet.
    var unsaved = box.dataset.unsaved === "true";
    var pending = false;
    var firstPendingAt = 0;
    var timer = null;
    var submitting = false;
    var saving = false;

    function say(text) {
      status.textContent = text;
    }

    var tokenInput = form.querySelector("input[name=csrfmiddlewaretoken]");

    // Logging in again (after a session ended) gives a new CSRF token, in the cookie: it is
    // read from there first, so that autosaves and the form's own submit go on working.
    function token() {
      var name = box.dataset.csrfCookie + "=";
      var cookies = document.cookie ? document.cookie.split("; ") : [];
      for (var i = 0; i < cookies.length; i++) {
        if (cookies[i].indexOf(name) === 0) {
          return decodeURIComponent(cookies[i].slice(name.length));
        }
      }
      return tokenInput ? tokenInput.value : "";
    }

    function fields() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        // Files are not kept; the CSRF token goes in a header, fresh (see token()).
        if (typeof value === "string" && name !== "csrfmiddlewaretoken") {
          params.append(name, value);
        }
      });
      return params;
    }

    function schedule(delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, delay);
    }

    function save() {
      timer = null;
      if (submitting || !pending) {
        return;
      }
      if (saving) {
        schedule(DEBOUNCE_MS);
        return;
      }
      pending = false;
      firstPendingAt = 0;
      saving = true;
      fetch(url, {
        method: "POST",
        body: fields(),
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": token(), Accept: "application/json" }
      })
        .then(function (response) {
          var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
          if (!json) {
            // The login page, after a redirect: the session has ended.
            throw new Error(
              "Not saved as a working copy: your session has ended. Log in again in another " +
                "tab, then go on here: what you typed is still in this page."
            );
          }
          return response.json().then(function (answer) {
            if (!response.ok) {
              // Refused (not allowed, too long, a form saved since): trying the same again
              // would be refused again; the next change tries anew.
              var refused = new Error(answer.error || "Not saved as a working copy.");
              refused.final = true;
              throw refused;
            }
            say(answer.message);
          });
        })
        .catch(function (error) {
          pending = true;
          say(
            error instanceof TypeError
              ? "Not saved as a working copy: the server cannot be reached. Trying again..."
              : error.message
          );
          if (!error.final) {
            schedule(RETRY_MS);
          }
        })
        .finally(function () {
          saving = false;
        });
    }

    function changed() {
      if (submitting) {
        return;
      }
      unsaved = true;
      pending = true;
      var now = Date.now();
      if (!firstPendingAt) {
        firstPendingAt = now;
      }
      schedule(Math.max(0, Math.min(DEBOUNCE_MS, firstPendingAt + MAX_WAIT_MS - now)));
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    document.addEventListener("formset:added", changed);
    document.addEventListener("formset:removed", changed);
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("change", "select", changed);
    }

    form.addEventListener("submit", function (event) {
      submitting = true;
      if (tokenInput) {
        tokenInput.value = token();
      }
      window.clearTimeout(timer);
      // Another script may still stop this submit (a confirmation): then typing goes on.
      window.setTimeout(function () {
        if (event.defaultPrevented) {
          submitting = false;
        }
      }, 0);
    });

    window.addEventListener("beforeunload", function (event) {
      if (unsaved && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    var discard = box.querySelector("[data-working-copy-discard]");
    if (discard) {
      discard.addEventListener("click", function () {
        var body = new URLSearchParams();
        body.append("_working_copy_key", form.querySelector("[name=_working_copy_key]").value);
        discard.disabled = true;
        fetch(box.dataset.discardUrl, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { "X-CSRFToken": token(), Accept: "application/json" }
        })
          .then(function (response) {
            if (!response.ok) {
              throw new Error("Not discarded: reload the page and try again.");
            }
            unsaved = false;
            submitting = true;
            window.location.replace(window.location.pathname);
          })
          .catch(function (error) {
            discard.disabled = false;
            say(error.message);
          });
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
