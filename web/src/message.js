// message.js — the gallery's message box: what went wrong, in words, with the validator's errors
// listed (line:column and JSON pointer), as text only. Returns the `error` event's detail.

// Diagnostics listed in the box; the `error` event carries them all.
const MAX_LISTED_ERRORS = 20;

function el(tag, text) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function showMessage(box, message, diagnostics) {
  box.replaceChildren();
  box.append(el('strong', message));
  const list = (diagnostics || []).filter((d) => d.severity === 'error');
  if (list.length) {
    const ul = el('ul');
    for (const d of list.slice(0, MAX_LISTED_ERRORS)) {
      const li = el('li');
      li.append(el('code', d.text));
      ul.append(li);
    }
    if (list.length > MAX_LISTED_ERRORS) ul.append(el('li', `… and ${list.length - MAX_LISTED_ERRORS} more`));
    box.append(ul);
  }
  box.hidden = false;
  const detail = { message: list.length ? message + ' ' + list.map((d) => d.text).join('; ') : message };
  if (list.length) detail.diagnostics = list;
  return detail;
}
