// problems.js — the list under the editor: the wasm validator's diagnostics, then the photo checks,
// each with its place (line:column and JSON pointer) as a button that jumps the editor there.
import { misspelledKeys } from './key_fixes.js';

export class Problems {
  // root: element to fill; summary: element for the one-line count; onJump(diagnostic).
  constructor(root, summary, onJump) {
    this.root = root;
    this.summary = summary;
    root.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-k]');
      if (b) onJump(this.items[Number(b.dataset.k)]);
    });
    this.items = [];
  }

  render(validator, checks, { checksStale = false } = {}) {
    this.items = [];
    const section = (title, list, empty) => {
      const h = document.createElement('h3');
      h.textContent = title;
      const ul = document.createElement('ul');
      for (const d of list) {
        const li = document.createElement('li');
        li.className = 'problem ' + d.severity;
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.k = String(this.items.push(d) - 1);
        const sev = document.createElement('span');
        sev.className = 'sev';
        sev.textContent = d.severity;
        const place = document.createElement('code');
        place.className = 'place';
        const at = d.line > 0 ? `${d.line}:${d.column}` : '';
        place.textContent = [at, d.where !== at ? d.where : ''].filter(Boolean).join(' ') || 'document';
        const msg = document.createElement('span');
        msg.className = 'msg';
        msg.textContent = d.message;
        const id = document.createElement('code');
        id.className = 'id';
        id.textContent = d.id;
        b.append(sev, place, msg, id);
        li.append(b);
        ul.append(li);
      }
      if (!list.length) {
        const li = document.createElement('li');
        li.className = 'empty';
        li.textContent = empty;
        ul.append(li);
      }
      return [h, ul];
    };
    this.root.replaceChildren(
      ...section('Validator (the widget’s own, via wasm)', validator, 'No problems: the widget will load this gallery.'),
      ...section(checksStale ? 'Photo checks (from the last valid version)' : 'Photo checks', checks, 'No photo problems found.'),
    );
    const count = (l, s) => l.filter((d) => d.severity === s).length;
    // A photo check's error (a missing or refused photo) breaks the published gallery as surely as
    // invalid JSON, so it counts as an error, not as something to check.
    const e = count(validator, 'error') + count(checks, 'error'), w = count(validator, 'warning') + count(checks, 'warning');
    // A misspelled key silently drops content (the widget ignores it): named on its own, not lost
    // among the things to check.
    const k = misspelledKeys(validator).length;
    const keys = k ? `${k} misspelled key${k > 1 ? 's' : ''}` : '';
    this.summary.textContent = e ? [`${e} error${e > 1 ? 's' : ''}`, keys].filter(Boolean).join(' · ')
      : w ? ['valid', keys, w - k ? `${w - k} to check` : ''].filter(Boolean).join(' · ') : 'valid';
    this.summary.className = 'summary ' + (e ? 'error' : w ? 'warning' : 'ok');
  }
}
