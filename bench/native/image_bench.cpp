// image_bench.cpp — the core's photo path on a 12 MP JPEG (photo_12mp.h): probe alone, stb_image's
// decode alone (SSE2 build; see stb_scalar_bench.cpp for the same decode without SIMD), the downscale
// alone, and the whole decode() a phone asks for (probe → decode → fit 1080 px wide → RGBA).
#include <benchmark/benchmark.h>

#include <vector>

#include "core/image/decode.h"
#include "core/image/pixels.h"
#include "core/image/probe.h"
#include "core/image/stb_impl.h"
#include "photo_12mp.h"

namespace {

using wg::bench::photo_12mp;
// A phone's photo box: 360 CSS px × DPR 3 wide, 4:3 → what wasm-gallery asks the decoder for.
constexpr int kBoxWidth = 1080, kBoxHeight = 810;

void BM_Probe12MP(benchmark::State& state) {
    const auto& jpeg = photo_12mp();
    for (auto _ : state) {
        auto r = wg::image::probe(jpeg.data(), jpeg.size());
        if (r.error) state.SkipWithError(r.error->message.c_str());
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(jpeg.size()));
    state.counters["jpeg_MB"] = double(jpeg.size()) / 1e6;
}
BENCHMARK(BM_Probe12MP)->Unit(benchmark::kMicrosecond);

void BM_StbDecode12MP_SIMD(benchmark::State& state) {
    const auto& jpeg = photo_12mp();
    for (auto _ : state) {
        int w = 0, h = 0;
        uint8_t* px = wg::image::stb::load(jpeg.data(), jpeg.size(), &w, &h, 3);
        if (!px) state.SkipWithError(wg::image::stb::failure_reason());
        benchmark::DoNotOptimize(px);
        wg::image::stb::free(px);
    }
    state.counters["MP_per_s"] = benchmark::Counter(12.0 * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StbDecode12MP_SIMD)->Unit(benchmark::kMillisecond);

void BM_Resize12MPTo1080(benchmark::State& state) {
    const auto& jpeg = photo_12mp();
    int w = 0, h = 0;
    uint8_t* full = wg::image::stb::load(jpeg.data(), jpeg.size(), &w, &h, 3);
    if (!full) {
        state.SkipWithError(wg::image::stb::failure_reason());
        return;
    }
    const wg::image::Size to = wg::image::fit_size(w, h, kBoxWidth, kBoxHeight);
    std::vector<uint8_t> out(size_t(to.width) * to.height * 3);
    for (auto _ : state) {
        if (!wg::image::resize_pixels(full, w, h, 3, out.data(), to.width, to.height)) state.SkipWithError("resize failed");
        benchmark::DoNotOptimize(out.data());
    }
    wg::image::stb::free(full);
}
BENCHMARK(BM_Resize12MPTo1080)->Unit(benchmark::kMillisecond);

void BM_DecodePipeline12MPTo1080(benchmark::State& state) {
    const auto& jpeg = photo_12mp();
    for (auto _ : state) {
        wg::image::stb::reset_alloc_peak();
        auto r = wg::image::decode(jpeg.data(), jpeg.size(), kBoxWidth, kBoxHeight);
        if (r.error) state.SkipWithError(r.error->message.c_str());
        benchmark::DoNotOptimize(r.image.rgba.data());
    }
    state.counters["stb_peak_MB"] = double(wg::image::stb::alloc_stats().peak) / 1e6;
}
BENCHMARK(BM_DecodePipeline12MPTo1080)->Unit(benchmark::kMillisecond);

}  // namespace
