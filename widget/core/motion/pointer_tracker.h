// pointer_tracker.h — recent (x, t) samples of one pointer and the release velocity they imply.
// Horizontal only: the carousel moves along x. Not the axis lock nor the drag (see drag.h).
#pragma once
#include <array>

#include "core/motion/thresholds.h"

namespace wg::motion {

class PointerTracker {
public:
    void reset(float x, double t);  // forget everything; (x, t) is the first sample
    void add(float x, double t);    // a later sample; older ones beyond capacity are dropped

    // px/ms (+ = moving right) from the oldest sample within `window_ms` of the newest one to the
    // newest. 0 when the window holds a single sample (the pointer stayed still that long).
    double velocity(double window_ms = kVelocityWindowMs) const;

private:
    struct Sample {
        float x = 0;
        double t = 0;
    };
    std::array<Sample, kPointerSamples> ring_{};  // circular, newest at head_
    int head_ = 0;                                // index of the newest sample
    int size_ = 0;                                // samples held (≤ kPointerSamples)
};

}  // namespace wg::motion
