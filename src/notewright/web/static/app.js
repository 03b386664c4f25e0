// notewright: provenance highlighting, unsaved-edit warning, idle sign-out. No build step.
(function () {
  "use strict";

  // Provenance: a statement's data-sources are [start, end) offsets into the description.
  var desc = null, original = "";
  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function highlight(sources) {
    if (!desc) return;
    var spans = (sources || []).slice().sort(function (a, b) { return a[0] - b[0]; });
    var html = "", at = 0;
    spans.forEach(function (s) {
      var start = Math.max(s[0], at), end = Math.min(s[1], original.length);
      if (end <= start) return;
      html += esc(original.slice(at, start)) + "<mark>" + esc(original.slice(start, end)) + "</mark>";
      at = end;
    });
    desc.innerHTML = html + esc(original.slice(at));
  }
  function sourcesOf(el) {
    var holder = el && el.closest ? el.closest("[data-sources]") : null;
    if (!holder) return null;
    try { return JSON.parse(holder.getAttribute("data-sources")); } catch (e) { return null; }
  }
  function onEnter(ev) {
    var s = sourcesOf(ev.target);
    if (s) highlight(s);
  }
  function onLeave(ev) {
    var holder = ev.target.closest && ev.target.closest("[data-sources]");
    if (holder && !holder.contains(document.activeElement)) highlight([]);
  }

  // Unsaved edits: warn before leaving; autosave clears the flag when it succeeds.
  var dirty = false;

  // Idle sign-out: the server expires the session; the page follows it there.
  var idleTimer = null;
  function armIdle() {
    var secs = parseFloat(document.body.getAttribute("data-idle-seconds") || "0");
    if (!secs) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(function () {
      dirty = false;
      window.location.assign("/?expired=1");
    }, secs * 1000 + 500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    desc = document.getElementById("description");
    if (desc && desc.tagName !== "TEXTAREA") original = desc.textContent;
    else desc = null;
    document.addEventListener("mouseover", onEnter);
    document.addEventListener("focusin", onEnter);
    document.addEventListener("mouseout", onLeave);
    document.addEventListener("focusout", onLeave);
    var form = document.getElementById("review-form");
    if (form) {
      form.addEventListener("input", function () { dirty = true; });
      form.addEventListener("submit", function () { dirty = false; });
    }
    window.addEventListener("beforeunload", function (ev) {
      if (dirty) { ev.preventDefault(); ev.returnValue = ""; }
    });
    document.body.addEventListener("htmx:afterRequest", function (ev) {
      armIdle();
      var ok = ev.detail && ev.detail.successful;
      if (ok && ev.detail.elt && ev.detail.elt.id === "autosave") dirty = false;
    });
    document.body.addEventListener("htmx:afterSwap", function (ev) {
      if (ev.detail.target && ev.detail.target.id === "review-body") {
        var h = document.getElementById("review-body").querySelector("h2, legend");
        var status = document.getElementById("save-status");
        if (status) status.textContent = "Saved.";
        if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
      }
    });
    // Keep the CPT field's placeholder in step with the suggestion.
    document.body.addEventListener("htmx:afterSettle", function () {
      var sug = document.getElementById("cpt-suggestion"), cpt = document.getElementById("cpt_code");
      if (sug && cpt) cpt.placeholder = sug.getAttribute("data-code") || "";
    });
    var sug = document.getElementById("cpt-suggestion"), cpt = document.getElementById("cpt_code");
    if (sug && cpt) cpt.placeholder = sug.getAttribute("data-code") || "";
    armIdle();
  });
})();
