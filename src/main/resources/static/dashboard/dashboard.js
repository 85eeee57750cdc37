// The managers' dashboard: draws /dashboard/data with Chart.js (served from the application's
// WebJar); each chart keeps its numbers in a table beside it and offers them as CSV.
(function () {
  'use strict';
  const KINDS = { budget: 'line', funnel: 'bar', hitRate: 'line', takedown: 'line', waiting: 'bar', tasks: 'bar', appeals: 'bar' };
  const drawn = [];
  const query = new URLSearchParams(location.search);
  const el = (id) => document.getElementById(id);

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  function start() {
    const today = new Date();
    el('to').value = query.get('to') || isoDay(today);
    el('from').value = query.get('from') || isoDay(new Date(today.getTime() - 29 * 86400000));
    el('filters').addEventListener('submit', (e) => { e.preventDefault(); load(true); });
    load(false);
  }

  function params() {
    const p = new URLSearchParams({ from: el('from').value, to: el('to').value });
    const category = el('category').value || query.get('category');
    if (category) { p.set('category', category); }
    return p;
  }

  async function load(fromForm) {
    const p = params();
    if (fromForm) { history.replaceState(null, '', '/dashboard?' + p); }
    el('status').textContent = 'Loading…';
    const answer = await fetch('/dashboard/data?' + p, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (answer.status === 401) { location.href = '/dashboard'; return; }
    const body = await answer.json();
    if (!answer.ok) { el('status').textContent = body.detail || body.title; return; }
    el('user').textContent = body.user;
    fillCategories(body.categories, body.category);
    draw(body, p);
    el('status').textContent = 'Showing ' + body.from + ' to ' + body.to + (body.category ? ', ' + body.category : ', all categories');
  }

  function fillCategories(categories, chosen) {
    const select = el('category');
    if (select.options.length === 1) {
      categories.forEach((c) => select.add(new Option(c, c)));
    }
    select.value = chosen || '';
  }

  function draw(body, p) {
    drawn.splice(0).forEach((chart) => chart.destroy());
    const main = el('charts');
    main.textContent = '';
    Object.entries(body.charts).forEach(([key, chart]) => {
      const section = el('chart').content.firstElementChild.cloneNode(true);
      section.id = 'chart-' + key;
      section.querySelector('h2').textContent = chart.title;
      table(section.querySelector('table'), chart);
      const csv = section.querySelector('a.csv');
      csv.href = '/dashboard/data.csv?chart=' + key + '&' + p;
      csv.id = 'csv-' + key;
      main.appendChild(section);
      if (window.Chart) {
        drawn.push(new window.Chart(section.querySelector('canvas'), {
          type: KINDS[key] || 'bar',
          data: { labels: chart.labels, datasets: Object.entries(chart.series)
            .filter(([name]) => key !== 'hitRate' || name.endsWith('%')) // the verdict counts stay in the table
            .map(([name, values]) => ({ label: name, data: values, spanGaps: true })) },
          options: { responsive: true, maintainAspectRatio: false, animation: false }
        }));
      }
    });
  }

  function table(node, chart) {
    const head = node.querySelector('thead');
    const row = head.insertRow();
    ['', ...Object.keys(chart.series)].forEach((name) => { const th = document.createElement('th'); th.textContent = name; row.appendChild(th); });
    const body = node.querySelector('tbody');
    chart.labels.forEach((label, i) => {
      const tr = body.insertRow();
      tr.dataset.label = label;
      tr.insertCell().textContent = label;
      Object.values(chart.series).forEach((values) => { tr.insertCell().textContent = values[i] === null ? '' : values[i]; });
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
