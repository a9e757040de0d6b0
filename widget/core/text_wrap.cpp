// text_wrap.cpp — greedy word wrap and the ellipsis cut (see text_wrap.h for the rules).
#include "core/text_wrap.h"

#include <algorithm>
#include <string>

namespace wg {

size_t next_code_point(std::string_view s, size_t i) {
    ++i;
    // Skip UTF-8 continuation bytes (10xxxxxx) so a break never lands inside a code point.
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

namespace {

// The code point at i (malformed: the byte itself, never past the end).
char32_t code_point_at(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return k < s.size() ? char32_t(static_cast<unsigned char>(s[k]) & 0x3F) : 0; };
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return c;
    if (c >= 0xF0) return (char32_t(c & 0x07) << 18) | (b(i + 1) << 12) | (b(i + 2) << 6) | b(i + 3);
    if (c >= 0xE0) return (char32_t(c & 0x0F) << 12) | (b(i + 1) << 6) | b(i + 2);
    if (c >= 0xC0) return (char32_t(c & 0x1F) << 6) | b(i + 1);
    return c;
}

// Right-to-left scripts' blocks (Hebrew to NKo and Samaritan/Mandaic/Arabic Extended, the Hebrew and
// Arabic presentation forms, and the historic RTL scripts of plane 1).
bool rtl_letter(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

// Not a letter of any script: digits, spaces, punctuation, symbols, marks, emoji (weak or neutral).
bool neutral(char32_t c) {
    if (c < 0x80) return !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return (c >= 0x0080 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 || (c >= 0x0300 && c <= 0x036F) ||
           (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFF00 && c <= 0xFF20) || (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0xE0000);
}

struct Wrapper {
    std::string_view text;
    float max_width;
    FontRole role;
    const TextMeasure& m;
    std::vector<WrappedLine>& out;
    std::vector<size_t> breaks, graphemes;  // of the source line being wrapped, absolute offsets

    // "<=" is false against NaN, so a NaN max_width fits nothing (each line then gets one cluster)
    // instead of everything.
    bool fits(size_t begin, size_t end) const {
        return m.width(text.substr(begin, end - begin), role) <= max_width;
    }
    // End of [begin, end) without its trailing spaces.
    size_t trim_end(size_t begin, size_t end) const {
        while (end > begin && text[end - 1] == ' ') --end;
        return end;
    }

    // Wraps one source line [s, e) that holds no '\n'.
    void source_line(size_t s, size_t e) {
        const size_t first_out = out.size();
        breaks.clear();
        graphemes.clear();
        m.segment(text.substr(s, e - s), breaks, graphemes);
        for (size_t& b : breaks) b += s;
        for (size_t& g : graphemes) g += s;
        size_t begin = s;  // the paragraph's leading spaces are kept on its first line while they fit
        size_t bi = 0;     // first opportunity after `begin`
        for (;;) {
            if (out.size() > first_out)  // after a break the next line starts at its first word
                while (begin < e && text[begin] == ' ') ++begin;
            while (bi < breaks.size() && breaks[bi] <= begin) ++bi;
            const size_t rest = trim_end(begin, e);
            if (rest == begin) break;  // nothing but spaces left
            if (fits(begin, rest)) {
                out.push_back({begin, rest});
                break;
            }
            // The last opportunity whose line fits (widths grow with the line: stop at the first miss).
            size_t best = 0;
            for (size_t k = bi; k < breaks.size(); ++k) {
                const size_t end = trim_end(begin, breaks[k]);
                if (end == begin) continue;  // only leading spaces so far
                if (!fits(begin, end)) break;
                best = breaks[k];
            }
            if (best) {
                out.push_back({begin, trim_end(begin, best)});
                begin = best;
                continue;
            }
            if (text[begin] == ' ') {  // the paragraph's leading spaces are the first thing to give up
                while (begin < e && text[begin] == ' ') ++begin;
                continue;
            }
            // The first word alone is too wide: the longest run of whole clusters that fits, at least one.
            const size_t word_end = bi < breaks.size() ? trim_end(begin, breaks[bi]) : rest;
            size_t gi = 0;
            while (gi < graphemes.size() && graphemes[gi] <= begin) ++gi;
            size_t cut = gi < graphemes.size() ? std::min(graphemes[gi], word_end) : word_end;
            for (size_t k = gi + 1; k < graphemes.size() && graphemes[k] <= word_end; ++k) {
                if (!fits(begin, graphemes[k])) break;
                cut = graphemes[k];
            }
            out.push_back({begin, cut});
            begin = cut;
        }
        if (out.size() == first_out) out.push_back({s, s});  // empty or all-space source line
    }
};

}  // namespace

std::vector<WrappedLine> wrap_text(std::string_view text, float max_width, FontRole role, const TextMeasure& m) {
    std::vector<WrappedLine> out;
    Wrapper w{text, max_width, role, m, out, {}, {}};
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

bool paragraph_is_rtl(std::string_view utf8, bool otherwise) {
    for (size_t i = 0; i < utf8.size(); i = next_code_point(utf8, i)) {
        const char32_t c = code_point_at(utf8, i);
        if (rtl_letter(c)) {
            // Arabic-Indic digits and the Arabic comma and stops are weak or neutral, not letters.
            if ((c >= 0x0660 && c <= 0x066C) || (c >= 0x06F0 && c <= 0x06F9) || c == 0x060C || c == 0x061F) continue;
            return true;
        }
        if (!neutral(c)) return false;
    }
    return otherwise;
}

void TextMeasure::segment(std::string_view line, std::vector<size_t>& breaks, std::vector<size_t>& graphemes) const {
    for (size_t i = 1; i < line.size(); ++i)
        if (line[i - 1] == ' ' && line[i] != ' ') breaks.push_back(i);
    for (size_t i = next_code_point(line, 0); i < line.size(); i = next_code_point(line, i)) graphemes.push_back(i);
}

size_t ellipsis_cut(std::string_view line, float max_width, FontRole role, const TextMeasure& m) {
    // From the end: a line that already fit loses only a few clusters to make room.
    std::vector<size_t> breaks, graphemes;
    m.segment(line, breaks, graphemes);
    std::string candidate;
    size_t end = line.size();
    size_t gi = graphemes.size();
    for (;;) {
        while (end > 0 && line[end - 1] == ' ') --end;
        candidate.assign(line.substr(0, end)).append(kEllipsis);
        if (end == 0 || m.width(candidate, role) <= max_width) return end;
        while (gi > 0 && graphemes[gi - 1] >= end) --gi;  // the last cluster boundary before `end`
        end = gi > 0 ? graphemes[--gi] : 0;
    }
}

}  // namespace wg
