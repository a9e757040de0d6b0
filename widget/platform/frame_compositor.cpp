// frame_compositor.cpp — what one frame shows (frame_compositor.h).
#include "platform/frame_compositor.h"

#include "core/frame_model.h"
#include "platform/gl_textures.h"

namespace wg::platform {

namespace {

// What every frame (and every off-screen warm-up) shares: the box, the title, the slide it counts.
wg::render::FrameView frame_view(const App& a, int index) {
    wg::render::FrameView v;
    v.width = a.w;
    v.height = a.h;
    v.dpr = a.dpr;
    v.title = &a.gallery.title;
    v.index = index;
    v.count = int(a.gallery.slides.size());
    v.show_arrows = a.show_arrows;
    v.rtl = a.rtl;
    return v;
}

// Slide i with layout L, its photo and that photo's fade-in at t.
wg::render::SlideView slide_view(const App& a, double t, int i, const wg::Layout& L) {
    wg::render::SlideView sv;
    sv.layout = &L;
    sv.slide = &a.gallery.slides[size_t(i)];
    const SlideImage& im = a.images[size_t(i)];
    sv.texture = im.tex ? (ImTextureID)(intptr_t)im.tex : nullptr;
    sv.texture_alpha = im.tex ? wg::photo_fade(t, im.arrived, kPhotoFadeMs) : 0.f;
    sv.texture_opaque = im.tex && im.opaque;
    sv.failed = im.failed;
    sv.failure = im.reason;
    return sv;
}

}  // namespace

std::vector<wg::SlideOnScreen> slides_on_screen(const App& a) {
    const bool fade = a.gallery.options.transition == wg::Transition::Fade;
    return wg::slides_on_screen(a.carousel.position(), int(a.gallery.slides.size()), a.gallery.options.loop, fade, a.w);
}

wg::render::FrameView compose_frame(App& a, double t, std::vector<wg::Layout>& layouts, wg::Layout& chrome, bool* fading) {
    const bool fade = a.gallery.options.transition == wg::Transition::Fade;
    const std::vector<wg::SlideOnScreen> on_screen = slides_on_screen(a);
    layouts.clear();
    layouts.reserve(on_screen.size());  // SlideView keeps pointers into it
    wg::render::FrameView v = frame_view(a, a.carousel.index());
    v.focus = a.focus;
    v.premultiplied_blend = premultiplied_blend;
    *fading = false;
    for (const wg::SlideOnScreen& s : on_screen) {
        layouts.push_back(wg::compute_layout(layout_input(a, s.index), a.text));
        wg::render::SlideView sv = slide_view(a, t, s.index, layouts.back());
        sv.dx = a.rtl ? -s.dx : s.dx;  // right to left: the next slide comes in from the left
        sv.alpha = s.alpha;
        const SlideImage& im = a.images[size_t(s.index)];
        if (sv.texture_alpha < 1.f && im.tex) *fading = true;
        if (im.tex) a.budget.touch(s.index);
        if (s.index == a.carousel.index()) {
            const wg::Layout& L = layouts.back();
            // The photo's own pixels 1:1 on the device: its declared (or decoded) width over its drawn width.
            const int natural = sv.slide->width > 0 ? sv.slide->width : im.w;
            const float one = L.image.w > 0 && natural > 0 ? float(natural) / (L.image.w * a.dpr) : 1.f;
            a.zoom.set_frame({L.image.x, L.image.y, L.image.w, L.image.h},
                             {L.photo_area.x, L.photo_area.y, L.photo_area.w, L.photo_area.h}, one);
            if (a.zoom.zoomed() && !fade) {
                const wg::motion::ZoomBox b = a.zoom.box();
                sv.zoomed = true;
                sv.zoom = {b.x, b.y, b.w, b.h};
                if (a.detail.tex && a.detail.slide == s.index) {  // the sharper part on top
                    const wg::DetailPlace d = wg::place_detail(sv.zoom, L.uv0x, L.uv0y, L.uv1x, L.uv1y, a.detail.crop);
                    if (d.shown) {
                        sv.detail = (ImTextureID)(intptr_t)a.detail.tex;
                        sv.detail_rect = d.rect;
                        sv.detail_uv = {d.u0, d.v0, d.u1, d.v1};
                        a.budget.touch(detail_key(s.index));
                    }
                }
            }
        }
        v.slides.push_back(sv);
    }
    chrome = wg::compute_layout(layout_input(a, v.index), a.text);
    v.chrome = &chrome;
    return v;
}

void warm_slide(App& a, double t, int i) {
    if (i < 0 || i >= int(a.gallery.slides.size())) return;
    const wg::Layout L = wg::compute_layout(layout_input(a, i), a.text);
    wg::render::FrameView v = frame_view(a, i);
    v.chrome = &L;
    v.slides.push_back(slide_view(a, t, i, L));
    wg::render::draw_frame(a.warm_frame.begin(v.width * v.dpr, v.height * v.dpr, a.renderer.white()), a.text, a.theme, v);
    a.warm_frame.end();
}

void warm_neighbours(App& a, double t) {
    const int n = int(a.gallery.slides.size()), at = a.carousel.index();
    for (int step : {1, -1}) {
        int i = at + step;
        if (a.gallery.options.loop && n > 0) i = ((i % n) + n) % n;
        if (i != at) warm_slide(a, t, i);
    }
}

}  // namespace wg::platform
