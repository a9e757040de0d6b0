// app.cpp — the gallery a wasm instance holds, and its events to JS (app.h).
#include "platform/app.h"

#include <emscripten/html5_webgl.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

#include "core/image_choice.h"
#include "core/text_format.h"
#include "platform/gl_textures.h"

namespace wg::platform {
namespace {
App* g_app = nullptr;
}  // namespace

App& app() {
    if (!g_app) g_app = new App();
    return *g_app;
}

void destroy_app() {
    delete g_app;
    g_app = nullptr;
}

bool app_exists() { return g_app != nullptr; }

static float photo_aspect(const App& a) {
    // The photo area keeps the first slide's aspect for the whole gallery (the shim reserves the
    // same box before the wasm arrives), so the page never jumps while the reader swipes.
    if (!a.gallery.slides.empty()) {
        const wg::Slide& s = a.gallery.slides.front();
        if (s.width > 0 && s.height > 0) return float(s.width) / float(s.height);
    }
    return 1.5f;
}

wg::LayoutInput layout_input(const App& a, int index) {
    wg::LayoutInput in;
    in.width = a.w;
    in.height = a.h;
    in.font_scale = a.font_scale;
    in.photo_aspect = photo_aspect(a);
    in.fit = a.gallery.options.fit;
    in.index = index;
    in.count = int(a.gallery.slides.size());
    in.slide = index >= 0 && index < in.count ? &a.gallery.slides[size_t(index)] : nullptr;
    in.title = &a.gallery.title;
    in.show_header = a.show_header;
    in.show_arrows = a.show_arrows;
    in.expanded = a.expanded;
    in.fullscreen = a.fullscreen;
    in.rtl = a.rtl;
    const SlideImage* im = index >= 0 && size_t(index) < a.images.size() ? &a.images[size_t(index)] : nullptr;
    in.image_aspect = im && im->tex && im->h > 0 ? float(im->w) / float(im->h) : 0.f;
    return in;
}

void emit(const char* type, const std::string& json) { wg_js_event(type, json.c_str()); }

// The zoomed current photo as zoom_detail() sees it; false when it is not zoomed or has no texture.
static bool detail_input(const App& a, const wg::Layout& L, wg::DetailInput* in) {
    const size_t i = size_t(a.carousel.index());
    if (!a.zoom.zoomed() || i >= a.images.size() || !a.images[i].tex) return false;
    const SlideImage& im = a.images[i];
    if (!im.opaque) return false;  // drawn over the whole photo, a see-through part would show twice
    const wg::motion::ZoomBox b = a.zoom.box();  // shows uv0…uv1 of the photo
    in->photo = wg::whole_photo({b.x, b.y, b.w, b.h}, L.uv0x, L.uv0y, L.uv1x, L.uv1y);
    if (in->photo.empty()) return false;
    in->view = L.photo_area;
    in->dpr = a.dpr;
    in->whole_w = im.w;
    in->whole_h = im.h;
    in->source_w = im.source_w;
    in->source_h = im.source_h;
    in->max_pixels = kMaxDetailPixels;
    in->max_side = std::min(a.gl_max_texture, kMaxZoomTextureSide);
    return true;
}

void drop_detail(App& a) {
    if (!a.detail.tex) return;
    if (a.gl) wg::platform::delete_texture(a.detail.tex);
    a.budget.erase(detail_key(a.detail.slide));
    a.detail = Detail{};
}

void evict(App& a, const std::vector<int>& keys) {
    for (int s : keys) {
        if (s < 0) {
            drop_detail(a);
            continue;
        }
        SlideImage& ev = a.images[size_t(s)];
        wg::platform::delete_texture(ev.tex);
        ev.tex = 0;
    }
}

// Tells JS which photos to have ready, nearest first, at the pixel size they are shown at (and from
// the size of the photo that covers it, image_choice.h).
void update_wants(App& a) {
    if (!a.loaded || a.w <= 0) return;
    int n = int(a.gallery.slides.size());
    wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
    int pw = std::min(kMaxTextureSide, int(std::ceil(L.photo_area.w * a.dpr)));
    int ph = std::min(kMaxTextureSide, int(std::ceil(L.photo_area.h * a.dpr)));
    std::string j = "[";
    bool first = true;
    // The zoomed photo is wanted at the size it is shown at (up to the texture limit), so it is sharp;
    // back at the whole photo the large texture is replaced by one of the usual size (memory).
    const float zoom = a.zoom.scale();
    int wanted_w = 0, wanted_h = 0;  // the current photo's whole texture asked for anew, if it is
    for (int s : wg::TextureBudget::wanted(a.carousel.index(), n, a.gallery.options.loop)) {
        const SlideImage& im = a.images[size_t(s)];
        const bool current = s == a.carousel.index();
        if (current && im.tex && !a.zoom.settled()) continue;  // the zoom is moving: asked again once it rests
        int sw = pw, sh = ph;
        if (current && zoom > 1) {
            const double side = std::min(a.gl_max_texture, kMaxZoomTextureSide);
            double zw = L.photo_area.w * a.dpr * zoom, zh = L.photo_area.h * a.dpr * zoom;
            const double k = std::min({1.0, side / zw, side / zh, std::sqrt(kMaxZoomTexturePixels / (zw * zh))});
            sw = int(std::ceil(zw * k)), sh = int(std::ceil(zh * k));
        }
        const bool big_enough = im.tex && (im.w * kResampleFactor >= sw || im.h * kResampleFactor >= sh);
        // Left over from a zoom (the current slide back at the whole photo, or a slide left while zoomed).
        const bool too_big = (!current || zoom <= 1) && im.tex && 2 * im.w > 3 * pw && 2 * im.h > 3 * ph;
        if (im.failed || (big_enough && !too_big)) continue;
        if (current) wanted_w = sw, wanted_h = sh;
        if (!first) j += ",";
        first = false;
        const std::string& url = wg::choose_image(a.gallery.slides[size_t(s)], sw, sh, a.gallery.options.fit);
        j += "{\"slide\":" + std::to_string(s) + ",\"url\":" + wg::json_string(url) +
             ",\"width\":" + std::to_string(sw) + ",\"height\":" + std::to_string(sh) + "}";
    }
    // Zoomed in further than that texture holds: the part on screen again, at the screen's pixels.
    wg::DetailInput in;
    if (a.zoom.settled() && detail_input(a, L, &in)) {
        // A larger whole texture on its way may hold enough: judged by what it will be.
        in.whole_w = std::max(in.whole_w, wanted_w);
        in.whole_h = std::max(in.whole_h, wanted_h);
        const wg::DetailNeed need = wg::zoom_detail(in);
        const int cur = a.carousel.index();
        if (!need.wanted) {
            drop_detail(a);
        } else if (!(a.detail.tex && a.detail.slide == cur && wg::detail_serves(a.detail.crop, a.detail.w, a.detail.h, in))) {
            const wg::image::Crop& c = need.crop;
            const std::string& url = wg::choose_image(a.gallery.slides[size_t(cur)], int(in.photo.w * a.dpr),
                                                      int(in.photo.h * a.dpr), a.gallery.options.fit);
            j += std::string(first ? "" : ",") + "{\"slide\":" + std::to_string(cur) + ",\"url\":" + wg::json_string(url) +
                 ",\"width\":" + std::to_string(need.width) + ",\"height\":" + std::to_string(need.height) +
                 ",\"crop\":[" + wg::decimal(c.x0, 5) + "," + wg::decimal(c.y0, 5) + "," + wg::decimal(c.x1, 5) + "," +
                 wg::decimal(c.y1, 5) + "]}";
        }
    } else if (a.zoom.settled()) {
        drop_detail(a);  // back at the whole photo
    }
    j += "]";
    if (j != a.want_sent) {
        a.want_sent = j;
        emit("want", j);
    }
}

// Where the current layout draws its controls, so the shim lays its DOM buttons over them: CSS px
// rects [x,y,w,h], a key left out when that control is not drawn; "autoplay": 0 none, 1 on (maybe
// paused), 2 stopped.
static std::string controls_json(App& a) {
    if (!a.loaded || a.w <= 0) return "{}";
    wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
    auto rect = [](const wg::Rect& r) {
        return "[" + wg::decimal(r.x, 1) + "," + wg::decimal(r.y, 1) + "," + wg::decimal(r.w, 1) + "," + wg::decimal(r.h, 1) + "]";
    };
    std::string j = "{\"photo\":" + rect(L.photo_area);
    if (a.show_arrows && a.gallery.slides.size() > 1) j += ",\"prev\":" + rect(L.prev) + ",\"next\":" + rect(L.next);
    if (!L.fullscreen_button.empty()) j += ",\"fullscreen\":" + rect(L.fullscreen_button);
    if (!L.more_button.empty()) j += ",\"more\":" + rect(L.more_button);
    j += ",\"dots\":[";
    for (size_t i = 0; i < L.dots.size(); ++i) j += (i ? "," : "") + rect(L.dots[i]);
    int autoplay = a.gallery.options.autoplay_ms <= 0 ? 0 : a.carousel.autoplay_active() ? 1 : 2;
    return j + "],\"expanded\":" + std::string(a.expanded ? "true" : "false") + ",\"autoplay\":" + std::to_string(autoplay) + "}";
}

// Height (CSS px) the box needs to show all text of the current slide at this width.
static float full_height(App& a) {
    wg::LayoutInput in = layout_input(a, a.carousel.index());
    in.expanded = true;
    return wg::compute_layout(in, a.text).full_height;
}

// What the DOM needs of the wasm, pushed as a snapshot whenever it changes instead of asked for:
// the slide, where the controls are, the height of the whole text. A call into the module never has
// to return an answer the page needs at once, so the module can move to a worker (issue 14).
void publish_state(App& a) {
    if (!a.loaded) return;
    // Laying out costs a frame time: only when something the snapshot depends on has changed.
    int autoplay = a.gallery.options.autoplay_ms <= 0 ? 0 : a.carousel.autoplay_active() ? 1 : 2;
    std::string key = std::to_string(a.carousel.index()) + " " + std::to_string(a.gallery.slides.size()) + " " +
                      wg::decimal(a.w, 2) + " " + wg::decimal(a.h, 2) + " " + wg::decimal(a.dpr, 3) + " " +
                      wg::decimal(a.font_scale, 3) + " " + std::to_string(a.expanded) + std::to_string(a.show_arrows) +
                      std::to_string(a.show_header) + std::to_string(a.fullscreen) + std::to_string(a.rtl) + std::to_string(autoplay) + " " +
                      std::to_string(a.text_version);
    // The zoom once it rests (the page announces it and follows it with its Zoom button).
    if (a.zoom.settled()) {
        const int z = int(std::lround(a.zoom.scale() * 100));
        // Where the zoomed photo rests (a pan moves it): only while zoomed, the one case it matters.
        std::string where;
        if (z > 100) {
            const wg::motion::ZoomBox b = a.zoom.box();
            where = wg::decimal(b.x, 0) + "," + wg::decimal(b.y, 0) + "," + wg::decimal(b.w, 0);
        }
        if (z != a.zoom_sent || where != a.zoom_where) {
            a.zoom_sent = z;
            a.zoom_where = std::move(where);
            update_wants(a);  // a sharper photo (or part of it) for the zoom, or the usual one back
        }
    }
    key += " z" + std::to_string(a.zoom_sent);
    const size_t cur = size_t(a.carousel.index());
    if (cur < a.images.size() && a.images[cur].tex)  // the photo's aspect places the credit
        key += " " + std::to_string(a.images[cur].w) + "x" + std::to_string(a.images[cur].h);
    if (key == a.state_key) return;
    a.state_key = key;
    std::string j = "{\"index\":" + std::to_string(a.carousel.index()) + ",\"count\":" +
                    std::to_string(a.gallery.slides.size()) + ",\"fullHeight\":" + wg::decimal(full_height(a), 1) +
                    ",\"zoom\":" + std::to_string(a.zoom_sent) + ",\"controls\":" + controls_json(a) + "}";
    if (j == a.state_sent) return;
    a.state_sent = j;
    emit("state", j);
}

void drain_settled(App& a) {
    while (auto idx = a.carousel.take_settled_change()) {
        a.zoom.snap_to_rest();  // another slide: its photo whole
        drop_detail(a);
        a.double_tap.reset();
        emit("slidechange", "{\"index\":" + std::to_string(*idx) + ",\"count\":" +
                                std::to_string(a.carousel.count()) + "}");
        update_wants(a);
    }
    publish_state(a);
}

void release_gl(App& a) {
    for (SlideImage& im : a.images) {
        if (a.gl) wg::platform::delete_texture(im.tex);
        if (im.tex) a.budget.erase(int(&im - a.images.data()));
        im.tex = 0;
    }
    drop_detail(a);
    if (a.gl && a.gl_ready) a.text.drop_images();
    if (a.gl_ready) a.renderer.shutdown();
    a.gl_ready = false;
    a.want_sent.clear();
}

bool init_gl(App& a) {
    a.gl = wg_js_create_context();
    if (!a.gl) return false;
    emscripten_webgl_make_context_current(a.gl);
    a.gl_ready = a.renderer.init();
    GLint max_tex = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);  // once per context, never per frame
    a.gl_max_texture = std::max(kMaxTextureSide, int(max_tex));
    return a.gl_ready;
}

}  // namespace wg::platform
