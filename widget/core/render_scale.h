// render_scale.h — dynamic resolution while the carousel moves: when the device cannot draw full-
// resolution frames at the display's rate during a swipe (a phone at DPR 3 with a weak GPU, or
// software GL), the moving frames are drawn with fewer pixels and the frame at rest is sharp again.
// Frames that are fast enough are never reduced. Pure: fed each drawn frame's time; the platform
// layer sizes the drawing buffer by scale().
#pragma once

namespace wg {

class RenderScale {
public:
    // A moving frame slower than this many display intervals counts as slow.
    static constexpr double kSlowFactor = 1.6;
    // This many slow moving frames in a row at one level go to the next, fewer pixels.
    static constexpr int kSlowFrames = 3;
    // Full, then half the device pixels per side, then one per CSS px (level_scale).
    static constexpr int kLevels = 3;
    // Every this many motions, one starts at full resolution again to see if it keeps up now.
    static constexpr int kRetryEvery = 8;

    // `dpr`: device pixels per CSS px. Reducing never goes below one device pixel per CSS px.
    void set_dpr(float dpr);
    // One frame drawn at t (ms); `moving`: the carousel is in motion (drag, snap) on it. Decides
    // scale() for the next frame.
    void frame(double t, bool moving);
    // The drawing buffer's scale for the next frame: 1 at rest and while frames keep up.
    float scale() const { return moving_ ? level_scale(level_) : 1.f; }
    // The scale at each level (0 full, kLevels − 1 fewest pixels).
    float level_scale(int level) const;
    // Motions drawn reduced so far (for stats).
    int reduced_motions() const { return reduced_motions_; }

private:
    float dpr_ = 1;
    double display_ms_ = 1000.0 / 60;  // shortest interval seen: the display's frame interval
    bool moving_ = false;
    double last_ = -1;                 // time of the previous moving frame; < 0: none
    int slow_ = 0;                     // slow frames in a row at this level
    int level_ = 0;                    // moving frames are drawn at level_scale(level_)
    int motions_ = 0;                  // motions started reduced (for the retry)
    int reduced_motions_ = 0;
};

}  // namespace wg
