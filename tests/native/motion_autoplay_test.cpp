// motion_autoplay_test.cpp — the autoplay clock and the carousel's use of it: steps every
// interval, pauses on hover/focus, stops for good on the reader's first interaction.
#include <gtest/gtest.h>

#include <functional>

#include "core/motion/autoplay.h"
#include "motion_trace.h"

using namespace wg::motion;
using namespace wg::motion::trace;

// update() every 10 ms from t0 to t1 inclusive; returns the times at which index() changed.
static std::vector<double> ticks(Carousel& c, double t0, double t1) {
    std::vector<double> at;
    int shown = c.index();
    for (double t = t0; t <= t1; t += 10) {
        c.update(t);
        if (c.index() != shown) at.push_back(t);
        shown = c.index();
    }
    return at;
}

TEST(MotionAutoplayClock, ArmsThenFiresEveryInterval) {
    Autoplay a;
    a.configure(1000);
    EXPECT_TRUE(a.active());
    EXPECT_EQ(a.next_wake(50), 50);  // not armed: tick now
    EXPECT_FALSE(a.tick(50));        // arms: due at 1050
    EXPECT_EQ(a.next_wake(60), 1050);
    EXPECT_FALSE(a.tick(1049));
    EXPECT_TRUE(a.tick(1050));
    EXPECT_FALSE(a.tick(1050));
    EXPECT_EQ(a.next_wake(1050), 2050);
    EXPECT_TRUE(a.tick(9000));   // a throttled tab: one step,
    EXPECT_EQ(a.next_wake(9000), 10000);  // then a full interval
}

TEST(MotionAutoplayClock, PauseReasonsStackAndResumeWithAFullInterval) {
    Autoplay a;
    a.configure(1000);
    a.tick(0);
    a.pause(Autoplay::Hover, true, 500);
    a.pause(Autoplay::Focus, true, 600);
    EXPECT_EQ(a.next_wake(700), INFINITY);
    EXPECT_FALSE(a.tick(1500));
    a.pause(Autoplay::Hover, false, 1600);
    EXPECT_FALSE(a.tick(2000));  // still focused
    a.pause(Autoplay::Focus, false, 2100);
    EXPECT_EQ(a.next_wake(2100), 3100);
    EXPECT_TRUE(a.active());
}

TEST(MotionAutoplayClock, OffAndStopped) {
    Autoplay off;
    off.configure(0);
    EXPECT_FALSE(off.active());
    EXPECT_FALSE(off.tick(0));
    EXPECT_EQ(off.next_wake(0), INFINITY);
    Autoplay a;
    a.configure(500);
    a.tick(0);
    a.stop();
    EXPECT_FALSE(a.active());
    EXPECT_FALSE(a.tick(10000));
    EXPECT_EQ(a.next_wake(0), INFINITY);
    a.configure(500);  // a new configuration starts it again
    EXPECT_TRUE(a.active());
}

TEST(MotionAutoplay, AdvancesEveryInterval) {
    Carousel c = make(5, false, 1000);
    EXPECT_EQ(ticks(c, 0, 3500), (std::vector<double>{1000, 2000, 3000}));
    EXPECT_EQ(c.next_wake(3500), 4000);
    EXPECT_EQ(c.take_settled_change(), 3);  // the platform took none in between: the latest
}

TEST(MotionAutoplay, WithoutLoopStopsAtTheLastSlide) {
    Carousel c = make(3, false, 1000);
    EXPECT_EQ(ticks(c, 0, 6000), (std::vector<double>{1000, 2000}));
    EXPECT_EQ(c.index(), 2);
    EXPECT_FALSE(c.autoplay_active());
    EXPECT_EQ(c.next_wake(6000), INFINITY);
}

TEST(MotionAutoplay, WithLoopWrapsAtTheEnd) {
    Carousel c = make(3, true, 1000);
    EXPECT_EQ(ticks(c, 0, 4000), (std::vector<double>{1000, 2000, 3000, 4000}));
    EXPECT_EQ(c.index(), 1);  // 0 → 1 → 2 → 0 → 1
    EXPECT_TRUE(c.autoplay_active());
}

TEST(MotionAutoplay, PausesWhileHoveredOrFocused) {
    for (int which = 0; which < 3; ++which) {
        Carousel c = make(5, false, 1000);
        const auto pause = [&](bool on, double t) {
            if (which == 0) c.set_hovered(on, t);
            if (which == 1) c.set_focused(on, t);
            if (which == 2) c.set_visible(!on, t);
        };
        c.update(0);
        pause(true, 500);
        EXPECT_EQ(c.next_wake(500), INFINITY);
        EXPECT_TRUE(ticks(c, 510, 3000).empty()) << which;
        pause(false, 3000);
        EXPECT_EQ(ticks(c, 3010, 4500), (std::vector<double>{4000})) << which;
        EXPECT_TRUE(c.autoplay_active());
    }
}

TEST(MotionAutoplay, ReaderInteractionStopsItForGood) {
    const std::function<void(Carousel&)> interactions[] = {
        [](Carousel& c) { c.next(500); },
        [](Carousel& c) { c.prev(500); },
        [](Carousel& c) { c.key(Key::Right, 500); },
        [](Carousel& c) { c.go_to(2, 500); },
        [](Carousel& c) { c.wheel(30, 0, 500); },
        [](Carousel& c) { fling(c, 200, 150, 450, 50, 3); },
        [](Carousel& c) {  // a mere tap on the photo
            c.pointer_down(1, 200, 100, 480, PointerKind::Touch);
            c.pointer_up(1, 202, 101, 500);
        },
        [](Carousel& c) { c.stop_autoplay(); },
    };
    int k = 0;
    for (const auto& interact : interactions) {
        Carousel c = make(5, true, 1000);
        c.update(0);
        interact(c);
        EXPECT_FALSE(c.autoplay_active()) << k;
        run(c, 500);
        const int at = c.index();
        EXPECT_TRUE(ticks(c, 1000, 10000).empty()) << k;
        EXPECT_EQ(c.index(), at);
        ++k;
    }
}

TEST(MotionAutoplay, HeldPointerPausesVerticalOneResumes) {
    Carousel c = make(5, false, 1000);
    c.update(0);
    c.pointer_down(1, 200, 100, 900, PointerKind::Touch);
    EXPECT_TRUE(ticks(c, 900, 1500).empty());  // held: no step under the finger
    EXPECT_EQ(c.pointer_move(1, 200, 130, 1500), Gesture::Vertical);  // it was a page scroll
    EXPECT_TRUE(c.autoplay_active());
    EXPECT_EQ(c.next_wake(1500), 2500);
    c.pointer_up(1, 200, 400, 1600);
    EXPECT_EQ(ticks(c, 1600, 2600), (std::vector<double>{2500}));
}

TEST(MotionAutoplay, ReconfiguringTheIntervalStartsItAgain) {
    Carousel c = make(5, false, 1000);
    c.update(0);
    c.next(100);
    EXPECT_FALSE(c.autoplay_active());
    CarouselConfig cfg;
    cfg.count = 5;
    cfg.autoplay_ms = 2000;
    c.configure(cfg);
    EXPECT_TRUE(c.autoplay_active());
    c.update(400);
    EXPECT_EQ(c.next_wake(400), 2400);
}
