// json_tree.js — places in the editor's JSON text, found with CodeMirror's syntax tree (Lezer JSON):
// JSON pointer → node, position → path, and the text edits the form, the slide list and drops make.
// It only locates and edits text; whether the text is a valid gallery is the wasm validator's call.
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';

const VALUE = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
// How long a lookup may wait for the parser to reach the end of a large document.
const PARSE_BUDGET_MS = 200;

export function fullTree(state) {
  return ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS) || syntaxTree(state);
}

export function rootValue(state) {
  for (let c = fullTree(state).topNode.firstChild; c; c = c.nextSibling) if (VALUE.has(c.name)) return c;
  return null;
}

export function elements(arr) {
  const out = [];
  for (let c = arr.firstChild; c; c = c.nextSibling) if (VALUE.has(c.name)) out.push(c);
  return out;
}

export function members(state, obj) {
  const out = [];
  for (let c = obj.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'Property') continue;
    const name = c.getChild('PropertyName');
    let value = null;
    for (let v = c.lastChild; v; v = v.prevSibling) if (VALUE.has(v.name)) { value = v; break; }
    out.push({ prop: c, name, key: name ? unquote(state.sliceDoc(name.from, name.to)) : '', value });
  }
  return out;
}

function unquote(s) {
  try { return JSON.parse(s); } catch { return s.replace(/^"|"$/g, ''); }
}

// RFC 6901: "/slides/3/image" → ['slides', '3', 'image'].
export function pointerTokens(pointer) {
  if (!pointer || pointer[0] !== '/') return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// The node a pointer names: {node, key (the PropertyName, for members), exact}. When part of the
// path is missing, the deepest node that exists, with exact = false.
export function locate(state, pointer) {
  let node = rootValue(state), key = null;
  if (!node) return null;
  for (const tok of pointerTokens(pointer)) {
    let next = null, nextKey = null;
    if (node.name === 'Object') {
      for (const m of members(state, node)) if (m.key === tok && m.value) { next = m.value; nextKey = m.name; }
    } else if (node.name === 'Array' && /^\d+$/.test(tok)) {
      next = elements(node)[Number(tok)] || null;
    }
    if (!next) return { node, key, exact: false };
    node = next;
    key = nextKey;
  }
  return { node, key, exact: true };
}

// The path (keys and indices) of a value node, from the root.
export function pathOf(state, node) {
  const path = [];
  for (let n = node; n && n.parent; n = n.parent) {
    const p = n.parent;
    if (p.name === 'Property' && VALUE.has(n.name)) {
      const name = p.getChild('PropertyName');
      path.unshift(name ? unquote(state.sliceDoc(name.from, name.to)) : '');
    } else if (p.name === 'Array' && VALUE.has(n.name)) {
      path.unshift(elements(p).findIndex((e) => e.from === n.from));
    }
  }
  return path;
}

// The innermost container (Object or Array) around `pos`.
export function containerAt(state, pos) {
  for (let n = fullTree(state).resolveInner(pos, -1); n; n = n.parent) {
    if ((n.name === 'Object' || n.name === 'Array') && n.from < pos) return n;
  }
  return null;
}

// Which slide the position is in, or -1.
export function slideAt(state, pos) {
  const c = containerAt(state, pos);
  if (!c) return -1;
  const path = pathOf(state, c);
  return path[0] === 'slides' && typeof path[1] === 'number' ? path[1] : -1;
}

export function slidesArray(state) {
  const r = locate(state, '/slides');
  return r && r.exact && r.node.name === 'Array' ? r.node : null;
}

function indentOf(state, pos) {
  return /^[ \t]*/.exec(state.doc.lineAt(pos).text)[0];
}

function indentBlock(text, indent) {
  return text.split('\n').map((l, i) => (i ? indent + l : l)).join('\n');
}

// ---- edits (each returns a CodeMirror ChangeSpec, or null when the place isn't there) -----------

// Sets obj[key] to `valueJson` (JSON text), adding the member after the last one when missing.
export function setMember(state, obj, key, valueJson) {
  const ms = members(state, obj);
  const m = ms.filter((x) => x.key === key).pop();
  if (m && m.value) return { from: m.value.from, to: m.value.to, insert: valueJson };
  const member = `${JSON.stringify(key)}: ${valueJson}`;
  const last = ms[ms.length - 1];
  if (!last) return { from: obj.from + 1, to: obj.to - 1, insert: member };
  const multiline = state.doc.lineAt(last.prop.from).number !== state.doc.lineAt(obj.from).number;
  const sep = multiline ? ',\n' + indentOf(state, last.prop.from) : ', ';
  return { from: last.prop.to, insert: sep + indentBlock(member, multiline ? indentOf(state, last.prop.from) : '') };
}

// Moves element `from` of an array to position `to` (indices before the move); separators and the
// surrounding layout stay where they were.
export function moveElement(state, arr, from, to) {
  const els = elements(arr);
  if (from === to || !els[from] || to < 0 || to >= els.length) return null;
  const order = els.map((_, i) => i);
  order.splice(to, 0, order.splice(from, 1)[0]);
  let out = '';
  els.forEach((e, i) => {
    const src = els[order[i]];
    out += state.sliceDoc(src.from, src.to);
    if (i < els.length - 1) out += state.sliceDoc(e.to, els[i + 1].from);
  });
  return { from: els[0].from, to: els[els.length - 1].to, insert: out };
}

// Inserts values (objects, pretty-printed at the array's element indent) before element `at`
// (at = length appends).
export function insertElements(state, arr, at, values) {
  const els = elements(arr);
  const arrIndent = indentOf(state, arr.from);
  const ref = els[Math.min(at, els.length - 1)];
  const ownLine = ref && state.doc.lineAt(ref.from).number !== state.doc.lineAt(arr.from).number;
  const indent = ref ? (ownLine ? indentOf(state, ref.from) : '') : arrIndent + '  ';
  const texts = values.map((v) => indentBlock(JSON.stringify(v, null, 2), indent));
  const sep = ref && !ownLine ? ', ' : ',\n' + indent;
  if (!els.length) return { from: arr.from + 1, to: arr.to - 1, insert: '\n' + indent + texts.join(sep) + '\n' + arrIndent };
  if (at >= els.length) return { from: els[els.length - 1].to, insert: sep + texts.join(sep) };
  return { from: els[at].from, insert: texts.join(sep) + sep };
}

// Removes element `i` with one neighbouring comma.
export function removeElement(state, arr, i) {
  const els = elements(arr);
  if (!els[i]) return null;
  if (i < els.length - 1) return { from: els[i].from, to: els[i + 1].from };
  if (i > 0) return { from: els[i - 1].to, to: els[i].to };
  return { from: els[i].from, to: els[i].to };
}

// Rewrites an array's elements as `order` (indices of the current elements; fewer drops the others):
// several slides removed or moved in one edit. The separators between elements stay as they were.
export function arrangeElements(state, arr, order) {
  const els = elements(arr);
  if (!els.length || !order.length || order.some((i) => !els[i])) return null;
  let out = '';
  order.forEach((k, i) => {
    out += state.sliceDoc(els[k].from, els[k].to);
    if (i < order.length - 1) out += i < els.length - 1 ? state.sliceDoc(els[i].to, els[i + 1].from) : ', ';
  });
  return { from: els[0].from, to: els[els.length - 1].to, insert: out };
}
