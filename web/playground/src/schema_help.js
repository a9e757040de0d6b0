// schema_help.js — autocomplete and hover docs for gallery.json keys, read from web/gallery.schema.json
// (bundled). Editor hints only: the wasm validator decides what is valid.
import { snippet } from '@codemirror/autocomplete';
import { hoverTooltip } from '@codemirror/view';
import schema from '../../gallery.schema.json';
import { containerAt, fullTree, members, pathOf } from './json_tree.js';

// How far back a completion looks for the character that says "key here" or "value here".
const LOOKBACK_CHARS = 400;

function byRef(ref) {
  return ref.replace(/^#\//, '').split('/').reduce((o, k) => (o ? o[k] : undefined), schema);
}

// A schema node with $ref followed; the referring node's own description wins.
function resolve(s) {
  for (let i = 0; s && s.$ref && i < 8; i++) {
    const { $ref, ...own } = s;
    s = { ...byRef($ref), ...own };
  }
  return s;
}

export function schemaAt(path) {
  let s = resolve(schema);
  for (const seg of path) {
    if (!s) return null;
    s = resolve(typeof seg === 'number' ? s.items : s.properties && s.properties[seg]);
  }
  return s || null;
}

function typeOf(s) {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map((a) => ('const' in a ? JSON.stringify(a.const) : resolve(a).type)).join(' | ');
  return s.type || '';
}

function skeleton(s) {
  const t = s.type || (s.enum ? typeof s.enum[0] : s.anyOf ? resolve(s.anyOf[s.anyOf.length - 1]).type : '');
  if (t === 'string') return '"${}"';
  if (t === 'object') return '{${}}';
  if (t === 'array') return '[${}]';
  if (t === 'boolean') return '${' + String(s.default ?? false) + '}';
  return '${' + String(s.default ?? '') + '}';
}

function docNode(key, s) {
  const d = document.createElement('div');
  d.className = 'schema-doc';
  const head = document.createElement('div');
  head.className = 'schema-doc-head';
  const k = document.createElement('code');
  k.textContent = key;
  const t = document.createElement('span');
  t.className = 'schema-doc-type';
  t.textContent = typeOf(s);
  head.append(k, ' ', t);
  const p = document.createElement('p');
  p.textContent = s.description || '';
  d.append(head, p);
  return d;
}

// Key or value completion inside the object the cursor is in.
export function schemaCompletion(ctx) {
  const { state, pos } = ctx;
  const word = ctx.matchBefore(/"?[\w$]*/);
  const start = word ? word.from : pos;
  const before = state.sliceDoc(Math.max(0, start - LOOKBACK_CHARS), start).replace(/\s+$/, '');
  const prev = before[before.length - 1];
  const typed = word ? word.text : '';
  if (!ctx.explicit && !typed) return null;
  const to = state.sliceDoc(pos, pos + 1) === '"' && typed.startsWith('"') ? pos + 1 : pos;
  const container = containerAt(state, start);
  if (!container || container.name !== 'Object') return null;
  const path = pathOf(state, container);
  const objSchema = schemaAt(path);
  if (!objSchema) return null;
  if (prev === '{' || prev === ',') {
    const have = new Set(members(state, container).filter((m) => m.name && !(m.name.from <= start && m.name.to >= start)).map((m) => m.key));
    const options = Object.entries(objSchema.properties || {}).filter(([k]) => !have.has(k)).map(([k, v]) => {
      const s = resolve(v);
      return { label: JSON.stringify(k), displayLabel: k, type: 'property', detail: typeOf(s), info: () => docNode(k, s),
        apply: snippet(`${JSON.stringify(k)}: ${skeleton(s)}`), boost: (objSchema.required || []).includes(k) ? 1 : 0 };
    });
    return { from: start, to, options, validFor: /^"?[\w$]*$/ };
  }
  if (prev === ':') {
    const keyMatch = /"((?:[^"\\]|\\.)*)"$/.exec(before.slice(0, -1).trimEnd());
    if (!keyMatch) return null;
    const s = schemaAt([...path, JSON.parse(`"${keyMatch[1]}"`)]);
    if (!s) return null;
    const values = [...(s.enum || []), ...((s.anyOf || []).filter((a) => 'const' in a).map((a) => a.const))];
    if (s.type === 'boolean' || (s.anyOf || []).some((a) => resolve(a).type === 'boolean')) values.push(true, false);
    if (!values.length) return null;
    return {
      from: start, to,
      options: [...new Set(values)].map((v) => ({ label: JSON.stringify(v), type: 'enum', detail: v === s.default ? 'default' : undefined })),
      validFor: /^"?[\w$]*"?$/,
    };
  }
  return null;
}

// Hover over a key: what it is for, its type and limits, from the schema.
export const schemaHover = hoverTooltip((view, pos, side) => {
  const { state } = view;
  let node = fullTree(state).resolveInner(pos, side);
  while (node && node.name !== 'PropertyName') node = node.parent;
  if (!node || !node.parent || !node.parent.parent) return null;
  const obj = node.parent.parent;
  let key;
  try { key = JSON.parse(state.sliceDoc(node.from, node.to)); } catch { return null; }
  const s = schemaAt([...pathOf(state, obj), key]);
  if (!s) return null;
  return { pos: node.from, end: node.to, above: true, create: () => ({ dom: docNode(key, s) }) };
});
