// exports_input.cpp — the C ABI's input: time-stamped pointer, wheel and key events into the core's
// motion, taps on drawn controls into actions, navigation and autoplay commands.
#include <emscripten.h>
#include <algorithm>
#include <cmath>
#include <string>
#include "platform/app.h"

using namespace wg::platform;

using wg::Hit;

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

extern "C" {

// A tap on the photo: two of them close together zoom in around the finger, or back out.
static void photo_tap(App& a, float x, float y, double t) {
    if (a.double_tap.tap(x, y, t)) a.zoom.toggle_at(x, y, t);
}

// phase: 0 down, 1 move, 2 up, 3 cancel. kind: 0 mouse, 1 touch, 2 pen.
// Returns the axis verdict for this pointer: 0 undecided, 1 horizontal (carousel drag, or panning the
// zoomed photo), 2 vertical (not ours: the page scrolls).
EMSCRIPTEN_KEEPALIVE int wg_pointer(int phase, int id, float x, float y, double t, int kind) {
    App& a = app();
    a.now = t;
    if (!a.loaded) return 0;
    using wg::motion::Gesture;
    wg::motion::PointerKind pk = kind == 1 ? wg::motion::PointerKind::Touch
                                : kind == 2 ? wg::motion::PointerKind::Pen : wg::motion::PointerKind::Mouse;
    // The carousel moves in reading order: in a right-to-left gallery a finger moving right is a move
    // towards the next slide (hit tests and the zoom stay on the drawn, mirrored layout).
    const float cx = a.rtl ? a.w - x : x;
    App::Pan& p = a.pan;
    const bool panning = p.id == id && !p.carousel;
    switch (phase) {
        case 0: {
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
            int dot = -1;
            Hit hit = L.hit_test(x, y, &dot);
            a.tap.press(id, hit, dot);
            if (a.zoom.zoomed() && hit == Hit::Photo) {  // the zoomed photo: this finger pans it
                p = {id, x, y, 0, 0, t, false};
                return 1;
            }
            a.carousel.pointer_down(id, cx, y, t, pk);
            return 0;
        }
        case 1: {
            if (panning) {
                const float dx = x - p.x, dy = y - p.y;
                const double dt = std::max(1.0, t - p.t);
                p.vx = float(dx / dt), p.vy = float(dy / dt), p.x = x, p.y = y, p.t = t;
                if (dx != 0 || dy != 0) a.tap.dragged(id);
                const float left = a.zoom.pan(dx, dy, t);
                if (left != 0 && std::abs(dx) >= std::abs(dy)) {
                    // The photo's edge is reached: the rest of the move is the carousel's (as PhotoSwipe).
                    p.carousel = true;
                    a.zoom.pan_end(0, 0, t);
                    const float from = x - left;
                    a.carousel.pointer_down(id, a.rtl ? a.w - from : from, y, t, pk);
                    a.carousel.pointer_move(id, cx, y, t);
                }
                return 1;
            }
            Gesture gz = a.carousel.pointer_move(id, cx, y, t);
            if (gz != Gesture::Undecided) a.tap.dragged(id);
            return gz == Gesture::Horizontal || p.id == id ? 1 : gz == Gesture::Vertical ? 2 : 0;
        }
        case 2: {
            if (panning) {
                p.id = -1;
                int dot = -1;
                wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
                const Hit tapped = a.tap.release(id, L.hit_test(x, y, &dot), dot, &dot);
                if (tapped == Hit::Photo) photo_tap(a, x, y, t);
                else a.zoom.pan_end(p.vx, p.vy, t);
                publish_state(a);
                return 0;
            }
            if (p.id == id) p.id = -1;
            a.carousel.pointer_up(id, cx, y, t);
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
            int dot = -1;
            Hit hit = L.hit_test(x, y, &dot);
            Hit tapped = a.tap.release(id, hit, dot, &dot);
            if (tapped == Hit::Photo) photo_tap(a, x, y, t);
            else if (tapped != Hit::None) act(a, tapped, dot, t);
            drain_settled(a);
            return 0;
        }
        default:
            if (p.id == id) {
                p.id = -1;
                a.zoom.pan_end(0, 0, t);
            }
            a.carousel.pointer_cancel(id, t);
            a.tap.cancel();
            return 0;
    }
}

// Two fingers on the photo (the shim has cancelled the first one's drag): phase 0 start, 1 move,
// 2 end; their places in CSS px. They zoom around their midpoint.
EMSCRIPTEN_KEEPALIVE void wg_pinch(int phase, float ax, float ay, float bx, float by, double t) {
    App& a = app();
    a.now = t;
    if (!a.loaded) return;
    a.double_tap.reset();
    if (phase == 0) a.zoom.pinch_start(ax, ay, bx, by, t);
    else if (phase == 1) a.zoom.pinch_move(ax, ay, bx, by, t);
    else {
        a.zoom.pinch_move(ax, ay, bx, by, t);  // where the fingers were last (a busy page may coalesce moves)
        a.zoom.pinch_end(t);
    }
}

// Returns 1 if the wheel event belongs to the gallery (the shim then prevents the page's own
// scroll, zoom or history swipe), 0 if the page should have it. ctrl: a ctrl/⌘ wheel or a trackpad
// pinch, which zooms the photo around (x, y); while zoomed, a wheel pans the photo.
EMSCRIPTEN_KEEPALIVE int wg_wheel(float dx, float dy, double t, int ctrl, float x, float y) {
    App& a = app();
    a.now = t;
    if (!a.loaded) return 0;
    if (ctrl) {
        // A notch (±100 px) is a 1.5× step; a trackpad pinch's small deltas zoom smoothly.
        const float f = std::clamp(std::exp(-dy * 0.004f), 0.66f, 1.5f);
        a.zoom.zoom_by(f, x, y, t);
        publish_state(a);
        return 1;
    }
    if (a.zoom.zoomed()) {
        a.zoom.pan(-dx, -dy, t);
        a.zoom.pan_end(0, 0, t);
        return 1;
    }
    bool ours = a.carousel.wheel(a.rtl ? -dx : dx, dy, t);  // reading order, as pointers
    drain_settled(a);
    return ours ? 1 : 0;
}

// The accessible Zoom button: in around the photo's middle, or back out.
EMSCRIPTEN_KEEPALIVE void wg_zoom_toggle(double t) {
    App& a = app();
    if (!a.loaded) return;
    const wg::motion::ZoomBox b = a.zoom.box();
    a.zoom.toggle_at(b.x + b.w / 2, b.y + b.h / 2, t);
}

// key: 1 previous, 2 next, 3 Home, 4 End (the shim maps ArrowLeft/Right by the gallery's direction).
// 5 zoom in, 6 zoom out, 7 back to the whole photo (Escape), 8–11 pan the zoomed photo left, right,
// up, down (the arrows while zoomed).
EMSCRIPTEN_KEEPALIVE void wg_key(int key, double t) {
    App& a = app();
    a.now = t;
    if (!a.loaded || key < 1 || key > 11) return;
    const wg::motion::ZoomBox b = a.zoom.box();
    const float mx = b.x + b.w / 2, my = b.y + b.h / 2;
    if (key >= 5) {
        if (key == 5 || key == 6) a.zoom.zoom_by(key == 5 ? 1.5f : 1 / 1.5f, mx, my, t);
        else if (key == 7) a.zoom.reset(t);
        else {
            constexpr float kStep = 60;  // CSS px per arrow press
            a.zoom.pan(key == 8 ? kStep : key == 9 ? -kStep : 0, key == 10 ? kStep : key == 11 ? -kStep : 0, t);
            a.zoom.pan_end(0, 0, t);
        }
        publish_state(a);
        return;
    }
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


}  // extern "C"
