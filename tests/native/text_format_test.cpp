// text_format_test.cpp — numbers and JSON strings written without printf or a JSON serializer.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/text_format.h"

TEST(Decimal, RoundsToTheGivenPlaces) {
    EXPECT_EQ(wg::decimal(12.345, 1), "12.3");
    EXPECT_EQ(wg::decimal(12.35, 1), "12.4");  // 12.35 × 10 rounds half away from zero
    EXPECT_EQ(wg::decimal(0.0005, 3), "0.001");
    EXPECT_EQ(wg::decimal(3.0, 3), "3.000");
    EXPECT_EQ(wg::decimal(7.6, 0), "8");
    EXPECT_EQ(wg::decimal(40.0, 1), "40.0");
}

TEST(Decimal, NegativeAndOddValues) {
    EXPECT_EQ(wg::decimal(-1.25, 2), "-1.25");
    EXPECT_EQ(wg::decimal(-0.04, 1), "0.0");  // rounds to zero: no "-0.0"
    EXPECT_EQ(wg::decimal(-0.06, 1), "-0.1");
    EXPECT_EQ(wg::decimal(NAN, 1), "0.0");
    EXPECT_EQ(wg::decimal(INFINITY, 2), "0.00");
}

TEST(HexByte, TwoUpperCaseDigits) {
    EXPECT_EQ(wg::hex_byte(0), "00");
    EXPECT_EQ(wg::hex_byte(0x7F), "7F");
    EXPECT_EQ(wg::hex_byte(0xAB), "AB");
}

TEST(JsonString, EscapesWhatJsonRequires) {
    EXPECT_EQ(wg::json_string("a\"b\\c"), R"("a\"b\\c")");
    EXPECT_EQ(wg::json_string("line\nnext\ttab\r\b\f"), R"("line\nnext\ttab\r\b\f")");
    EXPECT_EQ(wg::json_string(std::string("\x01\x1F", 2)), R"("\u0001\u001F")");
    EXPECT_EQ(wg::json_string("/ and </script>"), R"("/ and </script>")");  // nothing else is escaped
}

TEST(JsonString, KeepsWellFormedUtf8AndReplacesTheRest) {
    EXPECT_EQ(wg::json_string("Москва — «١٢٣» 😀"), "\"Москва — «١٢٣» 😀\"");
    // A stray continuation byte, an overlong form, a surrogate, above U+10FFFF, a cut-off sequence.
    EXPECT_EQ(wg::json_string("a\x80" "b"), "\"a\xEF\xBF\xBD" "b\"");
    EXPECT_EQ(wg::json_string("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(wg::json_string("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(wg::json_string("\xF4\x90\x80\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(wg::json_string("\xE2\x82"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonString, EveryByteStringGivesJsonThatParsesBack) {
    // Every single byte and every pair of bytes: the output parses, and well-formed input comes back.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; b += 17) {
            const std::string s{char(a), char(b)};
            const std::string j = wg::json_string(s);
            nlohmann::json parsed = nlohmann::json::parse(j, nullptr, false);
            ASSERT_FALSE(parsed.is_discarded()) << a << " " << b << ": " << j;
            if (a < 0x80 && b < 0x80) EXPECT_EQ(parsed.get<std::string>(), s);
        }
    }
}

TEST(Utf8SequenceLength, ByLeadByte) {
    EXPECT_EQ(wg::utf8_sequence_length("a", 0), 1u);
    EXPECT_EQ(wg::utf8_sequence_length("é", 0), 2u);
    EXPECT_EQ(wg::utf8_sequence_length("€", 0), 3u);
    EXPECT_EQ(wg::utf8_sequence_length("😀", 0), 4u);
    EXPECT_EQ(wg::utf8_sequence_length("\xE0\x80\x80", 0), 0u);  // overlong
    EXPECT_EQ(wg::utf8_sequence_length("\xF5\x80\x80\x80", 0), 0u);
}
