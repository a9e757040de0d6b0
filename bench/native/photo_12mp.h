// photo_12mp.h — the 12 MP JPEG the image benchmarks decode: 4000 × 3000, generated once per process
// with stb_image_write (quality 90), or read from the file named by $WG_BENCH_JPEG.
// The picture mixes smooth gradients, mid-frequency waves and per-pixel grain so its entropy (and so
// its Huffman decoding cost and file size, ~2–3 MB) is close to a real camera photo's.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#define STB_IMAGE_WRITE_STATIC  // private to each bench file: no clash with any other copy
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace wg::bench {

constexpr int kPhotoWidth = 4000, kPhotoHeight = 3000;  // 12 MP, a common phone-camera frame
constexpr int kJpegQuality = 90;                        // what phones and CMS exports typically use

inline void append_bytes(void* ctx, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(ctx);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

inline std::vector<uint8_t> read_file(const char* path) {
    std::vector<uint8_t> out;
    if (FILE* f = std::fopen(path, "rb")) {
        uint8_t buf[1 << 16];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
        std::fclose(f);
    }
    return out;
}

inline std::vector<uint8_t> make_photo_jpeg() {
    std::vector<uint8_t> px(size_t(kPhotoWidth) * kPhotoHeight * 3);
    uint32_t seed = 12345;
    for (int y = 0; y < kPhotoHeight; ++y)
        for (int x = 0; x < kPhotoWidth; ++x) {
            seed = seed * 1664525u + 1013904223u;  // LCG grain, deterministic
            const float grain = float(int(seed >> 24) - 128) / 128.0f * 10.0f;
            const float sky = float(y) / kPhotoHeight;
            const float wave = std::sin(x * 0.011f + std::sin(y * 0.007f) * 3.0f) * 40.0f;
            const float ridge = std::sin((x + y) * 0.0023f) * std::cos(x * 0.0031f - y * 0.0017f) * 60.0f;
            uint8_t* p = &px[(size_t(y) * kPhotoWidth + x) * 3];
            const float base[3] = {70 + 120 * sky, 90 + 80 * sky, 150 - 60 * sky};
            for (int c = 0; c < 3; ++c) {
                const float v = base[c] + wave * (0.6f + 0.2f * c) + ridge * (1.0f - 0.3f * c) + grain;
                p[c] = uint8_t(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
    std::vector<uint8_t> jpeg;
    stbi_write_jpg_to_func(append_bytes, &jpeg, kPhotoWidth, kPhotoHeight, 3, px.data(), kJpegQuality);
    return jpeg;
}

// The benchmark input, built on first use; aborts with a message if $WG_BENCH_JPEG cannot be read.
inline const std::vector<uint8_t>& photo_12mp() {
    static const std::vector<uint8_t> jpeg = [] {
        if (const char* path = std::getenv("WG_BENCH_JPEG")) {
            std::vector<uint8_t> f = read_file(path);
            if (f.empty()) {
                std::fprintf(stderr, "WG_BENCH_JPEG=%s: cannot read the file\n", path);
                std::exit(2);
            }
            return f;
        }
        return make_photo_jpeg();
    }();
    return jpeg;
}

}  // namespace wg::bench
