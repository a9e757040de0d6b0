// view_test.cpp — the render layer with no GL (a null renderer): a real frame is laid out and drawn
// into the frame's draw list exactly as the widget does (FrameList, no ImGui context), and the draw list is checked for what a reader
// would see: the photo's texture inside the photo rect, glyphs in the text panel, a clip that keeps
// a sliding slide inside the box.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>

#include "core/layout.h"
#include "render/fonts.h"
#include "render/frame_list.h"
#include "render/view.h"

namespace {

std::vector<unsigned char> read_file(const char* path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

const wg::FontRole kRoles[] = {wg::FontRole::Body, wg::FontRole::Caption, wg::FontRole::Small, wg::FontRole::Title,
                               wg::FontRole::Counter};

// Forwards to the real fonts and remembers the role each string was measured in.
struct RecordingMeasure : wg::TextMeasure {
    explicit RecordingMeasure(const wg::TextMeasure& m) : inner(m) {}
    const wg::TextMeasure& inner;
    mutable std::vector<std::pair<std::string, wg::FontRole>> calls;
    float width(std::string_view s, wg::FontRole r) const override {
        calls.emplace_back(std::string(s), r);
        return inner.width(s, r);
    }
    float line_height(wg::FontRole r) const override { return inner.line_height(r); }
};

// One drawn glyph, in device px.
struct Glyph {
    ImWchar c;
    ImVec2 min, max;
    ImU32 col;
};

// The glyphs of `chars` that `font` drew into the list. A glyph quad is four consecutive vertices that
// sample exactly that glyph's atlas rect, so the UVs tell which font drew which character.
std::vector<Glyph> glyphs(const ImDrawList* dl, const ImFont* font, std::u16string_view chars) {
    std::vector<Glyph> out;
    const ImVector<ImDrawVert>& v = dl->VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i) {
        for (char16_t c : chars) {
            const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(c));
            if (!g || !g->Visible) continue;
            if (v[i].uv.x == g->U0 && v[i].uv.y == g->V0 && v[i + 1].uv.x == g->U1 && v[i + 1].uv.y == g->V0 &&
                v[i + 2].uv.x == g->U1 && v[i + 2].uv.y == g->V1 && v[i + 3].uv.x == g->U0 && v[i + 3].uv.y == g->V1) {
                out.push_back({ImWchar(c), v[i].pos, v[i + 2].pos, v[i].col});
                break;
            }
        }
    }
    return out;
}

// How many glyph quads drawing `text` once in `font` takes (spaces have no quad).
size_t visible_glyphs(const ImFont* font, std::u16string_view text) {
    size_t n = 0;
    for (char16_t c : text) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(c));
        n += g && g->Visible;
    }
    return n;
}

bool inside(const Glyph& g, const wg::Rect& css, float dpr) {
    return g.min.x >= css.x * dpr - 1 && g.max.x <= css.right() * dpr + 1 && g.min.y >= css.y * dpr - 1 &&
           g.max.y <= css.bottom() * dpr + 1;
}

struct NullRenderer : ::testing::Test {
    wg::render::FontSet fonts;
    wg::render::FrameList frame_list;
    wg::render::Theme theme = wg::render::light_theme();
    wg::Gallery gallery;
    // What frame() lays out and shows besides slide 0 at dx (set them before the frame).
    bool header = false, expanded = false;
    float next_dx = NAN;                   // slide 1's offset while swiping; NAN: only slide 0 is on screen
    const wg::TextMeasure* measure = nullptr;  // what the layout measures with; null: the fonts
    float atlas_dpr = 0;                   // the DPR the fonts were last built for
    bool opaque = false;                   // the photos have no transparent pixel

    void SetUp() override {
        auto regular = read_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
        auto bold = read_file("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf");
        ASSERT_FALSE(regular.empty()) << "fonts-noto-core is installed by scripts/bootstrap.sh";
        fonts.set_faces(regular, bold);
        wg::Slide s;
        s.image = "a.jpg";
        s.caption = "Pictured: Fireworks over Tehran's Milad Tower — «Москва»";
        s.credit = "© AFP 2023 / STR";
        s.text = "First paragraph of the body.\n\nSecond paragraph.";
        gallery.slides = {s, s, s};
        gallery.title = "A gallery";
    }

    wg::Layout layout_for(int index, float w, float h) {
        wg::LayoutInput in;
        in.width = w; in.height = h; in.count = 3; in.index = index; in.slide = &gallery.slides[size_t(index)];
        in.image_aspect = 1.5f;
        in.title = &gallery.title; in.show_header = header; in.expanded = expanded;
        return wg::compute_layout(in, measure ? *measure : fonts);
    }

    // Draws one frame at (w × h CSS px, dpr) with slide 0 at offset dx; returns the draw list's copy.
    ImDrawList* frame(float w, float h, float dpr, float dx, ImTextureID photo) {
        std::string all = gallery.title;
        for (auto& s : gallery.slides) all += s.caption + s.credit + s.text;
        // Fresh faces build on the first frame; after that only a new DPR rebuilds (the text stays).
        EXPECT_EQ(fonts.ensure(dpr, 1.f, all), dpr != atlas_dpr) << "DPR " << dpr << " after " << atlas_dpr;
        atlas_dpr = dpr;
        fonts.atlas().SetTexID((ImTextureID)(intptr_t)1);  // what a GL renderer would upload
        ImDrawList* dl = frame_list.begin(w * dpr, h * dpr, fonts.atlas());
        layout_ = layout_for(0, w, h);
        wg::render::FrameView v;
        v.width = w; v.height = h; v.dpr = dpr; v.count = 3; v.index = 0; v.chrome = &layout_;
        v.title = &gallery.title;
        wg::render::SlideView sv;
        sv.layout = &layout_; sv.slide = &gallery.slides[0]; sv.dx = dx; sv.texture = photo; sv.texture_alpha = 1;
        sv.texture_opaque = opaque;
        v.slides.push_back(sv);
        if (!std::isnan(next_dx)) {
            next_layout_ = layout_for(1, w, h);
            sv.layout = &next_layout_; sv.slide = &gallery.slides[1]; sv.dx = next_dx;
            v.slides.push_back(sv);
        }
        wg::render::draw_frame(dl, fonts, theme, v);
        frame_list.end();
        return dl;
    }
    wg::Layout layout_, next_layout_;
};

TEST_F(NullRenderer, PhotoIsDrawnWithItsTextureInsideThePhotoRect) {
    const ImTextureID photo = (ImTextureID)(intptr_t)42;
    ImDrawList* dl = frame(360, 500, 3, 0, photo);
    bool found = false;
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        if (c.TextureId != photo) continue;
        found = true;
        EXPECT_EQ(c.ElemCount, 6u);  // one quad
        for (unsigned i = 0; i < c.ElemCount; ++i) {
            const ImDrawVert& v = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i] + c.VtxOffset];
            EXPECT_GE(v.pos.x, layout_.image.x * 3 - 0.5f);
            EXPECT_LE(v.pos.x, layout_.image.right() * 3 + 0.5f);
            EXPECT_LE(v.pos.y, layout_.image.bottom() * 3 + 0.5f);
        }
    }
    EXPECT_TRUE(found) << "no draw command samples the photo texture";
}

// Device pixels drawn with `tex` inside rect [a, b], overdraw counted: every triangle's cover of a
// 4-px sample grid (fine enough for rects and glyphs, exact enough for a fill-rate budget).
float area_inside(const ImDrawList* dl, ImTextureID tex, ImVec2 a, ImVec2 b) {
    constexpr float kStep = 4;
    const auto cross = [](ImVec2 o, ImVec2 p, ImVec2 q) { return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x); };
    float samples = 0;
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        if (c.TextureId != tex || c.UserCallback) continue;
        for (unsigned i = 0; i + 2 < c.ElemCount; i += 3) {
            ImVec2 t[3];
            for (unsigned k = 0; k < 3; ++k) t[k] = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i + k] + c.VtxOffset].pos;
            const float lox = std::max(a.x, std::min({t[0].x, t[1].x, t[2].x})), hix = std::min(b.x, std::max({t[0].x, t[1].x, t[2].x}));
            const float loy = std::max(a.y, std::min({t[0].y, t[1].y, t[2].y})), hiy = std::min(b.y, std::max({t[0].y, t[1].y, t[2].y}));
            for (float y = std::ceil(loy / kStep) * kStep; y < hiy; y += kStep)
                for (float x = std::ceil(lox / kStep) * kStep; x < hix; x += kStep) {
                    const ImVec2 p(x, y);
                    const float d0 = cross(t[0], t[1], p), d1 = cross(t[1], t[2], p), d2 = cross(t[2], t[0], p);
                    if ((d0 >= 0 && d1 >= 0 && d2 >= 0) || (d0 <= 0 && d1 <= 0 && d2 <= 0)) ++samples;
                }
        }
    }
    return samples * kStep * kStep;
}

TEST_F(NullRenderer, AnOpaquePhotoIsTheOnlyThingDrawnWhereItIs) {
    // Fill rate is what a phone's GPU (and software GL) runs out of at DPR 3: the letterbox colour
    // goes around an opaque photo, not under it, and nothing paints the whole canvas (the clear does).
    const ImTextureID photo = (ImTextureID)(intptr_t)42, atlas = (ImTextureID)(intptr_t)1;
    opaque = true;
    ImDrawList* dl = frame(360, 500, 3, 0, photo);
    const ImVec2 a(layout_.image.x * 3 + 1, layout_.image.y * 3 + 1), b(layout_.image.right() * 3 - 1, layout_.image.bottom() * 3 - 1);
    const float image = (b.x - a.x) * (b.y - a.y);
    EXPECT_NEAR(area_inside(dl, photo, a, b), image, image * 0.01f);
    // What the atlas draws there: the counter pill, the credit's scrim and text, the full-screen icon.
    EXPECT_LT(area_inside(dl, atlas, a, b), image * 0.1f);
    // A photo with transparent pixels keeps the letterbox colour under it.
    opaque = false;
    dl = frame(360, 500, 3, 0, photo);
    EXPECT_GT(area_inside(dl, atlas, a, b), image * 0.99f);
}

TEST_F(NullRenderer, TextGlyphsLandInThePanelAtDevicePixelSize) {
    ImDrawList* dl = frame(360, 500, 3, 0, nullptr);
    // Glyph quads use the font atlas texture (id 1). Count those below the photo.
    int glyph_verts_in_panel = 0;
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        if (c.TextureId != (ImTextureID)(intptr_t)1) continue;
        for (unsigned i = 0; i < c.ElemCount; ++i) {
            const ImDrawVert& v = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i] + c.VtxOffset];
            if (v.pos.y > layout_.panel.y * 3 && v.uv.x > 0) ++glyph_verts_in_panel;
        }
    }
    EXPECT_GT(glyph_verts_in_panel, 6 * 20);
    // Rasterized for DPR 3: the body font's pixel size is 3× its CSS size.
    EXPECT_NEAR(fonts.pixel_size(wg::FontRole::Body), 48.f, 1.f);
    // Every glyph the caption needs (Cyrillic, guillemets, em dash) exists in the atlas.
    ImFont* f = fonts.font(wg::FontRole::Caption);
    for (ImWchar c : {ImWchar(0x41C), ImWchar(0x00AB), ImWchar(0x2014), ImWchar(0x00A9)})
        EXPECT_NE(f->FindGlyphNoFallback(c), nullptr) << "glyph U+" << std::hex << int(c);
}

TEST_F(NullRenderer, ASlidingSlideIsClippedToTheBox) {
    ImDrawList* dl = frame(360, 500, 2, 200, (ImTextureID)(intptr_t)7);
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        EXPECT_LE(c.ClipRect.z, 360 * 2 + 0.5f);
        EXPECT_GE(c.ClipRect.x, -0.5f);
    }
}

TEST_F(NullRenderer, FontAtlasHoldsOnlyTheGlyphsInUse) {
    frame(360, 500, 3, 0, nullptr);
    ImFont* body = fonts.font(wg::FontRole::Body);
    // A handful of distinct characters in the gallery plus UI digits: far below a full Latin+Cyrillic set.
    EXPECT_LT(body->Glyphs.Size, 120);
    EXPECT_FALSE(fonts.ensure(3, 1.f, gallery.title + gallery.slides[0].caption + gallery.slides[0].credit +
                                          gallery.slides[0].text + gallery.slides[1].caption + gallery.slides[1].credit +
                                          gallery.slides[1].text + gallery.slides[2].caption + gallery.slides[2].credit +
                                          gallery.slides[2].text))
        << "same text and DPR: no rebuild";
    EXPECT_TRUE(fonts.ensure(2, 1.f, "other")) << "DPR change rebuilds";
}

// The header is chrome: however many slides are on screen, the title is drawn once, where the layout put it.
TEST_F(NullRenderer, TheTitleIsDrawnOncePerFrameWhileSwiping) {
    header = true;
    next_dx = 360 - 120;  // slide 0 has moved 120 px left, slide 1 follows it in
    ImDrawList* dl = frame(360, 500, 3, -120, nullptr);
    const ImFont* title_font = fonts.font(wg::FontRole::Title);
    const std::u16string title = u"A gallery";
    ASSERT_GT(layout_.header.h, 0);
    const std::vector<Glyph> drawn = glyphs(dl, title_font, title);
    EXPECT_EQ(drawn.size(), visible_glyphs(title_font, title));
    for (const Glyph& g : drawn) EXPECT_TRUE(inside(g, layout_.header, 3)) << "'" << char(g.c) << "' at " << g.min.x;
}

// The layout reserves the More/Less button for its label measured in one font; the view must draw
// exactly that label in exactly that font, padded as the layout padded it.
TEST_F(NullRenderer, TheMoreLabelIsDrawnInTheFontTheLayoutMeasuredIt) {
    RecordingMeasure rec(fonts);
    measure = &rec;
    for (bool open : {false, true}) {
        SCOPED_TRACE(open ? "expanded: Less" : "collapsed: More");
        expanded = open;
        rec.calls.clear();
        ImDrawList* dl = frame(360, open ? 500 : 400, 3, 0, nullptr);  // 400: too short for all the text
        const wg::Rect& b = layout_.more_button;
        ASSERT_FALSE(b.empty());
        const std::string& label = layout_.more_label;
        ASSERT_EQ(label, open ? "Less" : "More");
        const std::u16string label16 = open ? u"Less" : u"More";
        const std::u16string any_label = u"MoreLs\u2026";
        int measured_in = -1;
        for (const auto& [text, role] : rec.calls)
            if (text == label) measured_in = int(role);
        ASSERT_NE(measured_in, -1) << "the layout never measured the label";
        for (wg::FontRole role : kRoles) {
            size_t in_button = 0;
            std::vector<Glyph> drawn = glyphs(dl, fonts.font(role), any_label);
            for (const Glyph& g : drawn) in_button += inside(g, b, 3);
            if (int(role) != measured_in) {
                EXPECT_EQ(in_button, 0u) << "label glyphs in font " << int(role);
                continue;
            }
            EXPECT_EQ(in_button, visible_glyphs(fonts.font(role), label16));
            // The first glyph starts where the layout left room for the label: one pad into the button.
            const ImFontGlyph* first = fonts.font(role)->FindGlyph(ImWchar(label16[0]));
            for (const Glyph& g : drawn)
                if (inside(g, b, 3) && g.c == label16[0])
                    EXPECT_NEAR(g.min.x - first->X0, (b.x + wg::layout::kTextButtonPadX) * 3, 1.5f);
        }
    }
}

// A title longer than the header's lines ends its last line with "…", inside the content width.
TEST_F(NullRenderer, AClippedTitleEndsWithAnEllipsis) {
    header = true;
    gallery.title = "Earthquake aftermath: rescuers race against time in the ruins of Antakya as the toll keeps "
                    "rising and the cold sets in";
    ImDrawList* dl = frame(360, 600, 3, 0, nullptr);
    const std::vector<Glyph> dots = glyphs(dl, fonts.font(wg::FontRole::Title), u"\u2026");
    ASSERT_EQ(dots.size(), 1u);
    EXPECT_TRUE(inside(dots[0], layout_.header, 3));
    EXPECT_LE(dots[0].max.x, (360 - wg::layout::kPanelPadX) * 3 + 1);
    const float second_line = wg::layout::kHeaderPadY + fonts.line_height(wg::FontRole::Title);
    EXPECT_GE(dots[0].min.y, second_line * 3 - 1) << "on the last title line, not the first";
}

// Text cut off above More ends its last visible line with "…".
TEST_F(NullRenderer, ClippedPanelTextEndsWithAnEllipsis) {
    ImDrawList* dl = frame(360, 400, 3, 0, nullptr);
    ASSERT_FALSE(layout_.more_button.empty()) << "400 px is too short for all the text";
    size_t n = 0;
    for (wg::FontRole role : kRoles)
        for (const Glyph& g : glyphs(dl, fonts.font(role), u"\u2026")) {
            if (inside(g, layout_.more_button, 3)) continue;  // the button's own label is not the text's
            ++n;
            EXPECT_TRUE(inside(g, layout_.panel, 3));
            EXPECT_LE(g.max.x, (360 - wg::layout::kPanelPadX) * 3 + 1);
            EXPECT_LE(g.max.y, layout_.more_button.y * 3 + 1);
        }
    EXPECT_EQ(n, 1u);
}

// Caption and body share the theme's text colour (the caption stands out by its bold face), so a page's
// --wg-text restyles both.
TEST_F(NullRenderer, PanelTextIsDrawnInTheThemeTextColour) {
    theme.text = 0x123456FF;
    ImDrawList* dl = frame(360, 500, 3, 0, nullptr);
    const std::u16string all = u"PicturedFirstSecondparagraphbody";
    size_t n = 0;
    for (wg::FontRole role : {wg::FontRole::Caption, wg::FontRole::Body})
        for (const Glyph& g : glyphs(dl, fonts.font(role), all)) {
            if (!inside(g, layout_.panel, 3)) continue;
            ++n;
            EXPECT_EQ(g.col, wg::render::to_imgui(theme.text)) << "'" << char(g.c) << "' in role " << int(role);
        }
    EXPECT_GT(n, 20u);
}

}  // namespace
