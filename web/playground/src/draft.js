// draft.js — the editor's work survives a reload: the JSON text and where it came from (the base
// for its relative URLs), in localStorage. The photos dropped into it are too big for localStorage:
// they live in IndexedDB (photo_store.js), keyed by the "photos/…" names this text uses.
const KEY = 'wasm-gallery.playground.draft.v1';

export function loadDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(KEY) || 'null');
    return d && typeof d.text === 'string' && typeof d.source === 'string' ? d : null;
  } catch {
    return null;
  }
}

// Returns an error message, or '' when saved.
export function saveDraft(text, source) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ text, source, saved: Date.now() }));
    return '';
  } catch (e) {
    return `The draft could not be saved (${e.name === 'QuotaExceededError' ? 'browser storage is full' : e.message}).`;
  }
}

export function clearDraft() {
  try { localStorage.removeItem(KEY); } catch { /* storage disabled: nothing to clear */ }
}
