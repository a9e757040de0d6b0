// exports_lifecycle.cpp — the C ABI's lifecycle: the GL context taken, lost, given back, restored;
// the text engine's font; the instance's end. // Every export is safe to call at any time, before init included.
#include <emscripten.h>
#include "platform/app.h"

using namespace wg::platform;

extern "C" {

// Creates the GL context on Module.wgCanvas and the ImGui context. 1 on success, 0 if WebGL2 is
// unavailable (the shim then shows its plain-HTML gallery).
EMSCRIPTEN_KEEPALIVE int wg_init(void) {
    App& a = app();
    a.started = true;
    if (a.gl_ready) return 1;
    return init_gl(a) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void wg_destroy(void) {
    if (!app_exists()) return;
    release_gl(app());
    if (app().gl) wg_js_delete_context(app().gl);
    destroy_app();
}

// The browser took the context away (too many contexts, GPU reset, or the shim gave it back
// while off-screen). Textures are gone with it; the model and slide position stay.
EMSCRIPTEN_KEEPALIVE void wg_gl_lost(void) {
    App& a = app();
    int gl = a.gl;
    a.gl = 0;  // GL objects died with the context: forget them without calling GL
    for (SlideImage& im : a.images) {
        if (im.tex) a.budget.erase(int(&im - a.images.data()));
        im.tex = 0;
    }
    a.renderer.forget();
    a.text.forget_images();
    a.gl_ready = false;
    a.want_sent.clear();
    if (gl) wg_js_delete_context(gl);
}

// A fresh context on the same (or a replaced) canvas: re-create GL state, ask for photos again.
EMSCRIPTEN_KEEPALIVE int wg_gl_restore(void) {
    App& a = app();
    if (a.gl_ready) return 1;
    if (!a.started) return wg_init();
    if (!init_gl(a)) return 0;
    update_wants(a);
    return 1;
}

// The text engine's font changed (the family, or a web font it uses has arrived): text is measured,
// laid out and drawn again.
EMSCRIPTEN_KEEPALIVE void wg_text_changed(void) {
    App& a = app();
    a.text.drop_measures();
    if (a.gl_ready) a.text.drop_images();
    ++a.text_version;
    publish_state(a);
}

}  // extern "C"
