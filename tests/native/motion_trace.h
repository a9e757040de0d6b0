// motion_trace.h — scripted input traces for the motion tests: a 60 Hz frame loop that records
// every shown position, and pointer swipes at a chosen speed. Time is exact: the test owns it.
#pragma once
#include <cmath>
#include <vector>

#include "core/motion/carousel.h"

namespace wg::motion::trace {

inline constexpr double kFrameMs = 1000.0 / 60.0;
inline constexpr float kWidth = 400.0f;  // px per slide in every trace

struct Frames {
    std::vector<double> t, pos;  // one entry per update()
    double end = 0;              // time of the last update
};

// update() every frame after t0 while the carousel animates (bounded, so a bug cannot hang).
inline Frames run(Carousel& c, double t0, double limit_ms = 5000) {
    Frames f;
    double t = t0;
    f.end = t0;
    while (c.animating() && t - t0 < limit_ms) {
        t += kFrameMs;
        c.update(t);
        f.t.push_back(t);
        f.pos.push_back(c.position());
        f.end = t;
    }
    return f;
}

// Pointer `id` goes down at (x0, y) at t0, then moves to x1 in `steps` equal moves spread evenly
// over `ms`; y drifts by dy in total. Returns the time of the last move. Does not lift.
inline double swipe(Carousel& c, float x0, float x1, double t0, double ms, int steps,
                    int id = 1, PointerKind kind = PointerKind::Touch, float y = 100, float dy = 0) {
    c.pointer_down(id, x0, y, t0, kind);
    for (int i = 1; i <= steps; ++i) {
        const float f = float(i) / float(steps);
        c.pointer_move(id, x0 + (x1 - x0) * f, y + dy * f, t0 + ms * i / steps);
    }
    return t0 + ms;
}

// A whole drag and release: swipe then pointer_up where it ended. Returns the release time.
inline double fling(Carousel& c, float x0, float x1, double t0, double ms, int steps, int id = 1) {
    const double t = swipe(c, x0, x1, t0, ms, steps, id);
    c.pointer_up(id, x1, 100, t);
    return t;
}

// Shortest distance on a circle of `n` slides (loop positions wrap).
inline double circular_gap(double a, double b, int n) {
    const double d = std::fmod(std::fabs(a - b), double(n));
    return d < n - d ? d : n - d;
}

inline Carousel make(int count, bool loop = false, int autoplay_ms = 0, bool reduced = false) {
    CarouselConfig cfg;
    cfg.count = count;
    cfg.loop = loop;
    cfg.autoplay_ms = autoplay_ms;
    cfg.reduced_motion = reduced;
    Carousel c(cfg);
    c.set_viewport_width(kWidth);
    return c;
}

}  // namespace wg::motion::trace
