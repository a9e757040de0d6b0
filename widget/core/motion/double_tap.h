// double_tap.h — two taps close in time and place: the zoom's double tap. A tap is a press released
// without dragging (ControlTap decides that); this only pairs them. Pure.
#pragma once

namespace wg::motion {

class DoubleTap {
public:
    static constexpr double kMaxGapMs = 300;   // the platforms' double-tap time
    static constexpr float kMaxDistance = 30;  // CSS px between the two taps (a finger is not a pin)

    // A tap at (x, y) at t: true if it completes a double tap (the next tap then starts a new pair).
    bool tap(float x, float y, double t);
    void reset() { armed_ = false; }

private:
    bool armed_ = false;
    float x_ = 0, y_ = 0;
    double t_ = 0;
};

}  // namespace wg::motion
