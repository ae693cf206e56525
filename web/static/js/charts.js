// Small SVG charts for the workbench: no dependencies, nothing fetched from a CDN.
// Each function returns an <svg> element; text goes in through textContent, never as HTML.
(function (global) {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#1f5fa8', '#d9822b', '#2e8b57', '#9b4dca', '#c0392b', '#16a2b8', '#7f8c8d', '#b7950b'];

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(width, height, title) {
    const root = el('svg', {viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart'});
    root.appendChild(el('title', {}, title));
    return root;
  }

  function fmt(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    const a = Math.abs(v);
    if (a >= 1e6) return (v / 1e6).toFixed(2) + 'M';
    if (a >= 1e4) return (v / 1e3).toFixed(1) + 'k';
    if (a >= 100) return v.toFixed(0);
    return v.toFixed(a >= 10 ? 1 : 2);
  }

  function scale(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return v => r0 + (v - d0) / span * (r1 - r0);
  }

  /**
   * Round ("nice") axis ticks: the multiples of a step of 1, 2 or 5 × 10^k that lie in [lo, hi], about `count` of
   * them (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990). With `integer`, the step is at least 1.
   * Returns {step, ticks}; the ticks are exact decimals (no 0.30000000000000004).
   */
  function niceTicks(lo, hi, count = 5, integer = false) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`niceTicks: bounds must be finite, got ${lo} and ${hi}`);
    if (hi < lo) [lo, hi] = [hi, lo];
    if (hi === lo) return {step: 0, ticks: [lo]};
    const raw = (hi - lo) / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const fraction = raw / power;
    let step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * power;
    if (integer) step = Math.max(1, Math.round(step));
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const ticks = [];
    for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
      ticks.push(Number((k * step).toFixed(decimals)));
    }
    return {step, ticks};
  }

  /**
   * A tick's label: as many decimals as the step needs; thousands as "k" and millions as "M" when the axis reaches
   * them (`largest`, the largest absolute tick) and the step is round in that unit, so one axis uses one unit.
   */
  function tickLabel(v, step, largest = Math.abs(v)) {
    const a = Math.abs(step || v || 1);
    const inUnit = (d, unit) => d === 0 ? '0' : String(Number(d.toFixed(6))) + unit;
    if (largest >= 1e6 && a >= 1e5) return inUnit(v / 1e6, 'M');
    if (largest >= 1e4 && a >= 1e3) return inUnit(v / 1e3, 'k');
    const decimals = Math.max(0, -Math.floor(Math.log10(a) + 1e-9));
    return (Object.is(Number(v.toFixed(decimals)), -0) ? 0 : v).toFixed(decimals);
  }

  function tickLabels(nice) {
    const largest = Math.max(...nice.ticks.map(Math.abs));
    return nice.ticks.map(v => tickLabel(v, nice.step, largest));
  }

  /** Grows the viewBox when a legend runs below the chart's own height. */
  function fitHeight(root, width, height, bottom) {
    if (bottom > height) root.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(bottom + 4)}`);
  }

  function axisX(root, x, y0, lo, hi, label, ticks = 5, integer = false) {
    root.appendChild(el('line', {x1: x(lo), x2: x(hi), y1: y0, y2: y0, class: 'axis'}));
    const nice = niceTicks(lo, hi, ticks, integer), labels = tickLabels(nice);
    nice.ticks.forEach((v, i) => {
      root.appendChild(el('text', {x: x(v), y: y0 + 14, 'text-anchor': 'middle', class: 'tick axis-tick'}, labels[i]));
    });
    if (label) root.appendChild(el('text', {x: (x(lo) + x(hi)) / 2, y: y0 + 30, 'text-anchor': 'middle', class: 'label'}, label));
  }

  function axisY(root, y, x0, lo, hi, label, ticks = 4) {
    root.appendChild(el('line', {x1: x0, x2: x0, y1: y(lo), y2: y(hi), class: 'axis'}));
    const nice = niceTicks(lo, hi, ticks), labels = tickLabels(nice);
    nice.ticks.forEach((v, i) => {
      root.appendChild(el('text', {x: x0 - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick axis-tick'}, labels[i]));
    });
    if (label) root.appendChild(el('text', {x: 12, y: (y(lo) + y(hi)) / 2, transform: `rotate(-90 12 ${(y(lo) + y(hi)) / 2})`,
      'text-anchor': 'middle', class: 'label'}, label));
  }

  /** Splits a text into lines of at most `chars` characters, at spaces where it can, inside a word where it must. */
  function wrap(text, chars) {
    const lines = [];
    let line = '';
    String(text).split(/\s+/).filter(w => w).forEach(word => {
      while (word.length > chars) {
        if (line) { lines.push(line); line = ''; }
        const hyphen = word.lastIndexOf('-', chars - 1); // break after a hyphen when there is one
        const cut = hyphen > 0 ? hyphen + 1 : chars;
        lines.push(word.slice(0, cut)); word = word.slice(cut);
      }
      if (!line) line = word;
      else if ((line + ' ' + word).length <= chars) line += ' ' + word;
      else { lines.push(line); line = word; }
    });
    if (line || !lines.length) lines.push(line);
    return lines;
  }

  // The widest a character of the 10 px tick font is on average (DejaVu Sans, the widest of the usual sans fonts, ~0.62 em).
  const TICK_CHAR_PX = 6.4;

  /** A legend in a column `width` wide: each name wraps onto as many lines as it needs (never cut at the edge). */
  function legend(root, names, x, y, width = 150, note) {
    const chars = Math.max(6, Math.floor((width - 14) / TICK_CHAR_PX));
    let top = y;
    names.forEach((n, i) => {
      root.appendChild(el('rect', {x: x, y: top, width: 10, height: 10, fill: PALETTE[i % PALETTE.length]}));
      const text = el('text', {x: x + 14, y: top + 9, class: 'tick legend-text'});
      const lines = wrap(n, chars);
      lines.forEach((line, k) => text.appendChild(el('tspan', {x: x + 14, dy: k === 0 ? 0 : 12}, line)));
      text.appendChild(el('title', {}, n));
      root.appendChild(text);
      top += 12 * lines.length + 6;
    });
    if (note) {
      const text = el('text', {x: x, y: top + 9, class: 'tick legend-text legend-note'});
      wrap(note, Math.floor(width / TICK_CHAR_PX)).forEach((line, k) => text.appendChild(el('tspan', {x: x, dy: k === 0 ? 0 : 12}, line)));
      root.appendChild(text);
      top += 12 * text.childNodes.length;
    }
    return top;
  }

  /** Overlaid histograms: series = [{name, lower, upper, counts}]. */
  function histograms(series, title, xLabel) {
    const W = 640, H = 260, L = 60, R = 170, T = 20, B = 40;
    const root = svg(W, H, title);
    const lo = Math.min(...series.map(s => s.lower)), hi = Math.max(...series.map(s => s.upper));
    const x = scale(lo, hi, L, W - R);
    const shares = series.map(s => { const n = s.counts.reduce((a, b) => a + b, 0) || 1; return s.counts.map(c => c / n); });
    const top = Math.max(...shares.flat(), 0.01);
    const y = scale(0, top, H - B, T);
    series.forEach((s, i) => {
      const width = (s.upper - s.lower) / s.counts.length;
      shares[i].forEach((share, b) => {
        const x0 = x(s.lower + b * width), x1 = x(s.lower + (b + 1) * width);
        root.appendChild(el('rect', {x: x0, y: y(share), width: Math.max(0.5, x1 - x0), height: H - B - y(share),
          fill: PALETTE[i % PALETTE.length], 'fill-opacity': 0.45, class: 'histogram-bar'}));
      });
    });
    if (lo < 0 && hi > 0) root.appendChild(el('line', {x1: x(0), x2: x(0), y1: T, y2: H - B, class: 'zero'}));
    axisX(root, x, H - B, lo, hi, xLabel);
    axisY(root, y, L, 0, top, 'share of replications');
    fitHeight(root, W, H, legend(root, series.map(s => s.name), W - R + 10, T, R - 14));
    return root;
  }

  /** Fan chart: series = [{name, points: [{period, p5, p25, p50, p75, p95}]}]. */
  function fan(series, title, yLabel) {
    const W = 640, H = 260, L = 60, R = 170, T = 20, B = 40;
    const root = svg(W, H, title);
    const periods = Math.max(...series.map(s => s.points.length)) - 1;
    const lo = Math.min(0, ...series.flatMap(s => s.points.map(p => p.p5)));
    const hi = Math.max(...series.flatMap(s => s.points.map(p => p.p95)), 1);
    const x = scale(0, Math.max(1, periods), L, W - R), y = scale(lo, hi, H - B, T);
    series.forEach((s, i) => {
      const c = PALETTE[i % PALETTE.length];
      const band = (a, b) => s.points.map(p => `${x(p.period)},${y(p[a])}`).join(' ') + ' ' +
        s.points.slice().reverse().map(p => `${x(p.period)},${y(p[b])}`).join(' ');
      root.appendChild(el('polygon', {points: band('p95', 'p5'), fill: c, 'fill-opacity': 0.12}));
      root.appendChild(el('polygon', {points: band('p75', 'p25'), fill: c, 'fill-opacity': 0.25}));
      root.appendChild(el('polyline', {points: s.points.map(p => `${x(p.period)},${y(p.p50)}`).join(' '), fill: 'none', stroke: c, 'stroke-width': 2}));
    });
    axisX(root, x, H - B, 0, Math.max(1, periods), 'period', Math.min(6, Math.max(1, periods)), true);
    axisY(root, y, L, lo, hi, yLabel);
    fitHeight(root, W, H, legend(root, series.map(s => s.name), W - R + 10, T, R - 14, 'line: median; bands: middle 50% and 90%'));
    return root;
  }

  /** `text` cut with an ellipsis to at most `width` px of the 10 px tick font (estimated, as the legends are). */
  function fitText(text, width) {
    const chars = Math.max(4, Math.floor(width / TICK_CHAR_PX));
    return text.length <= chars ? text : text.slice(0, chars - 1) + '…';
  }

  /**
   * Tornado: bars = [{parameter, label, description, lowNpv, highNpv}] sorted by swing; base = NPV at base values.
   * Each row shows the parameter's label (the server's, from the model's annotations); hovering it shows the key
   * and what it means. Runs stored before labels existed show the key.
   */
  function tornado(bars, base, title) {
    const rows = bars.slice(0, 15);
    const W = 760, rowH = 20, L = 330, R = 30, T = 24, B = 40, H = T + B + rows.length * rowH;
    const short = p => p.replace(/^parameters\./, '').replace(/^strategy\./, 'strategy: ');
    const root = svg(W, H, title);
    const values = rows.flatMap(b => [b.lowNpv, b.highNpv]).concat([base]);
    const lo = Math.min(...values), hi = Math.max(...values);
    const x = scale(lo, hi, L, W - R);
    rows.forEach((b, i) => {
      const y = T + i * rowH;
      const name = el('text', {x: L - 6, y: y + 14, 'text-anchor': 'end', class: 'tick tornado-label', 'data-parameter': b.parameter},
        fitText(b.label || short(b.parameter), L - 12));
      name.appendChild(el('title', {}, b.parameter + (b.description ? ': ' + b.description : '')));
      root.appendChild(name);
      [[b.lowNpv, '#c0392b', '−'], [b.highNpv, '#2e8b57', '+']].forEach(([v, c, sign]) => {
        const x0 = Math.min(x(base), x(v)), w = Math.abs(x(v) - x(base));
        const r = el('rect', {x: x0, y: y + 3, width: Math.max(1, w), height: rowH - 6, fill: c, 'fill-opacity': 0.75});
        r.appendChild(el('title', {}, `${b.parameter} ${sign}: NPV ${fmt(v)}`));
        root.appendChild(r);
      });
    });
    root.appendChild(el('line', {x1: x(base), x2: x(base), y1: T - 4, y2: H - B, class: 'zero'}));
    root.appendChild(el('text', {x: x(base), y: T - 8, 'text-anchor': 'middle', class: 'tick'}, 'base ' + fmt(base)));
    axisX(root, x, H - B, lo, hi, 'mean NPV (red: parameter −20 %, green: +20 %)');
    return root;
  }

  /** Efficiency plane: points = [{strategy, costReduction, wtpUplift, efficient}]. */
  function frontier(points, title) {
    const W = 640, H = 300, L = 70, R = 170, T = 20, B = 46;
    const root = svg(W, H, title);
    const xs = points.map(p => p.costReduction * 100), ys = points.map(p => p.wtpUplift * 100);
    const pad = v => Math.max(1, v);
    const xlo = Math.min(0, ...xs) - 1, xhi = pad(Math.max(0, ...xs)) + 1, ylo = Math.min(0, ...ys) - 1, yhi = pad(Math.max(0, ...ys)) + 1;
    const x = scale(xlo, xhi, L, W - R), y = scale(ylo, yhi, H - B, T);
    root.appendChild(el('line', {x1: x(0), x2: x(0), y1: T, y2: H - B, class: 'zero'}));
    root.appendChild(el('line', {x1: L, x2: W - R, y1: y(0), y2: y(0), class: 'zero'}));
    points.forEach((p, i) => {
      const c = el('circle', {cx: x(p.costReduction * 100), cy: y(p.wtpUplift * 100), r: p.efficient ? 7 : 5,
        fill: PALETTE[i % PALETTE.length], stroke: p.efficient ? '#1d2330' : 'none', 'stroke-width': 2});
      c.appendChild(el('title', {}, `${p.strategy}: WTP +${(p.wtpUplift * 100).toFixed(1)} %, cost −${(p.costReduction * 100).toFixed(1)} %`));
      root.appendChild(c);
    });
    axisX(root, x, H - B, xlo, xhi, 'cost-to-serve reduction vs baseline (%)');
    axisY(root, y, L, ylo, yhi, 'WTP uplift (%)');
    fitHeight(root, W, H, legend(root, points.map(p => p.strategy + (p.efficient ? ' ●' : '')), W - R + 10, T, R - 14));
    return root;
  }

  /**
   * Matrix heatmap: cells = [{experience, architecture, npv: {mean, standardError, p5, p95}, billing, billingTerms,
   * pricePerEpisode, fulfilmentCostShare, ownStrategy, sameAs}], rows/columns as ids. A column whose every cell ran
   * the same strategy as another column (sameAs) is drawn as one column with that one ("a = b"); the strategy's own
   * cell is outlined and marked "own". Each cell's text and tooltip say the billing and price it used.
   */
  function heatmap(cells, rows, columns, title) {
    const mergedInto = c => {
      const col = cells.filter(k => k.architecture === c);
      const into = col.length && col[0].sameAs;
      return into && col.every(k => k.sameAs === into) ? into : null;
    };
    const shown = columns.filter(c => !mergedInto(c));
    const header = c => [c, ...columns.filter(o => mergedInto(o) === c)].reverse().map(x => x.replace(/_/g, ' ')).join(' = ');
    const cw = 150, ch = 62, L = 150, T = 40, W = L + shown.length * cw + 10, H = T + rows.length * ch + 10;
    const root = svg(W, H, title);
    const means = cells.map(c => c.npv.mean);
    const lo = Math.min(...means), hi = Math.max(...means);
    const colour = v => {
      const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
      const hue = 0 + 130 * t;
      return `hsl(${hue}, 60%, ${85 - 25 * Math.abs(t - 0.5)}%)`;
    };
    const price = v => (typeof v === 'number' && isFinite(v)) ? v.toFixed(2) : '';
    shown.forEach((c, j) => root.appendChild(el('text', {x: L + j * cw + cw / 2, y: T - 10, 'text-anchor': 'middle', class: 'tick'}, header(c))));
    rows.forEach((r, i) => {
      root.appendChild(el('text', {x: L - 6, y: T + i * ch + ch / 2 + 4, 'text-anchor': 'end', class: 'tick'}, r.replace(/_/g, ' ')));
      shown.forEach((c, j) => {
        const cell = cells.find(k => k.experience === r && k.architecture === c);
        if (!cell) return;
        const billing = (cell.billing || '').replace(/_/g, ' ');
        const g = el('g', {class: 'heat-cell' + (cell.ownStrategy ? ' own' : ''), 'data-experience': r, 'data-architecture': c,
          'data-billing': cell.billing || '', 'data-price': price(cell.pricePerEpisode)});
        g.appendChild(el('rect', {x: L + j * cw + 1, y: T + i * ch + 1, width: cw - 2, height: ch - 2, fill: colour(cell.npv.mean), rx: 4,
          stroke: cell.ownStrategy ? '#1d2330' : 'none', 'stroke-width': cell.ownStrategy ? 3 : 0}));
        g.appendChild(el('text', {x: L + j * cw + cw / 2, y: T + i * ch + 20, 'text-anchor': 'middle', class: 'value'},
          fmt(cell.npv.mean) + (cell.ownStrategy ? ' (own)' : '')));
        g.appendChild(el('text', {x: L + j * cw + cw / 2, y: T + i * ch + 36, 'text-anchor': 'middle', class: 'tick'}, '± ' + fmt(cell.npv.standardError)));
        g.appendChild(el('text', {x: L + j * cw + cw / 2, y: T + i * ch + 52, 'text-anchor': 'middle', class: 'tick heat-billing'},
          `${billing} · ${price(cell.pricePerEpisode)}/episode`));
        g.appendChild(el('title', {}, `${r} × ${header(c)}${cell.ownStrategy ? ' (the strategy\'s own cell)' : ''}: mean NPV ${fmt(cell.npv.mean)}`
          + ` (P5 ${fmt(cell.npv.p5)}, P95 ${fmt(cell.npv.p95)}); billing: ${cell.billingTerms || billing}, ${price(cell.pricePerEpisode)} per episode,`
          + ` firm bears ${Math.round((cell.fulfilmentCostShare || 0) * 100)} % of fulfilment`));
        root.appendChild(g);
      });
    });
    return root;
  }

  global.Charts = {histograms, fan, tornado, frontier, heatmap, fmt, niceTicks, tickLabel, tickLabels, wrap, fitText, PALETTE};
})(window);
