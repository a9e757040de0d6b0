// motion_wheel_test.cpp — horizontal wheel/trackpad: one slide per gesture, vertical ignored.
#include <gtest/gtest.h>

#include "core/motion/wheel_gesture.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

// `n` events of (dx, dy) every `every` ms from t0; returns the summed steps and the end time.
static int stream(WheelGesture& w, int n, float dx, float dy, double t0, double every) {
    int steps = 0;
    for (int i = 0; i < n; ++i) steps += w.feed(dx, dy, t0 + i * every).step;
    return steps;
}

TEST(MotionWheelGesture, OneStepPerGesture) {
    WheelGesture w;
    EXPECT_EQ(stream(w, 30, 8, 1, 0, 10), 1);      // 30 events over 300 ms
    EXPECT_EQ(stream(w, 30, 8, 1, 440, 10), 1);    // after a 150 ms gap: a new gesture
    EXPECT_EQ(stream(w, 30, -8, 0, 880, 10), -1);  // and backwards
}

TEST(MotionWheelGesture, ShortGapsAreTheSameGesture) {
    WheelGesture w;
    EXPECT_EQ(stream(w, 10, 20, 0, 0, 10), 1);
    EXPECT_EQ(stream(w, 10, 20, 0, 90 + 149, 10), 0);  // 149 ms: the momentum tail, not a swipe
}

TEST(MotionWheelGesture, StepsOnceTheTriggerIsReached) {
    WheelGesture w;
    EXPECT_EQ(w.feed(7, 0, 0).step, 0);
    EXPECT_EQ(w.feed(7, 0, 16).step, 0);   // 14 px
    EXPECT_EQ(w.feed(1, 0, 32).step, 1);   // 15 px
    EXPECT_EQ(w.feed(100, 0, 48).step, 0);
}

TEST(MotionWheelGesture, VerticalIsIgnored) {
    WheelGesture w;
    WheelStep s = w.feed(3, 40, 0);
    EXPECT_FALSE(s.horizontal);
    EXPECT_EQ(s.step, 0);
    // A long vertical scroll with the odd sideways-dominant event never steps.
    int steps = 0;
    for (int i = 1; i < 100; ++i) steps += w.feed(i % 10 == 0 ? 5 : 3, i % 10 == 0 ? 1 : 30, i * 10.0).step;
    EXPECT_EQ(steps, 0);
    EXPECT_TRUE(w.feed(5, 1, 1000).horizontal);  // that odd event is still the carousel's
    EXPECT_EQ(w.feed(NAN, 0, 1010).step, 0);
}

TEST(MotionWheel, ThirtyEventsAdvanceOneSlide) {
    Carousel c = make(5);
    for (int i = 0; i < 30; ++i) EXPECT_TRUE(c.wheel(6, 0.5f, i * 10.0));
    EXPECT_EQ(c.index(), 1);
    run(c, 290);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
    // A new swipe after a quiet 200 ms advances again.
    for (int i = 0; i < 30; ++i) c.wheel(6, 0, 490 + i * 10.0);
    EXPECT_EQ(c.index(), 2);
    for (int i = 0; i < 30; ++i) c.wheel(-6, 0, 980 + i * 10.0);
    EXPECT_EQ(c.index(), 1);
}

TEST(MotionWheel, VerticalScrollLeavesTheCarouselAlone) {
    Carousel c = make(5, false, 1000);
    c.update(0);
    for (int i = 0; i < 30; ++i) EXPECT_FALSE(c.wheel(1, -12, i * 10.0));
    EXPECT_EQ(c.position(), 0.0);
    EXPECT_FALSE(c.animating());
    EXPECT_TRUE(c.autoplay_active());  // scrolling the page past it is not using it
}

TEST(MotionWheel, AtTheEndWithoutLoopItStays) {
    Carousel c = make(3);
    c.jump_to(2);
    for (int i = 0; i < 30; ++i) EXPECT_TRUE(c.wheel(6, 0, i * 10.0));  // still taken: no history swipe
    EXPECT_EQ(c.index(), 2);
    EXPECT_FALSE(c.animating());
}

TEST(MotionWheel, IgnoredWhileAPointerHoldsIt) {
    Carousel c = make(5);
    c.pointer_down(1, 200, 100, 0, PointerKind::Mouse);
    EXPECT_FALSE(c.wheel(50, 0, 10));
    EXPECT_EQ(c.position(), 0.0);
}
