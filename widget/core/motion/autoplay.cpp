// autoplay.cpp — see autoplay.h.
#include "core/motion/autoplay.h"

#include <cmath>

namespace wg::motion {

void Autoplay::configure(int interval_ms) {
    interval_ = interval_ms > 0 ? double(interval_ms) : 0.0;
    stopped_ = false;
    armed_ = false;
}

bool Autoplay::tick(double t) {
    if (!active() || paused()) return false;
    if (!armed_) {
        armed_ = true;
        due_ = t + interval_;
        return false;
    }
    if (t < due_) return false;
    // Counted from now, not from due_: after a throttled background tab, one step, not a burst.
    due_ = t + interval_;
    return true;
}

void Autoplay::pause(Reason reason, bool on, double t) {
    const bool was = paused();
    reasons_ = on ? (reasons_ | reason) : (reasons_ & ~unsigned(reason));
    if (was && !paused() && armed_) due_ = t + interval_;
}

double Autoplay::next_wake(double t) const {
    if (!active() || paused()) return INFINITY;
    return armed_ ? due_ : t;
}

}  // namespace wg::motion
