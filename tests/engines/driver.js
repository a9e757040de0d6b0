// driver.js — one small driver for the three engines a reader's phone or desktop has, so a test is
// written once: Chromium through playwright-core (CDP), Firefox through WebDriver BiDi (puppeteer-core
// drives /usr/bin/firefox-esr), WebKit through W3C WebDriver (WebKitWebDriver with WebKitGTK's
// MiniBrowser). Firefox and WebKit draw WebGL only with a display: each gets an Xvfb of its own
// (Mesa's llvmpipe), started here, so the suite needs no xvfb-run around it.
//
// A Tab offers what the tests need and nothing else:
//   goto(path) · evaluate(fn, arg) · waitFor(fn, arg, {timeout, what}) · screenshot(name) → {file, png}
//   · swipe(from, to, {ms, pointer: 'touch'|'mouse'}) · tap(x, y, {pointer, count}) · pinch(centre, d0, d1)
//   · key(k) · pageErrors() · close()
// Gestures are whole timelines the browser plays on its own clock: one W3C action sequence (BiDi
// input.performActions, WebDriver POST /actions) with pauses and timed moves inside, or, in Chromium,
// CDP input events sent on schedule with their planned timestamps (harness.js Input). Nothing waits
// for the page between two events of a gesture; the test then waits for the state it expects.
// WebKitGTK's WebDriver has no touch (a touch pointer arrives as the mouse, one pointer): there a
// finger or a pinch is played inside the page as PointerEvents of pointerType 'touch' (playFingers),
// which tests the widget's handling in WebKit but not WebKit's own gesture recognition.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn, execFileSync } = require('child_process');
const { PNG } = require('pngjs');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'engines');
fs.mkdirSync(OUT, { recursive: true });

const ENGINES = ['chromium', 'firefox', 'webkit'];
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- Xvfb: a display of our own ------------------------------------------------------------------
// -displayfd makes Xvfb pick a free display and write its number once it accepts clients.
function startXvfb() {
  return new Promise((resolve, reject) => {
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    x.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ display: ':' + out.trim(), stop: () => x.kill() });
    });
    x.stderr.on('data', (d) => { err += d; });
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.slice(-300)}`)));
  });
}

// ---- page-side helpers every backend injects through evaluate --------------------------------------
function decodePng(buf) { return PNG.sync.read(buf); }
function save(name, buf) {
  const file = path.join(OUT, name + '.png');
  fs.writeFileSync(file, buf);
  return { file, png: decodePng(buf) };
}

// Points of a straight move from `from` to `to` over `ms`, one every ~16 ms (a finger's sample rate).
function pointsOf(from, to, ms) {
  const steps = Math.max(2, Math.round(ms / 16));
  return Array.from({ length: steps + 1 }, (_, i) => [from[0] + (to[0] - from[0]) * i / steps, from[1] + (to[1] - from[1]) * i / steps]);
}

// W3C action sequences (the same JSON for BiDi and classic WebDriver).
function w3cSwipe(from, to, { ms = 200, pointer = 'touch', holdMs = 0 } = {}) {
  const pts = pointsOf(from, to, ms);
  const step = Math.round(ms / (pts.length - 1));
  const actions = [{ type: 'pointerMove', x: Math.round(from[0]), y: Math.round(from[1]), duration: 0 }, { type: 'pointerDown', button: 0 }];
  for (const [x, y] of pts.slice(1)) actions.push({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: step });
  if (holdMs) actions.push({ type: 'pause', duration: holdMs });
  actions.push({ type: 'pointerUp', button: 0 });
  return [{ type: 'pointer', id: pointer + '1', parameters: { pointerType: pointer }, actions }];
}
// Two fingers about `c`, from `d0` apart to `d1` apart along the horizontal, over `ms`.
function pinchPaths(c, d0, d1, ms) {
  return [pointsOf([c[0] - d0 / 2, c[1]], [c[0] - d1 / 2, c[1]], ms), pointsOf([c[0] + d0 / 2, c[1]], [c[0] + d1 / 2, c[1]], ms)];
}
function w3cPinch(c, d0, d1, { ms = 300 } = {}) {
  return pinchPaths(c, d0, d1, ms).map((pts, k) => {
    const step = Math.round(ms / (pts.length - 1));
    const actions = [{ type: 'pointerMove', x: Math.round(pts[0][0]), y: Math.round(pts[0][1]), duration: 0 }, { type: 'pointerDown', button: 0 }];
    for (const [x, y] of pts.slice(1)) actions.push({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: step });
    actions.push({ type: 'pointerUp', button: 0 });
    return { type: 'pointer', id: 'finger' + (k + 1), parameters: { pointerType: 'touch' }, actions };
  });
}
function w3cTap(x, y, { pointer = 'mouse', count = 1 } = {}) {
  const actions = [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }];
  for (let i = 0; i < count; i++) {
    if (i) actions.push({ type: 'pause', duration: 80 });
    actions.push({ type: 'pointerDown', button: 0 }, { type: 'pause', duration: 40 }, { type: 'pointerUp', button: 0 });
  }
  return [{ type: 'pointer', id: pointer + '1', parameters: { pointerType: pointer }, actions }];
}
// WebDriver's key codes for the keys the tests press.
const W3C_KEYS = { ArrowLeft: '\uE012', ArrowRight: '\uE014', ArrowUp: '\uE013', ArrowDown: '\uE015', Escape: '\uE00C',
  Home: '\uE011', End: '\uE010', Enter: '\uE007', Tab: '\uE004' };
function w3cKey(k) {
  const v = W3C_KEYS[k] || k;
  return [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: v }, { type: 'keyUp', value: v }] }];
}

// Fingers played inside the page: paths[k] is finger k's points (CSS px of the viewport), one every
// `stepMs`, as PointerEvents of pointerType 'touch' on the element under each finger (into shadow
// roots), on the page's own clock. For WebKitGTK, whose WebDriver turns a touch pointer into the mouse
// (one pointer, pointerType 'mouse'), so that neither a finger nor a pinch could reach a page there.
function playFingers([paths, stepMs]) {
  const under = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el && el.shadowRoot) { const inner = el.shadowRoot.elementFromPoint(x, y); if (!inner || inner === el) break; el = inner; }
    return el || document.body;
  };
  const targets = paths.map((p) => under(p[0][0], p[0][1]));
  const fire = (type, k, [x, y]) => targets[k].dispatchEvent(new PointerEvent(type, { pointerId: 100 + k, pointerType: 'touch',
    isPrimary: k === 0, clientX: x, clientY: y, buttons: type === 'pointerup' ? 0 : 1, button: type === 'pointermove' ? -1 : 0,
    width: 8, height: 8, pressure: type === 'pointerup' ? 0 : 0.5, bubbles: true, cancelable: true, composed: true }));
  const n = paths[0].length;
  return new Promise((resolve) => {
    const t0 = performance.now();
    let i = 0;
    const step = () => {
      while (i <= n && performance.now() - t0 >= i * stepMs) {
        paths.forEach((p, k) => fire(i === 0 ? 'pointerdown' : i === n ? 'pointerup' : 'pointermove', k, p[Math.min(i, n - 1)]));
        i++;
      }
      if (i <= n) setTimeout(step, Math.max(0, t0 + i * stepMs - performance.now()));
      else resolve(true);
    };
    step();
  });
}

// ---- Chromium: playwright-core ---------------------------------------------------------------------
const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage'];

async function launchChromium() {
  const { chromium } = require('playwright-core');
  const h = require('../browser/harness.js');
  const browser = await chromium.launch({ executablePath: process.env.WG_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const version = 'Chromium ' + browser.version();
  return {
    engine: 'chromium', version,
    async newTab(base, { width = 1000, height = 760, dpr = 1, touch = false } = {}) {
      const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch });
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      let input = null;
      const dev = async () => input || (input = await h.input(page));
      return {
        goto: async (p) => { input = null; page.__wgInput = null; await page.goto(base + p); },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (fn, arg, { timeout = 20000 } = {}) => (await page.waitForFunction(fn, arg, { timeout, polling: 50 })).jsonValue(),
        screenshot: async (name) => save(name, await page.screenshot()),
        async swipe(from, to, { ms = 200, pointer = 'touch', holdMs = 0 } = {}) {
          const i = await dev();
          const pts = pointsOf(from, to, ms), step = ms / (pts.length - 1);
          if (pointer === 'touch') return i.touch([pts], step, { holdSteps: Math.round(holdMs / step) });
          return i.drag(pts, step, { holdSteps: Math.round(holdMs / step) });
        },
        async tap(x, y, { pointer = 'mouse', count = 1 } = {}) {
          const i = await dev();
          if (pointer === 'touch') {
            for (let k = 0; k < count; k++) await i.touch([[[x, y]]], 40, { after: k ? 80 : 0 });
            return;
          }
          for (let k = 0; k < count; k++) await i.mouse([['mouseMoved', x, y], ['mousePressed', x, y], ['mouseReleased', x, y]], 20, { after: k ? 60 : 0 });
        },
        async pinch(c, d0, d1, { ms = 300 } = {}) {
          const paths = pinchPaths(c, d0, d1, ms);
          return (await dev()).touch(paths, ms / (paths[0].length - 1));
        },
        key: (k) => page.keyboard.press(k),
        pageErrors: async () => errors.slice(),
        close: () => ctx.close(),
        raw: page,
      };
    },
    close: () => browser.close(),
  };
}

// ---- Firefox: WebDriver BiDi (puppeteer-core) ------------------------------------------------------
async function launchFirefox() {
  const puppeteer = require('puppeteer-core');
  const x = await startXvfb();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: process.env.WG_FIREFOX || '/usr/bin/firefox-esr', headless: false, userDataDir: profile,
      env: { ...process.env, DISPLAY: x.display, MOZ_CRASHREPORTER_DISABLE: '1' },
      // No update checks, telemetry or first-run pages on a machine without a network; touch events on.
      extraPrefsFirefox: { 'dom.w3c_touch_events.enabled': 1, 'app.update.disabledForTesting': true, 'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.reportingpolicy.firstRun': false },
    });
  } catch (e) { x.stop(); throw e; }
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ');
  return {
    engine: 'firefox', version,
    async newTab(base, { width = 1000, height = 760, dpr = 1, touch = false } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: dpr, hasTouch: touch });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e && e.message || e)));
      const act = (actions) => page.mainFrame().browsingContext.performActions(actions);
      return {
        goto: (p) => page.goto(base + p),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (fn, arg, { timeout = 20000 } = {}) => (await page.waitForFunction(fn, { timeout, polling: 50 }, arg)).jsonValue(),
        screenshot: async (name) => save(name, Buffer.from(await page.screenshot())),
        swipe: (from, to, o) => act(w3cSwipe(from, to, o)),
        tap: (x, y, o) => act(w3cTap(x, y, o)),
        pinch: (c, d0, d1, o) => act(w3cPinch(c, d0, d1, o)),
        key: (k) => act(w3cKey(k)),
        pageErrors: async () => errors.slice(),
        close: () => page.close(),
        raw: page,
      };
    },
    async close() { await browser.close().catch(() => {}); x.stop(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

// ---- WebKit: W3C WebDriver (WebKitWebDriver) ---------------------------------------------------------
async function freePort() {
  const net = require('net');
  return new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

// How long one WebDriver command may take before it counts as failed (a script's own waits are far
// shorter): a browser that died leaves its driver's reply pending for ever, and a test must fail, not hang.
const WD_COMMAND_MS = 60000;
// How long a new MiniBrowser may take to start (a few seconds here).
const WD_SESSION_MS = 30000;

async function launchWebKit() {
  const x = await startXvfb();
  // The driver, started again when a MiniBrowser fails to start under it (seen once in a few hundred
  // sessions here: the driver then never answers, and holds no session).
  let drv = null, base = '';
  async function startDriver() {
    if (drv) drv.kill();
    const port = await freePort();
    drv = spawn(process.env.WG_WEBKITDRIVER || 'WebKitWebDriver', ['--port=' + port, '--host=127.0.0.1'],
      { stdio: 'ignore', env: { ...process.env, DISPLAY: x.display } });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try { await wd('GET', '/status'); return; } catch (e) {
        if (i > 100) { drv.kill(); x.stop(); throw new Error('WebKitWebDriver did not start: ' + e.message); }
        await sleep(100);
      }
    }
  }
  async function wd(method, p, body, ms = WD_COMMAND_MS) {
    const r = await fetch(base + p, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(ms) });
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`WebDriver ${p}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  }
  // A new MiniBrowser: a browser that did not start is started again (a fresh driver, at most twice);
  // what it then shows is the test's business.
  async function newSession() {
    const caps = { capabilities: { alwaysMatch: { browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } };
    for (let attempt = 1; ; attempt++) {
      try {
        return await wd('POST', '/session', caps, WD_SESSION_MS);
      } catch (e) {
        if (attempt >= 3) throw new Error(`MiniBrowser did not start (${attempt} tries): ${e.message}`);
        console.log(`# WebKit: MiniBrowser did not start (${e.message}); the driver is started again`);
        await startDriver();
      }
    }
  }
  await startDriver();
  let version = 'WebKitGTK';
  try { version = 'WebKitGTK ' + execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).replace(/-.*/, ''); } catch { /* keep */ }
  const sessions = new Set();
  return {
    engine: 'webkit', version,
    async newTab(base0, { width = 1000, height = 760 } = {}) {
      // One MiniBrowser per tab: a session is a browser window of its own.
      const s = await newSession();
      const S = '/session/' + s.sessionId;
      sessions.add(S);
      await wd('POST', S + '/window/rect', { width, height });
      // WebDriver runs the script as a function body: the test's function is inlined in it (no eval,
      // so a page's strict CSP does not stand in the way), its result comes back through the callback.
      const evaluate = async (fn, arg) => {
        const script = `const done = arguments[1];
          Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`;
        const r = await wd('POST', S + '/execute/async', { script, args: [arg === undefined ? null : arg] });
        if (r && r.err) throw new Error('in the page: ' + r.err);
        return r && r.ok;
      };
      const act = (actions) => wd('POST', S + '/actions', { actions });
      // Uncaught errors of the page, collected by a listener installed after each navigation (WebDriver
      // classic has no log of them).
      const watchErrors = () => evaluate(() => {
        window.__wgErrors = [];
        // Script errors only (ErrorEvent): a resource's failed load is an Event, and not an exception.
        addEventListener('error', (e) => { if (e instanceof ErrorEvent) window.__wgErrors.push(`${e.message} (${e.filename}:${e.lineno})`); });
        addEventListener('unhandledrejection', (e) => window.__wgErrors.push(String(e.reason)));
      });
      return {
        async goto(p) { await wd('POST', S + '/url', { url: base0 + p }); await watchErrors(); },
        evaluate,
        async waitFor(fn, arg, { timeout = 20000 } = {}) {
          const end = Date.now() + timeout;
          for (;;) {
            const v = await evaluate(fn, arg);
            if (v) return v;
            if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 160)}`);
            await sleep(50);
          }
        },
        screenshot: async (name) => save(name, Buffer.from(await wd('GET', S + '/screenshot'), 'base64')),
        swipe(from, to, o = {}) {
          if (o.pointer === 'mouse') return act(w3cSwipe(from, to, o));
          const ms = o.ms || 200, pts = pointsOf(from, to, ms);
          return evaluate(playFingers, [[pts], ms / (pts.length - 1)]);
        },
        tap: (x, y, o) => act(w3cTap(x, y, o)),
        pinch(c, d0, d1, { ms = 300 } = {}) {
          const paths = pinchPaths(c, d0, d1, ms);
          return evaluate(playFingers, [paths, ms / (paths[0].length - 1)]);
        },
        key: (k) => act(w3cKey(k)),
        pageErrors: () => evaluate(() => window.__wgErrors || []),
        async close() {
          sessions.delete(S);
          await wd('DELETE', S).catch(() => {});
        },
      };
    },
    async close() {
      for (const S of sessions) await wd('DELETE', S).catch(() => {});
      drv.kill();
      x.stop();
    },
  };
}

function launch(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${engine} (one of ${ENGINES.join(', ')})`);
}

module.exports = { launch, ENGINES, OUT };
