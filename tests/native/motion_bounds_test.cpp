// motion_bounds_test.cpp — without loop, the ends rubber-band (bounded) and spring back.
#include <gtest/gtest.h>

#include "core/motion/bounds.h"
#include "core/motion/thresholds.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

TEST(MotionBounds, InsidePassesUnchanged) {
    const Bounds b{0, 4};
    for (double p : {0.0, 0.25, 2.0, 3.999, 4.0}) EXPECT_EQ(b.constrain(p), p);
}

TEST(MotionBounds, RubberBandIsBoundedAndStiffens) {
    EXPECT_EQ(rubber_band(0), 0.0);
    EXPECT_EQ(rubber_band(-1), 0.0);
    // The first bit of overshoot moves at the stiffness ratio.
    EXPECT_NEAR(rubber_band(1e-6) / 1e-6, kRubberBandStiffness, 1e-5);
    double prev = 0, prev_step = 1e9;
    for (int i = 1; i <= 200; ++i) {
        const double pulled = rubber_band(0.05 * i);
        const double step = pulled - prev;
        EXPECT_GT(step, 0.0);          // always gives a little
        EXPECT_LT(step, prev_step);    // but less and less: resistance grows
        EXPECT_LT(pulled, kRubberBandMaxSlides);
        prev = pulled;
        prev_step = step;
    }
    EXPECT_LT(rubber_band(1e12), kRubberBandMaxSlides);
}

TEST(MotionBounds, InverseRoundTrips) {
    const Bounds b{0, 4};
    for (double raw : {-3.0, -0.5, -0.01, 0.0, 1.5, 4.0, 4.2, 7.0})
        EXPECT_NEAR(b.unconstrain(b.constrain(raw)), raw, 1e-9) << raw;
}

TEST(MotionBounds, DragPastFirstSlideRubberBandsAndSpringsBack) {
    Carousel c = make(5);
    c.pointer_down(1, 0, 100, 0, PointerKind::Touch);
    double prev = 0;
    for (int i = 1; i <= 100; ++i) {  // the finger goes 100 widths to the right
        EXPECT_EQ(c.pointer_move(1, float(i * kWidth), 100, i * 16.0), Gesture::Horizontal);
        EXPECT_LT(c.position(), prev);                         // keeps giving
        EXPECT_GT(c.position(), -kRubberBandMaxSlides);        // never beyond 0.3 slide
        prev = c.position();
    }
    EXPECT_EQ(c.index(), 0);
    c.pointer_up(1, 100 * kWidth, 100, 1616);  // thrown backwards: still slide 0
    const Frames f = run(c, 1616);
    double last = prev;
    for (double p : f.pos) {
        EXPECT_GE(p, last);  // straight back, monotone
        EXPECT_LE(p, 0.0);   // never past slide 0
        last = p;
    }
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionBounds, FlickPastLastSlideStaysOnIt) {
    Carousel c = make(3);
    c.jump_to(2);
    const double t = fling(c, 300, 100, 0, 50, 3);  // 4 px/ms towards "slide 3"
    EXPECT_GT(c.position(), 2.0);
    EXPECT_LT(c.position(), 2.0 + kRubberBandMaxSlides);
    EXPECT_EQ(c.index(), 2);
    const Frames f = run(c, t);
    for (double p : f.pos) EXPECT_GE(p, 2.0);
    EXPECT_EQ(c.position(), 2.0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionBounds, CatchingTheSpringBackDoesNotJump) {
    Carousel c = make(5);
    const double t = swipe(c, 0, 600, 0, 600, 36);  // slow, well past the start
    c.pointer_up(1, 600, 100, t);
    c.update(t + 100);
    const double caught = c.position();
    ASSERT_LT(caught, 0.0);
    c.pointer_down(2, 300, 100, t + 100, PointerKind::Touch);
    EXPECT_EQ(c.position(), caught);
    c.pointer_move(2, 320, 100, t + 116);  // 20 px more pull: continues from the same spot
    EXPECT_LT(c.position(), caught);
    EXPECT_GT(c.position(), caught - 20.0 / kWidth);  // resisted, not 1:1
}
