// image_probe_test.cpp — probe(): format sniffing, sizes, alpha and orientation from headers, and the
// refusals (empty, oversized, too many pixels, HTML/text, truncated, unsupported) with their error IDs.
#include <gtest/gtest.h>

#include <random>

#include "core/image/probe.h"
#include "core/image/stb_impl.h"
#include "image_test_support.h"

namespace wg::image {
namespace {

using test::Bytes;

Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }
ProbeResult probe(const Bytes& b, const Limits& l = {}) { return wg::image::probe(b.data(), b.size(), l); }
std::string error_id(const ProbeResult& r) { return r.error ? r.error->id : "none"; }

// A PNG made of an IHDR claiming w×h (RGB, 8-bit), one empty IDAT and IEND; CRCs are not checked.
Bytes png_header(uint32_t w, uint32_t h) {
    Bytes b{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8) b.push_back(uint8_t(v >> s));
    b.insert(b.end(), {8, 2, 0, 0, 0, 0, 0, 0, 0});  // depth, colour type, methods, interlace, CRC
    b.insert(b.end(), {0, 0, 0, 0, 'I', 'D', 'A', 'T', 0, 0, 0, 0});
    b.insert(b.end(), {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82});
    return b;
}

TEST(ImageProbe, RefusesEmptyInput) {
    EXPECT_EQ(error_id(wg::image::probe(nullptr, 0)), kErrEmpty);
    const uint8_t one = 0xFF;
    EXPECT_EQ(error_id(wg::image::probe(&one, 0)), kErrEmpty);
    EXPECT_EQ(error_id(wg::image::probe(nullptr, 10)), kErrEmpty);
}

TEST(ImageProbe, RefusesInputOverTheByteLimit) {
    const Bytes png = test::encode_png(16, 16, 3, test::quadrants(16, 16, 3));
    EXPECT_EQ(error_id(probe(png, {0, png.size()})), "none");
    const ProbeResult r = probe(png, {0, png.size() - 1});
    EXPECT_EQ(error_id(r), kErrTooManyBytes);
    EXPECT_EQ(r.info.format, Format::Unknown);  // refused before looking at the bytes
}

TEST(ImageProbe, ReadsFormatSizeChannelsAndAlpha) {
    struct Case { const char* name; Bytes data; Format format; int w, h, channels; bool alpha; };
    const Case cases[] = {
        {"PNG gray", test::encode_png(20, 10, 1, test::quadrants(20, 10, 1)), Format::Png, 20, 10, 1, false},
        {"PNG gray+alpha", test::encode_png(20, 10, 2, test::quadrants(20, 10, 2)), Format::Png, 20, 10, 2, true},
        {"PNG RGB", test::encode_png(20, 10, 3, test::quadrants(20, 10, 3)), Format::Png, 20, 10, 3, false},
        {"PNG RGBA", test::encode_png(20, 10, 4, test::quadrants(20, 10, 4)), Format::Png, 20, 10, 4, true},
        {"PNG palette+tRNS", test::read_fixture("quad16_palette.png"), Format::Png, 16, 16, 4, true},
        {"PNG 16-bit RGBA", test::read_fixture("quad16_rgba16.png"), Format::Png, 16, 16, 4, true},
        {"PNG interlaced", test::read_fixture("quad16_interlaced.png"), Format::Png, 16, 16, 4, true},
        {"JPEG gray", test::read_fixture("quad16_gray.jpg"), Format::Jpeg, 16, 16, 1, false},
        {"JPEG RGB", test::jpeg32x16(), Format::Jpeg, 32, 16, 3, false},
        {"JPEG progressive", test::read_fixture("quad16_progressive.jpg"), Format::Jpeg, 16, 16, 3, false},
        {"JPEG CMYK", test::read_fixture("quad16_cmyk.jpg"), Format::Jpeg, 16, 16, 3, false},
        {"GIF", test::read_fixture("quad16_anim.gif"), Format::Gif, 16, 16, 4, true},
        {"BMP RGB", test::encode_bmp(20, 10, 3, test::quadrants(20, 10, 3)), Format::Bmp, 20, 10, 3, false},
        {"BMP RGBA", test::encode_bmp(20, 10, 4, test::quadrants(20, 10, 4)), Format::Bmp, 20, 10, 4, true},
    };
    for (const Case& c : cases) {
        ASSERT_FALSE(c.data.empty()) << c.name;
        const ProbeResult r = probe(c.data);
        EXPECT_EQ(error_id(r), "none") << c.name << ": " << (r.error ? r.error->message : "");
        EXPECT_FALSE(r.browser_fallback) << c.name;
        EXPECT_EQ(r.info.format, c.format) << c.name;
        EXPECT_EQ(sniff(c.data.data(), c.data.size()), c.format) << c.name;
        EXPECT_EQ(r.info.width, c.w) << c.name;
        EXPECT_EQ(r.info.height, c.h) << c.name;
        EXPECT_EQ(r.info.display_width, c.w) << c.name;
        EXPECT_EQ(r.info.display_height, c.h) << c.name;
        EXPECT_EQ(r.info.orientation, 1) << c.name;
        EXPECT_EQ(r.info.channels, c.channels) << c.name;
        EXPECT_EQ(r.info.has_alpha, c.alpha) << c.name;
    }
}

TEST(ImageProbe, ExifOrientationSwapsTheDisplaySizeForFiveToEight) {
    const Bytes jpeg = test::jpeg32x16();
    for (int o = 1; o <= 8; ++o) {
        const ProbeResult r = probe(test::with_orientation(jpeg, o, o % 2 == 0));
        EXPECT_EQ(error_id(r), "none") << o;
        EXPECT_EQ(r.info.orientation, o);
        EXPECT_EQ(r.info.width, 32) << o;
        EXPECT_EQ(r.info.height, 16) << o;
        EXPECT_EQ(r.info.display_width, o >= 5 ? 16 : 32) << o;
        EXPECT_EQ(r.info.display_height, o >= 5 ? 32 : 16) << o;
    }
}

TEST(ImageProbe, HtmlServedAsAnImageIsCalledHtml) {
    for (const char* page : {"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>",
                             "\xEF\xBB\xBF  \r\n<html lang=\"en\"><body>Sign in</body></html>",
                             "<!-- served by nginx -->\n<HTML><BODY>Forbidden</BODY></HTML>"}) {
        const ProbeResult r = probe(text(page));
        EXPECT_EQ(error_id(r), kErrNotAnImage) << page;
        ASSERT_TRUE(r.error);
        EXPECT_NE(r.error->message.find("HTML page"), std::string::npos) << r.error->message;
        EXPECT_EQ(r.info.format, Format::Unknown);
    }
}

TEST(ImageProbe, OtherNonImagesSayWhatTheyLookLike) {
    struct Case { Bytes data; const char* phrase; };
    const Case cases[] = {
        {text("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "SVG"},
        {text("<?xml version=\"1.0\"?><feed/>"), "XML document"},
        {text("{\"error\": \"not found\"}"), "JSON"},
        {text("Not Found\n"), "text"},
        {text("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "PDF"},
        {Bytes{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '2'},
         "video"},
        {Bytes{0xDE, 0xAD, 0xBE, 0xEF, 0, 1, 2, 3}, "first bytes: DE AD BE EF"},
        {text("BM but no header here, just words"), "text"},  // "BM" alone is not a BMP
    };
    for (const Case& c : cases) {
        const ProbeResult r = probe(c.data);
        EXPECT_EQ(error_id(r), kErrNotAnImage) << c.phrase;
        ASSERT_TRUE(r.error);
        EXPECT_NE(r.error->message.find(c.phrase), std::string::npos) << r.error->message;
    }
}

TEST(ImageProbe, WebPAndAvifGoToTheBrowser) {
    // VP8X (extended): alpha flag, canvas 300×200 stored as width−1 / height−1 in 24 bits.
    Bytes vp8x = test::lit("RIFF\x1e\0\0\0WEBPVP8X");
    vp8x.insert(vp8x.end(), {10, 0, 0, 0, 0x10, 0, 0, 0, 43, 1, 0, 199, 0, 0, 0, 0});
    // VP8L (lossless): 0x2F, then 14-bit width−1 and height−1: 64×32.
    Bytes vp8l = test::lit("RIFF\x1e\0\0\0WEBPVP8L");
    const uint32_t bits = 63u | 31u << 14;
    vp8l.insert(vp8l.end(), {10, 0, 0, 0, 0x2F, uint8_t(bits), uint8_t(bits >> 8), uint8_t(bits >> 16),
                             uint8_t(bits >> 24), 0, 0, 0, 0, 0, 0, 0});
    // VP8 (lossy): frame tag, start code 9D 01 2A, 14-bit width and height: 640×480.
    Bytes vp8 = test::lit("RIFF\x1e\0\0\0WEBPVP8 ");
    vp8.insert(vp8.end(), {10, 0, 0, 0, 0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01, 0, 0});
    const Bytes avif{0, 0, 0, 0x1C, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0,
                     'a', 'v', 'i', 'f', 'm', 'i', 'f', '1', 'm', 'i', 'a', 'f'};
    const Bytes avif_compat{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0,
                            'm', 'i', 'f', '1', 'a', 'v', 'i', 'f'};
    struct Case { const char* name; Bytes data; Format format; int w, h; bool alpha; };
    const Case cases[] = {
        {"VP8X", vp8x, Format::WebP, 300, 200, true},
        {"VP8L", vp8l, Format::WebP, 64, 32, false},
        {"VP8", vp8, Format::WebP, 640, 480, false},
        {"AVIF", avif, Format::Avif, 0, 0, true},
        {"AVIF brand only in the compatible list", avif_compat, Format::Avif, 0, 0, true},
        {"WebP from an encoder", test::read_fixture("quad16.webp"), Format::WebP, 16, 16, true},
    };
    for (const Case& c : cases) {
        const ProbeResult r = probe(c.data);
        EXPECT_EQ(error_id(r), "none") << c.name;
        EXPECT_TRUE(r.browser_fallback) << c.name;
        EXPECT_EQ(r.info.format, c.format) << c.name;
        EXPECT_EQ(r.info.width, c.w) << c.name;
        EXPECT_EQ(r.info.height, c.h) << c.name;
        EXPECT_EQ(r.info.has_alpha, c.alpha) << c.name;
    }
    // The pixel limit still holds when the header gives a size: 300×200 = 60 000 px.
    EXPECT_EQ(error_id(probe(vp8x, {59'999, 0})), kErrTooManyPixels);
    EXPECT_FALSE(probe(vp8x, {59'999, 0}).browser_fallback);
}

TEST(ImageProbe, JpegsStbCannotDecodeGoToTheBrowser) {
    const ProbeResult arith = probe(test::read_fixture("quad16_arith.jpg"));
    EXPECT_EQ(error_id(arith), "none");
    EXPECT_TRUE(arith.browser_fallback);
    EXPECT_EQ(arith.info.width, 16);
    EXPECT_EQ(arith.info.height, 16);

    Bytes twelve_bit = test::jpeg32x16();
    const size_t sof = test::find_marker(twelve_bit, 0xC0);
    ASSERT_NE(sof, std::string::npos);
    twelve_bit[sof + 2] = 12;  // sample precision
    const ProbeResult r = probe(twelve_bit);
    EXPECT_EQ(error_id(r), "none");
    EXPECT_TRUE(r.browser_fallback);
    EXPECT_EQ(r.info.width, 32);

    Bytes lossless = test::with_orientation(test::jpeg32x16(), 6);
    lossless[test::find_marker(lossless, 0xC0) - 1] = 0xC3;  // SOF3
    const ProbeResult l = probe(lossless);
    EXPECT_TRUE(l.browser_fallback);
    EXPECT_EQ(l.info.orientation, 6);  // reported; the browser applies it itself
    EXPECT_EQ(l.info.display_width, 16);
}

// The JPEG without its DHT segments (as Motion-JPEG frames are stored).
Bytes without_huffman_tables(const Bytes& jpeg) {
    Bytes out;
    for (size_t i = 0; i < jpeg.size();) {
        if (jpeg[i] == 0xFF && i + 3 < jpeg.size() && jpeg[i + 1] == 0xC4) {
            i += 2 + (size_t(jpeg[i + 2]) << 8 | jpeg[i + 3]);
            continue;
        }
        out.push_back(jpeg[i++]);
    }
    return out;
}

TEST(ImageProbe, JpegHuffmanTablesAreCheckedBeforeStbSeesThem) {
    // stb_image 2.27 reads out of bounds on an undefined table; browsers use the standard tables.
    const Bytes mjpeg = without_huffman_tables(test::jpeg32x16());
    ASSERT_LT(mjpeg.size(), test::jpeg32x16().size());
    EXPECT_TRUE(probe(mjpeg).browser_fallback);
    const ProbeResult fuzzed = probe(test::read_regression("image", "undefined_huffman_table.jpg"));
    EXPECT_EQ(error_id(fuzzed), "none");
    EXPECT_TRUE(fuzzed.browser_fallback);
    // More than 256 codes in one table: stb 2.27 would write past its arrays.
    Bytes overfull = test::jpeg32x16();
    const size_t dht = test::find_marker(overfull, 0xC4);
    ASSERT_NE(dht, std::string::npos);
    for (size_t i = dht + 3; i < dht + 3 + 16; ++i) overfull[i] = 0xFF;  // 16 × 255 codes
    EXPECT_EQ(error_id(probe(overfull)), kErrCorrupt);
}

TEST(ImageProbe, RleBmpGoesToTheBrowser) {
    const ProbeResult r = probe(test::read_fixture("quad32x16_rle.bmp"));  // stb lacks RLE
    EXPECT_EQ(error_id(r), "none");
    EXPECT_TRUE(r.browser_fallback);
    EXPECT_EQ(r.info.format, Format::Bmp);
    EXPECT_EQ(r.info.width, 32);
    EXPECT_EQ(r.info.height, 16);
}

TEST(ImageProbe, RecognisedFormatsNotForTheWebAreUnsupported) {
    struct Case { Bytes data; const char* name; };
    const Case cases[] = {
        {Bytes{'I', 'I', '*', 0, 8, 0, 0, 0}, "TIFF"},
        {Bytes{'M', 'M', 0, '*', 0, 0, 0, 8}, "TIFF"},
        {Bytes{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'},
         "HEIF/HEIC"},
        {test::lit("8BPS\x00\x01"), "Photoshop"},
        {Bytes{0xFF, 0x0A, 0xFA, 0x7F}, "JPEG XL"},
    };
    for (const Case& c : cases) {
        const ProbeResult r = probe(c.data);
        EXPECT_EQ(error_id(r), kErrUnsupported) << c.name;
        EXPECT_EQ(r.info.format, Format::Other) << c.name;
        ASSERT_TRUE(r.error);
        EXPECT_NE(r.error->message.find(c.name), std::string::npos) << r.error->message;
    }
}

TEST(ImageProbe, PixelLimitRefusesBeforeAnyLargeAllocation) {
    const Bytes huge = png_header(30000, 30000);  // 900 MP, 2.7 GB decoded
    stb::reset_alloc_peak();
    const size_t before = stb::alloc_stats().live;
    const ProbeResult r = probe(huge);
    EXPECT_EQ(error_id(r), kErrTooManyPixels);
    EXPECT_EQ(r.info.width, 30000);
    EXPECT_EQ(r.info.height, 30000);
    ASSERT_TRUE(r.error);
    EXPECT_NE(r.error->message.find("30000×30000"), std::string::npos) << r.error->message;
    EXPECT_LT(stb::alloc_stats().peak - before, size_t(64) << 10);
    EXPECT_EQ(stb::alloc_stats().live, before);

    Bytes jpeg = test::jpeg32x16();  // SOF says 20000×20000
    const size_t sof = test::find_marker(jpeg, 0xC0);
    jpeg[sof + 3] = jpeg[sof + 5] = 0x4E;
    jpeg[sof + 4] = jpeg[sof + 6] = 0x20;
    EXPECT_EQ(error_id(probe(jpeg)), kErrTooManyPixels);
}

TEST(ImageProbe, PixelLimitIsInclusiveAndZeroMeansTheDefault) {
    const Bytes png = test::encode_png(16, 16, 3, test::quadrants(16, 16, 3));
    EXPECT_EQ(error_id(probe(png, {256, 0})), "none");
    EXPECT_EQ(error_id(probe(png, {255, 0})), kErrTooManyPixels);
    EXPECT_EQ(error_id(probe(png_header(6324, 6324), {0, 0})), "none");  // 39.99 MP
    EXPECT_EQ(error_id(probe(png_header(6325, 6325), {0, 0})), kErrTooManyPixels);  // 40.006 MP
}

TEST(ImageProbe, HeaderWithoutPixelsIsCorrupt) {
    EXPECT_EQ(error_id(probe(png_header(0, 10))), kErrCorrupt);
    EXPECT_EQ(error_id(probe(test::lit("GIF89a\x00\x00\x10\x00\x00\x00\x00;"))), kErrCorrupt);
}

TEST(ImageProbe, SideOverTheDecoderLimitIsRefused) {
    const ProbeResult r = probe(png_header(uint32_t(kMaxDimension) + 1, 1));
    EXPECT_EQ(error_id(r), kErrTooManyPixels);
    ASSERT_TRUE(r.error);
    EXPECT_NE(r.error->message.find("65536"), std::string::npos) << r.error->message;
}

TEST(ImageProbe, TruncatedFilesAreCalledTruncated) {
    const Bytes jpeg = test::with_orientation(test::jpeg32x16(), 6);
    const Bytes progressive = test::read_fixture("quad16_progressive.jpg");
    const Bytes png = test::encode_png(64, 48, 4, test::quadrants(64, 48, 4));
    const Bytes bmp = test::encode_bmp(64, 48, 3, test::quadrants(64, 48, 3));
    for (const Bytes* whole : {&jpeg, &progressive, &png, &bmp})
        for (double keep : {0.02, 0.1, 0.5, 0.9, 0.99}) {
            const Bytes cut(whole->begin(), whole->begin() + std::max<size_t>(16, size_t(whole->size() * keep)));
            const ProbeResult r = probe(cut);
            EXPECT_EQ(error_id(r), kErrTruncated) << format_name(sniff(whole->data(), whole->size())) << " cut to "
                                                  << cut.size() << " of " << whole->size();
        }
    // Bytes after the end marker (e.g. a motion photo's video) do not make a JPEG incomplete.
    Bytes trailing = jpeg;
    trailing.insert(trailing.end(), {0, 0, 0, 0x18, 'f', 't', 'y', 'p'});
    EXPECT_EQ(error_id(probe(trailing)), "none");
}

TEST(ImageProbe, RandomBytesNeverPassAsAnImage) {
    std::mt19937 rng(1234);
    for (int i = 0; i < 200; ++i) {
        Bytes b(size_t(1 + rng() % 2048));
        for (auto& x : b) x = uint8_t(rng());
        if (i % 4 == 1) b.insert(b.begin(), {0xFF, 0xD8, 0xFF});                      // behind a JPEG SOI
        if (i % 4 == 2) b.insert(b.begin(), {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});  // a PNG signature
        if (i % 4 == 3) b.insert(b.begin(), {'G', 'I', 'F', '8', '9', 'a'});
        const ProbeResult r = probe(b);
        const bool gif_header_ok = r.info.format == Format::Gif && r.info.width > 0 && r.info.height > 0;
        EXPECT_TRUE(r.error || r.browser_fallback || gif_header_ok) << "case " << i;  // GIF: only 13 header bytes
        if (r.error) {
            EXPECT_FALSE(r.error->message.empty());
        }
    }
}

}  // namespace
}  // namespace wg::image
