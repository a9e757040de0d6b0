// tween.h — the snap animation: a move from one position to a target in a fixed time that leaves
// at the caller's velocity and arrives at rest. Monotone, so it never overshoots the target.
#pragma once

namespace wg::motion {

// Cubic Hermite h(s) = m·(s³ − 2s² + s) + 3s² − 2s³ with h(0)=0, h(1)=1, h'(1)=0 and h'(0)=m, the
// start velocity in units of (distance/duration). h is monotone for m in [0, 3], so m is clamped
// there: m = 3 is ease-out cubic (a flick carried on), m = 0 is smoothstep (starting from rest).
class Tween {
public:
    // velocity in slides/ms; duration_ms > 0.
    void start(double from, double to, double velocity, double t, double duration_ms);
    double position(double t) const;
    double velocity(double t) const;  // slides/ms
    bool finished(double t) const { return !(t < t0_ + duration_); }
    double to() const { return to_; }

private:
    double from_ = 0, to_ = 0;
    double t0_ = 0, duration_ = 1;
    double m_ = 0;  // clamped start slope
};

}  // namespace wg::motion
