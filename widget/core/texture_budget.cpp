// texture_budget.cpp — see texture_budget.h.
#include "core/texture_budget.h"

#include <algorithm>

namespace wg {

TextureBudget::TextureBudget(int max_textures, size_t max_bytes)
    : max_textures_(max_textures > 0 ? max_textures : kDefaultMaxTextures),
      max_bytes_(max_bytes > 0 ? max_bytes : kDefaultMaxBytes) {}

TextureBudget::Entry* TextureBudget::find(int slide) {
    for (Entry& e : entries_)
        if (e.slide == slide) return &e;
    return nullptr;
}

const TextureBudget::Entry* TextureBudget::find(int slide) const {
    for (const Entry& e : entries_)
        if (e.slide == slide) return &e;
    return nullptr;
}

std::vector<int> TextureBudget::insert(int slide, size_t bytes, int current_index) {
    if (Entry* e = find(slide)) {
        bytes_ -= e->bytes;
        e->bytes = bytes;
        e->last_use = ++tick_;
    } else {
        entries_.push_back({slide, bytes, ++tick_});
    }
    bytes_ += bytes;

    std::vector<int> evicted;
    while (count() > max_textures_ || bytes_ > max_bytes_) {
        auto victim = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->slide != current_index && (victim == entries_.end() || it->last_use < victim->last_use))
                victim = it;
        if (victim == entries_.end()) break;  // only the current slide is left: it stays, whatever it costs
        evicted.push_back(victim->slide);
        bytes_ -= victim->bytes;
        entries_.erase(victim);
    }
    return evicted;
}

void TextureBudget::touch(int slide) {
    if (Entry* e = find(slide)) e->last_use = ++tick_;
}

void TextureBudget::erase(int slide) {
    auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.slide == slide; });
    if (it == entries_.end()) return;
    bytes_ -= it->bytes;
    entries_.erase(it);
}

bool TextureBudget::resident(int slide) const { return find(slide) != nullptr; }

std::vector<int> TextureBudget::wanted(int current, int count, bool loop, int radius) {
    std::vector<int> out;
    if (count <= 0) return out;
    if (loop)
        current = ((current % count) + count) % count;
    else
        current = std::clamp(current, 0, count - 1);
    const auto add = [&](long long i) {
        if (loop)
            i = ((i % count) + count) % count;
        else if (i < 0 || i >= count)
            return;
        if (std::find(out.begin(), out.end(), int(i)) == out.end()) out.push_back(int(i));
    };
    add(current);
    for (int d = 1; d <= radius && int(out.size()) < count; ++d) {
        add((long long)current + d);
        add((long long)current - d);
    }
    return out;
}

}  // namespace wg
