// entry-esm.js — dist/wasm-gallery.mjs, for `import { mount } from '…/wasm-gallery.mjs'`.
import { setBaseUrl } from './base-url.js';
import { install } from './index.js';

setBaseUrl(import.meta.url);
const api = install();
export const mount = api.mount;
export const version = api.version;
export const validate = api.validate;
export default api;
