// view_test.cpp — the render layer with no GL (a null renderer): a real frame is laid out and drawn
// into the frame's draw list exactly as the widget does (FrameList, no ImGui context), with a fake of
// the browser's text engine, and the draw list is checked for what a reader would see: the photo's
// texture inside the photo rect, the text's line images in the panel, a clip that keeps a sliding
// slide inside the box.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/layout.h"
#include "render/frame_list.h"
#include "render/text.h"
#include "render/view.h"

namespace {

// The browser's text engine, faked: 8 CSS px per code point at 16 px (scaled by the role's size),
// break opportunities after spaces; every image it is asked for is recorded, with a texture id of
// its own (1000 + its number) and the size of its line box in device px.
struct FakeText : wg::render::TextEngine {
    struct Image { std::string text; wg::FontRole role; uint32_t rgba; bool rtl; ImTextureID tex; };
    std::vector<Image> images;
    float dpr = 1;
    float width(std::string_view s, wg::FontRole r) const override {
        size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return float(n) * 8.f * wg::render::font_spec(r).css_px / 16.f * font_scale();
    }
    wg::render::TextImage image(std::string_view s, wg::FontRole r, uint32_t rgba, bool rtl) override {
        const ImTextureID tex = (ImTextureID)(intptr_t)(1000 + images.size());
        images.push_back({std::string(s), r, rgba, rtl, tex});
        return {tex, 0, 0, width(s, r) * dpr, line_height(r) * dpr};
    }
};

// Forwards to the fake and remembers the role each string was measured in.
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

// Where the draw list put the image with texture `tex` (device px); found = false if it did not.
struct Placed { bool found = false; ImVec2 min, max; ImU32 col = 0; };
Placed placed(const ImDrawList* dl, ImTextureID tex) {
    Placed p;
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        if (c.TextureId != tex || c.UserCallback) continue;
        for (unsigned i = 0; i < c.ElemCount; ++i) {
            const ImDrawVert& v = dl->VtxBuffer[dl->IdxBuffer[c.IdxOffset + i] + c.VtxOffset];
            if (!p.found) p.min = p.max = v.pos, p.col = v.col;
            p.found = true;
            p.min = ImVec2(std::min(p.min.x, v.pos.x), std::min(p.min.y, v.pos.y));
            p.max = ImVec2(std::max(p.max.x, v.pos.x), std::max(p.max.y, v.pos.y));
        }
    }
    return p;
}

bool inside(const Placed& g, const wg::Rect& css, float dpr) {
    return g.found && g.min.x >= css.x * dpr - 1 && g.max.x <= css.right() * dpr + 1 && g.min.y >= css.y * dpr - 1 &&
           g.max.y <= css.bottom() * dpr + 1;
}

const ImTextureID kWhite = (ImTextureID)(intptr_t)1;

struct NullRenderer : ::testing::Test {
    FakeText text;
    wg::render::FrameList frame_list;
    wg::render::Theme theme = wg::render::light_theme();
    wg::Gallery gallery;
    // What frame() lays out and shows besides slide 0 at dx (set them before the frame).
    bool header = false, expanded = false;
    float next_dx = NAN;                   // slide 1's offset while swiping; NAN: only slide 0 is on screen
    const wg::TextMeasure* measure = nullptr;  // what the layout measures with; null: the fake text engine
    bool opaque = false;                   // the photos have no transparent pixel
    bool rtl = false;                      // a right-to-left gallery
    float slide_alpha = 1;                 // slide 0's opacity (fade transition)

    void SetUp() override {
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
        return wg::compute_layout(in, measure ? *measure : text);
    }

    // Draws one frame at (w × h CSS px, dpr) with slide 0 at offset dx; returns the draw list's copy.
    ImDrawList* frame(float w, float h, float dpr, float dx, ImTextureID photo) {
        text.dpr = dpr;
        text.images.clear();
        ImDrawList* dl = frame_list.begin(w * dpr, h * dpr, kWhite);
        layout_ = layout_for(0, w, h);
        wg::render::FrameView v;
        v.width = w; v.height = h; v.dpr = dpr; v.count = 3; v.index = 0; v.chrome = &layout_;
        v.title = &gallery.title;
        v.rtl = rtl;
        wg::render::SlideView sv;
        sv.layout = &layout_; sv.slide = &gallery.slides[0]; sv.dx = dx; sv.texture = photo; sv.texture_alpha = 1;
        sv.texture_opaque = opaque;
        sv.alpha = slide_alpha;
        v.slides.push_back(sv);
        if (!std::isnan(next_dx)) {
            next_layout_ = layout_for(1, w, h);
            sv.layout = &next_layout_; sv.slide = &gallery.slides[1]; sv.dx = next_dx;
            v.slides.push_back(sv);
        }
        wg::render::draw_frame(dl, text, theme, v);
        frame_list.end();
        return dl;
    }
    wg::Layout layout_, next_layout_;

    // The images drawn of `role` (all roles if none), in order.
    std::vector<FakeText::Image> images(std::optional<wg::FontRole> role = std::nullopt) const {
        std::vector<FakeText::Image> out;
        for (const auto& i : text.images)
            if (!role || i.role == *role) out.push_back(i);
        return out;
    }
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
    const ImTextureID photo = (ImTextureID)(intptr_t)42, atlas = kWhite;
    opaque = true;
    ImDrawList* dl = frame(360, 500, 3, 0, photo);
    const ImVec2 a(layout_.image.x * 3 + 1, layout_.image.y * 3 + 1), b(layout_.image.right() * 3 - 1, layout_.image.bottom() * 3 - 1);
    const float image = (b.x - a.x) * (b.y - a.y);
    EXPECT_NEAR(area_inside(dl, photo, a, b), image, image * 0.01f);
    // What shapes draw there: the counter pill, the credit's scrim, the full-screen icon.
    EXPECT_LT(area_inside(dl, atlas, a, b), image * 0.1f);
    // A photo with transparent pixels keeps the letterbox colour under it.
    opaque = false;
    dl = frame(360, 500, 3, 0, photo);
    EXPECT_GT(area_inside(dl, atlas, a, b), image * 0.99f);
}

TEST_F(NullRenderer, TextLinesAreImagesInThePanelAtDevicePixelSize) {
    ImDrawList* dl = frame(360, 500, 3, 0, nullptr);
    const auto caption = images(wg::FontRole::Caption);
    ASSERT_FALSE(caption.empty());
    // The caption's lines, in order, are the caption; each image lies in the panel at 3 device px per CSS px.
    std::string joined;
    for (const auto& i : caption) joined += (joined.empty() ? "" : " ") + i.text;
    EXPECT_EQ(joined, gallery.slides[0].caption);
    for (const auto& i : caption) {
        const Placed p = placed(dl, i.tex);
        ASSERT_TRUE(p.found) << i.text;
        EXPECT_TRUE(inside(p, layout_.panel, 3)) << i.text;
        EXPECT_NEAR(p.max.x - p.min.x, text.width(i.text, wg::FontRole::Caption) * 3, 0.5f);
    }
    // Body text too, and the credit over the photo.
    EXPECT_FALSE(images(wg::FontRole::Body).empty());
    ASSERT_EQ(images(wg::FontRole::Small).size(), 1u);
    EXPECT_EQ(images(wg::FontRole::Small)[0].text, gallery.slides[0].credit);
}

TEST_F(NullRenderer, ASlidingSlideIsClippedToTheBox) {
    ImDrawList* dl = frame(360, 500, 2, 200, (ImTextureID)(intptr_t)7);
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        EXPECT_LE(c.ClipRect.z, 360 * 2 + 0.5f);
        EXPECT_GE(c.ClipRect.x, -0.5f);
    }
}

// Text images are made once and kept: a fading slide asks for the same opaque-coloured image and
// fades it with the vertex colour, so a transition never makes new images frame after frame.
TEST_F(NullRenderer, AFadingSlideReusesItsOpaqueTextImages) {
    slide_alpha = 0.5f;
    ImDrawList* dl = frame(360, 500, 3, 0, nullptr);
    const auto caption = images(wg::FontRole::Caption);
    ASSERT_FALSE(caption.empty());
    EXPECT_EQ(caption[0].rgba, theme.text) << "asked for in the opaque theme colour";
    EXPECT_EQ(placed(dl, caption[0].tex).col, IM_COL32(128, 128, 128, 128)) << "faded by the vertex colour (premultiplied)";
}

// The header is chrome: however many slides are on screen, the title is drawn once, where the layout put it.
TEST_F(NullRenderer, TheTitleIsDrawnOncePerFrameWhileSwiping) {
    header = true;
    next_dx = 360 - 120;  // slide 0 has moved 120 px left, slide 1 follows it in
    ImDrawList* dl = frame(360, 500, 3, -120, nullptr);
    ASSERT_GT(layout_.header.h, 0);
    const auto title = images(wg::FontRole::Title);
    ASSERT_EQ(title.size(), 1u);
    EXPECT_EQ(title[0].text, "A gallery");
    EXPECT_TRUE(inside(placed(dl, title[0].tex), layout_.header, 3));
}

// The layout reserves the More/Less button for its label measured in one font; the view must draw
// exactly that label in exactly that font, centred in the button as the layout padded it.
TEST_F(NullRenderer, TheMoreLabelIsDrawnInTheFontTheLayoutMeasuredIt) {
    RecordingMeasure rec(text);
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
        int measured_in = -1;
        for (const auto& [t, role] : rec.calls)
            if (t == label) measured_in = int(role);
        ASSERT_NE(measured_in, -1) << "the layout never measured the label";
        size_t drawn = 0;
        for (const auto& i : images()) {
            if (i.text != label) continue;
            ++drawn;
            EXPECT_EQ(int(i.role), measured_in);
            const Placed p = placed(dl, i.tex);
            EXPECT_TRUE(inside(p, b, 3));
            EXPECT_NEAR(p.min.x, (b.x + wg::layout::kTextButtonPadX) * 3, 1.5f) << "one pad into the button";
        }
        EXPECT_EQ(drawn, 1u);
    }
}

// A title longer than the header's lines ends its last line with "…", inside the content width.
TEST_F(NullRenderer, AClippedTitleEndsWithAnEllipsis) {
    header = true;
    gallery.title = "Earthquake aftermath: rescuers race against time in the ruins of Antakya as the toll keeps "
                    "rising and the cold sets in";
    ImDrawList* dl = frame(360, 600, 3, 0, nullptr);
    const auto title = images(wg::FontRole::Title);
    ASSERT_EQ(title.size(), size_t(wg::layout::kMaxTitleLines));
    EXPECT_EQ(title[0].text.find("\u2026"), std::string::npos);
    const std::string& last = title.back().text;
    ASSERT_GE(last.size(), 3u);
    EXPECT_EQ(last.substr(last.size() - 3), "\u2026") << "on the last title line, not the first";
    const Placed p = placed(dl, title.back().tex);
    EXPECT_TRUE(inside(p, layout_.header, 3));
    EXPECT_LE(p.max.x, (360 - wg::layout::kPanelPadX) * 3 + 1);
}

// Text cut off above More ends its last visible line with "…".
TEST_F(NullRenderer, ClippedPanelTextEndsWithAnEllipsis) {
    ImDrawList* dl = frame(360, 400, 3, 0, nullptr);
    ASSERT_FALSE(layout_.more_button.empty()) << "400 px is too short for all the text";
    size_t n = 0;
    for (const auto& i : images()) {
        if (i.text.find("\u2026") == std::string::npos) continue;
        ++n;
        const Placed p = placed(dl, i.tex);
        EXPECT_TRUE(inside(p, layout_.panel, 3));
        EXPECT_LE(p.max.x, (360 - wg::layout::kPanelPadX) * 3 + 1);
        EXPECT_LE(p.max.y, layout_.more_button.y * 3 + 1);
    }
    EXPECT_EQ(n, 1u);
}

// Caption and body share the theme's text colour (the caption stands out by its bold face), so a page's
// --wg-text restyles both.
TEST_F(NullRenderer, PanelTextIsDrawnInTheThemeTextColour) {
    theme.text = 0x123456FF;
    frame(360, 500, 3, 0, nullptr);
    size_t n = 0;
    for (wg::FontRole role : {wg::FontRole::Caption, wg::FontRole::Body})
        for (const auto& i : images(role)) {
            ++n;
            EXPECT_EQ(i.rgba, theme.text) << i.text;
        }
    EXPECT_GT(n, 3u);
}

// Each paragraph is drawn in its own base direction (HTML's dir="auto"): Arabic right to left in any
// gallery, English left to right even in a right-to-left one; the counter, with no letter, follows the gallery.
TEST_F(NullRenderer, EachParagraphIsDrawnInItsOwnDirection) {
    gallery.slides[0].caption = "في الصورة: برج آزادي";
    for (bool r : {false, true}) {
        rtl = r;
        frame(360, 500, 3, 0, nullptr);
        ASSERT_FALSE(images().empty());
        for (const auto& i : images()) {
            if (i.role == wg::FontRole::Caption) EXPECT_TRUE(i.rtl) << i.text;
            if (i.role == wg::FontRole::Body) EXPECT_FALSE(i.rtl) << i.text;
            if (i.role == wg::FontRole::Counter) EXPECT_EQ(i.rtl, r) << i.text;
        }
    }
}

}  // namespace
