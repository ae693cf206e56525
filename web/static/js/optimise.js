// The simulation page's "Optimise" tab: search one strategy's billing numbers for the best objective as a background
// job (POST /api/firms/{id}/optimisations), then draw the objective over the search and, for two decisions, the
// response surface, as SVG. Values reach the page through textContent and attributes only (no inline script or style).
(function () {
  'use strict';
  const section = document.getElementById('optimise');
  if (!section) return;
  const {h, s, follow} = window.Workbench;
  const $ = (id) => document.getElementById(id);

  const fmt = (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : window.Charts.fmt(v);

  // ---------- tabs ----------
  // The simulation's form and results hide behind the Optimise tab; its progress line keeps its own state.
  const simulateParts = ['simulation-form', 'results'].map($).filter(Boolean);
  const progress = $('progress');
  let progressHidden = progress ? progress.hidden : true;
  function show(optimise) {
    section.hidden = !optimise;
    simulateParts.forEach(p => { p.hidden = optimise; });
    if (progress) {
      if (optimise) { progressHidden = progress.hidden; progress.hidden = true; } else { progress.hidden = progressHidden; }
    }
    $('tab-optimise').setAttribute('aria-pressed', String(optimise));
    $('tab-simulate').setAttribute('aria-pressed', String(!optimise));
    if (optimise) fillStrategies();
  }
  $('tab-optimise').addEventListener('click', () => show(true));
  $('tab-simulate').addEventListener('click', () => show(false));

  // ---------- the strategies of the simulation form, as the API takes them ----------
  function strategies() {
    return Array.from(document.querySelectorAll('#strategies tbody tr')).map(row => {
      const billing = {model: row.querySelector('[name=billing]').value};
      const numeric = [];
      row.querySelectorAll('[data-param]').forEach(input => {
        if (input.tagName === 'SELECT') {
          billing[input.dataset.param] = input.value;
        } else {
          billing[input.dataset.param] = Number(input.value);
          numeric.push(input.dataset.param);
        }
      });
      return {strategy: {name: row.querySelector('[name=name]').value, experience: row.querySelector('[name=experience]').value,
        personalisationLevel: Number(row.querySelector('[name=personalisationLevel]').value), billing}, numeric};
    });
  }

  function fillStrategies() {
    const select = $('opt-strategy');
    const chosen = select.value;
    select.replaceChildren(...strategies().map(x => h('option', {value: x.strategy.name}, x.strategy.name)));
    if (chosen && Array.from(select.options).some(o => o.value === chosen)) select.value = chosen;
    fillParameters();
  }

  function current() {
    return strategies().find(x => x.strategy.name === $('opt-strategy').value);
  }

  function fillParameters() {
    const c = current();
    const params = c ? c.numeric : [];
    const first = $('opt-param-1'), second = $('opt-param-2');
    first.replaceChildren(...params.map(p => h('option', {value: p}, 'billing.' + p)));
    second.replaceChildren(h('option', {value: ''}, '(none)'), ...params.map(p => h('option', {value: p}, 'billing.' + p)));
    bounds(1);
    bounds(2);
  }

  // Default bounds: half to one and a half times today's value (a fairness cap from 1).
  function bounds(i) {
    const c = current();
    const p = $('opt-param-' + i).value;
    const v = c && p ? c.strategy.billing[p] : NaN;
    $('opt-low-' + i).value = p ? (p === 'fairnessCap' ? 1 : +(v * 0.5).toPrecision(3)) : '';
    $('opt-high-' + i).value = p ? +(Math.max(v * 1.5, p === 'fairnessCap' ? 1.5 : 0.1)).toPrecision(3) : '';
  }
  $('opt-strategy').addEventListener('change', fillParameters);
  $('opt-param-1').addEventListener('change', () => bounds(1));
  $('opt-param-2').addEventListener('change', () => bounds(2));

  function request() {
    const c = current();
    const decisions = [1, 2].filter(i => $('opt-param-' + i).value).map(i => ({
      parameter: 'strategy.billing.' + $('opt-param-' + i).value,
      low: Number($('opt-low-' + i).value), high: Number($('opt-high-' + i).value)}));
    const replications = Number($('opt-replications').value);
    const optimisation = {
      strategy: c ? c.strategy.name : '', decisions,
      objective: $('opt-objective').value === 'p5' ? {statistic: 'quantile', quantile: 0.05} : {statistic: 'mean'},
      budget: Number($('opt-budget').value), replications, finalists: 3, finalReplications: Math.max(20, 5 * replications)};
    if ($('opt-loss').value !== '') optimisation.constraints = [{type: 'loss_probability', max: Number($('opt-loss').value)}];
    return {strategies: c ? [c.strategy] : [], parameters: {periods: Number($('periods').value)},
      run: {seed: Number($('seed').value)}, optimisation};
  }

  // ---------- run ----------
  $('opt-run').addEventListener('click', async () => {
    const errors = $('opt-errors'), status = $('opt-status'), out = $('opt-result');
    errors.replaceChildren();
    const response = await fetch(`/api/firms/${encodeURIComponent(section.dataset.firm)}/optimisations`, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(request())});
    const body = await response.json();
    if (!response.ok) {
      errors.appendChild(h('p', {}, body.detail || 'The optimisation could not start.'));
      const list = h('ul');
      (body.errors || []).forEach(err => list.appendChild(h('li', {}, err.field + ': ' + err.message)));
      errors.appendChild(list);
      return;
    }
    $('opt-run').disabled = true;
    const job = await follow(`/api/simulation-jobs/${encodeURIComponent(body.id)}`, (job) => {
      status.textContent = `${job.state}: ${job.phase} ${job.done.toLocaleString()} / ${job.total.toLocaleString()} replications`;
    }).catch(e => ({state: 'failed', error: e.message}));
    $('opt-run').disabled = false;
    if (job.state !== 'done') {
      status.textContent = job.state === 'cancelled' ? 'Cancelled.' : 'Failed: ' + (job.error || 'unknown error');
      return;
    }
    status.textContent = '';
    const stored = await (await fetch(`/api/optimisations/${encodeURIComponent(job.runId)}`)).json();
    out.replaceChildren(...draw(stored.result, job.runId));
  });

  // ---------- pictures ----------
  function draw(r, runId) {
    const parts = [];
    const currency = r.currency;
    parts.push(h('p', {id: 'opt-headline', class: r.status === 'OPTIMAL' ? 'stored' : 'form-errors'},
      `${r.status === 'OPTIMAL' ? 'Best' : 'Infeasible: no candidate met every constraint; least violating'}: ` +
      r.decisions.map((d, i) => `${d} = ${r.best.values[i]}`).join(', ') +
      `; ${r.objective} ${fmt(r.best.objective)} ${currency} (95 % interval ${fmt(r.best.low)} to ${fmt(r.best.high)}); ` +
      `P(best beats current) ${Math.round(100 * r.probabilityBestBeatsCurrent)} %.`));
    parts.push(table(r));
    parts.push(searchChart(r));
    const continuous = r.decisions.length >= 2;
    if (continuous) parts.push(surface(r));
    const link = h('a', {href: `/api/optimisations/${encodeURIComponent(runId)}`}, 'the stored optimisation (JSON)');
    const p = h('p', {class: 'muted'}, `${r.search.length} evaluations × ${r.searchReplications} replications, ` +
      `${fmt(r.evaluationsPerSecond)} evaluations/s; finalists re-run with ${r.finalReplications}. Stored as `);
    p.appendChild(link);
    parts.push(p);
    return parts;
  }

  function table(r) {
    const t = h('table', {class: 'runs', id: 'opt-table'});
    const head = h('tr');
    ['', ...r.decisions, r.objective + ' (' + r.currency + ')', '95 % interval',
      ...r.best.constraints.map(c => c.constraint)].forEach(x => head.appendChild(h('th', {}, x)));
    t.appendChild(h('thead')).appendChild(head);
    const tb = h('tbody');
    const row = (label, c) => {
      const tr = h('tr');
      [label, ...c.values, fmt(c.objective), `${fmt(c.low)} – ${fmt(c.high)}`,
        ...c.constraints.map(k => `${fmt(k.value)} ${k.held ? 'ok' : 'missed'}`)].forEach(x => tr.appendChild(h('td', {}, x)));
      tb.appendChild(tr);
    };
    row('best', r.best);
    row('current', r.current);
    r.runnersUp.forEach((c, i) => row('runner-up ' + (i + 1), c));
    t.appendChild(tb);
    return t;
  }

  function frame(id, title, width, height) {
    const root = s('svg', {id, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title});
    root.appendChild(s('title', {}, title));
    root.appendChild(s('text', {x: width / 2, y: 16, 'text-anchor': 'middle', 'font-weight': 'bold'}, title));
    return root;
  }

  function linear(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return v => r0 + (v - d0) / span * (r1 - r0);
  }

  function axes(root, x, y, xs, ys, xLabel, yLabel, box) {
    const [left, top, right, bottom] = box;
    root.appendChild(s('line', {x1: left, y1: bottom, x2: right, y2: bottom, stroke: '#555'}));
    root.appendChild(s('line', {x1: left, y1: top, x2: left, y2: bottom, stroke: '#555'}));
    window.Charts.niceTicks(xs[0], xs[1], 5).ticks.forEach(v => {
      if (v < xs[0] || v > xs[1]) return;
      root.appendChild(s('text', {x: x(v), y: bottom + 14, 'text-anchor': 'middle', 'font-size': 11}, fmt(v)));
    });
    window.Charts.niceTicks(ys[0], ys[1], 4).ticks.forEach(v => {
      if (v < ys[0] || v > ys[1]) return;
      root.appendChild(s('text', {x: left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11}, fmt(v)));
    });
    root.appendChild(s('text', {x: (left + right) / 2, y: bottom + 30, 'text-anchor': 'middle', 'font-size': 12}, xLabel));
    root.appendChild(s('text', {x: 12, y: (top + bottom) / 2, 'text-anchor': 'middle', 'font-size': 12,
      transform: `rotate(-90 12 ${(top + bottom) / 2})`}, yLabel));
  }

  function range(values) {
    const finite = values.filter(v => Number.isFinite(v));
    let lo = Math.min(...finite), hi = Math.max(...finite);
    if (lo === hi) { lo -= 1; hi += 1; }
    return [lo, hi];
  }

  // The objective of every evaluation in search order (filled: feasible, hollow: not), and the best feasible so far.
  function searchChart(r) {
    const W = 640, H = 280, box = [80, 30, 620, 230];
    const root = frame('opt-search', `${r.objective} over the search`, W, H);
    const xs = [0, Math.max(1, r.search.length - 1)], ys = range(r.search.map(t => t.objective));
    const x = linear(xs[0], xs[1], box[0], box[2]), y = linear(ys[0], ys[1], box[3], box[1]);
    axes(root, x, y, xs, ys, 'evaluation', `${r.objective} (${r.currency})`, box);
    const best = r.search.filter(t => Number.isFinite(t.bestSoFar)).map(t => `${x(t.index)},${y(t.bestSoFar)}`);
    if (best.length > 1) root.appendChild(s('polyline', {points: best.join(' '), fill: 'none', stroke: '#1b7837', 'stroke-width': 2}));
    r.search.forEach(t => {
      const dot = s('circle', {cx: x(t.index), cy: y(t.objective), r: 3.5, stroke: '#2166ac',
        fill: t.feasible ? '#2166ac' : 'none', class: 'opt-point'});
      dot.appendChild(s('title', {}, `#${t.index} (${t.phase}): ${t.values.join(', ')} → ${fmt(t.objective)}${t.feasible ? '' : ' (infeasible)'}`));
      root.appendChild(dot);
    });
    return root;
  }

  // Two continuous decisions: every evaluation at its values, coloured from low (light) to high (dark) objective.
  function surface(r) {
    const W = 640, H = 340, box = [80, 30, 620, 290];
    const root = frame('opt-surface', `Response surface: ${r.objective} by ${r.decisions[0]} and ${r.decisions[1]}`, W, H);
    const xs = range(r.search.map(t => t.coordinates[0])), ys = range(r.search.map(t => t.coordinates[1]));
    const zs = range(r.search.map(t => t.objective));
    const x = linear(xs[0], xs[1], box[0] + 8, box[2] - 8), y = linear(ys[0], ys[1], box[3] - 8, box[1] + 8);
    axes(root, x, y, xs, ys, r.decisions[0], r.decisions[1], box);
    r.search.forEach(t => {
      const k = (t.objective - zs[0]) / (zs[1] - zs[0]);
      const shade = (a, b) => Math.round(a + (b - a) * k);
      const dot = s('circle', {cx: x(t.coordinates[0]), cy: y(t.coordinates[1]), r: 6,
        fill: `rgb(${shade(222, 8)},${shade(235, 48)},${shade(247, 107)})`, stroke: t.feasible ? '#333' : '#b2182b',
        class: 'opt-cell'});
      dot.appendChild(s('title', {}, `${t.values.join(', ')} → ${fmt(t.objective)}`));
      root.appendChild(dot);
    });
    const b = r.best.coordinates;
    root.appendChild(s('circle', {cx: x(b[0]), cy: y(b[1]), r: 10, fill: 'none', stroke: '#1b7837', 'stroke-width': 3, id: 'opt-best'}));
    return root;
  }
})();
