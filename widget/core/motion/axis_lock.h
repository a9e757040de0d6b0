// axis_lock.h — decides whether a pointer's movement is a horizontal drag (the carousel's) or a
// vertical one (the page's scroll). Pure function of the displacement since pointer-down.
#pragma once
#include "core/motion/input.h"

namespace wg::motion {

// Distance a pointer of this kind must travel before a verdict (see thresholds.h).
float axis_lock_slop(PointerKind kind);

// Undecided while |(dx, dy)| < slop; then Horizontal if |dx| > |dy|, else Vertical (a tie goes to
// the page: scrolling by mistake is cheaper than a carousel that traps the scroll).
Gesture axis_lock(float dx, float dy, PointerKind kind);

}  // namespace wg::motion
