// The customers page: unmerge a bridging identifier or re-link an unmerged link through the JSON API (a cross-site
// form cannot send application/json, and the API refuses anything else), then redraw the unified view from the server.
(function () {
  'use strict';
  const main = document.querySelector('main[data-firm]');
  if (!main) return;
  const firm = main.dataset.firm;

  async function change(action, body, button) {
    button.disabled = true;
    const response = await fetch(`/api/firms/${encodeURIComponent(firm)}/identity/${action}`, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      document.getElementById('identity-error').textContent = problem.detail || 'The change could not be made.';
      button.disabled = false;
      return;
    }
    const page = await (await fetch(`/firms/${encodeURIComponent(firm)}/customers`)).text();
    const fresh = new DOMParser().parseFromString(page, 'text/html').getElementById('unified-view');
    document.getElementById('unified-view').replaceWith(fresh);
  }

  main.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-unmerge], button[data-relink]');
    if (!button) return;
    if (button.dataset.unmerge) change('unmerge', {identifier: button.dataset.unmerge}, button);
    else change('relink', {identifier: button.dataset.relink, record: button.dataset.record}, button);
  });
})();
