/* Samverkansplanen: search on the page, inlined by overrides/main.html just before Material's bundle.
 *
 * - The search index and the search worker are fetched when the reader first goes to search, not with every
 *   page. Material's bundle requests search/search_index.json and starts its worker as soon as it starts
 *   (from file:// it already waits with the index until search opens). Both are held until the search box
 *   gets focus (a click, Tab, or Material's "/", "s" and "f" keys, which focus it) or search is opened.
 * - When nothing is found, the help under the result count (overrides/partials/search-help.html) is shown:
 *   the three situations of the start page and the emergency numbers.
 * - Each result's chips are not a landmark of their own.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var held = [];
  var NativeWorker = window.Worker; /* from file:// the iframe-worker shim's, installed in the head */

  function release() {
    if (!held) return;
    var waiting = held;
    held = null;
    waiting.forEach(function (start) { start(); });
  }

  /* Material creates its search worker at once; the worker and its scripts start when the index does */
  window.Worker = function (url, options) {
    if (!held || !/\/workers\/search-[a-z]+\.js/.test(String(url))) return new NativeWorker(url, options);
    var proxy = new EventTarget(), worker = null, queue = [];
    held.push(function () {
      worker = new NativeWorker(url, options);
      worker.addEventListener("message", function (ev) { proxy.dispatchEvent(new MessageEvent("message", { data: ev.data })); });
      worker.addEventListener("error", function (ev) { proxy.dispatchEvent(new ErrorEvent("error", ev)); });
      queue.forEach(function (message) { worker.postMessage(message); });
    });
    proxy.postMessage = function (message) { if (worker) worker.postMessage(message); else queue.push(message); };
    proxy.terminate = function () { if (worker) worker.terminate(); };
    return proxy;
  };

  XMLHttpRequest.prototype.open = function (method, url) {
    this.svSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (held && this.svSearchIndex) {
      var request = this, args = arguments;
      held.push(function () { send.apply(request, args); });
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
