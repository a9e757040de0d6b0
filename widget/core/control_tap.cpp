// control_tap.cpp — see control_tap.h.
#include "core/control_tap.h"

namespace wg {

void ControlTap::press(int id, Hit hit, int dot) {
    id_ = id;
    hit_ = hit;
    dot_ = hit == Hit::Dot ? dot : -1;
}

void ControlTap::dragged(int id) {
    if (id == id_) hit_ = Hit::None;
}

Hit ControlTap::release(int id, Hit hit, int dot, int* dot_out) {
    *dot_out = -1;
    if (id != id_) return Hit::None;
    const Hit pressed = hit_;
    const int pressed_dot = dot_;
    id_ = -1;
    // A tap on the photo is reported too: it is half of the zoom's double tap.
    if (pressed == Hit::None || hit != pressed) return Hit::None;
    if (pressed == Hit::Dot && (hit != Hit::Dot || dot != pressed_dot)) return Hit::None;
    *dot_out = pressed_dot;
    return pressed;
}

}  // namespace wg
