// A dashboard's widgets, drawn from GET /dashboards/{id}/data: values in their metric's unit (bytes as
// KiB/MiB/GiB, ratios as %, ms as ms/s/min), line and bar charts over local clock times with a titled
// value axis, and a histogram of the sampled values with the count on each bar. A widget is updated in
// place at every live event, so its chart keeps its place and does not flicker.
'use strict';
window.DashboardWidgets = (() => {
  const kit = window.PageKit;
  const colors = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];
  // the value axis says what is measured; its tick labels carry the unit (MiB, %, ms)
  const quantities = { bytes: 'size', ratio: 'share', ms: 'duration' };
  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    children.forEach((c) => e.append(c));
    return e;
  };

  const title = (w) => w.title + (w.plugin ? ' (' + w.plugin + ')' : '') + ' · ' + w.time_range;
  const points = (w) => w.series.reduce((n, s) => n + s.points.length, 0);
  const axisTitle = (w) => quantities[w.unit] || w.data_source;

  /** A series as {x: time in ms, y: value} points (Chart.js draws them on a linear time axis). */
  const xy = (s) => s.points.map((p) => ({ x: Date.parse(p[0]), y: p[1] }));

  // each range's span and the step between its time ticks: whole minutes, hours or days, so the labels
  // are round local times that never repeat (Chart.js places ticks on multiples of the step)
  const spans = { '15m': [15 * 60e3, 3 * 60e3], '1h': [60 * 60e3, 10 * 60e3], '24h': [24 * 3600e3, 3 * 3600e3],
    '7d': [7 * 24 * 3600e3, 24 * 3600e3] };
  const day = (t) => new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

  function timeChart(w) {
    const [span, step] = spans[w.time_range] || spans['1h'];
    const end = Date.parse(w.generated_at) || Date.now();
    const options = kit.chartOptions(axisTitle(w), (v) => kit.inUnit(v, w.unit), 'local time');
    options.scales.x = { ...options.scales.x, type: 'linear', min: end - span, max: end,
      ticks: { ...options.scales.x.ticks, stepSize: step, includeBounds: false, callback: step >= 24 * 3600e3 ? day : kit.clock } };
    options.plugins.legend = { display: w.series.length > 1 };
    options.plugins.tooltip = { callbacks: { title: (items) => kit.dateTime(items[0].parsed.x),
      label: (item) => (item.dataset.label ? item.dataset.label + ': ' : '') + kit.inUnit(item.parsed.y, w.unit) } };
    const datasets = w.series.map((s, i) => ({ label: s.plugin || 'system', data: xy(s), borderColor: colors[i % colors.length],
      backgroundColor: colors[i % colors.length], pointRadius: 0, borderWidth: 2,
      // a bar per sample is readable up to a few dozen bars; beyond that the labels would overlap
      valueFormat: w.type === 'bar' && s.points.length <= 24 ? (v) => kit.inUnit(v, w.unit) : undefined }));
    if (w.type === 'bar') options.scales.x.offset = true;
    if (w.unit === 'bytes') {
      options.scales.y.ticks.stepSize = kit.byteStep(Math.max(...w.series.flatMap((s) => s.points.map((p) => p[1])), 1));
    }
    return { type: w.type === 'bar' ? 'bar' : 'line', data: { datasets }, options };
  }

  /** How often each range of values was sampled: ten equal bins between the smallest and largest value. */
  function histogramChart(w) {
    const values = w.series.flatMap((s) => s.points.map((p) => p[1]));
    const min = Math.min(...values), max = Math.max(...values);
    const bins = min === max ? 1 : 10;
    const width = (max - min) / bins || 1;
    const counts = new Array(bins).fill(0);
    values.forEach((v) => { counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1; });
    const labels = counts.map((_, i) => kit.inUnit(min + i * width, w.unit) + (bins > 1 ? ' – ' + kit.inUnit(min + (i + 1) * width, w.unit) : ''));
    const count = (v) => (Number.isInteger(v) ? v.toLocaleString() : '');
    const options = kit.chartOptions('samples', count, axisTitle(w));
    return { type: 'bar', options, data: { labels, datasets: [{ data: counts, backgroundColor: colors[0], valueFormat: count }] } };
  }

  function gaugeShare(w) {
    const max = Math.max(...w.series.flatMap((s) => s.points.map((p) => p[1])), w.current, w.unit === 'ratio' ? 1 : 1e-9);
    return Math.min(100, 100 * w.current / max);
  }

  function table(w) {
    const head = el('tr', {}, el('th', { textContent: 'Series' }), el('th', { textContent: 'Samples' }), el('th', { textContent: 'Last' }));
    return el('table', {}, head, ...w.series.map((s) => el('tr', {},
      el('td', { textContent: s.plugin || 'system' }), el('td', { textContent: s.points.length, className: 'num' }),
      el('td', { textContent: s.points.length ? kit.inUnit(s.points[s.points.length - 1][1], w.unit) : '—', className: 'num' }))));
  }

  /** The body of a widget; charts also return the Chart.js instance to update. */
  function body(w) {
    if (w.type === 'stat') return { node: el('div', { className: 'value', textContent: kit.inUnit(w.current, w.unit) }) };
    if (w.type === 'gauge') {
      const bar = el('div', { className: 'gauge-bar' }, el('div'));
      bar.firstChild.style.width = gaugeShare(w) + '%';
      return { node: el('div', {}, el('div', { className: 'value', textContent: kit.inUnit(w.current, w.unit) }), bar) };
    }
    if (w.type === 'table') return { node: table(w) };
    if (points(w) === 0) return { node: el('div', { className: 'empty', textContent: 'no samples yet' }) };
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', title(w));
    return { node: el('div', { className: 'chart-box' }, canvas), canvas };
  }

  /** One widget's section: built once, then given fresh data. */
  function create(w) {
    const section = el('section', { className: 'widget' }, el('h2'), el('div'));
    section.dataset.type = w.type;
    let chart = null;
    const update = (data) => {
      section.dataset.points = String(points(data));
      section.firstChild.textContent = title(data);
      const config = ['line', 'bar'].includes(data.type) ? timeChart : data.type === 'histogram' ? histogramChart : null;
      if (chart && config && points(data) > 0) {
        const next = config(data);
        chart.data = next.data;
        chart.options = next.options;
        chart.update('none');
        return;
      }
      if (chart) chart.destroy();
      chart = null;
      const part = body(data);
      section.lastChild.replaceChildren(part.node);
      if (part.canvas) chart = new window.Chart(part.canvas, config(data)); // after it is in the page: Chart.js measures it
    };
    return { section, update, destroy: () => chart && chart.destroy() };
  }

  return { create };
})();
