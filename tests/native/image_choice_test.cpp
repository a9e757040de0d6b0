// image_choice_test.cpp — the size of a photo fetched for a box (the rule of <img srcset>).
#include <gtest/gtest.h>

#include "core/gallery_json.h"
#include "core/image_choice.h"

namespace {
wg::Slide slide(int w, int h, std::vector<wg::ImageSource> srcset) {
    wg::Slide s;
    s.image = "original.jpg";
    s.width = w;
    s.height = h;
    s.srcset = std::move(srcset);
    return s;
}
const std::vector<wg::ImageSource> kSizes = {{"w1600.jpg", 1600}, {"w480.jpg", 480}, {"w800.jpg", 800}};
}  // namespace

TEST(ImageChoice, NarrowestSizeThatCoversTheBox) {
    wg::Slide s = slide(3200, 2000, kSizes);
    EXPECT_EQ(wg::choose_image(s, 400, 250, wg::Fit::Contain), "w480.jpg");
    EXPECT_EQ(wg::choose_image(s, 480, 300, wg::Fit::Contain), "w480.jpg");   // exactly covers
    EXPECT_EQ(wg::choose_image(s, 481, 301, wg::Fit::Contain), "w800.jpg");
    EXPECT_EQ(wg::choose_image(s, 1080, 675, wg::Fit::Contain), "w1600.jpg"); // a phone at DPR 3
    EXPECT_EQ(wg::choose_image(s, 2048, 1280, wg::Fit::Contain), "original.jpg"); // full screen: the 3200 px original
}

TEST(ImageChoice, WidestWhenNoneCovers) {
    wg::Slide s = slide(0, 0, kSizes);  // original's width unknown: it is the widest
    EXPECT_EQ(wg::choose_image(s, 2048, 1365, wg::Fit::Contain), "original.jpg");
    wg::Slide known = slide(1200, 800, kSizes);  // the original is narrower than the 1600 size
    EXPECT_EQ(wg::choose_image(known, 2048, 1365, wg::Fit::Contain), "w1600.jpg");
}

TEST(ImageChoice, NoSrcsetIsTheImage) {
    EXPECT_EQ(wg::choose_image(slide(1600, 1000, {}), 300, 200, wg::Fit::Contain), "original.jpg");
    EXPECT_EQ(wg::choose_image(slide(0, 0, {}), 300, 200, wg::Fit::Cover), "original.jpg");
}

TEST(ImageChoice, FitDecidesTheWidthShown) {
    // A tall photo (1:2) in a wide box 1000 × 500: contained it is 250 px wide, covering 1000.
    wg::Slide s = slide(2000, 4000, {{"w300.jpg", 300}, {"w1000.jpg", 1000}});
    EXPECT_EQ(wg::choose_image(s, 1000, 500, wg::Fit::Contain), "w300.jpg");
    EXPECT_EQ(wg::choose_image(s, 1000, 500, wg::Fit::Cover), "w1000.jpg");
    // A wide photo (3:1) in a square box: contained it is the box's width, covering 3×.
    wg::Slide w = slide(3000, 1000, {{"w600.jpg", 600}, {"w1800.jpg", 1800}});
    EXPECT_EQ(wg::choose_image(w, 600, 600, wg::Fit::Contain), "w600.jpg");
    EXPECT_EQ(wg::choose_image(w, 600, 600, wg::Fit::Cover), "w1800.jpg");
}

TEST(GallerySrcset, ParsedValidatedAndWrittenBack) {
    const char* text = R"({"slides": [{"image": "a.jpg", "width": 3200, "height": 2000,
        "srcset": [{"url": "a-800.jpg", "width": 800}, {"url": "a-1600.jpg", "width": 1600}]}]})";
    wg::ParseResult r = wg::parse_gallery(text);
    ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
    ASSERT_EQ(r.gallery.slides[0].srcset.size(), 2u);
    EXPECT_EQ(r.gallery.slides[0].srcset[1].url, "a-1600.jpg");
    EXPECT_EQ(r.gallery.slides[0].srcset[1].width, 1600);
    const std::string out = wg::gallery_to_json(r.gallery);
    EXPECT_NE(out.find(R"("srcset":[{"url":"a-800.jpg","width":800},{"url":"a-1600.jpg","width":1600}])"), std::string::npos) << out;
    EXPECT_TRUE(wg::parse_gallery(out).ok());
}

TEST(GallerySrcset, EachMistakeNamedWhereItIs) {
    const char* text = R"json({"slides": [{"image": "a.jpg", "srcset": [
        {"url": "javascript:alert(1)", "width": 800},
        {"url": "b.jpg"},
        {"url": "c.jpg", "width": -3},
        "d.jpg",
        {"url": "e.jpg", "width": 900, "widht": 1}]}]})json";
    wg::ParseResult r = wg::parse_gallery(text);
    EXPECT_FALSE(r.ok());
    std::vector<std::string> where;
    for (const auto& d : r.diagnostics) where.push_back(d.id + " " + d.where);
    const std::vector<std::string> expected = {"url.scheme /slides/0/srcset/0/url", "field.required /slides/0/srcset/1/width",
        "field.range /slides/0/srcset/2/width", "field.type /slides/0/srcset/3", "field.unknown /slides/0/srcset/4/widht"};
    for (const auto& e : expected)
        EXPECT_NE(std::find(where.begin(), where.end(), e), where.end()) << e;
    EXPECT_EQ(wg::parse_gallery(R"({"slides": [{"image": "a.jpg", "srcset": "a.jpg 800w"}]})").diagnostics.at(0).id, "field.type");
}
