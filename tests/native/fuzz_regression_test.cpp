// fuzz_regression_test.cpp — every input a fuzzer found (tests/fuzz/regressions/<target>/), each named
// with what it caught, replayed against the same contract the fuzz target checks (image_contract.h).
// scripts/fuzz.js also replays them under ASan+UBSan in every `npm test`.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "../fuzz/image_contract.h"
#include "core/image/decode.h"
#include "core/image/exif.h"
#include "core/image/probe.h"
#include "image_test_support.h"

namespace wg::image {
namespace {

using test::Bytes;

std::string contract_of(const Bytes& b) { return contract::check(b.data(), b.size()); }

// The image target: "probe orientation == exif_orientation()" failed. The file has an Exif APP1 after
// its first scan; probe's whole-file walk read it, exif_orientation()'s header walk stopped before it.
TEST(FuzzRegressionImage, OrientationMismatch_ProbeAndExifReaderAgree) {
    const Bytes b = test::read_regression("image", "orientation_mismatch.jpg");
    ASSERT_FALSE(b.empty());
    const ProbeResult p = probe(b.data(), b.size());
    EXPECT_EQ(p.info.format, Format::Jpeg);
    EXPECT_EQ(p.info.orientation, exif_orientation(b.data(), b.size()));
    EXPECT_EQ(p.info.orientation, 1) << "an Exif block after the first scan is not the image's (browsers ignore it)";
    EXPECT_EQ(contract_of(b), "");
}

// The image target, under ASan: a scan using a Huffman table no DHT defined made stb_image 2.27 read
// out of bounds; probe now hands such files to the browser.
TEST(FuzzRegressionImage, UndefinedHuffmanTable_GoesToTheBrowser) {
    const Bytes b = test::read_regression("image", "undefined_huffman_table.jpg");
    ASSERT_FALSE(b.empty());
    EXPECT_TRUE(probe(b.data(), b.size()).browser_fallback);
    EXPECT_EQ(contract_of(b), "");
}

// The image target: a top-down BMP (height -249) whose compression field is garbage (0xFFFFFF03) and
// whose 148 bytes hold far fewer rows: its header reads as 16×249, and the decode refuses it as corrupt
// instead of reading rows that are not there.
TEST(FuzzRegressionImage, BmpNegativeHeight_RefusedNotOverread) {
    const Bytes b = test::read_regression("image", "bmp_negative_height.bmp");
    ASSERT_FALSE(b.empty());
    const ProbeResult p = probe(b.data(), b.size());
    EXPECT_EQ(p.info.format, Format::Bmp);
    EXPECT_EQ(p.info.width, 16);
    EXPECT_EQ(p.info.height, 249) << "a negative height is rows stored top-down, not a negative size";
    const DecodeResult d = decode(b.data(), b.size(), 256, 256);
    ASSERT_TRUE(d.error.has_value());
    EXPECT_EQ(d.error->id, kErrCorrupt);
    EXPECT_TRUE(d.image.rgba.empty());
    EXPECT_EQ(contract_of(b), "");
}

// The image target, a timeout: an 82×32 784 GIF strip (2.7 MP) took 13 s under ASan+UBSan in the resize
// to 1×256 (stb_image_resize pads each row by the filter's reach, ~5× the row at that ratio; 0.3 s
// optimized, so slow, not a hang). The fuzz pixel limit is now 1 MP, so it is refused there; with the
// widget's own limits it decodes to a one-pixel-wide column.
TEST(FuzzRegressionImage, GifTallStrip_DecodesToAColumnAndIsOverTheFuzzLimit) {
    const Bytes b = test::read_regression("image", "gif_tall_strip.gif");
    ASSERT_FALSE(b.empty());
    const ProbeResult p = probe(b.data(), b.size());
    EXPECT_EQ(p.info.format, Format::Gif);
    EXPECT_EQ(p.info.width, 82);
    EXPECT_EQ(p.info.height, 32784);
    EXPECT_GT((long long)p.info.width * p.info.height, contract::kMaxPixels);
    const DecodeResult d = decode(b.data(), b.size(), 256, 256);
    ASSERT_FALSE(d.error.has_value()) << d.error->message;
    EXPECT_EQ(d.image.width, 1);
    EXPECT_EQ(d.image.height, 256);
    EXPECT_EQ(contract_of(b), "");
}

// Every committed finding has a test above naming it, and every one of them keeps the contract.
TEST(FuzzRegressionImage, EveryCommittedInputIsNamedAndKeepsTheContract) {
    const std::set<std::string> named{"orientation_mismatch.jpg", "undefined_huffman_table.jpg",
                                      "bmp_negative_height.bmp", "gif_tall_strip.gif"};
    const std::filesystem::path dir = std::filesystem::path(WG_SOURCE_DIR) / "tests/fuzz/regressions/image";
    std::set<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        found.insert(name);
        EXPECT_EQ(contract_of(test::read_regression("image", name)), "") << name;
    }
    EXPECT_EQ(found, named) << "a new finding needs its own named test in this file";
}

}  // namespace
}  // namespace wg::image
