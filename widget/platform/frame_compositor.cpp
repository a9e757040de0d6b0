// frame_compositor.cpp — what one frame shows (frame_compositor.h).
#include "platform/frame_compositor.h"

#include "core/frame_model.h"
#include "platform/gl_textures.h"

namespace wg::platform {

wg::render::FrameView compose_frame(App& a, double t, std::vector<wg::Layout>& layouts, wg::Layout& chrome, bool* fading) {
    const int n = int(a.gallery.slides.size());
    const bool fade = a.gallery.options.transition == wg::Transition::Fade;
    const std::vector<wg::SlideOnScreen> on_screen =
        wg::slides_on_screen(a.carousel.position(), n, a.gallery.options.loop, fade, a.w);
    layouts.clear();
    layouts.reserve(on_screen.size());  // SlideView keeps pointers into it
    wg::render::FrameView v;
    v.width = a.w;
    v.height = a.h;
    v.dpr = a.dpr;
    v.title = &a.gallery.title;
    v.index = a.carousel.index();
    v.count = n;
    v.show_arrows = a.show_arrows;
    v.focus = a.focus;
    v.premultiplied_blend = premultiplied_blend;
    *fading = false;
    for (const wg::SlideOnScreen& s : on_screen) {
        layouts.push_back(wg::compute_layout(layout_input(a, s.index), a.fonts));
        wg::render::SlideView sv;
        sv.layout = &layouts.back();
        sv.slide = &a.gallery.slides[size_t(s.index)];
        sv.dx = s.dx;
        sv.alpha = s.alpha;
        const SlideImage& im = a.images[size_t(s.index)];
        sv.texture = im.tex ? (ImTextureID)(intptr_t)im.tex : nullptr;
        sv.texture_alpha = im.tex ? wg::photo_fade(t, im.arrived, kPhotoFadeMs) : 0.f;
        sv.texture_opaque = im.tex && im.opaque;
        if (sv.texture_alpha < 1.f && im.tex) *fading = true;
        sv.failed = im.failed;
        sv.failure = im.reason;
        if (im.tex) a.budget.touch(s.index);
        v.slides.push_back(sv);
    }
    chrome = wg::compute_layout(layout_input(a, v.index), a.fonts);
    v.chrome = &chrome;
    return v;
}

}  // namespace wg::platform
