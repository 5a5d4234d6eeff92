/* Samverkansplanen search worker for the en pages. search-sv.js and search-en.js are the same file except LANG.
 *
 * Online, each language has its own index (hooks/samverkan/search_index.py); the offline edition has one
 * for both. Before Material's own worker builds its lunr index, this keeps only this language's pages of
 * a merged index ("en/..." is English, everything else Swedish) and sets this language's stemmer.
 * Material searches every word as a prefix ("barnen*"), and lunr skips the stemmer for such words, so a stemmed index would never match "missing" (indexed as "miss"):
 * this stems each plain word of the query the same way first. tests/test_search.py does the same in Python.
 * Works as a real worker (http) and inside the iframe-worker shim (file://).
 */
(function () {
  var LANG = "en";
  var MATERIAL_WORKER = "search.a7633da7.min.js";
  var here = (typeof document !== "undefined" && document.currentScript)
    ? document.currentScript.src : self.location.href;

  function mine(doc) {
    var english = doc.location.indexOf("en/") === 0;
    return LANG === "en" ? english : !english;
  }

  function stem(word) {
    var lunr = self.lunr;
    var fn = LANG === "en" ? lunr && lunr.stemmer : lunr && lunr[LANG] && lunr[LANG].stemmer;
    /* until it no longer changes: Snowball is not idempotent ("påträffats" -> "påträffat" -> "påträff") */
    for (var i = 0; fn && i < 3; i++) {
      var stemmed = fn(new lunr.Token(word, {})).toString();
      if (stemmed === word) break;
      word = stemmed;
    }
    return word;
  }

  /* "försvunna barnen" -> "försvun^10 försvun barn^10 barn": each word of letters as its stem, once exact
     with a boost (so "barn" outranks "barnkonventionen") and once as Material's prefix ("barn*").
     Numbers, § and query syntax stay as typed. */
  var EXACT_BOOST = 10;
  function stemQuery(query) {
    return query.replace(/([+\-]?)([^\s+\-*~^:"]+)/g, function (all, sign, word) {
      if (!/^[\p{L}]+$/u.test(word)) return all;
      var stemmed = stem(word.toLowerCase());
      return sign + stemmed + "^" + EXACT_BOOST + " " + sign + stemmed;
    });
  }

  addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === 0 && message.data) {        /* SETUP */
      /* the online site's index holds this language only; the offline edition's holds both */
      if (message.data.docs.some(function (doc) { return doc.location.indexOf("en/") === 0; })) {
        message.data.docs = message.data.docs.filter(mine);
      }
      message.data.config.lang = [LANG];
    } else if (message.type === 2 && typeof message.data === "string") {  /* QUERY */
      message.data = stemQuery(message.data);
    }
  });
  importScripts(new URL(MATERIAL_WORKER, here).href);
})();
