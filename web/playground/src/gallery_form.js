// gallery_form.js — the gallery's own fields (title, description, source) and its options as a form,
// read from the editor's text (so they work before the gallery is valid, e.g. a new one without
// slides yet). Typing reports (pointer, key, value, session) for main.js to write into the JSON;
// refills never overwrite the field being typed in.
const TEXT = ['title', 'description', 'source'];
// Options with their defaults (web/gallery.schema.json): what the form shows when the JSON has none.
const OPTIONS = { transition: 'slide', fit: 'contain', theme: 'auto', direction: 'auto', autoplay: false, loop: false };

export class GalleryForm {
  // form: <form> with [name] fields for TEXT and OPTIONS; hooks.onEdit(pointer, key, value, session).
  constructor(form, hooks) {
    this.form = form;
    this.visit = 0;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('focusin', () => { this.visit++; });
    const report = (e) => {
      const f = e.target, name = f.name, session = `gallery:${name}:${this.visit}`;
      if (TEXT.includes(name)) hooks.onEdit('', name, f.value, session);
      else if (name === 'loop') hooks.onEdit('/options', name, f.checked, session);
      else if (name === 'autoplay') {
        const s = Number(f.value);
        hooks.onEdit('/options', name, s > 0 ? Math.round(s * 1000) : false, session);  // ms in the JSON
      } else if (name in OPTIONS) hooks.onEdit('/options', name, f.value, session);
    };
    form.addEventListener('input', (e) => { if (e.target.type !== 'checkbox' && e.target.tagName !== 'SELECT') report(e); });
    form.addEventListener('change', (e) => { if (e.target.type === 'checkbox' || e.target.tagName === 'SELECT') report(e); });
  }

  // read(pointer, key) → the value in the editor's JSON, or undefined.
  fill(read) {
    for (const name of TEXT) this._set(name, typeof read('', name) === 'string' ? read('', name) : '');
    for (const [name, def] of Object.entries(OPTIONS)) {
      const v = read('/options', name);
      if (name === 'loop') this._set(name, v === undefined ? def : v === true);
      else if (name === 'autoplay') this._set(name, typeof v === 'number' && v > 0 ? String(v / 1000) : '0');
      else this._set(name, typeof v === 'string' ? v : def);
    }
  }

  _set(name, v) {
    const f = this.form.elements[name];
    if (!f || document.activeElement === f) return;
    if (f.type === 'checkbox') f.checked = !!v;
    else if (f.value !== v) f.value = v;
  }
}
