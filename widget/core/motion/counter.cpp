// counter.cpp — see counter.h.
#include "core/motion/counter.h"

#include <algorithm>
#include <cmath>

namespace wg::motion {

Counter::Counter(int count, bool loop) : count_(count < 1 ? 1 : count), loop_(loop && count_ >= 2) {}

int Counter::show(int target) const {
    if (!loop_) return std::clamp(target, 0, count_ - 1);
    const int r = target % count_;
    return r < 0 ? r + count_ : r;
}

int Counter::limit(int target) const { return loop_ ? target : std::clamp(target, 0, count_ - 1); }

int Counter::nearest_slide(double pos) const {
    const double r = std::floor(pos + 0.5);
    if (!(r > -1e9 && r < 1e9)) return 0;  // NaN or absurd: never undefined behaviour in the cast
    return show(int(r));
}

double Counter::normalise(double pos) const {
    if (!loop_) return pos;
    double r = std::fmod(pos, double(count_));
    if (r < 0) r += count_;
    if (r >= count_) r -= count_;  // -1e-17 + count rounds to count
    return r;
}

int Counter::nearest_copy(int index, double from) const {
    index = std::clamp(index, 0, count_ - 1);
    if (!loop_) return index;
    const double k = std::floor((from - index) / count_ + 0.5);
    return index + int(k) * count_;
}

}  // namespace wg::motion
