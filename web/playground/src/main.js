// main.js — the playground's composition root: loads the starting JSON (?src, the saved draft, or the
// sample), then wires editor → wasm validator → diagnostics + preview, and the slide list, form,
// photo checks and export around them. Every JSON change goes through the editor, so Ctrl+Z undoes it.
import { setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { createEditor, dispatchFormEdit, replaceAll } from './editor.js';
import { editorDiagnostics, rangeOf } from './diagnostics.js';
import { undo, redo } from '@codemirror/commands';
import { arrangeElements, elements, insertElements, locate, moveElement, removeElement, rootValue, setMember, slideAt, slidesArray } from './json_tree.js';
import { GalleryForm } from './gallery_form.js';
import { Preview } from './preview.js';
import { LocalPhotos } from './local_photos.js';
import { PhotoChecks } from './photo_checks.js';
import { SlideList } from './slide_list.js';
import { SlideForm } from './slide_form.js';
import { Problems } from './problems.js';
import { embedSnippet, downloadText, copyText } from './export_panel.js';
import { BUNDLE_NAME, buildBundle, downloadBytes, publishBlocker } from './publish.js';
import { fixable, fixPhoto } from './photo_fix.js';
import { misspelledIn, renameChange, rawValue } from './key_fixes.js';
import { loadDraft, saveDraft, clearDraft } from './draft.js';

// Re-render this long after typing pauses: long enough not to rebuild on every key, short enough to feel live.
const DEBOUNCE_MS = 300;
const DRAFT_SAVE_MS = 400;
// Two levels up reaches the repo root both here (/playground/) and under a plain static server of
// the repo (/web/playground/).
const SAMPLE_URL = new URL('../../gallery.json', location.href).href;
// The example galleries of the header's Example menu: the seed, and its first three slides translated
// to Arabic, a right-to-left gallery (options.direction "rtl"; its photo URLs are relative to it).
const EXAMPLES = {
  sample: { url: SAMPLE_URL, name: 'gallery.json (sample)', reset: 'Reset to sample', back: 'the sample' },
  arabic: { url: new URL('examples/arabic.json', location.href).href, name: 'examples/arabic.json (example)',
    reset: 'Reset to example', back: 'the Arabic example' },
};
const exampleAt = (url) => Object.keys(EXAMPLES).find((k) => new URL(EXAMPLES[k].url).pathname === new URL(url, location.href).pathname) || '';
// The widget's default decode limit (limits.h), used until the gallery's own maxPixels is known.
const DEFAULT_MAX_PIXELS = 40000000;

const $ = (sel) => document.querySelector(sel);

const app = {
  origin: SAMPLE_URL,   // what "reset" goes back to: ?src, or the sample
  source: SAMPLE_URL,   // where the JSON came from: the base of its relative URLs
  model: null,          // the last valid gallery, normalized by the wasm
  modelSource: '',      // the URL its JSON came from (its photos' base)
  diagnostics: [],      // the validator's, for the text `validated`
  validated: null,      // the editor document the diagnostics belong to
  findings: [],         // photo checks per slide, for `model`
  current: 0,           // the slide the editor works on
  pendingSlide: -1,     // slide to show after the next render (after a move, add or remove)
  theme: 'json',        // preview theme override: json | light | dark
  seq: 0,               // render generation: a slower older run never overwrites a newer one
};

const local = new LocalPhotos();
const checks = new PhotoChecks();
let view, preview, slides, form, galleryForm, problems;

function status(text, kind = '') {
  const s = $('#status');
  s.textContent = text;
  s.dataset.kind = kind;
}

async function fetchText(url) {
  const r = await fetch(url, { cache: 'no-cache' });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.text();
}

// A slide's URL against the JSON it came from: the shown model's own source (an example opened
// since, whose render is still to come, must not re-base the old model's photos), else the current.
function absolute(url) {
  if (local.has(url)) return url;
  try { return new URL(url, app.modelSource || app.source).href; } catch { return url; }
}

function thumbOf(slide) {
  const l = local.get(slide.image);
  return l ? l.url : /^(https?:|data:image\/)/i.test(absolute(slide.image)) ? absolute(slide.image) : '';
}

// ---- the pipeline: text → wasm verdict → editor diagnostics, preview, slides, checks -------------
let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(render, DEBOUNCE_MS);
  $('#state').dataset.state = 'pending';
}

async function render() {
  const seq = ++app.seq;
  const source = app.source;
  $('#state').dataset.checks = 'pending';  // the photo checks of this text are still to come
  const doc = view.state.doc;
  let verdict;
  try {
    verdict = await window.WasmGallery.validate(doc.toString(), 'gallery.json');
  } catch (e) {
    status(`The validator could not start: ${e.message}`, 'error');
    return;
  }
  if (seq !== app.seq || view.state.doc !== doc) return; // a newer edit is on its way
  app.diagnostics = verdict.diagnostics;
  app.validated = doc;
  // Gallery fields under a misspelled key ("titel") show their text too; typing renames the key.
  galleryForm.fill((pointer, key) => {
    const v = rawValue(view.state, pointer, key);
    const bad = v === undefined && misspelledIn(verdict.diagnostics, pointer).get(key);
    return bad ? rawValue(view.state, pointer, bad) : v;
  });
  if (!verdict.ok) {
    const errors = verdict.diagnostics.filter((d) => d.severity === 'error'), n = errors.length;
    // A new gallery has no slides yet: that is where it starts, not a mistake to point at.
    const empty = errors.every((d) => d.id === 'slides.empty' || (d.where === '/slides' && /at least one slide/.test(d.message)));
    const why = empty ? 'No slides yet: add photos with “Add photos…” or drop them here'
      : `${n} error${n > 1 ? 's' : ''} in the JSON; showing the last valid version`;
    preview.setStale(true, why);
    $('#preview-stage').dataset.empty = empty ? 'true' : 'false';
    if (empty) {  // nothing of the gallery before is shown as if it were this one's
      slides.setSelection([]);
      slides.render([], 0);
      $('#slide-picker').replaceChildren();
      $('#slide-count').textContent = 'no slides yet';
    }
    form.setEnabled(false, empty ? 'Add a photo: its slide is edited here.' : 'Fix the errors in the JSON to edit slides here.');
    placeDiagnostics();
    problems.render(app.diagnostics, flatFindings(), { checksStale: true });
    $('#state').dataset.state = 'invalid';
    return;
  }
  app.model = verdict.gallery;
  app.modelSource = source;
  const text = await previewText(app.model);
  if (seq !== app.seq) return;
  await preview.show(text);
  // An edit while the preview loaded: this text is not the editor's any more, and its verdict must not
  // be reported as the current one (the newer render, pending meanwhile, reports it).
  if (seq !== app.seq || view.state.doc !== doc) return;
  preview.setStale(false);
  $('#preview-stage').dataset.empty = 'false';
  if (app.pendingSlide >= 0) { setCurrent(Math.min(app.pendingSlide, app.model.slides.length - 1), 'edit'); app.pendingSlide = -1; }
  else if (app.current >= app.model.slides.length) setCurrent(app.model.slides.length - 1, 'edit');
  form.setEnabled(true);
  app.findings = app.model.slides.map((s, i) => findingsFor(s, i, null));
  refreshSlides();
  placeDiagnostics();
  problems.render(app.diagnostics, flatFindings());
  $('#state').dataset.state = 'valid';
  runChecks(seq);
}

// The text the preview loads: the model with absolute URLs (the preview page is not where the JSON
// lives), local photos as data: URLs, and the preview's theme choice.
async function previewText(model) {
  const g = structuredClone(model);
  for (const s of g.slides) {
    const l = local.get(s.image);
    s.image = l ? (await l.preview) || s.image : absolute(s.image);
    if (s.link) s.link = absolute(s.link);
  }
  if (app.theme !== 'json') g.options.theme = app.theme;
  const dark = g.options.theme === 'dark' || (g.options.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  preview.setDark(dark);
  return JSON.stringify(g);
}

function findingsFor(slide, i, info) {
  const max = (app.model && app.model.options && app.model.options.maxPixels) || DEFAULT_MAX_PIXELS;
  return PhotoChecks.findings(slide, i, info, max).map((f) => ({ ...f, line: 0, column: 0, source: 'photo check' }));
}

function flatFindings() { return app.findings.flat(); }

async function runChecks(seq) {
  const model = app.model;
  await Promise.all(model.slides.map(async (s, i) => {
    const l = local.get(s.image);
    let info = l ? { bytes: l.bytes, width: l.width, height: l.height } : await checks.probe(absolute(s.image));
    // A dropped photo's name that this browser's store did not have and the server does not serve.
    if (info.error && local.isLocalName(s.image)) info = { ...info, missing: true };
    if (seq !== app.seq) return;
    app.findings[i] = findingsFor(s, i, info);
  }));
  if (seq !== app.seq) return;
  refreshSlides();
  placeDiagnostics();
  problems.render(app.diagnostics, flatFindings());
  $('#state').dataset.checks = 'done';
}

function placeDiagnostics() {
  const st = view.state;
  if (st.doc !== app.validated) return; // edited since: the next render places them
  const ok = !app.diagnostics.some((d) => d.severity === 'error');
  view.dispatch(setDiagnostics(st, editorDiagnostics(st, ok ? [...app.diagnostics, ...flatFindings()] : app.diagnostics)));
}

function refreshSlides() {
  const m = app.model;
  slides.render(m.slides.map((s, i) => ({ thumb: thumbOf(s), caption: s.caption, findings: app.findings[i] || [] })), app.current);
  const pick = $('#slide-picker');
  pick.replaceChildren(...m.slides.map((s, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = `${i + 1} / ${m.slides.length}${s.caption ? ' — ' + s.caption.slice(0, 40) : ''}`;
    return o;
  }));
  pick.value = String(app.current);
  $('#slide-count').textContent = `${m.slides.length} slide${m.slides.length === 1 ? '' : 's'}`;
  fillCurrent();
}

function fillCurrent() {
  const m = app.model;
  if (!m) return;
  const s = m.slides[app.current];
  const pointer = `/slides/${app.current}`;
  form.fill(s, app.current, m.slides.length, misspelledIn(app.diagnostics, pointer), (key) => rawValue(view.state, pointer, key));
  const list = $('#slide-checks');
  const fs = app.findings[app.current] || [];
  list.replaceChildren(...(fs.length ? fs : [null]).map((f) => {
    const li = document.createElement('li');
    if (!f) { li.className = 'empty'; li.textContent = 'Nothing to fix on this slide.'; return li; }
    li.className = 'finding ' + f.severity;
    const msg = document.createElement('span');
    msg.textContent = f.message;
    li.append(msg);
    if (f.fix) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.textContent = `Use ${f.fix.width}×${f.fix.height}`;
      b.addEventListener('click', () => editSlide(app.current, { width: f.fix.width, height: f.fix.height }));
      li.append(b);
    }
    if (fixable(f) && fs.find(fixable) === f) {
      // Smaller JPEG copies (one button per slide), written in a worker by the widget's C++; the slide then names them (one change).
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'small';
      b.dataset.fix = 'photo';
      b.textContent = 'Make smaller copies';
      b.addEventListener('click', async () => {
        const i = app.current, slide = app.model.slides[i];
        b.disabled = true;
        status('Writing smaller copies of the photo…');
        const r = await fixPhoto(slide, { local, url: absolute(slide.image), gallery: app.model });
        b.disabled = false;
        if (r.error) { status(r.error, 'error'); return; }
        if (!app.model || !app.model.slides[i] || app.model.slides[i].image !== slide.image) {
          status('The slide changed while its copies were written: nothing was changed; try again.', 'error');
          return;
        }
        editSlide(i, r.fields);
        status(r.message + ' Ctrl+Z undoes it.', 'ok');
      });
      li.append(b);
    }
    return li;
  }));
  const renames = renameItems(app.current);
  if (renames.length) {
    if (!fs.length) list.replaceChildren();
    list.prepend(...renames);
  }
}

// ---- current slide: one index shared by editor cursor, slide list, picker, form and preview -----
function setCurrent(i, from) {
  if (!app.model || i < 0 || i >= app.model.slides.length) return;
  const changed = i !== app.current;
  app.current = i;
  if (from !== 'preview') preview.goTo(i);
  if (from === 'list' || from === 'picker') {
    const r = locate(view.state, `/slides/${i}`);
    if (r && r.exact && slideAt(view.state, view.state.selection.main.head) !== i) {
      view.dispatch({ selection: { anchor: r.node.from }, effects: reveal(r.node.from) });
    }
  }
  if (changed || from === 'edit') {
    slides.select(i);
    $('#slide-picker').value = String(i);
    fillCurrent();
  }
}

// Scrolls the editor so `pos` is near the top, with some context above it.
function reveal(pos) {
  return EditorView.scrollIntoView(pos, { y: 'start', yMargin: 48 });
}

// ---- edits: all of them are editor transactions ------------------------------------------------
// Writes fields of slide i; a field whose text sits under a misspelled key (key_fixes.js) is written
// there, with the key renamed, never as a second key beside it. `session`: a form field's visit, so
// its edits undo as one (editor.js).
function editSlide(i, fields, session) {
  const pointer = `/slides/${i}`;
  const r = locate(view.state, pointer);
  if (!r || !r.exact || r.node.name !== 'Object') return;
  const wrong = misspelledIn(app.diagnostics, pointer);
  const changes = Object.entries(fields).flatMap(([k, v]) => (wrong.has(k) && renameChange(view.state, pointer, wrong.get(k), k, JSON.stringify(v))) ||
    [setMember(view.state, r.node, k, JSON.stringify(v))]);
  if (session) dispatchFormEdit(view, changes, session);
  else view.dispatch({ changes, userEvent: 'input.form' });
}

// The current slide's misspelled keys as check items with a one-click rename.
function renameItems(i) {
  const pointer = `/slides/${i}`;
  return [...misspelledIn(app.diagnostics, pointer)].map(([good, bad]) => {
    const li = document.createElement('li');
    li.className = 'finding warning';
    const msg = document.createElement('span');
    msg.textContent = `Unknown key "${bad}": the widget ignores it. Did you mean "${good}"?`;
    li.append(msg);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = `Rename to "${good}"`;
    b.addEventListener('click', () => {
      const changes = renameChange(view.state, pointer, bad, good);
      if (changes) view.dispatch({ changes, userEvent: 'input.fix' });
      else status(`Slide ${i + 1} already has "${good}": remove "${bad}" in the JSON.`, 'error');
    });
    li.append(b);
    return li;
  });
}

// keepSelection: the edit moved the selected slides (their new places are selected); any other edit of
// the slides list clears the selection, whose indices it would make wrong.
function editSlides(change, slide, keepSelection = false) {
  if (!change) return;
  if (!keepSelection && slides.selected.size) slides.setSelection([]);
  app.pendingSlide = slide;
  view.dispatch({ changes: change, userEvent: 'input.slides' });
}

async function addFiles(files, at) {
  const arr = slidesArray(view.state);
  if (!arr) { status('Fix the JSON first: photos are added to its "slides" list.', 'error'); return; }
  status(`Reading ${files.length} file${files.length > 1 ? 's' : ''}…`);
  // #state's data-photos says when the photos are in this browser's store (after a reload they come back).
  $('#state').dataset.photos = 'keeping';
  const added = await local.add(files);
  // One slide per name: of files dropped with the same name, the last one wins.
  const ok = [...new Map(added.filter((s) => !s.error).map((s) => [s.replaces || s.image, s])).values()];
  const bad = added.filter((s) => s.error).map((s) => s.error);
  const st = view.state, arrNow = slidesArray(st);
  const fresh = [], replaced = [], newNames = [], changes = [];
  if (ok.length && arrNow) {
    // A name a slide already uses replaces that slide's photo (its new version's name, width and
    // height); a new name adds a slide. One transaction, so one Ctrl+Z undoes the drop — and brings
    // the earlier file back, which local_photos.js keeps under its own name.
    const using = new Map();
    for (let i = 0, r; (r = locate(st, `/slides/${i}`)) && r.exact; i++) {
      const img = locate(st, `/slides/${i}/image`);
      let name = '';
      try { name = img && img.exact ? JSON.parse(st.sliceDoc(img.node.from, img.node.to)) : ''; } catch { /* not a string: no photo */ }
      if (r.node.name === 'Object' && typeof name === 'string') using.set(name, [...(using.get(name) || []), { i, node: r.node }]);
    }
    for (const s of ok) {
      const name = s.replaces && using.has(s.replaces) ? s.replaces : s.image;
      const { replaces, ...slide } = s;
      if (!using.has(name)) { fresh.push(slide); continue; }
      for (const { i, node } of using.get(name)) {
        if (name !== s.image) changes.push(setMember(st, node, 'image', JSON.stringify(s.image)));
        changes.push(setMember(st, node, 'width', String(s.width)), setMember(st, node, 'height', String(s.height)));
        replaced.push(i);
      }
      newNames.push(s.image);
    }
    if (fresh.length) changes.push(insertElements(st, arrNow, at, fresh));
    if (changes.length) editSlides(changes, fresh.length ? at : replaced[0]);
    if (replaced.length) schedule(); // the same size leaves the text as it was: the preview must still show the new file
  }
  const one = (n, w) => `${n} ${w}${n > 1 ? 's' : ''}`;
  const done = [fresh.length ? `Added ${one(fresh.length, 'photo')} as slides (saved as ${fresh.map((s) => s.image).join(', ')}).` : '',
    replaced.length ? `Replaced the photo of slide${replaced.length > 1 ? 's' : ''} ${replaced.map((i) => i + 1).join(', ')} (now ${[...new Set(newNames)].join(', ')}; Ctrl+Z brings the earlier one back).` : '',
    ...bad].filter(Boolean).join(' ');
  status(done, bad.length ? 'error' : 'ok');
  const why = await Promise.all(ok.map((s) => local.get(s.image).kept));
  const lost = ok.map((s, k) => why[k] && `${s.image} (${why[k]})`).filter(Boolean);
  if (lost.length) status(`${done} Not kept in this browser, so missing after a reload: ${lost.join(', ')}.`, 'error');
  $('#state').dataset.photos = 'kept';
}

// ---- start ----------------------------------------------------------------------------------------
async function startingText() {
  const src = new URLSearchParams(location.search).get('src');
  const draft = loadDraft();
  if (src) {
    const url = new URL(src, location.href).href;
    app.origin = url;
    if (draft && draft.source === url) return { text: draft.text, source: url, note: `Restored your draft of ${src}.`, draft: true };
    try {
      return { text: await fetchText(url), source: url, note: `Opened ${src}.` };
    } catch (e) {
      status(`Could not open ${src} (${e.message}); showing the sample instead.`, 'error');
      app.origin = SAMPLE_URL;
    }
  }
  if (draft && !src) {
    if (exampleAt(draft.source)) app.origin = EXAMPLES[exampleAt(draft.source)].url; // Reset: the example it began as
    return { text: draft.text, source: draft.source, note: 'Restored your draft from this browser.', draft: true };
  }
  return { text: await fetchText(SAMPLE_URL), source: SAMPLE_URL, note: '' };
}

function whenWidget() {
  return new Promise((resolve) => {
    if (window.WasmGallery) return resolve();
    document.querySelector('script[src$="wasm-gallery.js"]').addEventListener('load', () => resolve(), { once: true });
  });
}

async function start() {
  await whenWidget();
  let first;
  try {
    first = await startingText();
  } catch (e) {
    status(`Could not load the sample gallery (${e.message}).`, 'error');
    first = { text: '{\n  "slides": []\n}\n', source: SAMPLE_URL, note: '' };
  }
  app.source = first.source;
  // The draft's dropped photos come back from this browser's store before the first render; only
  // the draft's: a gallery opened afresh may name published photos/… files of its own.
  const restored = first.draft ? await local.restore(LocalPhotos.namesIn(first.text)) : [];
  if (restored.length) first.note += ` ${restored.length} dropped photo${restored.length > 1 ? 's' : ''} too.`;
  showSource();
  if (first.note) status(first.note + (first.note.startsWith('Restored') ? ' “' + $('#reset').textContent + '” starts over.' : ''), 'ok');

  let draftTimer = 0;
  view = createEditor($('#editor'), first.text, {
    onChange() {
      schedule();
      $('#saved').dataset.saved = 'pending';  // until the draft has this change (DRAFT_SAVE_MS)
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => {
        const text = view.state.doc.toString();
        const err = saveDraft(text, app.source);
        if (!err) local.keepOnly(LocalPhotos.namesIn(text)); // photos the draft no longer names leave the store
        $('#saved').textContent = err || `Draft saved ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
        $('#saved').dataset.saved = err ? 'false' : 'true';
      }, DRAFT_SAVE_MS);
    },
    onCursor(state) {
      const i = slideAt(state, state.selection.main.head);
      if (i >= 0 && i !== app.current) setCurrent(i, 'editor');
    },
  });

  preview = new Preview($('#preview-stage'), {
    onSlideChange: (i) => setCurrent(i, 'preview'),
    onFit: (scale, d) => {
      $('#device-note').textContent = `${d.width}×${d.height} CSS px · DPR ${d.dpr} (emulated)${scale < 1 ? ` · shown at ${Math.round(scale * 100)}%` : ''}`;
    },
  });
  slides = new SlideList($('#slides'), $('#add-files'), {
    onSelect: (sel) => showSelection(sel),
    onPick: (i) => setCurrent(i, 'list'),
    onMove: (from, to) => editSlides(moveElement(view.state, slidesArray(view.state), from, to), to),
    onFiles: (files, at) => addFiles(files, at),
  });
  form = new SlideForm($('#slide-form'), {
    onEdit: (i, key, value, session) => editSlide(i, { [key]: value }, session),
    onRemove: (i) => {
      if (!app.model || app.model.slides.length <= 1) { status('A gallery needs at least one slide.', 'error'); return; }
      editSlides(removeElement(view.state, slidesArray(view.state), i), Math.max(0, Math.min(i, app.model.slides.length - 2)));
    },
  });
  problems = new Problems($('#problems'), $('#summary'), (d) => {
    const r = rangeOf(view.state, d);
    if (!r) return;
    view.dispatch({ selection: { anchor: r.from, head: r.to }, effects: reveal(r.from) });
    view.focus();
  });

  $('#add-photos').addEventListener('click', () => $('#add-files').click());
  wireControls();
  wireEditing();
  wireDrop();
  render();
}

// The header: where the JSON came from, the Example menu, and what Reset goes back to.
function showSource() {
  const ex = EXAMPLES[exampleAt(app.source)];
  $('#source').textContent = ex ? ex.name : app.source;
  $('#example').value = exampleAt(app.source);
  const origin = EXAMPLES[exampleAt(app.origin)];
  $('#reset').textContent = origin ? origin.reset : 'Reset to original';
}

// An example from the menu replaces the editor's text (and the draft) and becomes what Reset restores.
async function openExample(key) {
  const ex = EXAMPLES[key];
  if (!ex) return;
  try {
    const text = await fetchText(ex.url);
    clearDraft();
    app.seq++; // the old text's photo checks still under way end without touching the strip
    app.origin = app.source = ex.url;
    app.current = 0;
    app.pendingSlide = 0;
    showSource();
    replaceAll(view, text, 'example');
    status(`Opened ${ex.back}.`, 'ok');
  } catch (e) {
    showSource();
    status(`Could not open ${ex.url} (${e.message}).`, 'error');
  }
}

function wireControls() {
  for (const input of document.querySelectorAll('input[name="device"]')) {
    input.addEventListener('change', () => { if (input.checked) preview.setDevice(input.value); });
  }
  preview.setDevice(document.querySelector('input[name="device"]:checked').value);
  for (const input of document.querySelectorAll('input[name="theme"]')) {
    input.addEventListener('change', () => { if (input.checked) { app.theme = input.value; if (app.model) rerenderPreview(); } });
  }
  $('#reduced-motion').addEventListener('change', (e) => preview.setReducedMotion(e.target.checked));
  $('#slide-picker').addEventListener('change', (e) => setCurrent(Number(e.target.value), 'picker'));

  $('#example').addEventListener('change', (e) => openExample(e.target.value));
  $('#reset').addEventListener('click', async () => {
    try {
      const text = await fetchText(app.origin);
      clearDraft();
      app.source = app.origin;
      app.current = 0;
      app.pendingSlide = 0;
      replaceAll(view, text, 'reset');
      const ex = EXAMPLES[exampleAt(app.origin)];
      showSource();
      status(`Back to ${ex ? ex.back : 'the original'}; Ctrl+Z brings your edits back.`, 'ok');
    } catch (e) {
      status(`Could not reload ${app.origin} (${e.message}).`, 'error');
    }
  });

  const dialog = $('#export');
  const updateSnippet = () => {
    const start = app.model && app.model.slides[(app.model.options && app.model.options.startIndex) || 0];
    $('#snippet').value = embedSnippet($('#script-url').value.trim(), $('#json-url').value.trim(),
      { withCss: $('#with-css').checked, firstSlide: $('#with-first-slide').checked ? start : null });
  };
  $('#open-export').addEventListener('click', () => {
    updateSnippet();
    const photos = app.model ? app.model.slides.map((s) => s.image).filter((p) => local.has(p)) : [];
    $('#export-photos').hidden = !photos.length;
    $('#export-photo-list').textContent = photos.join(', ');
    gateBundle();
    dialog.showModal();
  });
  // The bundle: refused while the JSON is invalid or a slide's photo has an error; re-judged whenever
  // the pipeline's state changes (#state's data-*) while the dialog is open.
  let bundling = false;
  const gateBundle = () => {
    const why = publishBlocker($('#state').dataset.state, app.findings, $('#state').dataset.checks);
    $('#download-bundle').disabled = bundling || !!why;
    $('#bundle-blocked').textContent = why;
    $('#bundle-blocked').hidden = !why;
  };
  new MutationObserver(() => { if (dialog.open) gateBundle(); }).observe($('#state'), { attributes: true });
  $('#download-bundle').addEventListener('click', async () => {
    if (publishBlocker($('#state').dataset.state, app.findings, $('#state').dataset.checks)) return gateBundle();
    bundling = true;
    gateBundle();
    $('#bundle-note').textContent = 'Packing…';
    try {
      const b = await buildBundle({ text: view.state.doc.toString(), source: app.source, local, firstSlide: $('#with-first-slide').checked });
      downloadBytes(b.bytes, BUNDLE_NAME);
      $('#bundle-note').textContent = `Saved ${BUNDLE_NAME} (${Math.round(b.bytes.length / 1024)} KB, ${b.photos.length} photo${b.photos.length === 1 ? '' : 's'}${b.remote.length ? `, ${b.remote.length} left at their URLs` : ''}).`;
    } catch (e) {
      $('#bundle-note').textContent = `No bundle: ${e.message}.`;
    } finally {
      bundling = false;
      gateBundle();
    }
  });
  $('#script-url').addEventListener('input', updateSnippet);
  $('#json-url').addEventListener('input', updateSnippet);
  $('#with-css').addEventListener('change', updateSnippet);
  $('#with-first-slide').addEventListener('change', updateSnippet);
  $('#copy-snippet').addEventListener('click', async () => {
    const ok = await copyText($('#snippet').value, $('#snippet'));
    $('#copy-note').textContent = ok ? 'Copied.' : 'Selected: press Ctrl+C to copy.';
  });
  const download = () => downloadText(view.state.doc.toString(), ($('#json-url').value.trim().split('/').pop() || 'gallery.json').replace(/[^\w.-]/g, '') || 'gallery.json');
  $('#download').addEventListener('click', download);
  $('#download-2').addEventListener('click', download);
  $('#close-export').addEventListener('click', () => dialog.close());
}

// ---- the gallery as a whole: its fields, New gallery, several slides at once, preview size --------
const NEW_GALLERY = '{\n  "title": "",\n  "description": "",\n  "source": "",\n  "slides": []\n}\n';

// Writes `key` of the root object (pointer '') or of its options ('/options', made if missing); a
// misspelled key holding it is renamed, never duplicated (key_fixes.js).
function editGallery(pointer, key, value, session) {
  const root = rootValue(view.state);
  if (!root || root.name !== 'Object') { status('Fix the JSON first: the gallery\'s fields are written into its top-level object.', 'error'); return; }
  const json = JSON.stringify(value);
  const wrong = misspelledIn(app.diagnostics, pointer);
  let changes = wrong.has(key) && renameChange(view.state, pointer, wrong.get(key), key, json);
  if (!changes) {
    const r = pointer ? locate(view.state, pointer) : { node: root, exact: true };
    changes = r && r.exact && r.node.name === 'Object' ? [setMember(view.state, r.node, key, json)]
      : [setMember(view.state, root, pointer.slice(1), JSON.stringify({ [key]: value }))];
  }
  dispatchFormEdit(view, changes, session);
}

function showTab(which) {
  const gallery = which === 'gallery';
  $('#tab-slide').setAttribute('aria-selected', String(!gallery));
  $('#tab-gallery').setAttribute('aria-selected', String(gallery));
  $('#tab-slide').tabIndex = gallery ? -1 : 0;
  $('#tab-gallery').tabIndex = gallery ? 0 : -1;
  $('#slide-panel').hidden = gallery;
  $('#gallery-form').hidden = !gallery;
}

// Several slides selected in the strip: move them together, or remove them in one edit.
function showSelection(sel) {
  app.selection = sel;
  $('#selection-bar').hidden = sel.length < 2;
  $('#selection-count').textContent = `${sel.length} slides selected`;
}

// The slides in the editor's text now (the last valid model may lag behind it).
function slideCount() {
  const arr = slidesArray(view.state);
  return arr ? elements(arr).length : 0;
}

function moveSelection(delta) {
  const n = slideCount(), sel = new Set(app.selection || []);
  const order = [...Array(n).keys()];
  // Each selected slide steps past an unselected neighbour; a block at the end stays put.
  const ks = delta < 0 ? order.map((_, k) => k).slice(1) : order.map((_, k) => k).slice(0, -1).reverse();
  for (const k of ks) {
    const j = k + delta;
    if (sel.has(order[k]) && !sel.has(order[j])) [order[k], order[j]] = [order[j], order[k]];
  }
  if (order.every((v, k) => v === k)) return;
  const now = order.map((v, k) => (sel.has(v) ? k : -1)).filter((k) => k >= 0);
  editSlides(arrangeElements(view.state, slidesArray(view.state), order), now[0], true);
  slides.selected = new Set(now);  // kept through the re-render by index
  showSelection(now);
}

function removeSelection() {
  const n = slideCount(), sel = app.selection || [];
  if (!sel.length || sel.some((i) => i >= n)) return;
  if (sel.length >= n) { status('A gallery needs at least one slide: keep one, or start a New gallery.', 'error'); return; }
  const keep = [...Array(n).keys()].filter((i) => !sel.includes(i));
  slides.setSelection([]);
  editSlides(arrangeElements(view.state, slidesArray(view.state), keep), Math.max(0, Math.min(sel[0], keep.length - 1)));
  status(`Removed ${sel.length} slides. Ctrl+Z in the editor brings them back.`, 'ok');
}

function wireEditing() {
  galleryForm = new GalleryForm($('#gallery-form'), { onEdit: editGallery });
  // Ctrl+Z in a form field undoes in the editor's history (where the form's edits are), not the
  // field's own, which would write its undo back as yet another edit.
  for (const f of [$('#slide-form'), $('#gallery-form')]) {
    f.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      e.preventDefault();
      (k === 'y' || e.shiftKey ? redo : undo)(view);
    });
  }
  $('#tab-slide').addEventListener('click', () => showTab('slide'));
  $('#tab-gallery').addEventListener('click', () => showTab('gallery'));
  $('#inspector .tabs').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const to = $('#tab-slide').getAttribute('aria-selected') === 'true' ? 'gallery' : 'slide';
    showTab(to);
    $('#tab-' + to).focus();
  });
  $('#sel-left').addEventListener('click', () => moveSelection(-1));
  $('#sel-right').addEventListener('click', () => moveSelection(1));
  $('#sel-remove').addEventListener('click', removeSelection);
  $('#sel-clear').addEventListener('click', () => slides.setSelection([]));
  for (const input of document.querySelectorAll('input[name="zoom"]')) {
    input.addEventListener('change', () => { if (input.checked) preview.setZoom(input.value); });
  }
  const confirmNew = $('#confirm-new');
  $('#new-gallery').addEventListener('click', () => confirmNew.showModal());
  $('#confirm-new-cancel').addEventListener('click', () => confirmNew.close());
  $('#confirm-new-ok').addEventListener('click', () => {
    confirmNew.close();
    app.current = 0;
    app.pendingSlide = 0;
    slides.setSelection([]);
    replaceAll(view, NEW_GALLERY, 'new');
    showTab('gallery');
    status('New gallery: give it a title, then add photos with “Add photos…” or drop them on the preview. Ctrl+Z in the editor brings the previous gallery back.', 'ok');
  });
}

function rerenderPreview() {
  const seq = app.seq;
  previewText(app.model).then((t) => { if (seq === app.seq) preview.show(t); });
}

// Photos dropped on the preview (or anywhere on the page outside the editor) become new slides
// after the current one; dropped on the slide strip they go where they are dropped (slide_list.js).
function wireDrop() {
  const zone = $('#preview-pane');
  const over = (e) => {
    if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('drop-target');
  };
  const leave = (e) => { if (!e.relatedTarget || !zone.contains(e.relatedTarget)) zone.classList.remove('drop-target'); };
  const drop = (e) => {
    zone.classList.remove('drop-target');
    if (!e.dataTransfer || !e.dataTransfer.files.length || e.defaultPrevented) return;
    e.preventDefault();
    addFiles([...e.dataTransfer.files], app.model ? app.current + 1 : 0);
  };
  for (const t of [zone]) {
    t.addEventListener('dragover', over);
    t.addEventListener('dragleave', leave);
    t.addEventListener('drop', drop);
  }
  // The preview is an iframe: drags over it go to its document.
  preview.ready.then((win) => {
    win.document.addEventListener('dragover', over);
    win.document.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
    win.document.addEventListener('drop', drop);
  });
  // A file dropped anywhere else must not make the browser navigate away from the draft.
  window.addEventListener('dragover', (e) => { if ([...(e.dataTransfer?.types || [])].includes('Files')) e.preventDefault(); });
  window.addEventListener('drop', (e) => { if (!e.defaultPrevented) e.preventDefault(); });
}

start();
