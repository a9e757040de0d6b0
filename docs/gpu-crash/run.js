// Runs the repro: `node docs/gpu-crash/run.js 'mode=transfer&loop=raf' 'mode=bitmap' …` from the repo
// root. Serves this folder, opens each variant (index.html's query) in a fresh Debian Chromium, crashes
// its GPU process over CDP (Browser.crashGpuProcess) and prints whether the tab survived, what the page
// logged, and the canvas's centre pixel twice 200 ms apart (two colours: it is drawing again).
// EXTRA='--flag …' adds Chromium flags.
const http = require('http'), fs = require('fs'), path = require('path');
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

const ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-dev-shm-usage', ...(process.env.EXTRA ? process.env.EXTRA.split(' ') : [])];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = http.createServer((req, res) => {
  const f = path.join(__dirname, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
  fs.readFile(f, (err, b) => {
    if (err) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': f.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(b);
  });
});

async function one(browser, base, variant) {
  const page = await browser.newPage();
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  page.on('pageerror', (e) => console.log('  pageerror:', String(e)));
  await page.goto(base + '?' + variant);
  await page.waitForFunction(() => self.events.includes('drawing'), null, { timeout: 10000 });
  await sleep(500);
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.crashGpuProcess').catch(() => {});
  await sleep(4000); // page.waitForTimeout would throw at the crash
  let px = '';
  if (!crashed) {
    const at = async () => {
      const p = PNG.sync.read(await page.screenshot({ clip: { x: 150, y: 75, width: 1, height: 1 } }));
      return [...p.data.slice(0, 3)].join('.');
    };
    px = ` pixel ${await at().catch(() => '?')}`;
    await sleep(200);
    px += ` then ${await at().catch(() => '?')}`;
  }
  const events = await page.evaluate(() => self.events.join(',')).catch((e) => 'evaluate failed: ' + e.message.split('\n')[0]);
  return `${crashed ? 'TAB CRASHED' : 'survived'}  [${events}]${px}`;
}

(async () => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  for (const variant of process.argv.slice(2)) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
    const line = await one(browser, base, variant).catch((e) => 'run failed: ' + e.message.split('\n')[0]);
    console.log(`${variant.padEnd(52)} ${line}`);
    await browser.close();
  }
  server.close();
})();
