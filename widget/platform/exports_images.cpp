// exports_images.cpp — the C ABI's photos: decoded pixels in (uploaded as textures within the texture
// budget), failures shown as placeholders with their reason.
#include <emscripten.h>
#include <algorithm>
#include <cstdint>
#include "platform/app.h"
#include "platform/gl_textures.h"

using namespace wg::platform;

static void store_texture(App& a, int slide, unsigned tex, int w, int h, bool opaque) {
    SlideImage& im = a.images[size_t(slide)];
    if (im.tex) {
        wg::platform::delete_texture(im.tex);
        a.budget.erase(slide);
    }
    bool had = im.arrived >= 0;
    im.tex = tex;
    im.w = w;
    im.h = h;
    im.opaque = opaque;
    im.failed = false;
    im.reason.clear();
    if (!had) im.arrived = a.now;  // cross-fade only the first arrival, not a sharper re-upload
    evict(a, a.budget.insert(slide, size_t(w) * size_t(h) * 4, a.carousel.index()));
}

static bool slide_ok(const App& a, int slide) { return a.loaded && slide >= 0 && size_t(slide) < a.images.size(); }

static bool size_ok(const App& a, int w, int h) {
    const int side = std::min(a.gl_max_texture, kMaxZoomTextureSide);
    return w > 0 && h > 0 && w <= side && h <= side;
}

extern "C" {

// Decoded pixels from a worker: w × h premultiplied RGBA that the engine holds in JS
// (Module.wgPixels); `opaque`: no pixel has alpha < 255 (the decoder checked).
EMSCRIPTEN_KEEPALIVE int wg_image_texture(int slide, int w, int h, int opaque, double t) {
    App& a = app();
    a.now = t;
    if (!slide_ok(a, slide) || !a.gl_ready || !size_ok(a, w, h)) return 0;
    const unsigned tex = wg_js_photo_texture(w, h);
    if (!tex) return 0;
    store_texture(a, slide, tex, w, h, opaque != 0);
    publish_state(a);
    return 1;
}

// A sharper part of the zoomed photo (update_wants asked for it with a crop): the part x0…y1 of the
// displayed photo, whose own size is src_w × src_h, at w × h, held like wg_image_texture's pixels.
// Kept only while that slide is still the zoomed current one.
EMSCRIPTEN_KEEPALIVE int wg_image_detail(int slide, float x0, float y0, float x1, float y1, int src_w, int src_h,
                                         int w, int h, double t) {
    App& a = app();
    a.now = t;
    if (!slide_ok(a, slide) || !a.gl_ready || !size_ok(a, w, h) || slide != a.carousel.index() ||
        !a.zoom.zoomed() || !(x1 > x0 && y1 > y0))
        return 0;
    const unsigned tex = wg_js_photo_texture(w, h);
    if (!tex) return 0;
    drop_detail(a);
    a.images[size_t(slide)].source_w = src_w;
    a.images[size_t(slide)].source_h = src_h;
    a.detail = {tex, w, h, slide, {x0, y0, x1, y1}};
    evict(a, a.budget.insert(detail_key(slide), size_t(w) * size_t(h) * 4, a.carousel.index()));
    update_wants(a);  // served: no longer wanted
    return 1;
}

// The photo could not be had (network, 404, refused, corrupt): show its placeholder with `reason`.
EMSCRIPTEN_KEEPALIVE void wg_image_failed(int slide, const char* reason) {
    App& a = app();
    if (!slide_ok(a, slide)) return;
    SlideImage& im = a.images[size_t(slide)];
    im.failed = true;
    im.reason = reason ? reason : "";
}

}  // extern "C"
