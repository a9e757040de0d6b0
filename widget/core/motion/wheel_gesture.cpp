// wheel_gesture.cpp — see wheel_gesture.h.
#include "core/motion/wheel_gesture.h"

#include <cmath>

#include "core/motion/thresholds.h"

namespace wg::motion {

WheelStep WheelGesture::feed(float dx, float dy, double t) {
    if (!std::isfinite(dx) || !std::isfinite(dy)) return {};
    if (!started_ || !(t - last_t_ < kWheelGestureGapMs)) {
        sum_dx_ = sum_dy_ = 0;
        stepped_ = false;
    }
    if (!started_ || t > last_t_) last_t_ = t;  // time never runs backwards here
    started_ = true;
    sum_dx_ += dx;
    sum_dy_ += std::fabs(dy);

    WheelStep out;
    out.horizontal = std::fabs(dx) > std::fabs(dy);
    if (!stepped_ && std::fabs(sum_dx_) >= kWheelTriggerPx && std::fabs(sum_dx_) > sum_dy_) {
        stepped_ = true;
        out.step = sum_dx_ > 0 ? 1 : -1;
    }
    return out;
}

}  // namespace wg::motion
