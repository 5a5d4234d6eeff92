/* Samverkansplanen, county edition: the reader chooses their municipality once, and every page then shows
 * that municipality's contact card and local additions in place, and its socialjour's number after every
 * "ring socialjouren" (views/night.py). The reader may also give the child's municipality (the assigned one),
 * for this visit only: after every call to the child's municipality its socialjour's number stands, and until it
 * is given, or when it is in another county, the way to it. Each line is a copy of a form the page carries
 * (editions/edition.html, night_forms), its slots filled; on every page, an edition's too, a line with hours
 * says whether the service is open now by the phone's clock.
 *
 * The pages carry no municipality's parts, only empty slots with names: municipalities/_list.<lang>.js lists the
 * county's municipalities (adopted or not, with their night numbers), and municipalities/<slug>.<lang>.js holds
 * one municipality's parts and the names of the slots they fill (views/municipality_parts.py). Both are
 * scripts beside this one, loaded when needed and then cached by the browser, since fetch() is refused on
 * file:// and the site works from disk. The choice is kept in this browser only (localStorage) and sent
 * nowhere; it can be changed or forgotten. Without JavaScript or storage, and on paper, the county text stands.
 */
(function () {
  "use strict";

  var KEY = "samverkan-municipality";
  var CHILD_KEY = "samverkan-child-municipality";  // for this visit only (sessionStorage): it is one child's
  var here = document.currentScript && document.currentScript.src;
  var folder = here ? here.replace(/samverkan-edition\.js([?#].*)?$/, "municipalities/") : "";
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  var parts = {};  // slug -> its parts in this language, once loaded
  var current = "";  // the chosen municipality

  function stored(storage, key) {
    try { return window[storage].getItem(key) || ""; } catch (e) { return ""; }
  }

  function store(storage, key, slug) {
    try {
      if (slug) window[storage].setItem(key, slug); else window[storage].removeItem(key);
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

  // The chosen municipality's parts, each in the slot its name gives; a slot is emptied when the choice changes.
  function show(slug, municipality) {
    current = slug;
    var slots = document.querySelectorAll("[data-sv-slot]");
    for (var i = 0; i < slots.length; i++) {
      slots[i].textContent = "";
      slots[i].removeAttribute("data-sv-municipality");
    }
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
      if (!indices.length) continue;
      slots[j].innerHTML = indices.map(function (index) { return data.parts[index]; }).join("");
      slots[j].setAttribute("data-sv-municipality", slug);
    }
    nightNumbers();
  }

  function say(status, municipality) {
    var said = municipality && !municipality.adopted ? "data-not-adopted" : "data-chosen";
    status.textContent = municipality
      ? status.getAttribute(said).replace("{name}", municipality.name)
      : status.getAttribute("data-none");
  }

  // Each line after a call (data-sv-fill): for the municipality its sentence means ("here": the reader's, "child":
  // the child's), a copy of the page's form filled with its socialjour in its place; without one, the county's
  // line, the way to it, stands.
  var chosen = {here: null, child: null};

  function nightNumbers() {
    var forms = document.querySelector("[data-sv-night-forms]");
    if (!forms) return;
    var copies = document.querySelectorAll("[data-sv-filled]");
    for (var i = 0; i < copies.length; i++) copies[i].parentNode.removeChild(copies[i]);
    var asks = document.querySelectorAll("[data-sv-choose-child]");
    for (var k = 0; k < asks.length; k++) asks[k].hidden = false;
    var lines = document.querySelectorAll("[data-sv-fill]");
    for (var j = 0; j < lines.length; j++) {
      var municipality = chosen[lines[j].getAttribute("data-sv-night")];
      lines[j].hidden = !!municipality;
      if (municipality) lines[j].parentNode.insertBefore(filled(forms, lines[j].getAttribute("data-sv-night"), municipality), lines[j].nextSibling);
    }
    openNow(document);
  }

  function filled(forms, whose, municipality) {
    var night = municipality.night;
    var tel = night && /^\+?[0-9]+$/.test(night.tel || "") ? night.tel : "";
    var line = Array.prototype.filter.call(forms.children, function (form) {
      return !form.querySelector("[data-sv-night-tel]") === !tel;
    })[0].cloneNode(true);
    line.setAttribute("data-sv-night", whose);
    line.setAttribute("data-sv-filled", "");
    slot(line, "label").textContent = forms.getAttribute("data-" + whose).replace("{name}", municipality.name);
    slot(line, "ask").textContent = forms.getAttribute("data-named").replace("{name}", municipality.name);
    if (tel) {
      var link = slot(line, "tel");
      link.href = "tel:" + tel;
      link.textContent = night.phone;
      var hours = night.hours;
      if (hours && hours.text) {
        slot(line, "hours").textContent = " (" + hours.text + ")";
        line.setAttribute("data-sv-week", JSON.stringify(hours.week || []));
      } else {
        slot(line, "hours").remove();
      }
    }
    return line;
  }

  function slot(line, name) {
    return line.querySelector("[data-sv-night-" + name + "]");
  }

  // "Open now" or "Closed now" by the phone's clock, from the service's hours: (start, end) minutes from Monday 00:00.
  function openNow(root) {
    var now = new Date();
    var minute = ((now.getDay() + 6) % 7) * 1440 + now.getHours() * 60 + now.getMinutes();
    var lined = root.querySelectorAll("[data-sv-week]");
    for (var i = 0; i < lined.length; i++) {
      var place = lined[i].querySelector("[data-sv-night-open]");
      var week;
      try { week = JSON.parse(lined[i].getAttribute("data-sv-week")); } catch (e) { week = null; }
      if (!place || !Array.isArray(week)) continue;
      var open = week.some(function (span) { return span[0] <= minute && minute < span[1]; });
      place.textContent = place.getAttribute(open ? "data-open" : "data-closed") + " ";
    }
  }

  function chooser(municipalities) {
    var controls = document.querySelector("[data-sv-chooser]");
    if (!controls || !municipalities) return;
    var select = controls.querySelector("select");
    var child = controls.querySelector("[data-sv-chooser-child]");
    var elsewhere = child.querySelector("[data-sv-elsewhere]");
    var status = controls.querySelector("[data-sv-chooser-status]");
    var clear = controls.querySelector("[data-sv-chooser-clear]");
    var bySlug = {};
    municipalities.forEach(function (municipality) {
      bySlug[municipality.slug] = municipality;
      [select, child].forEach(function (list) {
        var option = document.createElement("option");
        option.value = municipality.slug;
        option.textContent = municipality.name;
        list.insertBefore(option, list === child ? elsewhere : null);
      });
    });
    select.value = bySlug[stored("localStorage", KEY)] ? stored("localStorage", KEY) : "";  // a municipality no longer on the site: none
    child.value = bySlug[stored("sessionStorage", CHILD_KEY)] ? stored("sessionStorage", CHILD_KEY) : "";
    controls.hidden = false;
    clear.hidden = !select.value;
    chosen.child = bySlug[child.value] || null;
    if (child.value) document.documentElement.setAttribute("data-sv-child-shown", "");
    if (select.value) {
      chosen.here = bySlug[select.value];
      show(select.value, bySlug[select.value]);
      say(status, bySlug[select.value]);
    }
    nightNumbers();

    function choose(slug) {
      select.value = slug;
      store("localStorage", KEY, slug);
      chosen.here = bySlug[slug] || null;
      show(slug, bySlug[slug]);
      nightNumbers();
      clear.hidden = !slug;
      say(status, bySlug[slug]);
    }
    select.addEventListener("change", function () { choose(select.value); });
    child.addEventListener("change", function () {
      store("sessionStorage", CHILD_KEY, bySlug[child.value] ? child.value : "");
      chosen.child = bySlug[child.value] || null;  // "Vet inte" and "I ett annat län": the way to it
      nightNumbers();
    });
    clear.addEventListener("click", function () {
      choose("");
      select.focus();
    });
    // "välj den" after a call to the child's municipality: the chooser's second row, at hand (on a phone it is
    // shown only when asked for, so that a checklist's urgent items stay on the first screen)
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest("[data-sv-choose-child]")) return;
      document.documentElement.setAttribute("data-sv-child-shown", "");
      child.scrollIntoView({block: "center"});
      child.focus();
    });
  }

  window.svMunicipalities = function (language, municipalities) {
    if (language === lang) chooser(municipalities);
  };

  if (folder && document.querySelector("[data-sv-chooser]")) load("_list", function () {});
  openNow(document);  // an edition's own lines, and the county's before a choice
})();
