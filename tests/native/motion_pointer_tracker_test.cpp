// motion_pointer_tracker_test.cpp — release velocity from the last 100 ms of pointer samples.
#include <gtest/gtest.h>

#include "core/motion/pointer_tracker.h"

using wg::motion::PointerTracker;

TEST(MotionPointerTracker, SingleSampleHasNoVelocity) {
    PointerTracker p;
    p.reset(100, 0);
    EXPECT_EQ(p.velocity(), 0.0);
}

TEST(MotionPointerTracker, ConstantSpeedIsExact) {
    PointerTracker p;
    p.reset(0, 0);
    for (int i = 1; i <= 30; ++i) p.add(float(-2 * i), 10.0 * i);  // -0.2 px/ms for 300 ms
    EXPECT_DOUBLE_EQ(p.velocity(), -0.2);
}

TEST(MotionPointerTracker, OnlyTheLastWindowCounts) {
    // Slow for a second, then 40 px in the last 80 ms: the window sees mostly the fast part.
    PointerTracker p;
    p.reset(0, 0);
    for (int i = 1; i <= 100; ++i) p.add(float(-0.5 * i), 10.0 * i);  // -50 px at t=1000
    for (int i = 1; i <= 8; ++i) p.add(float(-50 - 5 * i), 1000.0 + 10 * i);  // -90 at t=1080
    // Oldest sample inside [980, 1080] is t=980 (x=-49): (−90 − −49) / 100.
    EXPECT_DOUBLE_EQ(p.velocity(), -41.0 / 100.0);
}

TEST(MotionPointerTracker, StoppingBeforeReleaseReadsZero) {
    PointerTracker p;
    p.reset(0, 0);
    for (int i = 1; i <= 6; ++i) p.add(float(-10 * i), 10.0 * i);  // fast: 1 px/ms
    p.add(-60, 210);  // lifted 150 ms later where it stopped
    EXPECT_EQ(p.velocity(), 0.0);
}

TEST(MotionPointerTracker, SameMillisecondSamplesDoNotDivideByZero) {
    PointerTracker p;
    p.reset(0, 5);
    p.add(-10, 5);
    p.add(-20, 5);
    EXPECT_EQ(p.velocity(), 0.0);
}

TEST(MotionPointerTracker, OverflowKeepsTheNewestSamples) {
    PointerTracker p;
    p.reset(0, 0);
    for (int i = 1; i <= 1000; ++i) p.add(float(i), double(i));  // 1 kHz, 1 px/ms
    EXPECT_DOUBLE_EQ(p.velocity(), 1.0);
    p.reset(5, 2000);  // a new pointer forgets the old one
    EXPECT_EQ(p.velocity(), 0.0);
}
