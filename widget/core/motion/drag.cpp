// drag.cpp — see drag.h.
#include "core/motion/drag.h"

#include "core/motion/axis_lock.h"

namespace wg::motion {

void Drag::begin(int id, float x, float y, double t, PointerKind kind) {
    active_ = true;
    id_ = id;
    kind_ = kind;
    x0_ = x;
    y0_ = y;
    x_ = x;
    gesture_ = Gesture::Undecided;
    tracker_.reset(x, t);
}

Gesture Drag::move(float x, float y, double t) {
    x_ = x;
    tracker_.add(x, t);
    if (gesture_ == Gesture::Undecided) gesture_ = axis_lock(x - x0_, y - y0_, kind_);
    return gesture_;
}

void Drag::ignore() { gesture_ = Gesture::Vertical; }

void Drag::end() {
    active_ = false;
    gesture_ = Gesture::Undecided;
}

}  // namespace wg::motion
