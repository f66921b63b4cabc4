// The dashboard editor: a form for a dashboard's title, description, time range and widgets (type,
// metric, title, plugin, own time range), saved with POST /dashboards or PUT /dashboards/{id}. The API
// validates; each problem it names ({"field": "body.widgets[1].plugin", "message": ...} in
// error.details.problems) is shown next to that field.
'use strict';
window.DashboardEditor = (() => {
  const kit = window.PageKit;
  const api = '/api/v1/dashboard/';
  const types = ['line', 'bar', 'histogram', 'gauge', 'stat', 'table'];
  const ranges = [['', "dashboard's"], ['15m', '15 minutes'], ['1h', '1 hour'], ['24h', '24 hours'], ['7d', '7 days']];
  const $ = (s) => document.querySelector(s);
  const form = () => $('#editor-form');
  // the dashboard's own fields; form.elements would mix its time_range with the widgets' ones
  const own = (name) => form().querySelector(`.fields [name="${name}"]`);
  let metrics = [];
  let editing = null; // the id of the dashboard being edited, null for a new one
  let saved = () => {};

  const option = (value, text) => new Option(text, value);
  const field = (tag, name, props = {}) => Object.assign(document.createElement(tag), { name, ...props });
  const labelled = (text, input) => { const l = document.createElement('label'); l.append(text + ' ', input); return l; };
  const output = () => Object.assign(document.createElement('output'), { className: 'field-error' });

  /** One widget's fields; their data-field names are numbered by renumber() before each save. */
  function widgetRow(w = {}) {
    const li = document.createElement('li');
    const type = field('select', 'type');
    type.append(...types.map((t) => option(t, t)));
    type.value = w.type || 'line';
    const metric = field('select', 'data_source');
    metric.append(...metrics.map((m) => option(m.name, `${m.name} (${m.unit}${m.per_plugin ? ', per plugin' : ''})`)));
    metric.value = w.data_source || (metrics[0] && metrics[0].name) || '';
    const title = field('input', 'title', { maxLength: 100, value: w.title || '', placeholder: 'the metric name' });
    const plugin = field('input', 'plugin', { value: w.plugin || '', placeholder: 'all plugins', size: 14 });
    const range = field('select', 'time_range');
    range.append(...ranges.map(([v, t]) => option(v, t)));
    range.value = w.time_range || '';
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove widget', className: 'remove-widget' });
    remove.addEventListener('click', () => { li.remove(); renumber(); });
    li.append(labelled('Type', type), labelled('Metric', metric), labelled('Title', title), labelled('Plugin', plugin),
      labelled('Range', range), remove, output());
    ['type', 'data_source', 'title', 'plugin', 'time_range'].forEach(() => li.append(output()));
    return li;
  }

  /** Names each widget's fields and error outputs by its position, as the API's problems name them. */
  function renumber() {
    [...$('#editor-widgets').children].forEach((li, i) => {
      const outputs = li.querySelectorAll('output');
      outputs[0].dataset.errorFor = `widgets[${i}]`;
      [...li.querySelectorAll('[name]')].forEach((input, j) => {
        input.dataset.field = `widgets[${i}].${input.name}`;
        outputs[j + 1].dataset.errorFor = input.dataset.field;
      });
    });
  }

  function clearErrors() {
    form().querySelectorAll('.field-error').forEach((o) => { o.textContent = ''; });
    form().querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  }

  /** Each problem next to its field (the API prefixes them with "body."), the rest under the buttons. */
  function showProblems(answer) {
    const error = answer.json.error || {};
    const problems = (error.details && error.details.problems) || [];
    const unplaced = [];
    problems.forEach((p) => {
      const name = String(p.field).replace(/^body\.?/, '');
      const out = form().querySelector(`[data-error-for="${CSS.escape(name)}"]`);
      const input = form().querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (input) input.setAttribute('aria-invalid', 'true');
      if (out) out.textContent = (out.textContent ? out.textContent + '; ' : '') + p.message;
      else unplaced.push(name + ' ' + p.message);
    });
    $('#editor-error').textContent = problems.length === 0 ? kit.errorText(answer) : unplaced.join('; ');
  }

  /** The form as the API's body; empty optional fields are left out (the API's defaults apply). */
  function body() {
    const spec = { name: own('name').value, time_range: own('time_range').value,
      widgets: [...$('#editor-widgets').children].map((li) => {
        const w = {};
        li.querySelectorAll('[name]').forEach((input) => { if (input.value.trim() !== '') w[input.name] = input.value.trim(); });
        return w;
      }) };
    if (own('description').value.trim() !== '') spec.description = own('description').value;
    return spec;
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    renumber();
    const answer = editing === null
      ? await kit.request('POST', api + 'dashboards', body())
      : await kit.request('PUT', api + 'dashboards/' + editing, body());
    if (!answer.ok) {
      showProblems(answer);
      return;
    }
    close();
    saved(answer.json.id);
  }

  /** Opens the editor on a dashboard ({id, name, description, time_range, widgets}) or, without one, a new one. */
  function open(dashboard) {
    editing = dashboard ? dashboard.id : null;
    clearErrors();
    $('#editor-title').textContent = dashboard ? 'Edit dashboard ' + dashboard.name : 'New dashboard';
    own('name').value = dashboard ? dashboard.name : '';
    own('description').value = dashboard ? dashboard.description || '' : '';
    own('time_range').value = dashboard ? dashboard.time_range : '1h';
    $('#editor-widgets').replaceChildren(...(dashboard ? dashboard.widgets : [{}]).map(widgetRow));
    renumber();
    $('#editor').hidden = false;
    own('name').focus();
  }

  function close() {
    $('#editor').hidden = true;
  }

  /** Loads the metrics a widget may show; onSaved(id) is called after each successful save. */
  async function init(onSaved) {
    saved = onSaved;
    const answer = await kit.request('GET', api + 'metrics');
    if (!answer.ok) throw new Error('the metrics cannot be listed: ' + kit.errorText(answer));
    metrics = answer.json.items;
    form().addEventListener('submit', save);
    $('#add-widget').addEventListener('click', () => { $('#editor-widgets').append(widgetRow()); renumber(); });
    $('#cancel-edit').addEventListener('click', close);
  }

  return { init, open, close };
})();
