// jpeg_scan.cpp — see jpeg_scan.h. Segment lengths come from the file, so every step is checked
// against the remaining size before it is taken.
#include "core/image/jpeg_scan.h"

#include <cstring>

namespace wg::image {
namespace {

bool is_sof(int m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }
bool is_rst(int m) { return m >= 0xD0 && m <= 0xD7; }
size_t be16(const uint8_t* p) { return size_t(p[0]) << 8 | p[1]; }

// Skips entropy-coded data starting at pos; returns the offset of the 0xFF that starts the next
// real marker (not a stuffed FF 00, a fill FF FF or a restart marker), or size if there is none.
size_t skip_entropy_data(const uint8_t* d, size_t size, size_t pos) {
    while (pos < size) {
        const void* ff = std::memchr(d + pos, 0xFF, size - pos);
        if (!ff) return size;
        pos = size_t(static_cast<const uint8_t*>(ff) - d);
        if (pos + 1 >= size) return size;
        const int next = d[pos + 1];
        if (next == 0x00 || is_rst(next))
            pos += 2;
        else if (next == 0xFF)
            pos += 1;
        else
            return pos;
    }
    return size;
}

constexpr size_t kMaxHuffmanCodes = 256;  // one per 8-bit symbol; stb's tables hold no more

struct Tables {
    bool dc[4] = {};
    bool ac[4] = {};
};

// DHT: one or more tables, each class/id (1 byte), 16 code counts, then the symbols.
void read_dht(const uint8_t* seg, size_t len, Tables& t, JpegScan& s) {
    for (size_t p = 0; p < len;) {
        if (len - p < 17) {
            s.bad_tables = true;
            return;
        }
        const int table_class = seg[p] >> 4, id = seg[p] & 15;
        size_t codes = 0;
        for (int i = 1; i <= 16; ++i) codes += seg[p + i];
        if (table_class > 1 || id > 3 || codes > kMaxHuffmanCodes || len - p - 17 < codes) {
            s.bad_tables = true;
            return;
        }
        (table_class ? t.ac : t.dc)[id] = true;
        p += 17 + codes;
    }
}

// SOS header: component count, per component (selector, DC table << 4 | AC table), then spectral
// start, end, and successive-approximation bits. Which tables a scan decodes with follows stb.
void check_sos(const uint8_t* seg, size_t len, bool progressive, const Tables& t, JpegScan& s) {
    if (len < 1) return;
    const size_t n = seg[0];
    if (len < 1 + 2 * n + 3) return;  // stb refuses a short header itself
    const int spectral_start = seg[1 + 2 * n], approx_high = seg[3 + 2 * n] >> 4;
    const bool uses_dc = !progressive || (spectral_start == 0 && approx_high == 0);
    const bool uses_ac = !progressive || spectral_start > 0;
    for (size_t i = 0; i < n; ++i) {
        const int dc = seg[2 + 2 * i] >> 4, ac = seg[2 + 2 * i] & 15;
        if (dc > 3 || ac > 3) continue;  // stb refuses these itself
        if ((uses_dc && !t.dc[dc]) || (uses_ac && !t.ac[ac])) s.missing_tables = true;
    }
}

}  // namespace

JpegScan scan_jpeg(const uint8_t* d, size_t size, JpegScanDepth depth) {
    JpegScan s;
    if (!d || size < 2 || d[0] != 0xFF || d[1] != 0xD8) return s;
    s.soi = true;
    bool seen_scan = false;
    Tables tables;
    size_t pos = 2;
    while (pos < size) {
        if (d[pos] != 0xFF) {
            ++pos;
            continue;
        }                                            // stray bytes between segments: decoders skip them too
        while (pos < size && d[pos] == 0xFF) ++pos;  // fill bytes
        if (pos >= size) break;
        const int m = d[pos++];
        if (m == 0xD9) {
            s.complete = seen_scan;
            return s;
        }                                                   // EOI
        if (m == 0x00 || m == 0x01 || is_rst(m)) continue;  // markers without a length
        if (size - pos < 2) break;
        const size_t len = be16(d + pos);
        if (len < 2) {
            s.malformed = true;
            break;
        }
        if (len > size - pos) break;  // truncated segment
        const uint8_t* seg = d + pos + 2;
        const size_t seg_len = len - 2;
        if (is_sof(m) && s.sof == 0 && seg_len >= 6) {
            s.sof = m;
            s.precision = seg[0];
            s.height = int(be16(seg + 1));
            s.width = int(be16(seg + 3));
            s.components = seg[5];
        } else if (m == 0xC4) {
            read_dht(seg, seg_len, tables, s);
        } else if (m == 0xDA) {
            check_sos(seg, seg_len, s.sof == 0xC2, tables, s);
        } else if (m == 0xE1 && !s.exif && !seen_scan && seg_len >= 6 && std::memcmp(seg, "Exif\0\0", 6) == 0) {
            // Only an Exif block before the first scan counts: that is all a header-only walk sees,
            // and all browsers read (libjpeg's jpeg_read_header stops at the first SOS).
            s.exif = seg + 6;
            s.exif_size = seg_len - 6;
        }
        pos += len;
        if (m == 0xDA) {  // SOS: the scan's entropy-coded data follows the header
            seen_scan = true;
            if (depth == JpegScanDepth::Headers) return s;
            pos = skip_entropy_data(d, size, pos);
        }
    }
    return s;
}

}  // namespace wg::image
