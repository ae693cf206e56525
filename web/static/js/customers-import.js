// The import page: the files go to the import-job API instead of the plain form post (which still works without
// JavaScript); a progress bar follows the import's phases and interactions written, then the page's own report or
// error list for the finished job (GET ...?job=) is swapped in. Values reach the page through textContent only.
(function () {
  'use strict';
  const form = document.getElementById('upload-form');
  if (!form || !window.fetch || !window.FormData) return;
  const firm = encodeURIComponent(form.dataset.firm);
  const box = document.getElementById('import-progress');
  const bar = document.getElementById('import-progress-bar');
  const text = document.getElementById('import-progress-text');
  const button = form.querySelector('button[type=submit]');
  const POLL_MS = 500;
  const {h, follow} = window.Workbench;

  // Phases with interaction counts fill the bar; the others leave it indeterminate (no value attribute).
  function show(status) {
    const seconds = (status.elapsedMs / 1000).toFixed(1);
    if (status.total > 0) {
      bar.max = status.total;
      bar.value = status.done;
      text.textContent = `${status.state}: ${status.phase}, ${status.done.toLocaleString()} of ${status.total.toLocaleString()}`
        + ` interactions (${status.percent} %), ${seconds} s`;
    } else {
      bar.removeAttribute('value');
      text.textContent = `${status.state}: ${status.phase}…, ${seconds} s`;
    }
  }

  async function showResult(jobId) {
    const page = await (await fetch(`/firms/${firm}/customers/import?job=${encodeURIComponent(jobId)}`)).text();
    const fresh = new DOMParser().parseFromString(page, 'text/html').getElementById('import-result');
    document.getElementById('import-result').replaceWith(fresh);
  }

  // A request the API refused before any job started (no files, a bad firm id, an import already running).
  function refused(problem) {
    const section = h('section', {class: 'import-errors', id: 'import-failure'});
    section.appendChild(h('h2', {}, problem.detail || 'The import could not start.'));
    const list = h('ul');
    (problem.errors || []).forEach(e => list.appendChild(h('li', {}, e.field + ': ' + e.message)));
    section.appendChild(list);
    document.getElementById('import-result').replaceChildren(section);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    document.getElementById('import-result').replaceChildren();
    bar.removeAttribute('value');
    text.textContent = 'Uploading…';
    box.hidden = false;
    try {
      const response = await fetch(`/api/firms/${firm}/import-jobs`, {method: 'POST', body: new FormData(form)});
      const body = await response.json();
      if (!response.ok) {
        box.hidden = true;
        refused(body);
        return;
      }
      const status = await follow(`/api/import-jobs/${encodeURIComponent(body.id)}`, show, POLL_MS);
      if (status.state === 'done') form.reset(); // imported: the next upload starts from an empty selection
      else bar.value = 0;
      await showResult(body.id);
    } catch (e) {
      refused({detail: 'The import could not be followed: ' + e.message});
    } finally {
      button.disabled = false;
    }
  });
})();
