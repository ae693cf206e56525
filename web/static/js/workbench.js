// What the workbench's page scripts share, as window.Workbench; a page loads it before its own script (no inline
// script: the CSP forbids it). Elements are built with their text through textContent only, never as HTML.
(function (global) {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS_DEFAULT = 250;

  function fill(e, attrs, text) {
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** An HTML element with these attributes and, if given, this text. */
  function h(tag, attrs, text) {
    return fill(document.createElement(tag), attrs, text);
  }

  /** An SVG element with these attributes and, if given, this text. */
  function s(tag, attrs, text) {
    return fill(document.createElementNS(SVG, tag), attrs, text);
  }

  /**
   * Follows a background job (GET url answers its status: state, phase, done, total, ...) until it leaves "queued" and
   * "running": each status goes to show(status), the last one included, and the last one is what the promise gives.
   * An answer that is not 2xx (the job is gone) rejects with the problem's detail.
   */
  async function follow(url, show, pollMs) {
    for (;;) {
      const response = await fetch(url);
      const status = await response.json();
      if (!response.ok) throw new Error(status.detail || `${url}: HTTP ${response.status}`);
      show(status);
      if (status.state !== 'queued' && status.state !== 'running') return status;
      await new Promise(r => setTimeout(r, pollMs || POLL_MS_DEFAULT));
    }
  }

  /** Offers blob to the user as a download called name. */
  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = h('a', {href: url, download: name});
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  global.Workbench = {h, s, follow, save};
})(window);
