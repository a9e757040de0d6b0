// url_policy.h — the one rule for which URLs a gallery may use, for images and for links.
// Shared by the validator and (through a wasm export) the JS loader. It judges text; it does not resolve.
#pragma once
#include <cstddef>
#include <string_view>

namespace wg {

enum class UrlUse { Image, Link };

// Why a URL is refused; Allowed when it is not. Stable: the validator maps each to a diagnostic ID.
enum class UrlVerdict {
    Allowed,
    Empty,             // ""
    TooLong,           // over limits::kMaxUrlBytes (data: URLs: kMaxDataUrlBytes)
    ControlCharacter,  // U+0000–U+001F or U+007F anywhere: browsers silently drop tabs/newlines ("java\tscript:")
    EdgeSpace,         // leading/trailing space: browsers strip it, so " javascript:" would gain a scheme
    Backslash,         // browsers read "\" as "/" in http(s) URLs ("\\evil.example" → "//evil.example")
    Scheme,            // a scheme other than http:/https: (and data: for images): javascript:, file:, …
    DataNotImage,      // data: whose type is not image/… (data:text/html, …), or any data: used as a link
    DataSvg,           // data:image/svg+xml can carry script when opened on its own; the decoder can't read it
    DataMalformed,     // data:image/… without the "," that starts the payload
};

// Allowed forms: relative ("photos/1.jpg", "/a.jpg", "//cdn.example/a.jpg", "?x", "#y"), http:, https:
// (any case), and for UrlUse::Image also data:image/<type>[;…],<payload> except SVG.
UrlVerdict check_url(std::string_view url, UrlUse use);
inline bool is_allowed_url(std::string_view url, UrlUse use) { return check_url(url, use) == UrlVerdict::Allowed; }

// The scheme as written ("JavaScript" for "JavaScript:alert(1)"), or "" for a relative URL.
std::string_view url_scheme(std::string_view url);

// How long this URL may be: limits::kMaxDataUrlBytes for data: URLs, limits::kMaxUrlBytes otherwise.
std::size_t url_length_limit(std::string_view url);

// Stable diagnostic ID ("url.scheme", "url.invalid", "url.too_long", "url.empty") and a short reason.
const char* url_verdict_id(UrlVerdict v);
const char* url_verdict_message(UrlVerdict v);

}  // namespace wg
