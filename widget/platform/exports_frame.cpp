// exports_frame.cpp — the C ABI's frames, drawn only when the engine asks (input, animation, photo
// arrival, resize): the frame itself (frame_compositor.h says what is on it), when the next one is
// due, whether the first photo is shown, and the stats.
#include <emscripten.h>
#include <emscripten/html5_webgl.h>
#include <malloc.h>
#include <algorithm>
#include <cmath>
#include <string>
#include "core/frame_model.h"
#include "core/text_format.h"
#include "platform/app.h"
#include "platform/frame_compositor.h"

using namespace wg::platform;

extern "C" {

// Draws one frame at time t (ms). Returns 1 if another frame is needed (animation running).
EMSCRIPTEN_KEEPALIVE int wg_frame(double t) {
    App& a = app();
    a.now = t;
    if (!a.gl_ready || !a.loaded || a.w <= 0 || a.h <= 0) return 0;
    double start = emscripten_get_now();
    emscripten_webgl_make_context_current(a.gl);
    a.carousel.update(t);
    a.zoom.update(t);
    drain_settled(a);
    const bool moving = a.carousel.animating() || !a.zoom.settled();
    a.render_scale.frame(t, moving);
    const int images_before = a.text.rasterized();
    a.text.set_dpr(a.dpr);
    int fbw = int(std::lround(a.w * a.dpr)), fbh = int(std::lround(a.h * a.dpr));
    ImDrawList* dl = a.frame.begin(float(fbw), float(fbh), a.renderer.white());

    // What is on this frame: the slides on screen with their layouts, photos and fades.
    std::vector<wg::Layout> layouts;
    wg::Layout chrome;
    bool fading = false;
    const wg::render::FrameView v = compose_frame(a, t, layouts, chrome, &fading);
    wg::render::draw_frame(dl, a.text, a.theme, v);

    const ImDrawList& list = a.frame.end();
    const float scale = a.render_scale.scale();
    const int bw = std::max(1, int(std::lround(fbw * scale))), bh = std::max(1, int(std::lround(fbh * scale)));
    wg_js_size_buffer(bw, bh);
    a.renderer.render(list, fbw, fbh, bw, bh, a.theme.background >> 8);  // theme colours are 0xRRGGBBAA
    a.last_draw_calls = list.CmdBuffer.Size;
    a.last_vertices = list.VtxBuffer.Size;
    a.text.next_frame();
    if (moving && a.text.rasterized() != images_before) ++a.text_in_motion;  // should stay 0 (warm_neighbours)
    // At rest: the neighbours' text is drawn now, so no frame of the next swipe has to (text images
    // take milliseconds each); images unused for a while go when over the budget.
    if (!moving && !fading) {
        warm_neighbours(a, t);
        a.text.trim(kTextBudgetBytes, 2);
    }
    a.frames++;
    a.last_frame_ms = emscripten_get_now() - start;
    if (a.zoom.settled()) publish_state(a);  // the zoom settled: its level goes to the page
    return a.carousel.animating() || a.zoom.animating() || fading ? 1 : 0;
}

// 1 once the current slide's photo has been drawn fully faded in, or its placeholder with the reason
// it failed: the gallery is `ready`, and the poster over the canvas may go without a flash.
EMSCRIPTEN_KEEPALIVE int wg_photo_settled(void) {
    const App& a = app();
    const size_t i = size_t(a.carousel.index());
    if (!a.loaded || !a.gl_ready || i >= a.images.size()) return 0;
    const SlideImage& im = a.images[i];
    return im.failed || (im.tex && wg::photo_fade(a.now, im.arrived, kPhotoFadeMs) >= 1.f) ? 1 : 0;
}

// 1 if slide `slide` is on the frame the carousel's position makes (core/frame_model.h): a photo
// arriving for a slide off screen changes nothing drawn, and needs no frame.
EMSCRIPTEN_KEEPALIVE int wg_slide_shown(int slide) {
    for (const wg::SlideOnScreen& s : slides_on_screen(app()))
        if (s.index == slide) return 1;
    return 0;
}

// 1 while the carousel moves (drag, snap, fade): the stats' `animating`, asked without building them.
EMSCRIPTEN_KEEPALIVE int wg_animating(void) { return app().carousel.animating() || !app().zoom.settled() ? 1 : 0; }

// When the next frame is due without input (autoplay), in ms from now; -1 if never.
EMSCRIPTEN_KEEPALIVE double wg_next_wake(double t) {
    App& a = app();
    double w = a.carousel.next_wake(t);
    return std::isfinite(w) ? std::max(0.0, w - t) : -1.0;
}

// What laying out and drawing the text of slide i (-1: the current one) costs from scratch (no widths,
// no images kept), in ms: the benchmark's figure. The text is then ready as if warmed.
EMSCRIPTEN_KEEPALIVE double wg_text_cost(int slide) {
    App& a = app();
    if (!a.gl_ready || !a.loaded) return -1;
    if (slide < 0) slide = a.carousel.index();
    emscripten_webgl_make_context_current(a.gl);
    a.text.drop_measures();
    a.text.drop_images();
    const double t0 = emscripten_get_now();
    warm_slide(a, a.now, slide);
    return emscripten_get_now() - t0;
}

EMSCRIPTEN_KEEPALIVE const char* wg_stats(void) {
    App& a = app();
    struct mallinfo mi = mallinfo();
    a.out = "{\"framesRendered\":" + std::to_string(a.frames) + ",\"lastFrameMs\":" + wg::decimal(a.last_frame_ms, 3) +
            ",\"texturesResident\":" + std::to_string(a.budget.count()) +
            ",\"textureBytes\":" + std::to_string(a.budget.bytes()) + ",\"heapBytes\":" + std::to_string(mi.uordblks) +
            ",\"renderScale\":" + wg::decimal(a.render_scale.scale(), 3) +
            ",\"reducedMotions\":" + std::to_string(a.render_scale.reduced_motions()) +
            ",\"textImages\":" + std::to_string(a.text.rasterized()) +
            ",\"textMs\":" + wg::decimal(a.text.raster_ms(), 1) + ",\"textBytes\":" + std::to_string(a.text.bytes()) +
            ",\"textInMotion\":" + std::to_string(a.text_in_motion) +
            ",\"drawCalls\":" + std::to_string(a.last_draw_calls) + ",\"vertices\":" + std::to_string(a.last_vertices) +
            ",\"zoom\":" + wg::decimal(a.zoom.scale(), 2) +
            ",\"zoomDetail\":[" + std::to_string(a.detail.w) + "," + std::to_string(a.detail.h) + "," +
            wg::decimal(a.detail.crop.w(), 4) + "," + wg::decimal(a.detail.crop.h(), 4) + "]" +
            ",\"animating\":" + (a.carousel.animating() || !a.zoom.settled() ? "true" : "false") + "}";
    return a.out.c_str();
}

}  // extern "C"
