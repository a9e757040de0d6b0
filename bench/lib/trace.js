// trace.js — where a page's main-thread time goes: one traced visit (load, then three slide changes)
// whose Chrome trace is reduced to self time per bucket on the renderer's main thread, plus how busy
// the GPU process was. Explains figures rather than adding to them (tracing slows the page, so traced
// visits are never part of the medians).
'use strict';

const CATEGORIES = ['devtools.timeline', 'blink', 'gpu', 'v8', 'toplevel', 'disabled-by-default-devtools.timeline'];
const BUCKETS = [
  ['gpuWait', /WaitForGetOffset|WaitForToken|ReadPixels|WaitSyncToken|GpuChannelHost|::Finish/],
  ['script', /^v8\.|^V8\.|FunctionCall|EvaluateScript|RunMicrotasks|MicrotaskCheckpoint|TimerFire|FireAnimationFrame|EventDispatch|CompileScript|wasm|WebAssembly/i],
  ['renderPipeline', /Layout|UpdateLayoutTree|Paint|Layerize|Commit|UpdateLayer|RecalcStyle|HitTest|ParseHTML|StyleSheet|RuleSet|Decode|ImageDecode/],
];

// Self time (ms) per bucket on each renderer main thread, and the GPU process main thread's busy time.
function summarize(traceEvents) {
  const names = new Map();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') names.set(e.pid + ':' + e.tid, e.args.name);
  const threads = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = e.pid + ':' + e.tid;
    if (!threads.has(k)) threads.set(k, []);
    threads.get(k).push(e);
  }
  const out = { main: { gpuWait: 0, script: 0, renderPipeline: 0, other: 0, busy: 0 }, gpuProcessBusy: 0, workers: 0 };
  const other = new Map(); // what "other" is made of, by trace event name
  for (const [k, list] of threads) {
    const thread = names.get(k) || '';
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      if (stack.length) stack[stack.length - 1].childDur = (stack[stack.length - 1].childDur || 0) + e.dur;
      else e.topLevel = true;
      stack.push(e);
    }
    for (const e of list) {
      const self = (e.dur - (e.childDur || 0)) / 1000;
      if (thread === 'CrRendererMain') {
        const b = (BUCKETS.find(([, re]) => re.test(e.name)) || ['other'])[0];
        out.main[b] += self;
        if (b === 'other') other.set(e.name, (other.get(e.name) || 0) + self);
        out.main.busy += self;
      } else if (thread === 'CrGpuMain' && e.topLevel) out.gpuProcessBusy += e.dur / 1000;
      else if (/DedicatedWorker/.test(thread) && e.topLevel) out.workers += e.dur / 1000;
    }
  }
  for (const o of [out.main, out]) for (const key of Object.keys(o)) if (typeof o[key] === 'number') o[key] = Math.round(o[key]);
  out.otherTop = [...other].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return out;
}

module.exports = { CATEGORIES, summarize };
