// The read-only Cypher console: run a query, show rows and a picture of the nodes and relationships returned.
(function () {
  'use strict';
  const {h, s, save} = window.Workbench;
  let library = [];
  let last = null;

  const $ = id => document.getElementById(id);
  fetch('/api/cypher/library').then(r => r.json()).then(list => { library = list; });
  $('library').addEventListener('change', () => {
    const q = library.find(x => x.id === $('library').value);
    if (!q) return;
    $('query').value = q.cypher;
    $('parameters').value = JSON.stringify(q.parameters, null, 1);
    $('library-answers').textContent = q.answers;
  });
  $('console-form').addEventListener('submit', e => { e.preventDefault(); run(); });
  $('download-csv').addEventListener('click', () => download('csv'));
  $('download-json').addEventListener('click', () => {
    if (last) save(new Blob([JSON.stringify(last, null, 2)], {type: 'application/json'}), 'result.json');
  });

  function body() {
    let parameters;
    try { parameters = JSON.parse($('parameters').value || '{}'); }
    catch (e) { throw new Error('Parameters are not valid JSON: ' + e.message); }
    return JSON.stringify({query: $('query').value, parameters});
  }

  async function run() {
    $('console-error').replaceChildren();
    $('status').textContent = 'Running…';
    let payload;
    try { payload = body(); } catch (e) { showError({title: 'Invalid parameters', detail: e.message}); $('status').textContent = ''; return; }
    const response = await fetch('/api/cypher', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: payload});
    const result = await response.json();
    if (!response.ok) { showError(result); $('status').textContent = ''; return; }
    last = result;
    $('status').textContent = `${result.rows.length} row(s) in ${result.elapsedMillis} ms`;
    $('download-csv').disabled = false;
    $('download-json').disabled = false;
    table(result);
    graph(result.graph);
  }

  function showError(problem) {
    const box = $('console-error');
    box.appendChild(h('p', {class: 'error-title'}, `${problem.status || ''} ${problem.title || 'Error'}`));
    box.appendChild(h('pre', {class: 'error-detail'}, problem.detail || ''));
    if (problem.position) box.appendChild(h('p', {}, `at line ${problem.position.line}, column ${problem.position.column}`));
  }

  function text(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object') return String(v);
    if (v._type === 'node') return `(:${v.labels.join(':')} ${JSON.stringify(v.properties.id ?? v.properties.name ?? '')})`;
    if (v._type === 'relationship') return `[:${v.type}]`;
    return JSON.stringify(v);
  }

  function table(result) {
    const t = $('console-table');
    t.replaceChildren();
    const head = h('tr');
    result.columns.forEach(c => head.appendChild(h('th', {}, c)));
    t.appendChild(h('thead')).appendChild(head);
    const tbody = t.appendChild(h('tbody'));
    result.rows.forEach(row => {
      const tr = h('tr');
      row.forEach(v => tr.appendChild(h('td', {}, text(v))));
      tbody.appendChild(tr);
    });
    $('console-note').textContent = result.note || '';
    $('console-table-section').hidden = false;
  }

  /** A small force-directed layout: repulsion between nodes, springs along relationships. */
  function graph(g) {
    const section = $('console-graph-section'), box = $('console-graph');
    box.replaceChildren();
    if (!g || g.nodes.length === 0) { section.hidden = true; return; }
    section.hidden = false;
    const nodes = g.nodes.slice(0, 300), W = 900, H = 500;
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const links = g.relationships.filter(r => index.has(r.start) && index.has(r.end));
    const pos = nodes.map((n, i) => ({x: W / 2 + 200 * Math.cos(i * 2.4), y: H / 2 + 150 * Math.sin(i * 2.4), vx: 0, vy: 0}));
    for (let step = 0; step < 250; step++) {
      for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = Math.max(dx * dx + dy * dy, 25), f = 1600 / d2;
        pos[i].vx += dx * f / Math.sqrt(d2); pos[i].vy += dy * f / Math.sqrt(d2);
        pos[j].vx -= dx * f / Math.sqrt(d2); pos[j].vy -= dy * f / Math.sqrt(d2);
      }
      links.forEach(l => {
        const a = pos[index.get(l.start)], b = pos[index.get(l.end)];
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = (d - 90) * 0.02;
        a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      });
      pos.forEach(p => {
        p.vx += (W / 2 - p.x) * 0.002; p.vy += (H / 2 - p.y) * 0.002;
        p.x = Math.min(W - 20, Math.max(20, p.x + p.vx * 0.5)); p.y = Math.min(H - 20, Math.max(20, p.y + p.vy * 0.5));
        p.vx *= 0.6; p.vy *= 0.6;
      });
    }
    // Fit the layout to the picture, with room for labels.
    const xs = pos.map(p => p.x), ys = pos.map(p => p.y);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const k = Math.min((W - 160) / Math.max(maxX - minX, 1), (H - 80) / Math.max(maxY - minY, 1), 3);
    pos.forEach(p => {
      p.x = W / 2 + (p.x - (minX + maxX) / 2) * k;
      p.y = H / 2 + (p.y - (minY + maxY) / 2) * k;
    });
    const labels = [...new Set(nodes.map(n => n.labels[0]))];
    const colour = l => `hsl(${(labels.indexOf(l) * 67) % 360}, 55%, 55%)`;
    const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'chart graph', role: 'img'});
    svg.appendChild(s('title', {}, 'Nodes and relationships returned'));
    links.forEach(l => {
      const a = pos[index.get(l.start)], b = pos[index.get(l.end)];
      svg.appendChild(s('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge'}));
      svg.appendChild(s('text', {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, class: 'tick', 'text-anchor': 'middle'}, l.type));
    });
    nodes.forEach((n, i) => {
      const g2 = s('g', {class: 'node', 'data-id': n.id});
      g2.appendChild(s('circle', {cx: pos[i].x, cy: pos[i].y, r: 14, fill: colour(n.labels[0])}));
      g2.appendChild(s('text', {x: pos[i].x, y: pos[i].y + 26, 'text-anchor': 'middle', class: 'tick'},
        String(n.properties.name ?? n.properties.id ?? n.labels[0]).slice(0, 24)));
      g2.appendChild(s('title', {}, `:${n.labels.join(':')} ${JSON.stringify(n.properties)}`));
      svg.appendChild(g2);
    });
    box.appendChild(svg);
  }

  async function download(format) {
    const response = await fetch('/api/cypher?format=' + format, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: body()});
    if (!response.ok) { showError(await response.json()); return; }
    save(await response.blob(), 'result.' + format);
  }
})();
