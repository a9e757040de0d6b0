// thresholds.h — every tuning number of the carousel's motion, each with the reason for its value.
// Units: CSS px, milliseconds, slides (1 slide = one viewport width). Not for layout sizes.
//
// At a glance (one line each; details next to each constant):
//   axis-lock slop   10 px touch / 6 px mouse+pen  above tap tremble, below a felt scroll delay
//   velocity window  100 ms                        ≥ 6 samples at 60 Hz; a finger that stopped reads ~0
//   flick            ≥ 0.3 px/ms                   real swipes are 0.5–3 px/ms, careful drags < 0.2
//   slow release     nearest slide (half a slide)  past half, the next slide shows more than the current
//   snap             300 ms eased, monotone        mid of 250–400 ms; the curve cannot overshoot at all
//   rubber band      k 0.55, max 0.3 slide         iOS's feel; the photo never leaves the frame
//   wheel gesture    gap 150 ms, trigger 15 px     momentum ticks ~16 ms apart; two swipes ≥ 200 ms apart
#pragma once

namespace wg::motion {

// Axis lock: distance from pointer-down (Euclidean, px) before the verdict horizontal/vertical.
// 10 px (touch): above the 4–6 px a finger trembles on a tap, small enough that the page scroll
// starts without a felt delay (iOS and Android use 8–10 px).
inline constexpr float kAxisLockSlopTouchPx = 10.0f;
// 6 px (mouse, pen): precise pointers; a click with a tremble stays a click, a drag starts sooner.
inline constexpr float kAxisLockSlopPrecisePx = 6.0f;

// Release velocity is measured over the last 100 ms of samples: ≥ 6 events at 60 Hz, yet a finger
// that stopped before lifting reads as ~0 (Embla uses a similar window).
inline constexpr double kVelocityWindowMs = 100.0;
// Samples kept per pointer: 128 covers the 100 ms window even at 1 kHz raw pointer rates.
inline constexpr int kPointerSamples = 128;

// Flick: ≥ 0.3 px/ms (300 px/s) at release changes slide whatever the distance (30 px is
// enough); deliberate swipes on phones run 0.5–3 px/ms, careful slow drags stay under 0.2.
inline constexpr double kFlickPxPerMs = 0.3;
// A slow release goes to the nearest slide: past half a slide, the next one shows more.

// Snap: an eased tween of 300 ms from where the finger left (at its speed) to the target; it
// never overshoots (monotone curve). 300 ms sits mid of the 250–400 ms that reads as "responsive
// but not abrupt" (Material's standard duration, Embla's default feel).
inline constexpr double kSnapDurationMs = 300.0;
// Positions closer than this to the target count as arrived (no 300 ms tween for nothing).
inline constexpr double kArrivedSlides = 1e-6;

// Rubber band past the first/last slide (no loop): pull = max·(1 − 1/(over·k/max + 1)).
// k = 0.55 is iOS UIScrollView's constant (the finger's 1st px moves the photo 0.55 px);
// max = 0.3 slide: the reader sees there is nothing more, the photo never leaves the frame.
inline constexpr double kRubberBandStiffness = 0.55;
inline constexpr double kRubberBandMaxSlides = 0.3;

// Wheel/trackpad: one slide per gesture. A gesture is a stream of wheel events with gaps under
// 150 ms: trackpad momentum events come every ~16 ms and mouse notches of one spin every 30–100
// ms, while two deliberate swipes are ≥ 200 ms apart.
inline constexpr double kWheelGestureGapMs = 150.0;
// Horizontal delta (px, summed over the gesture) that triggers the step: 15 px ignores a
// trackpad's sideways drift during a vertical scroll but fires early in a real swipe; one
// shift+wheel notch (≈ 100 px) is enough.
inline constexpr float kWheelTriggerPx = 15.0f;

}  // namespace wg::motion
