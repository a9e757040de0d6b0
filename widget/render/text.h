// text.h — text as images drawn by the platform's text engine (the browser's: shaping, bidi, every
// script, the page's fonts). The pure layout measures and breaks lines through it (TextMeasure); the
// view places one image per laid-out line. Knows ImGui's texture ids, not GL or the browser.
#pragma once
#include <cstdint>
#include <string_view>
#include <imgui.h>
#include "core/text_wrap.h"

namespace wg::render {

// The face of each role, in CSS px at font scale 1: a news site's body copy (16 px) on phones.
struct FontSpec { bool bold; float css_px; };
FontSpec font_spec(FontRole role);
inline constexpr float kLineHeightEm = 1.4f;  // line box = 1.4 × font size, the layout's nominal heights

// One line of text as drawn: a premultiplied-alpha texture in the text's own colour, placed relative
// to the top-left of its line box in device px (it reaches past the box where glyphs overhang it).
struct TextImage {
    ImTextureID texture = nullptr;
    float x = 0, y = 0, w = 0, h = 0;
};

class TextEngine : public TextMeasure {
public:
    // The image of `utf8` in `role` and colour 0xRRGGBBAA, at the current device pixel ratio; `rtl`:
    // its base direction is right-to-left. Made once and kept while it is in use; an empty texture
    // when there is nothing to draw.
    virtual TextImage image(std::string_view utf8, FontRole role, uint32_t rgba, bool rtl) = 0;
    // The reader's text zoom, which measuring and images apply.
    float font_scale() const { return scale_; }
    void set_font_scale(float s) { scale_ = s > 0 ? s : 1; }
    float line_height(FontRole role) const override { return font_spec(role).css_px * scale_ * kLineHeightEm; }

private:
    float scale_ = 1;
};

}  // namespace wg::render
