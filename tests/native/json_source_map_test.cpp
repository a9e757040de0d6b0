// json_source_map_test.cpp — positions in JSON text: UTF-8 checks, line:column, token starts, pointers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/json_source_map.h"

namespace {

namespace js = wg::json_source;

struct Utf8Case {
    const char* name;
    std::string text;
    std::size_t bad;  // js::npos = valid
};
std::ostream& operator<<(std::ostream& os, const Utf8Case& c) { return os << c.name; }

const Utf8Case kUtf8[] = {
    {"ascii", "plain", js::npos},
    {"cyrillic_arabic_hebrew_emoji", "Жж سلام שלום \xF0\x9F\x98\x80", js::npos},
    {"max_code_point", "\xF4\x8F\xBF\xBF", js::npos},
    {"above_max", "a\xF4\x90\x80\x80", 1},
    {"stray_continuation", "ab\x80", 2},
    {"overlong_slash", "\xC0\xAF", 0},
    {"overlong_three_byte", "\xE0\x80\xAF", 0},
    {"surrogate", "x\xED\xA0\x80", 1},
    {"truncated_two", "x\xD0", 1},
    {"truncated_four", "\xF0\x9F\x98", 0},
    {"lead_f5", "\xF5\x80\x80\x80", 0},
    {"bad_second_continuation", "\xE2\x82(", 0},
};

class Utf8 : public ::testing::TestWithParam<Utf8Case> {};
TEST_P(Utf8, FirstBadByte) { EXPECT_EQ(js::find_invalid_utf8(GetParam().text), GetParam().bad); }
INSTANTIATE_TEST_SUITE_P(Table, Utf8, ::testing::ValuesIn(kUtf8),
                         [](const ::testing::TestParamInfo<Utf8Case>& i) { return std::string(i.param.name); });

TEST(Positions, LinesEndAtLfCrlfOrLoneCr) {
    const std::string t = "a\nb\r\nc\rd";
    auto p = js::positions_of(t, {0, 2, 3, 5, 7, 100});
    EXPECT_EQ(p[0].line, 1);
    EXPECT_EQ(p[1].line, 2);  // b
    EXPECT_EQ(p[2].line, 2);  // the \r of \r\n still belongs to line 2 ...
    EXPECT_EQ(p[2].column, 2);
    EXPECT_EQ(p[3].line, 3);  // c
    EXPECT_EQ(p[3].column, 1);
    EXPECT_EQ(p[4].line, 4);  // d after a lone \r
    EXPECT_EQ(p[5].line, 4);  // past the end → the end
    EXPECT_EQ(p[5].column, 2);
}

TEST(Positions, ColumnsCountUtf16Units) {
    const std::string t = "Ж\xF0\x9F\x98\x80x";  // 2-byte, 4-byte (2 units), 1-byte
    EXPECT_EQ(js::position_of(t, 2).column, 2);
    EXPECT_EQ(js::position_of(t, 6).column, 4);
}

TEST(Positions, UnsortedOffsetsKeepTheirOrder) {
    auto p = js::positions_of("ab\ncd", {4, 0, 3});
    EXPECT_EQ(p[0].line, 2);
    EXPECT_EQ(p[0].column, 2);
    EXPECT_EQ(p[1].column, 1);
    EXPECT_EQ(p[2].line, 2);
}

TEST(TokenStart, FindsTheTokenTheParserStoppedAfter) {
    const std::string t = R"({"a": "x\"y" 12.5e3 true ])";
    EXPECT_EQ(js::token_start_before(t, t.find("12.5e3") + 6), t.find("12.5e3"));
    EXPECT_EQ(js::token_start_before(t, t.find("true") + 4), t.find("true"));
    EXPECT_EQ(js::token_start_before(t, t.find(" 12") ), t.find("\"x"));  // escaped quote stays inside
    EXPECT_EQ(js::token_start_before(t, t.size()), t.size() - 1);
    EXPECT_EQ(js::token_start_before("   ", 3), 3u);
}

TEST(Nesting, FirstContainerPastTheLimit) {
    EXPECT_EQ(js::find_nesting_overflow("[[[]]]", 3), js::npos);
    EXPECT_EQ(js::find_nesting_overflow("[[[[]]]]", 3), 3u);
    EXPECT_EQ(js::find_nesting_overflow(R"(["[[[[", {"a": [[1]]}])", 3), 16u);  // brackets in strings don't count
    EXPECT_EQ(js::find_nesting_overflow("[][][][]", 1), js::npos);
}

TEST(Pointers, EscapesPerRfc6901) {
    EXPECT_EQ(js::pointer_token("a/b~c"), "a~1b~0c");
    EXPECT_EQ(js::pointer_token("plain"), "plain");
}

TEST(Pointers, LocatesKeysAndValues) {
    const std::string t = "{\n  \"slides\": [\n    {\"image\": \"a.jpg\"},\n    {\"capt\\u0069on\": 5, \"a/b\": [1, {\"deep\": 0}]}\n  ],\n  \"x\": 1, \"x\": 2\n}";
    std::vector<std::string> ptrs = {"", "/slides", "/slides/0", "/slides/0/image", "/slides/1/caption",
                                     "/slides/1/a~1b", "/slides/1/a~1b/1/deep", "/x", "/missing", "/slides/7"};
    auto loc = js::locate_pointers(t, ptrs);
    EXPECT_EQ(loc[0].value, 0u);
    EXPECT_EQ(loc[0].key, js::npos);
    EXPECT_EQ(loc[1].key, t.find("\"slides\""));
    EXPECT_EQ(loc[1].value, t.find('['));
    EXPECT_EQ(loc[2].value, t.find("{\"image"));
    EXPECT_EQ(loc[3].value, t.find("\"a.jpg"));
    EXPECT_EQ(loc[4].key, t.find("\"capt\\u0069on"));  // keys are compared decoded
    EXPECT_EQ(loc[4].value, t.find("5,"));
    EXPECT_EQ(loc[5].value, t.find("[1,"));
    EXPECT_EQ(loc[6].key, t.find("\"deep"));
    EXPECT_EQ(loc[7].value, t.find("2\n"));  // duplicate keys: the last wins
    EXPECT_EQ(loc[8].value, js::npos);
    EXPECT_EQ(loc[9].value, js::npos);
}

TEST(Pointers, DeepDocumentsAreWalkedNotRecursed) {
    std::string t;
    for (int i = 0; i < 20000; ++i) t += "{\"k\":";
    t += "0";
    for (int i = 0; i < 20000; ++i) t += "}";
    auto loc = js::locate_pointers(t, {"/k/k", "/k/k/k/k/k/k/k/k/k"});  // the second is past the lookup depth
    EXPECT_EQ(loc[0].key, 6u);
    EXPECT_EQ(loc[0].value, 10u);
    EXPECT_EQ(loc[1].key, js::npos);
}

}  // namespace
