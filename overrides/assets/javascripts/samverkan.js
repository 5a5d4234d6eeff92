/* Samverkansplanen: small, local, dependency-free behaviour on top of Material.
 * - review notice: decided here at view time from <dl class="sv-meta" data-next-review>, so a copy built
 *   long ago still warns (the build also shows it when the page was already overdue when built);
 * - print button on checklists and actor pages (print packs), and the page's own address on the print-out;
 * - language switch: the links mkdocs-static-i18n writes at build time are followed as they are
 *   (Material would otherwise fetch sitemaps and may guess another page);
 * - the phone-width search button is reachable with the keyboard;
 * - a cited section's note shown as a tooltip (Material's role="dialog") is named after its note number.
 */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function reviewNotice() {
    var meta = document.querySelector(".sv-meta[data-next-review]");
    var notice = document.querySelector("[data-sv-review-notice]");
    if (!meta || !notice) return;
    var due = meta.getAttribute("data-next-review");
    if (/^\d{4}-\d{2}-\d{2}$/.test(due) && due < today()) {
      notice.hidden = false;
      document.documentElement.setAttribute("data-sv-review-overdue", due);
    }
  }

  function printTools() {
    var buttons = document.querySelectorAll("[data-sv-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () { window.print(); });
    }
    var address = document.querySelector("[data-sv-address]");
    if (address && /^https?:$/.test(location.protocol) && !window.SV_KEEP_ADDRESS) {
      address.textContent = location.origin + location.pathname;
    }
  }

  function languageLinks() {
    document.addEventListener("click", function (ev) {
      var link = ev.target && ev.target.closest && ev.target.closest("a.md-select__link[hreflang]");
      if (link) ev.stopPropagation(); // the browser follows the link's own href
    }, true);
  }

  function searchButton() {
    var labels = document.querySelectorAll("label.md-header__button[for='__search']");
    var toggle = document.getElementById("__search");
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i];
      label.setAttribute("tabindex", "0");
      label.setAttribute("role", "button");
      if (!label.getAttribute("aria-label")) label.setAttribute("aria-label", document.documentElement.lang === "en" ? "Search" : "Sök");
      label.addEventListener("keydown", function (ev) {
        if ((ev.key === "Enter" || ev.key === " ") && toggle) {
          ev.preventDefault();
          toggle.click();
          var input = document.querySelector(".md-search__input");
          if (input) input.focus();
        }
      });
    }
  }

  function namedTooltips() {
    new MutationObserver(function () {
      var dialogs = document.querySelectorAll(".md-tooltip2[role='dialog']:not([aria-label])");
      for (var i = 0; i < dialogs.length; i++) {
        var host = document.querySelector("[aria-controls='" + dialogs[i].id + "']");
        if (host && host.getAttribute("aria-label")) dialogs[i].setAttribute("aria-label", host.getAttribute("aria-label"));
      }
    }).observe(document.body, { childList: true });
  }

  function start() {
    reviewNotice();
    printTools();
    languageLinks();
    searchButton();
    namedTooltips();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
