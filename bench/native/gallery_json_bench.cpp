// gallery_json_bench.cpp — parse + validate a generated 500-slide gallery.json (about 0.5 MB: every
// field a news gallery fills, paragraphs of body text, non-ASCII punctuation), and write the normalized
// model back out as JSON (what wg_load hands the JS mirror), i.e. the wasm's whole load-time work.
#include <benchmark/benchmark.h>

#include <string>

#include "core/gallery_json.h"

namespace {

constexpr int kSlides = 500;  // limits::kMaxSlides: the largest gallery the validator accepts

std::string make_gallery_json(int slides) {
    std::string s = "{\n  \"title\": \"Benchmark gallery — 500 photos\",\n  \"description\": \"Generated.\",\n"
                    "  \"source\": \"wasm-gallery bench\",\n  \"options\": {\"loop\": false, \"fit\": \"contain\"},\n"
                    "  \"slides\": [\n";
    for (int i = 0; i < slides; ++i) {
        const std::string n = std::to_string(i + 1);
        s += "    {\"image\": \"photos/" + n + ".jpg\", \"width\": 4000, \"height\": 3000,\n";
        s += "     \"alt\": \"Photo " + n + ": a crowd gathers in the square at dusk, lanterns in hand.\",\n";
        s += "     \"caption\": \"Pictured: “Evening ” number " + n + " — a crowd gathers in the square.\",\n";
        s += "     \"credit\": \"© Photo agency " + n + "\",\n     \"text\": \"";
        for (int p = 0; p < 3; ++p)
            s += "In the second half of the decade relations began to thaw, with economic ties remaining close "
                 "and cultural cooperation continuing; airlines resumed flights… " + std::string(p < 2 ? "\\n\\n" : "");
        s += "\"}";
        s += i + 1 < slides ? ",\n" : "\n";
    }
    s += "  ]\n}\n";
    return s;
}

void BM_ParseValidateGallery500(benchmark::State& state) {
    const std::string text = make_gallery_json(kSlides);
    for (auto _ : state) {
        wg::ParseResult r = wg::parse_gallery(text);
        if (!r.ok() || r.gallery.slides.size() != size_t(kSlides)) state.SkipWithError("the generated gallery did not validate");
        benchmark::DoNotOptimize(r.gallery.slides.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
    state.counters["json_KB"] = double(text.size()) / 1024.0;
}
BENCHMARK(BM_ParseValidateGallery500)->Unit(benchmark::kMillisecond);

void BM_ParseAndNormalizeGallery500(benchmark::State& state) {
    const std::string text = make_gallery_json(kSlides);
    for (auto _ : state) {
        wg::ParseResult r = wg::parse_gallery(text);
        std::string out = wg::gallery_to_json(r.gallery);
        if (!r.ok()) state.SkipWithError("the generated gallery did not validate");
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_ParseAndNormalizeGallery500)->Unit(benchmark::kMillisecond);

}  // namespace
