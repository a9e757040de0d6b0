// preview.js — the live preview: a real gallery (WasmGallery.mount) in an iframe sized to a device
// preset and scaled to fit the pane. The iframe gives the preview its own viewport, so the preset's
// device pixel ratio, pointer type and reduced-motion setting can be emulated for it alone.
export const DEVICES = {
  phone: { label: 'Phone', width: 360, height: 740, dpr: 3, touch: true },
  tablet: { label: 'Tablet', width: 768, height: 1024, dpr: 2, touch: true },
  desktop: { label: 'Desktop', width: 1280, height: 800, dpr: 1, touch: false },
};

// The preview may take this share of the window's height (the slide list and form sit below it),
// but never less than MIN_PREVIEW_HEIGHT px.
const PREVIEW_HEIGHT_SHARE = 0.56;
const MIN_PREVIEW_HEIGHT = 360;

// Media features the preview answers itself; everything else goes to the real matchMedia.
function emulatedFeature(env, name, value) {
  switch (name) {
    case 'prefers-reduced-motion': return env.reducedMotion === (value === 'reduce');
    case 'hover': return (value === 'none') === env.device.touch;
    case 'any-hover': return (value === 'none') === env.device.touch;
    case 'pointer': return (value === 'coarse') === env.device.touch;
    case 'any-pointer': return (value === 'coarse') === env.device.touch;
    default: return undefined;
  }
}

// Installs the emulation on the preview's window before the gallery reads it: devicePixelRatio
// (the widget sizes its canvas from it) and matchMedia for the features above.
function emulate(win, env) {
  Object.defineProperty(win, 'devicePixelRatio', { configurable: true, get: () => env.device.dpr });
  const real = win.matchMedia.bind(win);
  win.matchMedia = (query) => {
    const terms = String(query).split(/\s+and\s+/i);
    let answered = false, matches = true;
    for (const t of terms) {
      const m = /^\(\s*([a-z-]+)\s*:\s*([a-z0-9.-]+)\s*\)$/i.exec(t.trim());
      const v = m ? emulatedFeature(env, m[1].toLowerCase(), m[2].toLowerCase()) : undefined;
      if (v === undefined) matches = matches && real(t).matches;
      else { answered = true; matches = matches && v; }
    }
    if (!answered) return real(query);
    const noop = () => {};
    return { matches, media: query, onchange: null, addEventListener: noop, removeEventListener: noop,
      addListener: noop, removeListener: noop, dispatchEvent: () => false };
  };
}

export class Preview {
  // stage: the element the scaled frame goes in. hooks: onSlideChange(index, count), onRender().
  constructor(stage, hooks = {}) {
    this.stage = stage;
    this.hooks = hooks;
    this.env = { device: DEVICES.phone, reducedMotion: false };
    this.instance = null;
    this.renders = 0;
    this.frame = document.createElement('iframe');
    this.frame.className = 'preview-frame';
    this.frame.title = 'Gallery preview';
    this.box = document.createElement('div');
    this.box.className = 'preview-box';
    this.box.append(this.frame);
    stage.append(this.box);
    this.ready = new Promise((resolve) => {
      this.frame.addEventListener('load', () => {
        const win = this.frame.contentWindow;
        emulate(win, this.env);
        win.WasmGallery.preload().catch(() => {}); // compile while the editor's JSON is validated
        this.win = win;
        this.host = win.document.getElementById('gallery');
        this.host.addEventListener('slidechange', (e) => this.hooks.onSlideChange && this.hooks.onSlideChange(e.detail.index, e.detail.count));
        this.host.addEventListener('ready', () => this.hooks.onSlideChange && this.hooks.onSlideChange(this.instance.index, this.instance.count));
        resolve(win);
      }, { once: true });
    });
    this.frame.src = 'preview.html';
    new ResizeObserver(() => this._fit()).observe(stage);
    window.addEventListener('resize', () => this._fit());
    this._fit();
  }

  get index() { return this.instance ? this.instance.index : 0; }
  get count() { return this.instance ? this.instance.count : 0; }

  setDevice(name) {
    this.env.device = DEVICES[name] || DEVICES.phone;
    this.stage.dataset.device = name;
    this._fit();
    this._reload();
  }

  setReducedMotion(on) {
    this.env.reducedMotion = !!on;
    this._reload();
  }

  setDark(dark) {
    this.ready.then((win) => win.document.documentElement.classList.toggle('dark', !!dark));
  }

  // Shows gallery JSON text (already validated), keeping the current slide.
  async show(text) {
    const win = await this.ready;
    this.text = text;
    let res = null;
    if (this.instance && this.instance.gallery._client) {
      res = await this.instance.load(text);
      // The verdict comes from the gallery's render worker: a newer text may have been sent meanwhile,
      // and only its render counts.
      if (this.text !== text) return res;
    }
    if (!res) {
      // Not started yet (or never): a new mount with the newest text.
      if (this.instance) this.instance.destroy();
      if (this._mounting) this._mounting(null); // a mount still starting was replaced: its show() is over
      this.instance = win.WasmGallery.mount(this.host, { data: text });
      // A new gallery's verdict is its first ready (or error) event: until then the preview shows
      // nothing of this text, and the playground must not report it shown.
      res = await new Promise((resolve) => {
        const done = (e) => {
          this.host.removeEventListener('ready', done);
          this.host.removeEventListener('error', done);
          this._mounting = null;
          resolve({ ok: !e || e.type === 'ready', diagnostics: [] });
        };
        this.host.addEventListener('ready', done);
        this.host.addEventListener('error', done);
        this._mounting = done;
      });
      if (this.text !== text) return res;
    }
    this.renders++;
    this.stage.dataset.renders = String(this.renders);
    this.hooks.onRender && this.hooks.onRender(res);
    return res;
  }

  goTo(i) {
    if (this.instance && this.instance.index !== i) this.instance.goTo(i);
  }

  // 'fit' (the whole preset in the pane) or '100' (its CSS pixels one to one).
  setZoom(zoom) {
    this.zoom = zoom;
    this.stage.dataset.zoom = zoom;
    this._fit();
  }

  setStale(stale, why) {
    this.stage.classList.toggle('stale', !!stale);
    this.stage.dataset.stale = stale ? 'true' : 'false';
    this.frame.setAttribute('aria-description', stale ? 'Stale: ' + why : '');
  }

  // The view reads the environment when a gallery loads: re-load to apply a changed setting.
  _reload() {
    if (this.text && this.instance && this.instance.gallery._client) this.instance.load(this.text);
  }

  _fit() {
    const d = this.env.device;
    const cs = getComputedStyle(this.stage);
    const availW = (this.stage.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) || d.width;
    // The stage's own height cap (beside the form, playground.css) if it has one, else a share of the window.
    const cap = parseFloat(cs.maxHeight) - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const availH = Math.max(MIN_PREVIEW_HEIGHT, cap > 0 ? cap : window.innerHeight * PREVIEW_HEIGHT_SHARE);
    // "100%": the preset's CSS pixels one to one, to proofread captions; the stage scrolls.
    const scale = this.zoom === '100' ? 1 : Math.min(1, availW / d.width, availH / d.height);
    this.frame.style.width = d.width + 'px';
    this.frame.style.height = d.height + 'px';
    this.frame.style.transform = `scale(${scale})`;
    this.box.style.width = Math.round(d.width * scale) + 'px';
    this.box.style.height = Math.round(d.height * scale) + 'px';
    this.scale = scale;
    this.hooks.onFit && this.hooks.onFit(scale, d);
  }
}
