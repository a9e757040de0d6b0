// autoplay.h — the autoplay clock: when the next automatic step is due, paused for reasons that
// come and go (hover, focus, a pointer held, hidden), stopped for good by the reader. Knows no slides.
#pragma once

namespace wg::motion {

class Autoplay {
public:
    enum Reason : unsigned { Hover = 1, Focus = 2, Pointer = 4, Hidden = 8 };

    // interval_ms ≤ 0 turns it off. (Re)starts it: not stopped, armed at the next tick.
    void configure(int interval_ms);
    // True once when a step is due at t; then the next one is due interval later. The first tick
    // after (re)start or un-pausing only arms the clock: a full interval is always shown.
    bool tick(double t);
    void pause(Reason reason, bool on, double t);  // resuming re-arms a full interval from t
    void stop() { stopped_ = true; }

    bool active() const { return interval_ > 0 && !stopped_; }  // may be paused for now
    bool paused() const { return reasons_ != 0; }
    // When tick() must run next: the due time, t if not armed yet, INFINITY when it never will.
    double next_wake(double t) const;

private:
    double interval_ = 0;      // ms; 0 = off
    bool stopped_ = false;     // the reader took over: never again (until configure)
    unsigned reasons_ = 0;     // Reason bits currently pausing it
    bool armed_ = false;       // due_ is meaningful
    double due_ = 0;           // when the next step fires
};

}  // namespace wg::motion
