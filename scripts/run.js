// run.js — the two commands a newcomer runs, and the others:
//   npm start  → install what is missing, build, serve the demo + playground, print their URLs
//   npm test   → install, build native + wasm, run every test, end with "N passed, N failed"
//   npm run build / bench / fuzz; npm pack (prepack: dist/)
'use strict';
const path = require('path');
const fs = require('fs');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const cmd = process.argv[2] || 'test';

function bootstrap() {
  execFileSync('bash', [path.join(ROOT, 'scripts/bootstrap.sh')], { stdio: 'inherit', cwd: ROOT });
}

async function main() {
  bootstrap();
  const build = require('./build.js');
  if (cmd === 'build') {
    await build.buildDist();
    build.buildNative();
  } else if (cmd === 'pack') {
    // npm's prepack: the tarball is dist/, so `npm pack` in a fresh clone builds it first (wasm objects cached).
    await build.buildDist();
  } else if (cmd === 'start') {
    await build.buildDist();
    const { listen } = require('./serve.js');
    const port = Number(process.env.PORT || 8080);
    let srv;
    try { srv = await listen(port, '127.0.0.1'); } catch { srv = await listen(0, '127.0.0.1'); }
    console.log(`\nwasm-gallery is being served:`);
    console.log(`  demo article: ${srv.url}/`);
    console.log(`  playground:   ${srv.url}/playground/`);
    console.log(`  strict-CSP demo: ${srv.url}/csp/`);
    console.log('Press Ctrl+C to stop.');
  } else if (cmd === 'test') {
    process.exitCode = await require('./test.js').runAll(build);
  } else if (cmd === 'bench') {
    process.exitCode = await require('../bench/run.js').main(build);
  } else if (cmd === 'fuzz') {
    process.exitCode = await require('./fuzz.js').main(process.argv.slice(3));
  } else {
    console.error(`unknown command ${cmd}`);
    process.exitCode = 2;
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
