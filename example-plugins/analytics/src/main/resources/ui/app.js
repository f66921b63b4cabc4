// The analytics page: uploads a CSV, polls the job list, shows a result. Signed in by the platform's
// session (the home page signs in; PageKit sends the browser there without a session), changes carry
// the session's CSRF token.
'use strict';
const api = '../';
const kit = window.PageKit;
const $ = (s) => document.querySelector(s);
// statistics keep 6 significant digits: they are compared with pandas', not read as amounts
const fmt = (v) => v === null || v === undefined ? '—' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v);
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  Object.assign(e, props);
  children.forEach((c) => e.append(c));
  return e;
};

$('#upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const depth = form.get('analysis_depth');
  form.delete('analysis_depth');
  form.append('config', JSON.stringify({ analysis_depth: depth }));
  $('#upload-status').textContent = 'uploading…';
  const answer = await kit.request('POST', api + 'analyze', form);
  $('#upload-status').textContent = answer.ok ? `queued as ${answer.json.job_id}` : `refused: ${kit.errorText(answer)}`;
  refreshJobs();
});

async function refreshJobs() {
  const answer = await kit.request('GET', api + 'jobs?limit=50');
  if (!answer.ok) return;
  const page = answer.json;
  $('#totals').textContent = `(${page.total})`;
  const rows = page.jobs.map((job) => el('tr', {},
    el('td', { textContent: job.name }),
    el('td', { textContent: job.status, className: 'status-' + job.status, title: job.error || job.message || '' }),
    el('td', { textContent: job.progress + '%', className: 'num' }),
    el('td', { textContent: job.created_at ? kit.dateTime(job.created_at) : '' }),
    el('td', {}, job.status === 'completed' ? el('button', { textContent: 'Open', onclick: () => openJob(job.job_id) }) : '')));
  $('#jobs tbody').replaceChildren(...rows);
}

async function openJob(id) {
  const answer = await kit.request('GET', api + 'jobs/' + encodeURIComponent(id));
  if (!answer.ok) {
    $('#upload-status').textContent = 'cannot open the job: ' + kit.errorText(answer);
    return;
  }
  const job = answer.json;
  const r = job.results;
  $('#result').hidden = false;
  $('#result-title').textContent = `${job.name}: ${r.row_count} rows × ${r.column_count} columns`;
  const q = r.data_quality;
  $('#quality').replaceChildren('Quality ', el('strong', { textContent: kit.percent(q.overall_score) }),
    ` (${q.assessment}) — completeness ${kit.percent(q.completeness)}, uniqueness ${kit.percent(q.uniqueness)}, `
    + `${q.missing_cells.toLocaleString()} missing cells, ${q.duplicate_rows.toLocaleString()} duplicate rows`);
  const s = r.statistics;
  $('#numeric tbody').replaceChildren(...Object.entries(s.numeric_columns).map(([name, n]) => el('tr', {},
    el('td', { textContent: name }), el('td', { textContent: s.data_types[name] }),
    ...[s.missing_values[name], n.mean, n.median, n.std, n.min, n.quartiles['0.25'], n.quartiles['0.75'], n.max]
      .map((v) => el('td', { textContent: fmt(v), className: 'num' })))));
  $('#categorical tbody').replaceChildren(...Object.entries(s.categorical_columns).map(([name, c]) => el('tr', {},
    el('td', { textContent: name }), el('td', { textContent: s.missing_values[name], className: 'num' }),
    el('td', { textContent: c.unique_count, className: 'num' }), el('td', { textContent: fmt(c.mode) }),
    el('td', { textContent: Object.entries(c.top_values).map(([k, v]) => `${k} (${v})`).join(', ') }))));
  window.AnalyticsCharts.draw($('#charts'), r.charts || { histograms: [], bar_charts: [] });
  window.AnalyticsInsights.render($('#insights'), r.insights);
  $('#notes').replaceChildren(...(r.notes || []).map((n) => el('li', { textContent: n })));
}

kit.session().then(() => {
  refreshJobs();
  setInterval(refreshJobs, 2000);
}, (e) => { $('#upload-status').textContent = e.message; });
