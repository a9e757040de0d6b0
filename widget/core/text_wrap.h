// text_wrap.h — greedy word wrap of UTF-8 text against an abstract text measure.
// Pure: it never draws or owns fonts; the render layer measures with ImGui, tests with a fake monospace font.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace wg {

// What a run of text is used for; the render layer maps each role to a font and size.
enum class FontRole { Body, Caption, Small, Title, Counter };

// Measures text in CSS px. Implementations must be monotonic (a longer prefix is never narrower),
// which the greedy wrap relies on.
struct TextMeasure {
    virtual ~TextMeasure() = default;
    virtual float width(std::string_view utf8, FontRole role) const = 0;  // CSS px
    virtual float line_height(FontRole role) const = 0;                   // CSS px
};

// One output line: a byte range into the source string (no copies). begin == end is an empty line.
struct WrappedLine {
    size_t begin = 0, end = 0;
};

// Greedy word wrap:
// - breaks at spaces; the spaces at a break belong to no line, and trailing spaces are not measured;
// - a word wider than max_width is broken between UTF-8 code points, never inside one; every line holds
//   at least one code point, so a zero, negative or NaN max_width yields one code point per line
//   (it always terminates);
// - "\n" forces a break ("\r\n" too); an empty source line ("\n\n") yields an empty line, which the layout
//   reads as a paragraph gap; a final "\n" ends the last line without adding an empty one;
// - empty text yields no lines.
std::vector<WrappedLine> wrap_text(std::string_view text, float max_width, FontRole role, const TextMeasure& m);

// Byte index of the code point after the one starting at i (i < s.size()). Malformed UTF-8 still advances
// by at least one byte, so loops built on it always terminate.
size_t next_code_point(std::string_view s, size_t i);

}  // namespace wg
