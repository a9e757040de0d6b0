// motion_release_test.cpp — where a drag goes when the finger lifts: flick, slow drag, spring back.
#include <gtest/gtest.h>

#include "core/motion/release.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

struct ReleaseCase {
    const char* what;
    double position, velocity;
    std::optional<int> heading;
    int want;
};

TEST(MotionRelease, DecisionTable) {
    const ReleaseCase cases[] = {
        {"slow, short: back", 4.2, -0.1, {}, 4},
        {"slow, past half: next", 4.55, -0.1, {}, 5},
        {"slow backwards past half", 3.45, 0.1, {}, 3},
        {"just under the flick speed", 4.2, -0.29, {}, 4},
        {"flick forwards", 4.075, -0.3, {}, 5},
        {"flick backwards", 3.925, 0.3, {}, 3},
        {"flick forwards from past half: one slide only", 4.6, -2.0, {}, 5},
        {"dragged past half then flicked back: stays", 4.6, 1.0, {}, 4},
        {"dragged back past half then flicked forwards: stays", 3.4, -1.0, {}, 4},
        {"on a slide (float noise) flicked forwards", 3.9999999999, -1.0, {}, 5},
        {"second swipe while snapping to 4", 3.7, -1.0, 4, 5},
        {"second swipe just after leaving 3", 3.05, -1.0, 4, 5},
        {"swipe against the snap", 3.6, 1.0, 4, 3},
        {"slow release while snapping: nearest", 3.6, 0.0, 4, 4},
        {"second backwards swipe while snapping to 3", 3.4, 1.0, 3, 2},
        {"unbounded loop positions", -0.3, 0.5, {}, -1},
    };
    for (const ReleaseCase& c : cases) {
        Release r;
        r.position = c.position;
        r.finger_velocity = c.velocity;
        r.heading = c.heading;
        EXPECT_EQ(release_target(r), c.want) << c.what;
    }
}

TEST(MotionRelease, QuickThirtyPixelFlickChangesSlide) {
    Carousel c = make(5);
    const double t = fling(c, 200, 170, 0, 50, 3);  // 30 px in 50 ms = 0.6 px/ms
    EXPECT_EQ(c.index(), 1);
    run(c, t);
    EXPECT_EQ(c.position(), 1.0);
    EXPECT_EQ(c.take_settled_change(), 1);
}

TEST(MotionRelease, FlickBackwards) {
    Carousel c = make(5);
    c.jump_to(3);
    const double t = fling(c, 200, 230, 0, 50, 3);
    EXPECT_EQ(c.index(), 2);
    run(c, t);
    EXPECT_EQ(c.take_settled_change(), 2);
}

struct DragCase {
    const char* what;
    float dx;        // finger travel (negative: forwards)
    double ms;       // over this long, evenly
    int want;
};

TEST(MotionRelease, SlowAndFastDragsTable) {
    const DragCase cases[] = {
        {"slow past half changes slide", -220, 2200, 1},   // 0.1 px/ms
        {"slow short springs back", -100, 1000, 0},        // 0.1 px/ms
        {"under the flick speed springs back", -150, 600, 0},  // 0.25 px/ms
        {"over the flick speed changes slide", -150, 420, 1},  // 0.357 px/ms
        {"slow backwards at slide 2 past half", 220, 2200, 1},
        {"fast backwards at slide 2", 40, 40, 1},
    };
    for (const DragCase& d : cases) {
        Carousel c = make(5);
        c.jump_to(d.dx < 0 ? 0 : 2);
        const int steps = int(d.ms / 16) + 1;
        const double t = fling(c, 200, 200 + d.dx, 0, d.ms, steps);
        run(c, t);
        EXPECT_EQ(c.index(), d.want) << d.what;
        EXPECT_EQ(c.position(), double(d.want)) << d.what;
    }
}

TEST(MotionRelease, VelocityComesFromTheLastHundredMs) {
    {  // fast 60 px, then the finger rests 150 ms before lifting: not a flick
        Carousel c = make(5);
        const double t = swipe(c, 200, 140, 0, 60, 4);
        c.pointer_up(1, 140, 100, t + 150);
        run(c, t + 150);
        EXPECT_EQ(c.index(), 0);
    }
    {  // the same 60 px lifted at once: a flick
        Carousel c = make(5);
        const double t = fling(c, 200, 140, 0, 60, 4);
        run(c, t);
        EXPECT_EQ(c.index(), 1);
    }
    {  // a second of slow drag (50 px) then a quick 40 px: the end decides
        Carousel c = make(5);
        double t = swipe(c, 200, 150, 0, 1000, 60);
        for (int i = 1; i <= 5; ++i) c.pointer_move(1, 150.0f - 8 * i, 100, t + 16 * i);
        t += 80;
        c.pointer_up(1, 110, 100, t);
        run(c, t);
        EXPECT_EQ(c.index(), 1);
    }
}

TEST(MotionRelease, SecondSwipeDuringTheSnapGoesOneFurther) {
    Carousel c = make(5);
    double t = fling(c, 200, 140, 0, 50, 3);
    c.update(t + 60);
    t = fling(c, 200, 140, t + 60, 50, 3, 2);
    EXPECT_EQ(c.index(), 2);
    run(c, t);
    EXPECT_EQ(c.position(), 2.0);
    EXPECT_EQ(c.take_settled_change(), 2);
    EXPECT_FALSE(c.take_settled_change());
}
