// bounds.cpp — see bounds.h. The curve is iOS's: f(x) = (1 − 1/(x·k/d + 1))·d.
#include "core/motion/bounds.h"

#include "core/motion/thresholds.h"

namespace wg::motion {

double rubber_band(double over) {
    if (!(over > 0)) return 0.0;
    const double d = kRubberBandMaxSlides;
    return (1.0 - 1.0 / (over * kRubberBandStiffness / d + 1.0)) * d;
}

double rubber_band_inverse(double pulled) {
    if (!(pulled > 0)) return 0.0;
    const double d = kRubberBandMaxSlides;
    const double y = pulled < d * (1.0 - 1e-9) ? pulled : d * (1.0 - 1e-9);
    return d / kRubberBandStiffness * (y / (d - y));
}

double Bounds::constrain(double raw) const {
    if (raw < lo) return lo - rubber_band(lo - raw);
    if (raw > hi) return hi + rubber_band(raw - hi);
    return raw;
}

double Bounds::unconstrain(double shown) const {
    if (shown < lo) return lo - rubber_band_inverse(lo - shown);
    if (shown > hi) return hi + rubber_band_inverse(shown - hi);
    return shown;
}

}  // namespace wg::motion
