// browser_text.h — the widget's text engine on the browser's: widths and break opportunities from the
// shim's text module (Canvas 2D measureText, Intl.Segmenter), each line drawn once by fillText into a
// WebGL texture, kept while in use. Lines are drawn when a layout first needs them (a resize, a theme,
// More, a slide about to come on screen), never on every frame.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>
#include "render/text.h"

namespace wg::platform {

class BrowserText final : public wg::render::TextEngine {
public:
    float width(std::string_view utf8, FontRole role) const override;
    void segment(std::string_view line, std::vector<size_t>& breaks, std::vector<size_t>& graphemes) const override;
    wg::render::TextImage image(std::string_view utf8, FontRole role, uint32_t rgba, bool rtl) override;

    // Images are made at the device pixel ratio: a new one drops them (the GL context is current).
    void set_dpr(float dpr);
    // The images are of another font now: all are dropped (their textures deleted).
    void drop_images();
    // The font changed (family, a web font arrived, the reader's zoom): widths are measured again.
    void drop_measures() { widths_.clear(); segments_.clear(); }
    // The GL context is gone with the textures: forget them without calling GL.
    void forget_images() { images_.clear(); bytes_ = 0; }
    // Deletes images not used since frame `frame` - keep_frames while they hold more than budget bytes.
    void trim(size_t budget, int keep_frames);
    void next_frame() { ++frame_; }

    size_t bytes() const { return bytes_; }
    int rasterized() const { return rasterized_; }   // lines drawn so far
    double raster_ms() const { return raster_ms_; }  // time spent drawing them

private:
    struct Entry {
        unsigned tex = 0;
        float x = 0, y = 0, w = 0, h = 0;
        size_t bytes = 0;
        int used = 0;  // frame it was last drawn in
    };
    float dpr_ = 1;
    std::unordered_map<std::string, Entry> images_;
    // Layouts are computed every frame: what they ask is asked of the browser once.
    mutable std::unordered_map<std::string, float> widths_;
    struct Segments { std::vector<size_t> breaks, graphemes; };
    mutable std::unordered_map<std::string, Segments> segments_;
    size_t bytes_ = 0;
    int frame_ = 0;
    int rasterized_ = 0;
    double raster_ms_ = 0;
};

}  // namespace wg::platform
