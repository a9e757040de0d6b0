// motion_drag_test.cpp — the photo follows the finger 1:1, whatever the pointer, resize or cancel.
#include <gtest/gtest.h>

#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

TEST(MotionDrag, FollowsTheFingerOneToOne) {
    for (PointerKind kind : {PointerKind::Touch, PointerKind::Mouse, PointerKind::Pen}) {
        Carousel c = make(5);
        c.jump_to(2);
        c.pointer_down(7, 300, 100, 0, kind);
        ASSERT_EQ(c.pointer_move(7, 288, 100, 16), Gesture::Horizontal);
        // The point grabbed stays under the finger: 12 px from the down point.
        EXPECT_DOUBLE_EQ(c.position(), 2.0 + 12.0 / kWidth);
        EXPECT_TRUE(c.dragging());
        EXPECT_TRUE(c.animating());
        const float xs[] = {250, 251.5f, 180, 333, 299.25f, 100};
        double prev_pos = c.position();
        float prev_x = 288;
        double t = 16;
        for (float x : xs) {
            c.pointer_move(7, x, 100, t += 16);
            EXPECT_NEAR(c.position() - prev_pos, -(double(x) - prev_x) / kWidth, 1e-12) << x;
            prev_pos = c.position();
            prev_x = x;
        }
    }
}

TEST(MotionDrag, IndexIsTheNearestSlideWhileDragging) {
    Carousel c = make(5);
    c.pointer_down(1, 300, 100, 0, PointerKind::Touch);
    c.pointer_move(1, 200, 100, 16);  // 0.25
    EXPECT_EQ(c.index(), 0);
    c.pointer_move(1, 90, 100, 32);   // 0.525
    EXPECT_EQ(c.index(), 1);
    c.pointer_move(1, -150, 100, 48);  // 1.125
    EXPECT_EQ(c.index(), 1);
}

TEST(MotionDrag, ResizeMidDragDoesNotJump) {
    Carousel c = make(5);
    c.pointer_down(1, 300, 100, 0, PointerKind::Touch);
    c.pointer_move(1, 200, 100, 16);
    const double before = c.position();
    c.set_viewport_width(800);  // rotated phone
    EXPECT_EQ(c.position(), before);
    c.pointer_move(1, 180, 100, 32);  // and the drag goes on at the new scale
    EXPECT_DOUBLE_EQ(c.position(), before + 20.0 / 800);
}

TEST(MotionDrag, InvalidWidthsAreIgnored) {
    CarouselConfig cfg;
    cfg.count = 3;
    Carousel c(cfg);  // no width yet: pointers cannot be turned into slides
    c.pointer_down(1, 300, 100, 0, PointerKind::Touch);
    EXPECT_EQ(c.pointer_move(1, 100, 100, 16), Gesture::Undecided);
    EXPECT_EQ(c.position(), 0.0);
    c.pointer_up(1, 100, 100, 32);
    c.set_viewport_width(0);
    c.set_viewport_width(NAN);
    c.set_viewport_width(-5);
    c.pointer_down(2, 300, 100, 100, PointerKind::Touch);
    EXPECT_EQ(c.pointer_move(2, 100, 100, 116), Gesture::Undecided);
}

TEST(MotionDrag, CancelGoesBackToTheSlide) {
    Carousel c = make(5);
    c.jump_to(1);
    swipe(c, 300, 50, 0, 100, 6);  // well past half, fast
    EXPECT_EQ(c.index(), 2);
    c.pointer_cancel(1, 100);
    EXPECT_EQ(c.index(), 1);
    run(c, 100);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionDrag, OnlyTheFirstPointerCounts) {
    Carousel c = make(5);
    c.pointer_down(1, 300, 100, 0, PointerKind::Touch);
    c.pointer_move(1, 280, 100, 16);
    const double p = c.position();
    c.pointer_down(2, 100, 100, 20, PointerKind::Touch);  // a second finger (pinch)
    EXPECT_EQ(c.pointer_move(2, 0, 100, 30), Gesture::Undecided);
    c.pointer_up(2, 0, 100, 40);
    c.pointer_cancel(2, 41);
    EXPECT_EQ(c.position(), p);
    EXPECT_TRUE(c.dragging());
}

TEST(MotionDrag, TimeNeverRunsBackwards) {
    Carousel c = make(5);
    c.next(1000);
    c.update(1100);
    const double p = c.position();
    c.update(500);  // a stale timestamp changes nothing
    c.update(NAN);
    EXPECT_EQ(c.position(), p);
    run(c, 1100);
    EXPECT_EQ(c.position(), 1.0);
}
