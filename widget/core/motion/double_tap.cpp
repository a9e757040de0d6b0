// double_tap.cpp — see double_tap.h.
#include "core/motion/double_tap.h"

#include <cmath>

namespace wg::motion {

bool DoubleTap::tap(float x, float y, double t) {
    if (armed_ && t - t_ <= kMaxGapMs && t >= t_ && std::hypot(x - x_, y - y_) <= kMaxDistance) {
        armed_ = false;
        return true;
    }
    armed_ = true;
    x_ = x, y_ = y, t_ = t;
    return false;
}

}  // namespace wg::motion
