// What every plugin page shares, copied into each plugin's ui/lib/ at build time (a page is served from
// its own bundle, so one file cannot serve two plugins at run time): the platform's browser session,
// requests that carry its CSRF token, numbers in human units and the Chart.js settings of the pages.
'use strict';
window.PageKit = (() => {
  const signInPage = () => '/?next=' + encodeURIComponent(location.pathname + location.search);
  let csrf = '';

  /** Sends the browser to the home page's sign-in; it comes back here afterwards. */
  function signIn() {
    location.assign(signInPage());
    return new Promise(() => {}); // nothing after this runs: the page is left
  }

  /**
   * The session of this browser (GET /api/v1/session, same origin: the cookie is sent), shown as
   * "signed in as <role>" in #signed-in; without one, off to sign in.
   */
  async function session() {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) return signIn();
    if (!response.ok) throw new Error('the session could not be read (HTTP ' + response.status + ')');
    const current = await response.json();
    csrf = current.csrf_token || '';
    const badge = document.getElementById('signed-in');
    if (badge) badge.textContent = 'signed in as ' + current.role;
    return current;
  }

  /**
   * A request of the page: JSON bodies are sent as JSON, changes carry the CSRF token; 401 means the
   * session ended, so the browser signs in again. Answers {ok, status, json} (json is {} without a body).
   */
  async function request(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const json = body !== undefined && !(body instanceof FormData);
    if (json) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method, headers, credentials: 'same-origin',
      body: json ? JSON.stringify(body) : body });
    if (response.status === 401) return signIn();
    const text = await response.text();
    let parsed = {};
    try { parsed = text ? JSON.parse(text) : {}; } catch (e) { parsed = { error: { message: text.slice(0, 200) } }; }
    return { ok: response.ok, status: response.status, json: parsed };
  }

  /** The message of an answer in the platform's error shape {"error": {code, message, details}}. */
  const errorText = (answer) => (answer.json.error && answer.json.error.message) || 'HTTP ' + answer.status;

  const decimal = (v, digits = 1) => v.toLocaleString(undefined, { maximumFractionDigits: digits });
  function bytes(v) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    for (; Math.abs(v) >= 1024 && i < units.length - 1; i++) v /= 1024;
    return decimal(v, i === 0 ? 0 : 1) + ' ' + units[i];
  }
  /**
   * A step for an axis of bytes that lands on round binary amounts (20 MiB, not 19.1 MiB as a decimal
   * step of 20,000,000 bytes would): about five steps up to max.
   */
  function byteStep(max) {
    let unit = 1;
    while (max / unit >= 1024 && unit < 1024 ** 4) unit *= 1024;
    const raw = Math.max(max / unit / 5, 1e-9);
    const power = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 5, 10].find((n) => n * power >= raw) * power * unit;
  }
  const percent = (ratio) => decimal(ratio * 100, 1) + ' %';
  function millis(v) {
    if (Math.abs(v) < 1000) return decimal(v, 1) + ' ms';
    if (Math.abs(v) < 60000) return decimal(v / 1000, 1) + ' s';
    return decimal(v / 60000, 1) + ' min';
  }
  /** A value in its metric's unit (the platform's units: bytes, ratio, ms, count). */
  function inUnit(v, unit) {
    if (v === null || v === undefined || Number.isNaN(v)) return '—';
    if (unit === 'bytes') return bytes(v);
    if (unit === 'ratio') return percent(v);
    if (unit === 'ms') return millis(v);
    return decimal(v, Math.abs(v) < 10 ? 2 : 1);
  }
  /** An instant as the reader's local date and time, without seconds' fractions. */
  const dateTime = (t) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  const clock = (t) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

  // Chart.js plugin: each bar's value written above it, so a reader need not estimate against the axis.
  // A bar dataset asks for it with its own valueFormat function (read from the raw dataset: Chart.js
  // would call a function in its options as a scriptable option).
  const barValues = {
    id: 'barValues',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = '#1d2430';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      const written = [];
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (!dataset.valueFormat || meta.type !== 'bar' || meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const value = dataset.data[i];
          const y = typeof value === 'object' && value !== null ? value.y : value;
          if (y === null || y === undefined) return;
          const text = dataset.valueFormat(y);
          written.push(text);
          if (ctx.measureText(text).width + 2 <= bar.width) {
            ctx.fillText(text, bar.x, bar.y - 2);
            return;
          }
          // wider than its bar: written upright, inside the top of a tall bar or just above a short one
          const inside = Math.abs(bar.base - bar.y) > ctx.measureText(text).width + 6;
          ctx.save();
          ctx.translate(bar.x, bar.y);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = inside ? 'right' : 'left';
          ctx.textBaseline = 'middle';
          ctx.fillStyle = inside ? '#fff' : '#1d2430';
          ctx.fillText(text, inside ? -3 : 3, 0);
          ctx.restore();
        });
      });
      ctx.restore();
      chart.$barValues = written; // what the canvas shows, for a reader of the page's state (its browser test)
    },
  };

  /** The pages' common chart settings: no animation (live data redraws), axes titled, labels thinned. */
  function chartOptions(yTitle, yFormat, xTitle) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 16 } }, // room for the values above the highest bar
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: Boolean(xTitle), text: xTitle },
          ticks: { autoSkip: true, maxRotation: 45, minRotation: 0, autoSkipPadding: 6 } },
        y: { beginAtZero: true, title: { display: true, text: yTitle }, ticks: { callback: yFormat } },
      },
    };
  }

  if (window.Chart) window.Chart.register(barValues);

  return { session, request, errorText, bytes, byteStep, percent, millis, inUnit, decimal, dateTime, clock, chartOptions };
})();
