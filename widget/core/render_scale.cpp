// render_scale.cpp — see render_scale.h.
#include "core/render_scale.h"

#include <algorithm>

namespace wg {

void RenderScale::set_dpr(float dpr) { dpr_ = dpr > 0 ? dpr : 1; }

// Half the pixels on each side (a quarter of the fill), but at least one device pixel per CSS px.
float RenderScale::reduced_scale() const { return std::min(1.f, std::max(0.5f, 1.f / dpr_)); }

void RenderScale::frame(double t, bool moving) {
    if (!moving) {
        moving_ = false;
        last_ = -1;
        slow_ = 0;
        return;
    }
    if (!moving_) {  // a motion starts; its first interval (from rest) says nothing about speed
        moving_ = true;
        last_ = t;
        if (reduced_ && ++motions_ % kRetryEvery == 0) reduced_ = false;
        if (reduced_) ++reduced_motions_;
        return;
    }
    const double dt = t - last_;
    last_ = t;
    if (dt <= 0) return;
    display_ms_ = std::min(display_ms_, std::max(dt, 1000.0 / 240));
    if (reduced_) return;
    slow_ = dt > kSlowFactor * display_ms_ ? slow_ + 1 : 0;
    if (slow_ >= kSlowFrames && reduced_scale() < 1.f) {
        reduced_ = true;
        ++reduced_motions_;
    }
}

}  // namespace wg
