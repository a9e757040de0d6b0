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
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', (e) => {
      const name = e.target.name;
      if (FIELDS.includes(name) && this.index >= 0) hooks.onEdit(this.index, name, e.target.value);
    });
    form.querySelector('[data-action="remove"]').addEventListener('click', () => { if (this.index >= 0) hooks.onRemove(this.index); });
  }

  fill(slide, index, count) {
    const moved = index !== this.index;
    this.index = index;
    this.legend.textContent = slide ? `Slide ${index + 1} of ${count}` : 'No slide';
    for (const name of FIELDS) {
      const f = this.form.elements[name];
      const v = slide && typeof slide[name] === 'string' ? slide[name] : '';
      if ((moved || document.activeElement !== f) && f.value !== v) f.value = v;
    }
  }

  setEnabled(on, why) {
    this.fieldset.disabled = !on;
    this.form.dataset.disabledReason = on ? '' : why;
    this.form.querySelector('.form-note').textContent = on ? '' : why;
  }
}
