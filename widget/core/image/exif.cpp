// exif.cpp — see exif.h. Offsets in a TIFF block are file data: each is checked against the block
// size before use, with subtraction so that a huge offset cannot wrap around.
#include "core/image/exif.h"

#include "core/image/jpeg_scan.h"

namespace wg::image {
namespace {

constexpr uint16_t kTagOrientation = 0x0112;
constexpr uint16_t kTypeShort = 3;
constexpr size_t kIfdEntryBytes = 12;

struct Reader {
    const uint8_t* p;
    bool little;
    uint32_t u16(size_t at) const {
        return little ? uint32_t(p[at]) | uint32_t(p[at + 1]) << 8 : uint32_t(p[at]) << 8 | p[at + 1];
    }
    uint32_t u32(size_t at) const {
        return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2);
    }
};

}  // namespace

int tiff_orientation(const uint8_t* t, size_t n) {
    if (!t || n < 8) return 1;
    Reader r{t, false};
    if (t[0] == 'I' && t[1] == 'I')
        r.little = true;
    else if (!(t[0] == 'M' && t[1] == 'M'))
        return 1;
    if (r.u16(2) != 42) return 1;
    const size_t ifd = r.u32(4);
    if (ifd > n || n - ifd < 2) return 1;
    const size_t count = r.u16(ifd);
    size_t at = ifd + 2;
    for (size_t i = 0; i < count; ++i, at += kIfdEntryBytes) {
        if (n - at < kIfdEntryBytes) return 1;
        if (r.u16(at) != kTagOrientation) continue;
        if (r.u16(at + 2) != kTypeShort || r.u32(at + 4) < 1) return 1;
        const int v = int(r.u16(at + 8));  // a SHORT value sits in the first 2 bytes of the value field
        return v >= 1 && v <= 8 ? v : 1;
    }
    return 1;
}

int exif_orientation(const uint8_t* data, size_t size) {
    const JpegScan s = scan_jpeg(data, size, JpegScanDepth::Headers);
    return tiff_orientation(s.exif, s.exif_size);
}

}  // namespace wg::image
