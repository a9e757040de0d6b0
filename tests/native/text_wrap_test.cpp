// text_wrap_test.cpp — wrap_text against a fake font where every code point is 1 px wide, so widths
// in the cases below read as character counts.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "core/text_wrap.h"

namespace {

using wg::FontRole;

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

struct OnePxPerCodePoint : wg::TextMeasure {
    float width(std::string_view s, FontRole) const override { return static_cast<float>(code_points(s)); }
    float line_height(FontRole) const override { return 1; }
};

std::vector<std::string> wrap(std::string_view text, float max_width) {
    OnePxPerCodePoint m;
    std::vector<std::string> out;
    for (const wg::WrappedLine& l : wg::wrap_text(text, max_width, FontRole::Body, m)) {
        EXPECT_LE(l.begin, l.end);
        EXPECT_LE(l.end, text.size());
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    }
    return out;
}

struct WrapCase {
    const char* name;
    const char* text;
    float width;
    std::vector<std::string> lines;
};

const WrapCase kCases[] = {
    {"empty text", "", 10, {}},
    {"fits on one line", "hello world", 20, {"hello world"}},
    {"exact fit", "hello world", 11, {"hello world"}},
    {"breaks at the space", "hello world", 10, {"hello", "world"}},
    {"several spaces at a break", "hello   world", 11, {"hello", "world"}},
    {"greedy fill", "a b c d e", 3, {"a b", "c d", "e"}},
    {"trailing spaces not counted", "abc   ", 3, {"abc"}},
    {"trailing spaces after words", "abc def   ", 7, {"abc def"}},
    {"long word broken", "abcdefghij", 4, {"abcd", "efgh", "ij"}},
    {"long word after a short one", "ab cdefghij", 4, {"ab", "cdef", "ghij"}},
    {"newline forces a break", "one\ntwo", 10, {"one", "two"}},
    {"blank line is an empty line", "one\n\ntwo", 10, {"one", "", "two"}},
    {"CRLF", "one\r\n\r\ntwo", 10, {"one", "", "two"}},
    {"final newline adds nothing", "one\n", 10, {"one"}},
    {"space-only line is empty", "a\n   \nb", 10, {"a", "", "b"}},
    {"leading spaces of a paragraph kept", "  ab", 10, {"  ab"}},
    {"leading spaces dropped when they don't fit", "   abc", 2, {"ab", "c"}},
    {"Cyrillic word broken by code points", "Привет мир", 4, {"Прив", "ет", "мир"}},
    {"Cyrillic fits", "Привет мир", 10, {"Привет мир"}},
    {"4-byte emoji never split", "😀😀😀", 2, {"😀😀", "😀"}},
    {"zero width: one code point per line", "ab cd", 0, {"a", "b", "c", "d"}},
    {"negative width: one code point per line", "жё", -5, {"ж", "ё"}},
};

class WrapTable : public ::testing::TestWithParam<WrapCase> {};

TEST_P(WrapTable, Lines) {
    const WrapCase& c = GetParam();
    EXPECT_EQ(wrap(c.text, c.width), c.lines) << c.name;
}

INSTANTIATE_TEST_SUITE_P(TextWrap, WrapTable, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<WrapCase>& i) {
                             std::string n = i.param.name;
                             for (char& ch : n)
                                 if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return n;
                         });

TEST(TextWrap, NanWidthTerminatesWithOneCodePointPerLine) {
    EXPECT_EQ(wrap("ab", std::nanf("")), (std::vector<std::string>{"a", "b"}));
}

// Property over many widths: breaks land on code-point boundaries, lines fit unless they hold a single
// code point, and no non-space character is lost or duplicated.
TEST(TextWrap, MultibyteTextAtEveryWidthKeepsCodePointsWhole) {
    const std::string text =
        "Съешь же ещё этих мягких французских булок, да выпей чаю.\n\nΓαζέες καὶ μυρτιὲς δὲν θὰ βρῶ 😀 "
        "Pchnąć w tę łódź jeża lub ośm skrzyń fig. Sehrlangeswortohneleerzeichenmitümlauten";
    OnePxPerCodePoint m;
    std::string non_space;
    for (char c : text)
        if (c != ' ' && c != '\n') non_space += c;
    for (int w = -1; w <= 40; ++w) {
        std::string joined;
        for (const wg::WrappedLine& l : wg::wrap_text(text, static_cast<float>(w), FontRole::Body, m)) {
            std::string_view line(text.data() + l.begin, l.end - l.begin);
            if (l.begin < text.size()) {
                EXPECT_NE(static_cast<unsigned char>(text[l.begin]) & 0xC0, 0x80) << w;
            }
            if (l.end < text.size()) {
                EXPECT_NE(static_cast<unsigned char>(text[l.end]) & 0xC0, 0x80) << w;
            }
            if (code_points(line) > 1) {
                EXPECT_LE(m.width(line, FontRole::Body), w) << line;
            }
            EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing space in '" << line << "'";
            for (char c : line)
                if (c != ' ') joined += c;
        }
        EXPECT_EQ(joined, non_space) << "width " << w;
    }
}

TEST(TextWrap, RangesPointIntoTheSourceWithoutCopies) {
    const std::string text = "alpha beta\n\ngamma";
    OnePxPerCodePoint m;
    auto lines = wg::wrap_text(text, 5, FontRole::Body, m);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].begin, 0u);
    EXPECT_EQ(lines[0].end, 5u);
    EXPECT_EQ(lines[1].begin, 6u);
    EXPECT_EQ(lines[1].end, 10u);
    EXPECT_EQ(lines[2].begin, lines[2].end);  // the paragraph gap
    EXPECT_EQ(lines[3].begin, 12u);
    EXPECT_EQ(lines[3].end, 17u);
}

TEST(TextWrap, MalformedUtf8StillTerminates) {
    const std::string text = "\x80\x80\x80 \xC3 abc \xF0\x9F";  // stray continuations, truncated sequences
    OnePxPerCodePoint m;
    auto lines = wg::wrap_text(text, 1, FontRole::Body, m);
    EXPECT_FALSE(lines.empty());
    EXPECT_LE(lines.size(), text.size());
}

// What a clipped line keeps before its "…", with the same 1 px per code point measure.
std::string ellipsis_keep(std::string_view line, float max_width) {
    OnePxPerCodePoint m;
    const size_t keep = wg::ellipsis_cut(line, max_width, FontRole::Body, m);
    EXPECT_LE(keep, line.size());
    if (keep > 0) {
        EXPECT_LE(m.width(std::string(line.substr(0, keep)) + std::string(wg::kEllipsis), FontRole::Body), max_width)
            << line;
    }
    return std::string(line.substr(0, keep));
}

TEST(TextWrap, EllipsisCutKeepsWhatFitsWithTheEllipsis) {
    EXPECT_EQ(wg::kEllipsis, "\u2026");
    EXPECT_EQ(ellipsis_keep("abc", 5), "abc");      // room to spare: nothing given up
    EXPECT_EQ(ellipsis_keep("abcde", 5), "abcd");   // a full line gives up its last code point
    EXPECT_EQ(ellipsis_keep("abcde", 3), "ab");
    EXPECT_EQ(ellipsis_keep("ab cd", 4), "ab");     // "ab…", not "ab …"
    EXPECT_EQ(ellipsis_keep("ab   ", 9), "ab");     // trailing spaces never precede it
    EXPECT_EQ(ellipsis_keep("жёжё", 3), "жё");      // cut between code points, never inside one
    EXPECT_EQ(ellipsis_keep("😀😀😀", 2), "😀");
    EXPECT_EQ(ellipsis_keep("abc", 1), "");         // only the ellipsis is left
    EXPECT_EQ(ellipsis_keep("abc", 0), "");         // ...even when it alone does not fit
    EXPECT_EQ(ellipsis_keep("abc", std::nanf("")), "");
    EXPECT_EQ(ellipsis_keep("", 5), "");
    EXPECT_EQ(ellipsis_keep("\x80\x80\x80", 0), "");  // stray continuation bytes: still terminates
}

// A fake of the browser's segmenter: every code point of a CJK-like text is a break opportunity except
// before "。" (a line never starts with it); "|" marks where a grapheme cluster may end (the fake's
// clusters: "e" + U+0301 combining acute stays one).
struct SegmentedFake : OnePxPerCodePoint {
    void segment(std::string_view line, std::vector<size_t>& breaks, std::vector<size_t>& graphemes) const override {
        for (size_t i = wg::next_code_point(line, 0); i < line.size(); i = wg::next_code_point(line, i)) {
            const bool mark = line.substr(i, 2) == "\xCC\x81";  // U+0301 joins the cluster before it
            const bool stop = line.substr(i, 3) == "\xE3\x80\x82";  // 。
            if (!mark) graphemes.push_back(i);
            if (!mark && !stop && line[i] != ' ') breaks.push_back(i);
        }
    }
};

std::vector<std::string> wrap_segmented(std::string_view text, float max_width) {
    SegmentedFake m;
    std::vector<std::string> out;
    for (const wg::WrappedLine& l : wg::wrap_text(text, max_width, FontRole::Body, m))
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

TEST(TextWrap, BreaksWhereTheSegmenterSaysWithoutSpaces) {
    // Chinese has no spaces: lines break between characters, and "。" never starts a line.
    EXPECT_EQ(wrap_segmented("北京天安门广场。", 3), (std::vector<std::string>{"北京天", "安门广", "场。"}));
    EXPECT_EQ(wrap_segmented("北京天安门。", 5), (std::vector<std::string>{"北京天安", "门。"}));
}

TEST(TextWrap, ALongWordIsCutBetweenGraphemeClustersNeverInsideOne) {
    // "é" written as e + U+0301 is one cluster of two code points (2 px in the fake).
    const std::string cafe = "cafe\xCC\x81";
    for (float w : {1.f, 2.f, 3.f, 4.f}) {
        for (const std::string& line : wrap_segmented(cafe, w)) {
            EXPECT_NE(line.substr(0, 2), "\xCC\x81") << "a line starts inside a cluster at width " << w;
        }
    }
    EXPECT_EQ(wrap_segmented(cafe, 4), (std::vector<std::string>{"caf", cafe.substr(3)}));
}

TEST(TextWrap, TheEllipsisCutKeepsClustersWhole) {
    SegmentedFake m;
    const std::string cafe = "cafe\xCC\x81s";
    EXPECT_EQ(wg::ellipsis_cut(cafe, 5, FontRole::Body, m), 3u) << "not between e and its accent";
}

TEST(TextWrap, AParagraphsDirectionIsItsFirstStrongCharacters) {
    EXPECT_TRUE(wg::paragraph_is_rtl("في الصورة: AFP 2024", false));
    EXPECT_TRUE(wg::paragraph_is_rtl("«2024» מגדל", false)) << "digits and quotes are skipped";
    EXPECT_TRUE(wg::paragraph_is_rtl("١٢٣ عکس", false)) << "Arabic-Indic digits are not letters";
    EXPECT_FALSE(wg::paragraph_is_rtl("AFP: في الصورة", true));
    EXPECT_FALSE(wg::paragraph_is_rtl("北京。", true));
    EXPECT_FALSE(wg::paragraph_is_rtl("Ελληνικά", true));
    EXPECT_FALSE(wg::paragraph_is_rtl("😀 तस्वीर", true));
    EXPECT_TRUE(wg::paragraph_is_rtl("2024 — 😀", true)) << "no letter: the gallery's direction";
    EXPECT_FALSE(wg::paragraph_is_rtl("", false));
}

TEST(TextWrap, NextCodePointSkipsContinuationBytes) {
    const std::string s = "aж😀b";
    EXPECT_EQ(wg::next_code_point(s, 0), 1u);
    EXPECT_EQ(wg::next_code_point(s, 1), 3u);
    EXPECT_EQ(wg::next_code_point(s, 3), 7u);
    EXPECT_EQ(wg::next_code_point(s, 7), 8u);
}

}  // namespace
