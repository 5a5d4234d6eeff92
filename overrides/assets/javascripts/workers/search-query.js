/* Samverkansplanen: the query logic of the search worker. search-sv.js and search-en.js set the language and
 * load this file before Material's own worker, which keeps its index, highlighting and result format.
 * tests/search_engine.py replays this file step by step in Python: change both together.
 *
 * - SETUP: only this language's pages (the offline edition's index holds both: "en/..." is English), this
 *   language's stemmer, and the language's search words (config.vocabulary, from search/synonyms-<lang>.yml).
 * - QUERY, a sentence: split on the index's separator, its first MOST_WORDS words kept; the longest synonym phrase at each word is replaced by
 *   the handbook's words (stop words typed inside a phrase do not break it); stop words are dropped; every
 *   other word is one concept, searched by its stem exactly (boosted) and as a prefix (Material searches
 *   prefixes; lunr skips the stemmer for them, so the stem is made here). A word typed without diacritics
 *   also searches the index's spellings that differ only in them ("patraff" -> "påträff").
 * - Every page that matches any concept is listed: first by how many concepts its best document matches,
 *   where the query names two roles or more (config.vocabulary roles: "boendet, när ringer vi polisen?") one
 *   more for a page whose title names the first, the one who asks, and one less for a page whose title names
 *   only another, so that the asker's own pages rank before the other roles'; then by lunr's score (title = keywords = headings > text) with Material's boost for whole pages.
 *   Material's search calls lunr.Index#search, replaced here; its answer is put in this order before it
 *   is posted, with scores that keep Material's Enter key on the first result and "missing" words per concept.
 * Works as a real worker (http) and inside the iframe-worker shim (file://).
 */
(function () {
  "use strict";
  var LANG = self.SAMVERKAN_SEARCH_LANGUAGE;
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var EXACT_BOOST = 10;
  var SYNTAX = /[+\-*~^:]/g; /* lunr's query syntax: never passed on */
  /* a question, not a letter: the words after these are not searched. Material draws each result's words not
     found once per word, so a pasted page of text froze the results for minutes (issue 31). */
  var MOST_WORDS = 32;
  var vocabulary = { stop_words: [], synonyms: [], roles: [] };
  var separator = /\s+/;
  var stopWords = null, synonyms = null, roles = null, foldedVocabulary = null;
  var concepts = [], ranking = null;

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "");
  }

  function isWord(word) {
    return /^\p{L}+$/u.test(word);
  }

  function stem(word) {
    if (!isWord(word)) return word;
    var lunr = self.lunr;
    var fn = LANG === "en" ? lunr.stemmer : lunr[LANG].stemmer;
    /* until it no longer changes: Snowball is not idempotent ("påträffats" -> "påträffat" -> "påträff") */
    for (var i = 0; i < 3; i++) {
      var stemmed = fn(new lunr.Token(word, {})).toString();
      if (stemmed === word) break;
      word = stemmed;
    }
    return word;
  }

  function words(text) {
    return text.toLowerCase().split(separator)
      .map(function (word) { return word.replace(SYNTAX, ""); })
      .filter(Boolean);
  }

  function normal(word) {
    return fold(stem(word));
  }

  function unique(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }

  /* the vocabulary normalised as queries are, once the stemmer is loaded (after SETUP) */
  function learn() {
    stopWords = new Set(vocabulary.stop_words.map(function (word) { return fold(word.toLowerCase()); }));
    synonyms = [];
    vocabulary.synonyms.forEach(function (pair) {
      var phrase = words(pair[0]).map(normal);
      var stems = unique(words(pair[1]).map(stem));
      if (phrase.length && stems.length) synonyms.push({ phrase: phrase, stems: stems });
    });
    synonyms.sort(function (a, b) { return b.phrase.length - a.phrase.length; });
    roles = new Set((vocabulary.roles || []).map(function (word) { return stem(word.toLowerCase()); }));
  }

  /* the indexes of the concepts that name a role; of two or more, the first is the one who asks */
  function namedRoles() {
    var named = [];
    concepts.forEach(function (concept, i) {
      if (concept.terms.some(function (term) { return roles.has(term); })) named.push(i);
    });
    return named.length > 1 ? named : [];
  }

  /* [end, stems] of the longest synonym phrase starting at `start`, or null */
  function synonymAt(normals, stops, start) {
    for (var s = 0; s < synonyms.length; s++) {
      var phrase = synonyms[s].phrase;
      if (normals[start] !== phrase[0]) continue;
      var i = start + 1, k = 1;
      for (; k < phrase.length; k++) {
        while (i < normals.length && normals[i] !== phrase[k] && stops[i]) i++;
        if (i === normals.length || normals[i] !== phrase[k]) break;
        i++;
      }
      if (k === phrase.length) return [i, synonyms[s].stems];
    }
    return null;
  }

  function wordConcept(word) {
    return { label: word, terms: [stem(word)], foldable: isWord(word) && fold(word) === word };
  }

  function conceptsOf(query) {
    if (!stopWords) learn();
    var typed = words(query).slice(0, MOST_WORDS);
    var normals = typed.map(normal);
    var stops = typed.map(function (word) { return stopWords.has(fold(word)); });
    var found = [];
    for (var i = 0; i < typed.length;) {
      var match = synonymAt(normals, stops, i);
      if (match) {
        var single = match[0] - i === 1;
        found.push({ label: typed.slice(i, match[0]).join(" "), terms: (single ? [stem(typed[i])] : []).concat(match[1]), foldable: false });
        i = match[0];
        continue;
      }
      if (!stops[i]) found.push(wordConcept(typed[i]));
      i++;
    }
    return found.length ? found : typed.map(wordConcept); /* only stop words: search them after all */
  }

  function alternatives(index, concept) {
    var terms = concept.terms.slice();
    if (concept.foldable) {
      if (!foldedVocabulary) {
        foldedVocabulary = Object.keys(index.invertedIndex).map(function (term) { return [fold(term), term]; });
      }
      concept.terms.forEach(function (stemmed) {
        foldedVocabulary.forEach(function (entry) {
          if (entry[0].indexOf(stemmed) === 0) terms.push(entry[1].slice(0, stemmed.length));
        });
      });
    }
    return unique(terms);
  }

  /* replaces lunr.Index#search for Material: the concepts of the pending query, ranked */
  function search() {
    var index = this, lunr = self.lunr;
    var groups = concepts.map(function (concept) { return alternatives(index, concept); });
    var terms = unique([].concat.apply([], groups));
    var results = index.query(function (q) {
      terms.forEach(function (term) {
        if (isWord(term)) q.term(term, { boost: EXACT_BOOST, usePipeline: false });
        q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
      });
    });
    var best = new Map(), found = new Map(), asker = new Set(), other = new Set(), named = namedRoles();
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, matched = Object.keys(metadata);
      function matches(group, field) {
        return matched.some(function (m) {
          return (!field || metadata[m][field]) && group.some(function (term) { return m.indexOf(term) === 0; });
        });
      }
      var hits = groups.map(function (group) { return matches(group); });
      var covered = hits.filter(Boolean).length;
      var wholePage = result.ref.indexOf("#") < 0 ? 1 : 0;
      var weighted = result.score * (1 + Math.pow(wholePage + covered / concepts.length, 2));
      var page = result.ref.split("#")[0];
      var before = best.get(page);
      if (!before || covered > before[0] || (covered === before[0] && weighted > before[1])) best.set(page, [covered, weighted]);
      if (named.length && wholePage && matches(groups[named[0]], "title")) asker.add(page);  /* the page for the one who asks */
      if (wholePage && named.slice(1).some(function (i) { return matches(groups[i], "title"); })) other.add(page);
      found.set(result.ref, hits);
    });
    function coverage(page) { return best.get(page)[0] + (asker.has(page) ? 1 : other.has(page) ? -1 : 0); }
    var pages = Array.from(best.keys()).sort(function (a, b) {
      return coverage(b) - coverage(a) || best.get(b)[1] - best.get(a)[1];
    });
    ranking = { rank: new Map(pages.map(function (page, i) { return [page, i]; })), found: found };
    return results;
  }

  /* Material's answer in our order; scores rise with rank (its Enter key opens the highest), "missing" per concept */
  function ordered(items) {
    if (!ranking) return items;
    var rank = ranking.rank, found = ranking.found;
    function rankOf(group) {
      var r = rank.get(group[0].location.split("#")[0]);
      return r === undefined ? rank.size : r;
    }
    items.sort(function (a, b) { return rankOf(a) - rankOf(b); });
    var top = 1;
    items.forEach(function (group) { group.forEach(function (item) { top = Math.max(top, item.score + 1); }); });
    items.forEach(function (group, g) {
      group.forEach(function (item) {
        item.score += (items.length - g) * top;
        var hits = found.get(item.location);
        if (hits) {
          item.terms = {};
          concepts.forEach(function (concept, i) { item.terms[concept.label] = hits[i]; });
        }
      });
    });
    return items;
  }

  addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === SETUP && message.data) {
      var config = message.data.config;
      /* the online site's index holds this language only; the offline edition's holds both */
      var docs = message.data.docs;
      function english(doc) { return doc.location.indexOf("en/") === 0; }
      if (docs.some(english)) {
        message.data.docs = docs.filter(function (doc) { return english(doc) === (LANG === "en"); });
      }
      config.lang = [LANG];
      self.lunr.Index.prototype.search = search;
      separator = new RegExp(config.separator);
      vocabulary = (config.vocabulary && config.vocabulary[LANG]) || vocabulary;
    } else if (message.type === QUERY && typeof message.data === "string") {
      concepts = conceptsOf(message.data);
      ranking = null;
      /* Material parses what it is given for its own use (highlighting, "missing" words): plain stems */
      message.data = unique([].concat.apply([], concepts.map(function (concept) { return concept.terms; }))).join(" ");
    }
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) ordered(message.data.items);
    return post.apply(self, arguments);
  };
})();
