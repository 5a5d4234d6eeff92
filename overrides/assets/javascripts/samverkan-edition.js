/* Samverkansplanen, county edition: the reader chooses their municipality once, and every page then shows
 * that municipality's contact card and local additions in place, and its socialjour's number after every
 * "ring socialjouren" (views/night.py).
 *
 * The pages carry no municipality's parts: municipalities/_list.<lang>.js lists the county's municipalities
 * (adopted or not, with their night numbers), and municipalities/<slug>.<lang>.js holds one municipality's
 * parts and the empty slots of the pages they fill (hooks/samverkan/views/municipality_parts.py). Both are
 * scripts beside this one, loaded when needed and then cached by the browser, since fetch() is refused on
 * file:// and the site works from disk. The choice is kept in this browser only (localStorage) and sent
 * nowhere; it can be changed or forgotten. Without JavaScript or storage, and on paper, the county text stands.
 */
(function () {
  "use strict";

  var KEY = "samverkan-municipality";
  var here = document.currentScript && document.currentScript.src;
  var folder = here ? here.replace(/samverkan-edition\.js([?#].*)?$/, "municipalities/") : "";
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  var parts = {};  // slug -> its parts in this language, once loaded
  var current = "";  // the chosen municipality

  function stored() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function store(slug) {
    try {
      if (slug) localStorage.setItem(KEY, slug); else localStorage.removeItem(KEY);
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }

  function load(name, then) {
    var script = document.createElement("script");
    script.src = folder + name + "." + lang + ".js";
    script.onload = then;
    script.onerror = then;  // missing: the county text stands
    document.head.appendChild(script);
  }

  window.svMunicipalityParts = function (slug, language, data) {
    if (language === lang) parts[slug] = data;
  };

  // The chosen municipality's parts, each in its slot; a slot is emptied when the choice changes.
  function show(slug, municipality) {
    current = slug;
    var slots = document.querySelectorAll("[data-sv-slot]");
    for (var i = 0; i < slots.length; i++) slots[i].textContent = "";
    if (slug) document.documentElement.setAttribute("data-sv-chosen", slug);
    else document.documentElement.removeAttribute("data-sv-chosen");
    if (!slug || !municipality || !municipality.parts) return;
    if (!parts[slug]) {
      load(slug, function () { if (parts[slug] && current === slug) show(slug, municipality); });
      return;
    }
    var data = parts[slug];
    for (var j = 0; j < slots.length; j++) {
      var indices = data.slots[slots[j].getAttribute("data-sv-slot")] || [];
      slots[j].innerHTML = indices.map(function (index) { return data.parts[index]; }).join("");
      var shown = slots[j].querySelectorAll("[data-sv-municipality]");
      for (var k = 0; k < shown.length; k++) shown[k].hidden = false;
    }
    nightNumbers(municipality);
  }

  function say(status, municipality) {
    var chosen = municipality && !municipality.adopted ? "data-not-adopted" : "data-chosen";
    status.textContent = municipality
      ? status.getAttribute(chosen).replace("{name}", municipality.name)
      : status.getAttribute("data-none");
  }

  // Each "välj kommun" in the text: the chosen municipality's socialjour, its number a tap-to-call link.
  function nightNumbers(municipality) {
    var places = document.querySelectorAll("[data-sv-night]");
    var status = document.querySelector("[data-sv-chooser-status]");
    var noNumber = (status && status.getAttribute("data-no-number") || "|").split("|");
    var night = municipality && municipality.night;
    for (var i = 0; i < places.length; i++) {
      var place = places[i];
      if (!place.svCounty) place.svCounty = Array.prototype.slice.call(place.childNodes);
      while (place.firstChild) place.removeChild(place.firstChild);
      if (!municipality) {
        place.svCounty.forEach(function (node) { place.appendChild(node); });
        continue;
      }
      place.appendChild(document.createTextNode((night && night.name || municipality.name) + ": "));
      if (night && /^\+?[0-9]+$/.test(night.tel || "")) {
        place.appendChild(call(night.tel, night.phone));
      } else {  // "ring 112 och be att få tala med socialjouren", 112 a link
        place.appendChild(document.createTextNode(noNumber[0] + " "));
        place.appendChild(call("112", "112"));
        place.appendChild(document.createTextNode(" " + (noNumber[1] || "")));
      }
    }
  }

  function call(tel, shown) {
    var link = document.createElement("a");
    link.className = "sv-tel";
    link.href = "tel:" + tel;
    link.textContent = shown;
    return link;
  }

  function chooser(municipalities) {
    var controls = document.querySelector("[data-sv-chooser]");
    if (!controls || !municipalities) return;
    var select = controls.querySelector("select");
    var status = controls.querySelector("[data-sv-chooser-status]");
    var clear = controls.querySelector("[data-sv-chooser-clear]");
    var bySlug = {};
    municipalities.forEach(function (municipality) {
      bySlug[municipality.slug] = municipality;
      var option = document.createElement("option");
      option.value = municipality.slug;
      option.textContent = municipality.name;
      select.appendChild(option);
    });
    select.value = bySlug[stored()] ? stored() : "";  // a municipality no longer on the site: none
    controls.hidden = false;
    clear.hidden = !select.value;
    if (select.value) {
      show(select.value, bySlug[select.value]);
      nightNumbers(bySlug[select.value]);
      say(status, bySlug[select.value]);
    }

    function choose(slug) {
      select.value = slug;
      store(slug);
      show(slug, bySlug[slug]);
      nightNumbers(bySlug[slug]);
      clear.hidden = !slug;
      say(status, bySlug[slug]);
    }
    select.addEventListener("change", function () { choose(select.value); });
    clear.addEventListener("click", function () {
      choose("");
      select.focus();
    });
  }

  window.svMunicipalities = function (language, municipalities) {
    if (language === lang) chooser(municipalities);
  };

  if (folder && document.querySelector("[data-sv-chooser]")) load("_list", function () {});
})();
