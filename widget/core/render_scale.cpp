// render_scale.cpp — see render_scale.h.
#include "core/render_scale.h"

#include <algorithm>

namespace wg {

void RenderScale::set_dpr(float dpr) { dpr_ = dpr > 0 ? dpr : 1; }

// Level 1: half the pixels on each side (a quarter of the fill), but at least one device pixel per
// CSS px; level 2, if still slow: one device pixel per CSS px (a ninth of the fill at DPR 3) — what a
// DPR 1 screen shows, while the photo is moving.
float RenderScale::level_scale(int level) const {
    if (level <= 0) return 1.f;
    const float one = std::min(1.f, 1.f / dpr_);
    return level == 1 ? std::max(0.5f, one) : one;
}

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
        slow_ = 0;
        if (level_ > 0 && ++motions_ % kRetryEvery == 0) level_ = 0;
        if (level_ > 0) ++reduced_motions_;
        return;
    }
    const double dt = t - last_;
    last_ = t;
    if (dt <= 0) return;
    display_ms_ = std::min(display_ms_, std::max(dt, 1000.0 / 240));
    if (level_ >= kLevels - 1) return;
    slow_ = dt > kSlowFactor * display_ms_ ? slow_ + 1 : 0;
    if (slow_ >= kSlowFrames && level_scale(level_ + 1) < level_scale(level_)) {
        if (level_ == 0) ++reduced_motions_;
        ++level_;
        slow_ = 0;
    }
}

}  // namespace wg
