// limits.h — how big a gallery.json and each of its fields may be: named limits, each with its reason.
// Guarded by gallery_json.cpp and url_policy.cpp; how much image may be decoded lives in image/limits.h.
#pragma once
#include <cstddef>

namespace wg::limits {

// The seed gallery (10 slides of news text) is 13 KB; 2 MiB holds 500 such slides with room to spare,
// and is checked before parsing, so a hostile or mistaken upload costs one length comparison.
constexpr std::size_t kMaxDocumentBytes = 2u << 20;
// The format needs 3 levels (root → slides → slide); 32 leaves room for unknown extension objects
// while keeping every pass over the text bounded against "[[[[…" bombs.
constexpr int kMaxNestingDepth = 32;
// A carousel of more than 500 photos is an archive, not a gallery; the mirror's DOM stays small.
constexpr std::size_t kMaxSlides = 500;
// Sizes of one photo in a slide's "srcset" (a CMS renders 3–6; more is a mistake, not a need).
constexpr std::size_t kMaxSrcset = 16;
// title, source, alt, caption, credit: 2 000 bytes is ~1 000 Cyrillic/Arabic or ~2 000 Latin characters,
// several times the longest news caption, and still something a screen reader can read out.
constexpr std::size_t kMaxShortTextBytes = 2000;
// description, text: ~3 000 words, more than a slide's text panel shows without becoming an article.
constexpr std::size_t kMaxLongTextBytes = 20000;
// Common servers refuse longer request lines (nginx 8 KiB, Apache 8 190 B), so a longer URL cannot load.
constexpr std::size_t kMaxUrlBytes = 8192;
// data:image/… is for small inline placeholders; real photos belong in files the browser can cache.
constexpr std::size_t kMaxDataUrlBytes = 256u << 10;
// deepLink ids end up in location.hash and element ids: short, and [A-Za-z][A-Za-z0-9_-]*.
constexpr std::size_t kMaxDeepLinkIdBytes = 64;
// Faster than a second the reader cannot see the photo before it moves (the transition alone is ~0.4 s).
constexpr int kMinAutoplayMs = 1000;
// An hour per slide is indistinguishable from "off"; larger values are almost surely seconds×1000 typos.
constexpr int kMaxAutoplayMs = 3'600'000;
// Past this many diagnostics the list stops helping; a last entry says how many more were dropped.
constexpr std::size_t kMaxDiagnostics = 100;

}  // namespace wg::limits
