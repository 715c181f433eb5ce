// The store page: polls the JSON API and redraws. Every text from the store is set as textContent,
// never as HTML. What the page drew is exposed as data attributes for tests: body[data-refreshes]
// counts completed refreshes, each .chart[data-points] is the number of points uPlot last drew.
'use strict';

const REFRESH_MS = 3000;
const state = {
  group: null, version: null, key: null, refreshes: 0, charts: new Map(), chartsOf: '',
  running: false, again: false,
};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function age(seconds) {
  if (seconds === null) return '–';
  const abs = Math.abs(seconds);
  const text = abs < 120 ? abs + ' s' : abs < 7200 ? Math.round(abs / 60) + ' min'
      : abs < 172800 ? Math.round(abs / 3600) + ' h' : Math.round(abs / 86400) + ' d';
  return seconds < 0 ? 'in ' + text : text + ' ago';
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('group')) {
    state.group = params.get('group');
    state.version = Number(params.get('version') || 1);
    state.key = params.get('key');
  }
}

function select(group, version, key) {
  state.group = group;
  state.version = version;
  state.key = key;
  const params = new URLSearchParams({ group, version });
  if (key) params.set('key', key);
  history.replaceState(null, '', '#' + params);
  refresh();
}

function renderGroups(doc) {
  const body = document.querySelector('#groups tbody');
  body.replaceChildren();
  for (const g of doc.groups) {
    const row = el('tr');
    row.dataset.group = g.name;
    row.dataset.version = g.version;
    if (g.name === state.group && g.version === state.version) row.className = 'selected';
    row.append(el('td', g.name), el('td', g.version, 'number'), el('td', g.primaryKey.join(', ')),
        el('td', g.offlineRows, 'number'), el('td', g.online ? g.onlineRows : 'offline only', 'number'),
        el('td', g.keys.length <= 3 ? g.keys.join(', ') : g.keys.slice(0, 3).join(', ') + ', …'),
        el('td', g.newestEventTime || '–'), el('td', age(g.ageSeconds)));
    row.addEventListener('click', () => select(g.name, g.version, null));
    body.append(row);
  }
}

function renderSchema(g) {
  document.getElementById('group-title').textContent = g.name + ' v' + g.version;
  document.getElementById('group-description').textContent = g.description;
  const body = document.querySelector('#schema tbody');
  body.replaceChildren();
  for (const field of g.schema) {
    const role = g.primaryKey.includes(field.name) ? 'primary key'
        : field.name === g.eventTime ? 'event time' : 'feature';
    const row = el('tr');
    row.append(el('td', field.name), el('td', field.type), el('td', role));
    body.append(row);
  }
}

function renderKeys(g) {
  const chooser = document.getElementById('key');
  if (!g.keys.includes(state.key)) state.key = g.keys.length ? g.keys[0] : null;
  const current = Array.from(chooser.options).map(o => o.value).join('\n');
  if (current !== g.keys.join('\n')) {
    chooser.replaceChildren(...g.keys.map(k => el('option', k)));
  }
  if (state.key !== null) chooser.value = state.key;
}

function renderOnline(doc) {
  const head = document.querySelector('#online thead');
  const body = document.querySelector('#online tbody');
  const header = el('tr');
  header.append(...doc.columns.map(c => el('th', c)));
  head.replaceChildren(header);
  body.replaceChildren(...doc.rows.map(cells => {
    const row = el('tr');
    row.append(...cells.map(v => el('td', v === null ? '–' : v, typeof v === 'number' ? 'number' : '')));
    return row;
  }));
}

function renderSeries(doc) {
  const container = document.getElementById('charts');
  const names = Object.keys(doc.features);
  const identity = doc.group + '/' + doc.version + '/' + doc.key + '/' + names.join(',');
  if (identity !== state.chartsOf) {
    state.charts.forEach(chart => chart.destroy());
    state.charts.clear();
    container.replaceChildren();
    state.chartsOf = identity;
  }
  container.dataset.key = doc.key;
  container.dataset.points = doc.times.length;
  for (const name of names) {
    const data = [doc.times, doc.features[name]];
    const existing = state.charts.get(name);
    if (existing) {
      existing.setData(data);
      continue;
    }
    const box = el('div', null, 'chart');
    box.dataset.feature = name;
    container.append(box);
    const options = {
      title: name, width: 440, height: 220,
      scales: { x: { time: true } },
      axes: [{ values: utcTicks }, {}],
      tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'), // as the tables show time
      series: [{}, { label: name, stroke: '#2f6db5', width: 1.5, spanGaps: false }],
      hooks: { draw: [u => { box.dataset.points = u.data[0].length; }] },
    };
    state.charts.set(name, new uPlot(options, data, box));
  }
}

// Axis labels in UTC, 24 h, as the tables show times; with the date when the range spans days.
function utcTicks(u, ticks) {
  const days = ticks.length > 1 && ticks[ticks.length - 1] - ticks[0] > 86400;
  return ticks.map(t => {
    const iso = new Date(t * 1000).toISOString();
    return days ? iso.slice(5, 10) + ' ' + iso.slice(11, 16) : iso.slice(11, 16);
  });
}

function status(text, error) {
  const node = document.getElementById('status');
  node.textContent = text;
  node.className = error ? 'error' : '';
}

// One refresh at a time, so that an answer for a key no longer chosen never lands after a newer one.
async function refresh() {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    const doc = await getJson('api/groups');
    if (state.group === null && doc.groups.length) {
      state.group = doc.groups[0].name;
      state.version = doc.groups[0].version;
    }
    renderGroups(doc);
    const g = doc.groups.find(x => x.name === state.group && x.version === state.version);
    const section = document.getElementById('group');
    section.hidden = !g;
    if (g) {
      renderSchema(g);
      renderKeys(g);
      const query = 'group=' + encodeURIComponent(g.name) + '&version=' + g.version;
      renderOnline(await getJson('api/online?' + query));
      if (state.key !== null) {
        renderSeries(await getJson('api/series?' + query + '&key=' + encodeURIComponent(state.key)));
      }
    }
    status(doc.groups.length + ' group(s), updated ' + doc.now.replace('T', ' ').slice(0, 19) + ' UTC', false);
  } catch (e) {
    status(e.message, true);
  } finally {
    state.refreshes += 1;
    document.body.dataset.refreshes = state.refreshes;
    state.running = false;
    if (state.again) {
      state.again = false;
      refresh();
    }
  }
}

document.getElementById('key').addEventListener('change', e => select(state.group, state.version, e.target.value));
readHash();
refresh();
setInterval(refresh, REFRESH_MS);
