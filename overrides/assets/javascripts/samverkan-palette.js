/* Samverkansplanen: light or dark follows the phone's setting (prefers-color-scheme) on every visit, unless
 * the reader chose the other with the toggle during this visit.
 * Material keeps the palette in localStorage for good, also when nobody chose it, so one daytime visit kept
 * the site white at night ever after. Inlined by overrides/partials/palette.html right after the toggle's
 * inputs and before Material's own palette script, which paints the page from what is stored: until the
 * reader chooses, what is stored is the option that matches the phone, on every page. The choice is noted
 * in sessionStorage, which the browser empties when the visit ends (the tab or the browser is closed).
 */
(function () {
  "use strict";
  var CHOSEN = "__palette_chosen";
  var form = document.querySelector("[data-md-component=palette]");
  var inputs = form ? Array.prototype.slice.call(form.querySelectorAll("input[data-md-color-media]")) : [];
  var following = false; // the phone switched, not the reader

  function chosenThisVisit() {
    try { return __md_get(CHOSEN, sessionStorage) === true; } catch (e) { return false; }
  }

  function matching() {
    return inputs.filter(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; })[0];
  }

  function storeMatching() {
    var input = matching();
    if (!input || chosenThisVisit()) return;
    __md_set("__palette", { index: inputs.indexOf(input), color: {
      media: input.getAttribute("data-md-color-media"), scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"), accent: input.getAttribute("data-md-color-accent") } });
  }

  // When the phone switches while a page is open, Material repaints it with the option the page started
  // with; after that, the matching option is selected as the toggle would select it.
  function switchWithPhone() {
    setTimeout(function () {
      var input = matching();
      if (!input || chosenThisVisit()) return;
      following = true;
      input.click();
      following = false;
    }, 0);
  }

  if (!inputs.length) return;
  storeMatching();
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", switchWithPhone);
  form.addEventListener("change", function () {
    if (!following) __md_set(CHOSEN, true, sessionStorage);
  });
})();
