// key_fixes.js — misspelled keys ("captoin" next to the known "caption"): the validator names the key
// it probably meant (diagnostic.suggestion); here that becomes a one-click rename, offered in the
// editor's lint tooltip, in the slide's checks and by the form, which writes into the misspelled key's
// place instead of adding a second, duplicate key beside it.
import { locate, members, pointerTokens } from './json_tree.js';

// "/slides/2/captoin" → the object's pointer "/slides/2" and the key "captoin" (unescaped).
function split(where) {
  return { parent: where.slice(0, where.lastIndexOf('/')), key: pointerTokens(where).pop() };
}

// The validator's unknown-key warnings that name a known key to use instead.
export function misspelledKeys(diagnostics) {
  return diagnostics.filter((d) => d.id === 'field.unknown' && d.suggestion && d.where && d.where[0] === '/');
}

// For one object (JSON pointer, e.g. "/slides/2"): { suggested key → misspelled key } of its members.
export function misspelledIn(diagnostics, pointer) {
  const out = new Map();
  for (const d of misspelledKeys(diagnostics)) {
    const { parent, key } = split(d.where);
    if (parent === pointer && !out.has(d.suggestion)) out.set(d.suggestion, key);
  }
  return out;
}

// The change that renames `bad` to `good` in the object at `pointer` (and sets its value to
// valueJson, if given); null when the object already has `good` (a rename would duplicate it) or
// `bad` is gone.
export function renameChange(state, pointer, bad, good, valueJson) {
  const r = locate(state, pointer);
  if (!r || !r.exact || r.node.name !== 'Object') return null;
  const ms = members(state, r.node);
  if (ms.some((m) => m.key === good)) return null;
  const m = ms.filter((x) => x.key === bad && x.name).pop();
  if (!m) return null;
  const changes = [{ from: m.name.from, to: m.name.to, insert: JSON.stringify(good) }];
  if (valueJson !== undefined && m.value) changes.push({ from: m.value.from, to: m.value.to, insert: valueJson });
  return changes;
}

// The rename as a CodeMirror lint action for diagnostic d (none when it cannot be applied).
export function lintAction(state, d) {
  if (d.id !== 'field.unknown' || !d.suggestion) return null;
  const { parent: pointer, key: bad } = split(d.where);
  if (!renameChange(state, pointer, bad, d.suggestion)) return null;
  return {
    name: `Rename to "${d.suggestion}"`,
    apply(view) {
      const changes = renameChange(view.state, pointer, bad, d.suggestion);
      if (changes) view.dispatch({ changes, userEvent: 'input.fix' });
    },
  };
}

// The raw value of `key` in the object at `pointer`, parsed (the normalized model drops unknown keys,
// so the form reads a misspelled key's text from the editor).
export function rawValue(state, pointer, key) {
  const r = locate(state, pointer + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'));
  if (!r || !r.exact) return undefined;
  try { return JSON.parse(state.sliceDoc(r.node.from, r.node.to)); } catch { return undefined; }
}
