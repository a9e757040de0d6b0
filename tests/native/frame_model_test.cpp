// frame_model_test.cpp — which slides a frame shows, where and how opaque, for scripted carousel
// positions; and the photo cross-fade.
#include <gtest/gtest.h>

#include <cmath>

#include "core/frame_model.h"

namespace {
std::vector<int> indices(const std::vector<wg::SlideOnScreen>& s) {
    std::vector<int> out;
    for (const auto& x : s) out.push_back(x.index);
    return out;
}
}  // namespace

TEST(FrameModel, AtRestOneSlideInPlace) {
    auto s = wg::slides_on_screen(3.0, 10, false, false, 360);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].index, 3);
    EXPECT_FLOAT_EQ(s[0].dx, 0);
    EXPECT_FLOAT_EQ(s[0].alpha, 1);
}

TEST(FrameModel, BetweenTwoSlidesBothSlideByTheWidth) {
    // A quarter of the way from slide 3 to 4 in a 360 px box: 3 moved 90 px left, 4 is 270 px right.
    auto s = wg::slides_on_screen(3.25, 10, false, false, 360);
    EXPECT_EQ(indices(s), (std::vector<int>{3, 4}));
    EXPECT_FLOAT_EQ(s[0].dx, -90);
    EXPECT_FLOAT_EQ(s[1].dx, 270);
    EXPECT_FLOAT_EQ(s[0].alpha, 1);
    EXPECT_FLOAT_EQ(s[1].alpha, 1);
}

TEST(FrameModel, FadeKeepsSlidesInPlaceAndCrossFades) {
    auto s = wg::slides_on_screen(3.25, 10, false, true, 360);
    EXPECT_EQ(indices(s), (std::vector<int>{3, 4}));
    EXPECT_FLOAT_EQ(s[0].dx, 0);
    EXPECT_FLOAT_EQ(s[1].dx, 0);
    EXPECT_FLOAT_EQ(s[0].alpha, 0.75f);
    EXPECT_FLOAT_EQ(s[1].alpha, 0.25f);
}

TEST(FrameModel, BeyondTheEndsNothingWithoutLoop) {
    // Rubber band past the last slide (position 9.2 of 10): only slide 9, shifted left.
    auto end = wg::slides_on_screen(9.2, 10, false, false, 100);
    EXPECT_EQ(indices(end), (std::vector<int>{9}));
    EXPECT_NEAR(end[0].dx, -20, 1e-4);
    // Before the first (position −0.3): only slide 0, shifted right.
    auto start = wg::slides_on_screen(-0.3, 10, false, false, 100);
    EXPECT_EQ(indices(start), (std::vector<int>{0}));
    EXPECT_NEAR(start[0].dx, 30, 1e-4);
}

TEST(FrameModel, LoopWrapsBothWays) {
    EXPECT_EQ(indices(wg::slides_on_screen(9.5, 10, true, false, 100)), (std::vector<int>{9, 0}));
    EXPECT_EQ(indices(wg::slides_on_screen(-0.5, 10, true, false, 100)), (std::vector<int>{9, 0}));
    EXPECT_EQ(indices(wg::slides_on_screen(-10.0, 10, true, false, 100)), (std::vector<int>{0}));
    EXPECT_EQ(indices(wg::slides_on_screen(1.5, 1, true, false, 100)), (std::vector<int>{0, 0}));
}

TEST(FrameModel, NoSlidesOrNoPositionShowsNothing) {
    EXPECT_TRUE(wg::slides_on_screen(0, 0, false, false, 100).empty());
    EXPECT_TRUE(wg::slides_on_screen(NAN, 5, true, false, 100).empty());
}

TEST(PhotoFade, FromArrivalOverTheFadeTime) {
    EXPECT_FLOAT_EQ(wg::photo_fade(1000, -1, 180), 0);    // not there
    EXPECT_FLOAT_EQ(wg::photo_fade(1000, 1000, 180), 0);  // just arrived
    EXPECT_FLOAT_EQ(wg::photo_fade(1090, 1000, 180), 0.5f);
    EXPECT_FLOAT_EQ(wg::photo_fade(5000, 1000, 180), 1);
    EXPECT_FLOAT_EQ(wg::photo_fade(900, 1000, 180), 0);   // a clock that went back stays at 0
    EXPECT_FLOAT_EQ(wg::photo_fade(1000, 1000, 0), 1);    // reduced motion: no fade
}
