// fonts.cpp — see fonts.h.
#include "render/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <algorithm>
#include <cmath>

namespace wg::render {

namespace {
constexpr int kRoleCount = 5;
// Glyphs every gallery may need even if its text does not contain them (UI labels, digits, "/").
constexpr const char* kAlwaysGlyphs = "0123456789/ …MoreLss×";
// 0xFFFD replaces glyphs a face lacks, so a missing glyph shows as a visible box, never nothing.
constexpr unsigned kFallbackGlyph = 0xFFFD;
}

FontSpec font_spec(FontRole role) {
    switch (role) {
        case FontRole::Body: return {false, 16.f};
        case FontRole::Caption: return {true, 16.f};
        case FontRole::Small: return {false, 12.f};
        case FontRole::Title: return {true, 20.f};
        case FontRole::Counter: return {true, 13.f};
    }
    return {false, 16.f};
}

void FontSet::set_faces(std::vector<unsigned char> regular, std::vector<unsigned char> bold) {
    regular_ = std::move(regular);
    bold_ = std::move(bold);
    glyph_key_.clear();
    dpr_ = 0;
}

bool FontSet::ensure(float dpr, float font_scale, const std::string& all_text) {
    if (regular_.empty()) return false;
    // Glyph set as a sorted code point list: cheap to compare, so unrelated edits don't rebuild.
    ImFontGlyphRangesBuilder b;
    b.AddText(all_text.c_str());
    b.AddText(kAlwaysGlyphs);
    b.AddChar((ImWchar)kFallbackGlyph);
    ImVector<ImWchar> r;
    b.BuildRanges(&r);
    std::string key(reinterpret_cast<const char*>(r.Data), r.Size * sizeof(ImWchar));
    if (dpr == dpr_ && font_scale == scale_ && key == glyph_key_) return false;
    dpr_ = dpr;
    scale_ = font_scale;
    glyph_key_ = key;
    ranges_.assign(r.Data, r.Data + r.Size);

    ImFontAtlas* atlas = &atlas_;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    const std::vector<unsigned char>& boldFace = bold_.empty() ? regular_ : bold_;
    for (int i = 0; i < kRoleCount; ++i) {
        FontSpec s = font_spec(FontRole(i));
        const std::vector<unsigned char>& face = s.bold ? boldFace : regular_;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 1;  // rasterized at the device size already: oversampling only costs memory
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        fonts_[i] = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(face.data()), (int)face.size(),
                                                std::round(s.css_px * font_scale * dpr), &cfg,
                                                reinterpret_cast<const ImWchar*>(ranges_.data()));
        if (fonts_[i]) fonts_[i]->FallbackChar = (ImWchar)kFallbackGlyph;
    }
    // What ImFontAtlas::Build does, minus its reference to AddFontDefault: that would link ImGui's
    // own font (12 KB) into the wasm although a gallery never uses it.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas);
    return true;
}

ImFont* FontSet::font(FontRole role) const { return fonts_[int(role)]; }

float FontSet::pixel_size(FontRole role) const {
    ImFont* f = font(role);
    return f ? f->FontSize : 16.f;
}

float FontSet::width(std::string_view s, FontRole role) const {
    ImFont* f = font(role);
    if (!f || dpr_ <= 0) return float(s.size()) * 8.f;
    return f->CalcTextSizeA(f->FontSize, 1e9f, 0.f, s.data(), s.data() + s.size()).x / dpr_;
}

float FontSet::line_height(FontRole role) const {
    ImFont* f = font(role);
    // 1.4× the em: a comfortable reading line for body copy.
    if (!f || dpr_ <= 0) return font_spec(role).css_px * 1.4f;
    return std::round(f->FontSize * 1.4f) / dpr_;
}

}  // namespace wg::render
