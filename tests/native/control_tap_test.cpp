// control_tap_test.cpp — a press on a control is a tap only when released on it, unmoved, by the same
// pointer.
#include <gtest/gtest.h>

#include "core/control_tap.h"

using wg::Hit;

TEST(ControlTap, PressAndReleaseOnTheSameControlIsATap) {
    wg::ControlTap t;
    int dot = 7;
    t.press(1, Hit::Next, -1);
    EXPECT_EQ(t.release(1, Hit::Next, -1, &dot), Hit::Next);
    EXPECT_EQ(dot, -1);
    t.press(2, Hit::Dot, 4);
    EXPECT_EQ(t.release(2, Hit::Dot, 4, &dot), Hit::Dot);
    EXPECT_EQ(dot, 4);
}

TEST(ControlTap, ReleasedElsewhereIsNoTap) {
    wg::ControlTap t;
    int dot = 0;
    t.press(1, Hit::Prev, -1);
    EXPECT_EQ(t.release(1, Hit::Photo, -1, &dot), Hit::None);
    t.press(1, Hit::Dot, 2);
    EXPECT_EQ(t.release(1, Hit::Dot, 3, &dot), Hit::None);  // slid to the next dot
    EXPECT_EQ(dot, -1);
}

TEST(ControlTap, ADragIsNoTap) {
    wg::ControlTap t;
    int dot = 0;
    t.press(1, Hit::Next, -1);
    t.dragged(1);
    EXPECT_EQ(t.release(1, Hit::Next, -1, &dot), Hit::None);
    // Another finger's drag does not cancel this one's tap.
    t.press(1, Hit::Next, -1);
    t.dragged(2);
    EXPECT_EQ(t.release(1, Hit::Next, -1, &dot), Hit::Next);
}

TEST(ControlTap, OnlyThePressingPointerAndOnlyOnce) {
    wg::ControlTap t;
    int dot = 0;
    t.press(1, Hit::More, -1);
    EXPECT_EQ(t.release(2, Hit::More, -1, &dot), Hit::None);  // another pointer
    EXPECT_EQ(t.release(1, Hit::More, -1, &dot), Hit::More);
    EXPECT_EQ(t.release(1, Hit::More, -1, &dot), Hit::None);  // the press has ended
    t.press(1, Hit::Fullscreen, -1);
    t.cancel();
    EXPECT_EQ(t.release(1, Hit::Fullscreen, -1, &dot), Hit::None);
}

// A tap on the photo is reported (the zoom's double tap pairs them); a drag that started there is not.
TEST(ControlTap, ATapOnThePhotoIsReportedADragIsNot) {
    wg::ControlTap t;
    int dot = 0;
    t.press(1, Hit::Photo, -1);
    EXPECT_EQ(t.release(1, Hit::Photo, -1, &dot), Hit::Photo);
    t.press(1, Hit::Photo, -1);
    t.dragged(1);
    EXPECT_EQ(t.release(1, Hit::Photo, -1, &dot), Hit::None);
    t.press(1, Hit::None, -1);
    EXPECT_EQ(t.release(1, Hit::None, -1, &dot), Hit::None);
}
