// url_policy.cpp — an allow-list of URL forms, judged the way a browser's URL parser would read them
// (WHATWG URL: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), so nothing it strips can hide a scheme.
#include "core/url_policy.h"

#include "core/limits.h"

namespace wg {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_scheme_char(char c) {
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// "image/png;base64" out of "data:image/png;base64,AAAA"; the caller has checked the "data:" prefix.
UrlVerdict check_data_url(std::string_view url, UrlUse use) {
    if (use != UrlUse::Image) return UrlVerdict::DataNotImage;
    std::string_view rest = url.substr(5);
    // No leading whitespace allowed before the type: stricter than browsers, never needed.
    if (!istarts_with(rest, "image/")) return UrlVerdict::DataNotImage;
    std::size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return UrlVerdict::DataMalformed;
    std::string_view subtype = rest.substr(6, comma - 6);
    if (subtype.empty() || subtype[0] == ';') return UrlVerdict::DataMalformed;
    if (istarts_with(subtype, "svg")) return UrlVerdict::DataSvg;
    return UrlVerdict::Allowed;
}

}  // namespace

std::string_view url_scheme(std::string_view url) {
    if (url.empty() || !is_alpha(url[0])) return {};
    for (std::size_t i = 1; i < url.size(); ++i) {
        if (url[i] == ':') return url.substr(0, i);
        if (!is_scheme_char(url[i])) return {};
    }
    return {};
}

std::size_t url_length_limit(std::string_view url) {
    return iequals(url_scheme(url), "data") ? limits::kMaxDataUrlBytes : limits::kMaxUrlBytes;
}

UrlVerdict check_url(std::string_view url, UrlUse use) {
    if (url.empty()) return UrlVerdict::Empty;
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) return UrlVerdict::ControlCharacter;
        if (c == '\\') return UrlVerdict::Backslash;
    }
    if (url.front() == ' ' || url.back() == ' ') return UrlVerdict::EdgeSpace;

    if (url.size() > url_length_limit(url)) return UrlVerdict::TooLong;
    std::string_view scheme = url_scheme(url);
    if (scheme.empty() || iequals(scheme, "http") || iequals(scheme, "https")) return UrlVerdict::Allowed;
    if (iequals(scheme, "data")) return check_data_url(url, use);
    return UrlVerdict::Scheme;
}

const char* url_verdict_id(UrlVerdict v) {
    switch (v) {
        case UrlVerdict::Allowed: return "";
        case UrlVerdict::Empty: return "url.empty";
        case UrlVerdict::TooLong: return "url.too_long";
        case UrlVerdict::ControlCharacter:
        case UrlVerdict::EdgeSpace:
        case UrlVerdict::Backslash:
        case UrlVerdict::DataMalformed: return "url.invalid";
        case UrlVerdict::Scheme:
        case UrlVerdict::DataNotImage:
        case UrlVerdict::DataSvg: return "url.scheme";
    }
    return "url.invalid";
}

const char* url_verdict_message(UrlVerdict v) {
    switch (v) {
        case UrlVerdict::Allowed: return "allowed";
        case UrlVerdict::Empty: return "URL must not be empty";
        case UrlVerdict::TooLong: return "URL too long";
        case UrlVerdict::ControlCharacter: return "URL contains a control character (tab, newline, …)";
        case UrlVerdict::EdgeSpace: return "URL starts or ends with a space";
        case UrlVerdict::Backslash: return "URL contains a backslash; use '/'";
        case UrlVerdict::Scheme: return "URL scheme not allowed; use http:, https: or a relative URL";
        case UrlVerdict::DataNotImage: return "only data:image/… URLs are allowed, and only for images";
        case UrlVerdict::DataSvg: return "data:image/svg+xml is not allowed (SVG can carry script)";
        case UrlVerdict::DataMalformed: return "malformed data: URL (expected data:image/<type>[;base64],<data>)";
    }
    return "URL not allowed";
}

}  // namespace wg
