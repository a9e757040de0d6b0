// layout.cpp — compute_layout: the box → header, photo (+ overlays), dots, text panel. See layout.h.
// Index: [SECTION] helpers · [SECTION] reserved sizes · [SECTION] photo · [SECTION] text · [SECTION] compose
#include "core/layout.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wg {
using namespace layout;

// [SECTION] helpers -------------------------------------------------------------------------------------
namespace {

float finite_or(float v, float fallback) { return std::isfinite(v) ? v : fallback; }
float non_negative(float v) { return std::max(0.0f, finite_or(v, 0.0f)); }

float sanitize_scale(float s) {
    if (!(s > 0) || !std::isfinite(s)) return 1.0f;
    return std::clamp(s, kMinFontScale, kMaxFontScale);
}

float sanitize_aspect(float a) {
    if (!(a > 0) || !std::isfinite(a)) return kDefaultPhotoAspect;
    return std::clamp(a, kMinPhotoAspect, kMaxPhotoAspect);
}

bool inside(const Rect& r, const Rect& area) {
    return r.x >= area.x && r.y >= area.y && r.right() <= area.right() && r.bottom() <= area.bottom();
}

bool overlaps(const Rect& a, const Rect& b) {
    return !a.empty() && !b.empty() && a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace

bool Rect::contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }

// [SECTION] reserved sizes (mirrored by the JS shim) -------------------------------------------------------
bool dots_shown(int count, float width) {
    return count >= 2 && count <= kMaxDots && static_cast<float>(count) * kDotTarget <= non_negative(width);
}

float collapsed_panel_height(float /*width: see layout.h*/, float font_scale) {
    return kPanelPadTop + kPanelPadBottom + kCollapsedBodyLines * kNominalBodyLineHeight * sanitize_scale(font_scale);
}

float reserved_box_height(float width, float photo_aspect, int count, bool show_header, float font_scale) {
    const float w = non_negative(width);
    const float s = sanitize_scale(font_scale);
    float h = w / sanitize_aspect(photo_aspect) + collapsed_panel_height(w, s);
    if (show_header) h += 2 * kHeaderPadY + kNominalTitleLineHeight * s;
    if (dots_shown(count, w)) h += kDotsBandHeight;
    return h;
}

// [SECTION] photo: image rect, UVs and the overlays ----------------------------------------------------
namespace {

void place_image(Layout& L, float image_aspect, Fit fit) {
    const Rect& a = L.photo_area;
    L.image = a;
    if (!(image_aspect > 0) || !std::isfinite(image_aspect) || a.empty()) return;  // not decoded: whole area
    const float area_aspect = a.w / a.h;
    if (fit == Fit::Contain) {
        if (image_aspect > area_aspect) {  // wider than the area: bars above and below
            L.image.h = a.w / image_aspect;
            L.image.y = a.y + (a.h - L.image.h) / 2;
        } else {  // taller: bars left and right
            L.image.w = a.h * image_aspect;
            L.image.x = a.x + (a.w - L.image.w) / 2;
        }
    } else {  // Cover: fill the area, sample the centred part of the texture that has the area's aspect
        if (image_aspect > area_aspect) {
            const float visible = area_aspect / image_aspect;
            L.uv0x = (1 - visible) / 2;
            L.uv1x = 1 - L.uv0x;
        } else {
            const float visible = image_aspect / area_aspect;
            L.uv0y = (1 - visible) / 2;
            L.uv1y = 1 - L.uv0y;
        }
    }
}

// Counter (top-left), fullscreen (top-right), credit (bottom-right), arrows (vertically centred between
// them). An overlay that does not fit inside the photo area is left out rather than spilling over.
void place_overlays(Layout& L, const LayoutInput& in, const TextMeasure& m) {
    const Rect& a = L.photo_area;

    if (!L.counter_text.empty()) {
        Rect c{a.x + kOverlayInset, a.y + kOverlayInset,
               m.width(L.counter_text, FontRole::Counter) + 2 * kPillPadX,
               m.line_height(FontRole::Counter) + 2 * kPillPadY};
        if (inside(c, a)) L.counter = c;
    }

    Rect fs{a.right() - kOverlayInset - kButtonSize, a.y + kOverlayInset, kButtonSize, kButtonSize};
    if (inside(fs, a) && !overlaps(fs, L.counter)) L.fullscreen_button = fs;

    if (in.slide && !in.slide->credit.empty()) {
        const float lh = m.line_height(FontRole::Small);
        const float w = std::min(a.w, m.width(in.slide->credit, FontRole::Small) + 2 * kCreditPadX);
        Rect scrim{a.right() - w, a.bottom() - (lh + 2 * kCreditPadY), w, lh + 2 * kCreditPadY};
        if (inside(scrim, a) && w > 2 * kCreditPadX) {
            L.credit_scrim = scrim;
            L.credit = {scrim.x + kCreditPadX, scrim.y + kCreditPadY, w - 2 * kCreditPadX, lh};
        }
    }

    if (!in.show_arrows || in.count < 2) return;
    float top = a.y + kOverlayInset;
    if (!L.counter.empty()) top = std::max(top, L.counter.bottom() + kOverlayGap);
    if (!L.fullscreen_button.empty()) top = std::max(top, L.fullscreen_button.bottom() + kOverlayGap);
    float bottom = a.bottom() - kOverlayInset;
    if (!L.credit_scrim.empty()) bottom = std::min(bottom, L.credit_scrim.y - kOverlayGap);
    const bool room = bottom - top >= kButtonSize && a.w >= 2 * (kOverlayInset + kButtonSize) + kOverlayGap;
    if (!room) return;
    const float y = std::clamp(a.y + (a.h - kButtonSize) / 2, top, bottom - kButtonSize);
    L.prev = {a.x + kOverlayInset, y, kButtonSize, kButtonSize};
    L.next = {a.right() - kOverlayInset - kButtonSize, y, kButtonSize, kButtonSize};
}

void place_dots(Layout& L, int index, int count) {
    const Rect& band = L.dots_area;
    const float x0 = band.x + (band.w - count * kDotTarget) / 2;
    const float y = band.y + (band.h - kDotTarget) / 2;
    for (int i = 0; i < count; ++i) L.dots.push_back({x0 + i * kDotTarget, y, kDotTarget, kDotTarget});
    L.current_dot = index;
}

// [SECTION] text: positioned lines ---------------------------------------------------------------------

std::string_view source_text(const LayoutInput& in, TextSource source) {
    switch (source) {
        case TextSource::Caption: return in.slide->caption;
        case TextSource::Body: return in.slide->text;
        case TextSource::Title: return *in.title;
    }
    return {};
}

// Ends the line with kEllipsis: it keeps the longest start of its text that still fits with it.
void ellipsize(TextLine& l, std::string_view text, float max_width, const TextMeasure& m) {
    const std::string_view whole = text.substr(l.begin, l.end - l.begin);
    const size_t keep = ellipsis_cut(whole, max_width, l.role, m);
    l.end = l.begin + keep;
    l.ellipsis = true;
    l.rect.w = m.width(std::string(whole.substr(0, keep)).append(kEllipsis), l.role);
}

// Stacks wrapped blocks top to bottom. Empty wrapped lines ("\n\n") and block boundaries become one
// paragraph gap; gaps never lead or trail, and runs of empty lines collapse into one.
struct Flow {
    const TextMeasure& m;
    float x, max_width, y;
    float gap;
    std::vector<TextLine> lines;

    void block(std::string_view text, FontRole role, TextSource source) {
        const float lh = m.line_height(role);
        bool gap_pending = !lines.empty();
        for (const WrappedLine& wl : wrap_text(text, max_width, role, m)) {
            if (wl.begin == wl.end) {
                gap_pending = !lines.empty();
                continue;
            }
            if (gap_pending) y += gap;
            gap_pending = false;
            const float w = m.width(text.substr(wl.begin, wl.end - wl.begin), role);
            lines.push_back({{x, y, w, lh}, role, wl.begin, wl.end, source});
            y += lh;
        }
    }
};

}  // namespace

// [SECTION] compose ------------------------------------------------------------------------------------
Layout compute_layout(const LayoutInput& in, const TextMeasure& m) {
    Layout L;
    const float W = non_negative(in.width), H = non_negative(in.height);
    const float s = sanitize_scale(in.font_scale);
    const float content_w = std::max(0.0f, W - 2 * kPanelPadX);
    const int count = std::max(0, in.count);
    const int index = count > 0 ? std::clamp(in.index, 0, count - 1) : 0;
    if (count > 0) L.counter_text = std::to_string(index + 1) + "/" + std::to_string(count);

    // Header.
    float y = 0;
    if (in.show_header && in.title && !in.title->empty()) {
        const float lh = m.line_height(FontRole::Title);
        float ly = kHeaderPadY;
        int n = 0;
        for (const WrappedLine& wl : wrap_text(*in.title, content_w, FontRole::Title, m)) {
            if (wl.begin == wl.end) continue;  // a "\n\n" in a title is not worth a gap
            if (n == kMaxTitleLines) {
                L.title_truncated = true;
                break;
            }
            const float w = m.width(std::string_view(*in.title).substr(wl.begin, wl.end - wl.begin), FontRole::Title);
            L.title_lines.push_back({{kPanelPadX, ly, w, lh}, FontRole::Title, wl.begin, wl.end, TextSource::Title});
            ly += lh;
            ++n;
        }
        if (L.title_truncated) ellipsize(L.title_lines.back(), *in.title, content_w, m);
        if (n > 0) {
            L.header = {0, 0, W, ly + kHeaderPadY};
            y = std::min(L.header.h, H);
        }
    }

    // Photo area.
    const float natural = W / sanitize_aspect(in.photo_aspect);
    const float avail = std::max(0.0f, H - y);
    const bool with_dots = !in.fullscreen && dots_shown(count, W);
    const float band = with_dots ? kDotsBandHeight : 0.0f;
    float ph;
    if (in.fullscreen) {
        const float strip = kPanelPadTop + kPanelPadBottom + kFullscreenCaptionLines * m.line_height(FontRole::Caption);
        ph = avail - strip;
    } else {
        const float frac = (in.max_photo_fraction > 0 && in.max_photo_fraction <= 1) ? in.max_photo_fraction
                                                                                     : kDefaultMaxPhotoFraction;
        const float min_panel = kPanelPadTop + kPanelPadBottom + kMinPanelBodyLines * kNominalBodyLineHeight * s;
        ph = std::min(natural, std::max(frac * H, avail - band - min_panel));
    }
    ph = std::clamp(ph, 0.0f, avail);
    L.photo_area = {0, y, W, ph};
    place_image(L, in.image_aspect, in.fit);
    place_overlays(L, in, m);
    y += ph;

    // Pagination.
    if (with_dots) {
        L.dots_area = {0, y, W, std::min(band, H - y)};
        if (L.dots_area.h >= kDotTarget) place_dots(L, index, count);
        y += L.dots_area.h;
    }

    // Text panel.
    L.panel = {0, y, W, std::max(0.0f, H - y)};
    const float text_top = y + kPanelPadTop;
    Flow flow{m, kPanelPadX, content_w, text_top, kParagraphGapLines * m.line_height(FontRole::Body), {}};
    if (in.slide) {
        flow.block(in.slide->caption, FontRole::Caption, TextSource::Caption);
        if (!in.fullscreen) flow.block(in.slide->text, FontRole::Body, TextSource::Body);
    }
    const bool has_text = !flow.lines.empty();
    const float text_bottom = has_text ? flow.lines.back().rect.bottom() : text_top;

    L.more_label = in.expanded ? "Less" : "More";
    const float bw = m.width(L.more_label, kTextButtonRole) + 2 * kTextButtonPadX;
    const float bh = std::max(kTextButtonMinHeight, m.line_height(kTextButtonRole));
    const float panel_bottom = L.panel.bottom() - kPanelPadBottom;
    auto keep_lines_above = [&](float limit) {
        size_t n = 0;
        while (n < flow.lines.size() && flow.lines[n].rect.bottom() <= limit) ++n;
        L.truncated = n < flow.lines.size();
        if (L.truncated && n > 0) {
            TextLine& last = flow.lines[n - 1];
            ellipsize(last, source_text(in, last.source), content_w, m);
        }
        flow.lines.resize(n);
    };

    if (in.fullscreen) {
        keep_lines_above(panel_bottom);
        if (in.slide && !in.slide->text.empty()) L.truncated = true;  // the body is not shown in fullscreen
        L.full_height = H;  // the element cannot grow in fullscreen
    } else {
        // The height of the expanded layout: the photo at its natural size, all text, then the Less row.
        const float text_h = text_bottom - text_top;
        L.full_height = L.photo_area.y + natural + band + kPanelPadTop + text_h +
                        (has_text ? kTextButtonGap + bh : 0.0f) + kPanelPadBottom;
        if (in.expanded && has_text) {
            L.more_button = {W - kPanelPadX - bw, text_bottom + kTextButtonGap, bw, bh};
        } else if (has_text && text_bottom > panel_bottom) {
            L.more_button = {W - kPanelPadX - bw, std::max(L.panel.y, panel_bottom - bh), bw, bh};
            keep_lines_above(L.more_button.y - kTextButtonGap);
            const float fh = m.line_height(FontRole::Body);
            const float fy = std::max(L.panel.y, L.more_button.y - fh);
            L.fade = {0, fy, W, L.more_button.y - fy};
        }
    }
    L.lines = std::move(flow.lines);
    if (in.rtl) mirror(L, W);
    return L;
}

void mirror(Layout& L, float width) {
    const auto flip = [width](Rect& r) {
        if (r.w > 0) r.x = width - r.x - r.w;
    };
    for (Rect* r : {&L.header, &L.photo_area, &L.image, &L.counter, &L.credit, &L.credit_scrim, &L.prev, &L.next,
                    &L.fullscreen_button, &L.dots_area, &L.panel, &L.more_button, &L.fade})
        flip(*r);
    for (Rect& d : L.dots) flip(d);
    for (TextLine& l : L.title_lines) flip(l.rect);
    for (TextLine& l : L.lines) flip(l.rect);
}

Hit Layout::hit_test(float x, float y, int* dot_index) const {
    // Topmost first: the controls drawn over the photo win over the photo itself.
    if (more_button.contains(x, y)) return Hit::More;
    if (fullscreen_button.contains(x, y)) return Hit::Fullscreen;
    if (prev.contains(x, y)) return Hit::Prev;
    if (next.contains(x, y)) return Hit::Next;
    for (size_t i = 0; i < dots.size(); ++i) {
        if (dots[i].contains(x, y)) {
            if (dot_index) *dot_index = static_cast<int>(i);
            return Hit::Dot;
        }
    }
    if (photo_area.contains(x, y)) return Hit::Photo;
    return Hit::None;
}

}  // namespace wg
