// The home page: sign-in (an API key or the Web Console's user), then the plugins and their pages.
// Pages of plugins send a browser without a session here with ?next=<their path>; it goes back
// there after sign-in, but only to a path of this server (an absolute or foreign URL is refused).
'use strict';

const $ = (id) => document.getElementById(id);
let csrf = '';

/** The path to return to: null when none was asked for, undefined when the one asked for is refused. */
function returnPath() {
  const raw = new URLSearchParams(location.search).get('next');
  if (raw === null || raw === '') return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return undefined;
  const url = new URL(raw, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : undefined;
}

function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

async function json(response) {
  try { return await response.json(); } catch (e) { return {}; }
}

function errorText(body, status) {
  const error = body && body.error;
  return error && error.message ? error.message : 'The server answered ' + status;
}

async function session() {
  const response = await fetch('/api/v1/session', { credentials: 'same-origin' });
  return response.ok ? json(response) : null;
}

function show(signedIn, current) {
  $('sign-in').hidden = signedIn;
  $('home').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
  if (signedIn) {
    $('who').textContent = 'Signed in as ' + current.role;
    document.querySelectorAll('[data-admin]').forEach((item) => { item.hidden = current.role !== 'admin'; });
  }
}

async function signIn(body) {
  $('sign-in-error').hidden = true;
  const response = await fetch('/api/v1/session', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await json(response);
  if (!response.ok) {
    $('sign-in-error').textContent = errorText(answer, response.status);
    $('sign-in-error').hidden = false;
    return;
  }
  csrf = answer.csrf_token;
  const next = returnPath();
  if (next) {
    location.replace(next);
    return;
  }
  await enter(answer);
}

async function enter(current) {
  show(true, current);
  await listPlugins();
}

function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) td.append(content); else td.textContent = content;
  return td;
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

async function listPlugins() {
  const response = await fetch('/api/v1/plugins', { credentials: 'same-origin' });
  if (response.status === 401) {
    show(false);
    return;
  }
  const body = await json(response);
  const tbody = $('plugins').tBodies[0];
  tbody.replaceChildren();
  const plugins = Array.isArray(body.items) ? body.items : [];
  $('plugins-empty').hidden = plugins.length > 0;
  for (const plugin of plugins) {
    const descriptor = plugin.plugin || {};
    const row = tbody.insertRow();
    row.dataset.plugin = plugin.id || plugin.file;
    const name = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = descriptor.name || plugin.file;
    name.append(title);
    if (plugin.id) name.append(' ', Object.assign(document.createElement('code'), { textContent: plugin.id }));
    if (descriptor.description) name.append(Object.assign(document.createElement('p'), { textContent: descriptor.description }));
    cell(row, name);
    cell(row, descriptor.version || '');
    const state = Object.assign(document.createElement('span'), { className: 'state ' + plugin.state, textContent: plugin.state });
    const stateCell = cell(row, state);
    if (plugin.reason) stateCell.append(Object.assign(document.createElement('p'), { className: 'reason', textContent: plugin.reason }));
    const pages = document.createElement('ul');
    for (const page of plugin.pages || []) {
      const item = document.createElement('li');
      item.append(link(page.url, page.title));
      if (page.description) item.title = page.description;
      pages.append(item);
    }
    cell(row, pages.childElementCount ? pages : '—');
    const api = document.createElement('span');
    if ((plugin.endpoints || []).length) api.append(link('/api/v1/docs/?plugin=' + encodeURIComponent(plugin.id), 'API'));
    if (descriptor.documentation_url) api.append(' ', link(descriptor.documentation_url, 'Docs'));
    cell(row, api.childNodes.length ? api : '—');
  }
}

async function signOut() {
  await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } });
  csrf = '';
  show(false);
  notice('Signed out.');
}

function tab(console) {
  $('tab-key').setAttribute('aria-selected', String(!console));
  $('tab-console').setAttribute('aria-selected', String(console));
  $('key-form').hidden = console;
  $('console-form').hidden = !console;
}

async function start() {
  $('tab-key').addEventListener('click', () => tab(false));
  $('tab-console').addEventListener('click', () => tab(true));
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn({ key: $('key').value });
  });
  $('console-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn({ user: $('user').value, password: $('password').value });
  });
  $('sign-out').addEventListener('click', signOut);
  const next = returnPath();
  if (next === undefined) {
    notice('The link asked to continue at an address outside this server; it was ignored.');
  }
  const current = await session();
  if (current && current.csrf_token) {
    csrf = current.csrf_token;
    if (next) {
      location.replace(next);
      return;
    }
    await enter(current);
  } else {
    if (next) notice('Sign in to continue to ' + next);
    show(false);
  }
}

start();
