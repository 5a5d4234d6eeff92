/* Samverkansplanen search worker for the en pages. search-sv.js and search-en.js are the same file except the language.
 *
 * Online, each language has its own index (site/search_index.py); the offline edition has one for both.
 * search-query.js (loaded first, so it sees each message before Material does) keeps this language's pages,
 * sets its stemmer and reads the query as a sentence; Material's worker builds the index and answers.
 * Works as a real worker (http) and inside the iframe-worker shim (file://), whose importScripts loads in order.
 */
self.SAMVERKAN_SEARCH_LANGUAGE = "en";
(function () {
  var MATERIAL_WORKER = "search.a7633da7.min.js";
  var here = (typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src : self.location.href;
  importScripts(new URL("search-query.js", here).href, new URL(MATERIAL_WORKER, here).href);
})();
