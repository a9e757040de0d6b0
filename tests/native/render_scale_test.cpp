// render_scale_test.cpp — dynamic resolution while moving, on scripted frame times: fast frames are
// never reduced, slow ones are after a few, the frame at rest is full again, and it retries.
#include <gtest/gtest.h>

#include "core/render_scale.h"

namespace {

// Draws `n` moving frames `every` ms apart from t; returns the scale after each.
std::vector<float> move(wg::RenderScale& r, double& t, int n, double every) {
    std::vector<float> s;
    for (int i = 0; i < n; ++i, t += every) {
        r.frame(t, true);
        s.push_back(r.scale());
    }
    return s;
}

void rest(wg::RenderScale& r, double& t) {
    t += 500;
    r.frame(t, false);
}

TEST(RenderScale, FramesThatKeepUpAreNeverReduced) {
    wg::RenderScale r;
    r.set_dpr(3);
    double t = 0;
    for (float s : move(r, t, 60, 1000.0 / 60)) EXPECT_EQ(s, 1.f);
    for (float s : move(r, t, 20, 25)) EXPECT_EQ(s, 1.f) << "25 ms < 1.6 × 16.7 ms";
    EXPECT_EQ(r.reduced_motions(), 0);
}

TEST(RenderScale, SlowMovingFramesAreReducedStepByStepAndTheFrameAtRestIsFull) {
    wg::RenderScale r;
    r.set_dpr(3);
    double t = 0;
    move(r, t, 10, 1000.0 / 60);  // learns the display's interval
    rest(r, t);
    const std::vector<float> s = move(r, t, 9, 60);
    // The first frame of a motion (its interval is from rest) and two slow ones stay full; the third
    // slow one halves each side; three more still slow there go to one device pixel per CSS px.
    EXPECT_EQ(s[0], 1.f);
    EXPECT_EQ(s[1], 1.f);
    EXPECT_EQ(s[2], 1.f);
    EXPECT_EQ(s[3], 0.5f);
    EXPECT_EQ(s[5], 0.5f);
    EXPECT_FLOAT_EQ(s[6], 1 / 3.f);
    EXPECT_FLOAT_EQ(s[8], 1 / 3.f);
    rest(r, t);
    EXPECT_EQ(r.scale(), 1.f) << "sharp at rest";
    // The next motion starts reduced at once.
    EXPECT_FLOAT_EQ(move(r, t, 1, 60)[0], 1 / 3.f);
    EXPECT_EQ(r.reduced_motions(), 2);
}

TEST(RenderScale, FramesThatKeepUpAtHalfStayThere) {
    wg::RenderScale r;
    r.set_dpr(3);
    double t = 0;
    move(r, t, 10, 1000.0 / 60);
    rest(r, t);
    move(r, t, 4, 60);  // reduced to half
    for (float s : move(r, t, 20, 1000.0 / 60)) EXPECT_EQ(s, 0.5f);
}

TEST(RenderScale, NeverBelowOneDevicePixelPerCssPixel) {
    wg::RenderScale r;
    r.set_dpr(1.5f);
    EXPECT_FLOAT_EQ(r.level_scale(1), 1 / 1.5f);
    EXPECT_FLOAT_EQ(r.level_scale(2), 1 / 1.5f);
    r.set_dpr(1);
    double t = 0;
    for (float s : move(r, t, 20, 100)) EXPECT_EQ(s, 1.f) << "at DPR 1 there is nothing to reduce";
    EXPECT_EQ(r.reduced_motions(), 0);
}

TEST(RenderScale, RetriesFullResolutionEveryFewMotionsAndStaysThereIfItKeepsUp) {
    wg::RenderScale r;
    r.set_dpr(2);
    double t = 0;
    move(r, t, 6, 60);  // reduced during the first motion
    int full_starts = 0;
    for (int m = 0; m < wg::RenderScale::kRetryEvery; ++m) {
        rest(r, t);
        if (move(r, t, 1, 16.7)[0] == 1.f) ++full_starts;
        move(r, t, 5, 16.7);  // these motions keep up
    }
    EXPECT_EQ(full_starts, 1) << "one retry at full resolution";
    rest(r, t);
    EXPECT_EQ(move(r, t, 1, 16.7)[0], 1.f) << "it kept up at full resolution: not reduced again";
}

}  // namespace
