// motion_navigation_test.cpp — keys, go_to, next/prev, reduced motion, settled changes, configure.
#include <gtest/gtest.h>

#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

TEST(MotionNavigation, KeysTable) {
    struct Case {
        int from;
        Key key;
        bool loop;
        int want;
    };
    const Case cases[] = {
        {2, Key::Right, false, 3}, {2, Key::Left, false, 1}, {2, Key::Home, false, 0},
        {2, Key::End, false, 4},   {4, Key::Right, false, 4}, {0, Key::Left, false, 0},
        {4, Key::Right, true, 0},  {0, Key::Left, true, 4},  {4, Key::Home, true, 0},
    };
    for (const Case& k : cases) {
        Carousel c = make(5, k.loop);
        c.jump_to(k.from);
        c.key(k.key, 0);
        EXPECT_EQ(c.index(), k.want) << k.from << " key " << int(k.key);
        run(c, 0);
        EXPECT_EQ(c.position(), double(k.want));
        if (k.want != k.from) {
            EXPECT_EQ(c.take_settled_change(), k.want);
        }
        EXPECT_FALSE(c.take_settled_change());
    }
}

TEST(MotionNavigation, GoToSpamEndsOnTheLastTarget) {
    Carousel c = make(10);
    for (int i = 0; i < 100; ++i) c.go_to((i * 7) % 10, 500);  // last call: 693 % 10 = 3
    EXPECT_EQ(c.index(), 3);
    run(c, 500);
    EXPECT_EQ(c.position(), 3.0);
    EXPECT_EQ(c.take_settled_change(), 3);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionNavigation, RetargetingMidSnapDoesNotJump) {
    Carousel c = make(10);
    c.go_to(5, 0);
    c.update(100);
    const double p = c.position();
    c.go_to(1, 100);
    EXPECT_EQ(c.position(), p);
    double prev = p;
    const Frames f = run(c, 100);
    for (double q : f.pos) {
        EXPECT_LT(std::fabs(q - prev), 0.5);
        prev = q;
    }
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
}

TEST(MotionNavigation, OutOfRangeGoToIsClamped) {
    Carousel c = make(4);
    c.go_to(99, 0);
    EXPECT_EQ(c.index(), 3);
    c.go_to(-5, 0);
    EXPECT_EQ(c.index(), 0);
}

TEST(MotionNavigation, ReducedMotionJumpsWithoutFrames) {
    Carousel c = make(5, false, 0, /*reduced=*/true);
    c.go_to(3, 0);
    EXPECT_FALSE(c.animating());
    EXPECT_EQ(c.position(), 3.0);
    EXPECT_EQ(c.take_settled_change(), 3);
    EXPECT_FALSE(c.take_settled_change());
    // A drag still follows the finger (direct manipulation), but the release jumps.
    const double t = swipe(c, 200, 140, 10, 50, 3);
    EXPECT_DOUBLE_EQ(c.position(), 3.0 + 60.0 / kWidth);
    c.pointer_up(1, 140, 100, t);
    EXPECT_FALSE(c.animating());
    EXPECT_EQ(c.position(), 4.0);
    EXPECT_EQ(c.take_settled_change(), 4);
    // Spam settles each time; the reader of changes sees the last one, once.
    for (int i = 0; i < 8; ++i) c.go_to(i % 5, 100);  // ends on 7 % 5 = 2
    EXPECT_FALSE(c.animating());
    EXPECT_EQ(c.take_settled_change(), 2);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionNavigation, SwitchingToReducedMotionFinishesTheSnap) {
    Carousel c = make(5);
    c.next(0);
    c.update(50);
    CarouselConfig cfg;
    cfg.count = 5;
    cfg.reduced_motion = true;
    c.configure(cfg);
    EXPECT_FALSE(c.animating());
    EXPECT_EQ(c.position(), 1.0);
}

TEST(MotionNavigation, IndexReadsTargetWhileAnimating) {
    Carousel c = make(5);
    c.next(0);
    for (int ms = 0; ms < 300; ms += 10) {
        c.update(ms);
        EXPECT_EQ(c.index(), 1) << ms;
    }
}

TEST(MotionNavigation, SettledChangeOncePerChange) {
    Carousel c = make(5);
    EXPECT_FALSE(c.take_settled_change());
    c.next(0);
    c.update(150);
    EXPECT_FALSE(c.take_settled_change());  // not settled yet
    c.update(300);
    EXPECT_EQ(c.take_settled_change(), 1);
    EXPECT_FALSE(c.take_settled_change());
    c.go_to(1, 400);  // already there
    EXPECT_FALSE(c.animating());
    EXPECT_FALSE(c.take_settled_change());
    c.next(500);
    c.prev(520);  // changed its mind before settling: back where it was, nothing to report
    run(c, 520);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionNavigation, JumpToIsSilent) {
    Carousel c = make(5);
    c.jump_to(3);
    EXPECT_EQ(c.position(), 3.0);
    EXPECT_EQ(c.index(), 3);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionNavigation, ConfigureKeepsTheSlideIfValid) {
    Carousel c = make(10);
    c.jump_to(6);
    CarouselConfig cfg;
    cfg.count = 8;
    cfg.loop = true;
    c.configure(cfg);
    EXPECT_EQ(c.index(), 6);
    EXPECT_EQ(c.count(), 8);
    EXPECT_FALSE(c.take_settled_change());
    cfg.count = 4;  // slide 7 is gone: the last one shows
    c.configure(cfg);
    EXPECT_EQ(c.index(), 3);
    EXPECT_EQ(c.position(), 3.0);
    EXPECT_EQ(c.take_settled_change(), 3);
}

TEST(MotionNavigation, ConfigureMidDragLetsGoOfThePointer) {
    Carousel c = make(10);
    swipe(c, 300, 200, 0, 50, 3);
    CarouselConfig cfg;
    cfg.count = 6;
    c.configure(cfg);
    EXPECT_FALSE(c.dragging());
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_EQ(c.pointer_move(1, 100, 100, 70), Gesture::Vertical);  // platform releases capture
    EXPECT_EQ(c.position(), 0.0);
    c.pointer_up(1, 100, 100, 80);
    EXPECT_EQ(c.position(), 0.0);
}

TEST(MotionNavigation, EmptyGalleryIsInert) {
    Carousel c = make(0);
    EXPECT_EQ(c.count(), 0);
    c.next(0);
    fling(c, 200, 100, 10, 50, 3);
    run(c, 60);
    EXPECT_EQ(c.index(), 0);
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionNavigation, KeysAndGoToWaitForTheFinger) {
    Carousel c = make(5);
    swipe(c, 300, 250, 0, 50, 3);
    const double p = c.position();
    c.key(Key::End, 60);
    c.go_to(3, 60);
    EXPECT_EQ(c.position(), p);
    EXPECT_TRUE(c.dragging());
}
