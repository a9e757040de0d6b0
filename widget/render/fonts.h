// fonts.h — the text faces as ImGui fonts, rasterized for the current devicePixelRatio so text is as
// crisp as DOM text, with only the glyphs the gallery uses (a tiny atlas, rebuilt when text or DPR
// changes). Also measures text for the pure layout (wg::TextMeasure), in CSS px.
#pragma once
#include <string>
#include <vector>
#include <imgui.h>
#include "core/layout.h"

namespace wg::render {

struct FontSpec { bool bold; float css_px; };
// Sizes in CSS px at font_scale 1; chosen to match a news site's body copy (16 px) on phones.
FontSpec font_spec(FontRole role);

class FontSet final : public TextMeasure {
public:
    // TTF bytes of the regular and bold faces (kept alive here; the atlas never owns them).
    void set_faces(std::vector<unsigned char> regular, std::vector<unsigned char> bold);
    bool has_faces() const { return !regular_.empty(); }
    // Rebuilds the ImGui atlas if DPR, scale or the text in use changed. Returns true if rebuilt
    // (the caller must re-upload the atlas texture).
    bool ensure(float dpr, float font_scale, const std::string& all_text);
    ImFont* font(FontRole role) const;
    // The glyphs as a texture: 8-bit coverage (TexPixelsAlpha8), TexID set by whoever uploads it.
    ImFontAtlas& atlas() { return atlas_; }
    const ImFontAtlas& atlas() const { return atlas_; }
    float pixel_size(FontRole role) const;  // device px

    float width(std::string_view utf8, FontRole role) const override;
    float line_height(FontRole role) const override;

private:
    std::vector<unsigned char> regular_, bold_;
    float dpr_ = 0, scale_ = 0;
    std::string glyph_key_;
    std::vector<unsigned short> ranges_;  // ImWchar ranges, alive while the atlas is
    ImFont* fonts_[5] = {};
    ImFontAtlas atlas_;  // ours, not an ImGui context's: the widget has no context (frame_list.h)
};

}  // namespace wg::render
