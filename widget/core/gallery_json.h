// gallery_json.h — gallery.json text → validated wg::Gallery, or diagnostics that say what and where.
// Pure and exception-free (nlohmann/json underneath, JSON_NOEXCEPTION-safe). The format is documented in
// web/gallery.schema.json; the limits it enforces are in limits.h, the URL rule in url_policy.h.
#pragma once
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/gallery.h"

namespace wg {

// Stable diagnostic IDs (tests and the playground match on these, never on the prose).
namespace diag {
// whole-document problems (where = "line:column", or "" when the whole text is at fault)
inline constexpr const char* kDocumentTooLarge = "limit.document";   // over limits::kMaxDocumentBytes
inline constexpr const char* kInvalidUtf8 = "json.utf8";             // ill-formed UTF-8 byte
inline constexpr const char* kSyntax = "json.syntax";                // not JSON: "expected ',' or '}'"
inline constexpr const char* kTooDeep = "json.depth";                // nesting over limits::kMaxNestingDepth
inline constexpr const char* kRootNotObject = "json.root";           // top level is not {…}
// semantic problems (where = JSON pointer, e.g. "/slides/3/image")
inline constexpr const char* kRequired = "field.required";           // missing required field
inline constexpr const char* kType = "field.type";                   // wrong JSON type
inline constexpr const char* kRange = "field.range";                 // number outside what it may be
inline constexpr const char* kEnum = "field.enum";                   // string not one of the allowed words
inline constexpr const char* kFormat = "field.format";               // string of the wrong shape (deepLink id)
inline constexpr const char* kStringTooLong = "limit.string";        // over kMaxShortTextBytes/kMaxLongTextBytes
inline constexpr const char* kTooManySlides = "limit.slides";        // over limits::kMaxSlides
inline constexpr const char* kTooManySources = "limit.srcset";       // over limits::kMaxSrcset sizes of a photo
inline constexpr const char* kNoSlides = "slides.empty";             // "slides": []
inline constexpr const char* kUrlEmpty = "url.empty";                // see url_policy.h for the url.* rules
inline constexpr const char* kUrlScheme = "url.scheme";
inline constexpr const char* kUrlInvalid = "url.invalid";
inline constexpr const char* kUrlTooLong = "url.too_long";
// warnings: the gallery still loads
inline constexpr const char* kUnknownKey = "field.unknown";          // with a "did you mean" when close
inline constexpr const char* kDuplicateKey = "field.duplicate";      // the last one wins
inline constexpr const char* kClamped = "field.clamped";             // startIndex/autoplay/maxPixels pulled into range
inline constexpr const char* kSizeIncomplete = "slide.size";         // width without height or vice versa: both ignored
inline constexpr const char* kTruncated = "diagnostics.truncated";   // more than limits::kMaxDiagnostics
}  // namespace diag

struct ParseResult {
    Gallery gallery;          // the validated model; left default (no slides) when ok() is false
    Diagnostics diagnostics;  // errors and warnings, in document order where positions are known
    std::string file_name;    // as given to parse_gallery, for Diagnostic::format
    bool ok() const { return !has_errors(diagnostics); }
};

// Parses and validates gallery.json text. Never throws; reports the first syntax error, or else ALL
// semantic errors, and warnings (unknown keys, clamped values). Semantic diagnostics carry the line:column
// of the offending value (of the key for unknown keys, of the enclosing object for missing fields).
// Columns count UTF-16 code units (what JS editors use). A leading UTF-8 BOM is skipped and not counted.
ParseResult parse_gallery(std::string_view text, std::string_view file_name = "gallery.json");

// The normalized model as JSON, for the JS mirror/playground: every field present with defaults filled in,
// except a slide's link/width/height, left out when unknown, so the output is itself a valid gallery.json:
// {"title","description","source","slides":[{"image","alt","caption","credit","text"[,"link"][,"width","height"]}],
//  "options":{"loop","startIndex","autoplay":<ms>|false,"transition","fit","theme","deepLink":<bool>|"<id>","maxPixels"}}
std::string gallery_to_json(const Gallery& gallery);

// [{"severity":"error","id":..,"where":..,"line":..,"column":..,"message":..,"text":"<formatted>"}]
std::string diagnostics_to_json(const Diagnostics& diagnostics, std::string_view file_name = "gallery.json");

// Closest of `candidates` to `word` by edit distance (case-insensitive, transpositions count 1), if close
// enough to be a likely typo ("captoin" → "caption"), else "". Used for unknown keys and enum values.
std::string_view suggest_spelling(std::string_view word, const std::string_view* candidates, std::size_t count);

}  // namespace wg
