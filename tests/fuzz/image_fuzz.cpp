// image_fuzz.cpp — libFuzzer target for the image path: probe, exif, decode and the pixel helpers on
// arbitrary bytes. Besides crashes (ASan/UBSan), it traps when a result breaks its own contract
// (image_contract.h), printing the clause first.
// Seeds: tests/fuzz/corpus/image/; findings: tests/fuzz/regressions/image/ (scripts/fuzz.js replays both).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "image_contract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string broken = wg::image::contract::check(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "image contract broken: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
