// zoom_detail.h — a photo zoomed in further than its whole-photo texture holds: which part of it to
// decode again at the screen's resolution (what is visible and a margin for panning), and whether the
// part already held still serves. Pure: rects in CSS px, sizes in pixels, crops in fractions of the
// displayed photo.
#pragma once
#include "core/image/pixels.h"
#include "core/layout.h"

namespace wg {

struct DetailInput {
    Rect photo;              // where the whole photo is drawn (CSS px), however much of it is visible
    Rect view;               // the photo area: what of it can be visible (CSS px)
    float dpr = 1;
    int whole_w = 0, whole_h = 0;    // the texture of the whole photo (pixels)
    int source_w = 0, source_h = 0;  // the photo's own pixels (0 = unknown: the decoder never upscales)
    double max_pixels = 0;           // the most a detail may hold
    int max_side = 0;                // and on a side (the context's texture limit)
};

struct DetailNeed {
    bool wanted = false;     // the whole photo's texture is not sharp enough on screen
    image::Crop crop;        // the part to decode, snapped to a grid so small pans ask for nothing new
    int width = 0, height = 0;  // its size in pixels
};

// The whole texture is sharp enough while it has at least 1/kDetailSlack of the pixels the screen
// shows (the same slack as re-requesting a photo on resize).
inline constexpr float kDetailSlack = 1.25f;

DetailNeed zoom_detail(const DetailInput& in);

// Whether a detail of `held` (a crop decoded at held_w × held_h) serves `in`: it covers what is
// visible, at no less than 1/kDetailSlack of the pixels zoom_detail(in) would ask for.
bool detail_serves(const image::Crop& held, int held_w, int held_h, const DetailInput& in);

// The whole photo's rect when `drawn` shows uv0…uv1 of it (a photo cropped to fill its box shows
// only part of itself); empty for an empty uv range.
Rect whole_photo(const Rect& drawn, float uv0x, float uv0y, float uv1x, float uv1y);

// Where a detail is drawn over the photo drawn at `photo` (CSS px) showing uv0…uv1 of it (a photo
// cropped to fill its box shows only part of itself): its rect and the part of its own texture, both cut
// to what the photo shows.
struct DetailPlace {
    bool shown = false;
    Rect rect;
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};
DetailPlace place_detail(const Rect& photo, float uv0x, float uv0y, float uv1x, float uv1y, const image::Crop& crop);

}  // namespace wg
