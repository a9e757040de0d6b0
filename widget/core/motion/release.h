// release.h — where a drag goes when the finger lifts: one slide in the flick's direction, or the
// nearest slide for a slow release. A pure decision; bounds and wrapping are the counter's job.
#pragma once
#include <optional>

namespace wg::motion {

struct Release {
    double position = 0;         // shown position (slides) at release; unbounded with loop
    double finger_velocity = 0;  // px/ms over the last window; + = finger moving right (backwards)
    std::optional<int> heading;  // the target the carousel was animating to when the finger
                                 // caught it, if it was moving (a second swipe goes one further)
};

// Flick (|v| ≥ kFlickPxPerMs): the next slide edge in the flick's direction, or one beyond the
// target already being headed to when that is further (rapid swipes each advance one slide).
// Otherwise: the nearest slide. Not clamped.
int release_target(const Release& r);

}  // namespace wg::motion
