// layout_test.cpp — compute_layout at phone, tablet and desktop widths with a fake monospace font
// (fixed px per code point and line height per role), so every expected position is exact.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "core/layout.h"

namespace {

using namespace wg;

struct FakeMonospace : TextMeasure {
    static float advance(FontRole r) {
        switch (r) {
            case FontRole::Body: return 8;
            case FontRole::Caption: return 9;
            case FontRole::Small: return 6;
            case FontRole::Title: return 11;
            case FontRole::Counter: return 7;
        }
        return 0;
    }
    float width(std::string_view s, FontRole r) const override {
        float n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n * advance(r);
    }
    float line_height(FontRole r) const override {
        switch (r) {
            case FontRole::Small: return 16;
            case FontRole::Title: return 28;
            case FontRole::Counter: return 18;
            default: return 24;
        }
    }
};

const FakeMonospace kFont;

// Like the seed's slide 4: a caption and a long body of four paragraphs (~1 100 characters).
Slide long_slide() {
    Slide s;
    s.caption = "Pictured: rescue workers search the rubble of a collapsed building in Antakya";
    s.credit = "© AFP 2023 / STR";
    s.text =
        "Rescue teams worked through the night in freezing temperatures, pulling survivors from the ruins of "
        "apartment blocks that collapsed within seconds when the first tremor struck before dawn.\n\n"
        "Officials said more than 6,000 buildings had been destroyed across ten provinces, and warned that the "
        "toll was likely to rise as crews reached villages cut off by landslides and damaged roads.\n\n"
        "Aid agencies appealed for tents, blankets and heaters, saying that tens of thousands of families were "
        "sleeping in cars, mosques and sports halls while aftershocks continued to rattle the region.\n\n"
        "International search teams from more than 20 countries have arrived, bringing sniffer dogs and "
        "thermal cameras, but local volunteers say the first 72 hours are critical and that time is running "
        "out for those still trapped beneath concrete slabs in the hardest-hit districts of the city.";
    return s;
}

Slide short_slide() {
    Slide s;
    s.caption = "Pictured: the harbour at dawn";
    s.credit = "© AFP 2023 / STR";
    s.text = "Fishing boats return.";
    return s;
}

struct Size {
    const char* name;
    float width;
};
const Size kSizes[] = {{"phone", 360}, {"tablet", 768}, {"desktop", 1280}};

LayoutInput input_for(float width, const Slide* slide, int index = 2, int count = 10) {
    LayoutInput in;
    in.width = width;
    in.height = reserved_box_height(width, 1.5f, count, false, 1);
    in.slide = slide;
    in.index = index;
    in.count = count;
    return in;
}

bool inside(const Rect& r, const Rect& area) {
    return r.x >= area.x && r.y >= area.y && r.right() <= area.right() + 1e-3f &&
           r.bottom() <= area.bottom() + 1e-3f;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

float cx(const Rect& r) { return r.x + r.w / 2; }
float cy(const Rect& r) { return r.y + r.h / 2; }

// The text a line shows: its byte range, and the ellipsis when the layout clipped the text there.
std::string line_text(const TextLine& l, const Slide& s, const std::string* title = nullptr) {
    const std::string& src =
        l.source == TextSource::Caption ? s.caption : l.source == TextSource::Body ? s.text : *title;
    return src.substr(l.begin, l.end - l.begin) + (l.ellipsis ? std::string(kEllipsis) : "");
}

size_t ellipsized(const std::vector<TextLine>& lines) {
    size_t n = 0;
    for (const TextLine& l : lines) n += l.ellipsis;
    return n;
}

size_t non_empty_lines(std::string_view text, float width, FontRole role) {
    size_t n = 0;
    for (const WrappedLine& l : wrap_text(text, width, role, kFont)) n += l.end > l.begin;
    return n;
}

// [SECTION] reserved sizes ---------------------------------------------------------------------------------

TEST(Layout, CollapsedPanelHeightFollowsTheDocumentedFormula) {
    EXPECT_FLOAT_EQ(collapsed_panel_height(360, 1), 12 + 12 + 7 * 22.4f);
    EXPECT_FLOAT_EQ(collapsed_panel_height(1280, 1), 180.8f);  // width-independent today
    EXPECT_FLOAT_EQ(collapsed_panel_height(360, 2), 12 + 12 + 7 * 44.8f);
    EXPECT_FLOAT_EQ(collapsed_panel_height(360, 0), 180.8f);             // nonsense scale → 1
    EXPECT_FLOAT_EQ(collapsed_panel_height(360, std::nanf("")), 180.8f);
    EXPECT_FLOAT_EQ(collapsed_panel_height(360, 100), 12 + 12 + 7 * 22.4f * layout::kMaxFontScale);
}

TEST(Layout, ReservedBoxHeight) {
    EXPECT_FLOAT_EQ(reserved_box_height(360, 1.5f, 10, false, 1), 240 + 32 + 180.8f);
    EXPECT_FLOAT_EQ(reserved_box_height(360, 1.5f, 16, false, 1), 240 + 180.8f);  // no dots past 15
    EXPECT_FLOAT_EQ(reserved_box_height(360, 1.5f, 10, true, 1), 12 + 28 + 12 + 240 + 32 + 180.8f);
    EXPECT_FLOAT_EQ(reserved_box_height(360, 0, 1, false, 1), 240 + 180.8f);  // unknown aspect → 3:2
    EXPECT_FLOAT_EQ(reserved_box_height(400, 0.001f, 1, false, 1), 400 / layout::kMinPhotoAspect + 180.8f);
}

TEST(Layout, DotsShownOnlyWhenTheyFitAndAreFew) {
    EXPECT_FALSE(dots_shown(1, 360));
    EXPECT_TRUE(dots_shown(2, 360));
    EXPECT_TRUE(dots_shown(15, 360));   // 15 × 24 = 360: exactly fits
    EXPECT_FALSE(dots_shown(15, 359));  // targets may not shrink below 24 px
    EXPECT_FALSE(dots_shown(16, 1280));
}

// [SECTION] photo ------------------------------------------------------------------------------------------

TEST(Layout, PhotoAreaKeepsTheSlideAspectAtEverySize) {
    Slide s = short_slide();
    for (const Size& size : kSizes) {
        Layout L = compute_layout(input_for(size.width, &s), kFont);
        EXPECT_FLOAT_EQ(L.photo_area.x, 0) << size.name;
        EXPECT_FLOAT_EQ(L.photo_area.y, 0) << size.name;
        EXPECT_FLOAT_EQ(L.photo_area.w, size.width) << size.name;
        EXPECT_FLOAT_EQ(L.photo_area.h, size.width / 1.5f) << size.name;
        EXPECT_FLOAT_EQ(L.image.w, L.photo_area.w) << "not decoded yet: whole area, " << size.name;
        EXPECT_FLOAT_EQ(L.image.h, L.photo_area.h) << size.name;
    }
}

struct FitCase {
    Fit fit;
    float image_aspect;
    Rect image;  // in a 360 × 240 area at the origin
    float u0, v0, u1, v1;
};

TEST(Layout, ImageRectAndUvsForContainAndCover) {
    const FitCase cases[] = {
        {Fit::Contain, 1.5f, {0, 0, 360, 240}, 0, 0, 1, 1},
        {Fit::Contain, 1.0f, {60, 0, 240, 240}, 0, 0, 1, 1},      // pillarbox
        {Fit::Contain, 3.0f, {0, 60, 360, 120}, 0, 0, 1, 1},      // letterbox
        {Fit::Cover, 3.0f, {0, 0, 360, 240}, 0.25f, 0, 0.75f, 1},  // crop the sides: half the width visible
        {Fit::Cover, 0.75f, {0, 0, 360, 240}, 0, 0.25f, 1, 0.75f}, // crop top and bottom
        {Fit::Cover, 0, {0, 0, 360, 240}, 0, 0, 1, 1},             // not decoded: no crop yet
    };
    Slide s = short_slide();
    for (const FitCase& c : cases) {
        LayoutInput in = input_for(360, &s);
        in.fit = c.fit;
        in.image_aspect = c.image_aspect;
        Layout L = compute_layout(in, kFont);
        SCOPED_TRACE(testing::Message() << (c.fit == Fit::Cover ? "cover " : "contain ") << c.image_aspect);
        EXPECT_FLOAT_EQ(L.image.x, c.image.x);
        EXPECT_FLOAT_EQ(L.image.y, c.image.y);
        EXPECT_FLOAT_EQ(L.image.w, c.image.w);
        EXPECT_FLOAT_EQ(L.image.h, c.image.h);
        EXPECT_FLOAT_EQ(L.uv0x, c.u0);
        EXPECT_FLOAT_EQ(L.uv0y, c.v0);
        EXPECT_FLOAT_EQ(L.uv1x, c.u1);
        EXPECT_FLOAT_EQ(L.uv1y, c.v1);
    }
}

TEST(Layout, OverlaysSitInsideThePhotoWithoutOverlapping) {
    Slide s = short_slide();
    for (const Size& size : kSizes) {
        SCOPED_TRACE(size.name);
        Layout L = compute_layout(input_for(size.width, &s), kFont);
        const Rect& a = L.photo_area;
        // Counter pill top-left: "3/10" is 4 × 7 px plus the pill padding.
        EXPECT_FLOAT_EQ(L.counter.x, a.x + 8);
        EXPECT_FLOAT_EQ(L.counter.y, a.y + 8);
        EXPECT_FLOAT_EQ(L.counter.w, 4 * 7 + 16);
        EXPECT_FLOAT_EQ(L.counter.h, 18 + 8);
        // Credit bottom-right on a scrim flush with the corner; the text padded inside it.
        EXPECT_FLOAT_EQ(L.credit_scrim.right(), a.right());
        EXPECT_FLOAT_EQ(L.credit_scrim.bottom(), a.bottom());
        EXPECT_FLOAT_EQ(L.credit.w, 16 * 6);  // "© AFP 2023 / STR": 16 code points of the Small role
        EXPECT_TRUE(inside(L.credit, L.credit_scrim));
        EXPECT_TRUE(inside(L.credit_scrim, a));
        // Fullscreen top-right.
        EXPECT_FLOAT_EQ(L.fullscreen_button.right(), a.right() - 8);
        EXPECT_FLOAT_EQ(L.fullscreen_button.y, a.y + 8);
        // Arrows: 44 px, at the edges, vertically centred, clear of everything else.
        for (const Rect* arrow : {&L.prev, &L.next}) {
            EXPECT_FLOAT_EQ(arrow->w, 44);
            EXPECT_FLOAT_EQ(arrow->h, 44);
            EXPECT_FLOAT_EQ(cy(*arrow), cy(a));
            EXPECT_TRUE(inside(*arrow, a));
            EXPECT_FALSE(overlaps(*arrow, L.counter));
            EXPECT_FALSE(overlaps(*arrow, L.fullscreen_button));
            EXPECT_FALSE(overlaps(*arrow, L.credit_scrim));
        }
        EXPECT_FLOAT_EQ(L.prev.x, a.x + 8);
        EXPECT_FLOAT_EQ(L.next.right(), a.right() - 8);
        EXPECT_FALSE(overlaps(L.counter, L.fullscreen_button));
    }
}

TEST(Layout, ArrowsMoveDownOrDisappearInAShortPhoto) {
    Slide s = short_slide();
    LayoutInput in = input_for(360, &s);
    in.photo_aspect = 360.0f / 140;  // 140 px tall: centred arrows would cover the fullscreen button
    Layout L = compute_layout(in, kFont);
    ASSERT_FALSE(L.prev.empty());
    EXPECT_FLOAT_EQ(L.prev.y, L.fullscreen_button.bottom() + 4);
    EXPECT_TRUE(inside(L.prev, L.photo_area));
    EXPECT_FALSE(overlaps(L.next, L.credit_scrim));

    in.photo_aspect = 360.0f / 120;  // 56 + 44 + 4 + 22 > 120: no room between the top controls and the credit
    L = compute_layout(in, kFont);
    EXPECT_TRUE(L.prev.empty());
    EXPECT_TRUE(L.next.empty());
    EXPECT_FALSE(L.counter.empty());
}

TEST(Layout, ArrowsOnlyWhenAskedAndUseful) {
    Slide s = short_slide();
    LayoutInput in = input_for(768, &s);
    in.show_arrows = false;
    EXPECT_TRUE(compute_layout(in, kFont).prev.empty());
    in = input_for(768, &s, 0, 1);
    Layout L = compute_layout(in, kFont);
    EXPECT_TRUE(L.prev.empty());
    EXPECT_TRUE(L.next.empty());
    EXPECT_EQ(L.counter_text, "1/1");
}

TEST(Layout, CounterText) {
    Slide s = short_slide();
    EXPECT_EQ(compute_layout(input_for(360, &s, 2, 10), kFont).counter_text, "3/10");
    EXPECT_EQ(compute_layout(input_for(360, &s, 0, 10), kFont).counter_text, "1/10");
    EXPECT_EQ(compute_layout(input_for(360, &s, 12, 10), kFont).counter_text, "10/10");  // clamped
    EXPECT_EQ(compute_layout(input_for(360, &s, 0, 0), kFont).counter_text, "");
    EXPECT_TRUE(compute_layout(input_for(360, &s, 0, 0), kFont).counter.empty());
}

// [SECTION] dots -------------------------------------------------------------------------------------------

TEST(Layout, DotsAreCentredNonOverlappingAndBigEnoughToHit) {
    Slide s = short_slide();
    for (const Size& size : kSizes) {
        for (int count : {2, 10, 15}) {
            SCOPED_TRACE(testing::Message() << size.name << " count " << count);
            Layout L = compute_layout(input_for(size.width, &s, 1, count), kFont);
            ASSERT_EQ(L.dots.size(), static_cast<size_t>(count));
            EXPECT_EQ(L.current_dot, 1);
            EXPECT_FLOAT_EQ(L.dots_area.y, L.photo_area.bottom());
            EXPECT_FLOAT_EQ(L.panel.y, L.dots_area.bottom());
            EXPECT_FLOAT_EQ((L.dots.front().x + L.dots.back().right()) / 2, size.width / 2);
            for (size_t i = 0; i < L.dots.size(); ++i) {
                EXPECT_GE(L.dots[i].w, 24);
                EXPECT_GE(L.dots[i].h, 24);
                EXPECT_TRUE(inside(L.dots[i], L.dots_area));
                if (i > 0) {
                    EXPECT_LE(L.dots[i - 1].right(), L.dots[i].x);
                }
            }
        }
    }
}

TEST(Layout, NoDotsPastFifteenSlides) {
    Slide s = short_slide();
    Layout L = compute_layout(input_for(1280, &s, 4, 16), kFont);
    EXPECT_TRUE(L.dots.empty());
    EXPECT_EQ(L.current_dot, -1);
    EXPECT_TRUE(L.dots_area.empty());
    EXPECT_FLOAT_EQ(L.panel.y, L.photo_area.bottom());
    EXPECT_EQ(L.counter_text, "5/16");
}

// [SECTION] text panel ------------------------------------------------------------------------------------

TEST(Layout, LinesFitTheContentWidthDoNotOverlapAndStayInTheBox) {
    const Slide slides[] = {short_slide(), long_slide()};
    for (const Slide& s : slides) {
        for (const Size& size : kSizes) {
            SCOPED_TRACE(size.name);
            LayoutInput in = input_for(size.width, &s);
            Layout L = compute_layout(in, kFont);
            const float content_w = size.width - 2 * 16;
            ASSERT_FALSE(L.lines.empty());
            for (size_t i = 0; i < L.lines.size(); ++i) {
                const TextLine& l = L.lines[i];
                EXPECT_FLOAT_EQ(l.rect.x, 16);
                EXPECT_LE(l.rect.w, content_w);
                EXPECT_FLOAT_EQ(l.rect.w, kFont.width(line_text(l, s), l.role));
                EXPECT_TRUE(inside(l.rect, L.panel));
                EXPECT_LE(l.rect.bottom(), in.height);
                EXPECT_FALSE(overlaps(l.rect, L.more_button));
                if (i > 0) {
                    EXPECT_GE(l.rect.y, L.lines[i - 1].rect.bottom());
                }
            }
            EXPECT_EQ(L.lines.front().source, TextSource::Caption);
            EXPECT_EQ(L.lines.front().role, FontRole::Caption);
            EXPECT_EQ(L.lines.back().role, FontRole::Body);
        }
    }
}

TEST(Layout, ShortTextFitsWithoutMore) {
    Slide s = short_slide();
    Layout L = compute_layout(input_for(1280, &s), kFont);
    EXPECT_FALSE(L.truncated);
    EXPECT_TRUE(L.more_button.empty());
    EXPECT_TRUE(L.fade.empty());
    ASSERT_EQ(L.lines.size(), 2u);
    // Caption line, then a paragraph gap of half a body line, then the body line.
    EXPECT_FLOAT_EQ(L.lines[0].rect.y, L.panel.y + 12);
    EXPECT_FLOAT_EQ(L.lines[1].rect.y, L.lines[0].rect.bottom() + 12);
    EXPECT_EQ(line_text(L.lines[1], s), "Fishing boats return.");
}

TEST(Layout, ParagraphsAreSeparatedByOneGap) {
    Slide s;
    s.text = "One.\n\nTwo.\n\n\n\nThree.";  // a run of blank lines is still one gap
    Layout L = compute_layout(input_for(768, &s), kFont);
    ASSERT_EQ(L.lines.size(), 3u);
    EXPECT_FLOAT_EQ(L.lines[0].rect.y, L.panel.y + 12);  // no leading gap without a caption
    EXPECT_FLOAT_EQ(L.lines[1].rect.y - L.lines[0].rect.bottom(), 12);
    EXPECT_FLOAT_EQ(L.lines[2].rect.y - L.lines[1].rect.bottom(), 12);
}

TEST(Layout, LongBodyOnAPhoneIsTruncatedWithMore) {
    Slide s = long_slide();
    LayoutInput in = input_for(360, &s);
    Layout L = compute_layout(in, kFont);
    EXPECT_TRUE(L.truncated);
    EXPECT_EQ(L.more_label, "More");
    ASSERT_FALSE(L.more_button.empty());
    EXPECT_TRUE(inside(L.more_button, L.panel));
    EXPECT_FLOAT_EQ(L.more_button.right(), 360 - 16);
    EXPECT_FLOAT_EQ(L.more_button.bottom(), in.height - 12);
    EXPECT_FLOAT_EQ(L.more_button.w, 4 * 9 + 2 * 16);  // "More" in the Caption role it is drawn in, padded
    EXPECT_FLOAT_EQ(L.fade.bottom(), L.more_button.y);
    EXPECT_GT(L.fade.h, 0);
    for (const TextLine& l : L.lines) EXPECT_LE(l.rect.bottom(), L.more_button.y);
    const size_t all = non_empty_lines(s.caption, 328, FontRole::Caption) + non_empty_lines(s.text, 328, FontRole::Body);
    EXPECT_LT(L.lines.size(), all);
    EXPECT_GE(L.lines.size(), 3u);  // the 181 px panel shows more than the caption
    EXPECT_GT(L.full_height, in.height);
}

// Clipped text says so where it stops: the last visible line ends with "…", cut so that both fit.
TEST(Layout, TextCutOffAbovePanelsEndEndsWithAnEllipsis) {
    Slide s = long_slide();
    for (const Size& size : kSizes) {
        SCOPED_TRACE(size.name);
        Layout L = compute_layout(input_for(size.width, &s), kFont);
        ASSERT_TRUE(L.truncated);
        ASSERT_FALSE(L.lines.empty());
        const TextLine& last = L.lines.back();
        EXPECT_TRUE(last.ellipsis);
        EXPECT_EQ(ellipsized(L.lines), 1u) << "only the last visible line";
        const std::string shown = line_text(last, s);
        ASSERT_GT(shown.size(), kEllipsis.size());
        EXPECT_EQ(shown.substr(shown.size() - kEllipsis.size()), kEllipsis);
        EXPECT_NE(shown[shown.size() - kEllipsis.size() - 1], ' ');
        EXPECT_FLOAT_EQ(last.rect.w, kFont.width(shown, last.role));
        EXPECT_LE(last.rect.w, size.width - 2 * 16);
    }

    // Everything shown: no ellipsis, collapsed or expanded.
    Slide short_one = short_slide();
    EXPECT_EQ(ellipsized(compute_layout(input_for(360, &short_one), kFont).lines), 0u);
    LayoutInput in = input_for(360, &s);
    in.expanded = true;
    EXPECT_EQ(ellipsized(compute_layout(in, kFont).lines), 0u);

    // Fullscreen keeps two caption lines and has no More: the ellipsis is the only sign of the rest.
    in = input_for(360, &s);
    in.fullscreen = true;
    in.height = 640;
    Layout F = compute_layout(in, kFont);
    ASSERT_EQ(F.lines.size(), 2u);
    EXPECT_FALSE(F.lines[0].ellipsis);
    EXPECT_TRUE(F.lines[1].ellipsis);
    EXPECT_LE(F.lines[1].rect.w, 328);
    // A caption that fits whole is not clipped, though the body is not shown in fullscreen.
    in.slide = &short_one;
    EXPECT_EQ(ellipsized(compute_layout(in, kFont).lines), 0u);
}

TEST(Layout, ExpandedLaysOutEveryLineAndLess) {
    Slide s = long_slide();
    LayoutInput in = input_for(360, &s);
    const float collapsed_height = in.height;
    in.expanded = true;
    Layout L = compute_layout(in, kFont);
    const size_t all = non_empty_lines(s.caption, 328, FontRole::Caption) + non_empty_lines(s.text, 328, FontRole::Body);
    EXPECT_EQ(L.lines.size(), all);
    EXPECT_FALSE(L.truncated);
    EXPECT_EQ(L.more_label, "Less");
    ASSERT_FALSE(L.more_button.empty());
    EXPECT_FLOAT_EQ(L.more_button.y, L.lines.back().rect.bottom() + 4);
    EXPECT_GT(L.lines.back().rect.bottom(), collapsed_height);  // lines run below the box while it grows

    // Once the JS has grown the box to full_height, everything is inside it, exactly.
    in.height = L.full_height;
    Layout grown = compute_layout(in, kFont);
    EXPECT_FLOAT_EQ(grown.photo_area.h, 240);
    EXPECT_EQ(grown.lines.size(), all);
    for (const TextLine& l : grown.lines) EXPECT_TRUE(inside(l.rect, grown.panel));
    EXPECT_TRUE(inside(grown.more_button, grown.panel));
    EXPECT_FLOAT_EQ(grown.more_button.bottom() + 12, in.height);
    EXPECT_FLOAT_EQ(grown.full_height, L.full_height);  // stable: no feedback while growing
}

TEST(Layout, FullHeightOfShortTextFitsTheReservedBox) {
    Slide s = short_slide();
    LayoutInput in = input_for(768, &s);
    Layout L = compute_layout(in, kFont);
    // 512 photo + 32 dots + 12 + caption 24 + gap 12 + body 24 + 4 + Less 32 + 12
    EXPECT_FLOAT_EQ(L.full_height, 512 + 32 + 12 + 24 + 12 + 24 + 4 + 32 + 12);
    EXPECT_LE(L.full_height, in.height);
}

// [SECTION] header, short boxes, fullscreen ----------------------------------------------------------------

TEST(Layout, HeaderHoldsOneOrTwoTitleLines) {
    Slide s = short_slide();
    const std::string title = "Earthquake aftermath";
    LayoutInput in = input_for(1280, &s);
    in.show_header = true;
    in.title = &title;
    in.height = reserved_box_height(1280, 1.5f, 10, true, 1);
    Layout L = compute_layout(in, kFont);
    EXPECT_FLOAT_EQ(L.header.h, 12 + 28 + 12);
    EXPECT_FLOAT_EQ(L.photo_area.y, L.header.bottom());
    EXPECT_NEAR(L.photo_area.h, 1280 / 1.5f, 1e-3);
    ASSERT_EQ(L.title_lines.size(), 1u);
    EXPECT_EQ(L.title_lines[0].source, TextSource::Title);
    EXPECT_EQ(line_text(L.title_lines[0], s, &title), title);
    EXPECT_FALSE(L.title_lines[0].ellipsis);

    const std::string long_title =
        "Earthquake aftermath: rescuers race against time in the ruins of Antakya as the toll keeps rising";
    in.title = &long_title;
    in.width = 360;
    in.height = reserved_box_height(360, 1.5f, 10, true, 1);
    L = compute_layout(in, kFont);
    EXPECT_TRUE(L.title_truncated);
    EXPECT_FLOAT_EQ(L.header.h, 12 + 2 * 28 + 12);
    ASSERT_EQ(L.title_lines.size(), 2u);
    for (const TextLine& l : L.title_lines) {
        EXPECT_TRUE(inside(l.rect, L.header));
        EXPECT_LE(l.rect.w, 328);
        EXPECT_FLOAT_EQ(l.rect.w, kFont.width(line_text(l, s, &long_title), FontRole::Title));
    }
    // The title goes on past its two lines: the second ends with "…". It held 29 × 11 px; with the
    // ellipsis that is 330 > 328, so its last code point gives way.
    EXPECT_FALSE(L.title_lines[0].ellipsis);
    EXPECT_TRUE(L.title_lines[1].ellipsis);
    EXPECT_EQ(line_text(L.title_lines[1], s, &long_title), "rescuers race against time i…");

    in.show_header = false;
    EXPECT_TRUE(compute_layout(in, kFont).header.empty());
}

// The title is chrome: the same header for every slide, laid out apart from the slide's own lines, so
// the view draws it once per frame rather than once per visible slide.
TEST(Layout, TheTitleIsChromeApartFromTheSlideText) {
    const Slide slides[] = {short_slide(), long_slide()};
    const std::string title = "Earthquake aftermath";
    std::vector<Layout> layouts;
    for (int i = 0; i < 2; ++i) {
        LayoutInput in = input_for(768, &slides[i], i, 2);
        in.show_header = true;
        in.title = &title;
        in.height = reserved_box_height(768, 1.5f, 2, true, 1);
        layouts.push_back(compute_layout(in, kFont));
    }
    for (const Layout& L : layouts) {
        ASSERT_EQ(L.title_lines.size(), 1u);
        for (const TextLine& l : L.lines) EXPECT_NE(l.source, TextSource::Title);
        EXPECT_EQ(L.lines.front().source, TextSource::Caption);
    }
    EXPECT_FLOAT_EQ(layouts[0].header.h, layouts[1].header.h);
    EXPECT_FLOAT_EQ(layouts[0].title_lines[0].rect.y, layouts[1].title_lines[0].rect.y);
}

// A line's source is a scoped enum: comparing it with a bare 0/1/2 does not compile.
TEST(Layout, TextSourceIsAScopedEnum) {
    static_assert(std::is_enum_v<TextSource> && !std::is_convertible_v<TextSource, int>);
    static_assert(std::is_same_v<decltype(TextLine::source), TextSource>);
    EXPECT_EQ(TextLine{}.source, TextSource::Body);
}

TEST(Layout, ShortBoxShrinksThePhotoButKeepsAMinimumPanel) {
    Slide s = long_slide();
    LayoutInput in = input_for(740, &s);
    in.height = 360;  // a landscape phone: the natural photo (493 px) would fill the box
    Layout L = compute_layout(in, kFont);
    // max(0.7 × 360, 360 − 32 dots − (12 + 12 + 2 × 22.4)) = max(252, 259.2)
    EXPECT_FLOAT_EQ(L.photo_area.h, 259.2f);
    EXPECT_FLOAT_EQ(L.panel.h, 68.8f);
    EXPECT_TRUE(L.truncated);
    for (const TextLine& l : L.lines) EXPECT_TRUE(inside(l.rect, L.panel));

    in.height = 200;  // tiny: the fraction wins
    L = compute_layout(in, kFont);
    EXPECT_FLOAT_EQ(L.photo_area.h, 140);
}

TEST(Layout, FullscreenGivesThePhotoAllButACaptionStrip) {
    Slide s = long_slide();
    LayoutInput in = input_for(1280, &s);
    in.height = 720;
    in.fullscreen = true;
    Layout L = compute_layout(in, kFont);
    EXPECT_FLOAT_EQ(L.photo_area.h, 720 - (12 + 12 + 2 * 24));
    EXPECT_TRUE(L.dots.empty());
    EXPECT_TRUE(L.more_button.empty());
    EXPECT_TRUE(L.truncated);  // the body is not shown in fullscreen
    ASSERT_FALSE(L.lines.empty());
    for (const TextLine& l : L.lines) {
        EXPECT_EQ(l.source, TextSource::Caption);
        EXPECT_TRUE(inside(l.rect, L.panel));
    }
    EXPECT_FLOAT_EQ(L.full_height, 720);
}

TEST(Layout, DegenerateInputsGiveEmptyButSaneLayouts) {
    Slide s = long_slide();
    const float bad[] = {0, -100, std::nanf(""), INFINITY};
    for (float w : bad) {
        for (float h : bad) {
            LayoutInput in = input_for(360, &s);
            in.width = w;
            in.height = h;
            in.photo_aspect = w;
            in.image_aspect = h;
            in.font_scale = w;
            Layout L = compute_layout(in, kFont);
            EXPECT_GE(L.photo_area.h, 0);
            EXPECT_FALSE(std::isnan(L.photo_area.h));
            EXPECT_FALSE(std::isnan(L.full_height));
            EXPECT_TRUE(L.prev.empty());
            EXPECT_EQ(L.hit_test(0, 0), Hit::None);
        }
    }
}

// [SECTION] hit testing -----------------------------------------------------------------------------------

TEST(Layout, HitTestFindsEachControl) {
    Slide s = long_slide();
    for (const Size& size : kSizes) {
        SCOPED_TRACE(size.name);
        Layout L = compute_layout(input_for(size.width, &s), kFont);
        ASSERT_FALSE(L.more_button.empty()) << "the long body is truncated at every size";
        EXPECT_EQ(L.hit_test(cx(L.prev), cy(L.prev)), Hit::Prev);
        EXPECT_EQ(L.hit_test(cx(L.next), cy(L.next)), Hit::Next);
        EXPECT_EQ(L.hit_test(cx(L.fullscreen_button), cy(L.fullscreen_button)), Hit::Fullscreen);
        EXPECT_EQ(L.hit_test(cx(L.more_button), cy(L.more_button)), Hit::More);
        int dot = -1;
        EXPECT_EQ(L.hit_test(cx(L.dots[3]), cy(L.dots[3]), &dot), Hit::Dot);
        EXPECT_EQ(dot, 3);
        // The dot target is wider than the 8 px dot: its edge still hits.
        dot = -1;
        EXPECT_EQ(L.hit_test(L.dots[7].x + 1, L.dots[7].y + 1, &dot), Hit::Dot);
        EXPECT_EQ(dot, 7);
        EXPECT_EQ(L.hit_test(cx(L.photo_area), cy(L.photo_area)), Hit::Photo);
        EXPECT_EQ(L.hit_test(cx(L.counter), cy(L.counter)), Hit::Photo);  // the counter is not a control
        EXPECT_EQ(L.hit_test(cx(L.lines[0].rect), cy(L.lines[0].rect)), Hit::None);
        EXPECT_EQ(L.hit_test(-1, 10), Hit::None);
        EXPECT_EQ(L.hit_test(size.width, 10), Hit::None);  // half-open: the right edge is outside
    }
}

TEST(Layout, RectContainsIsHalfOpen) {
    const Rect r{10, 20, 30, 40};
    EXPECT_TRUE(r.contains(10, 20));
    EXPECT_TRUE(r.contains(39.9f, 59.9f));
    EXPECT_FALSE(r.contains(40, 30));
    EXPECT_FALSE(r.contains(20, 60));
    EXPECT_FALSE(r.contains(9.9f, 30));
    EXPECT_FALSE(Rect{}.contains(0, 0));  // an absent control hits nothing
}

}  // namespace

// A right-to-left gallery is the left-to-right one mirrored, as Swiper and Splide do it.
TEST(Layout, RightToLeftMirrorsEveryPartButNotThePhoto) {
    FakeMonospace m;
    const Slide s = long_slide();
    LayoutInput in = input_for(360, &s);
    const Layout ltr = compute_layout(in, m);
    in.rtl = true;
    const Layout rtl = compute_layout(in, m);
    const auto mirrored = [](const Rect& a, const Rect& b) {
        return std::abs(b.x - (360 - a.x - a.w)) < 0.01f && a.y == b.y && a.w == b.w && a.h == b.h;
    };
    EXPECT_TRUE(mirrored(ltr.counter, rtl.counter));
    EXPECT_GT(rtl.counter.x, 180) << "the counter is top-right";
    EXPECT_LT(rtl.credit_scrim.x, 180) << "the credit is bottom-left";
    EXPECT_LT(rtl.fullscreen_button.x, 180) << "full screen is top-left";
    EXPECT_GT(rtl.prev.x, rtl.next.x) << "Previous on the right, Next on the left";
    ASSERT_EQ(rtl.dots.size(), ltr.dots.size());
    EXPECT_GT(rtl.dots.front().x, rtl.dots.back().x) << "slide 1's dot is the rightmost";
    EXPECT_LT(rtl.more_button.x, 180) << "More at the bottom-left";
    // Text is aligned right: each line ends at the right padding (same lines, same widths).
    ASSERT_EQ(rtl.lines.size(), ltr.lines.size());
    for (size_t i = 0; i < rtl.lines.size(); ++i) {
        EXPECT_EQ(rtl.lines[i].begin, ltr.lines[i].begin);
        EXPECT_EQ(rtl.lines[i].end, ltr.lines[i].end);
        if (rtl.lines[i].rect.w > 0) EXPECT_NEAR(rtl.lines[i].rect.right(), 360 - layout::kPanelPadX, 0.01f);
    }
    // Hits follow the drawn controls.
    EXPECT_EQ(rtl.hit_test(cx(rtl.next), cy(rtl.next)), Hit::Next);
    int dot = -1;
    EXPECT_EQ(rtl.hit_test(cx(rtl.dots.front()), cy(rtl.dots.front()), &dot), Hit::Dot);
    EXPECT_EQ(dot, 0);
}
