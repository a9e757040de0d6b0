// image_decode_test.cpp — decode(): every format we decode lands as premultiplied RGBA with its
// quadrants where they belong, EXIF orientation 1–8 applied, downscaling inside the box (never up),
// failures as error IDs, and stb's memory use bounded.
#include <gtest/gtest.h>

#include <random>

#include "core/image/decode.h"
#include "core/image/stb_impl.h"
#include "image_test_support.h"

namespace wg::image {
namespace {

using test::Bytes;
using test::Rgba;

DecodeResult decode(const Bytes& b, int max_w = 0, int max_h = 0, const Limits& l = {}) {
    return wg::image::decode(b.data(), b.size(), max_w, max_h, l);
}
std::string error_id(const DecodeResult& r) { return r.error ? r.error->id : "none"; }

// Corner pixels one pixel in from each corner: top-left, top-right, bottom-left, bottom-right.
std::array<Rgba, 4> corners(const Image& img) {
    const int r = img.width - 2, b = img.height - 2;
    return {test::pixel(img, 1, 1), test::pixel(img, r, 1), test::pixel(img, 1, b), test::pixel(img, r, b)};
}

void expect_corners(const Image& img, const std::array<Rgba, 4>& want, int tolerance, const std::string& what) {
    const auto got = corners(img);
    const char* names[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(test::near(got[i], want[i], tolerance))
            << what << " " << names[i] << ": got " << test::str(got[i]) << ", want " << test::str(want[i]);
}

constexpr Rgba kHalfGreen{0, 128, 0, 128};  // green at alpha 128, premultiplied
constexpr Rgba kGray64{64, 64, 64, 255}, kGray159{159, 159, 159, 255}, kGray32{32, 32, 32, 255};

// stb_image_write's BMP turned top-down: negative height, rows in reverse order.
Bytes top_down_bmp(int w, int h) {
    Bytes b = test::encode_bmp(w, h, 3, test::quadrants(w, h, 3));
    const uint32_t negative = uint32_t(-h), offset = b[10] | b[11] << 8;
    for (int i = 0; i < 4; ++i) b[22 + i] = uint8_t(negative >> (8 * i));
    const size_t stride = (size_t(w) * 3 + 3) / 4 * 4;
    for (int y = 0; y < h / 2; ++y)
        std::swap_ranges(b.begin() + offset + y * stride, b.begin() + offset + (y + 1) * stride,
                         b.begin() + offset + (h - 1 - y) * stride);
    return b;
}

TEST(ImageDecode, EveryFormatLandsAsPremultipliedRgbaQuadrants) {
    const std::array<Rgba, 4> opaque{test::kRed, test::kGreen, test::kBlue, test::kWhite};
    const std::array<Rgba, 4> half{test::kRed, kHalfGreen, test::kBlue, test::kWhite};
    const std::array<Rgba, 4> gray{kGray64, kGray159, kGray32, test::kWhite};
    struct Case { const char* name; Bytes data; int w, h; std::array<Rgba, 4> want; int tolerance; };
    const Case cases[] = {
        {"PNG gray", test::encode_png(16, 16, 1, test::quadrants(16, 16, 1)), 16, 16, gray, 0},
        {"PNG gray+alpha", test::encode_png(16, 16, 2, test::quadrants(16, 16, 2)), 16, 16, gray, 0},
        {"PNG RGB", test::encode_png(16, 16, 3, test::quadrants(16, 16, 3)), 16, 16, opaque, 0},
        {"PNG RGBA", test::encode_png(16, 16, 4, test::quadrants(16, 16, 4, 128)), 16, 16, half, 0},
        {"PNG palette+tRNS", test::read_fixture("quad16_palette.png"), 16, 16, half, 0},
        {"PNG 16-bit RGBA", test::read_fixture("quad16_rgba16.png"), 16, 16, half, 0},
        {"PNG interlaced", test::read_fixture("quad16_interlaced.png"), 16, 16, half, 0},
        {"BMP RGB", test::encode_bmp(16, 16, 3, test::quadrants(16, 16, 3)), 16, 16, opaque, 0},
        {"BMP top-down", top_down_bmp(16, 16), 16, 16, opaque, 0},
        {"BMP RGBA", test::encode_bmp(16, 16, 4, test::quadrants(16, 16, 4, 128)), 16, 16, half, 0},
        {"GIF (first frame)", test::read_fixture("quad16_anim.gif"), 16, 16, opaque, 0},
        {"JPEG baseline", test::jpeg32x16(), 32, 16, opaque, 4},
        {"JPEG gray", test::read_fixture("quad16_gray.jpg"), 16, 16, gray, 4},
        {"JPEG progressive", test::read_fixture("quad16_progressive.jpg"), 16, 16, opaque, 4},
        {"JPEG CMYK", test::read_fixture("quad16_cmyk.jpg"), 16, 16, opaque, 4},
    };
    for (const Case& c : cases) {
        const DecodeResult r = decode(c.data);
        ASSERT_EQ(error_id(r), "none") << c.name << ": " << (r.error ? r.error->message : "");
        EXPECT_FALSE(r.browser_fallback) << c.name;
        EXPECT_EQ(r.image.width, c.w) << c.name;
        EXPECT_EQ(r.image.height, c.h) << c.name;
        ASSERT_EQ(r.image.rgba.size(), size_t(c.w) * c.h * 4) << c.name;
        expect_corners(r.image, c.want, c.tolerance, c.name);
    }
}

TEST(ImageDecode, ExifOrientationPutsTheRightCornersOnTop) {
    // What the display's top-left and top-right show, per orientation (stored: R G / B W).
    struct Case { int orientation; Rgba top_left, top_right; };
    const Case cases[] = {
        {1, test::kRed, test::kGreen},  {2, test::kGreen, test::kRed},  {3, test::kWhite, test::kBlue},
        {4, test::kBlue, test::kWhite}, {5, test::kRed, test::kBlue},   {6, test::kBlue, test::kRed},
        {7, test::kWhite, test::kGreen}, {8, test::kGreen, test::kWhite},
    };
    for (bool big_endian : {false, true})
        for (const Case& c : cases) {
            const DecodeResult r = decode(test::with_orientation(test::jpeg32x16(), c.orientation, big_endian));
            ASSERT_EQ(error_id(r), "none") << c.orientation;
            EXPECT_EQ(r.info.orientation, c.orientation);
            const bool swapped = c.orientation >= 5;
            EXPECT_EQ(r.image.width, swapped ? 16 : 32) << c.orientation;
            EXPECT_EQ(r.image.height, swapped ? 32 : 16) << c.orientation;
            const auto got = corners(r.image);
            EXPECT_TRUE(test::near(got[0], c.top_left, 4)) << c.orientation << " top-left " << test::str(got[0]);
            EXPECT_TRUE(test::near(got[1], c.top_right, 4)) << c.orientation << " top-right " << test::str(got[1]);
        }
}

TEST(ImageDecode, ACropOfTheDisplayedPhotoHoldsThatPartInEveryOrientation) {
    // The displayed top-right quadrant, whatever the stored orientation: every pixel of it is the
    // colour the display shows there (stored: R G / B W), and the result says which part it holds.
    struct Case { int orientation; Rgba top_right; };
    const Case cases[] = {{1, test::kGreen}, {2, test::kRed}, {3, test::kBlue}, {4, test::kWhite},
                          {5, test::kBlue},  {6, test::kRed}, {7, test::kGreen}, {8, test::kWhite}};
    for (const Case& c : cases) {
        const Bytes jpeg = test::with_orientation(test::jpeg32x16(), c.orientation);
        const DecodeResult r = wg::image::decode(jpeg.data(), jpeg.size(), 0, 0, {}, Crop{0.5f, 0.f, 1.f, 0.5f});
        ASSERT_EQ(error_id(r), "none") << c.orientation;
        const bool swapped = c.orientation >= 5;
        EXPECT_EQ(r.image.width, swapped ? 8 : 16) << c.orientation;
        EXPECT_EQ(r.image.height, swapped ? 16 : 8) << c.orientation;
        EXPECT_FLOAT_EQ(r.crop.x0, 0.5f) << c.orientation;
        EXPECT_FLOAT_EQ(r.crop.y0, 0.f) << c.orientation;
        EXPECT_FLOAT_EQ(r.crop.x1, 1.f) << c.orientation;
        EXPECT_FLOAT_EQ(r.crop.y1, 0.5f) << c.orientation;
        const Rgba mid = test::pixel(r.image, r.image.width / 2, r.image.height / 2);
        EXPECT_TRUE(test::near(mid, c.top_right, 8)) << c.orientation << " got " << test::str(mid);
        expect_corners(r.image, {c.top_right, c.top_right, c.top_right, c.top_right}, 40, "orientation " + std::to_string(c.orientation));
    }
}

TEST(ImageDecode, ACropIsWidenedToWholePixelsAndFittedInTheBox) {
    const Bytes png = test::encode_png(64, 32, 3, test::quadrants(64, 32, 3));
    // 0.30 of 64 px is 19.2: the crop starts at pixel 19 and says so.
    DecodeResult r = wg::image::decode(png.data(), png.size(), 0, 0, {}, Crop{0.3f, 0.25f, 0.5f, 0.75f});
    ASSERT_EQ(error_id(r), "none");
    EXPECT_EQ(r.image.width, 13);  // pixels 19 … 31
    EXPECT_EQ(r.image.height, 16);
    EXPECT_FLOAT_EQ(r.crop.x0, 19.f / 64.f);
    EXPECT_FLOAT_EQ(r.crop.x1, 0.5f);
    // Into a smaller box: the crop is shrunk with its aspect, never the whole photo.
    r = wg::image::decode(png.data(), png.size(), 8, 8, {}, Crop{0.f, 0.f, 0.5f, 0.5f});
    ASSERT_EQ(error_id(r), "none");
    EXPECT_EQ(r.image.width, 8);  // 32 × 16 of the photo in an 8 × 8 box
    EXPECT_EQ(r.image.height, 4);
    EXPECT_TRUE(test::near(test::pixel(r.image, 4, 2), test::kRed, 8)) << test::str(test::pixel(r.image, 4, 2));
    // A full-width band (all columns, some rows) is a crop too.
    r = wg::image::decode(png.data(), png.size(), 0, 0, {}, Crop{0.f, 0.5f, 1.f, 1.f});
    ASSERT_EQ(error_id(r), "none");
    EXPECT_EQ(r.image.width, 64);
    EXPECT_EQ(r.image.height, 16);
    EXPECT_TRUE(test::near(test::pixel(r.image, 8, 8), test::kBlue, 8));
}

TEST(ImageDecode, FitsTheDisplayedImageInsideTheBoxAndNeverUpscales) {
    const Bytes png = test::encode_png(64, 32, 3, test::quadrants(64, 32, 3));
    const Bytes rotated = test::with_orientation(test::jpeg32x16(), 6);  // shown 16×32
    struct Case { const char* name; const Bytes* data; int max_w, max_h, w, h; };
    const Case cases[] = {
        {"halved", &png, 32, 32, 32, 16},
        {"height-limited", &png, 1000, 8, 16, 8},
        {"no limit on width", &png, 0, 16, 32, 16},
        {"no limits", &png, 0, 0, 64, 32},
        {"negative = no limit", &png, -1, -1, 64, 32},
        {"never upscaled", &png, 1000, 1000, 64, 32},
        {"exact fit", &png, 64, 32, 64, 32},
        {"box applies to the displayed (rotated) image", &rotated, 8, 8, 4, 8},
        {"rotated, width-limited", &rotated, 8, 1000, 8, 16},
    };
    for (const Case& c : cases) {
        const DecodeResult r = decode(*c.data, c.max_w, c.max_h);
        ASSERT_EQ(error_id(r), "none") << c.name;
        EXPECT_EQ(r.image.width, c.w) << c.name;
        EXPECT_EQ(r.image.height, c.h) << c.name;
        EXPECT_EQ(r.image.rgba.size(), size_t(c.w) * c.h * 4) << c.name;
    }
}

TEST(ImageDecode, ShrinkingBeforeOrientingGivesWhatOrientingFirstWould) {
    const Bytes jpeg = test::jpeg32x16();
    const Image full = decode(jpeg).image;
    for (int o = 1; o <= 8; ++o) {
        const DecodeResult r = decode(test::with_orientation(jpeg, o), 8, 8);
        ASSERT_EQ(error_id(r), "none") << o;
        const Image want = fit_within(orient(full, o), 8, 8);
        ASSERT_EQ(r.image.width, want.width) << o;
        ASSERT_EQ(r.image.height, want.height) << o;
        for (size_t i = 0; i < want.rgba.size(); ++i)
            ASSERT_NEAR(r.image.rgba[i], want.rgba[i], 2) << "orientation " << o << " byte " << i;
    }
}

TEST(ImageDecode, DownscaledAlphaIsPremultipliedAndDoesNotBleed) {
    const DecodeResult r = decode(test::encode_png(64, 64, 4, test::quadrants(64, 64, 4, 128)), 16, 16);
    ASSERT_EQ(error_id(r), "none");
    ASSERT_EQ(r.image.width, 16);
    expect_corners(r.image, {test::kRed, kHalfGreen, test::kBlue, test::kWhite}, 1, "64→16");
}

TEST(ImageDecode, RefusalsComeBackAsErrorsWithNoPixels) {
    Bytes truncated = test::jpeg32x16();
    truncated.resize(truncated.size() / 2);
    Bytes corrupt_zlib = test::encode_png(16, 16, 3, test::quadrants(16, 16, 3));
    const size_t idat = std::string(corrupt_zlib.begin(), corrupt_zlib.end()).find("IDAT");
    ASSERT_NE(idat, std::string::npos);
    corrupt_zlib[idat + 4] ^= 0xFF;  // the zlib header
    struct Case { const char* name; Bytes data; const char* id; };
    const Case cases[] = {
        {"empty", Bytes{}, kErrEmpty},
        {"HTML", test::lit("<!doctype html><title>Not found</title>"), kErrNotAnImage},
        {"truncated JPEG", truncated, kErrTruncated},
        {"corrupt PNG data", corrupt_zlib, kErrCorrupt},
        {"HEIC", test::lit("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic"), kErrUnsupported},
    };
    for (const Case& c : cases) {
        const DecodeResult r = decode(c.data);
        EXPECT_EQ(error_id(r), c.id) << c.name;
        EXPECT_FALSE(r.browser_fallback) << c.name;
        EXPECT_TRUE(r.image.rgba.empty()) << c.name;
        EXPECT_EQ(r.image.width, 0) << c.name;
    }
    const DecodeResult too_many = decode(test::encode_png(16, 16, 3, test::quadrants(16, 16, 3)), 0, 0, {255, 0});
    EXPECT_EQ(error_id(too_many), kErrTooManyPixels);
}

TEST(ImageDecode, FallbackFormatsComeBackWithoutPixelsOrError) {
    const DecodeResult r = decode(test::read_fixture("quad16_arith.jpg"));
    EXPECT_EQ(error_id(r), "none");
    EXPECT_TRUE(r.browser_fallback);
    EXPECT_TRUE(r.image.rgba.empty());
    EXPECT_EQ(r.info.width, 16);
}

TEST(ImageDecode, RefusedHugeImageNeverReachesTheDecoder) {
    // IHDR claiming 30000×30000 (2.7 GB of RGB), then an IDAT and IEND.
    const Bytes huge = test::lit("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30\x08\x02\0\0\0\0\0\0\0"
                                 "\0\0\0\0IDAT\0\0\0\0\0\0\0\0IEND\xae\x42\x60\x82");
    stb::reset_alloc_peak();
    const size_t before = stb::alloc_stats().live;
    const DecodeResult r = decode(huge, 256, 256);
    EXPECT_EQ(error_id(r), kErrTooManyPixels);
    EXPECT_EQ(r.info.width, 30000);
    EXPECT_LT(stb::alloc_stats().peak - before, size_t(64) << 10);
}

TEST(ImageDecode, OpaqueImagesDecodeWithThreeChannelsAndStbLeaksNothing) {
    // An opaque 512×512 PNG shrunk to 64×64: stb must peak below what a 4-channel decode of the same
    // file costs (decode asks for the 3 channels the file has), and hold nothing afterwards.
    const Bytes png = test::encode_png(512, 512, 3, test::quadrants(512, 512, 3));
    const size_t before = stb::alloc_stats().live;
    stb::reset_alloc_peak();
    int w = 0, h = 0;
    stb::free(stb::load(png.data(), png.size(), &w, &h, 4));
    const size_t rgba_peak = stb::alloc_stats().peak - before;
    stb::reset_alloc_peak();
    const DecodeResult r = decode(png, 64, 64);
    const size_t decode_peak = stb::alloc_stats().peak - before;
    ASSERT_EQ(error_id(r), "none");
    EXPECT_EQ(r.image.width, 64);
    EXPECT_LT(decode_peak + 512 * 512 / 2, rgba_peak) << decode_peak << " vs " << rgba_peak;
    EXPECT_EQ(stb::alloc_stats().live, before);
}

TEST(ImageDecode, RandomBytesBehindRealSignaturesNeverCrash) {
    const Bytes heads[] = {test::lit("\xff\xd8\xff"), test::lit("\x89PNG\r\n\x1a\n"), test::lit("GIF89a"),
                           test::jpeg32x16(), test::read_fixture("quad16_anim.gif")};
    std::mt19937 rng(99);
    for (int i = 0; i < 300; ++i) {
        const Bytes& head = heads[i % 5];
        // Either a random tail after a signature, or a real file with a few bytes flipped.
        Bytes b = head;
        if (i % 5 < 3) {
            b.resize(head.size() + 1 + rng() % 512);
            for (size_t j = head.size(); j < b.size(); ++j) b[j] = uint8_t(rng());
        } else {
            for (int k = 0; k < 4; ++k) b[rng() % b.size()] = uint8_t(rng());
        }
        const DecodeResult r = decode(b, 8, 8, {1'000'000, 0});
        if (r.error || r.browser_fallback) {
            EXPECT_TRUE(r.image.rgba.empty()) << i;
        } else {
            EXPECT_GT(r.image.width, 0) << i;
            EXPECT_LE(r.image.width, 8) << i;
            EXPECT_EQ(r.image.rgba.size(), size_t(r.image.width) * r.image.height * 4) << i;
        }
    }
}

}  // namespace
}  // namespace wg::image
