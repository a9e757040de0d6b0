// counter.h — slide arithmetic for a given count and loop mode: which slide an unbounded target
// shows, clamping without loop, wrapping with it, the nearest copy of a slide. Embla's Counter+Looper.
#pragma once

namespace wg::motion {

class Counter {
public:
    // count < 1 is treated as 1 (motion of an empty gallery is that of one still slide); loop
    // needs ≥ 2 slides to mean anything, so with fewer it is off.
    explicit Counter(int count = 1, bool loop = false);

    int count() const { return count_; }
    bool loop() const { return loop_; }

    int show(int target) const;            // the slide an unbounded target shows: [0, count)
    int limit(int target) const;           // without loop: clamped to [0, count-1]; with loop: as is
    int nearest_slide(double pos) const;   // show(round(pos))
    double normalise(double pos) const;    // with loop: into [0, count); without: as is
    // The target for slide `index` (clamped to [0, count-1]) closest to `from`: with loop the
    // copy index + k·count nearest to it (ties go forwards), without loop the index itself.
    int nearest_copy(int index, double from) const;

private:
    int count_ = 1;
    bool loop_ = false;
};

}  // namespace wg::motion
