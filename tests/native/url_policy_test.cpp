// url_policy_test.cpp — the URL allow-list, case by case, for images and for links.
#include <gtest/gtest.h>

#include <string>

#include "core/limits.h"
#include "core/url_policy.h"

namespace {

using wg::UrlUse;
using wg::UrlVerdict;

struct UrlCase {
    const char* name;
    std::string url;
    UrlVerdict image;  // verdict for UrlUse::Image
    UrlVerdict link;   // verdict for UrlUse::Link
};

std::ostream& operator<<(std::ostream& os, const UrlCase& c) { return os << c.name; }

constexpr auto OK = UrlVerdict::Allowed;

const UrlCase kCases[] = {
    // allowed forms
    {"relative_file", "photos/01.jpg", OK, OK},
    {"relative_dot", "./photos/01.jpg", OK, OK},
    {"relative_parent", "../photos/01.jpg", OK, OK},
    {"root_relative", "/img/a.jpg", OK, OK},
    {"scheme_relative", "//cdn.example.com/a.jpg", OK, OK},
    {"query_only", "?page=2", OK, OK},
    {"fragment_only", "#slide-3", OK, OK},
    {"http", "http://example.com/a.jpg", OK, OK},
    {"https_upper", "HTTPS://EXAMPLE.COM/A.JPG", OK, OK},
    {"https_with_colon_in_path", "https://example.com/a:b.jpg", OK, OK},
    {"colon_after_slash_is_relative", "photos/a:b.jpg", OK, OK},
    {"digit_first_is_not_a_scheme", "1abc:def.jpg", OK, OK},
    {"cyrillic_path", "фото/снимок 1.jpg", OK, OK},
    {"data_png", "data:image/png;base64,iVBORw0KGgo=", OK, UrlVerdict::DataNotImage},
    {"data_jpeg_upper", "DATA:IMAGE/JPEG,abc", OK, UrlVerdict::DataNotImage},
    // refused schemes
    {"javascript", "javascript:alert(1)", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"javascript_mixed_case", "JaVaScRiPt:alert(1)", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"vbscript", "vbscript:msgbox(1)", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"file", "file:///etc/passwd", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"windows_drive", "C:/photos/a.jpg", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"blob", "blob:https://example.com/uuid", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"mailto", "mailto:a@example.com", UrlVerdict::Scheme, UrlVerdict::Scheme},
    {"data_html", "data:text/html,<script>alert(1)</script>", UrlVerdict::DataNotImage, UrlVerdict::DataNotImage},
    {"data_svg", "data:image/svg+xml,<svg onload=alert(1)>", UrlVerdict::DataSvg, UrlVerdict::DataNotImage},
    {"data_space_before_type", "data: image/png,abc", UrlVerdict::DataNotImage, UrlVerdict::DataNotImage},
    {"data_no_comma", "data:image/png;base64", UrlVerdict::DataMalformed, UrlVerdict::DataNotImage},
    {"data_no_subtype", "data:image/,abc", UrlVerdict::DataMalformed, UrlVerdict::DataNotImage},
    // tricks the browser would "repair" into a scheme or another host
    {"tab_inside_scheme", "java\tscript:alert(1)", UrlVerdict::ControlCharacter, UrlVerdict::ControlCharacter},
    {"newline_inside_scheme", "java\nscript:alert(1)", UrlVerdict::ControlCharacter, UrlVerdict::ControlCharacter},
    {"nul_byte", std::string("a.jpg\0x", 7), UrlVerdict::ControlCharacter, UrlVerdict::ControlCharacter},
    {"del_byte", "a\x7F.jpg", UrlVerdict::ControlCharacter, UrlVerdict::ControlCharacter},
    {"leading_space", " javascript:alert(1)", UrlVerdict::EdgeSpace, UrlVerdict::EdgeSpace},
    {"trailing_space", "a.jpg ", UrlVerdict::EdgeSpace, UrlVerdict::EdgeSpace},
    {"leading_control", "\x01javascript:alert(1)", UrlVerdict::ControlCharacter, UrlVerdict::ControlCharacter},
    {"backslash_host", "\\\\evil.example/a.jpg", UrlVerdict::Backslash, UrlVerdict::Backslash},
    {"slash_backslash_host", "/\\evil.example/a.jpg", UrlVerdict::Backslash, UrlVerdict::Backslash},
    {"empty", "", UrlVerdict::Empty, UrlVerdict::Empty},
};

class UrlPolicy : public ::testing::TestWithParam<UrlCase> {};

TEST_P(UrlPolicy, ImageAndLinkVerdicts) {
    const UrlCase& c = GetParam();
    EXPECT_EQ(wg::check_url(c.url, UrlUse::Image), c.image);
    EXPECT_EQ(wg::check_url(c.url, UrlUse::Link), c.link);
    EXPECT_EQ(wg::is_allowed_url(c.url, UrlUse::Image), c.image == OK);
    EXPECT_EQ(wg::is_allowed_url(c.url, UrlUse::Link), c.link == OK);
}

INSTANTIATE_TEST_SUITE_P(Table, UrlPolicy, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<UrlCase>& i) { return std::string(i.param.name); });

TEST(UrlPolicy, LengthLimitsDifferForDataUrls) {
    std::string http = "https://example.com/" + std::string(wg::limits::kMaxUrlBytes - 20, 'a');
    EXPECT_EQ(http.size(), wg::limits::kMaxUrlBytes);
    EXPECT_EQ(wg::check_url(http, UrlUse::Image), OK);
    EXPECT_EQ(wg::check_url(http + "a", UrlUse::Image), UrlVerdict::TooLong);

    std::string data = "data:image/png;base64," + std::string(wg::limits::kMaxUrlBytes * 4, 'A');
    EXPECT_EQ(wg::check_url(data, UrlUse::Image), OK);
    std::string huge = "data:image/png;base64," + std::string(wg::limits::kMaxDataUrlBytes, 'A');
    EXPECT_EQ(wg::check_url(huge, UrlUse::Image), UrlVerdict::TooLong);
    EXPECT_EQ(wg::url_length_limit(huge), wg::limits::kMaxDataUrlBytes);
}

TEST(UrlPolicy, SchemeAsWritten) {
    EXPECT_EQ(wg::url_scheme("JavaScript:alert(1)"), "JavaScript");
    EXPECT_EQ(wg::url_scheme("https://x"), "https");
    EXPECT_EQ(wg::url_scheme("photos/a:b"), "");
    EXPECT_EQ(wg::url_scheme("no-colon"), "");
    EXPECT_EQ(wg::url_scheme(":x"), "");
}

TEST(UrlPolicy, EveryRefusalHasAStableIdAndReason) {
    for (UrlVerdict v : {UrlVerdict::Empty, UrlVerdict::TooLong, UrlVerdict::ControlCharacter, UrlVerdict::EdgeSpace,
                         UrlVerdict::Backslash, UrlVerdict::Scheme, UrlVerdict::DataNotImage, UrlVerdict::DataSvg,
                         UrlVerdict::DataMalformed}) {
        EXPECT_EQ(std::string(wg::url_verdict_id(v)).rfind("url.", 0), 0u);
        EXPECT_GT(std::string(wg::url_verdict_message(v)).size(), 5u);
    }
    EXPECT_STREQ(wg::url_verdict_id(UrlVerdict::Scheme), "url.scheme");
    EXPECT_STREQ(wg::url_verdict_id(UrlVerdict::DataNotImage), "url.scheme");
    EXPECT_STREQ(wg::url_verdict_id(UrlVerdict::Backslash), "url.invalid");
}

}  // namespace
