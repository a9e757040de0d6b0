// stb_scalar_bench.cpp — the 12 MP JPEG decode of image_bench.cpp with stb_image built WITHOUT its SSE2
// paths (STBI_NO_SIMD), in a private static copy, so the pair BM_StbDecode12MP_SIMD / _Scalar shows what
// SIMD buys the decoder (the wasm build enables the same paths through -msimd128 -msse2).
// stb_image_resize 1.x has no SIMD code, so there is no scalar/SIMD pair for the downscale.
#include <benchmark/benchmark.h>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_SIMD
#define STBI_NO_STDIO
#define STBI_ONLY_JPEG
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "photo_12mp.h"

namespace {

void BM_StbDecode12MP_Scalar(benchmark::State& state) {
    const auto& jpeg = wg::bench::photo_12mp();
    for (auto _ : state) {
        int w = 0, h = 0, n = 0;
        stbi_uc* px = stbi_load_from_memory(jpeg.data(), int(jpeg.size()), &w, &h, &n, 3);
        if (!px) state.SkipWithError(stbi_failure_reason());
        benchmark::DoNotOptimize(px);
        stbi_image_free(px);
    }
    state.counters["MP_per_s"] = benchmark::Counter(12.0 * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StbDecode12MP_Scalar)->Unit(benchmark::kMillisecond);

}  // namespace
