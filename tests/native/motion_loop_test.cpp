// motion_loop_test.cpp — slide arithmetic, and the loop: 10/10 → next → 1/10 with no visible jump.
#include <gtest/gtest.h>

#include "core/motion/counter.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

TEST(MotionCounter, WrapsOrClamps) {
    const Counter clamp(10, false), wrap(10, true);
    EXPECT_EQ(clamp.show(-1), 0);
    EXPECT_EQ(clamp.show(12), 9);
    EXPECT_EQ(clamp.limit(10), 9);
    EXPECT_EQ(wrap.show(-1), 9);
    EXPECT_EQ(wrap.show(10), 0);
    EXPECT_EQ(wrap.show(-21), 9);
    EXPECT_EQ(wrap.limit(10), 10);
    EXPECT_EQ(wrap.nearest_slide(9.6), 0);
    EXPECT_EQ(clamp.nearest_slide(-0.2), 0);
    EXPECT_EQ(wrap.nearest_slide(NAN), 0);
}

TEST(MotionCounter, NormaliseStaysInRange) {
    const Counter wrap(10, true);
    EXPECT_EQ(wrap.normalise(-0.5), 9.5);
    EXPECT_EQ(wrap.normalise(10.25), 0.25);
    const double n = wrap.normalise(-1e-17);  // rounds to 10.0 unless guarded
    EXPECT_GE(n, 0.0);
    EXPECT_LT(n, 10.0);
    EXPECT_EQ(Counter(10, false).normalise(-0.2), -0.2);
}

TEST(MotionCounter, NearestCopyTakesTheShortWayRound) {
    const Counter wrap(10, true);
    EXPECT_EQ(wrap.nearest_copy(0, 9), 10);     // forwards one, not back nine
    EXPECT_EQ(wrap.nearest_copy(9, 0), -1);
    EXPECT_EQ(wrap.nearest_copy(5, 0), 5);      // a tie goes forwards
    EXPECT_EQ(wrap.nearest_copy(0, 5), 10);
    EXPECT_EQ(wrap.nearest_copy(3, 21.5), 23);
    EXPECT_EQ(wrap.nearest_copy(42, 0), -1);    // out of range: clamped to the last slide first
    EXPECT_EQ(Counter(10, false).nearest_copy(0, 9), 0);
}

TEST(MotionCounter, LoopNeedsTwoSlides) {
    EXPECT_FALSE(Counter(1, true).loop());
    EXPECT_TRUE(Counter(2, true).loop());
    EXPECT_EQ(Counter(0, false).count(), 1);
}

// Positions recorded frame by frame never jump (wrap included) and end on `want`.
static void expect_continuous_to(Carousel& c, double t, int want) {
    double prev = c.position();
    const Frames f = run(c, t);
    for (double p : f.pos) {
        EXPECT_LT(circular_gap(p, prev, c.count()), 0.2) << prev << " → " << p;
        EXPECT_GE(p, 0.0);
        EXPECT_LT(p, double(c.count()));
        prev = p;
    }
    EXPECT_EQ(c.position(), double(want));
    EXPECT_EQ(c.index(), want);
    EXPECT_EQ(c.take_settled_change(), want);
}

TEST(MotionLoop, NextFromTheLastWrapsToTheFirst) {
    Carousel c = make(10, true);
    c.jump_to(9);
    c.next(0);
    EXPECT_EQ(c.index(), 0);  // the counter reads 1/10 at once
    expect_continuous_to(c, 0, 0);
}

TEST(MotionLoop, PrevFromTheFirstWrapsToTheLast) {
    Carousel c = make(10, true);
    c.prev(0);
    EXPECT_EQ(c.index(), 9);
    expect_continuous_to(c, 0, 9);
}

TEST(MotionLoop, DraggingAcrossTheWrap) {
    {  // 1/10, drag right: the last slide comes in from the left
        Carousel c = make(10, true);
        const double t = swipe(c, 100, 220, 0, 100, 6);
        EXPECT_DOUBLE_EQ(c.position(), 10.0 - 120.0 / kWidth);
        EXPECT_EQ(c.index(), 0);
        c.pointer_up(1, 220, 100, t);
        EXPECT_EQ(c.index(), 9);
        expect_continuous_to(c, t, 9);
    }
    {  // 10/10, drag left: the first slide comes in from the right
        Carousel c = make(10, true);
        c.jump_to(9);
        const double t = swipe(c, 300, 60, 0, 2400, 150);  // slow, past half
        EXPECT_DOUBLE_EQ(c.position(), 9.0 + 240.0 / kWidth);
        EXPECT_EQ(c.index(), 0);
        c.pointer_up(1, 60, 100, t);
        expect_continuous_to(c, t, 0);
    }
}

TEST(MotionLoop, NoRubberBandWhenLooping) {
    Carousel c = make(10, true);
    swipe(c, 0, 1000, 0, 500, 30);
    EXPECT_DOUBLE_EQ(c.position(), 10.0 - 1000.0 / kWidth);
}

TEST(MotionLoop, GoToTakesTheShortWayRound) {
    Carousel c = make(10, true);
    c.jump_to(8);
    c.go_to(1, 0);
    double prev = c.position(), travelled = 0;
    const Frames f = run(c, 0);
    for (double p : f.pos) {  // 8 → 9 → 0 → 1, always forwards across the wrap
        const double step = std::fmod(p - prev + 10.0, 10.0);
        EXPECT_LT(step, 0.3);  // 3 slides in 300 ms: ≤ 1.5× the mean 1/6 slide per frame
        travelled += step;
        prev = p;
    }
    EXPECT_NEAR(travelled, 3.0, 1e-9);
    EXPECT_EQ(c.position(), 1.0);
}

TEST(MotionLoop, ManyNextsKeepTheCounterRight) {
    Carousel c = make(3, true);
    for (int i = 0; i < 7; ++i) c.next(i);  // key repeat faster than the snap
    EXPECT_EQ(c.index(), 7 % 3);
    run(c, 7);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
}
