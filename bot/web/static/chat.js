// faqbot web chat: the page works without this file. With it, a step is sent in the
// background, only the new messages are added (read out by the aria-live log), and
// focus moves to what is new. No inline script, no third-party code.
(function () {
  "use strict";

  var GAP = 12;  // px kept free above what is shown and above the input that stays at the bottom

  // Bring what is new into view, as the terminal chat does: all of it when it fits between the
  // top of the window and the input; else its last message whole; else that message's end, so an
  // answer's whole "Weiter mit" menu shows (a result shows its head, the cause, instead).
  function reveal(first) {
    var log = document.getElementById("log");
    var last = log && log.lastElementChild;
    if (!last || !last.getBoundingClientRect) return;
    first = first && first.parentNode === log ? first : last;
    var composer = document.getElementById("composer");
    var floor = window.innerHeight - (composer ? composer.getBoundingClientRect().height : 0) - GAP;
    var top = first.getBoundingClientRect().top, box = last.getBoundingClientRect();
    var delta;
    if (box.bottom - top > floor - GAP) top = box.top;  // not all of it: the last message
    if (box.bottom - top <= floor - GAP) {
      delta = box.bottom > floor ? box.bottom - floor : top < GAP ? top - GAP : 0;
    } else if (last.classList.contains("result")) {
      delta = box.top - GAP;
    } else {
      delta = box.bottom - floor;
    }
    if (delta) window.scrollBy(0, delta);
  }

  // A question may be a long story: with this script its one-line field becomes a text area that
  // grows with what is typed (up to a few lines, then it scrolls), so the whole story can be read
  // over before it is sent; Enter sends, Shift+Enter starts a new line. An answer's field (a date,
  // an address, a yes or no) and the page without this script keep the one-line field.
  function growField() {
    var input = document.getElementById("text");
    if (!input || input.tagName !== "INPUT" || input.dataset.kind) return;
    var area = document.createElement("textarea");
    Array.prototype.forEach.call(input.attributes, function (a) {
      if (["type", "value", "inputmode", "data-kind"].indexOf(a.name) < 0) area.setAttribute(a.name, a.value);
    });
    area.rows = 1;
    area.value = input.value;
    input.parentNode.replaceChild(area, input);
    fit(area);
  }

  // Where the browser does not size a text area by its content (CSS field-sizing), this script does.
  function fit(area) {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    area.style.height = "auto";
    area.style.height = Math.min(area.scrollHeight + 4, area.clientHeight * 6) + "px";
  }

  document.addEventListener("keydown", function (event) {
    var area = event.target;
    if (!area || area.id !== "text" || area.tagName !== "TEXTAREA") return;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();  // Enter sends, as in the one-line field
    if (area.form && area.form.requestSubmit) area.form.requestSubmit();
  });

  // Show what is new (`first`: the first message added), then focus it without scrolling away.
  // On loading, a last message that starts in the upper half of the window (the greeting below
  // the header) is left where it is.
  function focusNew(root, first) {
    var latest = document.getElementById("latest");
    var top = latest && latest.getBoundingClientRect ? latest.getBoundingClientRect().top : -1;
    if (first !== undefined || top < 0 || top > window.innerHeight / 2) reveal(first);
    var target = root.querySelector("[data-focus]");
    // The focus given here is not a Tab: what reveal() scrolls into view stays in view (with
    // smooth scrolling, the listener below would otherwise cut that scroll short mid-way).
    placing = true;
    if (target) target.focus({ preventScroll: true });
    placing = false;
    // A rejected answer kept in the field is selected: typing replaces it, an arrow key edits it.
    if (target && target.select && target.value) target.select();
  }

  var added = null;  // the first message the last step added
  var placing = false;  // focusNew() is moving the focus to what is new

  // Add the new messages of `doc` to the page; older ones only lose their buttons.
  function merge(doc) {
    var log = document.getElementById("log");
    var fresh = doc.getElementById("log");
    if (!log || !fresh) return false;
    var anchor = document.getElementById("latest");
    if (anchor) anchor.parentNode.removeChild(anchor);
    Array.prototype.forEach.call(document.querySelectorAll("[data-focus]"), function (node) {
      node.removeAttribute("data-focus");
      node.removeAttribute("autofocus");
    });
    var old = {};
    Array.prototype.forEach.call(log.children, function (li) { old[li.dataset.i] = li; });
    var seen = {};
    added = null;
    Array.prototype.forEach.call(fresh.children, function (li) {
      var mine = old[li.dataset.i];
      seen[li.dataset.i] = true;
      if (!mine) {
        var node = log.appendChild(document.importNode(li, true));
        if (!added) added = node;
      } else if (mine.dataset.v !== li.dataset.v) {
        // An older message loses its buttons in place: replacing it would make the
        // live region read it out again.
        // A menu's heading goes with its buttons.
        Array.prototype.forEach.call(mine.querySelectorAll("form, .summary, .menu-heading"), function (node) {
          var kind = node.tagName === "FORM" ? "form" : node.classList.contains("summary") ? ".summary" : ".menu-heading";
          if (!li.querySelector(kind)) node.parentNode.removeChild(node);
        });
        mine.dataset.v = li.dataset.v;
      }
    });
    Object.keys(old).forEach(function (i) { if (!seen[i]) log.removeChild(old[i]); });
    ["composer"].forEach(function (id) {
      var a = document.getElementById(id), b = doc.getElementById(id);
      if (a && b) a.parentNode.replaceChild(document.importNode(b, true), a);
    });
    // Buttons that stay (the topics after small talk, a question still open) post the new
    // count of steps, or the server would take them for a stale page.
    var at = doc.querySelector('#composer input[name="at"]');
    if (at) {
      Array.prototype.forEach.call(document.querySelectorAll('input[name="at"]'), function (node) { node.value = at.value; });
    }
    var flash = document.querySelector(".flash");
    if (flash) flash.parentNode.removeChild(flash);
    document.documentElement.lang = doc.documentElement.lang;
    document.title = doc.title;
    return true;
  }

  // The summary's copy button: shown only where the page may write to the clipboard.
  function enableCopy(root) {
    if (!navigator.clipboard || !window.isSecureContext) return;
    Array.prototype.forEach.call(root.querySelectorAll(".js-copy"), function (b) { b.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".js-copy");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    var status = button.closest(".summary").querySelector(".copy-status");
    function say(text) { if (status) status.textContent = text; }
    say("");
    navigator.clipboard.writeText(source ? source.textContent : "")
      .then(function () { say(button.dataset.done); }, function () { say(button.dataset.failed); });
  });

  // One clear line beside the input when a message cannot be sent; the typed text stays.
  function sayProblem(text) {
    var box = document.getElementById("send-error");
    if (!box) return;
    box.textContent = "";  // read out again, also when the same line comes twice
    box.textContent = text;
    box.hidden = false;
    var input = document.getElementById("text");
    if (input) input.focus({ preventScroll: true });
  }

  function clearProblem() {
    var box = document.getElementById("send-error");
    if (box) { box.hidden = true; box.textContent = ""; }
  }

  // An empty or overlong message is not sent (the server says the same without this script).
  function refused(form) {
    if (form.id !== "composer") return "";
    var input = document.getElementById("text");
    var value = input ? input.value : "";
    if (!value.trim()) return form.dataset.empty;
    // counted as the server counts: characters, not UTF-16 units (an emoji is one, not two)
    var size = Array.from(value.trim()).length;
    if (size > Number(form.dataset.max)) {
      // the size as the chat writes it: 2.345 (German), 2,345 (English)
      // (form.lang would be its hidden input named "lang", not its attribute)
      var sep = (form.getAttribute("lang") || document.documentElement.lang) === "en" ? "," : ".";
      return form.dataset.long.replace("{size}", String(size).replace(/\B(?=(\d{3})+(?!\d))/g, sep));
    }
    return "";
  }

  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "text") clearProblem();
    if (event.target && event.target.id === "text" && event.target.tagName === "TEXTAREA") fit(event.target);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("js-step")) return;
    var problem = refused(form);
    if (problem) {
      event.preventDefault();
      sayProblem(problem);
      return;
    }
    if (!window.fetch || !window.DOMParser) return;
    event.preventDefault();
    clearProblem();
    var offline = document.getElementById("composer");
    offline = offline ? offline.dataset.offline : "";
    var data = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    var buttons = form.querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    document.body.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "faqbot" }
    })
      .then(function (response) {
        return response.text().then(function (text) { return { response: response, text: text }; });
      })
      .then(function (got) {
        var doc = new DOMParser().parseFromString(got.text, "text/html");
        var alert = doc.querySelector(".message-page [role=alert]");
        if (!got.response.ok && alert) {  // refused (too many requests, too large, ...): the page stays
          sayProblem(alert.textContent);
          return;
        }
        if (!got.response.ok || !merge(doc)) {
          document.open(); document.write(got.text); document.close();
          return;
        }
        if (location.search) history.replaceState(null, "", location.pathname);
        growField();
        enableCopy(document);
        focusNew(document, added);
      }, function () { sayProblem(offline); })  // the server is not reachable
      .catch(function () { location.reload(); })
      .then(function () {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        document.body.removeAttribute("aria-busy");
      });
  });

  // A control reached by Tab that lies under the input kept at the bottom of the window (a
  // result's "Kopieren", "Zusammenfassung anzeigen") is scrolled above it: never focused unseen.
  document.addEventListener("focusin", function (event) {
    var composer = document.getElementById("composer");
    var target = event.target;
    if (placing || !composer || !target || target === document.body || !target.getBoundingClientRect) return;
    if (composer.contains(target)) return;
    var hidden = target.getBoundingClientRect().bottom - (composer.getBoundingClientRect().top - GAP);
    if (hidden > 0) window.scrollBy(0, hidden);
  });

  // Typing while a message (not a control) has focus goes to the input, as in a chat.
  document.addEventListener("keydown", function (event) {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && active.matches && active.matches("input, textarea, select, button, a, summary, [contenteditable]")) return;
    var input = document.getElementById("text");
    if (input) input.focus();
  });

  document.addEventListener("DOMContentLoaded", function () { growField(); enableCopy(document); focusNew(document); });
})();
