// axis_lock.cpp — see axis_lock.h.
#include "core/motion/axis_lock.h"

#include <cmath>

#include "core/motion/thresholds.h"

namespace wg::motion {

float axis_lock_slop(PointerKind kind) {
    return kind == PointerKind::Touch ? kAxisLockSlopTouchPx : kAxisLockSlopPrecisePx;
}

Gesture axis_lock(float dx, float dy, PointerKind kind) {
    const float slop = axis_lock_slop(kind);
    if (!(dx * dx + dy * dy >= slop * slop)) return Gesture::Undecided;  // NaN stays undecided
    return std::fabs(dx) > std::fabs(dy) ? Gesture::Horizontal : Gesture::Vertical;
}

}  // namespace wg::motion
