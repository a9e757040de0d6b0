// gallery_fuzz.cpp — libFuzzer target for gallery.json validation: parse_gallery, gallery_to_json and
// diagnostics_to_json on arbitrary bytes. Besides crashes (ASan/UBSan), it traps when a result breaks
// its own contract: a valid gallery must survive a round trip through its normalized JSON unchanged, and
// the diagnostics list must be valid JSON that the playground can read.
// Seeds: tests/fuzz/corpus/gallery/ (scripts/fuzz.js copies them to build/fuzz/ first).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/gallery_json.h"
#include "core/image_choice.h"
#include "core/limits.h"

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

// Every diagnostic the playground shows needs an ID to match on and a message to print.
void check_diagnostics(const wg::Diagnostics& ds, std::string_view file) {
    check(ds.size() <= wg::limits::kMaxDiagnostics + 1);  // + the "diagnostics.truncated" note
    for (const auto& d : ds) {
        check(!d.id.empty() && !d.message.empty());
        check(d.line >= 0 && d.column >= 0);
        check((d.line == 0) == (d.column == 0));
    }
    const std::string text = wg::diagnostics_to_json(ds, file);
    const auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    check(parsed.is_array() && parsed.size() == ds.size());
    for (size_t i = 0; i < ds.size(); ++i) {
        const auto& j = parsed[i];
        check(j.is_object() && j.contains("id") && j["id"].is_string());
        check(j["id"].get<std::string>() == ds[i].id);
        check(j.contains("text") && j["text"].is_string() && !j["text"].get<std::string>().empty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const wg::ParseResult r = wg::parse_gallery(text, "fuzz.json");
    check_diagnostics(r.diagnostics, r.file_name);
    if (!r.ok()) {
        check(r.gallery.slides.empty());  // documented: the model stays default on error
        return 0;
    }
    const auto& g = r.gallery;
    check(!g.slides.empty() && g.slides.size() <= wg::limits::kMaxSlides);
    check(g.options.start_index >= 0 && size_t(g.options.start_index) < g.slides.size());
    check(g.options.autoplay_ms == 0 || (g.options.autoplay_ms >= wg::limits::kMinAutoplayMs &&
                                         g.options.autoplay_ms <= wg::limits::kMaxAutoplayMs));
    for (const auto& s : g.slides) {
        check(!s.image.empty() && s.image.size() <= wg::limits::kMaxDataUrlBytes);
        check(s.width >= 0 && s.height >= 0 && (s.width == 0) == (s.height == 0));
        check(s.srcset.size() <= wg::limits::kMaxSrcset);
        for (const auto& c : s.srcset) check(!c.url.empty() && c.width > 0);
        // The size fetched is always one of the slide's own URLs, for any box.
        for (int box : {1, 480, 2048}) {
            const std::string& u = wg::choose_image(s, box, box, g.options.fit);
            bool own = u == s.image;
            for (const auto& c : s.srcset) own = own || u == c.url;
            check(own);
        }
    }

    // The normalized JSON is itself a valid gallery.json that means the same thing (the playground and
    // the JS mirror rely on it), so normalizing twice must change nothing and add no error.
    const std::string once = wg::gallery_to_json(g);
    const wg::ParseResult again = wg::parse_gallery(once, "normalized.json");
    check(again.ok());
    check(again.gallery.slides.size() == g.slides.size());
    check(wg::gallery_to_json(again.gallery) == once);
    return 0;
}
