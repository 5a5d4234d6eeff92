/* Runs first in the hidden iframe of iframe-worker-shim.js: gives the worker script what a worker has. */
"use strict";
window.postMessage = (message, origin) => parent.postMessage(message, origin || "*");
window.importScripts = (...urls) => urls.reduce((done, url) => done.then(() => new Promise(loaded => {
  const script = document.createElement("script");
  script.src = url;
  script.onload = loaded;
  document.body.appendChild(script);
})), Promise.resolve());
addEventListener("error", ({ error }) => parent.dispatchEvent(new ErrorEvent("error", { filename: window.name, error })));
