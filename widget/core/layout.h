// layout.h — where every part of the gallery widget goes inside the box the JS shim reserved.
// Pure geometry in CSS px: the render layer draws exactly these rects (scaling by devicePixelRatio and
// snapping); it does not decide sizes. Text is measured through the abstract TextMeasure.
#pragma once
#include <string>
#include <vector>

#include "core/gallery.h"
#include "core/text_wrap.h"

namespace wg {

// Sizes in CSS px, each with the reason it has that value. The JS shim mirrors the ones marked (JS).
namespace layout {
inline constexpr float kDefaultPhotoAspect = 1.5f;  // 3:2, the common camera frame, when a slide declares no size
inline constexpr float kMinPhotoAspect = 0.25f;     // a bogus declared size (1×10000) must not make a 40 000 px box
inline constexpr float kMaxPhotoAspect = 4.0f;      // ...nor a 2 px tall sliver of a photo
inline constexpr float kDefaultMaxPhotoFraction = 0.7f;  // in a short box the text still gets ~30 %
inline constexpr float kPanelPadX = 16;       // common mobile article margin: text never touches the screen edge
inline constexpr float kPanelPadTop = 12;     // (JS) separates the caption from the photo/dots
inline constexpr float kPanelPadBottom = 12;  // (JS) keeps the last line off the element's edge
inline constexpr float kHeaderPadY = 12;      // (JS) title breathing room above and below
inline constexpr int kMaxTitleLines = 2;      // a header longer than two lines would eat the photo
inline constexpr float kOverlayInset = 8;     // overlays stay off the photo edge (and rounded corners)
inline constexpr float kOverlayGap = 4;       // minimum space between two overlays so they read as separate
inline constexpr float kPillPadX = 8, kPillPadY = 4;    // counter pill: text not cramped against its ends
inline constexpr float kCreditPadX = 6, kCreditPadY = 3;  // credit scrim: readable over any photo, yet small
inline constexpr float kButtonSize = 44;  // arrows/fullscreen hit square: WCAG 2.5.5 and platform HIGs,
                                          // well above WCAG 2.5.8's 24 px minimum
inline constexpr int kMaxDots = 15;          // (JS) more dots can't be told apart; the counter is the fraction
inline constexpr float kDotTarget = 24;      // (JS) WCAG 2.5.8 minimum target; dots may not shrink below it
inline constexpr float kDotSize = 8;         // the visible dot inside its target (drawn by the render layer)
inline constexpr float kDotsBandHeight = 32; // (JS) the 24 px targets plus 4 px above and below
inline constexpr float kParagraphGapLines = 0.5f;  // gap between paragraphs, in body line heights
inline constexpr float kTextButtonMinHeight = 32;  // More/Less: above 2.5.8's 24 px, smaller than an arrow
inline constexpr float kTextButtonPadX = 16;        // More/Less label padding
inline constexpr float kTextButtonGap = 4;          // space between the last text line and More/Less
inline constexpr FontRole kTextButtonRole = FontRole::Caption;  // More/Less in the bold face: reads as a
                                                                // control, not as more body text
// Nominal line heights at scale 1, used only for reservations (the layout itself measures); they match the
// render layer's fonts (render/fonts.cpp: 16 px body, 20 px title, line height 1.4 em).
inline constexpr float kNominalBodyLineHeight = 22.4f;  // (JS) 16 px × 1.4
inline constexpr float kNominalTitleLineHeight = 28;    // (JS) 20 px × 1.4
inline constexpr int kCollapsedBodyLines = 7;  // (JS) caption, a line or two of body and the More row:
                                               // stable height while swiping, full text one tap away
inline constexpr int kMinPanelBodyLines = 2;   // the photo shrinks before the panel drops below this
inline constexpr int kFullscreenCaptionLines = 2;  // fullscreen keeps only a compact caption strip
inline constexpr float kMinFontScale = 0.5f, kMaxFontScale = 3.0f;  // sanity bounds for the reader's zoom
}  // namespace layout

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    // Half-open ([x, x+w) × [y, y+h)), so two touching rects never both claim a point; empty rects
    // contain nothing, which is how an absent control is expressed.
    bool contains(float px, float py) const;
    bool empty() const { return !(w > 0 && h > 0); }
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// Which string a TextLine's byte range points into.
enum class TextSource { Caption, Body, Title };

struct TextLine {
    Rect rect;  // x, y: top-left of the line box; w: measured width (with the ellipsis); h: line height
    FontRole role = FontRole::Body;
    size_t begin = 0, end = 0;  // byte range into slide->caption, slide->text or *title
    TextSource source = TextSource::Body;
    bool ellipsis = false;      // the text goes on but is clipped here: kEllipsis follows [begin, end)
};

enum class Hit { None, Prev, Next, Dot, Fullscreen, More, Photo };  // More also means "Less" when expanded

struct LayoutInput {
    float width = 0, height = 0;  // the box the JS reserved, CSS px
    float font_scale = 1;         // the reader's text zoom; the TextMeasure already applies it to fonts
    float photo_aspect = layout::kDefaultPhotoAspect;  // from the slide's declared width/height
    float image_aspect = 0;                            // decoded image's w/h; 0 = not decoded yet
    Fit fit = Fit::Contain;
    int index = 0, count = 1;
    const Slide* slide = nullptr;         // caption, credit and body; null = no text
    const std::string* title = nullptr;   // gallery title for the header
    bool show_header = false, show_arrows = true, expanded = false, fullscreen = false;
    bool rtl = false;  // a right-to-left gallery: the whole layout mirrored (see mirror())
    float max_photo_fraction = layout::kDefaultMaxPhotoFraction;  // see compute_layout
};

struct Layout {
    Rect header, photo_area, image;
    float uv0x = 0, uv0y = 0, uv1x = 1, uv1y = 1;  // sub-rectangle of the texture to sample into `image`
    Rect counter;        // the pill; counter_text is centred in it
    Rect credit;         // the credit text box (Small role); the render clips the text to it
    Rect credit_scrim;   // darkening behind the credit, flush with the photo's bottom-right corner
    Rect prev, next;     // 44 px hit squares; the render draws a circle inside
    Rect fullscreen_button;
    Rect dots_area;      // the pagination band (empty when there are no dots)
    Rect panel;          // the text panel
    Rect more_button;    // More (collapsed, truncated) or Less (expanded); empty when absent
    Rect fade;           // gradient to the background over the last visible line(s) when truncated
    std::vector<Rect> dots;  // hit targets (≥ kDotTarget); the dot of kDotSize is drawn centred in each
    int current_dot = -1;    // index into dots of the current slide, -1 if no dots
    std::vector<TextLine> title_lines;  // the header's title: chrome, the same for every slide, so it is
                                        // drawn once per frame from the current slide's layout
    std::vector<TextLine> lines;  // the slide's caption, then body lines, top to bottom
    bool truncated = false;       // some caption/body text is not laid out
    bool title_truncated = false; // the title needed more than kMaxTitleLines (its last line ends in "…")
    float full_height = 0;        // box height at which the expanded layout shows all text and Less
    std::string counter_text;     // "3/10"
    std::string more_label;       // "More" or "Less" (measured, and drawn, in layout::kTextButtonRole)

    // The control under (x, y) in CSS px, topmost first; *dot_index is set for Hit::Dot.
    Hit hit_test(float x, float y, int* dot_index = nullptr) const;
};

// Lays the widget out top to bottom in the given box:
//   header (if show_header and a non-empty title): up to kMaxTitleLines of the Title role in title_lines;
//   photo area: full width, natural height width / photo_aspect, shrunk only when the box is too short.
//     It is at most max(max_photo_fraction × height, height − header − dots band − minimum panel), i.e. the
//     fraction only bites when the box cannot also hold kMinPanelBodyLines of text below the photo.
//     Fullscreen: the photo takes everything but a strip of kFullscreenCaptionLines caption lines.
//   dots band (not in fullscreen) when dots_shown(count, width);
//   text panel: the rest. Collapsed: the lines that fit; if not all do, truncated, More at the bottom right
//     and a fade above it. Expanded: all lines (possibly below the box, while JS grows it) and Less.
//     Fullscreen: caption only, never a More button (the element cannot grow there).
//   Text cut off (title past its lines, caption/body past the panel) ends its last visible line with
//   kEllipsis, the line cut so that both fit the content width (as CSS line-clamp does).
Layout compute_layout(const LayoutInput& in, const TextMeasure& m);

// A right-to-left gallery's layout: every rect mirrored across the box's vertical axis, as Swiper and
// Splide mirror theirs: text aligned right, the counter top-right, the credit bottom-left, full screen
// top-left, Previous on the right and Next on the left, dot 1 rightmost. (The photo itself is not flipped.)
void mirror(Layout& L, float width);

// Whether pagination dots are drawn: 2..kMaxDots slides, and their 24 px targets fit in the width.
bool dots_shown(int count, float width);

// The text panel height the JS reserves below the photo, so JS and wasm agree before the wasm runs:
//   kPanelPadTop + kPanelPadBottom + kCollapsedBodyLines × kNominalBodyLineHeight × font_scale
//   = 12 + 12 + 7 × 22.4 × s  →  CSS: calc(24px + 156.8px * var(--wg-font-scale, 1))
// `width` is part of the contract so breakpoints can be added later without changing the JS call; today
// the panel height does not depend on it.
float collapsed_panel_height(float width, float font_scale);

// The whole box the JS reserves for a width (the layout then fills exactly this box):
//   [show_header: 2 × kHeaderPadY + kNominalTitleLineHeight × s] + width / photo_aspect (clamped)
//   + [dots_shown: kDotsBandHeight] + collapsed_panel_height(width, s)
float reserved_box_height(float width, float photo_aspect, int count, bool show_header, float font_scale);

}  // namespace wg
