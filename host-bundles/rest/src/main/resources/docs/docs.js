// Swagger UI over the live description. "Try it out" runs with the browser's session: the cookie
// goes along by itself, and state-changing calls need the session's CSRF token, which the
// interceptor adds (GET /api/v1/session hands it to pages of this origin).
'use strict';

let csrf = '';

async function session() {
  const response = await fetch('/api/v1/session', { credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/?next=' + encodeURIComponent(location.pathname + location.search));
    return false;
  }
  if (response.ok) csrf = (await response.json()).csrf_token || '';
  return true;
}

async function scopes(selected) {
  const response = await fetch('/api/v1/plugins?state=active', { credentials: 'same-origin' });
  if (!response.ok) return;
  const select = document.getElementById('scope');
  for (const plugin of (await response.json()).items) {
    if (!(plugin.endpoints || []).length) continue;
    const option = new Option((plugin.plugin && plugin.plugin.name || plugin.id) + ' (' + plugin.id + ')', plugin.id);
    option.selected = plugin.id === selected;
    select.add(option);
  }
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    if (select.value) url.searchParams.set('plugin', select.value); else url.searchParams.delete('plugin');
    location.assign(url);
  });
}

async function start() {
  if (!(await session())) return;
  const plugin = new URLSearchParams(location.search).get('plugin');
  const spec = /^[a-z][a-z0-9_]{0,39}$/.test(plugin || '') ? '/api/v1/' + plugin + '/openapi.json' : '/api/v1/openapi.json';
  document.getElementById('raw').href = spec;
  scopes(plugin);
  window.ui = SwaggerUIBundle({
    url: spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    withCredentials: true,
    requestInterceptor: (request) => {
      if (!/^(GET|HEAD|OPTIONS)$/i.test(request.method || 'GET')) request.headers['X-CSRF-Token'] = csrf;
      return request;
    },
  });
}

start();
