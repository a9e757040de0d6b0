// app.h — the one gallery a wasm instance holds (the shim instantiates the module once per gallery,
// so galleries share code but not memory or failure) and what every export file needs of it: the
// layout's input, the events to JS (want, state, slidechange) and the GL context's setup.
#pragma once
#include <string>
#include <vector>

#include "core/control_tap.h"
#include "core/gallery.h"
#include "core/layout.h"
#include "core/motion/carousel.h"
#include "core/motion/double_tap.h"
#include "core/motion/zoom.h"
#include "core/render_scale.h"
#include "core/texture_budget.h"
#include "core/zoom_detail.h"
#include "platform/browser_text.h"
#include "platform/gl_renderer.h"
#include "render/frame_list.h"
#include "render/theme.h"
#include "render/view.h"

extern "C" {
int wg_js_create_context(void);
void wg_js_delete_context(int handle);
void wg_js_event(const char* type, const char* json);
void wg_js_size_buffer(int width, int height);
unsigned wg_js_photo_texture(int width, int height);
}

namespace wg::platform {

// Photos are never uploaded larger than this on a side: WebGL2 guarantees 2048, and a bigger
// texture would not be sharper on any phone or laptop screen the widget is shown on — unzoomed.
constexpr int kMaxTextureSide = 2048;
// A zoomed photo is wanted at the size it is shown at, up to the context's largest texture (at most
// twice the above) and this many pixels: half the texture budget's bytes, so the neighbours stay
// resident. On a phone at DPR 3 a 3:2 photo is sharp to about 2.8× (the double tap's 2.5× included).
constexpr int kMaxZoomTextureSide = 2 * kMaxTextureSide;
constexpr double kMaxZoomTexturePixels = double(wg::TextureBudget::kDefaultMaxBytes) / 2 / 4;
// A detail (the visible part of a photo zoomed in further than that) holds at most this many pixels:
// at DPR 3 a phone's photo area and half of it again around it for panning.
constexpr double kMaxDetailPixels = kMaxZoomTexturePixels / 2;
// A photo is re-requested at a larger size when the displayed size outgrows it by this factor
// (e.g. entering fullscreen), not for every small resize.
constexpr float kResampleFactor = 1.25f;
// Cross-fade of a photo arriving over its placeholder.
constexpr double kPhotoFadeMs = 180;

struct SlideImage {
    unsigned tex = 0;       // GL texture, 0 if not resident
    int w = 0, h = 0;       // texture size in pixels
    bool opaque = false;    // no transparent pixel: the letterbox colour need not be drawn under it
    double arrived = -1;    // time the texture arrived (cross-fade start)
    bool failed = false;
    std::string reason;     // short message shown in the placeholder
    int source_w = 0, source_h = 0;  // the photo's own pixels, once a detail's decode has said (0 = unknown)
};

// A sharper part of the zoomed photo (core/zoom_detail.h): the visible part decoded again at the
// screen's resolution when the whole photo's texture cannot hold that many pixels.
struct Detail {
    unsigned tex = 0;
    int w = 0, h = 0;
    int slide = -1;
    wg::image::Crop crop;   // which part of the displayed photo
};
// The texture budget knows a detail by this key (slides are ≥ 0).
constexpr int detail_key(int slide) { return -1 - slide; }

struct App {
    int gl = 0;                          // Emscripten GL context handle (0 = none / lost)
    int gl_max_texture = kMaxTextureSide; // the context's MAX_TEXTURE_SIZE (asked once, at start)
    bool gl_ready = false;               // renderer initialised on `gl`
    bool started = false;                // wg_init ran
    wg::platform::GlRenderer renderer;
    wg::render::FrameList frame;
    wg::render::FrameList warm_frame;    // an off-screen frame that only makes text images (warm_neighbours)
    bool loaded = false;
    wg::Gallery gallery;
    wg::motion::Carousel carousel;
    BrowserText text;                    // measures, breaks and draws text with the browser's engine
    float w = 0, h = 0, dpr = 1;         // CSS px box and device pixel ratio
    float font_scale = 1;
    wg::render::Theme theme = wg::render::light_theme();
    std::vector<SlideImage> images;
    wg::TextureBudget budget;
    bool reduced_motion = false;         // prefers-reduced-motion: moves without animation
    bool fullscreen = false;             // the host element is the fullscreen element
    bool rtl = false;                    // a right-to-left gallery: mirrored, text aligned right
    bool expanded = false, show_arrows = true, show_header = false;
    wg::render::Focus focus;
    wg::ControlTap tap;                  // a press on a drawn control, until it is a tap or a drag
    wg::motion::Zoom zoom;               // the current photo's zoom (reset when the slide changes)
    wg::motion::DoubleTap double_tap;
    Detail detail;                       // the current zoomed photo's sharper part, if any
    std::string zoom_where;              // the settled zoom's place last asked for photos (update_wants)
    // A finger moving the zoomed photo: its last place and time, and whether the carousel took over
    // at the photo's edge.
    struct Pan { int id = -1; float x = 0, y = 0, vx = 0, vy = 0; double t = 0; bool carousel = false; } pan;
    int zoom_sent = 100;                 // the zoom in % last published (state.zoom)
    double now = 0;                      // last time JS gave us
    unsigned frames = 0;
    double last_frame_ms = 0;
    int last_draw_calls = 0, last_vertices = 0;  // of the last frame: what the GPU was asked to do
    wg::RenderScale render_scale;        // fewer pixels while moving, if frames do not keep up
    std::string want_sent;               // last "want" payload, to send only changes
    std::string state_sent;              // last "state" payload (publish_state), to send only changes
    std::string state_key;               // what that payload was computed from (publish_state)
    int text_in_motion = 0;              // frames of a motion that had to draw text (warm_neighbours avoids them)
    int text_version = 0;                // bumped when the font changes: layouts are measured again
    std::string out;                     // buffer behind returned strings
};

App& app();
void destroy_app();
bool app_exists();

wg::LayoutInput layout_input(const App& a, int index);
void emit(const char* type, const std::string& json);
// Tells JS which photos to have ready, nearest first, at the pixel size they are shown at.
void update_wants(App& a);
// Pushes the state snapshot (index, count, controls, full text height) when it changed.
void publish_state(App& a);
// Reports settled slide changes (slidechange) and the state that follows them.
void drain_settled(App& a);
void release_gl(App& a);
// Frees the zoomed photo's sharper part (zoom left, slide changed, gallery reloaded).
void drop_detail(App& a);
// Frees what the texture budget hands back: slides' photos and the detail (negative keys).
void evict(App& a, const std::vector<int>& keys);
bool init_gl(App& a);

}  // namespace wg::platform
