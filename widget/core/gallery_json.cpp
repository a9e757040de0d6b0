// gallery_json.cpp — parse (nlohmann/json, no exceptions), then validate field by field into wg::Gallery.
// Index: [SECTION] known keys · diagnostics collector · syntax pass · syntax messages · values ·
//        slides · options · root · parse_gallery · serialization · spelling
#include "core/gallery_json.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/image/limits.h"
#include "core/json_source_map.h"
#include "core/limits.h"
#include "core/text_format.h"
#include "core/url_policy.h"

namespace wg {
namespace {

using json = nlohmann::json;
namespace src = json_source;

// ---------------------------------------------------------------------------------------------------
// [SECTION] known keys (the schema in web/gallery.schema.json lists the same)
// ---------------------------------------------------------------------------------------------------
constexpr std::string_view kRootKeys[] = {"$schema", "title", "description", "source", "slides", "options"};
constexpr std::string_view kSlideKeys[] = {"image", "alt",    "caption", "credit", "text",
                                           "width", "height", "link",    "srcset"};
constexpr std::string_view kSourceKeys[] = {"url", "width"};
constexpr std::string_view kOptionKeys[] = {"loop",  "startIndex", "autoplay", "transition",
                                            "fit",   "theme",      "deepLink", "maxPixels", "direction"};
constexpr std::string_view kTransitions[] = {"slide", "fade"};
constexpr std::string_view kFits[] = {"contain", "cover"};
constexpr std::string_view kThemes[] = {"light", "dark", "auto"};
constexpr std::string_view kDirections[] = {"auto", "ltr", "rtl"};

template <std::size_t N>
int index_of(const std::string_view (&list)[N], std::string_view word) {
    for (std::size_t i = 0; i < N; ++i)
        if (list[i] == word) return static_cast<int>(i);
    return -1;
}

template <std::size_t N>
std::string quoted_list(const std::string_view (&list)[N]) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i) out += i + 1 == N ? " or " : ", ";
        out += '"';
        out += list[i];
        out += '"';
    }
    return out;
}

// Keys and values quoted back to the author are cut, UTF-8-safely, so one huge key can't flood a message.
std::string shorten(std::string_view s, std::size_t max_bytes = 40) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}

std::string parent_pointer(const std::string& pointer) {
    std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string child(const std::string& pointer, std::string_view key) {
    return pointer + "/" + src::pointer_token(key);
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] diagnostics collector
// ---------------------------------------------------------------------------------------------------
// Which place a semantic diagnostic's line:column marks: the value itself, its key (unknown/duplicate
// keys), or the object that should have contained it (missing fields).
enum class Anchor { Value, Key, Parent };

struct Collector {
    Diagnostics list;
    std::vector<std::pair<std::string, bool>> anchors;  // parallel to list: pointer to locate, is-key
    std::size_t dropped_errors = 0;
    std::size_t dropped_warnings = 0;
    bool last_added = false;  // the last add() made it into the list (not dropped over the cap)

    void add(Severity severity, const char* id, const std::string& pointer, std::string message,
             Anchor anchor = Anchor::Value) {
        last_added = list.size() < limits::kMaxDiagnostics;
        if (!last_added) {
            ++(severity == Severity::Error ? dropped_errors : dropped_warnings);
            return;
        }
        Diagnostic d;
        d.severity = severity;
        d.id = id;
        d.where = pointer;
        d.message = std::move(message);
        list.push_back(std::move(d));
        anchors.emplace_back(anchor == Anchor::Parent ? parent_pointer(pointer) : pointer, anchor == Anchor::Key);
    }
    void error(const char* id, const std::string& pointer, std::string message, Anchor a = Anchor::Value) {
        add(Severity::Error, id, pointer, std::move(message), a);
    }
    void warning(const char* id, const std::string& pointer, std::string message, Anchor a = Anchor::Value) {
        add(Severity::Warning, id, pointer, std::move(message), a);
    }
    // The last diagnostic added names what was probably meant (an editor offers it as a one-click fix).
    void suggest(std::string_view near) {
        if (!near.empty() && last_added) list.back().suggestion = std::string(near);
    }
};

// ---------------------------------------------------------------------------------------------------
// [SECTION] syntax pass: nlohmann SAX with a depth cap, duplicate known keys, and the raw parse error,
// building the document as it goes (nlohmann's own DOM builder gets every event: one pass over the
// text, and one parser linked into the wasm, not two)
// ---------------------------------------------------------------------------------------------------
// Where in the gallery format a container sits; only these frames track keys and pointers.
enum class Ctx { Root, Options, Slides, Slide, Other };

class SyntaxPass final : public nlohmann::json_sax<json> {
public:
    explicit SyntaxPass(json& doc) : dom_(doc, /*allow_exceptions=*/false) {}

    bool too_deep = false;
    bool failed = false;
    std::size_t error_position = 0;  // nlohmann's chars_read_total: just after where it stopped
    std::string error_what;
    std::vector<std::string> duplicates;  // pointers of repeated known keys

    bool null() override { return scalar() && dom_.null(); }
    bool boolean(bool v) override { return scalar() && dom_.boolean(v); }
    bool number_integer(number_integer_t v) override { return scalar() && dom_.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return scalar() && dom_.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t& s) override { return scalar() && dom_.number_float(v, s); }
    bool string(string_t& v) override { return scalar() && dom_.string(v); }
    bool binary(binary_t& v) override { return scalar() && dom_.binary(v); }
    bool start_object(std::size_t n) override { return open(true) && dom_.start_object(n); }
    bool start_array(std::size_t n) override { return open(false) && dom_.start_array(n); }
    bool end_object() override { return close() && dom_.end_object(); }
    bool end_array() override { return close() && dom_.end_array(); }

    bool key(string_t& k) override {
        Frame& f = frames_.back();
        f.key = k;
        int bit = -1;
        if (f.ctx == Ctx::Root) bit = index_of(kRootKeys, k);
        if (f.ctx == Ctx::Options) bit = index_of(kOptionKeys, k);
        if (f.ctx == Ctx::Slide) bit = index_of(kSlideKeys, k);
        if (bit >= 0) {
            if (f.seen & (1u << bit)) duplicates.push_back(child(f.pointer, k));
            f.seen |= 1u << bit;
        }
        return dom_.key(k);
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        failed = true;
        error_position = position;
        error_what = ex.what();
        return false;
    }

private:
    struct Frame {
        Ctx ctx;
        std::string pointer;  // kept for Root/Options/Slides/Slide only
        std::size_t next_index = 0;
        std::string key;
        std::uint32_t seen = 0;  // bit i: known key i already met
    };
    std::vector<Frame> frames_;
    nlohmann::detail::json_sax_dom_parser<json> dom_;

    bool scalar() {
        if (!frames_.empty() && frames_.back().ctx != Ctx::Other) ++frames_.back().next_index;
        return true;
    }

    bool open(bool object) {
        if (frames_.size() >= static_cast<std::size_t>(limits::kMaxNestingDepth)) {
            too_deep = true;
            return false;  // stops nlohmann at once: nothing deeper is ever built
        }
        Frame f{Ctx::Other, {}, 0, {}, 0};
        if (frames_.empty()) {
            f.ctx = object ? Ctx::Root : Ctx::Other;
        } else {
            Frame& p = frames_.back();
            if (p.ctx == Ctx::Root && object && p.key == "options") f.ctx = Ctx::Options;
            if (p.ctx == Ctx::Root && !object && p.key == "slides") f.ctx = Ctx::Slides;
            if (p.ctx == Ctx::Slides && object) f.ctx = Ctx::Slide;
            if (f.ctx != Ctx::Other)
                f.pointer = p.ctx == Ctx::Slides ? p.pointer + "/" + std::to_string(p.next_index) : child(p.pointer, p.key);
            if (p.ctx != Ctx::Other) ++p.next_index;
        }
        frames_.push_back(std::move(f));
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }
};

// ---------------------------------------------------------------------------------------------------
// [SECTION] syntax messages: nlohmann's wording → a short reason, and the offset it is about
// ---------------------------------------------------------------------------------------------------
struct SyntaxError {
    std::size_t offset;
    std::string message;
};

std::string between(const std::string& s, const std::string& open, const std::string& close) {
    std::size_t a = s.find(open);
    if (a == std::string::npos) return {};
    a += open.size();
    std::size_t b = close.empty() ? std::string::npos : s.find(close, a);
    return s.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

bool is_json_delimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '{' || c == '}' || c == '[' || c == ']' ||
           c == ':' || c == ',' || c == '"';
}

// The previous non-whitespace byte before `offset`, or 0.
char previous_char(std::string_view body, std::size_t offset) {
    while (offset > 0) {
        char c = body[--offset];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
    }
    return 0;
}

// nlohmann reports "syntax error while parsing <context> - <detail>" where detail is either a lexer
// message + "; last read: '…'" or "unexpected <token>[; expected <token>]". The mapping is pinned by tests.
SyntaxError describe_syntax_error(std::string_view body, std::size_t position, const std::string& what) {
    const std::size_t end = body.size();
    const std::size_t at = std::min(position > 0 ? position - 1 : 0, end);  // last byte the lexer read

    if (what.find("number overflow") != std::string::npos)
        return {src::token_start_before(body, std::min(position, end)), "number out of range"};

    std::string context = between(what, "while parsing ", " - ");
    std::string detail = between(what, "syntax error", "");
    std::size_t dash = detail.find(" - ");
    detail = dash == std::string::npos ? detail : detail.substr(dash + 3);

    std::size_t last_read = detail.find("; last read:");
    if (last_read != std::string::npos) {  // the lexer refused a token
        std::string lex = detail.substr(0, last_read);
        if (lex.find("missing closing quote") != std::string::npos)
            return {end, "unexpected end of input (unclosed string)"};
        if (lex.find("control character") != std::string::npos) {
            std::size_t to = lex.find(" to \\");
            return {at, to == std::string::npos ? lex : lex.substr(0, to)};
        }
        if (lex == "invalid literal") {
            if (at < end && body[at] == '/') return {at, "comments are not allowed in JSON"};
            if (at < end && body[at] == '\'') return {at, "strings must use double quotes"};
            std::size_t start = at;
            if (start < end && is_json_delimiter(body[start]) && start > 0 && !is_json_delimiter(body[start - 1]))
                --start;  // "tru}" stops at '}': point at the word, not at what follows it
            while (start > 0 && !is_json_delimiter(body[start - 1])) --start;
            std::size_t stop = start;
            while (stop < end && !is_json_delimiter(body[stop])) ++stop;
            if (stop == start) return {start, "invalid literal"};
            return {start, "invalid literal '" + shorten(body.substr(start, stop - start), 20) +
                               "' (expected a string, number, true, false or null)"};
        }
        return {at, lex};
    }

    std::string unexpected = between(detail, "unexpected ", ";");
    std::string expected = between(detail, "; expected ", "");
    if (unexpected == "end of input") {
        bool blank = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
        return {end, blank ? "empty document" : "unexpected end of input"};
    }
    std::size_t offset = src::token_start_before(body, std::min(position, end));
    bool after_comma = previous_char(body, offset) == ',';
    if (context == "object") return {offset, "expected ',' or '}'"};
    if (context == "array") return {offset, "expected ',' or ']'"};
    if (context == "object separator") return {offset, "expected ':'"};
    if (context == "object key")
        return {offset, after_comma && unexpected == "'}'" ? "expected a key after ',' (no trailing commas in JSON)"
                                                           : "expected a key in double quotes"};
    if (context == "value" && expected == "end of input")
        return {offset, "unexpected text after the end of the document"};
    if (context == "value")
        return {offset, after_comma && unexpected == "']'" ? "expected a value after ',' (no trailing commas in JSON)"
                                                           : "expected a value"};
    return {offset, detail.empty() ? std::string("syntax error") : detail};
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] values: typed reads that report instead of failing
// ---------------------------------------------------------------------------------------------------
const char* type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "integer";
        case json::value_t::number_float: return "number";
        case json::value_t::string: return "string";
        case json::value_t::array: return "array";
        case json::value_t::object: return "object";
        default: return "value";
    }
}

// The integer a JSON number stands for (1600, 1600.0, 1.6e3), saturated to long long; nullopt for
// non-numbers and fractions. Floats count when integral, as JSON Schema's "integer" counts them.
std::optional<long long> integer_of(const json& v) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        return u > static_cast<std::uint64_t>(LLONG_MAX) ? LLONG_MAX : static_cast<long long>(u);
    }
    if (v.is_number_integer()) return static_cast<long long>(v.get<std::int64_t>());
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (!std::isfinite(d) || std::floor(d) != d) return std::nullopt;
        if (d >= 9.2e18) return LLONG_MAX;
        if (d <= -9.2e18) return LLONG_MIN;
        return static_cast<long long>(d);
    }
    return std::nullopt;
}

class Validator {
public:
    explicit Validator(Collector& out) : out_(out) {}

    void root(const json& doc, Gallery& g) {
        if (!doc.is_object()) {
            out_.error(diag::kRootNotObject, "", std::string("expected an object at the top level, got ") + type_name(doc));
            return;
        }
        const std::string base;
        if (auto it = doc.find("$schema"); it != doc.end() && !it->is_string())
            type_error("/$schema", "string", *it);
        text(doc, "title", base, limits::kMaxShortTextBytes, g.title);
        text(doc, "description", base, limits::kMaxLongTextBytes, g.description);
        text(doc, "source", base, limits::kMaxShortTextBytes, g.source);
        bool slides_ok = slides(doc, g);
        options(doc, g.options, slides_ok ? g.slides.size() : 0);
        for (const auto& item : doc.items()) {
            const std::string& k = item.key();
            if (index_of(kRootKeys, k) >= 0) continue;
            if (index_of(kOptionKeys, k) >= 0)
                out_.warning(diag::kUnknownKey, child(base, k), "unknown key (\"" + k + "\" belongs inside \"options\")", Anchor::Key);
            else if (index_of(kSlideKeys, k) >= 0)
                out_.warning(diag::kUnknownKey, child(base, k), "unknown key (\"" + k + "\" belongs inside a slide)", Anchor::Key);
            else
                unknown_key(base, k, kRootKeys);
        }
    }

private:
    Collector& out_;

    enum class Given { Absent, Valid, Invalid };  // what a field read found

    // -- [SECTION] slides ------------------------------------------------------------------------------
    bool slides(const json& doc, Gallery& g) {
        auto it = doc.find("slides");
        if (it == doc.end()) {
            out_.error(diag::kRequired, "/slides", "required", Anchor::Parent);
            return false;
        }
        if (!it->is_array()) {
            type_error("/slides", "array", *it);
            return false;
        }
        if (it->empty()) {
            out_.error(diag::kNoSlides, "/slides", "at least one slide is required");
            return false;
        }
        std::size_t n = it->size();
        if (n > limits::kMaxSlides) {
            out_.error(diag::kTooManySlides, "/slides",
                       "too many slides: " + std::to_string(n) + " (limit " + std::to_string(limits::kMaxSlides) + ")");
            n = limits::kMaxSlides;  // still check the first ones, to report what else is wrong
        }
        bool all_ok = true;
        std::size_t i = 0;
        for (const json& v : *it) {
            if (i == n) break;
            Slide s;
            all_ok &= slide(v, "/slides/" + std::to_string(i), s);
            g.slides.push_back(std::move(s));
            ++i;
        }
        return all_ok;
    }

    bool slide(const json& v, const std::string& base, Slide& s) {
        if (!v.is_object()) {
            type_error(base, "object", v);
            return false;
        }
        std::size_t errors_before = error_count();
        url(v, "image", base, UrlUse::Image, /*required=*/true, s.image);
        text(v, "alt", base, limits::kMaxShortTextBytes, s.alt);
        text(v, "caption", base, limits::kMaxShortTextBytes, s.caption);
        text(v, "credit", base, limits::kMaxShortTextBytes, s.credit);
        text(v, "text", base, limits::kMaxLongTextBytes, s.text);
        Given w = dimension(v, "width", base, s.width);
        Given h = dimension(v, "height", base, s.height);
        if ((w == Given::Valid && h == Given::Absent) || (w == Given::Absent && h == Given::Valid)) {
            bool only_w = w == Given::Valid;
            out_.warning(diag::kSizeIncomplete, child(base, only_w ? "width" : "height"),
                         std::string(only_w ? "width without height" : "height without width") +
                             " is ignored: give both, or neither",
                         Anchor::Key);
            s.width = s.height = 0;
        }
        url(v, "link", base, UrlUse::Link, /*required=*/false, s.link);
        srcset(v, base, s.srcset);
        for (const auto& item : v.items())
            if (index_of(kSlideKeys, item.key()) < 0) unknown_key(base, item.key(), kSlideKeys);
        return error_count() == errors_before;
    }

    // "srcset": [{"url": …, "width": 800}, …] — each url allowed as an image's, each width a dimension.
    void srcset(const json& obj, const std::string& base, std::vector<ImageSource>& out) {
        const json* v = find(obj, "srcset");
        if (!v) return;
        const std::string p = child(base, "srcset");
        if (!v->is_array()) return type_error(p, "array of {\"url\", \"width\"}", *v);
        if (v->size() > limits::kMaxSrcset) {
            out_.error(diag::kTooManySources, p, std::to_string(v->size()) + " sizes of one photo (limit " +
                                                     std::to_string(limits::kMaxSrcset) + ")");
            return;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            const std::string ep = p + "/" + std::to_string(i);
            if (!e.is_object()) {
                type_error(ep, "object {\"url\", \"width\"}", e);
                continue;
            }
            ImageSource src;
            url(e, "url", ep, UrlUse::Image, /*required=*/true, src.url);
            Given w = dimension(e, "width", ep, src.width);
            if (w == Given::Absent) out_.error(diag::kRequired, child(ep, "width"), "required", Anchor::Parent);
            for (const auto& item : e.items())
                if (index_of(kSourceKeys, item.key()) < 0) unknown_key(ep, item.key(), kSourceKeys);
            if (!src.url.empty() && w == Given::Valid) out.push_back(std::move(src));
        }
    }

    // -- [SECTION] options -----------------------------------------------------------------------------
    void options(const json& doc, Options& o, std::size_t slide_count) {
        auto it = doc.find("options");
        if (it == doc.end()) return;
        const std::string base = "/options";
        if (!it->is_object()) {
            type_error(base, "object", *it);
            return;
        }
        const json& v = *it;
        boolean(v, "loop", base, o.loop);
        start_index(v, base, slide_count, o.start_index);
        autoplay(v, base, o.autoplay_ms);
        enumeration(v, "transition", base, kTransitions, o.transition, {Transition::Slide, Transition::Fade});
        enumeration(v, "fit", base, kFits, o.fit, {Fit::Contain, Fit::Cover});
        enumeration(v, "theme", base, kThemes, o.theme, {Theme::Light, Theme::Dark, Theme::Auto});
        enumeration(v, "direction", base, kDirections, o.direction, {Direction::Auto, Direction::Ltr, Direction::Rtl});
        deep_link(v, base, o);
        max_pixels(v, base, o.max_pixels);
        for (const auto& item : v.items())
            if (index_of(kOptionKeys, item.key()) < 0) unknown_key(base, item.key(), kOptionKeys);
    }

    void start_index(const json& obj, const std::string& base, std::size_t slide_count, int& out) {
        const json* v = find(obj, "startIndex");
        if (!v) return;
        const std::string p = base + "/startIndex";
        std::optional<long long> n = integer_of(*v);
        if (!n) return type_error(p, "integer", *v);
        if (slide_count == 0) return;  // slides are broken: that error already stops the load
        long long last = static_cast<long long>(slide_count) - 1;
        long long clamped = std::clamp(*n, 0LL, last);
        if (clamped != *n)
            out_.warning(diag::kClamped, p, std::to_string(*n) + " is out of range (0–" + std::to_string(last) +
                                                "); using " + std::to_string(clamped));
        out = static_cast<int>(clamped);
    }

    void autoplay(const json& obj, const std::string& base, int& out) {
        const json* v = find(obj, "autoplay");
        if (!v) return;
        const std::string p = base + "/autoplay";
        if (v->is_boolean() && !v->get<bool>()) {
            out = 0;
            return;
        }
        std::optional<long long> n = integer_of(*v);
        if (!n || *n <= 0) {
            out_.error(n ? diag::kRange : diag::kType, p,
                       std::string("expected positive integer (milliseconds) or false, got ") +
                           (n ? std::to_string(*n) : type_name(*v)));
            return;
        }
        long long clamped = std::clamp<long long>(*n, limits::kMinAutoplayMs, limits::kMaxAutoplayMs);
        if (clamped != *n)
            out_.warning(diag::kClamped, p, std::to_string(*n) + " ms is out of range (" +
                                                std::to_string(limits::kMinAutoplayMs) + "–" +
                                                std::to_string(limits::kMaxAutoplayMs) + "); using " +
                                                std::to_string(clamped));
        out = static_cast<int>(clamped);
    }

    void deep_link(const json& obj, const std::string& base, Options& o) {
        const json* v = find(obj, "deepLink");
        if (!v) return;
        const std::string p = base + "/deepLink";
        if (v->is_boolean()) {
            o.deep_link = v->get<bool>();
            return;
        }
        if (!v->is_string()) return type_error(p, "boolean or id string", *v);
        const std::string& id = v->get_ref<const std::string&>();
        bool ok = !id.empty() && id.size() <= limits::kMaxDeepLinkIdBytes &&
                  ((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'));
        for (char c : id)
            ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
        if (!ok) {
            out_.error(diag::kFormat, p, "deep link id must be 1–" + std::to_string(limits::kMaxDeepLinkIdBytes) +
                                             " characters: a letter, then letters, digits, '-' or '_'");
            return;
        }
        o.deep_link = true;
        o.deep_link_id = id;
    }

    void max_pixels(const json& obj, const std::string& base, long long& out) {
        const json* v = find(obj, "maxPixels");
        if (!v) return;
        const std::string p = base + "/maxPixels";
        std::optional<long long> n = integer_of(*v);
        if (!n) return type_error(p, "positive integer", *v);
        if (*n <= 0) {
            out_.error(diag::kRange, p, "expected positive integer, got " + std::to_string(*n));
            return;
        }
        // The gallery may lower the decoder's limit per image, never raise it.
        if (*n > image::kMaxPixels) {
            out_.warning(diag::kClamped, p, std::to_string(*n) + " is above the decoder's limit; using " +
                                                std::to_string(image::kMaxPixels));
            out = image::kMaxPixels;
            return;
        }
        out = *n;
    }

    template <typename E, std::size_t N>
    void enumeration(const json& obj, const char* key, const std::string& base, const std::string_view (&words)[N],
                     E& out, std::initializer_list<E> values) {
        const json* v = find(obj, key);
        if (!v) return;
        const std::string p = child(base, key);
        if (!v->is_string()) return type_error(p, "string (" + quoted_list(words) + ")", *v);
        const std::string& s = v->get_ref<const std::string&>();
        int i = index_of(words, s);
        if (i < 0) {
            std::string msg = "expected " + quoted_list(words) + ", got \"" + shorten(s) + "\"";
            std::string_view near = suggest_spelling(s, words, N);
            if (!near.empty()) msg += " (did you mean \"" + std::string(near) + "\"?)";
            out_.error(diag::kEnum, p, msg);
            out_.suggest(near);
            return;
        }
        out = *(values.begin() + i);
    }

    // -- field readers --------------------------------------------------------------------------------
    const json* find(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    void type_error(const std::string& pointer, const std::string& expected, const json& got) {
        out_.error(diag::kType, pointer, "expected " + expected + ", got " + type_name(got));
    }

    void text(const json& obj, const char* key, const std::string& base, std::size_t max_bytes, std::string& out) {
        const json* v = find(obj, key);
        if (!v) return;
        const std::string p = child(base, key);
        if (!v->is_string()) return type_error(p, "string", *v);
        const std::string& s = v->get_ref<const std::string&>();
        if (s.size() > max_bytes) {
            out_.error(diag::kStringTooLong, p, "too long: " + std::to_string(s.size()) + " bytes (limit " +
                                                    std::to_string(max_bytes) + ")");
            return;
        }
        out = s;
    }

    void boolean(const json& obj, const char* key, const std::string& base, bool& out) {
        const json* v = find(obj, key);
        if (!v) return;
        if (!v->is_boolean()) return type_error(child(base, key), "boolean", *v);
        out = v->get<bool>();
    }

    // width/height: a positive integer no larger than the decoder accepts.
    Given dimension(const json& obj, const char* key, const std::string& base, int& out) {
        const json* v = find(obj, key);
        if (!v) return Given::Absent;
        const std::string p = child(base, key);
        std::optional<long long> n = integer_of(*v);
        if (!n || *n <= 0) {
            out_.error(n ? diag::kRange : diag::kType, p,
                       std::string("expected positive integer, got ") + (n ? std::to_string(*n) : type_name(*v)));
            return Given::Invalid;
        }
        if (*n > image::kMaxDimension) {
            out_.error(diag::kRange, p, std::to_string(*n) + " is larger than any image the decoder accepts (" +
                                            std::to_string(image::kMaxDimension) + ")");
            return Given::Invalid;
        }
        out = static_cast<int>(*n);
        return Given::Valid;
    }

    void url(const json& obj, const char* key, const std::string& base, UrlUse use, bool required, std::string& out) {
        const std::string p = child(base, key);
        const json* v = find(obj, key);
        if (!v) {
            if (required) out_.error(diag::kRequired, p, "required", Anchor::Parent);
            return;
        }
        if (!v->is_string()) return type_error(p, "string (URL)", *v);
        const std::string& s = v->get_ref<const std::string&>();
        UrlVerdict verdict = check_url(s, use);
        if (verdict == UrlVerdict::Allowed) {
            out = s;
            return;
        }
        std::string msg = url_verdict_message(verdict);
        if (verdict == UrlVerdict::Scheme)
            msg = "\"" + shorten(url_scheme(s), 24) + ":\" URLs are not allowed; use http:, https: or a relative URL";
        if (verdict == UrlVerdict::TooLong)
            msg = "URL too long: " + std::to_string(s.size()) + " bytes (limit " + std::to_string(url_length_limit(s)) + ")";
        out_.error(url_verdict_id(verdict), p, msg);
    }

    template <std::size_t N>
    void unknown_key(const std::string& base, const std::string& key, const std::string_view (&known)[N]) {
        std::string msg = "unknown key";
        std::string_view near = suggest_spelling(key, known, N);
        if (!near.empty()) msg += " (did you mean \"" + std::string(near) + "\"?)";
        out_.warning(diag::kUnknownKey, child(base, key), msg, Anchor::Key);
        out_.suggest(near);
    }

    std::size_t error_count() const {
        std::size_t n = out_.dropped_errors;
        for (const auto& d : out_.list) n += d.severity == Severity::Error;
        return n;
    }
};

// Fills in line:column for every semantic diagnostic, then orders them as they appear in the text.
void place(std::string_view body, Collector& c) {
    std::vector<std::string> pointers;
    pointers.reserve(c.anchors.size());
    for (const auto& a : c.anchors) pointers.push_back(a.first);
    std::vector<src::PointerLocation> locs = src::locate_pointers(body, pointers);
    std::vector<std::size_t> offsets;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < locs.size(); ++i) {
        std::size_t off = c.anchors[i].second ? locs[i].key : locs[i].value;
        if (off == src::npos) continue;
        offsets.push_back(off);
        which.push_back(i);
    }
    std::vector<src::TextPosition> pos = src::positions_of(body, offsets);
    for (std::size_t k = 0; k < which.size(); ++k) {
        c.list[which[k]].line = pos[k].line;
        c.list[which[k]].column = pos[k].column;
    }
    // By place, those at one place (or with none) in the order they were found: std::sort on (line,
    // column, found), which orders as stable_sort would without its merge code in the wasm.
    std::vector<std::size_t> found(c.list.size());
    std::iota(found.begin(), found.end(), std::size_t{0});
    auto key = [&](std::size_t i) {
        const Diagnostic& d = c.list[i];
        return std::make_tuple(d.line == 0 ? INT_MAX : d.line, d.column, i);
    };
    std::sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    std::vector<Diagnostic> sorted;
    sorted.reserve(found.size());
    for (std::size_t i : found) sorted.push_back(std::move(c.list[i]));
    c.list = std::move(sorted);
}

Diagnostic positioned(const char* id, std::string_view body, std::size_t offset, std::string message) {
    src::TextPosition p = src::position_of(body, offset);
    Diagnostic d;
    d.id = id;
    d.line = p.line;
    d.column = p.column;
    d.where = std::to_string(p.line) + ":" + std::to_string(p.column);
    d.message = std::move(message);
    return d;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// [SECTION] parse_gallery
// ---------------------------------------------------------------------------------------------------
ParseResult parse_gallery(std::string_view text, std::string_view file_name) {
    ParseResult r;
    r.file_name = std::string(file_name);

    if (text.size() > limits::kMaxDocumentBytes) {
        Diagnostic d;
        d.id = diag::kDocumentTooLarge;
        d.message = "document too large: " + std::to_string(text.size()) + " bytes (limit " +
                    std::to_string(limits::kMaxDocumentBytes) + ")";
        r.diagnostics.push_back(std::move(d));
        return r;
    }
    // A BOM is skipped here rather than by nlohmann, so offsets (and columns) start after it.
    std::string_view body = text;
    if (body.size() >= 3 && body.compare(0, 3, "\xEF\xBB\xBF") == 0) body.remove_prefix(3);

    if (std::size_t bad = src::find_invalid_utf8(body); bad != src::npos) {
        r.diagnostics.push_back(positioned(diag::kInvalidUtf8, body, bad,
                                           "invalid UTF-8 (byte 0x" + hex_byte(static_cast<unsigned char>(body[bad])) + ")"));
        return r;
    }

    // nlohmann's lexer takes a NUL byte for the end of its input (C strings), so "123\0garbage" would
    // pass as 123: refuse it here, wherever it is (raw U+0000 is not allowed even inside a string).
    if (std::size_t nul = body.find('\0'); nul != std::string_view::npos) {
        r.diagnostics.push_back(positioned(diag::kSyntax, body, nul,
                                           "NUL character (U+0000) is not allowed in JSON text (inside a string write \\u0000)"));
        return r;
    }

    json doc;  // built by the pass; the document only if it parsed
    SyntaxPass pass(doc);
    bool parsed = json::sax_parse(body.begin(), body.end(), &pass, json::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
    if (!parsed) {
        if (pass.too_deep) {
            std::size_t at = src::find_nesting_overflow(body, limits::kMaxNestingDepth);
            r.diagnostics.push_back(positioned(diag::kTooDeep, body, at == src::npos ? 0 : at,
                                               "nested deeper than " + std::to_string(limits::kMaxNestingDepth) + " levels"));
        } else {
            SyntaxError e = describe_syntax_error(body, pass.error_position, pass.error_what);
            r.diagnostics.push_back(positioned(diag::kSyntax, body, e.offset, e.message));
        }
        return r;
    }

    Collector c;
    Gallery g;
    Validator(c).root(doc, g);
    for (const std::string& p : pass.duplicates)
        c.warning(diag::kDuplicateKey, p, "duplicate key (the last one wins)", Anchor::Key);
    place(body, c);

    if (c.dropped_errors + c.dropped_warnings > 0) {
        Diagnostic d;
        d.severity = c.dropped_errors ? Severity::Error : Severity::Warning;
        d.id = diag::kTruncated;
        d.message = std::to_string(c.dropped_errors + c.dropped_warnings) + " more diagnostics not shown (" +
                    std::to_string(c.dropped_errors) + " errors)";
        c.list.push_back(std::move(d));
    }
    r.diagnostics = std::move(c.list);
    if (r.ok()) r.gallery = std::move(g);
    return r;
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] serialization
// ---------------------------------------------------------------------------------------------------
namespace {
const char* name_of(Transition t) { return t == Transition::Fade ? "fade" : "slide"; }
const char* name_of(Fit f) { return f == Fit::Cover ? "cover" : "contain"; }
const char* name_of(Theme t) { return t == Theme::Light ? "light" : t == Theme::Dark ? "dark" : "auto"; }
const char* name_of(Direction d) { return d == Direction::Ltr ? "ltr" : d == Direction::Rtl ? "rtl" : "auto"; }

// A JSON object written in key order. Never throws or aborts on bad UTF-8 (a Gallery may be built by
// hand): it is replaced with U+FFFD (text_format.h).
class Obj {
public:
    Obj() : s_("{") {}
    Obj& str(const char* k, std::string_view v) { append_json_string(key(k), v); return *this; }
    Obj& num(const char* k, long long v) { key(k) += std::to_string(v); return *this; }
    Obj& boolean(const char* k, bool v) { key(k) += v ? "true" : "false"; return *this; }
    Obj& raw(const char* k, std::string_view json) { key(k) += json; return *this; }
    std::string done() { return std::move(s_) + "}"; }

private:
    std::string& key(const char* k) {
        if (s_.size() > 1) s_ += ',';
        append_json_string(s_, k);
        s_ += ':';
        return s_;
    }
    std::string s_;
};

std::string array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& i : items) out += (out.size() > 1 ? "," : "") + i;
    return out + "]";
}
}  // namespace

std::string gallery_to_json(const Gallery& g) {
    std::vector<std::string> slides;
    for (const Slide& s : g.slides) {
        Obj j;
        j.str("image", s.image).str("alt", s.alt).str("caption", s.caption).str("credit", s.credit).str("text", s.text);
        // Left out when unknown, so that the normalized JSON is itself a valid gallery.json.
        if (!s.link.empty()) j.str("link", s.link);
        if (s.width > 0 && s.height > 0) j.num("width", s.width).num("height", s.height);
        if (!s.srcset.empty()) {
            std::vector<std::string> sizes;
            for (const ImageSource& src : s.srcset) sizes.push_back(Obj().str("url", src.url).num("width", src.width).done());
            j.raw("srcset", array(sizes));
        }
        slides.push_back(j.done());
    }
    const Options& o = g.options;
    Obj options;
    options.boolean("loop", o.loop).num("startIndex", o.start_index);
    if (o.autoplay_ms > 0) options.num("autoplay", o.autoplay_ms);
    else options.boolean("autoplay", false);
    options.str("transition", name_of(o.transition)).str("fit", name_of(o.fit)).str("theme", name_of(o.theme))
        .str("direction", name_of(o.direction));
    if (o.deep_link_id.empty()) options.boolean("deepLink", o.deep_link);
    else options.str("deepLink", o.deep_link_id);
    options.num("maxPixels", o.max_pixels);
    return Obj().str("title", g.title).str("description", g.description).str("source", g.source)
        .raw("slides", array(slides)).raw("options", options.done()).done();
}

std::string diagnostics_to_json(const Diagnostics& diagnostics, std::string_view file_name) {
    std::vector<std::string> out;
    const std::string file(file_name);
    for (const Diagnostic& d : diagnostics) {
        Obj o;
        o.str("severity", d.severity == Severity::Error ? "error" : "warning")
            .str("id", d.id).str("where", d.where).num("line", d.line).num("column", d.column)
            .str("message", d.message).str("text", d.format(file));
        if (!d.suggestion.empty()) o.str("suggestion", d.suggestion);
        out.push_back(o.done());
    }
    return array(out);
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] spelling: optimal string alignment distance (Levenshtein + adjacent transpositions)
// ---------------------------------------------------------------------------------------------------
namespace {
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t osa_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> d((n + 1) * (m + 1));
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
    for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(n, m);
}
}  // namespace

std::string_view suggest_spelling(std::string_view word, const std::string_view* candidates, std::size_t count) {
    // Typos are short; past this a key is not a misspelling of ours and the table would cost for nothing.
    constexpr std::size_t kMaxWord = 32;
    if (word.empty() || word.size() > kMaxWord) return {};
    std::string_view best;
    std::size_t best_d = SIZE_MAX;
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t d = osa_distance(word, candidates[i]);
        // at most 2 edits, and fewer than half the word: "img" → "image", but "id" ↛ "fit"
        if (d <= 2 && d * 2 < std::max(word.size(), candidates[i].size()) && d < best_d) {
            best = candidates[i];
            best_d = d;
        }
    }
    return best;
}

}  // namespace wg
