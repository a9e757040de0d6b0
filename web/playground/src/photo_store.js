// photo_store.js — the photos dropped into the playground, kept in this browser (IndexedDB) next to
// the draft, so a draft naming "photos/x.jpg" finds its photo again after a reload or a restart.
// Keys are the names the JSON uses; values {blob, width, height, bytes, preview, saved}, where
// `preview` is the downscaled data: URL the preview shows (kept so a restore needs no re-encode).
// Nothing here throws: a browser without storage (or with it full) gives null or an error message.
export const DB_NAME = 'wasm-gallery.playground.photos';
const DB_VERSION = 1;
const STORE = 'photos';

function settle(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function reason(e) {
  return e && e.name === 'QuotaExceededError' ? 'browser storage is full' : (e && e.message) || 'storage refused it';
}

export class PhotoStore {
  constructor(db) {
    this.db = db;
    // A newer playground in another tab wants to upgrade the database: let it.
    db.onversionchange = () => db.close();
  }

  // Resolves to a PhotoStore, or null when this browser keeps nothing (IndexedDB off or refused).
  static async open() {
    if (!globalThis.indexedDB) return null;
    try {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      return new PhotoStore(await settle(req));
    } catch {
      return null;
    }
  }

  // Runs `fn(objectStore)` in one transaction; resolves to what fn's request gave once it committed.
  _run(mode, fn) {
    return new Promise((resolve, reject) => {
      let tx;
      try { tx = this.db.transaction(STORE, mode); } catch (e) { reject(e); return; }
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onabort = tx.onerror = () => reject(tx.error || (req && req.error));
    });
  }

  // name → record, for the names that are stored.
  async getMany(names) {
    const out = new Map();
    try {
      await this._run('readonly', (s) => {
        for (const n of names) s.get(n).onsuccess = (e) => { if (e.target.result) out.set(n, e.target.result); };
        return null;
      });
    } catch { /* unreadable: as if empty */ }
    return out;
  }

  async keys() {
    try { return (await this._run('readonly', (s) => s.getAllKeys())).map(String); } catch { return []; }
  }

  // Returns '' when kept, else why not.
  async put(name, record) {
    try {
      await this._run('readwrite', (s) => s.put({ ...record, saved: Date.now() }, name));
      return '';
    } catch (e) {
      return reason(e);
    }
  }

  async remove(names) {
    if (!names.length) return;
    try { await this._run('readwrite', (s) => { for (const n of names) s.delete(n); return null; }); } catch { /* stays: pruned next time */ }
  }
}
