// pointer_tracker.cpp — see pointer_tracker.h.
#include "core/motion/pointer_tracker.h"

namespace wg::motion {

void PointerTracker::reset(float x, double t) {
    size_ = 0;
    head_ = kPointerSamples - 1;
    add(x, t);
}

void PointerTracker::add(float x, double t) {
    head_ = (head_ + 1) % kPointerSamples;
    ring_[head_] = Sample{x, t};
    if (size_ < kPointerSamples) ++size_;
}

double PointerTracker::velocity(double window_ms) const {
    if (size_ < 2) return 0.0;
    const Sample& newest = ring_[head_];
    const Sample* oldest = &newest;
    for (int k = 1; k < size_; ++k) {
        const Sample& s = ring_[(head_ - k + kPointerSamples) % kPointerSamples];
        if (newest.t - s.t > window_ms) break;
        oldest = &s;
    }
    const double dt = newest.t - oldest->t;
    if (dt <= 0.0) return 0.0;  // one sample in the window, or several in the same ms
    return (double(newest.x) - double(oldest->x)) / dt;
}

}  // namespace wg::motion
