// view_test.cpp — the render layer on ImGui's core with no GL backend (a null renderer): a real
// frame is laid out and drawn into a draw list, and the draw list is checked for what a reader
// would see: the photo's texture inside the photo rect, glyphs in the text panel, a clip that keeps
// a sliding slide inside the box.
#include <gtest/gtest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>

#include "core/layout.h"
#include "render/fonts.h"
#include "render/view.h"

namespace {

std::vector<unsigned char> read_file(const char* path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

struct NullRenderer : ::testing::Test {
    ImGuiContext* ctx = nullptr;
    wg::render::FontSet fonts;
    wg::Gallery gallery;

    void SetUp() override {
        ctx = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
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
    void TearDown() override { ImGui::DestroyContext(ctx); }

    // Draws one frame at (w × h CSS px, dpr) with slide 0 at offset dx; returns the draw list's copy.
    ImDrawList* frame(float w, float h, float dpr, float dx, ImTextureID photo) {
        std::string all = gallery.title;
        for (auto& s : gallery.slides) all += s.caption + s.credit + s.text;
        EXPECT_TRUE(fonts.ensure(dpr, 1.f, all) || true);
        ImGuiIO& io = ImGui::GetIO();
        unsigned char* px; int tw, th;
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);  // what a GL backend would upload
        io.Fonts->SetTexID((ImTextureID)(intptr_t)1);
        io.DisplaySize = ImVec2(w * dpr, h * dpr);
        io.DeltaTime = 1.f / 60.f;
        ImGui::NewFrame();
        wg::LayoutInput in;
        in.width = w; in.height = h; in.count = 3; in.index = 0; in.slide = &gallery.slides[0];
        in.image_aspect = 1.5f;
        layout_ = wg::compute_layout(in, fonts);
        wg::render::FrameView v;
        v.width = w; v.height = h; v.dpr = dpr; v.count = 3; v.index = 0; v.chrome = &layout_;
        wg::render::SlideView sv;
        sv.layout = &layout_; sv.slide = &gallery.slides[0]; sv.dx = dx; sv.texture = photo; sv.texture_alpha = 1;
        v.slides.push_back(sv);
        wg::render::draw_frame(ImGui::GetBackgroundDrawList(), fonts, wg::render::light_theme(), v);
        ImGui::Render();
        return ImGui::GetBackgroundDrawList();
    }
    wg::Layout layout_;
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

}  // namespace
