// view.h — draws a computed layout (core/layout) with Dear ImGui draw lists: photos, counter,
// credit, caption, body text, arrows, dots, focus ring. Knows ImGui, not GL or Emscripten: the one
// GL detail it needs (premultiplied-alpha blending for photos) comes in as a draw callback.
#pragma once
#include <string>
#include <vector>
#include <imgui.h>
#include "core/gallery.h"
#include "core/layout.h"
#include "render/text.h"
#include "render/theme.h"

namespace wg::render {

// One slide as it is on screen this frame.
struct SlideView {
    const Layout* layout = nullptr;
    const Slide* slide = nullptr;
    float dx = 0;               // horizontal offset in CSS px (carousel motion)
    float alpha = 1;            // fade transition
    ImTextureID texture = nullptr;
    float texture_alpha = 0;    // 0→1 cross-fade when the photo arrives
    bool texture_opaque = false;  // no transparent pixel: nothing under the photo needs drawing
    bool failed = false;
    std::string failure;        // short reason shown in the placeholder
    bool zoomed = false;        // the photo is drawn in `zoom` (CSS px) instead of the layout's image rect
    Rect zoom;
    ImTextureID detail = nullptr;  // zoomed far in: a sharper part of the photo, drawn over it
    Rect detail_rect;              // where (CSS px)
    Rect detail_uv;                // which part of the detail's texture: u0, v0 as x, y; u1, v1 as w, h
};

// What a focused control looks like, mirrored from the DOM buttons' focus.
struct Focus { Hit hit = Hit::None; int dot = -1; };

struct FrameView {
    float width = 0, height = 0, dpr = 1;      // CSS px box, device pixel ratio
    const std::string* title = nullptr;
    std::vector<SlideView> slides;             // back to front
    const Layout* chrome = nullptr;            // the current slide's layout: title, counter, arrows, dots, More
    int index = 0, count = 0;
    bool show_arrows = true;
    bool rtl = false;                          // right-to-left gallery: the text's base direction
    Focus focus;
    ImDrawCallback premultiplied_blend = nullptr;  // set by the platform; null in native tests
};

// Text is drawn as images from `te` (made on first use, then kept by the platform).
void draw_frame(ImDrawList* dl, TextEngine& te, const Theme& theme, const FrameView& v);

}  // namespace wg::render
