// motion_axis_lock_test.cpp — horizontal drags are the carousel's, vertical ones the page's.
#include <gtest/gtest.h>

#include "core/motion/axis_lock.h"
#include "core/motion/thresholds.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

struct AxisCase {
    float dx, dy;
    PointerKind kind;
    Gesture want;
};

TEST(MotionAxisLock, VerdictTable) {
    const AxisCase cases[] = {
        {0, 0, PointerKind::Touch, Gesture::Undecided},
        {9.9f, 0, PointerKind::Touch, Gesture::Undecided},   // inside the touch slop
        {6, 8, PointerKind::Touch, Gesture::Vertical},       // |d| = 10: decided, mostly vertical
        {8, -6, PointerKind::Touch, Gesture::Horizontal},
        {-10, 0, PointerKind::Touch, Gesture::Horizontal},
        {0, -10, PointerKind::Touch, Gesture::Vertical},
        {7.5f, 7.5f, PointerKind::Touch, Gesture::Vertical},  // a tie goes to the page
        {5, 0, PointerKind::Mouse, Gesture::Undecided},
        {6, 0, PointerKind::Mouse, Gesture::Horizontal},     // precise pointers decide sooner
        {0, 6, PointerKind::Pen, Gesture::Vertical},
        {NAN, 0, PointerKind::Touch, Gesture::Undecided},
    };
    for (const AxisCase& c : cases)
        EXPECT_EQ(axis_lock(c.dx, c.dy, c.kind), c.want) << c.dx << "," << c.dy;
}

TEST(MotionAxisLock, VerticalPointerIsIgnoredEntirely) {
    Carousel c = make(5);
    c.pointer_down(1, 200, 100, 0, PointerKind::Touch);
    EXPECT_EQ(c.pointer_move(1, 197, 112, 16), Gesture::Vertical);
    EXPECT_EQ(c.position(), 0.0);
    // However sideways the finger goes afterwards, the verdict holds and nothing moves.
    EXPECT_EQ(c.pointer_move(1, 50, 200, 32), Gesture::Vertical);
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_FALSE(c.dragging());
    EXPECT_FALSE(c.animating());
    c.pointer_up(1, 0, 300, 48);  // a fast "flick" that was a page scroll
    run(c, 48);
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_EQ(c.index(), 0);
    EXPECT_FALSE(c.take_settled_change());
}

TEST(MotionAxisLock, HorizontalPointerIsKept) {
    Carousel c = make(5);
    c.pointer_down(1, 200, 100, 0, PointerKind::Touch);
    EXPECT_EQ(c.pointer_move(1, 195, 103, 8), Gesture::Undecided);  // within the slop: still
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_EQ(c.pointer_move(1, 188, 103, 16), Gesture::Horizontal);
    EXPECT_TRUE(c.dragging());
    // From then on it stays horizontal, even if the finger wanders down.
    EXPECT_EQ(c.pointer_move(1, 180, 160, 32), Gesture::Horizontal);
    EXPECT_DOUBLE_EQ(c.position(), 20.0 / kWidth);
}

TEST(MotionAxisLock, VerticalPointerCaughtMidSnapLetsTheSnapFinish) {
    Carousel c = make(5);
    c.next(0);
    c.update(100);
    const double caught = c.position();
    c.pointer_down(1, 200, 100, 100, PointerKind::Touch);
    EXPECT_EQ(c.position(), caught);
    EXPECT_EQ(c.pointer_move(1, 200, 120, 116), Gesture::Vertical);
    EXPECT_EQ(c.position(), caught);  // it resumes from where it was caught: no jump
    run(c, 116);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
}

TEST(MotionAxisLock, CoalescedMovesDecideOnRelease) {
    // Some browsers deliver a quick swipe as down + up only: the up event is judged like a move.
    Carousel c = make(5);
    c.pointer_down(1, 200, 100, 0, PointerKind::Touch);
    c.pointer_up(1, 160, 100, 40);
    EXPECT_EQ(c.index(), 1);  // 40 px in 40 ms: a flick
    run(c, 40);
    EXPECT_EQ(c.position(), 1.0);
}
