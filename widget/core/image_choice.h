// image_choice.h — which size of a slide's photo to fetch for its box, the rule of <img srcset> with
// width descriptors: the narrowest size at least as wide as the photo is shown (in device pixels);
// the widest when none is. The slide's "image" is one of the sizes: of its declared width, or, when
// that is unknown, taken as the original (wider than any listed size). web/src/poster.js applies the
// same rule for the poster before the wasm runs.
#pragma once
#include <string>
#include "core/gallery.h"

namespace wg {

// box_w × box_h: the photo area in device pixels; fit: how the photo fills it.
const std::string& choose_image(const Slide& slide, int box_w, int box_h, Fit fit);

}  // namespace wg
