// carousel.h — the carousel's motion: the one composition root wiring the small parts (drag,
// release, tween, bounds, counter, wheel gesture, autoplay). Pure: time and input are values.
// Positions are in slides (slide i at rest is position i). Drawing and the DOM are not here.
#pragma once
#include <cmath>
#include <optional>

#include "core/motion/autoplay.h"
#include "core/motion/counter.h"
#include "core/motion/drag.h"
#include "core/motion/input.h"
#include "core/motion/tween.h"
#include "core/motion/wheel_gesture.h"

namespace wg::motion {

struct CarouselConfig {
    int count = 1;               // slides; < 1 moves like one still slide (count() still says 0)
    bool loop = false;           // wrap last → first; needs ≥ 2 slides
    bool reduced_motion = false; // every move jumps to its target: no animation frames
    int autoplay_ms = 0;         // 0 = off
    // Tuning thresholds are named constants in motion/thresholds.h.
};

// Time `t` is in ms (performance.now()); an earlier t than one already seen counts as the latest.
// Every input first advances the animation to its t, so what a pointer catches is what was shown.
// Pointer and wheel samples keep their own t for speed and gesture gaps, though: input handled late
// (a busy main thread, stamped with the event's time) must still measure the finger, not the delay.
class Carousel {
public:
    explicit Carousel(CarouselConfig cfg = {});
    // count/loop may change (playground edits): keeps the slide if still valid (else the last),
    // drops any drag or animation. Changing autoplay_ms restarts autoplay.
    void configure(CarouselConfig cfg);
    // Places the carousel on a slide at once (start index, deep link): no animation, no
    // settled change reported (the caller knows where it put it).
    void jump_to(int index);  // index clamped to [0, count-1]
    // px per slide; a resize mid-drag re-anchors the drag, so nothing jumps. ≤ 0 or NaN ignored.
    void set_viewport_width(float css_px);

    // Only one pointer at a time; others are ignored until it is up (pointer_move returns
    // Undecided for them). Ignored while the viewport width is unknown.
    void pointer_down(int id, float x, float y, double t, PointerKind kind);
    Gesture pointer_move(int id, float x, float y, double t);
    void pointer_up(int id, float x, float y, double t);
    void pointer_cancel(int id, double t);  // the browser took the pointer: back to where it was
    // Returns true when the event was mostly horizontal, i.e. the carousel's: the platform should
    // preventDefault it (no page scroll, no history swipe). One slide per gesture.
    bool wheel(float dx, float dy, double t);
    void key(Key k, double t);                 // ignored while a pointer holds the carousel
    void go_to(int index, double t);           // index clamped to [0, count-1]; with loop the
                                               // shortest way round
    void next(double t);
    void prev(double t);
    void set_hovered(bool h, double t);
    void set_focused(bool f, double t);
    void set_visible(bool v, double t);        // page hidden / scrolled out: autoplay waits
    void stop_autoplay();
    void update(double t);                     // advance animation and autoplay to t

    double position() const;   // slides; with loop in [0, count); without, rubber-band beyond ends
    int index() const;         // the counter's slide: target while animating, nearest while dragging
    int count() const { return cfg_.count > 0 ? cfg_.count : 0; }
    bool animating() const;    // a frame is needed (dragging or snapping)
    // When update() is next needed for autoplay (INFINITY: never). While animating() the platform
    // calls update() every frame anyway; this is for the timer it sets when nothing moves.
    double next_wake(double t) const;
    bool dragging() const { return phase_ == Phase::Drag; }
    std::optional<int> take_settled_change();  // once per change of the settled slide
    bool autoplay_active() const { return autoplay_.active(); }  // on and not stopped (may be paused)

private:
    enum class Phase {
        Rest,  // pos_ == target_, nothing moves
        Snap,  // tween_ carries pos_ to target_
        Held,  // a pointer is down, axis undecided: motion frozen where it was caught
        Drag,  // a horizontal pointer moves pos_ 1:1
    };

    void advance(double t);            // clock + animation (autoplay only in update())
    void seek(int target, double t, double velocity);  // animate (or jump) to an unbounded target,
                                                       // leaving at velocity (slides/ms)
    void settle();                     // arrived: renormalise the loop, record the slide
    void interact() { autoplay_.stop(); }  // reader input: autoplay stops for good
    double drag_position() const;      // pos_ for the drag's current x
    void re_anchor();                  // drag continues from pos_ at the current x
    double raw_of(double shown) const; // undo the rubber band (no loop)
    double velocity() const;           // slides/ms of the running snap, 0 otherwise
    double input_time(double t) const { return std::isfinite(t) ? t : now_; }  // see the class comment
    bool holding() const { return phase_ == Phase::Held || phase_ == Phase::Drag; }

    CarouselConfig cfg_;
    Counter counter_;
    Phase phase_ = Phase::Rest;
    double now_ = 0;          // latest time seen (finite, never decreasing)
    double pos_ = 0;          // shown position, unbounded with loop (normalised on settle)
    int target_ = 0;          // unbounded target: rest slide, snap target, or held target
    float width_ = 0;         // px per slide; 0 = unknown
    Tween tween_;             // valid in Phase::Snap
    Drag drag_;               // the pointer we listen to, if any
    bool caught_ = false;     // the pointer went down during a snap (Release::heading)
    double raw_anchor_ = 0;   // raw (un-rubber-banded) position when the drag was anchored
    float x_anchor_ = 0;      // pointer x at that moment
    WheelGesture wheel_;
    Autoplay autoplay_;
    int settled_ = 0;         // slide of the latest settle
    int reported_ = 0;        // slide last returned by take_settled_change (or jumped to)
};

}  // namespace wg::motion
