/* Samverkansplanen: small, local, dependency-free behaviour on top of Material.
 * - review notice: decided here at view time from <dl class="sv-meta" data-next-review>, so a copy built
 *   long ago still warns (the build also shows it when the page was already overdue when built);
 * - the offline copy's notice that it is old, decided the same way (from data-sv-old-after);
 * - print button on checklists and actor pages (print packs), and the page's own address on the print-out;
 * - language switch: the links mkdocs-static-i18n writes at build time are followed as they are
 *   (Material would otherwise fetch sitemaps and may guess another page), to the section being read;
 * - boxes on checklists and actor pages can be ticked on screen: kept in this browser only (localStorage),
 *   never sent anywhere, cleared with one button; without JavaScript or storage they stay paper boxes;
 * - the phone-width search button is a real button, reachable with the keyboard;
 * - what is off screen is out of the Tab order: the closed navigation drawer and full-screen search;
 * - the ordinary site opened from disk, where its search cannot run, says so and links the offline copy;
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

  // The offline copy says at the top that it may be out of date after the day written in it at build time
  // (page-header.html), by the reader's clock, so a copy used months later still warns.
  function oldCopyNotice() {
    var notice = document.querySelector("[data-sv-old-after]");
    var last = notice && notice.getAttribute("data-sv-old-after");
    if (/^\d{4}-\d{2}-\d{2}$/.test(last) && last < today()) notice.hidden = false;
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

  var SECTION_KEY = "samverkan-section";

  // The page's sections in order: its headings, and the "jump to your role" targets (the same ids in both
  // languages). A twin page has the same sections in the same order, also where a heading's id differs.
  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll(
      "article h2[id], article h3[id], article h4[id], article li[id^='role-']"));
  }

  // The section the reader is in: the one the address points to while it is on screen, else the last
  // one whose top has scrolled past the header. None at the top of the page.
  function currentSection(all) {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.closest("article")) { // a heading, a role, or a step of "Vad gör jag nu?"
      var box = target.getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) return target;
    }
    var current = null;
    for (var i = 0; i < all.length; i++) {
      if (all[i].getBoundingClientRect().top <= 96) current = all[i];
    }
    return current;
  }

  function languageLinks() {
    document.addEventListener("click", function (ev) {
      var link = ev.target && ev.target.closest && ev.target.closest("a.md-select__link[hreflang]");
      if (!link) return;
      ev.stopPropagation(); // the browser follows the link's own href, not Material's guess
      var all = sections();
      var section = currentSection(all);
      if (!section) return;
      ev.preventDefault();
      try { sessionStorage.setItem(SECTION_KEY, JSON.stringify({ id: section.id, index: all.indexOf(section) })); } catch (e) { /* no storage: the id alone */ }
      location.href = link.href.split("#")[0] + "#" + encodeURIComponent(section.id);
    }, true);
  }

  // Arriving from the other language at a section whose id this page does not have (headings are named in
  // each language): the section at the same place instead.
  function sectionFromOtherLanguage() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(SECTION_KEY) || "null"); sessionStorage.removeItem(SECTION_KEY); } catch (e) { return; }
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (!saved || saved.id !== wanted || document.getElementById(wanted)) return;
    var twin = sections()[saved.index];
    if (!twin) return;
    history.replaceState(null, "", "#" + encodeURIComponent(twin.id));
    twin.scrollIntoView();
  }

  var TICKS_PREFIX = "samverkan-ticks:";

  function tickStore() {
    try {
      var probe = TICKS_PREFIX + "probe";
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return localStorage;
    } catch (e) {
      return null; // private mode or a blocked store: the boxes stay for paper
    }
  }

  // Each box by its item's text (and how often that text came before), so a tick stays with its item
  // when items are added or moved; an item whose wording changes starts unticked.
  function tickKeys(boxes) {
    var seen = {};
    return boxes.map(function (box) {
      var label = box.closest("label") || box.parentNode;
      var text = label.textContent.replace(/\s+/g, " ").trim();
      seen[text] = (seen[text] || 0) + 1;
      return text + "#" + seen[text];
    });
  }

  function ticks() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("article .task-list-item input[type=checkbox]"));
    var clear = document.querySelector("[data-sv-ticks-clear]");
    var status = document.querySelector("[data-sv-ticks-status]");
    var store = boxes.length && clear && status ? tickStore() : null;
    if (!store) return;
    var key = TICKS_PREFIX + location.pathname;
    var keys = tickKeys(boxes);
    var saved = [];
    try { saved = JSON.parse(store.getItem(key) || "[]"); } catch (e) { saved = []; }

    function show() {
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      clear.hidden = ticked === 0;
      status.textContent = ticked ? status.getAttribute("data-sv-ticks-status").replace("{ticked}", ticked).replace("{total}", boxes.length) : "";
    }

    function save() {
      var ticked = keys.filter(function (k, i) { return boxes[i].checked; });
      if (ticked.length) store.setItem(key, JSON.stringify(ticked));
      else store.removeItem(key);
      show();
    }

    boxes.forEach(function (box, i) {
      box.disabled = false;
      box.removeAttribute("disabled");
      box.checked = saved.indexOf(keys[i]) >= 0;
      box.addEventListener("change", save);
    });
    document.documentElement.setAttribute("data-sv-tickable", "");
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      boxes[0].focus();
    });
    show();
  }

  // The phone-width search icon is a <label> for Material's toggle: not focusable, and a label may not take
  // the button role (axe: aria-allowed-role). A real button in its place opens search and focuses the box.
  function searchButton() {
    var labels = document.querySelectorAll("label.md-header__button[for='__search']");
    var toggle = document.getElementById("__search");
    for (var i = 0; i < labels.length && toggle; i++) {
      var label = labels[i];
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " sv-search-button";
      button.setAttribute("aria-label", document.documentElement.lang === "en" ? "Search" : "Sök");
      button.innerHTML = label.innerHTML;
      button.addEventListener("click", function () {
        toggle.click();  // its change event lifts the search's inert before the box takes focus
        var input = document.querySelector(".md-search__input");
        if (input) input.focus();
      });
      label.parentNode.insertBefore(button, label);
      label.style.display = "none";
    }
  }

  // On a narrow screen Material slides the navigation drawer and the search out of view when they are closed,
  // and on any screen it hides the search results until the box is used, but their links stay in the Tab
  // order, unseen. Closed, they are inert; the toggles' state is read again on
  // every change and before every Tab, since Material's own scripts also close them.
  function closedPanelsInert() {
    var panels = [
      { toggle: document.getElementById("__drawer"), panel: document.querySelector(".md-sidebar--primary"), narrow: matchMedia("(max-width: 76.234375em)") },
      { toggle: document.getElementById("__search"), panel: document.querySelector(".md-search"), narrow: matchMedia("(max-width: 59.984375em)") },
      { toggle: document.getElementById("__search"), panel: document.querySelector(".md-search__output"), narrow: matchMedia("all") }
    ].filter(function (each) { return each.toggle && each.panel; });
    function update() {
      panels.forEach(function (each) { each.panel.inert = each.narrow.matches && !each.toggle.checked; });
    }
    panels.forEach(function (each) {
      each.toggle.addEventListener("change", update);
      each.narrow.addEventListener("change", update);
    });
    document.addEventListener("keydown", function (event) { if (event.key === "Tab") update(); }, true);
    update();
  }

  // From disk (file://) the browser blocks the ordinary site's search worker, and Material's search would say
  // "Initialiserar sök" for ever. Only the ordinary site carries the notice: the offline copy searches from disk.
  function fromDisk() {
    var notice = document.querySelector("[data-sv-offline-notice]");
    if (location.protocol !== "file:" || !notice) return;
    notice.hidden = false;
    document.documentElement.setAttribute("data-sv-no-search", "");
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
    oldCopyNotice();
    printTools();
    languageLinks();
    sectionFromOtherLanguage();
    ticks();
    searchButton();
    closedPanelsInert();
    fromDisk();
    namedTooltips();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
