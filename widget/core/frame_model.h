// frame_model.h — what a frame shows, decided before anything is drawn: which slides the carousel's
// position puts on screen, where, how opaque, and how far each photo's arrival cross-fade has got.
// Pure: the platform layer feeds it the carousel's position and the photos' arrival times, the render
// layer draws the result. Headless tests script it (tests/native/frame_model_test.cpp).
#pragma once
#include <vector>

namespace wg {

// One slide on screen: `index` into the gallery; `dx` its horizontal offset in CSS px (slide
// transition); `alpha` its opacity (fade transition).
struct SlideOnScreen {
    int index = 0;
    float dx = 0;
    float alpha = 1;
};

// The slides at carousel `position` (fractional slide index), back to front: the one at floor(position)
// and, while between two, the next. Without `loop` nothing is shown beyond the ends; with it the
// indices wrap. `fade`: slides stay in place and cross-fade instead of sliding by `width`.
std::vector<SlideOnScreen> slides_on_screen(double position, int count, bool loop, bool fade, float width);

// How far a photo that arrived at `arrived` (ms; < 0: not yet) has faded in at `now`: 0 → 1 over
// `fade_ms`. A photo not there is 0.
float photo_fade(double now, double arrived, double fade_ms);

}  // namespace wg
