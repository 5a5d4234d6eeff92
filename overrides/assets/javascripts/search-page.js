/* Samverkansplanen: search on the page, inlined by overrides/main.html just before Material's bundle.
 *
 * - The search index is fetched when the reader first goes to search, not with every page. Material's bundle
 *   requests search/search_index.json as soon as it starts (online; from file:// it already waits until
 *   search opens). That request is held until the search box gets focus (a click, Tab, or Material's
 *   "/", "s" and "f" keys, which focus it) or search is opened, and then sent as Material made it.
 * - When nothing is found, the help under the result count (overrides/partials/search-help.html) is shown:
 *   the three situations of the start page and the emergency numbers.
 * - Each result's chips are not a landmark of their own.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var held = [];

  function release() {
    if (!held) return;
    var requests = held;
    held = null;
    requests.forEach(function (request) { send.apply(request[0], request[1]); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.svSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (held && this.svSearchIndex) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches(".md-search__input")) release();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.id === "__search" && ev.target.checked) release();
  });

  var help = document.querySelector("[data-sv-search-help]");
  var meta = document.querySelector(".md-search-result__meta");
  if (help && meta) {
    new MutationObserver(function () {
      help.hidden = meta.textContent.trim() !== help.getAttribute("data-sv-search-help");
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  /* Material gives every result's chips a <nav>: ten unnamed landmarks per list (axe: landmark-unique) */
  var list = document.querySelector(".md-search-result__list");
  if (list) {
    new MutationObserver(function () {
      list.querySelectorAll("nav.md-tags:not([role])").forEach(function (nav) { nav.setAttribute("role", "none"); });
    }).observe(list, { childList: true });
  }
})();
