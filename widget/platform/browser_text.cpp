// browser_text.cpp — see browser_text.h. The JS side is web/src/text-engine.js, reached through
// library_wasm_gallery.js (wg_js_text_*).
#include "platform/browser_text.h"

#include <emscripten.h>
#include <algorithm>
#include <vector>
#include "platform/gl_textures.h"

extern "C" {
// Width in the px of `px_size` (CSS px in, CSS px out).
double wg_js_text_width(const char* utf8, int len, float px_size, int bold);
void wg_js_text_segment(const char* utf8, int len, int* breaks, int* graphemes, int* counts);
// A texture of the text at `px_size` device px in a line box `line_h` device px tall; box: x, y, w, h.
int wg_js_text_image(const char* utf8, int len, float px_size, int bold, float line_h, unsigned rgba, int rtl, float* box);
}

namespace wg::platform {

float BrowserText::width(std::string_view utf8, FontRole role) const {
    if (utf8.empty()) return 0;
    std::string key(1, char('0' + int(role)));
    key.append(utf8);
    auto it = widths_.find(key);
    if (it != widths_.end()) return it->second;
    if (widths_.size() > 20000) widths_.clear();  // a bound, not a policy: galleries measure far fewer
    const wg::render::FontSpec f = wg::render::font_spec(role);
    const float w = float(wg_js_text_width(utf8.data(), int(utf8.size()), f.css_px * font_scale(), f.bold ? 1 : 0));
    widths_.emplace(std::move(key), w);
    return w;
}

void BrowserText::segment(std::string_view line, std::vector<size_t>& breaks, std::vector<size_t>& graphemes) const {
    if (line.size() < 2) return;
    const std::string key(line);
    if (auto it = segments_.find(key); it != segments_.end()) {
        breaks.insert(breaks.end(), it->second.breaks.begin(), it->second.breaks.end());
        graphemes.insert(graphemes.end(), it->second.graphemes.begin(), it->second.graphemes.end());
        return;
    }
    if (segments_.size() > 2000) segments_.clear();
    Segments& seg = segments_[key];
    std::vector<int> b(line.size()), g(line.size());
    int counts[2] = {0, 0};
    wg_js_text_segment(line.data(), int(line.size()), b.data(), g.data(), counts);
    // Only offsets strictly inside the line, ascending, are taken (whatever the other side sent).
    const auto take = [&](const std::vector<int>& in, int n, std::vector<size_t>& out) {
        for (int i = 0; i < std::min<int>(n, int(in.size())); ++i)
            if (in[size_t(i)] > 0 && size_t(in[size_t(i)]) < line.size() && (out.empty() || size_t(in[size_t(i)]) > out.back()))
                out.push_back(size_t(in[size_t(i)]));
    };
    take(b, counts[0], seg.breaks);
    take(g, counts[1], seg.graphemes);
    breaks.insert(breaks.end(), seg.breaks.begin(), seg.breaks.end());
    graphemes.insert(graphemes.end(), seg.graphemes.begin(), seg.graphemes.end());
}

wg::render::TextImage BrowserText::image(std::string_view utf8, FontRole role, uint32_t rgba, bool rtl) {
    if (utf8.empty()) return {};
    std::string key;
    key.reserve(utf8.size() + 12);
    key.push_back(char('0' + int(role)));
    key.push_back(rtl ? 'r' : 'l');
    key.append(reinterpret_cast<const char*>(&rgba), sizeof rgba).append(utf8);
    auto it = images_.find(key);
    if (it == images_.end()) {
        const double t0 = emscripten_get_now();
        float box[4] = {0, 0, 0, 0};
        Entry e;
        const wg::render::FontSpec f = wg::render::font_spec(role);
        e.tex = unsigned(wg_js_text_image(utf8.data(), int(utf8.size()), f.css_px * font_scale() * dpr_, f.bold ? 1 : 0,
                                          line_height(role) * dpr_, rgba, rtl ? 1 : 0, box));
        e.x = box[0], e.y = box[1], e.w = box[2], e.h = box[3];
        e.bytes = size_t(std::max(0.f, e.w)) * size_t(std::max(0.f, e.h)) * 4;
        raster_ms_ += emscripten_get_now() - t0;
        ++rasterized_;
        bytes_ += e.bytes;
        it = images_.emplace(std::move(key), e).first;
    }
    Entry& e = it->second;
    e.used = frame_;
    if (!e.tex) return {};
    return {(ImTextureID)(intptr_t)e.tex, e.x, e.y, e.w, e.h};
}

void BrowserText::set_dpr(float dpr) {
    if (dpr == dpr_) return;
    drop_images();
    dpr_ = dpr;
}

void BrowserText::drop_images() {
    for (auto& kv : images_) delete_texture(kv.second.tex);
    forget_images();
}

void BrowserText::trim(size_t budget, int keep_frames) {
    if (bytes_ <= budget) return;
    for (auto it = images_.begin(); it != images_.end();) {
        if (it->second.used < frame_ - keep_frames) {
            delete_texture(it->second.tex);
            bytes_ -= it->second.bytes;
            it = images_.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace wg::platform
