// tween.cpp — see tween.h.
#include "core/motion/tween.h"

#include <algorithm>

namespace wg::motion {

namespace {
constexpr double kMaxSlope = 3.0;  // beyond it the Hermite curve overshoots
}

void Tween::start(double from, double to, double velocity, double t, double duration_ms) {
    from_ = from;
    to_ = to;
    t0_ = t;
    duration_ = duration_ms > 0 ? duration_ms : 1.0;
    const double distance = to - from;
    const double m = distance != 0 ? velocity * duration_ / distance : 0.0;
    m_ = m >= 0.0 ? std::min(m, kMaxSlope) : 0.0;  // moving away from the target (or NaN): from rest
}

double Tween::position(double t) const {
    const double s = (t - t0_) / duration_;
    if (!(s < 1.0)) return to_;
    if (!(s > 0.0)) return from_;
    const double s2 = s * s, s3 = s2 * s;
    const double h = m_ * (s3 - 2 * s2 + s) + 3 * s2 - 2 * s3;
    return from_ + (to_ - from_) * h;
}

double Tween::velocity(double t) const {
    double s = (t - t0_) / duration_;
    if (!(s < 1.0)) return 0.0;
    if (!(s > 0.0)) s = 0.0;
    const double dh = m_ * (3 * s * s - 4 * s + 1) + 6 * s - 6 * s * s;
    return (to_ - from_) * dh / duration_;
}

}  // namespace wg::motion
