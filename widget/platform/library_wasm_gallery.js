// library_wasm_gallery.js — the few calls C++ makes into JS (Emscripten --js-library).
// Named wg_js_* so the owner is obvious. The shim sets Module.wgCanvas and Module.onWgEvent
// before the instance starts; everything here is per-instance (one gallery per instance).
mergeInto(LibraryManager.library, {
  // Creates the WebGL2 context on the shim's canvas (which lives in a shadow root, out of reach of
  // Emscripten's selector lookup) and registers it with Emscripten's GL layer. 0 on failure.
  wg_js_create_context__deps: ['$GL'],
  wg_js_create_context: function () {
    var canvas = Module['wgCanvas'];
    if (!canvas) return 0;
    var attrs = { alpha: false, antialias: false, depth: false, stencil: false,
                  premultipliedAlpha: true, preserveDrawingBuffer: false,
                  powerPreference: 'low-power', failIfMajorPerformanceCaveat: false };
    var ctx = Module['wgForceNoWebGL'] ? null : canvas.getContext('webgl2', attrs);
    if (!ctx) return 0;
    return GL.registerContext(ctx, { majorVersion: 2, minorVersion: 0, enableExtensionsByDefault: 1 });
  },
  wg_js_delete_context__deps: ['$GL'],
  wg_js_delete_context: function (handle) {
    if (handle && GL.contexts[handle]) GL.deleteContext(handle);
  },
  // The drawing buffer's size for this frame: full, or smaller while moving (core/render_scale.h).
  // Only a change touches the canvas (a resize reallocates the buffer).
  wg_js_size_buffer: function (w, h) {
    var c = Module['wgCanvas'];
    if (!c) return;
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
  },
  // The one C++ → JS event hook: type and a JSON payload, both UTF-8 in the wasm heap.
  wg_js_event: function (type, json) {
    var cb = Module['onWgEvent'];
    if (cb) cb(UTF8ToString(type), json ? UTF8ToString(json) : '');
  },
});
