// control_tap.h — when a press on a drawn control (arrow, dot, full screen, More) or on the photo is a tap: it is
// released on the same control (the same dot) by the pointer that pressed it, and it never turned into
// a drag or a scroll. Pure: the platform layer hit-tests with the layout and acts on the verdict.
#pragma once
#include "core/layout.h"

namespace wg {

class ControlTap {
public:
    // Pointer `id` went down on `hit` (`dot`: which dot, -1 otherwise).
    void press(int id, Hit hit, int dot);
    // Pointer `id` moved and its gesture is now decided (a drag or a scroll): not a tap any more.
    void dragged(int id);
    // Pointer `id` went up on `hit`/`dot`: the control to act on, Hit::None if this was no tap.
    // *dot_out is the dot tapped (-1 otherwise). Ends the press.
    Hit release(int id, Hit hit, int dot, int* dot_out);
    void cancel() { id_ = -1; }

private:
    int id_ = -1;
    Hit hit_ = Hit::None;
    int dot_ = -1;
};

}  // namespace wg
