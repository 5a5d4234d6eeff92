/* Samverkansplanen, county edition: the reader chooses their municipality once, and every page then shows
 * that municipality's contact card and local additions in place (hooks/samverkan/edition.py writes them
 * into the page, hidden), and its socialjour's number after every "ring socialjouren" (views/night.py; the
 * number comes from the chooser's option, which every municipality of the county has, adopted or not).
 * The choice is kept in this browser only (localStorage) and sent nowhere; it can be changed or forgotten.
 * Without JavaScript or storage, and on paper, the county text stands.
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
    var chosen = option.hasAttribute("data-not-adopted") ? "data-not-adopted" : "data-chosen";
    status.textContent = select.value
      ? status.getAttribute(chosen).replace("{name}", option.textContent)
      : status.getAttribute("data-none");
  }

  // Each "välj kommun" in the text: the chosen municipality's socialjour, its number a tap-to-call link.
  function nightNumbers(option, noNumber) {
    var places = document.querySelectorAll("[data-sv-night]");
    var tel = option.getAttribute("data-night-tel") || "";
    for (var i = 0; i < places.length; i++) {
      var place = places[i];
      if (!place.svCounty) place.svCounty = Array.prototype.slice.call(place.childNodes);
      while (place.firstChild) place.removeChild(place.firstChild);
      if (!option.value) {
        place.svCounty.forEach(function (node) { place.appendChild(node); });
        continue;
      }
      place.appendChild(document.createTextNode((option.getAttribute("data-night-name") || option.textContent) + ": "));
      if (/^\+?[0-9]+$/.test(tel)) {
        var link = document.createElement("a");
        link.className = "sv-tel";
        link.href = "tel:" + tel;
        link.textContent = option.getAttribute("data-night-phone");
        place.appendChild(link);
      } else {  // "ring 112 och be att få tala med socialjouren", 112 a link
        var words = noNumber.split("|");
        var emergency = document.createElement("a");
        emergency.className = "sv-tel";
        emergency.href = "tel:112";
        emergency.textContent = "112";
        place.appendChild(document.createTextNode(words[0] + " "));
        place.appendChild(emergency);
        place.appendChild(document.createTextNode(" " + (words[1] || "")));
      }
    }
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
    var noNumber = status.getAttribute("data-no-number");
    show(select.value);
    nightNumbers(select.options[select.selectedIndex], noNumber);
    clear.hidden = !select.value;
    if (select.value) say(status, select);

    function choose(slug) {
      select.value = slug;
      store(slug);
      show(slug);
      nightNumbers(select.options[select.selectedIndex], noNumber);
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
