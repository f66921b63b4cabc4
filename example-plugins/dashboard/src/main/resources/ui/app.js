// The dashboard page: signs in with the platform's session cookie (same origin), lists dashboards,
// renders widgets from GET /dashboards/{id}/data and keeps them live from the SSE stream.
'use strict';
const api = '/api/v1/dashboard/';
const colors = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];
let source = null;
let csrf = sessionStorage.getItem('aibase_csrf') || '';

function status(text) { document.getElementById('status').textContent = text; }

async function get(path) {
  const response = await fetch(api + path, { credentials: 'same-origin' });
  if (response.status === 401) { document.getElementById('signin').hidden = false; throw new Error('sign in first'); }
  if (!response.ok) { throw new Error((await response.json()).error.message); }
  return response.json();
}

async function signIn(event) {
  event.preventDefault();
  const key = new FormData(event.target).get('key');
  const response = await fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key }) });
  if (!response.ok) { status('sign-in failed'); return; }
  csrf = (await response.json()).csrf_token;
  sessionStorage.setItem('aibase_csrf', csrf);
  document.getElementById('signin').hidden = true;
  await loadDashboards();
}

async function loadDashboards() {
  const list = await get('dashboards');
  const select = document.getElementById('dashboard');
  select.replaceChildren(...list.items.map(d => new Option(d.name, d.id)));
  const wanted = new URLSearchParams(location.search).get('dashboard');
  if (wanted && list.items.some(d => String(d.id) === wanted)) { select.value = wanted; }
  if (list.items.length === 0) { status('no dashboards yet: create one with the create_dashboard task'); return; }
  await show();
}

async function show() {
  const id = document.getElementById('dashboard').value;
  if (!id) { return; }
  render(await get('dashboards/' + id + '/data'));
  if (source) { source.close(); source = null; }
  if (document.getElementById('live').checked) {
    source = new EventSource(api + 'dashboards/' + id + '/events');
    source.addEventListener('data', e => { render(JSON.parse(e.data)); status('live ' + new Date().toLocaleTimeString()); });
    source.onerror = () => status('stream interrupted; retrying');
  }
}

function render(data) {
  const range = document.getElementById('range').value;
  const main = document.getElementById('widgets');
  main.replaceChildren(...data.widgets.map(w => widget(w, range)));
  main.dataset.rendered = String(Date.now());
}

function widget(w, range) {
  const box = document.createElement('section');
  box.className = 'widget';
  box.dataset.type = w.type;
  box.dataset.points = String(w.series.reduce((n, s) => n + s.points.length, 0));
  const title = document.createElement('h2');
  title.textContent = w.title + (w.plugin ? ' (' + w.plugin + ')' : '') + ' · ' + w.time_range;
  box.append(title);
  if (w.type === 'stat') {
    const value = document.createElement('div');
    value.className = 'value';
    value.textContent = format(w.current);
    box.append(value);
  } else if (w.type === 'gauge') {
    const value = document.createElement('div');
    value.className = 'value';
    value.textContent = format(w.current);
    const bar = document.createElement('div');
    bar.className = 'gauge-bar';
    const fill = document.createElement('div');
    const max = Math.max(...w.series.flatMap(s => s.points.map(p => p[1])), w.current, 1);
    fill.style.width = Math.min(100, 100 * w.current / max) + '%';
    bar.append(fill);
    box.append(value, bar);
  } else if (w.type === 'table') {
    const table = document.createElement('table');
    table.innerHTML = '<tr><th>Series</th><th>Points</th><th>Last</th></tr>';
    for (const s of w.series) {
      const row = table.insertRow();
      row.insertCell().textContent = s.plugin || 'system';
      row.insertCell().textContent = s.points.length;
      row.insertCell().textContent = s.points.length ? format(s.points[s.points.length - 1][1]) : '';
    }
    box.append(table);
  } else {
    box.append(chart(w));
  }
  return box;
}

function chart(w) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 300 140');
  const all = w.series.flatMap(s => s.points);
  if (all.length === 0) { const t = document.createElementNS(ns, 'text'); t.setAttribute('x', 10); t.setAttribute('y', 70); t.textContent = 'no samples yet'; svg.append(t); return svg; }
  const times = all.map(p => Date.parse(p[0]));
  const t0 = Math.min(...times), t1 = Math.max(...times, t0 + 1);
  const max = Math.max(...all.map(p => p[1]), 1e-9);
  w.series.forEach((s, i) => {
    const color = colors[i % colors.length];
    if (w.type === 'line') {
      const line = document.createElementNS(ns, 'polyline');
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', color);
      line.setAttribute('points', s.points.map(p => (5 + 290 * (Date.parse(p[0]) - t0) / (t1 - t0)) + ',' + (135 - 125 * p[1] / max)).join(' '));
      svg.append(line);
    } else {
      const width = Math.max(2, 280 / Math.max(1, s.points.length * w.series.length));
      s.points.forEach((p, j) => {
        const bar = document.createElementNS(ns, 'rect');
        const h = 125 * p[1] / max;
        bar.setAttribute('x', 5 + (j * w.series.length + i) * width);
        bar.setAttribute('y', 135 - h);
        bar.setAttribute('width', width * 0.9);
        bar.setAttribute('height', h);
        bar.setAttribute('fill', color);
        svg.append(bar);
      });
    }
  });
  return svg;
}

function format(v) { return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString() : String(Math.round(v * 100) / 100); }

function download(format) {
  const range = document.getElementById('range').value;
  location.href = api + 'export?format=' + format + '&data_type=metrics&time_range=' + range;
}

document.getElementById('signin').addEventListener('submit', signIn);
document.getElementById('dashboard').addEventListener('change', show);
document.getElementById('range').addEventListener('change', show);
document.getElementById('live').addEventListener('change', show);
document.getElementById('export-csv').addEventListener('click', () => download('csv'));
document.getElementById('export-xlsx').addEventListener('click', () => download('xlsx'));
loadDashboards().catch(e => status(e.message));
