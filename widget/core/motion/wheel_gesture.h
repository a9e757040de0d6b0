// wheel_gesture.h — turns a stream of wheel events (trackpad swipes with their momentum tail, or
// a spin of the wheel) into at most one slide step per gesture. Knows no slides or bounds.
#pragma once

namespace wg::motion {

struct WheelStep {
    bool horizontal = false;  // mostly horizontal: the carousel's (the platform may preventDefault)
    int step = 0;             // +1 next, -1 previous, 0 nothing (yet, or already stepped)
};

class WheelGesture {
public:
    // dx, dy in px (the platform converts line/page delta modes); + dx = scroll right = next.
    // Every event, vertical ones included, keeps the gesture alive; only a gap ≥ kWheelGestureGapMs
    // starts a new one. The step fires once the gesture's summed dx reaches kWheelTriggerPx and
    // outweighs its summed |dy| (a vertical scroll with sideways drift never steps).
    WheelStep feed(float dx, float dy, double t);
    void reset() { *this = WheelGesture{}; }

private:
    bool started_ = false;  // an event was seen (last_t_ is meaningful)
    double last_t_ = 0;     // time of the latest event
    double sum_dx_ = 0;     // signed horizontal delta of this gesture
    double sum_dy_ = 0;     // unsigned vertical delta of this gesture
    bool stepped_ = false;  // this gesture already moved a slide
};

}  // namespace wg::motion
