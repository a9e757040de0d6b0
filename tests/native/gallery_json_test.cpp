// gallery_json_test.cpp — gallery.json parsing and validation: one table of documents → first diagnostic
// (ID, where, line:column, message), then the model mapping, ordering, limits and serialization.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/gallery_json.h"
#include "core/image/limits.h"
#include "core/limits.h"

namespace {

using wg::Severity;
namespace diag = wg::diag;

// {"slides":[{"image":"a.jpg"<fields>}]}
std::string one_slide(const std::string& fields) { return "{\"slides\":[{\"image\":\"a.jpg\"" + fields + "}]}"; }
// two slides, and <options> inside "options"
std::string with_options(const std::string& options) {
    return "{\"slides\":[{\"image\":\"a.jpg\"},{\"image\":\"b.jpg\"}],\"options\":{" + options + "}}";
}

struct Case {
    const char* name;
    std::string text;
    bool ok;
    const char* id;       // first diagnostic's ID; "" = no diagnostics at all
    const char* where;    // its `where`
    const char* at;       // the text it must point at (first occurrence; ASCII texts), or "" to use line/column
    int line;             // explicit position when `at` is "" (0 = unknown)
    int column;
    const char* message;  // substring of its message ("" = not checked)
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

// 1-based line:column of the first `needle` in an ASCII text, counted the plain way.
std::pair<int, int> ascii_position(const std::string& text, const std::string& needle) {
    std::size_t off = text.find(needle);
    EXPECT_NE(off, std::string::npos) << needle;
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < off; ++i)
        if (text[i] == '\n') ++line, line_start = i + 1;
    return {line, static_cast<int>(off - line_start) + 1};
}

const std::string kFull = R"({
  "$schema": "./web/gallery.schema.json",
  "title": "T", "description": "D", "source": "S",
  "slides": [
    {"image": "photos/1.jpg", "alt": "A", "caption": "Pictured: C", "credit": "© X", "text": "p1\n\np2",
     "width": 1600, "height": 1067, "link": "https://example.com/story"},
    {"image": "data:image/png;base64,AAAA", "width": 1600.0, "height": 1.067e3}
  ],
  "options": {"loop": true, "startIndex": 1, "autoplay": 5000, "transition": "fade", "fit": "cover",
              "theme": "dark", "deepLink": "iran45", "maxPixels": 1000000}
})";

const Case kCases[] = {
    // ---- good documents ------------------------------------------------------------------------------
    {"good_minimal", one_slide(""), true, "", "", "", 0, 0, ""},
    {"good_full", kFull, true, "", "", "", 0, 0, ""},
    {"good_cyrillic_rtl",
     one_slide(R"(,"caption":"Снимок: Тегеран","alt":"برج آزادی","text":"מגדל החירות\n\nפסקה")"), true, "", "", "", 0,
     0, ""},
    {"good_bom", "\xEF\xBB\xBF" + one_slide(""), true, "", "", "", 0, 0, ""},
    {"good_crlf", "{\r\n  \"slides\": [\r\n    {\"image\": \"a.jpg\"}\r\n  ]\r\n}\r\n", true, "", "", "", 0, 0, ""},
    {"good_autoplay_false", with_options(R"("autoplay": false, "deepLink": true)"), true, "", "", "", 0, 0, ""},
    {"good_direction_rtl", with_options(R"("direction": "rtl")"), true, "", "", "", 0, 0, ""},

    // ---- syntax: line:column of the offending token, short reason -------------------------------------
    {"syntax_missing_comma", "{\n  \"title\": \"x\"\n  \"slides\": []\n}", false, diag::kSyntax, "3:3", "", 3, 3,
     "expected ',' or '}'"},
    {"syntax_missing_comma_crlf", "{\r\n  \"title\": \"x\"\r\n  \"slides\": []\r\n}", false, diag::kSyntax, "3:3", "", 3,
     3, "expected ',' or '}'"},
    {"syntax_lone_cr_newlines", "{\r  \"title\": \"x\"\r  \"slides\": []\r}", false, diag::kSyntax, "3:3", "", 3, 3,
     "expected ',' or '}'"},
    {"syntax_array_missing_comma", R"({"slides": [{"image": "a.jpg"} {"image": "b.jpg"}]})", false, diag::kSyntax, "",
     "{\"image\": \"b", 0, 0, "expected ',' or ']'"},
    {"syntax_missing_colon", R"({"slides" []})", false, diag::kSyntax, "", "[", 0, 0, "expected ':'"},
    {"syntax_bom_not_counted", "\xEF\xBB\xBF{\"a\" 1}", false, diag::kSyntax, "1:6", "", 1, 6, "expected ':'"},
    {"syntax_unexpected_end", R"({"slides": [)", false, diag::kSyntax, "1:13", "", 1, 13, "unexpected end of input"},
    {"syntax_unclosed_string", "{\"title\": \"abc", false, diag::kSyntax, "1:15", "", 1, 15, "unclosed string"},
    {"syntax_control_character", "{\"title\": \"a\tb\"}", false, diag::kSyntax, "1:13", "", 1, 13,
     "invalid string: control character U+0009"},
    {"syntax_raw_newline_in_string", "{\"title\": \"a\nb\"}", false, diag::kSyntax, "1:13", "", 1, 13,
     "control character U+000A"},
    {"syntax_trailing_comma_object", R"({"slides": [], })", false, diag::kSyntax, "", "}", 0, 0,
     "expected a key after ','"},
    {"syntax_trailing_comma_array", R"({"slides": [1,]})", false, diag::kSyntax, "", "]", 0, 0,
     "expected a value after ','"},
    {"syntax_unquoted_key", R"({slides: []})", false, diag::kSyntax, "1:2", "", 1, 2, "invalid literal 'slides'"},
    {"syntax_single_quotes", R"({'slides': []})", false, diag::kSyntax, "1:2", "", 1, 2, "double quotes"},
    {"syntax_comment", "{// note\n\"slides\": []}", false, diag::kSyntax, "1:2", "", 1, 2, "comments are not allowed"},
    {"syntax_invalid_literal", R"({"options": {"loop": tru}})", false, diag::kSyntax, "", "tru", 0, 0,
     "invalid literal 'tru'"},
    {"syntax_bad_number", R"({"startIndex": -})", false, diag::kSyntax, "", "}", 0, 0, "invalid number"},
    {"syntax_number_overflow", R"({"a": 1e999})", false, diag::kSyntax, "", "1e999", 0, 0, "number out of range"},
    {"syntax_text_after_document", R"({} {})", false, diag::kSyntax, "1:4", "", 1, 4, "after the end of the document"},
    {"syntax_empty_document", "", false, diag::kSyntax, "1:1", "", 1, 1, "empty document"},
    {"syntax_blank_document", "  \n ", false, diag::kSyntax, "2:2", "", 2, 2, "empty document"},
    // Columns count UTF-16 units: Cyrillic letters 1 each, an emoji 2.
    {"syntax_column_after_cyrillic", "{\n  \"title\": \"Привет\" \"x\"\n}", false, diag::kSyntax, "2:21", "", 2, 21,
     "expected ',' or '}'"},
    {"syntax_column_after_emoji", "{\"title\": \"\xF0\x9F\x98\x80\" 1}", false, diag::kSyntax, "1:16", "", 1, 16,
     "expected ',' or '}'"},
    {"syntax_column_after_arabic", "{\"title\": \"سلام\",}", false, diag::kSyntax, "1:18", "", 1, 18,
     "expected a key after ','"},

    // ---- encoding ---------------------------------------------------------------------------------------
    {"utf8_invalid_byte", "{\"title\": \"a\xFF\"}", false, diag::kInvalidUtf8, "1:13", "", 1, 13, "byte 0xFF"},
    {"utf8_overlong", "{\"title\": \"\xC0\xAF\"}", false, diag::kInvalidUtf8, "1:12", "", 1, 12, "0xC0"},
    {"utf8_surrogate", "{\n\"title\": \"\xED\xA0\x80\"}", false, diag::kInvalidUtf8, "2:11", "", 2, 11, "0xED"},
    {"utf8_truncated_at_end", "{\"title\": \"\xD0", false, diag::kInvalidUtf8, "1:12", "", 1, 12, "0xD0"},
    {"utf8_after_cyrillic", "{\"title\": \"Ж\x80\"}", false, diag::kInvalidUtf8, "1:13", "", 1, 13, "0x80"},
    // nlohmann skips one more BOM itself; that one stays in the text as U+FEFF, one column wide.
    {"utf8_bom_twice", "\xEF\xBB\xBF\xEF\xBB\xBF{}", false, diag::kRequired, "/slides", "", 1, 2, "required"},

    // ---- structure ----------------------------------------------------------------------------------------
    {"root_array", "[]", false, diag::kRootNotObject, "", "", 1, 1, "got array"},
    {"root_string", "\n \"gallery\"", false, diag::kRootNotObject, "", "", 2, 2, "got string"},
    {"slides_missing", R"({"title": "x"})", false, diag::kRequired, "/slides", "", 1, 1, "required"},
    {"slides_empty", R"({"slides": []})", false, diag::kNoSlides, "/slides", "[", 0, 0, "at least one slide"},
    {"slides_not_array", R"({"slides": {}})", false, diag::kType, "/slides", "", 1, 12, "expected array, got object"},
    {"slide_not_object", R"({"slides": ["a.jpg"]})", false, diag::kType, "/slides/0", "", 1, 13,
     "expected object, got string"},
    {"image_required", R"({"slides": [{"image": "a.jpg"}, {"caption": "c"}]})", false, diag::kRequired,
     "/slides/1/image", "{\"caption", 0, 0, "required"},
    {"options_not_object", R"({"slides": [{"image": "a.jpg"}], "options": []})", false, diag::kType, "/options", "[]",
     0, 0, "expected object, got array"},

    // ---- types ------------------------------------------------------------------------------------------------
    {"type_loop", with_options(R"("loop": "yes")"), false, diag::kType, "/options/loop", "\"yes", 0, 0,
     "expected boolean, got string"},
    {"type_width_string", one_slide(R"(,"width":"1600","height":1067)"), false, diag::kType, "/slides/0/width",
     "\"1600", 0, 0, "expected positive integer, got string"},
    {"type_width_fraction", one_slide(R"(,"width":1.5,"height":1067)"), false, diag::kType, "/slides/0/width", "1.5",
     0, 0, "expected positive integer, got number"},
    {"range_width_zero", one_slide(R"(,"width":0,"height":1067)"), false, diag::kRange, "/slides/0/width", "0,", 0, 0,
     "expected positive integer, got 0"},
    {"range_width_alone_is_not_also_incomplete", one_slide(R"(,"width":0)"), false, diag::kRange, "/slides/0/width",
     "0}", 0, 0, "got 0"},
    {"range_height_huge", one_slide(R"(,"width":10,"height":70000)"), false, diag::kRange, "/slides/0/height",
     "70000", 0, 0, "larger than any image"},
    {"type_caption_number", one_slide(R"(,"caption":5)"), false, diag::kType, "/slides/0/caption", "5}", 0, 0,
     "expected string, got integer"},
    {"type_title_null", R"({"title": null, "slides": [{"image": "a.jpg"}]})", false, diag::kType, "/title", "null", 0,
     0, "got null"},
    {"type_start_index", with_options(R"("startIndex": "2")"), false, diag::kType, "/options/startIndex", "\"2", 0, 0,
     "expected integer"},
    {"type_autoplay_true", with_options(R"("autoplay": true)"), false, diag::kType, "/options/autoplay", "true", 0, 0,
     "expected positive integer (milliseconds) or false, got boolean"},
    {"range_autoplay_negative", with_options(R"("autoplay": -5)"), false, diag::kRange, "/options/autoplay", "-5", 0,
     0, "got -5"},
    {"enum_transition_typo", with_options(R"("transition": "fad")"), false, diag::kEnum, "/options/transition",
     "\"fad", 0, 0, "expected \"slide\" or \"fade\", got \"fad\" (did you mean \"fade\"?)"},
    {"enum_direction_typo", with_options(R"("direction": "rlt")"), false, diag::kEnum, "/options/direction",
     "\"rlt", 0, 0, "expected \"auto\", \"ltr\" or \"rtl\", got \"rlt\""},
    {"enum_theme_type", with_options(R"("theme": 1)"), false, diag::kType, "/options/theme", "1}", 0, 0,
     "expected string (\"light\", \"dark\" or \"auto\"), got integer"},
    {"format_deep_link_id", with_options(R"("deepLink": "1 gallery")"), false, diag::kFormat, "/options/deepLink",
     "\"1 gallery", 0, 0, "deep link id"},
    {"type_deep_link", with_options(R"("deepLink": 1)"), false, diag::kType, "/options/deepLink", "1}", 0, 0,
     "expected boolean or id string"},
    {"range_max_pixels", with_options(R"("maxPixels": 0)"), false, diag::kRange, "/options/maxPixels", "0}", 0, 0,
     "expected positive integer"},

    // ---- URLs (the pointer of the field that holds them) ------------------------------------------------------
    {"url_javascript_image", R"J({"slides": [{"image": "javascript:alert(1)"}]})J", false, diag::kUrlScheme,
     "/slides/0/image", "\"javascript", 0, 0, "\"javascript:\" URLs are not allowed"},
    {"url_vbscript_link", one_slide(R"(,"link":"VBScript:x")"), false, diag::kUrlScheme, "/slides/0/link",
     "\"VBScript", 0, 0, "\"VBScript:\" URLs are not allowed"},
    {"url_file_image", R"({"slides": [{"image": "file:///c/a.jpg"}]})", false, diag::kUrlScheme, "/slides/0/image",
     "\"file", 0, 0, "not allowed"},
    {"url_data_html_image", R"({"slides": [{"image": "data:text/html,<b>"}]})", false, diag::kUrlScheme,
     "/slides/0/image", "\"data", 0, 0, "data:image"},
    {"url_data_image_as_link", one_slide(R"(,"link":"data:image/png,AA")"), false, diag::kUrlScheme, "/slides/0/link",
     "\"data", 0, 0, "only for images"},
    {"url_tab_trick", R"J({"slides": [{"image": "java\tscript:alert(1)"}]})J", false, diag::kUrlInvalid,
     "/slides/0/image", "\"java", 0, 0, "control character"},
    {"url_leading_space_trick", R"J({"slides": [{"image": " javascript:alert(1)"}]})J", false, diag::kUrlInvalid,
     "/slides/0/image", "\" java", 0, 0, "space"},
    {"url_backslash_trick", R"({"slides": [{"image": "\\\\evil.example/a.jpg"}]})", false, diag::kUrlInvalid,
     "/slides/0/image", "\"\\\\", 0, 0, "backslash"},
    {"url_empty", R"({"slides": [{"image": ""}]})", false, diag::kUrlEmpty, "/slides/0/image", "\"\"", 0, 0,
     "must not be empty"},
    {"url_image_type", R"({"slides": [{"image": 1}]})", false, diag::kType, "/slides/0/image", "1}", 0, 0,
     "expected string (URL)"},

    // ---- warnings: the gallery still loads ---------------------------------------------------------------------
    {"warn_unknown_key_suggestion", one_slide(R"(,"captoin":"c")"), true, diag::kUnknownKey, "/slides/0/captoin",
     "\"captoin", 0, 0, "unknown key (did you mean \"caption\"?)"},
    {"warn_unknown_key_snake_case", with_options(R"("start_index": 1)"), true, diag::kUnknownKey,
     "/options/start_index", "\"start_index", 0, 0, "did you mean \"startIndex\"?"},
    {"warn_unknown_key_plain", R"({"slides": [{"image": "a.jpg"}], "generator": "cms"})", true, diag::kUnknownKey,
     "/generator", "\"generator", 0, 0, "unknown key"},
    {"warn_unknown_key_escaped_pointer", R"({"slides": [{"image": "a.jpg"}], "a/b~c": 1})", true, diag::kUnknownKey,
     "/a~1b~0c", "\"a/b", 0, 0, "unknown key"},
    {"warn_option_at_root", R"({"loop": true, "slides": [{"image": "a.jpg"}]})", true, diag::kUnknownKey, "/loop",
     "\"loop", 0, 0, "belongs inside \"options\""},
    {"warn_start_index_clamped", with_options(R"("startIndex": 5)"), true, diag::kClamped, "/options/startIndex", "5}",
     0, 0, "5 is out of range (0–1); using 1"},
    {"warn_start_index_negative", with_options(R"("startIndex": -1)"), true, diag::kClamped, "/options/startIndex",
     "-1", 0, 0, "using 0"},
    {"warn_autoplay_clamped", with_options(R"("autoplay": 10)"), true, diag::kClamped, "/options/autoplay", "10}", 0,
     0, "using 1000"},
    {"warn_max_pixels_clamped", with_options(R"("maxPixels": 99999999999)"), true, diag::kClamped,
     "/options/maxPixels", "99999999999", 0, 0, "using 40000000"},
    {"warn_duplicate_key", one_slide(R"(,"caption":"a","caption":"b")"), true, diag::kDuplicateKey,
     "/slides/0/caption", "", 1, 43, "the last one wins"},
    {"warn_width_without_height", one_slide(R"(,"width":1600)"), true, diag::kSizeIncomplete, "/slides/0/width",
     "\"width", 0, 0, "width without height"},
};

class ParseGallery : public ::testing::TestWithParam<Case> {};

TEST_P(ParseGallery, FirstDiagnostic) {
    const Case& c = GetParam();
    wg::ParseResult r = wg::parse_gallery(c.text);
    EXPECT_EQ(r.ok(), c.ok);
    if (std::string(c.id).empty()) {
        EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].format();
        return;
    }
    ASSERT_FALSE(r.diagnostics.empty());
    const wg::Diagnostic& d = r.diagnostics[0];
    EXPECT_EQ(d.id, c.id) << d.format();
    EXPECT_EQ(d.severity, c.ok ? Severity::Warning : Severity::Error) << d.format();
    int line = c.line, column = c.column;
    if (*c.at) std::tie(line, column) = ascii_position(c.text, c.at);
    EXPECT_EQ(d.line, line) << d.format();
    EXPECT_EQ(d.column, column) << d.format();
    if (*c.where) {
        EXPECT_EQ(d.where, c.where);
    }
    if (d.id == diag::kSyntax || d.id == diag::kInvalidUtf8) {  // text-level: `where` is the position
        EXPECT_EQ(d.where, std::to_string(line) + ":" + std::to_string(column));
    }
    EXPECT_NE(d.message.find(c.message), std::string::npos) << d.message;
    if (!c.ok) {
        EXPECT_TRUE(r.gallery.slides.empty()) << "a refused gallery leaves the model empty";
    }
}

INSTANTIATE_TEST_SUITE_P(Table, ParseGallery, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

// ---- the model ---------------------------------------------------------------------------------------------

// nlohmann's lexer ends its input at a NUL byte; the text must be judged as written, whole.
TEST(ParseGallery, NulCharacterIsASyntaxErrorWhereverItIs) {
    using namespace std::string_view_literals;
    struct NulCase { const char* what; std::string_view text; int line, column; };
    const NulCase cases[] = {
        {"after a number (JSONTestSuite n_multidigit_number_then_00)", "123\0"sv, 1, 4},
        {"after a whole gallery", "{\"slides\": [{\"image\": \"a.jpg\"}]}\0trailing"sv, 1, 33},
        {"inside a string", "{\"title\": \"a\0b\", \"slides\": []}"sv, 1, 13},
        {"on the second line", "{\n\0}"sv, 2, 1},
    };
    for (const NulCase& c : cases) {
        const wg::ParseResult r = wg::parse_gallery(c.text, "g.json");
        EXPECT_FALSE(r.ok()) << c.what;
        ASSERT_FALSE(r.diagnostics.empty()) << c.what;
        EXPECT_EQ(r.diagnostics[0].id, diag::kSyntax) << c.what;
        EXPECT_EQ(r.diagnostics[0].line, c.line) << c.what;
        EXPECT_EQ(r.diagnostics[0].column, c.column) << c.what;
        EXPECT_NE(r.diagnostics[0].message.find("U+0000"), std::string::npos) << c.what;
    }
    // An escaped NUL is fine: it is six characters of text.
    EXPECT_TRUE(wg::parse_gallery(R"({"title": "a\u0000b", "slides": [{"image": "a.jpg"}]})", "g.json").ok());
}

TEST(ParseGallery, MapsEveryField) {
    wg::ParseResult r = wg::parse_gallery(kFull);
    ASSERT_TRUE(r.ok());
    const wg::Gallery& g = r.gallery;
    EXPECT_EQ(g.title, "T");
    EXPECT_EQ(g.description, "D");
    EXPECT_EQ(g.source, "S");
    ASSERT_EQ(g.slides.size(), 2u);
    const wg::Slide& s = g.slides[0];
    EXPECT_EQ(s.image, "photos/1.jpg");
    EXPECT_EQ(s.alt, "A");
    EXPECT_EQ(s.caption, "Pictured: C");
    EXPECT_EQ(s.credit, "© X");
    EXPECT_EQ(s.text, "p1\n\np2");
    EXPECT_EQ(s.link, "https://example.com/story");
    EXPECT_EQ(s.width, 1600);
    EXPECT_EQ(s.height, 1067);
    EXPECT_EQ(g.slides[1].width, 1600);  // 1600.0 and 1.067e3 are integers too
    EXPECT_EQ(g.slides[1].height, 1067);
    EXPECT_TRUE(g.slides[1].link.empty());
    const wg::Options& o = g.options;
    EXPECT_TRUE(o.loop);
    EXPECT_EQ(o.start_index, 1);
    EXPECT_EQ(o.autoplay_ms, 5000);
    EXPECT_EQ(o.transition, wg::Transition::Fade);
    EXPECT_EQ(o.fit, wg::Fit::Cover);
    EXPECT_EQ(o.theme, wg::Theme::Dark);
    EXPECT_TRUE(o.deep_link);
    EXPECT_EQ(o.deep_link_id, "iran45");
    EXPECT_EQ(o.max_pixels, 1000000);
}

TEST(ParseGallery, DefaultsWhenOptionsAreMissing) {
    wg::ParseResult r = wg::parse_gallery(one_slide(""));
    ASSERT_TRUE(r.ok());
    const wg::Options& o = r.gallery.options;
    EXPECT_FALSE(o.loop);
    EXPECT_EQ(o.start_index, 0);
    EXPECT_EQ(o.autoplay_ms, 0);
    EXPECT_EQ(o.transition, wg::Transition::Slide);
    EXPECT_EQ(o.fit, wg::Fit::Contain);
    EXPECT_EQ(o.theme, wg::Theme::Auto);
    EXPECT_FALSE(o.deep_link);
    EXPECT_EQ(o.max_pixels, wg::image::kMaxPixels);
}

TEST(ParseGallery, KeepsCyrillicAndRtlTextByteForByte) {
    const std::string caption = "Снимок: Тегеран, 10 февраля";
    const std::string alt = "برج آزادی در تهران";
    const std::string text = "מגדל החירות\n\nפסקה שנייה";
    nlohmann::json doc = {{"title", "Галерея"},
                          {"slides", {{{"image", "фото/1.jpg"}, {"caption", caption}, {"alt", alt}, {"text", text}}}}};
    wg::ParseResult r = wg::parse_gallery(doc.dump());
    ASSERT_TRUE(r.ok()) << r.diagnostics[0].format();
    EXPECT_EQ(r.gallery.title, "Галерея");
    EXPECT_EQ(r.gallery.slides[0].image, "фото/1.jpg");
    EXPECT_EQ(r.gallery.slides[0].caption, caption);
    EXPECT_EQ(r.gallery.slides[0].alt, alt);
    EXPECT_EQ(r.gallery.slides[0].text, text);
}

TEST(ParseGallery, CollectsAllSemanticErrorsInDocumentOrder) {
    const std::string text = R"J({
  "slides": [
    {"caption": "no image"},
    {"image": "javascript:alert(1)", "width": "wide", "height": 10},
    {"image": "ok.jpg", "captoin": "typo"}
  ],
  "options": {"loop": 1, "fit": "fill"}
})J";
    wg::ParseResult r = wg::parse_gallery(text);
    EXPECT_FALSE(r.ok());
    std::vector<std::string> got;
    for (const auto& d : r.diagnostics) got.push_back(d.format());
    std::vector<std::string> want = {
        "/slides/0/image: required",
        "/slides/1/image: \"javascript:\" URLs are not allowed; use http:, https: or a relative URL",
        "/slides/1/width: expected positive integer, got string",
        "/slides/2/captoin: unknown key (did you mean \"caption\"?)",
        "/options/loop: expected boolean, got integer",
        "/options/fit: expected \"contain\" or \"cover\", got \"fill\"",
    };
    EXPECT_EQ(got, want);
    std::vector<int> lines;
    for (const auto& d : r.diagnostics) lines.push_back(d.line);
    EXPECT_EQ(lines, (std::vector<int>{3, 4, 4, 5, 7, 7}));
    EXPECT_EQ(r.diagnostics[0].column, 5);  // the '{' of the slide that lacks "image"
}

TEST(ParseGallery, TooManySlidesIsAnErrorButTheFirstOnesAreStillChecked) {
    nlohmann::json slides = nlohmann::json::array();
    for (std::size_t i = 0; i < wg::limits::kMaxSlides + 1; ++i) slides.push_back({{"image", "a.jpg"}});
    slides[3]["image"] = 7;
    wg::ParseResult r = wg::parse_gallery(nlohmann::json{{"slides", slides}}.dump());
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.diagnostics.size(), 2u);
    EXPECT_EQ(r.diagnostics[0].id, diag::kTooManySlides);
    EXPECT_EQ(r.diagnostics[0].message, "too many slides: 501 (limit 500)");
    EXPECT_EQ(r.diagnostics[1].where, "/slides/3/image");

    slides.erase(slides.size() - 1);
    slides[3]["image"] = "a.jpg";
    EXPECT_TRUE(wg::parse_gallery(nlohmann::json{{"slides", slides}}.dump()).ok());
}

TEST(ParseGallery, StringLimitsAreInclusive) {
    using wg::limits::kMaxLongTextBytes;
    using wg::limits::kMaxShortTextBytes;
    auto doc = [](std::size_t caption, std::size_t text) {
        return nlohmann::json{{"slides", {{{"image", "a.jpg"}, {"caption", std::string(caption, 'c')},
                                           {"text", std::string(text, 't')}}}}}
            .dump();
    };
    EXPECT_TRUE(wg::parse_gallery(doc(kMaxShortTextBytes, kMaxLongTextBytes)).ok());
    wg::ParseResult r = wg::parse_gallery(doc(kMaxShortTextBytes + 1, kMaxLongTextBytes + 1));
    ASSERT_EQ(r.diagnostics.size(), 2u);
    EXPECT_EQ(r.diagnostics[0].id, diag::kStringTooLong);
    EXPECT_EQ(r.diagnostics[0].format(), "/slides/0/caption: too long: 2001 bytes (limit 2000)");
    EXPECT_EQ(r.diagnostics[1].format(), "/slides/0/text: too long: 20001 bytes (limit 20000)");
    // Bytes, not characters: 1001 Cyrillic letters are 2002 bytes.
    std::string cyr;
    for (int i = 0; i < 1001; ++i) cyr += "Ж";
    r = wg::parse_gallery(nlohmann::json{{"slides", {{{"image", "a.jpg"}, {"alt", cyr}}}}}.dump());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics[0].where, "/slides/0/alt");
}

TEST(ParseGallery, DocumentSizeIsCheckedBeforeParsing) {
    std::string big(wg::limits::kMaxDocumentBytes + 1, ' ');  // not even JSON: never parsed
    wg::ParseResult r = wg::parse_gallery(big);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].id, diag::kDocumentTooLarge);
    EXPECT_EQ(r.diagnostics[0].line, 0);
    EXPECT_EQ(r.diagnostics[0].format(), "gallery.json: document too large: 2097153 bytes (limit 2097152)");

    std::string at_limit = one_slide("");
    at_limit.resize(wg::limits::kMaxDocumentBytes, ' ');
    EXPECT_TRUE(wg::parse_gallery(at_limit).ok());
}

TEST(ParseGallery, DeepNestingIsRefusedWithoutRecursion) {
    // 1 000 000 levels would overflow any recursive parser's (or destructor's) stack.
    std::string deep(1'000'000, '[');
    wg::ParseResult r = wg::parse_gallery(deep);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].id, diag::kTooDeep);
    EXPECT_EQ(r.diagnostics[0].where, "1:33");  // the 33rd '[' is the first too deep

    // Nested inside an otherwise fine gallery, under an unknown key; objects count like arrays.
    std::string text = R"({"slides": [{"image": "a.jpg", "x": )";
    for (int i = 0; i < 40; ++i) text += "{\"k\":";
    wg::ParseResult r2 = wg::parse_gallery(text);
    ASSERT_EQ(r2.diagnostics.size(), 1u);
    EXPECT_EQ(r2.diagnostics[0].id, diag::kTooDeep);
    // depth 1 root, 2 slides, 3 slide, then {"k": … : the 30th of those opens level 33
    EXPECT_EQ(r2.diagnostics[0].column, static_cast<int>(text.find("{\"k\":") + 29 * 5 + 1));

    std::string ok_depth = "{\"slides\":[{\"image\":\"a.jpg\",\"x\":" + std::string(29, '[') + std::string(29, ']') + "}]}";
    wg::ParseResult r3 = wg::parse_gallery(ok_depth);
    EXPECT_TRUE(r3.ok());  // exactly 32 levels
    EXPECT_EQ(r3.diagnostics.size(), 1u);  // the unknown key "x"
}

TEST(ParseGallery, DiagnosticsAreCappedAndTheCapSaysSo) {
    std::string fields;
    for (int i = 0; i < 150; ++i) fields += ",\"unknown" + std::to_string(i) + "\":0";
    wg::ParseResult r = wg::parse_gallery(one_slide(fields));
    EXPECT_TRUE(r.ok());  // only warnings, even when dropped
    ASSERT_EQ(r.diagnostics.size(), wg::limits::kMaxDiagnostics + 1);
    EXPECT_EQ(r.diagnostics.back().id, diag::kTruncated);
    EXPECT_EQ(r.diagnostics.back().severity, Severity::Warning);
    EXPECT_EQ(r.diagnostics.back().message, "50 more diagnostics not shown (0 errors)");

    // A dropped error keeps the result failed.
    std::string slides;
    for (int i = 0; i < 120; ++i) slides += std::string(i ? "," : "") + "{\"image\":1}";
    wg::ParseResult bad = wg::parse_gallery("{\"slides\":[" + slides + "]}");
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.diagnostics.back().severity, Severity::Error);
}

TEST(ParseGallery, StartIndexIsNotClampedAgainstBrokenSlides) {
    wg::ParseResult r = wg::parse_gallery(R"({"slides": [], "options": {"startIndex": 3}})");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].id, diag::kNoSlides);
}

TEST(ParseGallery, RandomBytesNeverCrashAndAlwaysSayWhere) {
    // A cheap stand-in for the libFuzzer target: mutate a valid gallery deterministically.
    const std::string base = kFull;
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int iter = 0; iter < 3000; ++iter) {
        std::string t = base;
        int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = next() % t.size();
            switch (next() % 3) {
                case 0: t[at] = static_cast<char>(next() & 0xFF); break;
                case 1: t.erase(at, 1 + next() % 8); break;
                default: t.insert(at, 1, "{}[],:\"\\ \n"[next() % 11]); break;
            }
            if (t.empty()) t = "x";
        }
        wg::ParseResult r = wg::parse_gallery(t);
        for (const wg::Diagnostic& d : r.diagnostics) {
            EXPECT_FALSE(d.id.empty());
            EXPECT_FALSE(d.message.empty());
            if (d.id.rfind("json.", 0) == 0) {
                EXPECT_GE(d.line, 1) << t;
            }
        }
        if (r.ok()) {
            EXPECT_FALSE(r.gallery.slides.empty());
        }
    }
}

// ---- formatting and serialization ----------------------------------------------------------------------------

TEST(Diagnostic, FormatsSyntaxWithFileAndSemanticWithPointer) {
    wg::ParseResult r = wg::parse_gallery("{\n  \"title\": \"x\"\n  \"slides\": []\n}", "demo/gallery.json");
    EXPECT_EQ(r.file_name, "demo/gallery.json");
    EXPECT_EQ(r.diagnostics[0].format(r.file_name), "demo/gallery.json:3:3: expected ',' or '}'");
    EXPECT_EQ(r.diagnostics[0].format(), "gallery.json:3:3: expected ',' or '}'");

    r = wg::parse_gallery(R"({"slides": [{}, {}, {}, {"alt": "x"}]})");
    EXPECT_EQ(r.diagnostics[3].format(), "/slides/3/image: required");

    r = wg::parse_gallery("[]");
    EXPECT_EQ(r.diagnostics[0].format(), "gallery.json: expected an object at the top level, got array");
}

TEST(Diagnostic, ToJsonCarriesEveryField) {
    wg::ParseResult r = wg::parse_gallery(R"({"slides": [{"image": "a.jpg", "captoin": "x"}], "options": {"loop": 2}})");
    nlohmann::json j = nlohmann::json::parse(wg::diagnostics_to_json(r.diagnostics, "g.json"));
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["severity"], "warning");
    EXPECT_EQ(j[0]["id"], "field.unknown");
    EXPECT_EQ(j[0]["where"], "/slides/0/captoin");
    EXPECT_EQ(j[0]["line"], 1);
    EXPECT_EQ(j[0]["column"], 32);
    EXPECT_EQ(j[0]["message"], "unknown key (did you mean \"caption\"?)");
    EXPECT_EQ(j[0]["text"], "/slides/0/captoin: unknown key (did you mean \"caption\"?)");
    EXPECT_EQ(j[0]["suggestion"], "caption");  // what an editor offers as the one-click fix
    EXPECT_EQ(j[1]["severity"], "error");
    EXPECT_EQ(j[1]["id"], "field.type");
    EXPECT_FALSE(j[1].contains("suggestion"));  // nothing close to suggest

    nlohmann::json s = nlohmann::json::parse(wg::diagnostics_to_json(wg::parse_gallery("{").diagnostics, "g.json"));
    EXPECT_EQ(s[0]["text"], "g.json:1:2: unexpected end of input");
    EXPECT_EQ(wg::diagnostics_to_json({}), "[]");
}

TEST(GalleryToJson, NormalizedModelRoundTrips) {
    wg::ParseResult r = wg::parse_gallery(kFull);
    ASSERT_TRUE(r.ok());
    std::string normalized = wg::gallery_to_json(r.gallery);
    nlohmann::json j = nlohmann::json::parse(normalized);
    EXPECT_EQ(j["options"]["autoplay"], 5000);
    EXPECT_EQ(j["options"]["deepLink"], "iran45");
    EXPECT_EQ(j["options"]["transition"], "fade");
    EXPECT_EQ(j["slides"][1].count("link"), 0u);
    EXPECT_EQ(j["slides"][0]["width"], 1600);

    wg::ParseResult again = wg::parse_gallery(normalized);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.diagnostics.empty());
    EXPECT_EQ(wg::gallery_to_json(again.gallery), normalized);

    wg::Gallery plain;
    plain.slides.push_back({});
    plain.slides[0].caption = "bad \xFF byte";  // built by hand: serialization must not abort
    j = nlohmann::json::parse(wg::gallery_to_json(plain));
    EXPECT_EQ(j["options"]["autoplay"], false);
    EXPECT_EQ(j["options"]["deepLink"], false);
    EXPECT_EQ(j["slides"][0]["caption"], "bad \xEF\xBF\xBD byte");
}

TEST(SuggestSpelling, FindsLikelyTyposOnly) {
    constexpr std::string_view keys[] = {"image", "alt", "caption", "credit", "text", "width", "height", "link"};
    auto near = [&](std::string_view w) { return std::string(wg::suggest_spelling(w, keys, std::size(keys))); };
    EXPECT_EQ(near("captoin"), "caption");  // transposition = 1 edit
    EXPECT_EQ(near("Caption"), "caption");
    EXPECT_EQ(near("img"), "image");
    EXPECT_EQ(near("heigth"), "height");
    EXPECT_EQ(near("widht"), "width");
    EXPECT_EQ(near("src"), "");
    EXPECT_EQ(near("id"), "");
    EXPECT_EQ(near("description"), "");
    EXPECT_EQ(near(std::string(100, 'a')), "");
}

}  // namespace
