// exports.cpp — the one C ABI between the JS shim and the widget. One gallery per wasm instance
// (the shim compiles the module once and instantiates it per gallery, so galleries share code but
// not memory or failure). Every export is safe to call at any time, before init included.
//
// Buffer ownership across this boundary: every pointer JS passes in was _malloc'ed by JS and is
// freed by JS after the call returns (wasm copies what it keeps), except wg_image_pixels, which
// takes ownership of its pixel buffer. Every const char* returned points into one wasm-owned
// buffer, valid until the next export call.
//
// Index: [SECTION] state  [SECTION] events  [SECTION] lifecycle  [SECTION] gallery
//        [SECTION] input  [SECTION] images  [SECTION] frame  [SECTION] stats
#include <emscripten.h>
#include <emscripten/html5_webgl.h>
#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/control_tap.h"
#include "core/frame_model.h"
#include "core/gallery_json.h"
#include "core/image_choice.h"
#include "core/layout.h"
#include "core/motion/carousel.h"
#include "core/text_format.h"
#include "core/texture_budget.h"
#include "core/url_policy.h"
#include "platform/gl_renderer.h"
#include "platform/gl_textures.h"
#include "render/fonts.h"
#include "render/frame_list.h"
#include "render/view.h"

extern "C" {
int wg_js_create_context(void);
void wg_js_delete_context(int handle);
void wg_js_event(const char* type, const char* json);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] state
//-------------------------------------------------------------------------------------------------
namespace {

using wg::Hit;

// Photos are never uploaded larger than this on a side: WebGL2 guarantees 2048, and a bigger
// texture would not be sharper on any phone or laptop screen the widget is shown on.
constexpr int kMaxTextureSide = 2048;
// A photo is re-requested at a larger size when the displayed size outgrows it by this factor
// (e.g. entering fullscreen), not for every small resize.
constexpr float kResampleFactor = 1.25f;
// Cross-fade of a photo arriving over its placeholder.
constexpr double kPhotoFadeMs = 180;

struct SlideImage {
    unsigned tex = 0;       // GL texture, 0 if not resident
    int w = 0, h = 0;       // texture size in pixels
    double arrived = -1;    // time the texture arrived (cross-fade start)
    bool failed = false;
    std::string reason;     // short message shown in the placeholder
};

struct App {
    int gl = 0;                          // Emscripten GL context handle (0 = none / lost)
    bool gl_ready = false;               // renderer initialised on `gl`
    bool started = false;                // wg_init ran
    wg::platform::GlRenderer renderer;
    wg::render::FrameList frame;
    bool loaded = false;
    wg::Gallery gallery;
    std::string all_text;                // every string drawn: decides the glyphs in the atlas
    wg::motion::Carousel carousel;
    wg::render::FontSet fonts;
    bool atlas_uploaded = false;
    float w = 0, h = 0, dpr = 1;         // CSS px box and device pixel ratio
    float font_scale = 1;
    wg::render::Theme theme = wg::render::light_theme();
    std::vector<SlideImage> images;
    wg::TextureBudget budget;
    bool reduced_motion = false;         // prefers-reduced-motion: moves without animation
    bool fullscreen = false;             // the host element is the fullscreen element
    bool expanded = false, show_arrows = true, show_header = false;
    wg::render::Focus focus;
    wg::ControlTap tap;                  // a press on a drawn control, until it is a tap or a drag
    double now = 0;                      // last time JS gave us
    unsigned frames = 0;
    double last_frame_ms = 0;
    std::string want_sent;               // last "want" payload, to send only changes
    std::string state_sent;              // last "state" payload (publish_state), to send only changes
    std::string state_key;               // what that payload was computed from (publish_state)
    int atlas_builds = 0;                // glyph atlas rebuilds: text metrics changed
    std::string out;                     // buffer behind returned strings
};

App* g_app = nullptr;


App& app() {
    if (!g_app) g_app = new App();
    return *g_app;
}

float photo_aspect(const App& a) {
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
    const SlideImage* im = index >= 0 && size_t(index) < a.images.size() ? &a.images[size_t(index)] : nullptr;
    in.image_aspect = im && im->tex && im->h > 0 ? float(im->w) / float(im->h) : 0.f;
    return in;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] events — C++ → JS through the one hook
//-------------------------------------------------------------------------------------------------
void emit(const char* type, const std::string& json) { wg_js_event(type, json.c_str()); }

// Tells JS which photos to have ready, nearest first, at the pixel size they are shown at (and from
// the size of the photo that covers it, image_choice.h).
void update_wants(App& a) {
    if (!a.loaded || a.w <= 0) return;
    int n = int(a.gallery.slides.size());
    wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.fonts);
    int pw = std::min(kMaxTextureSide, int(std::ceil(L.photo_area.w * a.dpr)));
    int ph = std::min(kMaxTextureSide, int(std::ceil(L.photo_area.h * a.dpr)));
    std::string j = "[";
    bool first = true;
    for (int s : wg::TextureBudget::wanted(a.carousel.index(), n, a.gallery.options.loop)) {
        const SlideImage& im = a.images[size_t(s)];
        bool big_enough = im.tex && (im.w * kResampleFactor >= pw || im.h * kResampleFactor >= ph);
        if (im.failed || big_enough) continue;
        if (!first) j += ",";
        first = false;
        const std::string& url = wg::choose_image(a.gallery.slides[size_t(s)], pw, ph, a.gallery.options.fit);
        j += "{\"slide\":" + std::to_string(s) + ",\"url\":" + wg::json_string(url) +
             ",\"width\":" + std::to_string(pw) + ",\"height\":" + std::to_string(ph) + "}";
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
std::string controls_json(App& a) {
    if (!a.loaded || a.w <= 0) return "{}";
    wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.fonts);
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
float full_height(App& a) {
    wg::LayoutInput in = layout_input(a, a.carousel.index());
    in.expanded = true;
    return wg::compute_layout(in, a.fonts).full_height;
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
                      std::to_string(a.show_header) + std::to_string(a.fullscreen) + std::to_string(autoplay) + " " +
                      std::to_string(a.atlas_builds);
    const size_t cur = size_t(a.carousel.index());
    if (cur < a.images.size() && a.images[cur].tex)  // the photo's aspect places the credit
        key += " " + std::to_string(a.images[cur].w) + "x" + std::to_string(a.images[cur].h);
    if (key == a.state_key) return;
    a.state_key = key;
    std::string j = "{\"index\":" + std::to_string(a.carousel.index()) + ",\"count\":" +
                    std::to_string(a.gallery.slides.size()) + ",\"fullHeight\":" + wg::decimal(full_height(a), 1) +
                    ",\"controls\":" + controls_json(a) + "}";
    if (j == a.state_sent) return;
    a.state_sent = j;
    emit("state", j);
}

void drain_settled(App& a) {
    while (auto idx = a.carousel.take_settled_change()) {
        emit("slidechange", "{\"index\":" + std::to_string(*idx) + ",\"count\":" +
                                std::to_string(a.carousel.count()) + "}");
        update_wants(a);
    }
    publish_state(a);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] lifecycle
//-------------------------------------------------------------------------------------------------
void release_gl(App& a) {
    for (SlideImage& im : a.images) {
        if (a.gl) wg::platform::delete_texture(im.tex);
        if (im.tex) a.budget.erase(int(&im - a.images.data()));
        im.tex = 0;
    }
    if (a.gl_ready) a.renderer.shutdown();
    a.gl_ready = false;
    a.atlas_uploaded = false;
    a.want_sent.clear();
}

bool init_gl(App& a) {
    a.gl = wg_js_create_context();
    if (!a.gl) return false;
    emscripten_webgl_make_context_current(a.gl);
    a.gl_ready = a.renderer.init();
    return a.gl_ready;
}

}  // namespace

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
    if (!g_app) return;
    release_gl(*g_app);
    if (g_app->gl) wg_js_delete_context(g_app->gl);
    delete g_app;
    g_app = nullptr;
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
    a.gl_ready = false;
    a.atlas_uploaded = false;
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

// Fonts: TTF bytes of the regular and bold faces (copied).
EMSCRIPTEN_KEEPALIVE void wg_set_fonts(const unsigned char* regular, int regular_len, const unsigned char* bold,
                                       int bold_len) {
    App& a = app();
    std::vector<unsigned char> r, b;
    if (regular && regular_len > 0) r.assign(regular, regular + regular_len);
    if (bold && bold_len > 0) b.assign(bold, bold + bold_len);
    a.fonts.set_faces(std::move(r), std::move(b));
    a.atlas_uploaded = false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] gallery
//-------------------------------------------------------------------------------------------------

// Validates without loading (the playground's checker). Returns {"ok":…,"diagnostics":[…]}.
EMSCRIPTEN_KEEPALIVE const char* wg_validate(const char* text, int len, const char* file_name) {
    App& a = app();
    wg::ParseResult r = wg::parse_gallery(std::string_view(text ? text : "", size_t(std::max(0, len))),
                                          file_name ? file_name : "gallery.json");
    a.out = std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" +
            wg::diagnostics_to_json(r.diagnostics, file_name ? file_name : "gallery.json") + ",\"gallery\":" + (r.ok() ? wg::gallery_to_json(r.gallery) : "null") + "}";
    return a.out.c_str();
}

// Loads a gallery. On errors the previous gallery (if any) stays shown. Same result shape as
// wg_validate. `keep_index` keeps the reader's slide (the playground re-renders on every edit).
EMSCRIPTEN_KEEPALIVE const char* wg_load(const char* text, int len, const char* file_name, int keep_index, double t) {
    App& a = app();
    wg::ParseResult r = wg::parse_gallery(std::string_view(text ? text : "", size_t(std::max(0, len))),
                                          file_name ? file_name : "gallery.json");
    if (r.ok()) {
        int prev = a.loaded ? a.carousel.index() : -1;
        std::vector<wg::Slide> old_slides = a.loaded ? a.gallery.slides : std::vector<wg::Slide>{};
        std::vector<SlideImage> old_images = std::move(a.images);
        a.gallery = std::move(r.gallery);
        size_t n = a.gallery.slides.size();
        a.images.assign(n, SlideImage{});
        // Keep textures of slides whose image URL did not change; free the rest.
        for (size_t i = 0; i < old_images.size(); ++i) {
            if (!old_images[i].tex) continue;
            a.budget.erase(int(i));
            if (i < n && old_slides[i].image == a.gallery.slides[i].image) {
                a.images[i] = old_images[i];
                a.budget.insert(int(i), size_t(old_images[i].w) * size_t(old_images[i].h) * 4, 0);
            } else if (a.gl) {
                wg::platform::delete_texture(old_images[i].tex);
            }
        }
        wg::motion::CarouselConfig cfg;
        cfg.count = int(n);
        cfg.loop = a.gallery.options.loop;
        cfg.autoplay_ms = a.gallery.options.autoplay_ms;
        cfg.reduced_motion = a.reduced_motion;
        a.carousel.configure(cfg);
        int start = keep_index && prev >= 0 ? std::min(prev, int(n) - 1) : a.gallery.options.start_index;
        a.carousel.jump_to(start);
        while (a.carousel.take_settled_change()) {}
        a.all_text = a.gallery.title;
        for (const wg::Slide& s : a.gallery.slides)
            a.all_text += s.caption + s.credit + s.text + s.alt;
        a.loaded = true;
        a.want_sent.clear();
        a.state_sent.clear();
        a.state_key.clear();
        update_wants(a);
        publish_state(a);
    }
    a.out = std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" +
            wg::diagnostics_to_json(r.diagnostics, file_name ? file_name : "gallery.json") + ",\"gallery\":" + (r.ok() ? wg::gallery_to_json(a.gallery) : "null") + "}";
    return a.out.c_str();
}

EMSCRIPTEN_KEEPALIVE int wg_url_allowed(const char* url, int for_image) {
    return wg::is_allowed_url(url ? url : "", for_image ? wg::UrlUse::Image : wg::UrlUse::Link) ? 1 : 0;
}

// Box size in CSS px and the device pixel ratio (the canvas backing store is w*dpr × h*dpr).
EMSCRIPTEN_KEEPALIVE void wg_resize(float w, float h, float dpr) {
    App& a = app();
    a.w = std::max(0.f, w);
    a.h = std::max(0.f, h);
    a.dpr = std::clamp(dpr, 0.5f, 4.f);
    a.carousel.set_viewport_width(a.w);
    update_wants(a);
    publish_state(a);
}

// Reader and page settings: reduced motion, arrows (hidden on touch-only devices), header,
// expanded text, font scale, colours as 0xRRGGBBAA (0 = keep the theme's).
EMSCRIPTEN_KEEPALIVE void wg_set_view(int reduced_motion, int show_arrows, int show_header, int expanded,
                                      int fullscreen, float font_scale, int dark, unsigned bg, unsigned text,
                                      unsigned accent) {
    app().fullscreen = fullscreen != 0;
    App& a = app();
    if (a.reduced_motion != (reduced_motion != 0)) {
        a.reduced_motion = reduced_motion != 0;
        wg::motion::CarouselConfig cfg;
        cfg.count = std::max(1, int(a.gallery.slides.size()));
        cfg.loop = a.gallery.options.loop;
        cfg.autoplay_ms = a.gallery.options.autoplay_ms;
        cfg.reduced_motion = a.reduced_motion;
        a.carousel.configure(cfg);
    }
    a.show_arrows = show_arrows != 0;
    a.show_header = show_header != 0;
    a.expanded = expanded != 0;
    a.font_scale = std::clamp(font_scale, 0.5f, 3.f);
    a.theme = dark ? wg::render::dark_theme() : wg::render::light_theme();
    if (bg) a.theme.background = bg;
    if (text) a.theme.text = text;
    if (accent) a.theme.accent = accent;
    publish_state(a);
}


//-------------------------------------------------------------------------------------------------
// [SECTION] input — time-stamped events into the core's motion; taps on controls become actions
//-------------------------------------------------------------------------------------------------

static void act(App& a, Hit hit, int dot, double t) {
    switch (hit) {
        case Hit::Prev: a.carousel.prev(t); break;
        case Hit::Next: a.carousel.next(t); break;
        case Hit::Dot: if (dot >= 0) a.carousel.go_to(dot, t); break;
        case Hit::Fullscreen: emit("action", "{\"name\":\"fullscreen\"}"); break;
        case Hit::More: emit("action", std::string("{\"name\":\"") + (a.expanded ? "less" : "more") + "\"}"); break;
        default: break;
    }
}

// phase: 0 down, 1 move, 2 up, 3 cancel. kind: 0 mouse, 1 touch, 2 pen.
// Returns the axis verdict for this pointer: 0 undecided, 1 horizontal (carousel drag), 2 vertical
// (not ours: the page scrolls).
EMSCRIPTEN_KEEPALIVE int wg_pointer(int phase, int id, float x, float y, double t, int kind) {
    App& a = app();
    a.now = t;
    if (!a.loaded) return 0;
    using wg::motion::Gesture;
    wg::motion::PointerKind pk = kind == 1 ? wg::motion::PointerKind::Touch
                                : kind == 2 ? wg::motion::PointerKind::Pen : wg::motion::PointerKind::Mouse;
    switch (phase) {
        case 0: {
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.fonts);
            int dot = -1;
            Hit hit = L.hit_test(x, y, &dot);
            a.tap.press(id, hit, dot);
            a.carousel.pointer_down(id, x, y, t, pk);
            return 0;
        }
        case 1: {
            Gesture gz = a.carousel.pointer_move(id, x, y, t);
            if (gz != Gesture::Undecided) a.tap.dragged(id);
            return gz == Gesture::Horizontal ? 1 : gz == Gesture::Vertical ? 2 : 0;
        }
        case 2: {
            a.carousel.pointer_up(id, x, y, t);
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.fonts);
            int dot = -1;
            Hit hit = L.hit_test(x, y, &dot);
            Hit tapped = a.tap.release(id, hit, dot, &dot);
            if (tapped != Hit::None) act(a, tapped, dot, t);
            drain_settled(a);
            return 0;
        }
        default:
            a.carousel.pointer_cancel(id, t);
            a.tap.cancel();
            return 0;
    }
}

// Returns 1 if the wheel event belongs to the carousel (the shim then prevents the page's own
// horizontal scroll / history swipe), 0 if the page should have it.
EMSCRIPTEN_KEEPALIVE int wg_wheel(float dx, float dy, double t) {
    App& a = app();
    a.now = t;
    if (!a.loaded) return 0;
    bool ours = a.carousel.wheel(dx, dy, t);
    drain_settled(a);
    return ours ? 1 : 0;
}

// key: 1 Left, 2 Right, 3 Home, 4 End.
EMSCRIPTEN_KEEPALIVE void wg_key(int key, double t) {
    App& a = app();
    a.now = t;
    if (!a.loaded || key < 1 || key > 4) return;
    using wg::motion::Key;
    static const Key keys[] = {Key::Left, Key::Right, Key::Home, Key::End};
    a.carousel.key(keys[key - 1], t);
    drain_settled(a);
}

EMSCRIPTEN_KEEPALIVE void wg_go_to(int index, double t) {
    App& a = app();
    if (!a.loaded) return;
    a.carousel.go_to(index, t);
    drain_settled(a);
}
EMSCRIPTEN_KEEPALIVE void wg_next(double t) { if (app().loaded) { app().carousel.next(t); drain_settled(app()); } }
EMSCRIPTEN_KEEPALIVE void wg_prev(double t) { if (app().loaded) { app().carousel.prev(t); drain_settled(app()); } }
EMSCRIPTEN_KEEPALIVE void wg_hover(int on, double t) { app().carousel.set_hovered(on != 0, t); }
EMSCRIPTEN_KEEPALIVE void wg_focus(int on, double t) { app().carousel.set_focused(on != 0, t); }
EMSCRIPTEN_KEEPALIVE void wg_stop_autoplay(void) {
    app().carousel.stop_autoplay();
    publish_state(app());
}
EMSCRIPTEN_KEEPALIVE void wg_visible(int on, double t) { app().carousel.set_visible(on != 0, t); }
// The DOM control that has keyboard focus, mirrored as a ring on the canvas (hit as wg::Hit).
EMSCRIPTEN_KEEPALIVE void wg_set_focus_ring(int hit, int dot) {
    app().focus.hit = Hit(hit);
    app().focus.dot = dot;
}

// Places the carousel on a slide at once (deep link, navigation while the gallery has no GL
// context): no animation, and no slidechange (the shim knows where it put it).
EMSCRIPTEN_KEEPALIVE void wg_jump_to(int index) {
    App& a = app();
    if (!a.loaded) return;
    a.carousel.jump_to(index);
    update_wants(a);
    publish_state(a);
}

// The rotation button: 1 (re)starts autoplay at the gallery's interval, 0 stops it.
EMSCRIPTEN_KEEPALIVE void wg_set_autoplay(int on) {
    App& a = app();
    if (!a.loaded || a.gallery.options.autoplay_ms <= 0) return;
    if (!on) {
        a.carousel.stop_autoplay();
        return publish_state(a);
    }
    wg::motion::CarouselConfig cfg;
    cfg.count = int(a.gallery.slides.size());
    cfg.loop = a.gallery.options.loop;
    cfg.reduced_motion = a.reduced_motion;
    a.carousel.configure(cfg);  // autoplay 0 → interval: a changed interval restarts the clock
    cfg.autoplay_ms = a.gallery.options.autoplay_ms;
    a.carousel.configure(cfg);
    publish_state(a);
}


//-------------------------------------------------------------------------------------------------
// [SECTION] images
//-------------------------------------------------------------------------------------------------
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
    im.failed = false;
    im.reason.clear();
    if (!had) im.arrived = a.now;  // cross-fade only the first arrival, not a sharper re-upload
    for (int s : a.budget.insert(slide, size_t(w) * size_t(h) * 4, a.carousel.index())) {
        SlideImage& ev = a.images[size_t(s)];
        wg::platform::delete_texture(ev.tex);
        ev.tex = 0;
    }
}

static bool slide_ok(const App& a, int slide) { return a.loaded && slide >= 0 && size_t(slide) < a.images.size(); }

// Decoded pixels from the worker: RGBA8, premultiplied. Takes ownership of `rgba` (malloc'ed).
EMSCRIPTEN_KEEPALIVE int wg_image_pixels(int slide, int w, int h, uint8_t* rgba, double t) {
    App& a = app();
    a.now = t;
    bool ok = slide_ok(a, slide) && a.gl_ready && rgba && w > 0 && h > 0 && w <= kMaxTextureSide * 2 &&
              h <= kMaxTextureSide * 2;
    if (ok) store_pixels(a, slide, rgba, w, h);
    free(rgba);
    if (ok) publish_state(a);
    return ok ? 1 : 0;
}

// The photo could not be had (network, 404, refused, corrupt): show its placeholder with `reason`.
EMSCRIPTEN_KEEPALIVE void wg_image_failed(int slide, const char* reason) {
    App& a = app();
    if (!slide_ok(a, slide)) return;
    SlideImage& im = a.images[size_t(slide)];
    im.failed = true;
    im.reason = reason ? reason : "";
    a.all_text += im.reason;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] frame — drawn only when the shim asks (input, animation, image arrival, resize)
//-------------------------------------------------------------------------------------------------
// Draws one frame at time t (ms). Returns 1 if another frame is needed (animation running).
EMSCRIPTEN_KEEPALIVE int wg_frame(double t) {
    App& a = app();
    a.now = t;
    if (!a.gl_ready || !a.loaded || !a.fonts.has_faces() || a.w <= 0 || a.h <= 0) return 0;
    double start = emscripten_get_now();
    emscripten_webgl_make_context_current(a.gl);
    a.carousel.update(t);
    drain_settled(a);

    if (a.fonts.ensure(a.dpr, a.font_scale, a.all_text) || !a.atlas_uploaded) {
        a.atlas_builds++;
        a.renderer.set_atlas(a.fonts.atlas());
        a.atlas_uploaded = true;
        publish_state(a);  // the text is measured with the new glyphs
    }
    int fbw = int(std::lround(a.w * a.dpr)), fbh = int(std::lround(a.h * a.dpr));
    ImDrawList* dl = a.frame.begin(float(fbw), float(fbh), a.fonts.atlas());

    int n = int(a.gallery.slides.size());
    bool fade = a.gallery.options.transition == wg::Transition::Fade;
    bool animating = a.carousel.animating();
    const std::vector<wg::SlideOnScreen> on_screen =
        wg::slides_on_screen(a.carousel.position(), n, a.gallery.options.loop, fade, a.w);

    std::vector<wg::Layout> layouts;
    layouts.reserve(on_screen.size());  // SlideView keeps pointers into it
    wg::render::FrameView v;
    v.width = a.w;
    v.height = a.h;
    v.dpr = a.dpr;
    v.title = &a.gallery.title;
    v.index = a.carousel.index();
    v.count = n;
    v.show_arrows = a.show_arrows;
    v.focus = a.focus;
    v.premultiplied_blend = wg::platform::premultiplied_blend;
    for (const wg::SlideOnScreen& s : on_screen) {
        layouts.push_back(wg::compute_layout(layout_input(a, s.index), a.fonts));
        wg::render::SlideView sv;
        sv.layout = &layouts.back();
        sv.slide = &a.gallery.slides[size_t(s.index)];
        sv.dx = s.dx;
        sv.alpha = s.alpha;
        const SlideImage& im = a.images[size_t(s.index)];
        sv.texture = im.tex ? (ImTextureID)(intptr_t)im.tex : nullptr;
        sv.texture_alpha = im.tex ? wg::photo_fade(t, im.arrived, kPhotoFadeMs) : 0.f;
        if (sv.texture_alpha < 1.f && im.tex) animating = true;
        sv.failed = im.failed;
        sv.failure = im.reason;
        if (im.tex) a.budget.touch(s.index);
        v.slides.push_back(sv);
    }
    wg::Layout chrome = wg::compute_layout(layout_input(a, v.index), a.fonts);
    v.chrome = &chrome;
    wg::render::draw_frame(dl, a.fonts, a.theme, v);

    a.renderer.render(a.frame.end(), fbw, fbh, a.theme.background >> 8);  // theme colours are 0xRRGGBBAA
    a.frames++;
    a.last_frame_ms = emscripten_get_now() - start;
    return animating ? 1 : 0;
}

// When the next frame is due without input (autoplay), in ms from now; -1 if never.
EMSCRIPTEN_KEEPALIVE double wg_next_wake(double t) {
    App& a = app();
    double w = a.carousel.next_wake(t);
    return std::isfinite(w) ? std::max(0.0, w - t) : -1.0;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] stats
//-------------------------------------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE const char* wg_stats(void) {
    App& a = app();
    struct mallinfo mi = mallinfo();
    a.out = "{\"framesRendered\":" + std::to_string(a.frames) + ",\"lastFrameMs\":" + wg::decimal(a.last_frame_ms, 3) +
            ",\"texturesResident\":" + std::to_string(a.budget.count()) +
            ",\"textureBytes\":" + std::to_string(a.budget.bytes()) + ",\"heapBytes\":" + std::to_string(mi.uordblks) +
            ",\"animating\":" + (a.carousel.animating() ? "true" : "false") + "}";
    return a.out.c_str();
}

}  // extern "C"
