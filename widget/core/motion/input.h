// input.h — the plain input vocabulary of the carousel's motion: pointer kinds, keys, the axis
// verdict. Values only; the platform layer translates browser events into these.
#pragma once

namespace wg::motion {

enum class PointerKind { Mouse, Touch, Pen };
enum class Key { Left, Right, Home, End };

// Axis-lock verdict for one pointer. Horizontal: the carousel owns it (keep pointer capture).
// Vertical: the carousel ignores it (release capture so the page scrolls).
enum class Gesture { Undecided, Horizontal, Vertical };

}  // namespace wg::motion
