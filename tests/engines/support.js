// support.js — the README's support table, made from what the last run of tests/engines measured
// (test-output/engines/support-<engine>.json): each engine's version, the path the gallery took there
// (render worker / page thread) and each journey's verdict. `node tests/engines/support.js` prints it.
'use strict';
const fs = require('fs');
const path = require('path');
const { ENGINES, OUT } = require('./driver.js');

const PATH = { worker: 'render worker', main: "page's thread", none: 'plain HTML' };

function table() {
  const runs = ENGINES.map((e) => path.join(OUT, `support-${e}.json`)).filter((f) => fs.existsSync(f))
    .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  if (!runs.length) return '';
  const journeys = [...new Set(runs.flatMap((r) => Object.keys(r.results)))];
  const rows = [
    ['', ...runs.map((r) => r.version || r.engine)],
    ['---', ...runs.map(() => '---')],
    ['path the gallery takes', ...runs.map((r) => PATH[r.thread] || r.thread || '?')],
    ...journeys.map((j) => [j, ...runs.map((r) => (r.results[j] === 'pass' ? 'yes' : r.results[j] ? 'NO' : '–'))]),
  ];
  return rows.map((r) => '| ' + r.join(' | ') + ' |').join('\n');
}

module.exports = { table };

if (require.main === module) console.log(table());
