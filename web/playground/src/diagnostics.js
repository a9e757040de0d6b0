// diagnostics.js — the wasm validator's verdict placed in the editor: line:column (UTF-16 columns,
// as CodeMirror counts) when the validator gives them, else the JSON pointer located in the syntax tree.
import { fullTree, locate } from './json_tree.js';
import { lintAction } from './key_fixes.js';

// A diagnostic underlines at most this much of a line (a whole slide object would hide the text).
const MAX_UNDERLINE_CHARS = 120;

// Where a diagnostic points: {from, to} in the document, or null for a whole-document one.
export function rangeOf(state, d) {
  const doc = state.doc;
  let from = null;
  if (d.line > 0) {
    const line = doc.line(Math.min(d.line, doc.lines));
    from = line.from + Math.max(0, Math.min((d.column || 1) - 1, line.length));
  }
  if (d.where && d.where[0] === '/' && (from === null || d.line === 0)) {
    const r = locate(state, d.where);
    if (r) from = (r.exact && d.id === 'field.unknown' && r.key ? r.key : r.node).from;
  } else if (from === null && d.where === '') {
    from = 0;
  }
  if (from === null) return null;
  // Underline the token (or the value) that starts there, not past its line.
  let node = fullTree(state).resolveInner(from, 1);
  while (node.parent && node.parent.from === from && node.parent.to > node.to) node = node.parent;
  const lineEnd = doc.lineAt(from).to;
  let to = Math.min(node.from === from ? node.to : from + 1, lineEnd, from + MAX_UNDERLINE_CHARS);
  if (to <= from) to = Math.min(from + 1, doc.length);
  if (to > lineEnd && from === lineEnd) return { from, to: from };
  return { from, to };
}

export function editorDiagnostics(state, list) {
  const out = [];
  for (const d of list) {
    const r = rangeOf(state, d) || { from: 0, to: Math.min(1, state.doc.length) };
    const action = lintAction(state, d);
    out.push({
      from: r.from, to: r.to,
      severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
      source: d.source || d.id,
      message: d.message,
      ...(action ? { actions: [action] } : {}),
    });
  }
  return out;
}
