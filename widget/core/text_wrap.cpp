// text_wrap.cpp — greedy word wrap and the ellipsis cut (see text_wrap.h for the rules).
#include "core/text_wrap.h"

#include <string>

namespace wg {

size_t next_code_point(std::string_view s, size_t i) {
    ++i;
    // Skip UTF-8 continuation bytes (10xxxxxx) so a break never lands inside a code point.
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

namespace {

// Byte index of the code point before the one starting at i (0 < i <= s.size()).
size_t prev_code_point(std::string_view s, size_t i) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

struct Wrapper {
    std::string_view text;
    float max_width;
    FontRole role;
    const TextMeasure& m;
    std::vector<WrappedLine>& out;

    // "<=" is false against NaN, so a NaN max_width fits nothing (each line then gets one code point)
    // instead of everything.
    bool fits(size_t begin, size_t end) const {
        return m.width(text.substr(begin, end - begin), role) <= max_width;
    }

    // Wraps one source line [s, e) that holds no '\n'.
    void source_line(size_t s, size_t e) {
        const size_t first_out = out.size();
        size_t line_begin = s;  // start of the line being filled (leading spaces of a source line are kept)
        size_t line_end = s;    // end of its last word that fits
        bool has_word = false;
        size_t p = s;
        for (;;) {
            size_t ws = p;
            while (ws < e && text[ws] == ' ') ++ws;
            if (ws == e) break;
            // After a break the next line starts at its first word: break spaces belong to no line.
            if (!has_word && out.size() > first_out) line_begin = ws;
            size_t we = ws;
            while (we < e && text[we] != ' ') ++we;

            if (fits(line_begin, we)) {
                line_end = we;
                has_word = true;
                p = we;
            } else if (has_word) {
                // Close the line before this word; the word starts the next line.
                out.push_back({line_begin, line_end});
                p = ws;
                has_word = false;
            } else if (line_begin < ws) {
                line_begin = ws;  // the paragraph's leading spaces are the first thing to give up
            } else {
                // The word alone is too wide: take the longest
                // prefix of whole code points that fits, but at least one so the loop always advances.
                size_t cut = next_code_point(text, line_begin);
                while (cut < we) {
                    size_t n = next_code_point(text, cut);
                    if (!fits(line_begin, n)) break;
                    cut = n;
                }
                out.push_back({line_begin, cut});
                p = cut;
                has_word = false;
            }
        }
        if (has_word) out.push_back({line_begin, line_end});
        if (out.size() == first_out) out.push_back({s, s});  // empty or all-space source line
    }
};

}  // namespace

std::vector<WrappedLine> wrap_text(std::string_view text, float max_width, FontRole role, const TextMeasure& m) {
    std::vector<WrappedLine> out;
    Wrapper w{text, max_width, role, m, out};
    size_t s = 0;
    while (s < text.size()) {
        size_t nl = text.find('\n', s);
        size_t e = nl == std::string_view::npos ? text.size() : nl;
        size_t content_end = (e > s && text[e - 1] == '\r') ? e - 1 : e;
        w.source_line(s, content_end);
        if (nl == std::string_view::npos) break;
        s = nl + 1;  // a final '\n' ends the loop here: it adds no empty line
    }
    return out;
}

size_t ellipsis_cut(std::string_view line, float max_width, FontRole role, const TextMeasure& m) {
    // From the end: a line that already fit loses only a few code points to make room.
    std::string candidate;
    size_t end = line.size();
    for (;;) {
        while (end > 0 && line[end - 1] == ' ') --end;
        candidate.assign(line.substr(0, end)).append(kEllipsis);
        if (end == 0 || m.width(candidate, role) <= max_width) return end;
        end = prev_code_point(line, end);
    }
}

}  // namespace wg
