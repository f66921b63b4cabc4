// The AI insights as a reader wants them: the model's lists under headings, the quality it saw, and
// how the answer was obtained in one line; any other part as a nested list, never as raw JSON.
'use strict';
window.AnalyticsInsights = (() => {
  const kit = window.PageKit;
  const headings = { key_patterns: 'Key patterns', business_insights: 'Business insights',
    recommendations: 'Recommendations', anomalies: 'Anomalies', data_quality: 'Data quality as the model sees it',
    problems: 'Parts of the answer that were left out' };
  const about = ['status', 'model', 'attempts', 'confidence'];
  const el = (tag, text) => Object.assign(document.createElement(tag), text === undefined ? {} : { textContent: text });
  const human = (key) => headings[key] || key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

  /** Any JSON value as text, a list, or a list of labelled items. */
  function value(v) {
    if (Array.isArray(v)) {
      const list = el('ul');
      if (v.length === 0) list.append(el('li', 'none'));
      v.forEach((item) => { const li = el('li'); li.append(value(item)); list.append(li); });
      return list;
    }
    if (v !== null && typeof v === 'object') {
      const list = el('ul');
      Object.entries(v).forEach(([k, item]) => {
        const li = el('li');
        li.append(el('b', human(k) + ': '), k === 'score' && typeof item === 'number' ? kit.percent(item) : value(item));
        list.append(li);
      });
      return list;
    }
    return document.createTextNode(v === null || v === undefined ? '—' : String(v));
  }

  function render(container, insights) {
    if (!insights) {
      container.replaceChildren(el('p', 'Basic analysis: no insights (choose the detailed depth for them).'));
      return;
    }
    const parts = [];
    const meta = about.filter((k) => insights[k] !== undefined && insights[k] !== null)
      .map((k) => (k === 'confidence' ? 'confidence ' + kit.percent(insights[k]) : k + ' ' + insights[k]));
    if (meta.length) parts.push(Object.assign(el('p', meta.join(' · ')), { className: 'meta' }));
    Object.entries(insights).filter(([k]) => !about.includes(k)).forEach(([k, v]) => {
      if (k === 'problems' && Array.isArray(v) && v.length === 0) return;
      parts.push(el('h4', human(k)), value(v));
    });
    container.replaceChildren(...parts);
  }

  return { render };
})();
