// zoom_detail.cpp — see zoom_detail.h.
#include "core/zoom_detail.h"

#include <algorithm>
#include <cmath>

namespace wg {
namespace {

// Crop edges snap outward to 1/kGrid of the photo: a pan within the margin keeps the same request.
constexpr float kGrid = 32;
// Around what is visible, this much of its size again on each side, while the pixel cap allows.
constexpr float kMargin = 0.5f;

struct Visible {
    bool any = false;
    image::Crop part;  // of the photo, in fractions
};

Visible visible_part(const DetailInput& in) {
    const Rect& p = in.photo;
    Visible v;
    if (p.empty() || in.view.empty()) return v;
    const float x0 = std::max(p.x, in.view.x), x1 = std::min(p.right(), in.view.right());
    const float y0 = std::max(p.y, in.view.y), y1 = std::min(p.bottom(), in.view.bottom());
    if (x1 <= x0 || y1 <= y0) return v;
    v.any = true;
    v.part = {(x0 - p.x) / p.w, (y0 - p.y) / p.h, (x1 - p.x) / p.w, (y1 - p.y) / p.h};
    return v;
}

// Pixels per whole photo width/height the screen shows, no more than the photo has.
void density(const DetailInput& in, float* dx, float* dy) {
    *dx = in.photo.w * in.dpr;
    *dy = in.photo.h * in.dpr;
    if (in.source_w > 0) *dx = std::min(*dx, float(in.source_w));
    if (in.source_h > 0) *dy = std::min(*dy, float(in.source_h));
}

}  // namespace

DetailNeed zoom_detail(const DetailInput& in) {
    DetailNeed need;
    const Visible vis = visible_part(in);
    if (!vis.any || in.whole_w <= 0 || in.whole_h <= 0) return need;
    float dx = 0, dy = 0;
    density(in, &dx, &dy);
    if (float(in.whole_w) * kDetailSlack >= dx && float(in.whole_h) * kDetailSlack >= dy) return need;
    // The margin shrinks (then the density) until the detail fits the pixel cap.
    const double seen = double(vis.part.w()) * dx * double(vis.part.h()) * dy;
    const double cap = in.max_pixels > 0 ? in.max_pixels : seen * (1 + 2 * kMargin) * (1 + 2 * kMargin);
    const float grow = float(std::clamp(std::sqrt(cap / std::max(seen, 1.0)), 1.0, 1.0 + 2.0 * kMargin));
    const float mx = vis.part.w() * (grow - 1) / 2, my = vis.part.h() * (grow - 1) / 2;
    auto down = [](float f) { return std::max(0.f, std::floor(f * kGrid) / kGrid); };
    auto up = [](float f) { return std::min(1.f, std::ceil(f * kGrid) / kGrid); };
    need.crop = {down(vis.part.x0 - mx), down(vis.part.y0 - my), up(vis.part.x1 + mx), up(vis.part.y1 + my)};
    double w = need.crop.w() * dx, h = need.crop.h() * dy;
    double k = 1;
    if (in.max_pixels > 0 && w * h > in.max_pixels) k = std::sqrt(in.max_pixels / (w * h));
    if (in.max_side > 0) k = std::min({k, in.max_side / w, in.max_side / h});
    need.width = std::max(1, int(std::floor(w * k)));
    need.height = std::max(1, int(std::floor(h * k)));
    // No sharper than the whole texture already is for that part: nothing to gain.
    if (need.width <= need.crop.w() * float(in.whole_w) * kDetailSlack &&
        need.height <= need.crop.h() * float(in.whole_h) * kDetailSlack)
        return DetailNeed{};
    need.wanted = true;
    return need;
}

bool detail_serves(const image::Crop& held, int held_w, int held_h, const DetailInput& in) {
    const DetailNeed need = zoom_detail(in);
    if (!need.wanted) return false;  // not needed at all: let it go
    const Visible vis = visible_part(in);
    const float e = 1e-4f;
    const bool covers = held.x0 <= vis.part.x0 + e && held.y0 <= vis.part.y0 + e && held.x1 >= vis.part.x1 - e &&
                        held.y1 >= vis.part.y1 - e;
    if (!covers || held.w() <= 0 || held.h() <= 0) return false;
    // Pixels per whole photo: what is held against what would be asked for.
    const float have_x = float(held_w) / held.w(), want_x = float(need.width) / need.crop.w();
    const float have_y = float(held_h) / held.h(), want_y = float(need.height) / need.crop.h();
    return have_x * kDetailSlack >= want_x && have_y * kDetailSlack >= want_y;
}

Rect whole_photo(const Rect& drawn, float uv0x, float uv0y, float uv1x, float uv1y) {
    const float uw = uv1x - uv0x, uh = uv1y - uv0y;
    if (uw <= 0 || uh <= 0) return {};
    return {drawn.x - uv0x * drawn.w / uw, drawn.y - uv0y * drawn.h / uh, drawn.w / uw, drawn.h / uh};
}

DetailPlace place_detail(const Rect& photo, float uv0x, float uv0y, float uv1x, float uv1y, const image::Crop& crop) {
    DetailPlace d;
    const float x0 = std::max(crop.x0, uv0x), y0 = std::max(crop.y0, uv0y);
    const float x1 = std::min(crop.x1, uv1x), y1 = std::min(crop.y1, uv1y);
    if (x1 <= x0 || y1 <= y0 || crop.w() <= 0 || crop.h() <= 0 || uv1x <= uv0x || uv1y <= uv0y) return d;
    const Rect whole = whole_photo(photo, uv0x, uv0y, uv1x, uv1y);
    d.shown = true;
    d.rect = {whole.x + x0 * whole.w, whole.y + y0 * whole.h, (x1 - x0) * whole.w, (y1 - y0) * whole.h};
    d.u0 = (x0 - crop.x0) / crop.w();
    d.v0 = (y0 - crop.y0) / crop.h();
    d.u1 = (x1 - crop.x0) / crop.w();
    d.v1 = (y1 - crop.y0) / crop.h();
    return d;
}

}  // namespace wg
