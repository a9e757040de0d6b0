// image_encode_test.cpp — encode_jpeg(): a JPEG the core decodes back to the same size and colours,
// see-through pixels laid on white, quality that changes the bytes, and failures as error values;
// flatten_onto_white() exact on premultiplied pixels.
#include <gtest/gtest.h>

#include <random>

#include "core/image/decode.h"
#include "core/image/encode.h"
#include "image_test_support.h"

namespace wg::image {
namespace {

using test::Bytes;
using test::Rgba;

// The quadrant picture as the decoder hands it over: RGBA, premultiplied.
Image quadrant_image(int w, int h, uint8_t tr_alpha = 255) {
    Image img{w, h, test::quadrants(w, h, 4, tr_alpha)};
    premultiply(img);
    return img;
}

DecodeResult decode_back(const std::vector<uint8_t>& jpeg) { return decode(jpeg.data(), jpeg.size(), 0, 0); }

// JPEG's blocks blur the colours a little at the quadrants' edges; one pixel in from each corner
// of a 64×48 picture is well inside its quadrant.
constexpr int kJpegTolerance = 24;

TEST(ImageEncode, RoundTripKeepsSizeAndColours) {
    const EncodeResult r = encode_jpeg(quadrant_image(64, 48), 90);
    ASSERT_FALSE(r.error) << r.error->message;
    ASSERT_GT(r.bytes.size(), 4u);
    EXPECT_EQ(r.bytes[0], 0xFF);
    EXPECT_EQ(r.bytes[1], 0xD8);  // SOI
    EXPECT_EQ(r.bytes[r.bytes.size() - 2], 0xFF);
    EXPECT_EQ(r.bytes.back(), 0xD9);  // EOI
    const DecodeResult back = decode_back(r.bytes);
    ASSERT_FALSE(back.error) << back.error->message;
    EXPECT_EQ(back.info.format, Format::Jpeg);
    ASSERT_EQ(back.image.width, 64);
    ASSERT_EQ(back.image.height, 48);
    const Rgba got[] = {test::pixel(back.image, 1, 1), test::pixel(back.image, 62, 1), test::pixel(back.image, 1, 46),
                        test::pixel(back.image, 62, 46)};
    const Rgba want[] = {test::kRed, test::kGreen, test::kBlue, test::kWhite};
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(test::near(got[i], want[i], kJpegTolerance)) << i << ": got " << test::str(got[i]);
}

TEST(ImageEncode, SeeThroughPixelsLandOnWhite) {
    // Top-right fully transparent: premultiplied (0, 0, 0, 0), which would be black if alpha were dropped.
    const EncodeResult r = encode_jpeg(quadrant_image(64, 48, 0), 90);
    ASSERT_FALSE(r.error);
    const DecodeResult back = decode_back(r.bytes);
    ASSERT_FALSE(back.error);
    EXPECT_TRUE(test::near(test::pixel(back.image, 62, 1), test::kWhite, kJpegTolerance)) << test::str(test::pixel(back.image, 62, 1));
    EXPECT_TRUE(test::near(test::pixel(back.image, 1, 1), test::kRed, kJpegTolerance));
}

TEST(ImageEncode, FlattenOntoWhiteIsExactForPremultipliedPixels) {
    Image img{4, 1, {64, 0, 0, 128, /**/ 0, 0, 0, 0, /**/ 10, 20, 30, 255, /**/ 255, 255, 255, 255}};
    flatten_onto_white(img);
    EXPECT_EQ(img.rgba, (std::vector<uint8_t>{191, 127, 127, 255, 255, 255, 255, 255, 10, 20, 30, 255, 255, 255, 255, 255}));
    // Idempotent: flattened pixels are opaque, so a second pass changes nothing (fit_within may follow).
    const std::vector<uint8_t> once = img.rgba;
    flatten_onto_white(img);
    EXPECT_EQ(img.rgba, once);
}

TEST(ImageEncode, QualityTradesBytesAndIsClamped) {
    Image noise{96, 96, std::vector<uint8_t>(96 * 96 * 4)};
    std::mt19937 rng(17);
    for (size_t i = 0; i < noise.rgba.size(); ++i) noise.rgba[i] = i % 4 == 3 ? 255 : uint8_t(rng());
    const EncodeResult low = encode_jpeg(noise, 30), high = encode_jpeg(noise, 95);
    ASSERT_FALSE(low.error);
    ASSERT_FALSE(high.error);
    EXPECT_LT(low.bytes.size(), high.bytes.size());
    EXPECT_EQ(encode_jpeg(noise, -5).bytes, encode_jpeg(noise, 1).bytes);
    EXPECT_EQ(encode_jpeg(noise, 1000).bytes, encode_jpeg(noise, 100).bytes);
}

TEST(ImageEncode, SmallerCopiesAsThePlaygroundWritesThem) {
    // Decode once, lay on white, then one fitted copy per width: what wgd_encode_jpeg does per size.
    Image img = quadrant_image(64, 48, 128);
    flatten_onto_white(img);
    for (int w : {16, 32}) {
        const EncodeResult r = encode_jpeg(fit_within(img, w, 0));
        ASSERT_FALSE(r.error) << w;
        const DecodeResult back = decode_back(r.bytes);
        ASSERT_FALSE(back.error) << w;
        EXPECT_EQ(back.image.width, w);
        EXPECT_EQ(back.image.height, w * 3 / 4);
    }
}

TEST(ImageEncode, RefusesMissingOrInconsistentPixels) {
    const EncodeResult empty = encode_jpeg(Image{});
    ASSERT_TRUE(empty.error);
    EXPECT_EQ(empty.error->id, kErrEncode);
    EXPECT_TRUE(empty.bytes.empty());

    Image short_rows{8, 8, std::vector<uint8_t>(8 * 7 * 4, 255)};  // a row missing
    const EncodeResult bad = encode_jpeg(short_rows);
    ASSERT_TRUE(bad.error);
    EXPECT_EQ(bad.error->id, kErrEncode);

    Image wide{kMaxJpegSide + 1, 1, std::vector<uint8_t>(size_t(kMaxJpegSide + 1) * 4, 255)};
    const EncodeResult too_wide = encode_jpeg(wide);
    ASSERT_TRUE(too_wide.error);
    EXPECT_NE(too_wide.error->message.find("65535"), std::string::npos) << too_wide.error->message;
}

}  // namespace
}  // namespace wg::image
