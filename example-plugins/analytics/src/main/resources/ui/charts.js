// The result's charts with Chart.js: histograms (one bar per bin, labelled by its range) and top values,
// each with a titled count axis and the count written on every bar.
'use strict';
window.AnalyticsCharts = (() => {
  const kit = window.PageKit;
  let drawn = [];

  // bin edges in 3 significant digits: enough to tell bins apart, short enough to stay readable
  const edge = (v) => Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2) ? v.toPrecision(3) : String(Number(v.toPrecision(3)));
  const short = (label) => (label.length > 16 ? label.slice(0, 15) + '…' : label);

  function figure(title, xTitle, labels, counts, fullLabels) {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', title);
    const box = Object.assign(document.createElement('div'), { className: 'chart-box' });
    box.append(canvas);
    const caption = Object.assign(document.createElement('figcaption'), { textContent: title });
    const fig = document.createElement('figure');
    fig.append(caption, box);
    const count = (v) => Math.round(v).toLocaleString();
    const options = kit.chartOptions('rows', (v) => (Number.isInteger(v) ? count(v) : ''), xTitle);
    options.plugins.tooltip = { callbacks: { title: (items) => fullLabels[items[0].dataIndex] } };
    // a few named values are each worth a label (rotated to fit); many bins are thinned by Chart.js
    options.scales.x.ticks.autoSkip = labels.length > 12;
    return { fig, canvas, config: { type: 'bar', options,
      data: { labels, datasets: [{ data: counts, backgroundColor: '#457b9d', valueFormat: count }] } } };
  }

  /** Replaces the charts in the container; a figure must be in the page before Chart.js measures it. */
  function draw(container, charts) {
    drawn.forEach((chart) => chart.destroy());
    const figures = [
      ...charts.histograms.map((h) => {
        const ranges = h.counts.map((_, i) => `${edge(h.bin_edges[i])}–${edge(h.bin_edges[i + 1])}`);
        return figure(`${h.column}: distribution`, h.column, ranges, h.counts, ranges);
      }),
      ...charts.bar_charts.map((b) => figure(`${b.column}: top values`, b.column, b.labels.map((l) => short(String(l))),
        b.counts, b.labels.map(String))),
    ];
    container.replaceChildren(...figures.map((f) => f.fig));
    drawn = figures.map((f) => new window.Chart(f.canvas, f.config));
  }

  return { draw };
})();
