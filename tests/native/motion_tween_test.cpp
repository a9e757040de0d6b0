// motion_tween_test.cpp — the snap: 300 ms, monotone (never overshoots), caught without a jump.
#include <gtest/gtest.h>

#include "core/motion/thresholds.h"
#include "core/motion/tween.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

TEST(MotionTween, EndsExactlyOnTimeAndTarget) {
    Tween tw;
    tw.start(0.2, 1.0, 0.0, 1000, kSnapDurationMs);
    EXPECT_EQ(tw.position(1000), 0.2);
    EXPECT_FALSE(tw.finished(1000 + kSnapDurationMs - 1));
    EXPECT_TRUE(tw.finished(1000 + kSnapDurationMs));
    EXPECT_EQ(tw.position(1000 + kSnapDurationMs), 1.0);
    EXPECT_EQ(tw.velocity(1000 + kSnapDurationMs), 0.0);
}

TEST(MotionTween, MonotoneForEveryStartVelocity) {
    // From a standstill, along, with and far beyond the move's own pace, and against it.
    for (double v : {-0.01, 0.0, 0.001, 0.004, 0.01, 0.1, 10.0}) {
        Tween tw;
        tw.start(0.0, 1.0, v, 0, kSnapDurationMs);
        double prev = 0;
        for (int ms = 1; ms <= 300; ++ms) {
            const double p = tw.position(ms);
            EXPECT_GE(p, prev) << v << " @" << ms;
            EXPECT_LE(p, 1.0) << v << " @" << ms;
            prev = p;
        }
    }
}

TEST(MotionTween, LeavesAtTheGivenVelocityWhenItCan) {
    Tween tw;
    tw.start(0.0, 1.0, 0.004, 0, kSnapDurationMs);  // slope 1.2 of the 3 allowed
    EXPECT_DOUBLE_EQ(tw.velocity(0), 0.004);
    tw.start(0.0, -2.0, -0.002, 0, kSnapDurationMs);  // backwards works the same
    EXPECT_DOUBLE_EQ(tw.velocity(0), -0.002);
    tw.start(0.0, 1.0, 1.0, 0, kSnapDurationMs);     // too fast: clamped to ease-out cubic
    EXPECT_DOUBLE_EQ(tw.velocity(0), 3.0 / kSnapDurationMs);
    tw.start(0.0, 1.0, -1.0, 0, kSnapDurationMs);    // wrong way: starts from rest
    EXPECT_EQ(tw.velocity(0), 0.0);
}

TEST(MotionTween, ReleaseSettlesIn250To400MsWithoutOvershoot) {
    struct Case {
        float dx;
        double ms;
        int want;
    };
    const Case cases[] = {{-30, 50, 1}, {-300, 60, 1}, {-390, 40, 1}, {-60, 600, 0}, {-250, 1500, 1},
                          {30, 50, 1},  {300, 60, 1}};
    for (const Case& k : cases) {
        Carousel c = make(5);
        c.jump_to(k.dx < 0 ? 0 : 2);
        const double t = fling(c, 200, 200 + k.dx, 0, k.ms, int(k.ms / 16) + 1);
        const double from = c.position();
        const Frames f = run(c, t);
        ASSERT_FALSE(f.pos.empty());
        EXPECT_GE(f.end - t, 250.0);
        EXPECT_LE(f.end - t, 400.0);
        const double dir = k.want > from ? 1 : -1;
        double prev = from;
        for (double p : f.pos) {
            EXPECT_LE((p - k.want) * dir, 0.005) << k.dx;  // never past the target
            EXPECT_GE((p - prev) * dir, 0.0) << k.dx;     // never back and forth
            prev = p;
        }
        EXPECT_EQ(c.position(), double(k.want));
    }
}

TEST(MotionTween, PointerDownCatchesTheSlideWhereItIs) {
    // Twin carousels: one is caught at t, the other only updated to t. Same place, to the bit.
    Carousel a = make(5), b = make(5);
    const double t = fling(a, 200, 140, 0, 50, 3);
    fling(b, 200, 140, 0, 50, 3);
    a.update(t + 50);
    b.update(t + 50);
    b.update(t + 130);
    a.pointer_down(2, 300, 100, t + 130, PointerKind::Touch);  // no update() in between
    EXPECT_EQ(a.position(), b.position());
    const double caught = a.position();
    EXPECT_GT(caught, 0.0);
    EXPECT_LT(caught, 1.0);
    a.update(t + 200);  // held: it stays under the finger
    EXPECT_EQ(a.position(), caught);
    EXPECT_FALSE(a.animating());
    EXPECT_EQ(a.index(), 1);  // the counter still shows where it was going
    a.pointer_move(2, 290, 100, t + 216);  // the drag continues from the caught spot
    EXPECT_DOUBLE_EQ(a.position(), caught + 10.0 / kWidth);
}

TEST(MotionTween, TapDuringTheSnapLetsItFinish) {
    Carousel c = make(5);
    c.next(0);
    c.update(100);
    c.pointer_down(1, 200, 100, 100, PointerKind::Mouse);
    c.pointer_up(1, 201, 100, 180);
    run(c, 180);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
}
