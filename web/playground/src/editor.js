// editor.js — the JSON editor: CodeMirror 6 with JSON support, the schema's completion and hover
// docs, and a lint gutter for the diagnostics main.js places. No validation happens here.
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { Annotation, EditorState, StateField, Transaction } from '@codemirror/state';
import { history } from '@codemirror/commands';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { lintGutter } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { schemaCompletion, schemaHover } from './schema_help.js';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: '#f6f7f9', borderRight: '1px solid #e3e6ea', color: '#5f6672' },
  '&.cm-focused': { outline: 'none' },
  '.cm-tooltip': { borderRadius: '6px', border: '1px solid #d5d9de', boxShadow: '0 4px 14px rgba(0,0,0,.12)' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
});

// Keys and string values in different colours: gallery.json is mostly long strings.
const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: '#6f42c1' },
  { tag: t.string, color: '#0a3069' },
  { tag: t.number, color: '#0550ae' },
  { tag: [t.bool, t.null], color: '#b3261e' },
  { tag: [t.brace, t.squareBracket, t.separator], color: '#57606a' },
]);

// Form edits undo as whole edits: every change typed into one form field during one visit to it (a
// "session", e.g. "3:caption:7") is one history event, however long the pauses between keys. The
// history joins an edit to the previous one when it is of the same session, and each edit carries
// the session's first time, so the pause rule (newGroupDelay) never splits it.
const formSession = Annotation.define();
const lastFormEdit = StateField.define({
  create: () => null,
  update(v, tr) {
    if (!tr.docChanged) return v;
    const s = tr.annotation(formSession);
    return s ? (v && v.session === s ? v : { session: s, time: tr.annotation(Transaction.time) }) : null;
  },
});
const formHistory = history({
  joinToEvent: (tr) => {
    const s = tr.annotation(formSession), last = tr.startState.field(lastFormEdit, false);
    return !!s && !!last && last.session === s;
  },
});

// Dispatches a form's edit of the JSON as part of `session` (see above).
export function dispatchFormEdit(view, changes, session) {
  const last = view.state.field(lastFormEdit, false);
  const time = last && last.session === session ? last.time : Date.now();
  view.dispatch({ changes, annotations: [formSession.of(session), Transaction.time.of(time)] });
}

// hooks: onChange(update), onCursor(state)
export function createEditor(parent, text, hooks) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        syntaxHighlighting(highlight),
        basicSetup,
        lastFormEdit,
        formHistory,
        json(),
        jsonLanguage.data.of({ autocomplete: schemaCompletion }),
        schemaHover,
        lintGutter(),
        theme,
        EditorView.lineWrapping,
        // tabindex: already focusable (contenteditable), said explicitly for tools that check scroll regions.
        EditorView.contentAttributes.of({ 'aria-label': 'gallery.json editor', 'aria-describedby': 'editor-help', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.onChange(u);
          if (u.selectionSet) hooks.onCursor(u.state);
        }),
      ],
    }),
  });
}

// Replaces the whole text as one undoable change (Ctrl+Z brings the old text back).
export function replaceAll(view, text, userEvent) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent, scrollIntoView: true,
    selection: { anchor: 0 } });
}
