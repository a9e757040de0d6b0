// image_pixels_test.cpp — orient (EXIF 1–8), fit_size/fit_within (downscale only, sRGB-aware),
// premultiply (exact rounding), on small hand-made images.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/image/pixels.h"

namespace wg::image {
namespace {

// A w×h RGBA image whose pixel i (row-major) is {i, i, i, 255}: every pixel is identifiable.
Image numbered(int w, int h) {
    Image img{w, h, {}};
    for (int i = 0; i < w * h; ++i) img.rgba.insert(img.rgba.end(), {uint8_t(i), uint8_t(i), uint8_t(i), 255});
    return img;
}

// The image as rows of pixel numbers ("0 1 2/3 4 5").
std::string layout(const Image& img) {
    std::string s;
    for (int y = 0; y < img.height; ++y) {
        if (y) s += "/";
        for (int x = 0; x < img.width; ++x) s += (x ? " " : "") + std::to_string(img.rgba[(y * img.width + x) * 4]);
    }
    return s;
}

TEST(ImageOrient, EachExifOrientationMovesPixelsAsTheTagDefines) {
    // Stored 3×2:  0 1 2 / 3 4 5  (the EXIF spec's "0th row" is 0 1 2, its "0th column" 0 3).
    struct Case { int orientation; const char* shown; };
    const Case cases[] = {
        {1, "0 1 2/3 4 5"},
        {2, "2 1 0/5 4 3"},      // mirrored left–right
        {3, "5 4 3/2 1 0"},      // rotated 180°
        {4, "3 4 5/0 1 2"},      // mirrored top–bottom
        {5, "0 3/1 4/2 5"},      // 0th row = left side, 0th column = top
        {6, "3 0/4 1/5 2"},      // 0th row = right side, 0th column = top (rotate 90° clockwise)
        {7, "5 2/4 1/3 0"},      // 0th row = right side, 0th column = bottom
        {8, "2 5/1 4/0 3"},      // 0th row = left side, 0th column = bottom (rotate 90° counter-clockwise)
    };
    for (const Case& c : cases) {
        const Image out = orient(numbered(3, 2), c.orientation);
        const bool swapped = c.orientation >= 5;
        EXPECT_EQ(out.width, swapped ? 2 : 3) << c.orientation;
        EXPECT_EQ(out.height, swapped ? 3 : 2) << c.orientation;
        EXPECT_EQ(layout(out), c.shown) << "orientation " << c.orientation;
    }
}

TEST(ImageOrient, OutOfRangeOrientationLeavesTheImageAlone) {
    for (int o : {0, -1, 9, 100}) EXPECT_EQ(layout(orient(numbered(3, 2), o)), "0 1 2/3 4 5") << o;
}

TEST(ImageOrient, InconsistentImageGivesAnEmptyOne) {
    Image bad = numbered(3, 2);
    bad.rgba.pop_back();
    const Image out = orient(bad, 6);
    EXPECT_EQ(out.width, 0);
    EXPECT_TRUE(out.rgba.empty());
    EXPECT_TRUE(orient(Image{}, 3).rgba.empty());
}

TEST(ImageOrient, ExpandsGrayGrayAlphaAndRgbToRgba) {
    const uint8_t gray[] = {10, 20};
    const uint8_t gray_alpha[] = {10, 100, 20, 200};
    const uint8_t rgb[] = {1, 2, 3, 4, 5, 6};
    EXPECT_EQ(orient_to_rgba(gray, 2, 1, 1, 1).rgba, (std::vector<uint8_t>{10, 10, 10, 255, 20, 20, 20, 255}));
    EXPECT_EQ(orient_to_rgba(gray_alpha, 2, 1, 2, 2).rgba, (std::vector<uint8_t>{20, 20, 20, 200, 10, 10, 10, 100}));
    const Image r = orient_to_rgba(rgb, 2, 1, 3, 6);  // 2×1 → 1×2
    EXPECT_EQ(r.width, 1);
    EXPECT_EQ(r.height, 2);
    EXPECT_EQ(r.rgba, (std::vector<uint8_t>{1, 2, 3, 255, 4, 5, 6, 255}));
    EXPECT_TRUE(orient_to_rgba(rgb, 2, 1, 5, 1).rgba.empty());
    EXPECT_TRUE(orient_to_rgba(nullptr, 2, 1, 3, 1).rgba.empty());
}

TEST(ImageFit, FitSizeKeepsAspectAndNeverUpscales) {
    struct Case { int w, h, max_w, max_h, out_w, out_h; };
    const Case cases[] = {
        {4000, 3000, 1000, 1000, 1000, 750},  // width-limited
        {3000, 4000, 1000, 1000, 750, 1000},  // height-limited
        {4000, 3000, 1000, 0, 1000, 750},     // 0 = no limit on that side
        {4000, 3000, 0, 300, 400, 300},
        {4000, 3000, 0, 0, 4000, 3000},
        {4000, 3000, -5, -5, 4000, 3000},     // negative = no limit too
        {640, 480, 1920, 1080, 640, 480},     // never upscale
        {640, 480, 640, 480, 640, 480},       // exact fit
        {1000, 1, 10, 10, 10, 1},             // a side never drops to 0
        {1, 1000, 10, 10, 1, 10},
        {1001, 1000, 100, 100, 100, 100},     // 99.9 rounds to 100
        {1000, 333, 100, 100, 100, 33},       // 33.3 rounds down
        {1000, 335, 100, 100, 100, 34},       // 33.5 rounds up
        {0, 10, 5, 5, 0, 0},                  // empty in, empty out
    };
    for (const Case& c : cases) {
        const Size s = fit_size(c.w, c.h, c.max_w, c.max_h);
        EXPECT_EQ(s.width, c.out_w) << c.w << "x" << c.h << " in " << c.max_w << "x" << c.max_h;
        EXPECT_EQ(s.height, c.out_h) << c.w << "x" << c.h << " in " << c.max_w << "x" << c.max_h;
    }
}

TEST(ImageFit, OrientedSizeSwapsForFiveToEight) {
    for (int o = 0; o <= 9; ++o) {
        const Size s = oriented_size(30, 20, o);
        const bool swapped = o >= 5 && o <= 8;
        EXPECT_EQ(s.width, swapped ? 20 : 30) << o;
        EXPECT_EQ(s.height, swapped ? 30 : 20) << o;
    }
}

Image solid(int w, int h, std::array<uint8_t, 4> c) {
    Image img{w, h, {}};
    for (int i = 0; i < w * h; ++i) img.rgba.insert(img.rgba.end(), c.begin(), c.end());
    return img;
}

TEST(ImageFit, FitWithinDownscalesToTheFittedSizeAndKeepsFlatColours) {
    const Image out = fit_within(solid(40, 20, {200, 100, 50, 255}), 10, 10);
    ASSERT_EQ(out.width, 10);
    ASSERT_EQ(out.height, 5);
    ASSERT_EQ(out.rgba.size(), 10u * 5 * 4);
    for (size_t i = 0; i < out.rgba.size(); i += 4) {
        EXPECT_NEAR(out.rgba[i], 200, 1);
        EXPECT_NEAR(out.rgba[i + 1], 100, 1);
        EXPECT_NEAR(out.rgba[i + 2], 50, 1);
        EXPECT_EQ(out.rgba[i + 3], 255);
    }
}

TEST(ImageFit, FitWithinNeverUpscales) {
    const Image in = numbered(3, 2);
    const Image out = fit_within(in, 300, 200);
    EXPECT_EQ(out.width, 3);
    EXPECT_EQ(out.height, 2);
    EXPECT_EQ(out.rgba, in.rgba);
}

TEST(ImageFit, FitWithinAveragesInLinearLightNotInSrgbValues) {
    // Alternating black and white columns, halved: linear mean 0.5 is sRGB ≈ 188, not 128.
    Image stripes{64, 4, {}};
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 64; ++x) {
            const uint8_t v = x % 2 ? 255 : 0;
            stripes.rgba.insert(stripes.rgba.end(), {v, v, v, 255});
        }
    const Image out = fit_within(stripes, 16, 16);
    ASSERT_EQ(out.width, 16);
    ASSERT_EQ(out.height, 1);
    for (int x = 2; x < 14; ++x) EXPECT_NEAR(out.rgba[x * 4], 188, 4) << x;  // away from the clamped edges
}

TEST(ImageFit, TransparentPixelsDoNotBleedTheirColour) {
    // Invisible red next to opaque green: after shrinking, no red may show and alpha is about half.
    Image img{32, 4, {}};
    for (int i = 0; i < 32 * 4; ++i) {
        if (i % 2) img.rgba.insert(img.rgba.end(), {0, 255, 0, 255});
        else img.rgba.insert(img.rgba.end(), {255, 0, 0, 0});
    }
    const Image out = fit_within(img, 8, 8);
    ASSERT_EQ(out.width, 8);
    for (int x = 1; x < 7; ++x) {
        EXPECT_LE(out.rgba[x * 4], 2) << x;
        EXPECT_GE(out.rgba[x * 4 + 1], 250) << x;
        EXPECT_NEAR(out.rgba[x * 4 + 3], 128, 6) << x;
    }
}

TEST(ImagePremultiply, MatchesRoundedProductForEveryColourAndAlpha) {
    Image img{256, 256, {}};
    for (int a = 0; a < 256; ++a)
        for (int c = 0; c < 256; ++c)
            img.rgba.insert(img.rgba.end(), {uint8_t(c), uint8_t(255 - c), uint8_t(c / 2), uint8_t(a)});
    premultiply(img);
    for (int a = 0; a < 256; ++a)
        for (int c = 0; c < 256; ++c) {
            const uint8_t* p = &img.rgba[size_t(a * 256 + c) * 4];
            const auto expect = [&](int v) { return int(std::lround(v * a / 255.0)); };
            ASSERT_EQ(p[0], expect(c)) << "c=" << c << " a=" << a;
            ASSERT_EQ(p[1], expect(255 - c)) << "c=" << c << " a=" << a;
            ASSERT_EQ(p[2], expect(c / 2)) << "c=" << c << " a=" << a;
            ASSERT_EQ(p[3], a);
        }
}

TEST(ImageOpaque, OnlyWhenEveryAlphaIs255) {
    std::vector<uint8_t> px(7 * 4, 255);
    EXPECT_TRUE(opaque(px.data(), 7));
    EXPECT_TRUE(opaque(px.data(), 0)) << "no pixels: nothing shows through";
    for (int at : {0, 6}) {
        auto p = px;
        p[size_t(at) * 4 + 3] = 254;
        EXPECT_FALSE(opaque(p.data(), 7)) << "pixel " << at;
    }
    auto colours = px;
    colours[0] = colours[1] = colours[2] = 0;  // colour does not matter, only alpha
    EXPECT_TRUE(opaque(colours.data(), 7));
}

}  // namespace
}  // namespace wg::image
