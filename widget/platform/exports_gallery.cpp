// exports_gallery.cpp — the C ABI's gallery: validate, load (keeping textures whose photo did not
// change), the URL rule, the box size and the reader's view settings.
// Strings passed in were _malloc'ed by JS and are freed by it after the call (we copy what we keep);
// a returned const char* points into the instance's one buffer, valid until the next export call.
#include <emscripten.h>
#include <algorithm>
#include <string>
#include <vector>
#include "core/gallery_json.h"
#include "core/url_policy.h"
#include "platform/app.h"
#include "platform/gl_textures.h"

using namespace wg::platform;

extern "C" {

// Validates without loading (the playground's checker). Returns {"ok":…,"diagnostics":[…]}.
EMSCRIPTEN_KEEPALIVE const char* wg_validate(const char* text, int len, const char* file_name) {
    App& a = app();
    wg::ParseResult r = wg::parse_gallery(std::string_view(text ? text : "", size_t(std::max(0, len))),
                                          file_name ? file_name : "gallery.json");
    a.out = std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" +
            wg::diagnostics_to_json(r.diagnostics, file_name ? file_name : "gallery.json") + ",\"gallery\":" + (r.ok() ? wg::gallery_to_json(r.gallery) : "null") + "}";
    return a.out.c_str();
}

// Loads a gallery. On errors the previous gallery (if any) stays shown. Same result shape as
// wg_validate. `keep_index` keeps the reader's slide (the playground re-renders on every edit).
EMSCRIPTEN_KEEPALIVE const char* wg_load(const char* text, int len, const char* file_name, int keep_index, double t) {
    App& a = app();
    wg::ParseResult r = wg::parse_gallery(std::string_view(text ? text : "", size_t(std::max(0, len))),
                                          file_name ? file_name : "gallery.json");
    if (r.ok()) {
        int prev = a.loaded ? a.carousel.index() : -1;
        std::vector<wg::Slide> old_slides = a.loaded ? a.gallery.slides : std::vector<wg::Slide>{};
        std::vector<SlideImage> old_images = std::move(a.images);
        drop_detail(a);  // of the photo zoomed in the gallery before
        a.gallery = std::move(r.gallery);
        size_t n = a.gallery.slides.size();
        a.images.assign(n, SlideImage{});
        // Keep textures of slides whose image URL did not change; free the rest.
        for (size_t i = 0; i < old_images.size(); ++i) {
            if (!old_images[i].tex) continue;
            a.budget.erase(int(i));
            if (i < n && old_slides[i].image == a.gallery.slides[i].image) {
                a.images[i] = old_images[i];
                a.budget.insert(int(i), size_t(old_images[i].w) * size_t(old_images[i].h) * 4, 0);
            } else if (a.gl) {
                wg::platform::delete_texture(old_images[i].tex);
            }
        }
        wg::motion::CarouselConfig cfg;
        cfg.count = int(n);
        cfg.loop = a.gallery.options.loop;
        cfg.autoplay_ms = a.gallery.options.autoplay_ms;
        cfg.reduced_motion = a.reduced_motion;
        a.carousel.configure(cfg);
        int start = keep_index && prev >= 0 ? std::min(prev, int(n) - 1) : a.gallery.options.start_index;
        a.carousel.jump_to(start);
        while (a.carousel.take_settled_change()) {}
        a.loaded = true;
        a.want_sent.clear();
        a.state_sent.clear();
        a.state_key.clear();
        update_wants(a);
        publish_state(a);
    }
    a.out = std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" +
            wg::diagnostics_to_json(r.diagnostics, file_name ? file_name : "gallery.json") + ",\"gallery\":" + (r.ok() ? wg::gallery_to_json(a.gallery) : "null") + "}";
    return a.out.c_str();
}

EMSCRIPTEN_KEEPALIVE int wg_url_allowed(const char* url, int for_image) {
    return wg::is_allowed_url(url ? url : "", for_image ? wg::UrlUse::Image : wg::UrlUse::Link) ? 1 : 0;
}

// Box size in CSS px and the device pixel ratio (the canvas backing store is w*dpr × h*dpr).
EMSCRIPTEN_KEEPALIVE void wg_resize(float w, float h, float dpr) {
    App& a = app();
    a.w = std::max(0.f, w);
    a.h = std::max(0.f, h);
    a.dpr = std::clamp(dpr, 0.5f, 4.f);
    a.render_scale.set_dpr(a.dpr);
    a.carousel.set_viewport_width(a.w);
    update_wants(a);
    publish_state(a);
}

// Reader and page settings: reduced motion, arrows (hidden on touch-only devices), header,
// expanded text, font scale, colours as 0xRRGGBBAA (0 = keep the theme's), right-to-left (the shim
// decides it from options.direction and the page's dir/lang).
EMSCRIPTEN_KEEPALIVE void wg_set_view(int reduced_motion, int show_arrows, int show_header, int expanded,
                                      int fullscreen, float font_scale, int dark, unsigned bg, unsigned text,
                                      unsigned accent, int rtl) {
    app().fullscreen = fullscreen != 0;
    App& a = app();
    a.rtl = rtl != 0;
    if (a.reduced_motion != (reduced_motion != 0)) {
        a.reduced_motion = reduced_motion != 0;
        wg::motion::CarouselConfig cfg;
        cfg.count = std::max(1, int(a.gallery.slides.size()));
        cfg.loop = a.gallery.options.loop;
        cfg.autoplay_ms = a.gallery.options.autoplay_ms;
        cfg.reduced_motion = a.reduced_motion;
        a.carousel.configure(cfg);
        a.zoom.set_reduced_motion(a.reduced_motion);
    }
    a.show_arrows = show_arrows != 0;
    a.show_header = show_header != 0;
    a.expanded = expanded != 0;
    const float scale = std::clamp(font_scale, 0.5f, 3.f);
    if (scale != a.font_scale) {  // every width changes with the reader's zoom
        a.text.drop_measures();
        if (a.gl_ready) a.text.drop_images();
    }
    a.font_scale = scale;
    a.text.set_font_scale(scale);
    a.theme = dark ? wg::render::dark_theme() : wg::render::light_theme();
    if (bg) a.theme.background = bg;
    if (text) a.theme.text = text;
    if (accent) a.theme.accent = accent;
    publish_state(a);
}


}  // extern "C"
