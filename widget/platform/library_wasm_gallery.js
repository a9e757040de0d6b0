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
  // The text engine (web/src/text-engine.js, Module.wgText): widths, break opportunities, line images.
  wg_js_text_width: function (ptr, len, px, bold) {
    return Module['wgText'].width(UTF8ToString(ptr, len), px, bold);
  },
  wg_js_text_segment: function (ptr, len, breaks, graphemes, counts) {
    var r = Module['wgText'].segment(UTF8ToString(ptr, len));
    var nb = Math.min(r.breaks.length, len), ng = Math.min(r.graphemes.length, len);
    for (var i = 0; i < nb; i++) HEAP32[(breaks >> 2) + i] = r.breaks[i];
    for (var j = 0; j < ng; j++) HEAP32[(graphemes >> 2) + j] = r.graphemes[j];
    HEAP32[counts >> 2] = nb;
    HEAP32[(counts >> 2) + 1] = ng;
  },
  // A new texture, bound, registered with Emscripten's GL (so glDeleteTextures frees it): [id, gl], or
  // null without a context.
  $wgNewTexture__deps: ['$GL'],
  $wgNewTexture: function () {
    var gl = GLctx;
    var tex = gl && gl.createTexture();
    if (!tex) return null;
    var id = GL.getNewId(GL.textures);
    tex.name = id;
    GL.textures[id] = tex;
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return [id, gl];
  },
  // Draws the line and uploads it as a premultiplied texture; box ← x, y, w, h in device px. 0 when
  // there is nothing to draw.
  wg_js_text_image__deps: ['$wgNewTexture'],
  wg_js_text_image: function (ptr, len, px, bold, lineH, rgba, rtl, box) {
    var img = Module['wgText'].image(UTF8ToString(ptr, len), px, bold, lineH, rgba >>> 0, !!rtl);
    var t = img && wgNewTexture();
    if (!t) return 0;
    var gl = t[1];
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, img.canvas);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    HEAPF32[box >> 2] = img.x;
    HEAPF32[(box >> 2) + 1] = img.y;
    HEAPF32[(box >> 2) + 2] = img.w;
    HEAPF32[(box >> 2) + 3] = img.h;
    return t[0];
  },
  // The photo the engine is handing over (Module.wgPixels: w × h premultiplied RGBA, from a decode
  // worker) as a texture, straight from its buffer: the pixels never pass through the wasm heap, which
  // would grow to the largest photo ever uploaded (a zoomed one: up to 64 MB) and never shrink.
  wg_js_photo_texture__deps: ['$wgNewTexture'],
  wg_js_photo_texture: function (w, h) {
    var px = Module['wgPixels'];
    var t = px && px.length >= w * h * 4 && wgNewTexture();
    if (!t) return 0;
    var gl = t[1];
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, w, h, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return t[0];
  },
  // The one C++ → JS event hook: type and a JSON payload, both UTF-8 in the wasm heap.
  wg_js_event: function (type, json) {
    var cb = Module['onWgEvent'];
    if (cb) cb(UTF8ToString(type), json ? UTF8ToString(json) : '');
  },
});
