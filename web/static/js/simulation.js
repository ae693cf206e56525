// The simulation page: build strategies, run a background job with a progress indicator, draw the results.
// Also draws a stored run on /simulations/{id}. Values reach the page through textContent only.
(function () {
  'use strict';
  // The billing models (the fields the form shows for each), the experiences and the architectures come from the server
  // (GET /api/simulation-catalogue), never from a copy here; they are filled in before the form or a run is drawn.
  let BILLING = {}, ROWS = [], COLUMNS = [];
  const catalogue = fetch('/api/simulation-catalogue', {headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : Promise.reject(new Error('simulation catalogue: HTTP ' + response.status)))
    .then(c => {
      BILLING = Object.fromEntries(c.billingModels.map(m => [m.id, m.fields]));
      ROWS = c.experiences.map(e => e.id);
      COLUMNS = c.architectures.map(a => a.id);
    });
  const DEFAULT_STRATEGIES = [
    {name: 'respond-flat', experience: 'respond_to_desire', personalisationLevel: 1, billing: 'flat_price'},
    {name: 'curated-loyalty', experience: 'curated_offering', personalisationLevel: 2, billing: 'personalised_pricing'}
  ];

  const {h, follow, save} = window.Workbench;

  // ---------- the form ----------
  const form = document.getElementById('simulation-form');
  if (form) catalogue.then(() => setUpForm(form));

  // ---------- the calibrated scenario: a download, or the reason there is none ----------
  const calibration = document.getElementById('calibration-download');
  if (calibration) calibration.addEventListener('click', async (event) => {
    event.preventDefault();
    const box = document.getElementById('calibration-error');
    box.replaceChildren();
    const response = await fetch(calibration.href);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      box.appendChild(h('p', {}, problem.detail || 'The scenario could not be calibrated.'));
      return;
    }
    const name = (/filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '') || [])[1] || 'scenario.json';
    save(await response.blob(), name);
  });

  function setUpForm(form) {
    const tbody = document.querySelector('#strategies tbody');
    const template = document.getElementById('strategy-row');
    const addRow = (s) => {
      const row = template.content.firstElementChild.cloneNode(true);
      row.querySelector('[name=name]').value = s.name;
      row.querySelector('[name=experience]').value = s.experience;
      row.querySelector('[name=personalisationLevel]').value = String(s.personalisationLevel);
      const billing = row.querySelector('[name=billing]');
      billing.value = s.billing;
      billing.addEventListener('change', () => drawBillingParams(row));
      row.querySelector('.remove').addEventListener('click', () => { if (tbody.rows.length > 1) { row.remove(); renumber(); } });
      tbody.appendChild(row);
      drawBillingParams(row);
      row.querySelectorAll('[data-param]').forEach(input => {
        if (s.params && s.params[input.dataset.param] !== undefined) input.value = String(s.params[input.dataset.param]);
      });
      renumber();
    };
    const renumber = () => Array.from(tbody.rows).forEach((row, i) => {
      row.querySelectorAll('[data-field]').forEach(input => input.dataset.path = `$.strategies[${i}].${input.dataset.field}`);
    });
    function drawBillingParams(row) {
      const cell = row.querySelector('.billing-params');
      cell.replaceChildren();
      BILLING[row.querySelector('[name=billing]').value].forEach(({name: field, label, value, options}) => {
        const wrap = h('label', {class: 'param'});
        wrap.appendChild(document.createTextNode(label + ' '));
        let input;
        if (options.length) {
          input = h('select', {'data-field': 'billing.' + field, 'data-param': field});
          options.forEach(o => input.appendChild(h('option', {value: o}, o)));
          input.value = value;
        } else {
          input = h('input', {type: 'number', step: 'any', value: value, 'data-field': 'billing.' + field, 'data-param': field});
        }
        wrap.appendChild(input);
        wrap.appendChild(h('span', {class: 'field-error'}));
        cell.appendChild(wrap);
      });
      renumber();
    }
    const source = document.getElementById('strategy-source');
    DEFAULT_STRATEGIES.forEach(addRow);
    source.textContent = 'Example strategies. Loading this firm\'s own: its current cell and next moves, from its calibrated scenario…';
    // Rows the strategist has edited, added, removed or already run are never replaced.
    let touched = false;
    form.addEventListener('input', () => { touched = true; });
    form.addEventListener('click', (event) => { if (event.target.closest('button')) touched = true; });
    document.getElementById('add-strategy').addEventListener('click', () => addRow({
      name: 'strategy-' + (tbody.rows.length + 1), experience: 'coach_behavior', personalisationLevel: 3, billing: 'subscription'}));
    // Run stays disabled (with a visible status) until the page knows which strategies it runs: a click before the
    // calibration arrived would silently run the example strategies instead of the firm's own.
    const runButton = document.getElementById('run'), runStatus = document.getElementById('run-status');
    let strategiesKnown = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!strategiesKnown) return;
      touched = true;
      run(form, tbody);
    });
    firmStrategies(form.dataset.firm).then(({strategies, reason}) => {
      strategiesKnown = true;
      if (runButton) runButton.disabled = false;
      if (runStatus) runStatus.textContent = '';
      if (!strategies.length) {
        source.textContent = 'Example strategies: ' + reason;
      } else if (touched) {
        source.textContent = 'Your strategies (the firm\'s calibrated ones arrived after you started editing).';
      } else {
        tbody.replaceChildren();
        strategies.forEach(addRow);
        source.textContent = 'This firm\'s current cell and its next moves on the matrix, billed by architecture at today\'s price '
          + '(from its calibrated scenario). Edit them, or add your own.';
      }
    });
  }

  // The strategies of the firm's calibrated scenario (FirmStrategies on the server), as rows of this form.
  async function firmStrategies(firm) {
    try {
      const response = await fetch(`/api/firms/${encodeURIComponent(firm)}/calibration`, {headers: {Accept: 'application/json'}});
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        return {strategies: [], reason: problem.detail || 'this firm has no calibrated scenario.'};
      }
      const scenario = await response.json();
      const strategies = (scenario.strategies || []).filter(s => s.billing && BILLING[s.billing.model]).map(s => ({
        name: s.name, experience: s.experience, personalisationLevel: s.personalisationLevel, billing: s.billing.model, params: s.billing}));
      return {strategies, reason: 'the calibrated scenario has no strategy this page can show.'};
    } catch (e) {
      return {strategies: [], reason: 'the calibrated scenario could not be loaded.'};
    }
  }

  function number(value) {
    const n = Number(value);
    return value === '' || Number.isNaN(n) ? value : n;
  }

  function request(tbody) {
    const strategies = Array.from(tbody.rows).map(row => {
      const billing = {model: row.querySelector('[name=billing]').value};
      row.querySelectorAll('[data-param]').forEach(input => billing[input.dataset.param] =
        input.tagName === 'SELECT' ? input.value : number(input.value));
      return {name: row.querySelector('[name=name]').value, experience: row.querySelector('[name=experience]').value,
        personalisationLevel: Number(row.querySelector('[name=personalisationLevel]').value), billing};
    });
    return {
      strategies,
      parameters: {periods: number(document.getElementById('periods').value)},
      run: {replications: number(document.getElementById('replications').value), seed: number(document.getElementById('seed').value)},
      analyses: {tornado: document.getElementById('tornado').checked, heatmap: document.getElementById('heatmap').checked}
    };
  }

  function clearErrors() {
    document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    document.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    document.getElementById('form-errors').replaceChildren();
  }

  function showErrors(problem) {
    const list = h('ul');
    (problem.errors || []).forEach(err => {
      const input = document.querySelector(`[data-path="${CSS.escape(err.field)}"]`);
      const slot = input ? input.parentElement.querySelector('.field-error') : document.querySelector(`[data-error-for="${CSS.escape(err.field)}"]`);
      if (input) input.classList.add('invalid');
      if (slot) slot.textContent = err.message;
      else list.appendChild(h('li', {}, err.field + ': ' + err.message));
    });
    const box = document.getElementById('form-errors');
    box.appendChild(h('p', {}, problem.detail || 'The simulation could not start.'));
    box.appendChild(list);
  }

  async function run(form, tbody) {
    clearErrors();
    const button = document.getElementById('run'), cancel = document.getElementById('cancel');
    const response = await fetch(`/api/firms/${encodeURIComponent(form.dataset.firm)}/simulations`, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(request(tbody))});
    const body = await response.json();
    if (!response.ok) { showErrors(body); return; }
    button.disabled = true;
    cancel.hidden = false;
    cancel.onclick = () => fetch(`/api/simulation-jobs/${body.id}`, {method: 'DELETE'});
    const progress = document.getElementById('progress');
    progress.hidden = false;
    const status = await followJob(body.id).catch(e => ({state: 'failed', error: e.message}));
    button.disabled = false;
    cancel.hidden = true;
    if (status.state === 'done') {
      progress.hidden = true;
      await showRun(status.runId);
      addPastRun(status.runId);
      await refreshPastRuns(form.dataset.firm);
    } else {
      document.getElementById('progress-text').textContent =
        status.state === 'cancelled' ? 'Cancelled.' : 'Failed: ' + (status.error || 'unknown error');
    }
  }

  function followJob(jobId) {
    const bar = document.getElementById('progress-bar'), text = document.getElementById('progress-text');
    return follow(`/api/simulation-jobs/${encodeURIComponent(jobId)}`, (status) => {
      const share = status.total > 0 ? status.done / status.total : 0;
      bar.value = share;
      text.textContent = `${status.state}: ${status.phase} ${status.done.toLocaleString()} / ${status.total.toLocaleString()} (${Math.floor(share * 100)} %)`;
    });
  }

  function addPastRun(runId) {
    const link = h('a', {href: `/simulations/${runId}`}, 'the run just stored');
    const p = h('p', {class: 'stored'}, 'Stored as ');
    p.appendChild(link);
    document.getElementById('results').prepend(p);
  }

  // "Past runs" as the server lists them (newest first, best strategy by mean NPV), without reloading the page.
  async function refreshPastRuns(firm) {
    const response = await fetch(`/api/firms/${encodeURIComponent(firm)}/simulations`);
    if (!response.ok) return;
    const runs = await response.json();
    const table = document.getElementById('past-runs'), empty = document.getElementById('no-runs');
    const body = table.tBodies[0];
    body.replaceChildren();
    runs.forEach(r => {
      const tr = h('tr');
      tr.appendChild(h('td', {}, r.createdAt));
      const name = tr.appendChild(h('td'));
      name.appendChild(h('a', {href: `/simulations/${encodeURIComponent(r.id)}`}, r.name));
      tr.appendChild(h('td', {}, String(r.replications)));
      tr.appendChild(h('td', {}, String(r.seed)));
      const best = (r.strategies || [])[0];
      tr.appendChild(h('td', {}, best ? `${best.name} (${Math.round(best.npvMean).toLocaleString('en-US')})` : ''));
      body.appendChild(tr);
    });
    table.hidden = runs.length === 0;
    if (empty) empty.hidden = runs.length > 0;
  }

  // ---------- results ----------
  const results = document.getElementById('results');
  if (results && results.dataset.run) catalogue.then(() => showRun(results.dataset.run));

  async function showRun(runId) {
    const run = await (await fetch(`/api/simulations/${encodeURIComponent(runId)}`)).json();
    const out = document.getElementById('results');
    out.replaceChildren();
    out.dataset.loadedRun = runId;
    const r = run.result;
    const cur = r.currency || 'USD'; // every money figure is in the scenario's currency
    out.appendChild(h('h2', {}, 'Results'));
    out.appendChild(summaryTable(r, cur));
    figure(out, 'NPV distribution per strategy', Charts.histograms(
      r.strategies.map(s => ({name: s.name, lower: s.npvHistogram.lower, upper: s.npvHistogram.upper, counts: s.npvHistogram.counts})),
      'NPV histograms', `NPV (${cur})`), 'npv-histogram');
    figure(out, 'Active customers per period (fan chart)', Charts.fan(
      r.strategies.map(s => ({name: s.name, points: s.activeCustomers.points})), 'Active customers', 'customers'), 'fan-active');
    figure(out, `Revenue per period in ${cur} (fan chart)`, Charts.fan(
      r.strategies.map(s => ({name: s.name, points: s.revenuePerPeriod.points})), 'Revenue', `revenue (${cur})`), 'fan-revenue');
    if (r.comparisons && r.comparisons.length) out.appendChild(comparisonTable(r.comparisons, cur));
    if (r.frontier && r.frontier.length) figure(out, 'Efficiency frontier: willingness to pay vs cost to serve', Charts.frontier(r.frontier, 'Efficiency frontier'), 'frontier');
    if (run.tornado) figure(out, `Tornado: what moves the NPV (${cur}) of ${run.tornado.strategy} (±${Math.round(run.tornado.swing * 100)} %)`,
      Charts.tornado(run.tornado.bars.map(b => ({parameter: b.parameter, label: b.label, description: b.description, lowNpv: b.npvAtLow, highNpv: b.npvAtHigh})), run.tornado.baseNpv, 'Tornado'), 'tornado');
    if (run.heatmap) {
      figure(out, `Matrix heatmap: mean NPV (${cur}) of ${run.heatmap.baseStrategy} in every cell (± standard error; each cell names the billing and price it used)`,
        Charts.heatmap(run.heatmap.cells, ROWS, COLUMNS, 'Matrix heatmap'), 'heatmap');
      const notes = document.getElementById('heatmap');
      [run.heatmap.explanation, ...(run.heatmap.merged || [])].filter(Boolean)
        .forEach(t => notes.appendChild(h('p', {class: 'heatmap-note'}, t)));
    }
  }

  function figure(parent, caption, chart, id) {
    const f = h('figure', {id: id, class: 'chart-figure'});
    f.appendChild(chart);
    f.appendChild(h('figcaption', {}, caption));
    parent.appendChild(f);
  }

  function summaryTable(r, cur) {
    const table = h('table', {class: 'summary', id: 'summary'});
    const head = h('tr');
    ['Strategy', 'Experience', 'Level', 'Billing', `Mean NPV (${cur})`, '± SE', 'P5', 'P50', 'P95', 'P(NPV<0)', 'Active at end'].forEach(t => head.appendChild(h('th', {}, t)));
    table.appendChild(h('thead')).appendChild(head);
    const body = table.appendChild(h('tbody'));
    r.strategies.forEach(s => {
      const tr = h('tr', {'data-strategy': s.name});
      [s.name, s.experience.replace(/_/g, ' '), s.personalisationLevel, s.billing.replace(/_/g, ' '), Charts.fmt(s.npv.mean),
        Charts.fmt(s.npv.standardError), Charts.fmt(s.npv.p5), Charts.fmt(s.npv.p50), Charts.fmt(s.npv.p95),
        (s.npv.probabilityNegative * 100).toFixed(1) + ' %', Charts.fmt(s.activeAtEnd.mean)].forEach(v => tr.appendChild(h('td', {}, String(v))));
      body.appendChild(tr);
    });
    const caption = table.createCaption();
    caption.textContent = `${r.replications} replications, seed ${r.seed}, engine ${r.engineVersion}; money in ${cur}`;
    return table;
  }

  function comparisonTable(comparisons, cur) {
    const table = h('table', {class: 'summary', id: 'comparison'});
    table.createCaption().textContent = 'Comparisons on common random numbers (A − B)';
    const head = h('tr');
    ['A', 'B', `Mean difference (${cur})`, '± SE', 'P5', 'P95', 'P(A beats B)'].forEach(t => head.appendChild(h('th', {}, t)));
    table.appendChild(h('thead')).appendChild(head);
    const body = table.appendChild(h('tbody'));
    comparisons.forEach(c => {
      const tr = h('tr');
      [c.a, c.b, Charts.fmt(c.difference.mean), Charts.fmt(c.difference.standardError), Charts.fmt(c.difference.p5),
        Charts.fmt(c.difference.p95), (c.probabilityABeatsB * 100).toFixed(1) + ' %'].forEach(v => tr.appendChild(h('td', {}, String(v))));
      body.appendChild(tr);
    });
    return table;
  }
})();
