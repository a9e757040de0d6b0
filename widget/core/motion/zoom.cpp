// zoom.cpp — see zoom.h.
#include "core/motion/zoom.h"

#include <algorithm>
#include <cmath>

namespace wg::motion {
namespace {

float clampf(float v, float lo, float hi) { return std::max(lo, std::min(hi, v)); }

// Past a limit a move shows only in part, and less the further it goes.
float rubber(float v, float lo, float hi, float k) {
    if (v < lo) return lo - (lo - v) * k;
    if (v > hi) return hi + (v - hi) * k;
    return v;
}

}  // namespace

float Zoom::max_scale() const { return std::max(kMinMaxScale, one_to_one_ * kMaxOverOneToOne); }

// 2.5× or the photo's own 1:1 if that is less, yet always a visible step in.
float Zoom::double_tap_scale() const { return std::max(1.5f, std::min(kDoubleTapScale, one_to_one_)); }

void Zoom::set_frame(ZoomBox image, ZoomBox area, float one_to_one) {
    one_to_one = one_to_one > 0 && std::isfinite(one_to_one) ? one_to_one : 1.f;
    const auto same = [](const ZoomBox& a, const ZoomBox& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; };
    if (same(image, base_) && same(area, area_) && one_to_one == one_to_one_) return;  // every frame: no change
    one_to_one_ = one_to_one;
    const bool was = base_.w > 0 && scale() > 1.001f;
    const float s = scale();
    // The photo point at the middle of the old area stays at the middle of the new one.
    const float u = was ? ((area_.x + area_.w / 2) - box_.x) / box_.w : 0.5f;
    const float v = was ? ((area_.y + area_.h / 2) - box_.y) / box_.h : 0.5f;
    base_ = image;
    area_ = area;
    anim_ = false;
    pinching_ = false;
    if (!was) {
        box_ = base_;
        return;
    }
    ZoomBox b{0, 0, base_.w * s, base_.h * s};
    b.x = area_.x + area_.w / 2 - u * b.w;
    b.y = area_.y + area_.h / 2 - v * b.h;
    box_ = clamp(b);
}

ZoomBox Zoom::scaled(float s, float fx, float fy, const ZoomBox& from) const {
    ZoomBox b{0, 0, base_.w * s, base_.h * s};
    const float u = from.w > 0 ? (fx - from.x) / from.w : 0.5f, v = from.h > 0 ? (fy - from.y) / from.h : 0.5f;
    b.x = fx - u * b.w;
    b.y = fy - v * b.h;
    return b;
}

ZoomBox Zoom::clamp(ZoomBox b) const {
    // Where the photo is wider than its area it covers it edge to edge; where narrower, it is centred.
    b.x = b.w > area_.w ? clampf(b.x, area_.right() - b.w, area_.x) : area_.x + (area_.w - b.w) / 2;
    b.y = b.h > area_.h ? clampf(b.y, area_.bottom() - b.h, area_.y) : area_.y + (area_.h - b.h) / 2;
    return b;
}

void Zoom::animate_to(ZoomBox to, double t) {
    const auto near = [](float a, float b) { return std::abs(a - b) < 0.01f; };
    if (reduced_ || (near(to.x, box_.x) && near(to.y, box_.y) && near(to.w, box_.w) && near(to.h, box_.h))) {
        // (Already there, e.g. a pinch released within the limits: no frames of a still animation.)
        box_ = to;
        anim_ = false;
        return;
    }
    from_ = box_;
    to_ = to;
    t0_ = t;
    anim_ = true;
}

void Zoom::update(double t) {
    if (!anim_) return;
    const double p = (t - t0_) / kAnimMs;
    if (!(p < 1)) {
        box_ = to_;
        anim_ = false;
        return;
    }
    const float e = float(1 - std::pow(1 - std::max(0.0, p), 3));  // ease-out cubic
    box_ = {from_.x + (to_.x - from_.x) * e, from_.y + (to_.y - from_.y) * e, from_.w + (to_.w - from_.w) * e,
            from_.h + (to_.h - from_.h) * e};
}

void Zoom::toggle_at(float x, float y, double t) {
    update(t);
    if (scale() > 1.01f) return reset(t);
    animate_to(clamp(scaled(double_tap_scale(), x, y, base_)), t);
}

void Zoom::zoom_by(float factor, float x, float y, double t) {
    update(t);
    const ZoomBox& from = anim_ ? to_ : box_;
    const float s = clampf((base_.w > 0 ? from.w / base_.w : 1.f) * factor, 1.f, max_scale());
    animate_to(s <= 1.001f ? base_ : clamp(scaled(s, x, y, from)), t);
}

void Zoom::reset(double t) {
    update(t);
    pinching_ = false;
    animate_to(base_, t);
}

void Zoom::pinch_start(float ax, float ay, float bx, float by, double t) {
    update(t);
    anim_ = false;
    pinching_ = true;
    pinch_box_ = box_;
    pinch_d0_ = std::max(1.f, std::hypot(bx - ax, by - ay));
    pinch_mx_ = (ax + bx) / 2;
    pinch_my_ = (ay + by) / 2;
}

void Zoom::pinch_move(float ax, float ay, float bx, float by, double t) {
    (void)t;
    if (!pinching_ || base_.w <= 0) return;
    const float raw = pinch_box_.w / base_.w * std::max(1.f, std::hypot(bx - ax, by - ay)) / pinch_d0_;
    // Past the limits the fingers move the photo less and less (in log scale, as the spread does).
    const float lo = 1.f, hi = max_scale();
    const float s = raw < lo ? std::exp(std::log(lo) + (std::log(raw) - std::log(lo)) * kRubber)
                  : raw > hi ? std::exp(std::log(hi) + (std::log(raw) - std::log(hi)) * kRubber) : raw;
    // The photo point that was under the fingers' midpoint stays under it.
    const float mx = (ax + bx) / 2, my = (ay + by) / 2;
    const float u = (pinch_mx_ - pinch_box_.x) / pinch_box_.w, v = (pinch_my_ - pinch_box_.y) / pinch_box_.h;
    box_ = {mx - u * base_.w * s, my - v * base_.h * s, base_.w * s, base_.h * s};
}

void Zoom::pinch_end(double t) {
    if (!pinching_) return;
    pinching_ = false;
    const float s = clampf(scale(), 1.f, max_scale());
    const float cx = area_.x + area_.w / 2, cy = area_.y + area_.h / 2;
    // Settle within the limits around the middle of what is shown, then within the edges.
    const float fx = clampf(cx, box_.x, box_.right()), fy = clampf(cy, box_.y, box_.bottom());
    animate_to(s <= 1.001f ? base_ : clamp(scaled(s, fx, fy, box_)), t);
}

float Zoom::pan(float dx, float dy, double t) {
    update(t);
    anim_ = false;
    const ZoomBox c = clamp(box_);  // where the edges allow the photo to be
    // Horizontal: 1:1 up to the edge; what is left over goes to the carousel.
    const float lo_x = box_.w > area_.w ? area_.right() - box_.w : c.x, hi_x = box_.w > area_.w ? area_.x : c.x;
    const float nx = box_.x + dx;
    const float x = clampf(nx, lo_x, hi_x);
    const float leftover = nx - x;
    box_.x = x;
    // Vertical: past an edge, a rubber band (pan_end brings it back).
    const float lo_y = box_.h > area_.h ? area_.bottom() - box_.h : c.y, hi_y = box_.h > area_.h ? area_.y : c.y;
    const float over = box_.y < lo_y ? box_.y - lo_y : box_.y > hi_y ? box_.y - hi_y : 0.f;
    box_.y = rubber(clampf(box_.y, lo_y, hi_y) + over / kRubber + dy, lo_y, hi_y, kRubber);
    return leftover;
}

void Zoom::pan_end(float vx, float vy, double t) {
    // A fling carries on as far as the speed would take it in a third of the animation, then settles.
    const float k = float(kAnimMs) / 3;
    ZoomBox b = box_;
    b.x += std::isfinite(vx) ? vx * k : 0;
    b.y += std::isfinite(vy) ? vy * k : 0;
    animate_to(clamp(b), t);
}

}  // namespace wg::motion
