// text_wrap.h — greedy word wrap of UTF-8 text against an abstract text measure, and where clipped
// text is cut to end with "…".
// Pure: it never draws or owns fonts; the render layer measures with ImGui, tests with a fake monospace font.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace wg {

// What a run of text is used for; the render layer maps each role to a font and size.
enum class FontRole { Body, Caption, Small, Title, Counter };

// Measures text in CSS px and says where it may break. Implementations must be monotonic (a longer
// prefix is never narrower), which the greedy wrap relies on. The browser's implementation measures
// with its text engine (shaping, kerning) and segments with Intl.Segmenter; the default segment() is
// for tests and plain Latin text.
struct TextMeasure {
    virtual ~TextMeasure() = default;
    virtual float width(std::string_view utf8, FontRole role) const = 0;  // CSS px
    virtual float line_height(FontRole role) const = 0;                   // CSS px
    // Of one source line (no '\n'), ascending byte offsets in (0, size):
    // - `breaks`: line-break opportunities: a line may end before such an offset (its trailing spaces
    //   dropped) and the next begin there;
    // - `graphemes`: grapheme cluster boundaries, where a word too long for a line may be cut.
    // Default: an opportunity after every run of spaces, a boundary at every code point.
    virtual void segment(std::string_view line, std::vector<size_t>& breaks, std::vector<size_t>& graphemes) const;
};

// One output line: a byte range into the source string (no copies). begin == end is an empty line.
struct WrappedLine {
    size_t begin = 0, end = 0;
};

// Greedy line breaking, measuring whole candidate lines (never sums of word widths: kerning and
// shaping change widths):
// - breaks at the measure's break opportunities (spaces; between words of scripts written without
//   spaces); the spaces at a break belong to no line, and trailing spaces are not measured;
// - a word wider than max_width is cut between grapheme clusters, never inside one; every line holds
//   at least one cluster, so a zero, negative or NaN max_width yields one cluster per line
//   (it always terminates);
// - "\n" forces a break ("\r\n" too); an empty source line ("\n\n") yields an empty line, which the layout
//   reads as a paragraph gap; a final "\n" ends the last line without adding an empty one;
// - empty text yields no lines.
std::vector<WrappedLine> wrap_text(std::string_view text, float max_width, FontRole role, const TextMeasure& m);

// What clipped text ends with (U+2026), measured and drawn as part of its line.
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// How many leading bytes of `line` to keep so that they and kEllipsis fit in max_width together,
// measured as one string: cut between grapheme clusters, with the spaces before the cut dropped ("word…",
// never "word …"). 0 when nothing but the ellipsis is left, even if it alone is wider than max_width.
size_t ellipsis_cut(std::string_view line, float max_width, FontRole role, const TextMeasure& m);

// The base direction of a paragraph as HTML's dir="auto" finds it: right to left if its first strongly
// directional character is of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, …),
// left to right if it is any other letter; `otherwise` when it has no letter (digits, punctuation).
// So an English caption in an Arabic gallery keeps its full stop at its end, and the reverse.
bool paragraph_is_rtl(std::string_view utf8, bool otherwise);

// Byte index of the code point after the one starting at i (i < s.size()). Malformed UTF-8 still advances
// by at least one byte, so loops built on it always terminate.
size_t next_code_point(std::string_view s, size_t i);

}  // namespace wg
