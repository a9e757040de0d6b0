// carousel.cpp — see carousel.h. Index:
//   [SECTION] Setup      configure, jump, width
//   [SECTION] Pointer    down → axis lock → drag → release / cancel
//   [SECTION] Commands   wheel, keys, go_to, next/prev, autoplay pauses
//   [SECTION] Clock      advance, update, seek, settle
//   [SECTION] Readers    position, index, animating, next_wake, settled changes
#include "core/motion/carousel.h"

#include <algorithm>

#include "core/motion/bounds.h"
#include "core/motion/release.h"
#include "core/motion/thresholds.h"

namespace wg::motion {

// [SECTION] Setup ---------------------------------------------------------------------------------

Carousel::Carousel(CarouselConfig cfg) : cfg_(cfg), counter_(cfg.count, cfg.loop) {
    autoplay_.configure(cfg.autoplay_ms);
}

void Carousel::configure(CarouselConfig cfg) {
    const bool shape = cfg.count != cfg_.count || cfg.loop != cfg_.loop;
    const bool autoplay = cfg.autoplay_ms != cfg_.autoplay_ms;
    const int shown = counter_.show(target_);
    cfg_ = cfg;
    if (shape) {
        counter_ = Counter(cfg.count, cfg.loop);
        if (drag_.active()) drag_.ignore();  // the slides under the finger changed: let go
        wheel_.reset();
        target_ = std::min(shown, counter_.count() - 1);  // clamped, not wrapped: the last slide
        pos_ = target_;
        phase_ = Phase::Rest;
        settle();
    } else if (cfg.reduced_motion && phase_ == Phase::Snap) {
        pos_ = target_;
        phase_ = Phase::Rest;
        settle();
    }
    if (autoplay) autoplay_.configure(cfg.autoplay_ms);
}

void Carousel::jump_to(int index) {
    if (drag_.active()) drag_.ignore();
    target_ = std::clamp(index, 0, counter_.count() - 1);
    pos_ = target_;
    phase_ = Phase::Rest;
    settle();
    reported_ = settled_;  // silent: the caller placed it
}

void Carousel::set_viewport_width(float css_px) {
    if (!(css_px > 0) || !std::isfinite(css_px)) return;
    width_ = css_px;
    if (phase_ == Phase::Drag) re_anchor();  // positions are in slides: only a drag needs it
}

// [SECTION] Pointer -------------------------------------------------------------------------------

void Carousel::pointer_down(int id, float x, float y, double t, PointerKind kind) {
    advance(t);
    if (drag_.active() || !(width_ > 0)) return;
    drag_.begin(id, x, y, input_time(t), kind);
    caught_ = phase_ == Phase::Snap;  // pos_ is where the snap had it at t: no jump
    phase_ = Phase::Held;
    autoplay_.pause(Autoplay::Pointer, true, now_);
}

Gesture Carousel::pointer_move(int id, float x, float y, double t) {
    advance(t);
    if (!drag_.owns(id)) return Gesture::Undecided;
    const Gesture was = drag_.gesture();
    const Gesture g = drag_.move(x, y, input_time(t));
    if (was != Gesture::Undecided || phase_ != Phase::Held) {
        if (g == Gesture::Horizontal && phase_ == Phase::Drag) pos_ = drag_position();
        return g;
    }
    if (g == Gesture::Vertical) {
        // The page's scroll: the carousel carries on with whatever it was doing.
        autoplay_.pause(Autoplay::Pointer, false, now_);
        phase_ = Phase::Rest;
        seek(target_, now_, 0.0);
    } else if (g == Gesture::Horizontal) {
        interact();
        phase_ = Phase::Drag;
        raw_anchor_ = raw_of(pos_);
        x_anchor_ = drag_.x0();  // the point grabbed stays under the finger
        pos_ = drag_position();
    }
    return g;
}

void Carousel::pointer_up(int id, float x, float y, double t) {
    advance(t);
    if (!drag_.owns(id)) return;
    // The up event may be the first to leave the slop (coalesced moves): judge it like a move.
    if (phase_ == Phase::Held) pointer_move(id, x, y, t);
    if (phase_ == Phase::Drag) {
        drag_.move(x, y, input_time(t));
        pos_ = drag_position();
        Release r;
        r.position = pos_;
        r.finger_velocity = drag_.velocity();
        if (caught_) r.heading = target_;
        const double v = -r.finger_velocity / width_;
        phase_ = Phase::Rest;
        seek(release_target(r), now_, v);
    } else if (phase_ == Phase::Held) {
        // A tap: the reader touched it (autoplay stops), but nothing was dragged; a caught snap
        // carries on to its target.
        interact();
        phase_ = Phase::Rest;
        seek(target_, now_, 0.0);
    }
    drag_.end();
    autoplay_.pause(Autoplay::Pointer, false, now_);
}

void Carousel::pointer_cancel(int id, double t) {
    advance(t);
    if (!drag_.owns(id)) return;
    if (holding()) {
        phase_ = Phase::Rest;
        seek(target_, now_, 0.0);  // back to the slide it was on (or heading to) at pointer-down
    }
    drag_.end();
    autoplay_.pause(Autoplay::Pointer, false, now_);
}

double Carousel::drag_position() const {
    const double raw = raw_anchor_ - (double(drag_.x()) - double(x_anchor_)) / width_;
    if (counter_.loop()) return raw;
    return Bounds{0.0, double(counter_.count() - 1)}.constrain(raw);
}

double Carousel::raw_of(double shown) const {
    if (counter_.loop()) return shown;
    return Bounds{0.0, double(counter_.count() - 1)}.unconstrain(shown);
}

void Carousel::re_anchor() {
    raw_anchor_ = raw_of(pos_);
    x_anchor_ = drag_.x();
}

// [SECTION] Commands ------------------------------------------------------------------------------

bool Carousel::wheel(float dx, float dy, double t) {
    advance(t);
    if (holding()) return false;  // a pointer has it; the platform lets the event through
    const WheelStep s = wheel_.feed(dx, dy, input_time(t));
    if (s.horizontal) interact();
    if (s.step != 0) seek(target_ + s.step, now_, velocity());
    return s.horizontal;
}

void Carousel::key(Key k, double t) {
    switch (k) {
    case Key::Left: prev(t); break;
    case Key::Right: next(t); break;
    case Key::Home: go_to(0, t); break;
    case Key::End: go_to(counter_.count() - 1, t); break;
    }
}

void Carousel::go_to(int index, double t) {
    advance(t);
    interact();
    if (holding()) return;  // the reader's finger wins over a programmatic move
    seek(counter_.nearest_copy(index, pos_), now_, velocity());
}

void Carousel::next(double t) {
    advance(t);
    interact();
    if (!holding()) seek(target_ + 1, now_, velocity());
}

void Carousel::prev(double t) {
    advance(t);
    interact();
    if (!holding()) seek(target_ - 1, now_, velocity());
}

void Carousel::set_hovered(bool h, double t) {
    advance(t);
    autoplay_.pause(Autoplay::Hover, h, now_);
}

void Carousel::set_focused(bool f, double t) {
    advance(t);
    autoplay_.pause(Autoplay::Focus, f, now_);
}

void Carousel::set_visible(bool v, double t) {
    advance(t);
    autoplay_.pause(Autoplay::Hidden, !v, now_);
}

void Carousel::stop_autoplay() { autoplay_.stop(); }

// [SECTION] Clock ---------------------------------------------------------------------------------

void Carousel::advance(double t) {
    if (std::isfinite(t) && t > now_) now_ = t;
    if (phase_ != Phase::Snap) return;
    if (tween_.finished(now_)) {
        pos_ = target_;
        phase_ = Phase::Rest;
        settle();
    } else {
        pos_ = tween_.position(now_);
    }
}

void Carousel::update(double t) {
    advance(t);
    if (!autoplay_.tick(now_)) return;
    const int last = counter_.count() - 1;
    if (!counter_.loop() && counter_.show(target_) >= last) {
        autoplay_.stop();
        return;
    }
    seek(target_ + 1, now_, velocity());
    if (!counter_.loop() && target_ >= last) autoplay_.stop();  // arrived at the end: done
}

void Carousel::seek(int target, double t, double velocity) {
    target = counter_.limit(target);
    if (phase_ == Phase::Snap && target == target_) return;  // already heading there
    target_ = target;
    if (cfg_.reduced_motion || std::fabs(target - pos_) < kArrivedSlides) {
        pos_ = target;
        phase_ = Phase::Rest;
        settle();
        return;
    }
    tween_.start(pos_, target, velocity, t, kSnapDurationMs);
    phase_ = Phase::Snap;
}

void Carousel::settle() {
    if (counter_.loop()) {  // back to [0, count) so unbounded targets never grow
        const int shift = target_ - counter_.show(target_);
        target_ -= shift;
        pos_ -= shift;
    }
    settled_ = counter_.show(target_);
}

double Carousel::velocity() const { return phase_ == Phase::Snap ? tween_.velocity(now_) : 0.0; }

// [SECTION] Readers -------------------------------------------------------------------------------

double Carousel::position() const { return counter_.normalise(pos_); }

int Carousel::index() const {
    return phase_ == Phase::Drag ? counter_.nearest_slide(pos_) : counter_.show(target_);
}

bool Carousel::animating() const { return phase_ == Phase::Snap || phase_ == Phase::Drag; }

double Carousel::next_wake(double t) const { return autoplay_.next_wake(t); }

std::optional<int> Carousel::take_settled_change() {
    if (settled_ == reported_) return std::nullopt;
    reported_ = settled_;
    return settled_;
}

}  // namespace wg::motion
