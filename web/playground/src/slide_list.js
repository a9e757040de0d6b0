// slide_list.js — the slides as a strip of thumbnails: pick one, drag (or Alt+arrow) to reorder,
// drop photos (or choose files) to add slides, select several (Ctrl/⌘+click, Shift+click, Space) to
// remove or move them at once. It renders what it is given and reports intents; the JSON edits
// happen in main.js.
const SLIDE_TYPE = 'application/x-wasm-gallery-slide';

const range = (a, b) => Array.from({ length: Math.abs(b - a) + 1 }, (_, k) => Math.min(a, b) + k);

function hasFiles(e) {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

export class SlideList {
  // root: <ol>; hooks: onPick(i), onMove(from, to), onFiles(files, at), onSelect(indices) (the
  // selection changed: main.js shows what can be done with it).
  constructor(root, fileInput, hooks) {
    this.root = root;
    this.hooks = hooks;
    this.count = 0;
    this.current = 0;
    this.dragFrom = -1;
    this.selected = new Set();  // slides picked for a bulk action (besides the current one)
    root.addEventListener('dragstart', (e) => {
      const li = e.target.closest('li[data-index]');
      if (!li) return;
      this.dragFrom = Number(li.dataset.index);
      e.dataTransfer.setData(SLIDE_TYPE, String(this.dragFrom));
      e.dataTransfer.effectAllowed = 'move';
      li.classList.add('dragging');
    });
    root.addEventListener('dragend', () => { this.dragFrom = -1; this._mark(-1); root.querySelectorAll('.dragging').forEach((n) => n.classList.remove('dragging')); });
    root.addEventListener('dragover', (e) => {
      const slide = [...e.dataTransfer.types].includes(SLIDE_TYPE);
      if (!slide && !hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = slide ? 'move' : 'copy';
      this._mark(this._slot(e));
    });
    root.addEventListener('dragleave', (e) => { if (!root.contains(e.relatedTarget)) this._mark(-1); });
    root.addEventListener('drop', (e) => {
      const slot = this._slot(e);
      this._mark(-1);
      const from = e.dataTransfer.getData(SLIDE_TYPE);
      if (from !== '') {
        e.preventDefault();
        const f = Number(from);
        const to = slot > f ? slot - 1 : slot;
        if (to !== f) hooks.onMove(f, to);
      } else if (hasFiles(e)) {
        e.preventDefault();
        hooks.onFiles([...e.dataTransfer.files], slot);
      }
    });
    root.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-index]');
      if (!b) return;
      const i = Number(b.dataset.index);
      if (e.ctrlKey || e.metaKey) return this._toggle(i);
      if (e.shiftKey) return this.setSelection(range(this.current, i));
      if (this.selected.size) this.setSelection([]);
      hooks.onPick(i);
    });
    root.addEventListener('keydown', (e) => {
      const b = e.target.closest('button[data-index]');
      if (!b) return;
      const i = Number(b.dataset.index);
      if (e.key === ' ' && !e.altKey) { e.preventDefault(); return this._toggle(i); }
      if (e.key === 'Escape' && this.selected.size) { e.preventDefault(); return this.setSelection([]); }
      const back = e.key === 'ArrowLeft' || e.key === 'ArrowUp', fwd = e.key === 'ArrowRight' || e.key === 'ArrowDown';
      if (!back && !fwd) return;
      e.preventDefault();
      const j = i + (back ? -1 : 1);
      if (j < 0 || j >= this.count) return;
      if (e.altKey) { this.focusAfterRender = j; hooks.onMove(i, j); }
      else { root.querySelector(`button[data-index="${j}"]`)?.focus(); }
    });
    fileInput.addEventListener('change', () => {
      if (fileInput.files.length) hooks.onFiles([...fileInput.files], this.count);
      fileInput.value = '';
    });
  }

  // Insertion slot (0…count) under the pointer: before or after the slide by its midpoint.
  _slot(e) {
    const li = e.target.closest && e.target.closest('li[data-index]');
    if (!li) return this.count;
    const r = li.getBoundingClientRect();
    const i = Number(li.dataset.index);
    return e.clientX > r.left + r.width / 2 ? i + 1 : i;
  }

  _mark(slot) {
    for (const li of this.root.querySelectorAll('li[data-index]')) {
      const i = Number(li.dataset.index);
      li.classList.toggle('drop-before', slot === i);
      li.classList.toggle('drop-after', slot === this.count && i === this.count - 1);
    }
  }

  _toggle(i) {
    const s = new Set(this.selected.size ? this.selected : [this.current]);
    if (s.has(i)) s.delete(i); else s.add(i);
    this.setSelection([...s]);
  }

  // Selects these slides (an empty list clears the selection).
  setSelection(indices) {
    this.selected = new Set(indices.filter((i) => i >= 0 && i < this.count));
    for (const b of this.root.querySelectorAll('button[data-index]')) this._markSelected(b);
    this.hooks.onSelect && this.hooks.onSelect([...this.selected].sort((a, b) => a - b));
  }

  _markSelected(b) {
    const on = this.selected.has(Number(b.dataset.index));
    b.classList.toggle('selected', on);
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  // slides: [{thumb, caption, findings}]
  render(slides, current) {
    this.count = slides.length;
    this.current = current;
    const kept = [...this.selected].filter((i) => i < slides.length);
    // Re-rendering replaces the buttons: keep keyboard focus on the same slide.
    const active = this.root.contains(document.activeElement) ? document.activeElement.dataset.index : undefined;
    if (this.focusAfterRender === undefined && active !== undefined) this.focusAfterRender = Math.min(Number(active), slides.length - 1);
    const items = slides.map((s, i) => {
      const li = document.createElement('li');
      li.dataset.index = String(i);
      li.draggable = true;
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.index = String(i);
      b.className = 'slide-pick';
      if (i === current) b.setAttribute('aria-current', 'true');
      const errors = s.findings.filter((f) => f.severity === 'error').length;
      const warnings = s.findings.filter((f) => f.severity === 'warning').length;
      const problems = [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
      b.setAttribute('aria-label', `Slide ${i + 1}${s.caption ? ': ' + s.caption.slice(0, 80) : ''}${problems ? ' (' + problems + ')' : ''}. Alt+arrow keys move it; Space selects it.`);
      const img = document.createElement('img');
      img.alt = '';
      img.loading = 'lazy';
      img.decoding = 'async';
      if (s.thumb) img.src = s.thumb;
      const n = document.createElement('span');
      n.className = 'slide-num';
      n.textContent = String(i + 1);
      b.append(img, n);
      if (errors || warnings) {
        const badge = document.createElement('span');
        badge.className = 'slide-badge ' + (errors ? 'error' : 'warning');
        badge.textContent = String(errors + warnings);
        badge.title = problems;
        b.append(badge);
      }
      li.append(b);
      return li;
    });
    this.root.replaceChildren(...items);
    this.selected = new Set(kept);
    for (const b of this.root.querySelectorAll('button[data-index]')) this._markSelected(b);
    if (this.focusAfterRender !== undefined) {
      this.root.querySelector(`button[data-index="${this.focusAfterRender}"]`)?.focus();
      this.focusAfterRender = undefined;
    }
  }

  // Scrolls the strip (only the strip: scrollIntoView would scroll the whole pane) to show `b`.
  _reveal(b) {
    const strip = this.root, li = b.parentElement;
    if (li.offsetLeft < strip.scrollLeft) strip.scrollLeft = li.offsetLeft - 8;
    else if (li.offsetLeft + li.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = li.offsetLeft + li.offsetWidth - strip.clientWidth + 8;
  }

  select(i) {
    this.current = i;
    for (const b of this.root.querySelectorAll('button[data-index]')) {
      if (Number(b.dataset.index) === i) { b.setAttribute('aria-current', 'true'); this._reveal(b); }
      else b.removeAttribute('aria-current');
    }
  }
}
