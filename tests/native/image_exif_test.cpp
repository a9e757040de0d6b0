// image_exif_test.cpp — the EXIF orientation reader and the JPEG segment walk it sits on: every valid
// tag value in both byte orders, and malformed, truncated or misplaced data that must read as 1.
#include <gtest/gtest.h>

#include "core/image/exif.h"
#include "core/image/jpeg_scan.h"
#include "image_test_support.h"

namespace wg::image {
namespace {

using test::Bytes;

// SOI, APP0 JFIF, <segment>, a tiny SOF0/SOS with two bytes of "entropy data", EOI — not decodable,
// but shaped like a JPEG as far as the segment walk is concerned.
Bytes fake_jpeg(const Bytes& segment) {
    Bytes j{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    j.insert(j.end(), segment.begin(), segment.end());
    const Bytes rest{0xFF, 0xC0, 0, 11, 8, 0, 16, 0, 32, 1, 1, 0x11, 0,  // SOF0 8-bit 32×16, 1 component
                     0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0,                // SOS
                     0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,           // data, stuffed FF 00, RST0
                     0xFF, 0xD9};
    j.insert(j.end(), rest.begin(), rest.end());
    return j;
}

TEST(ImageExif, ReadsEveryOrientationInBothByteOrders) {
    for (bool big_endian : {false, true})
        for (int o = 1; o <= 8; ++o) {
            const Bytes tiff = test::tiff_block(o, big_endian);
            EXPECT_EQ(tiff_orientation(tiff.data(), tiff.size()), o) << o << (big_endian ? " MM" : " II");
            const Bytes jpeg = fake_jpeg(test::exif_app1(tiff));
            EXPECT_EQ(exif_orientation(jpeg.data(), jpeg.size()), o) << o << (big_endian ? " MM" : " II");
        }
}

TEST(ImageExif, FindsTheTagWhenItIsTheOnlyEntry) {
    const Bytes tiff = test::tiff_block(6, false, /*with_other_tag=*/false);
    EXPECT_EQ(tiff_orientation(tiff.data(), tiff.size()), 6);
}

TEST(ImageExif, MalformedTiffReadsAsOne) {
    const Bytes good = test::tiff_block(6, false);  // II, IFD0 at 8, 2 entries, orientation 2nd
    struct Case { const char* what; size_t at; uint8_t value; };
    const Case cases[] = {
        {"byte order mark", 0, 'X'},
        {"magic 42", 2, 43},
        {"IFD offset past the end", 4, 0xF0},
        {"no entries in IFD0", 8, 0},
        {"orientation tag absent", 22, 0x13},
        {"orientation type LONG, not SHORT", 24, 4},
        {"orientation value 0", 30, 0},
        {"orientation value 9", 30, 9},
        {"orientation value 0x0106", 31, 1},
    };
    for (const Case& c : cases) {
        Bytes t = good;
        t[c.at] = c.value;
        EXPECT_EQ(tiff_orientation(t.data(), t.size()), 1) << c.what;
    }
    Bytes many = good;  // a count past the block's end is read up to the end, like browsers do
    many[8] = 0x40;
    EXPECT_EQ(tiff_orientation(many.data(), many.size()), 6);
    many[22] = 0x13;  // …and without the tag there, the walk stops at the end
    EXPECT_EQ(tiff_orientation(many.data(), many.size()), 1);
    Bytes far = good;  // IFD offset 0xFFFFFFFF must not wrap around
    for (int i = 4; i < 8; ++i) far[i] = 0xFF;
    EXPECT_EQ(tiff_orientation(far.data(), far.size()), 1);
    EXPECT_EQ(tiff_orientation(nullptr, 100), 1);
    EXPECT_EQ(tiff_orientation(good.data(), 7), 1);
}

TEST(ImageExif, EveryTruncationOfTheBlockReadsAsOneOrTheValue) {
    for (bool big_endian : {false, true}) {
        const Bytes t = test::tiff_block(7, big_endian);
        for (size_t n = 0; n <= t.size(); ++n) {
            const Bytes cut(t.begin(), t.begin() + n);  // own buffer: ASan sees any read past n
            const int o = tiff_orientation(cut.data(), cut.size());
            // The orientation entry ends at byte 34 (header 8 + count 2 + two 12-byte entries).
            EXPECT_EQ(o, n >= 34 ? 7 : 1) << n;
        }
    }
}

TEST(ImageExif, EveryTruncationOfAJpegIsSafe) {
    const Bytes j = fake_jpeg(test::exif_app1(test::tiff_block(8, true)));
    for (size_t n = 0; n <= j.size(); ++n) {
        const Bytes cut(j.begin(), j.begin() + n);
        const int o = exif_orientation(cut.data(), cut.size());
        EXPECT_TRUE(o == 1 || o == 8) << n;
    }
}

TEST(ImageExif, IgnoresOtherApp1SegmentsAndNonJpegData) {
    Bytes xmp{0xFF, 0xE1, 0, 12, 'h', 't', 't', 'p', ':', '/', '/', 'n', 's', '.'};
    EXPECT_EQ(exif_orientation(fake_jpeg(xmp).data(), fake_jpeg(xmp).size()), 1);
    const Bytes tiff = test::tiff_block(6, false);
    EXPECT_EQ(exif_orientation(tiff.data(), tiff.size()), 1);  // a bare TIFF block is not a JPEG
    EXPECT_EQ(exif_orientation(nullptr, 0), 1);
    // An Exif block after the first scan is not one a reader honours.
    Bytes late = fake_jpeg({});
    const Bytes app1 = test::exif_app1(tiff);
    late.insert(late.end() - 2, app1.begin(), app1.end());
    EXPECT_EQ(exif_orientation(late.data(), late.size()), 1);
}

TEST(ImageExif, FirstExifBlockWinsAndFillBytesAreSkipped) {
    Bytes seg{0xFF, 0xFF};  // fill bytes before a marker are legal
    const Bytes first = test::exif_app1(test::tiff_block(3, false));
    const Bytes second = test::exif_app1(test::tiff_block(5, false));
    seg.insert(seg.end(), first.begin(), first.end());
    seg.insert(seg.end(), second.begin(), second.end());
    const Bytes j = fake_jpeg(seg);
    EXPECT_EQ(exif_orientation(j.data(), j.size()), 3);
}

TEST(JpegScan, ReadsTheFrameHeaderAndFindsTheEnd) {
    const Bytes j = fake_jpeg({});
    const JpegScan s = scan_jpeg(j.data(), j.size(), JpegScanDepth::Whole);
    EXPECT_TRUE(s.soi);
    EXPECT_EQ(s.sof, 0xC0);
    EXPECT_EQ(s.precision, 8);
    EXPECT_EQ(s.width, 32);
    EXPECT_EQ(s.height, 16);
    EXPECT_EQ(s.components, 1);
    EXPECT_TRUE(s.complete);
    EXPECT_FALSE(s.malformed);
    EXPECT_FALSE(scan_jpeg(j.data(), j.size(), JpegScanDepth::Headers).complete);  // stops at SOS
}

TEST(JpegScan, IsIncompleteWhenCutAnywhereBeforeTheEndMarker) {
    const Bytes j = fake_jpeg({});
    for (size_t n = 0; n + 2 <= j.size(); ++n) {  // every cut that loses at least one byte of EOI
        const Bytes cut(j.begin(), j.begin() + n);
        EXPECT_FALSE(scan_jpeg(cut.data(), cut.size(), JpegScanDepth::Whole).complete) << n;
    }
}

TEST(JpegScan, EndMarkerInsideTheExifThumbnailDoesNotCount) {
    // A thumbnail's FF D9 lives inside APP1; only segment lengths may be followed there.
    Bytes app1{0xFF, 0xE1, 0, 12, 'E', 'x', 'i', 'f', 0, 0, 0xFF, 0xD8, 0xFF, 0xD9};
    Bytes j{0xFF, 0xD8};
    j.insert(j.end(), app1.begin(), app1.end());
    const JpegScan s = scan_jpeg(j.data(), j.size(), JpegScanDepth::Whole);
    EXPECT_FALSE(s.complete);
    EXPECT_EQ(s.sof, 0);
}

TEST(JpegScan, ZeroSegmentLengthIsMalformed) {
    const Bytes j{0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 1, 2, 3};
    EXPECT_TRUE(scan_jpeg(j.data(), j.size(), JpegScanDepth::Whole).malformed);
}

}  // namespace
}  // namespace wg::image
