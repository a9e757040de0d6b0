// bounds.h — the edges of a carousel without loop: inside [lo, hi] a position passes unchanged,
// beyond it is pulled back by a rubber band whose resistance grows, bounded by kRubberBandMaxSlides.
#pragma once

namespace wg::motion {

// Visible pull (slides) for a raw overshoot `over` ≥ 0: 0.55·over at first, never ≥ the max.
double rubber_band(double over);
// Inverse of rubber_band: the raw overshoot that shows `pulled` (clamped just under the max).
double rubber_band_inverse(double pulled);

struct Bounds {
    double lo = 0, hi = 0;  // first and last slide positions

    double constrain(double raw) const;     // raw finger position → shown position
    double unconstrain(double shown) const; // shown → raw, so a caught spring-back does not jump
};

}  // namespace wg::motion
