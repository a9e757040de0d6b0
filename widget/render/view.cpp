// view.cpp — see view.h. Everything is laid out in CSS px by core/layout; here it is scaled by the
// device pixel ratio and snapped to whole device pixels so edges and glyphs stay sharp.
#include "render/view.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace wg::render {

namespace {

struct Px {
    float dpr;
    float s(float css) const { return std::round(css * dpr); }
    ImVec2 p(float x, float y) const { return ImVec2(s(x), s(y)); }
    ImVec2 min(const Rect& r, float dx = 0) const { return p(r.x + dx, r.y); }
    ImVec2 max(const Rect& r, float dx = 0) const { return p(r.x + dx + r.w, r.y + r.h); }
};

// The string a slide's line points into (title lines are chrome: draw_frame draws them from v.title).
const std::string& line_source(const SlideView& sv, TextSource source) {
    return source == TextSource::Caption ? sv.slide->caption : sv.slide->text;
}

// Text images are premultiplied: a run of them is drawn with that blend, then the default is back.
struct TextRun {
    ImDrawList* dl;
    const FrameView& v;
    TextRun(ImDrawList* d, const FrameView& fv) : dl(d), v(fv) {
        if (v.premultiplied_blend) dl->AddCallback(v.premultiplied_blend, nullptr);
    }
    ~TextRun() {
        if (v.premultiplied_blend) dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    }
};

// `text` in `role` and colour `rgba` (opaque; `alpha` fades it) with its line box's top-left at (x, y) CSS
// px; `paragraph`: the paragraph it belongs to, whose first strong character sets its base direction
// (the text itself if empty; the gallery's direction if it has no letter).
void draw_text(ImDrawList* dl, TextEngine& te, const FrameView& v, const Px& px, FontRole role, float x, float y,
               uint32_t rgba, float alpha, std::string_view text, std::string_view paragraph = {}) {
    if (text.empty() || alpha <= 0) return;
    const bool rtl = paragraph_is_rtl(paragraph.empty() ? text : paragraph, v.rtl);
    const TextImage img = te.image(text, role, rgba | 0xFF, rtl);
    if (!img.texture) return;
    const ImVec2 o = px.p(x, y);
    const int a = int(std::lround(255 * std::min(1.f, alpha)));
    dl->AddImage(img.texture, ImVec2(o.x + img.x, o.y + img.y), ImVec2(o.x + img.x + img.w, o.y + img.y + img.h),
                 ImVec2(0, 0), ImVec2(1, 1), IM_COL32(a, a, a, a));
}

// A laid-out line of `src`, shifted by dx; with its "…" when the layout clipped the text there (one
// string, as the layout measured it, so the ellipsis lands inside the line's width).
void draw_line(ImDrawList* dl, TextEngine& te, const FrameView& v, const Px& px, const TextLine& ln,
               const std::string& src, float dx, uint32_t rgba, float alpha) {
    if (ln.end > src.size() || ln.begin > ln.end || (ln.begin == ln.end && !ln.ellipsis)) return;
    std::string_view run(src.data() + ln.begin, ln.end - ln.begin);
    const size_t nl = ln.begin ? src.rfind('\n', ln.begin - 1) : std::string::npos;
    const size_t ps = nl == std::string::npos ? 0 : nl + 1, pe = std::min(src.find('\n', ln.begin), src.size());
    const std::string_view para(src.data() + ps, pe - ps);
    if (!ln.ellipsis) return draw_text(dl, te, v, px, ln.role, ln.rect.x + dx, ln.rect.y, rgba, alpha, run, para);
    const std::string clipped = std::string(run).append(kEllipsis);
    draw_text(dl, te, v, px, ln.role, ln.rect.x + dx, ln.rect.y, rgba, alpha, clipped, para);
}

// `text` wrapped to `width` CSS px and centred on x; returns the height it took.
float draw_centred(ImDrawList* dl, TextEngine& te, const FrameView& v, const Px& px, FontRole role, float cx, float y,
                   float width, const std::string& text, uint32_t rgba, float alpha, bool draw = true) {
    const float lh = te.line_height(role);
    float h = 0;
    for (const WrappedLine& l : wrap_text(text, width, role, te)) {
        std::string_view line(text.data() + l.begin, l.end - l.begin);
        if (draw) draw_text(dl, te, v, px, role, cx - te.width(line, role) * 0.5f, y + h, rgba, alpha, line);
        h += lh;
    }
    return h;
}

// A chevron inside a circle: the arrow buttons. dir = -1 (prev) or +1 (next).
void draw_arrow(ImDrawList* dl, const Px& px, const Rect& r, int dir, const Theme& th, bool focused) {
    ImVec2 c((px.s(r.x) + px.s(r.x + r.w)) * 0.5f, (px.s(r.y) + px.s(r.y + r.h)) * 0.5f);
    float rad = px.s(r.w * 0.5f - 4);  // visual circle a little smaller than the 44 px hit target
    dl->AddCircleFilled(c, rad, to_imgui(th.control_bg), 40);
    float a = rad * 0.32f;
    ImVec2 pts[3] = {ImVec2(c.x - dir * a * 0.5f, c.y - a), ImVec2(c.x + dir * a * 0.6f, c.y),
                     ImVec2(c.x - dir * a * 0.5f, c.y + a)};
    dl->AddPolyline(pts, 3, to_imgui(th.control_fg), 0, std::max(2.f, px.s(2.5f)));
    if (focused) dl->AddCircle(c, rad + px.s(3), to_imgui(th.accent), 40, px.s(2.5f));
}

void draw_fullscreen_icon(ImDrawList* dl, const Px& px, const Rect& r, const Theme& th, bool focused) {
    ImVec2 a = px.min(r), b = px.max(r);
    float inset = px.s(10), arm = px.s(6), w = std::max(1.5f, px.s(2));
    dl->AddRectFilled(ImVec2(a.x + px.s(4), a.y + px.s(4)), ImVec2(b.x - px.s(4), b.y - px.s(4)),
                      to_imgui(th.scrim), px.s(6));
    ImU32 c = to_imgui(th.on_scrim);
    ImVec2 tl(a.x + inset, a.y + inset), br(b.x - inset, b.y - inset);
    dl->AddLine(tl, ImVec2(tl.x + arm, tl.y), c, w); dl->AddLine(tl, ImVec2(tl.x, tl.y + arm), c, w);
    dl->AddLine(br, ImVec2(br.x - arm, br.y), c, w); dl->AddLine(br, ImVec2(br.x, br.y - arm), c, w);
    ImVec2 tr(br.x, tl.y), bl(tl.x, br.y);
    dl->AddLine(tr, ImVec2(tr.x - arm, tr.y), c, w); dl->AddLine(tr, ImVec2(tr.x, tr.y + arm), c, w);
    dl->AddLine(bl, ImVec2(bl.x + arm, bl.y), c, w); dl->AddLine(bl, ImVec2(bl.x, bl.y - arm), c, w);
    if (focused) dl->AddRect(a, b, to_imgui(th.accent), px.s(6), 0, px.s(2.5f));
}

// Fills [a, b] except the rect [ia, ib] inside it: the bands above, below, left and right of it.
void fill_around(ImDrawList* dl, ImVec2 a, ImVec2 b, ImVec2 ia, ImVec2 ib, ImU32 col) {
    ia = ImVec2(std::max(ia.x, a.x), std::max(ia.y, a.y));
    ib = ImVec2(std::min(ib.x, b.x), std::min(ib.y, b.y));
    if (ib.x <= ia.x || ib.y <= ia.y) return dl->AddRectFilled(a, b, col);  // nothing covered
    if (ia.y > a.y) dl->AddRectFilled(a, ImVec2(b.x, ia.y), col);
    if (ib.y < b.y) dl->AddRectFilled(ImVec2(a.x, ib.y), b, col);
    if (ia.x > a.x) dl->AddRectFilled(ImVec2(a.x, ia.y), ImVec2(ia.x, ib.y), col);
    if (ib.x < b.x) dl->AddRectFilled(ImVec2(ib.x, ia.y), ImVec2(b.x, ib.y), col);
}

void draw_slide(ImDrawList* dl, TextEngine& te, const Theme& th, const FrameView& v, const Px& px,
                const SlideView& sv) {
    const Layout& L = *sv.layout;
    float dx = sv.dx, al = sv.alpha;
    // Photo area: letterbox colour, then the photo (premultiplied), or a placeholder.
    ImVec2 pa = px.min(L.photo_area, dx), pb = px.max(L.photo_area, dx);
    dl->PushClipRect(pa, pb, true);
    if (sv.texture && sv.texture_alpha > 0) {
        const Rect& image = sv.zoomed ? sv.zoom : L.image;
        // The letterbox colour: only around an opaque, fully shown photo, not under it. Every pixel
        // drawn twice is GPU time on a phone at DPR 3 (and most of a frame in software GL).
        if (sv.texture_opaque && sv.texture_alpha >= 1 && al >= 1)
            fill_around(dl, pa, pb, px.min(image, dx), px.max(image, dx), to_imgui(th.photo_bg, al));
        else
            dl->AddRectFilled(pa, pb, to_imgui(th.photo_bg, al));
        if (sv.texture_alpha < 1) dl->AddRectFilled(pa, pb, to_imgui(th.placeholder, al * (1 - sv.texture_alpha)));
        if (v.premultiplied_blend) dl->AddCallback(v.premultiplied_blend, nullptr);
        float ta = al * sv.texture_alpha;
        ImU32 tint = IM_COL32(int(255 * ta), int(255 * ta), int(255 * ta), int(255 * ta));
        dl->AddImage(sv.texture, px.min(image, dx), px.max(image, dx), ImVec2(L.uv0x, L.uv0y),
                     ImVec2(L.uv1x, L.uv1y), tint);
        if (sv.detail)
            dl->AddImage(sv.detail, px.min(sv.detail_rect, dx), px.max(sv.detail_rect, dx),
                         ImVec2(sv.detail_uv.x, sv.detail_uv.y), ImVec2(sv.detail_uv.w, sv.detail_uv.h), tint);
        if (v.premultiplied_blend) dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    } else {
        dl->AddRectFilled(pa, pb, to_imgui(th.placeholder, al));
        // Alt text (and the reason, if the photo failed) centred in the placeholder.
        if (sv.slide) {
            const std::string msg = sv.failed ? (sv.failure.empty() ? "Photo unavailable" : sv.failure) : "";
            const Rect& r = L.photo_area;
            const float wrap = r.w * 0.8f, cx = r.x + dx + r.w * 0.5f, gap = te.line_height(FontRole::Body) * 0.5f;
            const float mh = msg.empty() ? 0 : draw_centred(dl, te, v, px, FontRole::Body, cx, 0, wrap, msg, 0, 0, false) + gap;
            const float ah = draw_centred(dl, te, v, px, FontRole::Body, cx, 0, wrap, sv.slide->alt, 0, 0, false);
            float y = r.y + (r.h - mh - ah) * 0.5f;
            TextRun run(dl, v);
            if (!msg.empty()) y += draw_centred(dl, te, v, px, FontRole::Body, cx, y, wrap, msg, th.text, al) + gap;
            draw_centred(dl, te, v, px, FontRole::Body, cx, y, wrap, sv.slide->alt, th.placeholder_text, al);
        }
    }
    // Credit over the photo, on a scrim so it is legible on any picture.
    if (sv.slide && !sv.slide->credit.empty()) {
        dl->AddRectFilled(px.min(L.credit_scrim, dx), px.max(L.credit_scrim, dx), to_imgui(th.scrim, al), px.s(3));
        TextRun run(dl, v);
        draw_text(dl, te, v, px, FontRole::Small, L.credit.x + dx, L.credit.y, th.on_scrim, al, sv.slide->credit);
    }
    dl->PopClipRect();

    // Caption and body: the panel below the photo, both in the theme's text colour (the caption stands
    // out by its bold face), so a page's --wg-text restyles all of it.
    dl->PushClipRect(px.p(L.panel.x + dx, 0), px.p(L.panel.x + dx + L.panel.w, v.height), true);
    if (sv.slide) {
        TextRun run(dl, v);
        for (const TextLine& ln : L.lines) draw_line(dl, te, v, px, ln, line_source(sv, ln.source), dx, th.text, al);
    }
    dl->PopClipRect();
}

}  // namespace

void draw_frame(ImDrawList* dl, TextEngine& te, const Theme& th, const FrameView& v) {
    Px px{v.dpr};
    // The background is the renderer's clear colour (theme.background): no full-canvas rect over it.
    dl->PushClipRect(ImVec2(0, 0), px.p(v.width, v.height), true);
    for (const SlideView& sv : v.slides)
        if (sv.layout) draw_slide(dl, te, th, v, px, sv);

    if (v.chrome) {
        const Layout& L = *v.chrome;
        if (L.fade.w > 0 && L.fade.h > 0) {  // truncated text fades out above "More"
            ImU32 clear = to_imgui(th.background, 0.f), solid = to_imgui(th.background);
            dl->AddRectFilledMultiColor(px.min(L.fade), px.max(L.fade), clear, clear, solid, solid);
        }
        if (L.more_button.w > 0) {
            // The label and font the layout sized the button for, centred: its padding on either side.
            const Rect& r = L.more_button;
            const float w = te.width(L.more_label, layout::kTextButtonRole);
            const float y = r.y + (r.h - te.line_height(layout::kTextButtonRole)) * 0.5f;
            {
                TextRun run(dl, v);
                draw_text(dl, te, v, px, layout::kTextButtonRole, r.x + (r.w - w) * 0.5f, y, th.accent, 1, L.more_label);
            }
            if (v.focus.hit == Hit::More) dl->AddRect(px.min(r), px.max(r), to_imgui(th.accent), px.s(4), 0, px.s(2));
        }
        // The header title is chrome: drawn once here, never per slide.
        if (v.title) {
            TextRun run(dl, v);
            for (const TextLine& ln : L.title_lines) draw_line(dl, te, v, px, ln, *v.title, 0, th.text, 1);
        }
        // Counter pill, top corner over the photo.
        if (!L.counter_text.empty()) {
            const Rect& r = L.counter;
            dl->AddRectFilled(px.min(r), px.max(r), to_imgui(th.scrim), px.s(r.h * 0.5f));
            const float w = te.width(L.counter_text, FontRole::Counter);
            TextRun run(dl, v);
            draw_text(dl, te, v, px, FontRole::Counter, r.x + (r.w - w) * 0.5f,
                      r.y + (r.h - te.line_height(FontRole::Counter)) * 0.5f, th.on_scrim, 1, L.counter_text);
        }
        if (v.show_arrows && v.count > 1) {  // only where the layout found room for them
            if (!L.prev.empty()) draw_arrow(dl, px, L.prev, -1, th, v.focus.hit == Hit::Prev);
            if (!L.next.empty()) draw_arrow(dl, px, L.next, +1, th, v.focus.hit == Hit::Next);
        }
        if (!L.fullscreen_button.empty())  // the layout placed it: it is hit-tested and has a DOM button too
            draw_fullscreen_icon(dl, px, L.fullscreen_button, th, v.focus.hit == Hit::Fullscreen);
        for (size_t i = 0; i < L.dots.size(); ++i) {
            const Rect& r = L.dots[i];
            ImVec2 c((px.s(r.x) + px.s(r.x + r.w)) * 0.5f, (px.s(r.y) + px.s(r.y + r.h)) * 0.5f);
            bool cur = int(i) == v.index;
            dl->AddCircleFilled(c, px.s(cur ? 4.5f : 3.5f), to_imgui(cur ? th.accent : th.dot), 20);
            if (v.focus.hit == Hit::Dot && v.focus.dot == int(i))
                dl->AddCircle(c, px.s(9), to_imgui(th.accent), 24, px.s(2));
        }
    }
    dl->PopClipRect();
}

}  // namespace wg::render
