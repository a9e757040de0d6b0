// image_choice.cpp — see image_choice.h.
#include "core/image_choice.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace wg {

const std::string& choose_image(const Slide& s, int box_w, int box_h, Fit fit) {
    // The width the photo is drawn at: contain fits it inside the box, cover fills the box.
    int need = std::max(1, box_w);
    if (s.width > 0 && s.height > 0 && box_h > 0) {
        const double at_full_height = std::ceil(double(box_h) * s.width / s.height);
        need = int(fit == Fit::Contain ? std::min<double>(need, at_full_height) : std::max<double>(need, at_full_height));
    }
    const std::string* best = &s.image;
    long long best_w = s.width > 0 ? s.width : LLONG_MAX;  // unknown: the original, the widest
    for (const ImageSource& c : s.srcset) {
        const bool covers = c.width >= need, best_covers = best_w >= need;
        // Among sizes that cover, the narrowest; while none covers, the widest.
        if ((covers && (!best_covers || c.width < best_w)) || (!covers && !best_covers && c.width > best_w)) {
            best = &c.url;
            best_w = c.width;
        }
    }
    return *best;
}

}  // namespace wg
