/* Samverkansplanen: does a print-out still apply?
 * A print-out's QR code opens the page with ?v=<plan version>&p=<page version> (views/qr.py).
 * The page knows the current plan and page versions (data-plan, data-page on [data-sv-version-check],
 * written at build time), so the comparison needs no network and works in an offline copy too.
 */
(function () {
  "use strict";

  function parse(version) {
    var match = /^(\d{1,4})\.(\d{1,4})$/.exec(version || "");
    return match ? [parseInt(match[1], 10), parseInt(match[2], 10)] : null;
  }

  function compare(a, b) {
    return a[0] - b[0] || a[1] - b[1];
  }

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function versionCheck() {
    var box = document.querySelector("[data-sv-version-check]");
    if (!box) return;
    var query = new URLSearchParams(window.location.search);
    var printed = query.get("v"), current = box.getAttribute("data-plan");
    var printedPage = query.get("p"), currentPage = box.getAttribute("data-page");
    if (!parse(printed) || !parse(current)) return;
    var order = compare(parse(printed), parse(current));
    if (order > 0) return; // a print-out newer than this copy of the handbook: this copy is the old one
    var outdated = order < 0;
    var text = fill(box.getAttribute(outdated ? "data-outdated" : "data-current"),
      { printed: printed, current: current, date: box.getAttribute("data-date") });
    if (outdated && parse(printedPage) && parse(currentPage)) {
      var same = compare(parse(printedPage), parse(currentPage)) === 0;
      text += " " + fill(box.getAttribute(same ? "data-page-same" : "data-page-changed"), { printed: printedPage, current: currentPage });
    }
    box.querySelector("[data-sv-version-title]").textContent = box.getAttribute(outdated ? "data-title-outdated" : "data-title-current");
    box.querySelector("[data-sv-version-text]").textContent = text;
    box.classList.add(outdated ? "warning" : "success");
    box.setAttribute("data-sv-version-state", outdated ? "outdated" : "current");
    box.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", versionCheck);
  else versionCheck();
})();
