// exports_images.cpp — the C ABI's photos: decoded pixels in (uploaded as textures within the texture
// budget), failures shown as placeholders with their reason.
#include <emscripten.h>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include "core/image/pixels.h"
#include "platform/app.h"
#include "platform/gl_textures.h"

using namespace wg::platform;

static void store_pixels(App& a, int slide, const uint8_t* rgba, int w, int h) {
    SlideImage& im = a.images[size_t(slide)];
    if (im.tex) {
        wg::platform::delete_texture(im.tex);
        a.budget.erase(slide);
    }
    bool had = im.arrived >= 0;
    im.tex = wg::platform::upload_texture(rgba, w, h);
    im.w = w;
    im.h = h;
    im.opaque = wg::image::opaque(rgba, size_t(w) * size_t(h));
    im.failed = false;
    im.reason.clear();
    if (!had) im.arrived = a.now;  // cross-fade only the first arrival, not a sharper re-upload
    evict(a, a.budget.insert(slide, size_t(w) * size_t(h) * 4, a.carousel.index()));
}

static bool slide_ok(const App& a, int slide) { return a.loaded && slide >= 0 && size_t(slide) < a.images.size(); }

extern "C" {

// Decoded pixels from the worker: RGBA8, premultiplied. Takes ownership of `rgba` (malloc'ed).
EMSCRIPTEN_KEEPALIVE int wg_image_pixels(int slide, int w, int h, uint8_t* rgba, double t) {
    App& a = app();
    a.now = t;
    const int side = std::min(a.gl_max_texture, kMaxZoomTextureSide);
    bool ok = slide_ok(a, slide) && a.gl_ready && rgba && w > 0 && h > 0 && w <= side &&
              h <= side;
    if (ok) store_pixels(a, slide, rgba, w, h);
    free(rgba);
    if (ok) publish_state(a);
    return ok ? 1 : 0;
}

// A sharper part of the zoomed photo (update_wants asked for it with a crop): the part x0…y1 of the
// displayed photo, whose own size is src_w × src_h, at w × h. Kept only while that slide is still the
// zoomed current one. Takes ownership of `rgba` (malloc'ed).
EMSCRIPTEN_KEEPALIVE int wg_image_detail(int slide, float x0, float y0, float x1, float y1, int src_w, int src_h,
                                         int w, int h, uint8_t* rgba, double t) {
    App& a = app();
    a.now = t;
    const int side = std::min(a.gl_max_texture, kMaxZoomTextureSide);
    const bool ok = slide_ok(a, slide) && a.gl_ready && rgba && w > 0 && h > 0 && w <= side && h <= side &&
                    slide == a.carousel.index() && a.zoom.zoomed() && x1 > x0 && y1 > y0;
    if (ok) {
        drop_detail(a);
        a.images[size_t(slide)].source_w = src_w;
        a.images[size_t(slide)].source_h = src_h;
        a.detail.tex = wg::platform::upload_texture(rgba, w, h);
        a.detail.w = w;
        a.detail.h = h;
        a.detail.slide = slide;
        a.detail.crop = {x0, y0, x1, y1};
        evict(a, a.budget.insert(detail_key(slide), size_t(w) * size_t(h) * 4, a.carousel.index()));
    }
    free(rgba);
    if (ok) update_wants(a);  // served: no longer wanted
    return ok ? 1 : 0;
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
