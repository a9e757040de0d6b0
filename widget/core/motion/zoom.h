// zoom.h — zooming into the current photo: a scale around a focal point, a pan kept within the
// photo's edges, a rubber band past its limits and edges, animated changes (none with reduced
// motion). Pure: CSS px and ms in, the photo's zoomed rect out; the gestures that drive it (pinch,
// double tap, pan) are the platform's, the hand-over from pan to slide change is pan()'s return.
#pragma once

namespace wg::motion {

struct ZoomBox {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

class Zoom {
public:
    static constexpr float kDoubleTapScale = 2.5f;   // a double tap zooms this far, or to 1:1 if less
    static constexpr float kMaxOverOneToOne = 2.f;   // a pinch may go this far past the photo's 1:1
    static constexpr float kMinMaxScale = 2.5f;      // …but always at least this far
    static constexpr float kRubber = 0.35f;          // past a limit or an edge, this much of a move shows
    static constexpr double kAnimMs = 260;

    // The photo as drawn unzoomed (fitted in its area), the area it is clipped to, and the scale at
    // which one of its pixels is one device pixel (its "1:1"). A new frame keeps the zoom's centre.
    void set_frame(ZoomBox image, ZoomBox area, float one_to_one);
    void set_reduced_motion(bool on) { reduced_ = on; }

    float scale() const { return box_.w > 0 && base_.w > 0 ? box_.w / base_.w : 1.f; }
    bool zoomed() const { return scale() > 1.001f || animating(); }
    ZoomBox box() const { return box_; }  // the photo as drawn now (may reach outside the area)
    bool animating() const { return anim_; }
    bool settled() const { return !anim_ && !pinching_; }  // neither animating nor held by two fingers
    float max_scale() const;
    float double_tap_scale() const;
    void update(double t);

    // A double tap at (x, y): zooms in around it, or back out when zoomed.
    void toggle_at(float x, float y, double t);
    // Scales by `factor` around (x, y) (wheel with ctrl, +/- keys, buttons), within the limits.
    void zoom_by(float factor, float x, float y, double t);
    void reset(double t);  // back to the whole photo (animated unless reduced motion)
    void snap_to_rest() { anim_ = false; box_ = base_; }

    // Two fingers at a and b: the photo point under their midpoint stays under it, scaled by their
    // spread; past the limits a rubber band; released, it settles back within them.
    void pinch_start(float ax, float ay, float bx, float by, double t);
    void pinch_move(float ax, float ay, float bx, float by, double t);
    void pinch_end(double t);

    // One finger moving the zoomed photo by (dx, dy): follows it 1:1 until an edge, then the rest of
    // a horizontal move is returned (the carousel takes it: the next slide only once the edge is
    // reached); vertical moves past an edge rubber-band. pan_end flings with the finger's speed
    // (px/ms) and settles within the edges.
    float pan(float dx, float dy, double t);
    void pan_end(float vx, float vy, double t);

private:
    ZoomBox clamp(ZoomBox b) const;           // within the edges (centred where smaller than the area)
    ZoomBox scaled(float s, float fx, float fy, const ZoomBox& from) const;  // `from` scaled about (fx, fy)
    void animate_to(ZoomBox to, double t);

    ZoomBox base_, area_, box_;
    float one_to_one_ = 1;
    bool reduced_ = false;
    bool anim_ = false;
    ZoomBox from_, to_;
    double t0_ = 0;
    // Pinch: the box and finger spread/midpoint when it started.
    ZoomBox pinch_box_;
    float pinch_d0_ = 1, pinch_mx_ = 0, pinch_my_ = 0;
    bool pinching_ = false;
};

}  // namespace wg::motion
