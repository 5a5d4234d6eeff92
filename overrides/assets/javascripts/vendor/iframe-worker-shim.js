/* Search from disk (file://), where browsers refuse workers: the worker runs in a hidden iframe instead.
 * Derived from the npm package iframe-worker 1.0.4 (shim/index.js, MIT, see iframe-worker-LICENSE.txt). Changed so
 * that the iframe runs no inline script, which the site's Content-Security-Policy forbids: its set-up is the file
 * workers/iframe-worker-boot.js, and the worker's address reaches it as the iframe's name. */
"use strict";
(() => {
  /* Beside the search workers: Material finds its lunr files from the first script in the iframe, by "/worker" */
  const boot = new URL("../workers/iframe-worker-boot.js", document.currentScript.src).href;
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = event => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.name = `${url}`;
      document.body.appendChild(this.iframe = frame);
      this.w.document.open();
      this.w.document.write(`<html><body><script src="${boot}"><\/script><script src="${url}?${+Date.now()}"><\/script></body></html>`);
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => { this.w.onload = resolve; this.w.onerror = reject; });
    }
    terminate() { this.iframe.remove(); onmessage = onerror = null; }
    postMessage(data) {
      this.r.catch().then(() => this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data }))));
    }
    get w() { return this.iframe.contentWindow; }
  }
  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
