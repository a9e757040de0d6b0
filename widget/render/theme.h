// theme.h — the colours the view draws with: light and dark palettes, overridable from the host
// page's CSS custom properties (--wg-background, --wg-text, --wg-accent) through the shim.
#pragma once
#include <cstdint>

namespace wg::render {

// 0xRRGGBBAA, as the shim parses CSS colours.
struct Theme {
    uint32_t background = 0xFFFFFFFF;
    uint32_t text = 0x1A1A1AFF;
    uint32_t muted = 0x5F6368FF;       // credit, counter on panel
    uint32_t accent = 0x0B57D0FF;      // focus ring, current dot, links
    uint32_t photo_bg = 0x111111FF;    // letterbox behind a photo
    uint32_t placeholder = 0xE8EAEDFF; // loading / failed slide
    uint32_t placeholder_text = 0x5F6368FF;
    uint32_t scrim = 0x000000A6;       // behind credit and counter: legible on any photo (WCAG 1.4.3)
    uint32_t on_scrim = 0xFFFFFFFF;
    uint32_t control_bg = 0xFFFFFFE6;  // arrow buttons
    uint32_t control_fg = 0x1A1A1AFF;
    uint32_t dot = 0x9AA0A6FF;
};

inline Theme light_theme() { return Theme{}; }

inline Theme dark_theme() {
    Theme t;
    t.background = 0x121212FF;
    t.text = 0xE8EAEDFF;
    t.muted = 0xA8ADB4FF;
    t.accent = 0x8AB4F8FF;
    t.photo_bg = 0x000000FF;
    t.placeholder = 0x2A2B2EFF;
    t.placeholder_text = 0xA8ADB4FF;
    t.control_bg = 0x202124E6;
    t.control_fg = 0xE8EAEDFF;
    t.dot = 0x5F6368FF;
    return t;
}

// ImGui's ImU32 is 0xAABBGGRR.
inline uint32_t to_imgui(uint32_t rgba, float alpha = 1.f) {
    uint32_t r = rgba >> 24, g = (rgba >> 16) & 0xFF, b = (rgba >> 8) & 0xFF;
    uint32_t a = uint32_t(float(rgba & 0xFF) * alpha + 0.5f);
    return (a << 24) | (b << 16) | (g << 8) | r;
}

}  // namespace wg::render
