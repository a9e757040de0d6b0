// probe.h — what an encoded image is, before a single pixel is decoded: its format (by magic bytes),
// its size as stored and as displayed (EXIF orientation), whether it has alpha, and whether the core
// will decode it, hand it to the browser, or refuse it — with a stable error ID saying why.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/image/limits.h"

namespace wg::image {

enum class Format { Unknown, Jpeg, Png, Gif, Bmp, WebP, Avif, Other /* recognised, not for the web */ };
const char* format_name(Format f);  // "JPEG", "PNG", … ("unknown" for Unknown)

// Stable IDs: tests and the JS side match on these, never on the message.
inline constexpr const char* kErrEmpty = "image.empty";                  // 0 bytes
inline constexpr const char* kErrTooManyBytes = "image.too_many_bytes";  // over Limits::max_bytes
inline constexpr const char* kErrTooManyPixels = "image.too_many_pixels";  // over max_pixels or kMaxDimension
inline constexpr const char* kErrNotAnImage = "image.not_an_image";      // HTML, text, unknown bytes
inline constexpr const char* kErrUnsupported = "image.unsupported";      // TIFF, HEIC, PSD, JPEG XL
inline constexpr const char* kErrTruncated = "image.truncated";          // data ends too early
inline constexpr const char* kErrCorrupt = "image.corrupt";              // the decoder refused the data
inline constexpr const char* kErrOutOfMemory = "image.out_of_memory";    // an allocation failed

struct Error {
    std::string id;       // one of the kErr* above
    std::string message;  // short, for a human: "looks like an HTML page, not an image (…)"
};

struct Info {
    Format format = Format::Unknown;
    int width = 0, height = 0;                  // as stored; 0 when not known (AVIF)
    int orientation = 1;                        // EXIF 1–8 (1 if none)
    int display_width = 0, display_height = 0;  // after orientation (swapped for 5–8)
    bool has_alpha = false;                     // true for every GIF: stb cannot tell before decoding
    int channels = 0;  // as stored, for what stb decodes: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; else 0
};

struct ProbeResult {
    Info info;
    std::optional<Error> error;
    // The core does not decode this one (WebP, AVIF, a JPEG stb refuses: arithmetic-coded, 12-bit,
    // lossless…) but a browser may: the JS worker uses createImageBitmap(blob, {imageOrientation:
    // 'from-image'}), which applies info.orientation itself — don't orient() those pixels again.
    // Not an error; the pixel limit was still checked when the headers gave a size.
    bool browser_fallback = false;
};

// Sniffs the format, refuses empty or oversized input and over-limit pixel counts before anything is
// allocated for pixels, reads the EXIF orientation, and checks that JPEG/PNG/BMP data is complete.
// Limits with zero fields mean the defaults. O(size) for a JPEG (one scan for its end marker).
ProbeResult probe(const uint8_t* data, size_t size, const Limits& limits = {});

// Magic bytes only (no validation beyond them).
Format sniff(const uint8_t* data, size_t size);

}  // namespace wg::image
