// motion_late_input_test.cpp — input handled late (a busy main thread) is judged by its own event
// times, not by the frame clock that ran ahead of it: a flick stays a flick, one wheel swipe stays
// one step. Regression for what tests/browser/break.test.js found under load (flicks read as still,
// one trackpad swipe paging five slides).
#include <gtest/gtest.h>

#include "motion_trace.h"

namespace wg::motion {
namespace {

using namespace trace;

// A frame ran at t=2000 while the flick's events (stamped 1700..1780) waited in the queue.
TEST(MotionLateInput, FlickDeliveredAfterAFrameStillFlicks) {
    Carousel c = make(5);
    c.update(1000);
    c.update(2000);
    // 100 px (a quarter slide: a slow release would snap back) in 80 ms = 1.25 px/ms.
    c.pointer_down(1, 300, 100, 1700, PointerKind::Touch);
    for (int i = 1; i <= 5; ++i) c.pointer_move(1, 300 - 20.0f * i, 100, 1700 + 16.0 * i);
    c.pointer_up(1, 200, 100, 1782);
    EXPECT_EQ(c.index(), 1);
    run(c, 2000);
    EXPECT_EQ(c.position(), 1.0);
}

TEST(MotionLateInput, SlowDragDeliveredLateStillSnapsBack) {
    Carousel c = make(5);
    c.update(5000);
    // 100 px over a second, still for 200 ms before lifting: stamped before the frame clock.
    c.pointer_down(1, 300, 100, 3000, PointerKind::Touch);
    for (int i = 1; i <= 10; ++i) c.pointer_move(1, 300 - 10.0f * i, 100, 3000 + 100.0 * i);
    c.pointer_up(1, 200, 100, 4200);
    EXPECT_EQ(c.index(), 0);
    run(c, 5000);
    EXPECT_EQ(c.position(), 0.0);
}

// One trackpad swipe (events 16 ms apart) handled in bunches while frames ran at 300 ms intervals.
TEST(MotionLateInput, OneLateWheelSwipeIsOneStep) {
    Carousel c = make(5);
    const float deltas[] = {2, 6, 14, 30, 48, 60, 62, 55, 46, 38, 30, 24, 19, 15, 12, 9, 7, 5, 4, 3, 2, 1};
    double frame = 1000;
    for (int i = 0; i < int(std::size(deltas)); ++i) {
        if (i % 4 == 0) c.update(frame += 300);  // the frame clock runs ahead of the queued events
        c.wheel(deltas[i], 0, 1000 + 16.0 * i);
    }
    run(c, frame);
    EXPECT_EQ(c.index(), 1);
    EXPECT_EQ(c.position(), 1.0);
}

}  // namespace
}  // namespace wg::motion
