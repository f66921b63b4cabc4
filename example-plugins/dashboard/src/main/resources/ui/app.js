// The dashboard page: signed in by the platform's session (PageKit sends the browser to the home page's
// sign-in without one), lists dashboards, draws the chosen one's widgets from GET /dashboards/{id}/data
// and keeps them live from its event stream; New, Edit and Delete change dashboards through the API.
'use strict';
const api = '/api/v1/dashboard/';
const kit = window.PageKit;
const $ = (s) => document.querySelector(s);
let source = null;
let views = [];
let role = 'user';

function status(text) { $('#status').textContent = text; }

async function get(path) {
  const answer = await kit.request('GET', api + path);
  if (!answer.ok) throw new Error(kit.errorText(answer));
  return answer.json;
}

async function loadDashboards(wanted) {
  const list = await get('dashboards');
  const select = $('#dashboard');
  select.replaceChildren(...list.items.map((d) => new Option(d.name, d.id)));
  const chosen = String(wanted || new URLSearchParams(location.search).get('dashboard') || '');
  if (list.items.some((d) => String(d.id) === chosen)) select.value = chosen;
  const none = list.items.length === 0;
  $('#edit-dashboard').disabled = none;
  $('#delete-dashboard').disabled = none || role !== 'admin';
  if (none) {
    stop();
    views.forEach((v) => v.destroy());
    views = [];
    $('#widgets').replaceChildren();
    status('no dashboards yet: create one with "New dashboard"');
    return;
  }
  await show();
}

function stop() {
  if (source) { source.close(); source = null; }
}

async function show() {
  const id = $('#dashboard').value;
  if (!id) return;
  history.replaceState(null, '', '?dashboard=' + encodeURIComponent(id)); // a reload or a shared link shows it again
  render(await get('dashboards/' + id + '/data'));
  stop();
  if ($('#live').checked) {
    source = new EventSource(api + 'dashboards/' + id + '/events');
    source.addEventListener('data', (e) => { render(JSON.parse(e.data)); status('live ' + new Date().toLocaleTimeString()); });
    source.onerror = () => {
      status('stream interrupted; retrying');
      // an event stream cannot tell why it failed: an ended session sends the browser to sign in
      kit.session().catch((e) => status(e.message));
    };
  }
}

/** Draws the widgets; while the dashboard keeps its widget types, each one is updated in place. */
function render(data) {
  const main = $('#widgets');
  const same = views.length === data.widgets.length && views.every((v, i) => v.type === data.widgets[i].type);
  if (!same) {
    views.forEach((v) => v.destroy());
    views = data.widgets.map((w) => ({ type: w.type, ...window.DashboardWidgets.create(w) }));
    main.replaceChildren(...views.map((v) => v.section));
  }
  data.widgets.forEach((w, i) => views[i].update({ ...w, generated_at: data.generated_at }));
  main.dataset.rendered = String(Date.now());
}

async function editCurrent() {
  window.DashboardEditor.open(await get('dashboards/' + $('#dashboard').value));
}

async function deleteCurrent() {
  const select = $('#dashboard');
  const name = select.selectedOptions[0] ? select.selectedOptions[0].text : select.value;
  if (!window.confirm(`Delete the dashboard "${name}" and its widgets?`)) return;
  const answer = await kit.request('DELETE', api + 'dashboards/' + select.value);
  if (!answer.ok) { status('not deleted: ' + kit.errorText(answer)); return; }
  stop();
  history.replaceState(null, '', location.pathname);
  status(`deleted "${name}"`);
  await loadDashboards();
}

function download(format) {
  location.href = api + 'export?format=' + format + '&data_type=metrics&time_range=' + $('#range').value;
}

async function start() {
  role = (await kit.session()).role;
  $('#delete-dashboard').title = role === 'admin' ? '' : 'only an admin may delete dashboards';
  await window.DashboardEditor.init((id) => loadDashboards(id).then(() => status('saved')));
  $('#dashboard').addEventListener('change', show);
  $('#live').addEventListener('change', show);
  $('#new-dashboard').addEventListener('click', () => window.DashboardEditor.open(null));
  $('#edit-dashboard').addEventListener('click', () => editCurrent().catch((e) => status(e.message)));
  $('#delete-dashboard').addEventListener('click', () => deleteCurrent().catch((e) => status(e.message)));
  $('#export-csv').addEventListener('click', () => download('csv'));
  $('#export-xlsx').addEventListener('click', () => download('xlsx'));
  await loadDashboards();
}

start().catch((e) => status(e.message));
