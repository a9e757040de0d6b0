// texture_budget.h — which decoded slides may stay resident as GPU textures: at most N of them and a
// byte budget, evicting the least recently used but never the current slide. Pure bookkeeping (no GL):
// the platform records uploads here and frees whatever insert() hands back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace wg {

class TextureBudget {
public:
    // 5 = the current slide and two on each side; 48 MB ≈ five 2560×1440 RGBA textures, which mobile
    // GPUs hold comfortably next to the page.
    static constexpr int kDefaultMaxTextures = 5;
    static constexpr size_t kDefaultMaxBytes = size_t(48) << 20;

    // Values ≤ 0 (or 0 bytes) mean the defaults.
    explicit TextureBudget(int max_textures = kDefaultMaxTextures, size_t max_bytes = kDefaultMaxBytes);

    // Records that `slide` now holds a texture of `bytes` (replacing any it had) and counts it as just
    // used; returns the slides whose textures must be freed now, least recently used first. The current
    // slide is never returned; `slide` itself may be, when only it and the current one are left and
    // the budget is still exceeded (then don't keep the texture you just made). Touch the resident
    // slides you still want before inserting new ones, or one of them may be the least recent.
    std::vector<int> insert(int slide, size_t bytes, int current_index);
    void touch(int slide);  // drawn this frame; ignored if not resident
    void erase(int slide);  // freed by the platform (e.g. the gallery changed); ignored if not resident

    bool resident(int slide) const;
    int count() const { return int(entries_.size()); }
    size_t bytes() const { return bytes_; }
    int max_textures() const { return max_textures_; }
    size_t max_bytes() const { return max_bytes_; }

    // Slides worth having, most wanted first: current, +1, −1, +2, −2, … up to `radius` (forward first,
    // as readers mostly move forward). With `loop` indices wrap around; without, those off either end
    // are skipped. Each slide appears once. An out-of-range current is wrapped (loop) or clamped.
    static std::vector<int> wanted(int current, int count, bool loop, int radius = 2);

private:
    struct Entry {
        int slide;
        size_t bytes;
        uint64_t last_use;  // tick of the latest insert/touch: smaller = used longer ago
    };
    Entry* find(int slide);
    const Entry* find(int slide) const;

    int max_textures_;
    size_t max_bytes_;
    size_t bytes_ = 0;
    uint64_t tick_ = 0;
    std::vector<Entry> entries_;  // a handful at most, so linear scans beat any index
};

}  // namespace wg
