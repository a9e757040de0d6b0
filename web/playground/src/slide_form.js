// slide_form.js — the current slide's alt, caption, credit and text as form fields. Typing reports
// (key, value) for main.js to write into the JSON; refills never overwrite the field being typed in.
export const FIELDS = ['alt', 'caption', 'credit', 'text'];

export class SlideForm {
  // form: <form> holding [name=alt|caption|credit|text] fields, a legend and a remove button.
  constructor(form, hooks) {
    this.form = form;
    this.fieldset = form.querySelector('fieldset');
    this.legend = form.querySelector('legend');
    this.index = -1;
    this.visit = 0;  // one per focus of a field: its edits undo together (editor.js dispatchFormEdit)
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('focusin', () => { this.visit++; });
    form.addEventListener('input', (e) => {
      const name = e.target.name;
      if (FIELDS.includes(name) && this.index >= 0) hooks.onEdit(this.index, name, e.target.value, `${this.index}:${name}:${this.visit}`);
    });
    form.querySelector('[data-action="remove"]').addEventListener('click', () => { if (this.index >= 0) hooks.onRemove(this.index); });
  }

  // misspelled: Map field → misspelled key holding its text (key_fixes.js), shown with a note so the
  // text is not mistaken for missing; typing into the field writes it under the right key.
  fill(slide, index, count, misspelled = new Map(), rawOf = () => undefined) {
    const moved = index !== this.index;
    if (moved) this.visit++;
    this.index = index;
    this.legend.textContent = slide ? `Slide ${index + 1} of ${count}` : 'No slide';
    for (const name of FIELDS) {
      const f = this.form.elements[name];
      const bad = misspelled.get(name);
      const raw = bad !== undefined ? rawOf(bad) : undefined;
      const v = slide && typeof slide[name] === 'string' && slide[name] ? slide[name] : typeof raw === 'string' ? raw : '';
      if ((moved || document.activeElement !== f) && f.value !== v) f.value = v;
      const note = this.form.querySelector(`[data-misspelled="${name}"]`);
      if (note) {
        note.hidden = bad === undefined;
        note.textContent = bad === undefined ? '' : `written as "${bad}" in the JSON, which the widget ignores: typing here or “Rename” below fixes the key`;
      }
    }
  }

  setEnabled(on, why) {
    this.fieldset.disabled = !on;
    this.form.dataset.disabledReason = on ? '' : why;
    this.form.querySelector('.form-note').textContent = on ? '' : why;
  }
}
