// motion_zoom_test.cpp — the photo's zoom on scripted traces: a double tap in around the finger and
// back out, a pinch around the fingers' midpoint with a rubber band past the limits, a pan that stops
// at the photo's edge and hands the rest of the move to the carousel, reduced motion without frames.
#include <gtest/gtest.h>

#include "core/motion/zoom.h"

using wg::motion::Zoom;
using wg::motion::ZoomBox;

namespace {

// A 360 × 240 photo area with a 3:2 photo filling it, whose pixels are 1:1 at 4× (a 4320 px wide file at DPR 3).
Zoom fitted(float one_to_one = 4) {
    Zoom z;
    z.set_frame({0, 100, 360, 240}, {0, 100, 360, 240}, one_to_one);
    return z;
}

// The photo point (as a fraction of the photo) under screen point (x, y).
std::pair<float, float> under(const Zoom& z, float x, float y) {
    const ZoomBox b = z.box();
    return {(x - b.x) / b.w, (y - b.y) / b.h};
}

void settle(Zoom& z, double& t) {
    for (int i = 0; i < 100 && z.animating(); ++i) z.update(t += 16);
}

TEST(MotionZoom, ADoubleTapZoomsInAroundTheFingerAndBackOut) {
    Zoom z = fitted();
    double t = 0;
    const auto before = under(z, 120, 180);
    z.toggle_at(120, 180, t);
    EXPECT_TRUE(z.animating());
    settle(z, t);
    EXPECT_FLOAT_EQ(z.scale(), Zoom::kDoubleTapScale);
    const auto after = under(z, 120, 180);
    EXPECT_NEAR(after.first, before.first, 1e-4) << "the tapped point stays under the finger";
    EXPECT_NEAR(after.second, before.second, 1e-4);
    z.toggle_at(200, 200, t);
    settle(z, t);
    EXPECT_FLOAT_EQ(z.scale(), 1);
    EXPECT_FALSE(z.zoomed());
}

TEST(MotionZoom, ADoubleTapGoesNoFurtherThanThePhotosOwnPixels) {
    Zoom z = fitted(1.8f);
    double t = 0;
    z.toggle_at(180, 220, t);
    settle(z, t);
    EXPECT_FLOAT_EQ(z.scale(), 1.8f);
}

TEST(MotionZoom, NearAnEdgeTheZoomedPhotoStillCoversItsArea) {
    Zoom z = fitted();
    double t = 0;
    z.toggle_at(2, 102, t);  // the top-left corner
    settle(z, t);
    const ZoomBox b = z.box();
    EXPECT_LE(b.x, 0);
    EXPECT_LE(b.y, 100);
    EXPECT_GE(b.right(), 360);
    EXPECT_GE(b.bottom(), 340);
    // A pan towards the corner stops at it: no background shows.
    z.pan(50, 50, t += 16);
    z.pan_end(0, 0, t);
    settle(z, t);
    EXPECT_FLOAT_EQ(z.box().x, 0);
    EXPECT_FLOAT_EQ(z.box().y, 100);
}

TEST(MotionZoom, APinchScalesAroundTheFingersAndRubberBandsPastItsLimits) {
    Zoom z = fitted();
    double t = 0;
    z.pinch_start(150, 200, 210, 200, t);  // 60 px apart, midpoint (180, 200)
    const auto before = under(z, 180, 200);
    z.pinch_move(120, 200, 240, 200, t += 16);  // 120 px: twice the spread
    EXPECT_NEAR(z.scale(), 2, 1e-4);
    const auto mid = under(z, 180, 200);
    EXPECT_NEAR(mid.first, before.first, 1e-4);
    // The fingers move together: the photo follows their midpoint.
    z.pinch_move(100, 220, 220, 220, t += 16);
    const auto moved = under(z, 160, 220);
    EXPECT_NEAR(moved.first, before.first, 1e-4);
    EXPECT_NEAR(moved.second, before.second, 1e-4);
    // Far past the largest scale the photo grows much less than the spread.
    z.pinch_move(0, 200, 6000, 200, t += 16);  // 100×
    EXPECT_GT(z.scale(), z.max_scale());
    EXPECT_LT(z.scale(), z.max_scale() * 3);
    z.pinch_end(t);
    settle(z, t);
    EXPECT_NEAR(z.scale(), z.max_scale(), 1e-3) << "released, it settles at the limit";
    // Pinched in below the whole photo, it settles back to the whole photo.
    z.pinch_start(100, 200, 300, 200, t);
    z.pinch_move(190, 200, 210, 200, t += 16);
    EXPECT_LT(z.scale(), 1);
    EXPECT_GT(z.scale(), 0.3f) << "a rubber band, not a free fall";
    z.pinch_end(t);
    settle(z, t);
    EXPECT_FLOAT_EQ(z.scale(), 1);
    EXPECT_FLOAT_EQ(z.box().x, 0);
}

TEST(MotionZoom, APanFollowsTheFingerToTheEdgeThenHandsTheRestToTheCarousel) {
    Zoom z = fitted();
    double t = 0;
    z.toggle_at(180, 220, t);  // centred, 2.5×: 900 × 600, 270 px of room on each side
    settle(z, t);
    const float x0 = z.box().x;
    EXPECT_FLOAT_EQ(z.pan(-100, 0, t += 16), 0);
    EXPECT_FLOAT_EQ(z.box().x, x0 - 100) << "1:1 within the edges";
    const float left = z.pan(-300, 0, t += 16);  // 170 px to the right edge, 130 px past it
    EXPECT_FLOAT_EQ(z.box().right(), 360);
    EXPECT_FLOAT_EQ(left, -130) << "the rest goes to the carousel";
    // Vertically past the edge: a rubber band, and back within the edges at release.
    const float y_edge = 100;
    for (int i = 0; i < 5; ++i) z.pan(0, 200, t += 16);
    EXPECT_GT(z.box().y, y_edge);
    EXPECT_LT(z.box().y, y_edge + 1000 * Zoom::kRubber + 1);
    z.pan_end(0, 0, t);
    settle(z, t);
    EXPECT_FLOAT_EQ(z.box().y, y_edge);
}

TEST(MotionZoom, APinchReleasedWithinItsLimitsNeedsNoAnimation) {
    Zoom z = fitted();
    z.pinch_start(150, 200, 210, 200, 0);
    z.pinch_move(120, 200, 240, 200, 16);  // 2×, around the middle: within the limits and the edges
    z.pinch_end(32);
    EXPECT_FALSE(z.animating()) << "nothing to settle: no frames of a still animation";
    EXPECT_NEAR(z.scale(), 2, 1e-4);
}

TEST(MotionZoom, ReducedMotionChangesTheZoomWithoutAnimation) {
    Zoom z = fitted();
    z.set_reduced_motion(true);
    z.toggle_at(180, 220, 0);
    EXPECT_FALSE(z.animating());
    EXPECT_FLOAT_EQ(z.scale(), Zoom::kDoubleTapScale);
    z.zoom_by(0.5f, 180, 220, 10);
    EXPECT_FALSE(z.animating());
    EXPECT_FLOAT_EQ(z.scale(), 1.25f);
    z.reset(20);
    EXPECT_FLOAT_EQ(z.scale(), 1);
}

TEST(MotionZoom, ANarrowPhotoStaysCentredAcross) {
    Zoom z;
    z.set_frame({130, 100, 100, 240}, {0, 100, 360, 240}, 8);  // a tall photo, letterboxed
    double t = 0;
    z.zoom_by(2, 180, 220, t);  // 200 px wide: still narrower than the area
    settle(z, t);
    EXPECT_FLOAT_EQ(z.box().x, 80);
    EXPECT_FLOAT_EQ(z.pan(-50, 0, t), -50) << "nothing to pan across: all of it goes to the carousel";
}

}  // namespace

#include "core/motion/double_tap.h"

TEST(MotionDoubleTap, TwoTapsCloseInTimeAndPlace) {
    wg::motion::DoubleTap d;
    EXPECT_FALSE(d.tap(100, 100, 0));
    EXPECT_TRUE(d.tap(110, 95, 250)) << "within 300 ms and 30 px";
    EXPECT_FALSE(d.tap(110, 95, 400)) << "a third tap starts a new pair";
    EXPECT_FALSE(d.tap(110, 95, 800)) << "too late";
    EXPECT_FALSE(d.tap(200, 95, 900)) << "too far";
    EXPECT_TRUE(d.tap(205, 100, 1000));
}
