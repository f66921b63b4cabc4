// The analytics page: uploads a CSV, polls the job list, shows a result. Signed in by the
// platform's session cookie (same origin, so fetch sends it); requests that change something also
// send the session's CSRF token, which only the sign-in answer carries: the page keeps it for the tab.
'use strict';
const api = '../';
const sessionUrl = '../../session';
const CSRF = 'aibase.analytics.csrf';
const $ = (s) => document.querySelector(s);
const fmt = (v) => v === null || v === undefined ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v);
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  Object.assign(e, props);
  children.forEach((c) => e.append(c));
  return e;
};

function signedIn(yes, why) {
  $('#signin-section').hidden = yes;
  $('#upload-section').hidden = !yes;
  if (!yes && why) $('#signin-status').textContent = why;
}

$('#signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = new FormData(event.target).get('key');
  const response = await fetch(sessionUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key }) });
  if (!response.ok) {
    $('#signin-status').textContent = 'not signed in: the key was not accepted';
    return;
  }
  sessionStorage.setItem(CSRF, (await response.json()).csrf_token);
  event.target.reset();
  $('#signin-status').textContent = '';
  signedIn(true);
  refreshJobs();
});

$('#upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const depth = form.get('analysis_depth');
  form.delete('analysis_depth');
  form.append('config', JSON.stringify({ analysis_depth: depth }));
  $('#upload-status').textContent = 'uploading…';
  const response = await fetch(api + 'analyze', { method: 'POST', body: form,
    headers: { 'X-CSRF-Token': sessionStorage.getItem(CSRF) || '' } });
  const body = await response.json();
  if (response.status === 401 || response.status === 403) {
    $('#upload-status').textContent = '';
    signedIn(false, 'sign in (again) to upload: ' + body.error.message);
    return;
  }
  $('#upload-status').textContent = response.ok ? `queued as ${body.job_id}` : `refused: ${body.error.message}`;
  refreshJobs();
});

async function refreshJobs() {
  const response = await fetch(api + 'jobs?limit=50');
  if (response.status === 401) {
    signedIn(false);
    return;
  }
  if (!response.ok) return;
  if (!sessionStorage.getItem(CSRF)) signedIn(false, 'sign in to upload (this tab has no session token yet)');
  const page = await response.json();
  $('#totals').textContent = `(${page.total})`;
  const rows = page.jobs.map((job) => el('tr', {},
    el('td', { textContent: job.name }),
    el('td', { textContent: job.status, className: 'status-' + job.status, title: job.error || job.message || '' }),
    el('td', { textContent: job.progress + '%', className: 'num' }),
    el('td', { textContent: job.created_at ? new Date(job.created_at).toLocaleString() : '' }),
    el('td', {}, job.status === 'completed' ? el('button', { textContent: 'Open', onclick: () => openJob(job.job_id) }) : '')));
  $('#jobs tbody').replaceChildren(...rows);
}

async function openJob(id) {
  const job = await (await fetch(api + 'jobs/' + encodeURIComponent(id))).json();
  const r = job.results;
  $('#result').hidden = false;
  $('#result-title').textContent = `${job.name}: ${r.row_count} rows × ${r.column_count} columns`;
  const q = r.data_quality;
  $('#quality').replaceChildren('Quality ', el('strong', { textContent: fmt(q.overall_score) }),
    ` (${q.assessment}) — completeness ${fmt(q.completeness)}, uniqueness ${fmt(q.uniqueness)}, `
    + `${q.missing_cells} missing cells, ${q.duplicate_rows} duplicate rows`);
  const s = r.statistics;
  $('#numeric tbody').replaceChildren(...Object.entries(s.numeric_columns).map(([name, n]) => el('tr', {},
    el('td', { textContent: name }), el('td', { textContent: s.data_types[name] }),
    ...[s.missing_values[name], n.mean, n.median, n.std, n.min, n.quartiles['0.25'], n.quartiles['0.75'], n.max]
      .map((v) => el('td', { textContent: fmt(v), className: 'num' })))));
  $('#categorical tbody').replaceChildren(...Object.entries(s.categorical_columns).map(([name, c]) => el('tr', {},
    el('td', { textContent: name }), el('td', { textContent: s.missing_values[name], className: 'num' }),
    el('td', { textContent: c.unique_count, className: 'num' }), el('td', { textContent: fmt(c.mode) }),
    el('td', { textContent: Object.entries(c.top_values).map(([k, v]) => `${k} (${v})`).join(', ') }))));
  const charts = r.charts || { histograms: [], bar_charts: [] };
  $('#charts').replaceChildren(
    ...charts.histograms.map((h) => chart(`${h.column} (histogram)`, h.counts, h.bin_edges.slice(0, -1).map(fmt))),
    ...charts.bar_charts.map((b) => chart(`${b.column} (top values)`, b.counts, b.labels)));
  $('#insights').textContent = JSON.stringify(r.insights || 'basic analysis: no insights', null, 2);
  $('#notes').replaceChildren(...(r.notes || []).map((n) => el('li', { textContent: n })));
}

// A bar chart in plain SVG: one bar per count, labels under the bars.
function chart(title, counts, labels) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 420, height = 200, bottom = 40;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const max = Math.max(1, ...counts);
  const w = width / Math.max(1, counts.length);
  counts.forEach((count, i) => {
    const h = (height - bottom) * count / max;
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', i * w + 1);
    rect.setAttribute('y', height - bottom - h);
    rect.setAttribute('width', Math.max(1, w - 2));
    rect.setAttribute('height', h);
    rect.append(Object.assign(document.createElementNS(ns, 'title'), { textContent: `${labels[i]}: ${count}` }));
    svg.append(rect);
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('transform', `translate(${i * w + w / 2},${height - bottom + 4}) rotate(60)`);
    text.textContent = String(labels[i]).slice(0, 10);
    svg.append(text);
  });
  return el('figure', {}, el('figcaption', { textContent: title }), svg);
}

refreshJobs();
setInterval(refreshJobs, 2000);
