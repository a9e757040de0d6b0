// frame_model.cpp — see frame_model.h.
#include "core/frame_model.h"

#include <algorithm>
#include <cmath>

namespace wg {

std::vector<SlideOnScreen> slides_on_screen(double position, int count, bool loop, bool fade, float width) {
    std::vector<SlideOnScreen> out;
    if (count <= 0 || !std::isfinite(position)) return out;
    const int i0 = int(std::floor(position));
    const float frac = float(position - i0);
    for (int k = 0; k < 2; ++k) {
        if (k == 1 && frac <= 0.f) break;
        const int raw = i0 + k;
        if (!loop && (raw < 0 || raw >= count)) continue;
        SlideOnScreen s;
        s.index = ((raw % count) + count) % count;
        s.dx = fade ? 0.f : float((raw - position) * width);
        s.alpha = fade ? (k == 0 ? 1 - frac : frac) : 1.f;
        out.push_back(s);
    }
    return out;
}

float photo_fade(double now, double arrived, double fade_ms) {
    if (arrived < 0) return 0.f;
    if (fade_ms <= 0) return 1.f;
    return float(std::clamp((now - arrived) / fade_ms, 0.0, 1.0));
}

}  // namespace wg
