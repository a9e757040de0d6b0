// release.cpp — see release.h.
#include "core/motion/release.h"

#include <algorithm>
#include <cmath>

#include "core/motion/thresholds.h"

namespace wg::motion {

namespace {
// Positions within this of an integer count as on it (float noise must not skip a slide).
constexpr double kOnSlide = 1e-9;
}  // namespace

int release_target(const Release& r) {
    const double p = r.position;
    if (std::fabs(r.finger_velocity) >= kFlickPxPerMs) {
        if (r.finger_velocity < 0) {  // finger went left: forwards
            int t = int(std::floor(p + kOnSlide)) + 1;
            if (r.heading && *r.heading > p) t = std::max(t, *r.heading + 1);
            return t;
        }
        int t = int(std::ceil(p - kOnSlide)) - 1;
        if (r.heading && *r.heading < p) t = std::min(t, *r.heading - 1);
        return t;
    }
    return int(std::floor(p + 0.5));
}

}  // namespace wg::motion
