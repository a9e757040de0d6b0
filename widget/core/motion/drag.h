// drag.h — one pointer's life on the carousel: which pointer owns it, where it went down, its axis
// verdict and recent samples. Knows nothing of slides, bounds or animation (carousel.cpp does).
#pragma once
#include "core/motion/input.h"
#include "core/motion/pointer_tracker.h"

namespace wg::motion {

class Drag {
public:
    // A pointer goes down; from now on only `id` is listened to until end().
    void begin(int id, float x, float y, double t, PointerKind kind);
    // Records a sample; returns the verdict, decided once and then kept for this pointer.
    Gesture move(float x, float y, double t);
    // Forces the verdict to Vertical: the carousel no longer listens to this pointer's motion.
    void ignore();
    void end();

    bool active() const { return active_; }
    bool owns(int id) const { return active_ && id == id_; }
    Gesture gesture() const { return gesture_; }
    float x0() const { return x0_; }  // x at pointer-down (px)
    float x() const { return x_; }    // latest x (px)
    double velocity() const { return tracker_.velocity(); }  // px/ms, + = rightwards

private:
    bool active_ = false;
    int id_ = 0;
    PointerKind kind_ = PointerKind::Mouse;
    float x0_ = 0, y0_ = 0;  // where it went down
    float x_ = 0;            // latest x
    Gesture gesture_ = Gesture::Undecided;
    PointerTracker tracker_;
};

}  // namespace wg::motion
