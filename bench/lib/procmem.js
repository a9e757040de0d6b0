// procmem.js — memory the browser really spends, beyond the JS heap: proportional set size (PSS, from
// /proc/<pid>/smaps_rollup) of Chromium's renderer processes and its GPU process. Decoded <img> bitmaps,
// GPU textures, compositor tiles and wasm memory all land in these, whichever gallery made them.
'use strict';
const fs = require('fs');

function pssKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? +m[1] : 0;
  } catch { return 0; } // the process ended between listing and reading
}

// { renderer, gpu, total } in bytes, for the browser behind `cdp` (a browser-level CDP session).
async function processMemory(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let renderer = 0, gpu = 0;
  for (const p of processInfo) {
    if (p.type === 'renderer') renderer += pssKb(p.id) * 1024;
    else if (p.type === 'GPU') gpu += pssKb(p.id) * 1024;
  }
  return { renderer, gpu, total: renderer + gpu };
}

module.exports = { processMemory };
