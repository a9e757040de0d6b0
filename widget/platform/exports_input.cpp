// exports_input.cpp — the C ABI's input: time-stamped pointer, wheel and key events into the core's
// motion, taps on drawn controls into actions, navigation and autoplay commands.
#include <emscripten.h>
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
    // The carousel moves in reading order: in a right-to-left gallery a finger moving right is a move
    // towards the next slide (hit tests stay on the drawn, mirrored layout).
    const float cx = a.rtl ? a.w - x : x;
    switch (phase) {
        case 0: {
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
            int dot = -1;
            Hit hit = L.hit_test(x, y, &dot);
            a.tap.press(id, hit, dot);
            a.carousel.pointer_down(id, cx, y, t, pk);
            return 0;
        }
        case 1: {
            Gesture gz = a.carousel.pointer_move(id, cx, y, t);
            if (gz != Gesture::Undecided) a.tap.dragged(id);
            return gz == Gesture::Horizontal ? 1 : gz == Gesture::Vertical ? 2 : 0;
        }
        case 2: {
            a.carousel.pointer_up(id, cx, y, t);
            wg::Layout L = wg::compute_layout(layout_input(a, a.carousel.index()), a.text);
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
    bool ours = a.carousel.wheel(a.rtl ? -dx : dx, dy, t);  // reading order, as pointers
    drain_settled(a);
    return ours ? 1 : 0;
}

// key: 1 previous, 2 next, 3 Home, 4 End (the shim maps ArrowLeft/Right by the gallery's direction).
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


}  // extern "C"
