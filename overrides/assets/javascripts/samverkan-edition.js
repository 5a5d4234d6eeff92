/* Samverkansplanen, county edition: the reader chooses their municipality once, and every page then shows
 * that municipality's contact card and local additions in place (hooks/samverkan/edition.py writes them
 * into the page, hidden). The choice is kept in this browser only (localStorage) and sent nowhere; it can
 * be changed or forgotten. Without JavaScript or storage, and on paper, the county text stands.
 */
(function () {
  "use strict";

  var KEY = "samverkan-municipality";

  function stored() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function store(slug) {
    try {
      if (slug) localStorage.setItem(KEY, slug); else localStorage.removeItem(KEY);
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }

  function show(slug) {
    var parts = document.querySelectorAll("[data-sv-municipality]");
    for (var i = 0; i < parts.length; i++) {
      parts[i].hidden = parts[i].getAttribute("data-sv-municipality") !== slug;
    }
    if (slug) document.documentElement.setAttribute("data-sv-chosen", slug);
    else document.documentElement.removeAttribute("data-sv-chosen");
  }

  function say(status, select) {
    var option = select.options[select.selectedIndex];
    status.textContent = select.value
      ? status.getAttribute("data-chosen").replace("{name}", option.textContent)
      : status.getAttribute("data-none");
  }

  function chooser() {
    var controls = document.querySelector("[data-sv-chooser]");
    if (!controls) return;
    var select = controls.querySelector("select");
    var status = controls.querySelector("[data-sv-chooser-status]");
    var clear = controls.querySelector("[data-sv-chooser-clear]");
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === stored(); });
    select.value = known ? stored() : "";  // a municipality no longer on the site: none
    controls.hidden = false;
    show(select.value);
    clear.hidden = !select.value;
    if (select.value) say(status, select);

    function choose(slug) {
      select.value = slug;
      store(slug);
      show(slug);
      clear.hidden = !slug;
      say(status, select);
    }
    select.addEventListener("change", function () { choose(select.value); });
    clear.addEventListener("click", function () {
      choose("");
      select.focus();
    });
  }

  chooser();
})();
