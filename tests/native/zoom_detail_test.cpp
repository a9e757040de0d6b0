// zoom_detail_test.cpp — which part of a zoomed photo is decoded again, and when the part held serves:
// a phone at DPR 3 zoomed into a 4000 × 3000 photo whose whole texture is 2048 px wide.
#include <gtest/gtest.h>

#include "core/zoom_detail.h"

namespace wg {
namespace {

// The photo area 360 × 270 CSS px at (0, 40); the whole photo drawn `zoom` times that, centred on
// the point (fx, fy) of the photo.
DetailInput zoomed(float zoom, float fx = 0.5f, float fy = 0.5f) {
    DetailInput in;
    in.view = {0, 40, 360, 270};
    in.photo.w = 360 * zoom;
    in.photo.h = 270 * zoom;
    in.photo.x = 180 - fx * in.photo.w;
    in.photo.y = 40 + 135 - fy * in.photo.h;
    in.dpr = 3;
    in.whole_w = 2048;
    in.whole_h = 1536;
    in.source_w = 4000;
    in.source_h = 3000;
    in.max_pixels = 3.1e6;
    in.max_side = 4096;
    return in;
}

TEST(ZoomDetail, NotWantedWhileTheWholeTextureIsSharpEnough) {
    EXPECT_FALSE(zoom_detail(zoomed(1)).wanted);
    EXPECT_FALSE(zoom_detail(zoomed(2)).wanted);  // 2160 px on screen, 2048 held: within the slack
}

TEST(ZoomDetail, ZoomedFurtherTheVisiblePartWithAMarginAtTheScreensPixels) {
    const DetailNeed n = zoom_detail(zoomed(3.5f));  // 3780 px on screen for the whole width
    ASSERT_TRUE(n.wanted);
    // What is visible: the middle 1/3.5 of each side; the crop holds it and more, within [0, 1].
    const float half = 0.5f / 3.5f;
    EXPECT_LE(n.crop.x0, 0.5f - half);
    EXPECT_GE(n.crop.x1, 0.5f + half);
    EXPECT_LE(n.crop.y0, 0.5f - half);
    EXPECT_GE(n.crop.y1, 0.5f + half);
    EXPECT_GE(n.crop.x0, 0.f);
    EXPECT_LE(n.crop.x1, 1.f);
    EXPECT_LE(double(n.width) * n.height, 3.1e6);
    // At the screen's density (3780 px per photo width) unless the pixel cap took some of it.
    const float per_photo = float(n.width) / n.crop.w();
    EXPECT_GT(per_photo, 2048 * kDetailSlack);
    EXPECT_LE(per_photo, 3780 * 1.01f);
}

TEST(ZoomDetail, NeverAsksForMorePixelsThanThePhotoHas) {
    const DetailNeed n = zoom_detail(zoomed(8));  // 8640 px on screen, the photo has 4000
    ASSERT_TRUE(n.wanted);
    EXPECT_LE(float(n.width) / n.crop.w(), 4000 * 1.01f);
    DetailInput small = zoomed(8);
    small.source_w = 2048;  // the photo has no more than the whole texture holds
    small.source_h = 1536;
    EXPECT_FALSE(zoom_detail(small).wanted);
}

TEST(ZoomDetail, AtAnEdgeTheCropStaysInsideThePhoto) {
    const DetailNeed n = zoom_detail(zoomed(3.5f, 0.1f, 0.95f));
    ASSERT_TRUE(n.wanted);
    EXPECT_EQ(n.crop.x0, 0.f);
    EXPECT_EQ(n.crop.y1, 1.f);
}

TEST(ZoomDetail, TheHeldPartServesSmallPansButNotALargeOneOrADeeperZoom) {
    const DetailInput at = zoomed(3.5f);
    const DetailNeed n = zoom_detail(at);
    ASSERT_TRUE(n.wanted);
    EXPECT_TRUE(detail_serves(n.crop, n.width, n.height, at));
    EXPECT_TRUE(detail_serves(n.crop, n.width, n.height, zoomed(3.5f, 0.52f, 0.5f)));   // a small pan
    EXPECT_FALSE(detail_serves(n.crop, n.width, n.height, zoomed(3.5f, 0.85f, 0.5f)));  // out of it
    EXPECT_FALSE(detail_serves(n.crop, n.width / 2, n.height / 2, at));                 // too coarse
    EXPECT_FALSE(detail_serves(n.crop, n.width, n.height, zoomed(1)));                  // not zoomed: let go
    // The same request for a pan within the grid: nothing new is asked for.
    const DetailNeed again = zoom_detail(zoomed(3.5f, 0.501f, 0.5f));
    EXPECT_EQ(again.crop.x0, n.crop.x0);
    EXPECT_EQ(again.crop.x1, n.crop.x1);
}

TEST(ZoomDetail, PlacedOverThePartOfThePhotoItHolds) {
    // The photo drawn at (−100, 0) 400 × 300 showing all of itself; the detail holds its middle half.
    DetailPlace d = place_detail({-100, 0, 400, 300}, 0, 0, 1, 1, image::Crop{0.25f, 0.25f, 0.75f, 0.75f});
    ASSERT_TRUE(d.shown);
    EXPECT_FLOAT_EQ(d.rect.x, 0);
    EXPECT_FLOAT_EQ(d.rect.y, 75);
    EXPECT_FLOAT_EQ(d.rect.w, 200);
    EXPECT_FLOAT_EQ(d.rect.h, 150);
    EXPECT_FLOAT_EQ(d.u0, 0);
    EXPECT_FLOAT_EQ(d.u1, 1);
    // A photo cropped to fill its box shows u 0.2…0.8 only: the detail is cut to that too.
    d = place_detail({0, 0, 600, 300}, 0.2f, 0, 0.8f, 1, image::Crop{0.f, 0.f, 0.5f, 1.f});
    ASSERT_TRUE(d.shown);
    EXPECT_FLOAT_EQ(d.rect.x, 0);
    EXPECT_FLOAT_EQ(d.rect.w, 300);  // photo u 0.2…0.5
    EXPECT_FLOAT_EQ(d.u0, 0.4f);
    EXPECT_FLOAT_EQ(d.u1, 1);
    EXPECT_FALSE(place_detail({0, 0, 600, 300}, 0.2f, 0, 0.8f, 1, image::Crop{0.f, 0.f, 0.1f, 1.f}).shown);
}

}  // namespace
}  // namespace wg
