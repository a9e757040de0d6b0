// probe.cpp — see probe.h. Order matters: cheap refusals first (size, magic bytes), then headers
// (stb_image's info, which allocates nothing for pixels), then the pixel limit, then completeness.
#include "core/image/probe.h"

#include <cstring>

#include "core/image/exif.h"
#include "core/image/jpeg_scan.h"
#include "core/image/pixels.h"
#include "core/image/stb_impl.h"
#include "core/text_format.h"

namespace wg::image {
namespace {

// How far into unknown data we look to say what it resembles (HTML, JSON, text).
constexpr size_t kSniffTextBytes = 1024;
// Share of text-like bytes above which unknown data is called "text" rather than binary.
constexpr double kTextShare = 0.95;

uint32_t be32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}
uint32_t le16(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8; }
uint32_t le24(const uint8_t* p) { return le16(p) | uint32_t(p[2]) << 16; }
uint32_t le32(const uint8_t* p) { return le24(p) | uint32_t(p[3]) << 24; }

bool has(const uint8_t* d, size_t n, size_t at, const char* magic, size_t len) {
    return n >= at + len && std::memcmp(d + at, magic, len) == 0;
}

ProbeResult& fail(ProbeResult& r, const char* id, std::string message) {
    r.error = Error{id, std::move(message)};
    return r;
}

struct Sniffed {
    Format format = Format::Unknown;
    const char* name = nullptr;  // Other: the format's name; Unknown: what it resembles, if we know
};

Sniffed sniff_iso_media(const uint8_t* d, size_t n) {
    // ISO-BMFF "ftyp" box: major brand at 8, minor version at 12, compatible brands from 16 on.
    const size_t box = be32(d);
    const size_t end = box < 16 ? 16 : (box < n ? box : n);
    bool heif = false;
    for (size_t at = 8; at + 4 <= end; at += 4) {
        if (at == 12) continue;
        if (has(d, n, at, "avif", 4) || has(d, n, at, "avis", 4)) return {Format::Avif, "AVIF"};
        for (const char* b : {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"})
            if (has(d, n, at, b, 4)) heif = true;
    }
    if (heif) return {Format::Other, "HEIF/HEIC"};
    return {Format::Unknown, "an MP4/QuickTime video or other ISO media file"};
}

Sniffed sniff_detail(const uint8_t* d, size_t n) {
    if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return {Format::Jpeg, "JPEG"};
    if (has(d, n, 0, "\x89PNG\r\n\x1a\n", 8)) return {Format::Png, "PNG"};
    if (has(d, n, 0, "GIF87a", 6) || has(d, n, 0, "GIF89a", 6)) return {Format::Gif, "GIF"};
    if (has(d, n, 0, "BM", 2) && n >= 18) {  // "BM" alone is too common in text: check the DIB header size
        for (uint32_t dib : {12u, 16u, 40u, 52u, 56u, 64u, 108u, 124u})
            if (le32(d + 14) == dib) return {Format::Bmp, "BMP"};
    }
    if (has(d, n, 0, "RIFF", 4) && has(d, n, 8, "WEBP", 4)) return {Format::WebP, "WebP"};
    if (n >= 16 && has(d, n, 4, "ftyp", 4)) return sniff_iso_media(d, n);
    if (has(d, n, 0, "II*\0", 4) || has(d, n, 0, "MM\0*", 4)) return {Format::Other, "TIFF"};
    if (has(d, n, 0, "8BPS", 4)) return {Format::Other, "Photoshop (PSD)"};
    if (has(d, n, 0, "\xFF\x0A", 2) || has(d, n, 0, "\0\0\0\x0CJXL \r\n\x87\n", 12))
        return {Format::Other, "JPEG XL"};
    if (has(d, n, 0, "%PDF-", 5)) return {Format::Unknown, "a PDF document"};
    return {};
}

bool is_text_byte(uint8_t c) { return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F); }

// Length of a well-formed UTF-8 multi-byte sequence at p (0 if there is none).
size_t utf8_sequence(const uint8_t* p, size_t left) {
    const size_t len = p[0] >= 0xC2 && p[0] <= 0xDF   ? 2
                       : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
                       : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                                                      : 0;
    if (len == 0 || len > left) return 0;
    for (size_t i = 1; i < len; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return len;
}

// What unknown bytes resemble, as a phrase ("an HTML page"), or nullptr for binary data.
const char* resembles(const uint8_t* d, size_t n) {
    const size_t m = n < kSniffTextBytes ? n : kSniffTextBytes;
    size_t i = has(d, n, 0, "\xEF\xBB\xBF", 3) ? 3 : 0;  // UTF-8 byte order mark
    while (i < m && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r')) ++i;
    if (i < m && d[i] == '<') {
        std::string low(reinterpret_cast<const char*>(d + i), m - i);
        for (char& c : low) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        const auto starts = [&](const char* s) { return low.compare(0, std::strlen(s), s) == 0; };
        if (starts("<!doctype html") || starts("<html") || starts("<head") || starts("<body") ||
            low.find("<html") != std::string::npos)
            return "an HTML page";
        if (low.find("<svg") != std::string::npos) return "an SVG image (SVG is not supported)";
        if (starts("<?xml")) return "an XML document";
        return "HTML or XML markup";
    }
    if (i < m && (d[i] == '{' || d[i] == '[')) return "JSON text";
    size_t text = 0;
    for (size_t j = 0; j < m;) {
        const size_t len = is_text_byte(d[j]) ? 1 : utf8_sequence(d + j, m - j);
        text += len;
        j += len ? len : 1;
    }
    return m > 0 && double(text) >= kTextShare * double(m) ? "text" : nullptr;
}

ProbeResult& not_an_image(ProbeResult& r, const uint8_t* d, size_t n, const char* hint) {
    if (!hint) hint = resembles(d, n);
    if (hint && std::strcmp(hint, "an HTML page") == 0)
        return fail(r, kErrNotAnImage,
                    "looks like an HTML page, not an image (an error or login page served in its place?)");
    if (hint) return fail(r, kErrNotAnImage, std::string("looks like ") + hint + ", not an image");
    std::string first;
    for (size_t i = 0; i < n && i < 4; ++i) first += (i ? " " : "") + hex_byte(d[i]);
    return fail(r, kErrNotAnImage,
                "not a JPEG, PNG, GIF, BMP, WebP or AVIF image (first bytes: " + first + ")");
}

void set_size(Info& info, int w, int h) {
    info.width = w;
    info.height = h;
    const Size s = oriented_size(w, h, info.orientation);
    info.display_width = s.width;
    info.display_height = s.height;
}

bool over_pixels(ProbeResult& r, long long max_pixels) {
    const long long px = (long long)r.info.width * r.info.height;
    if (px <= max_pixels) return false;
    fail(r, kErrTooManyPixels,
         std::to_string(r.info.width) + "×" + std::to_string(r.info.height) + " is " + decimal(px / 1e6, 1) +
             " MP, over the " + decimal(max_pixels / 1e6, 1) + " MP limit");
    return true;
}

// Sets the size and checks it has pixels and is within both limits: the decoder's per-side limit and the caller's pixel count.
// Sides come as read from headers (up to 2^32 − 1), so nothing is narrowed before it is checked.
bool over_limits(ProbeResult& r, long long w, long long h, long long max_pixels) {
    if (w <= 0 || h <= 0) {
        fail(r, kErrCorrupt, "header says " + std::to_string(w) + "×" + std::to_string(h) + ": no pixels");
        return true;
    }
    if (w > kMaxDimension || h > kMaxDimension) {
        fail(r, kErrTooManyPixels,
             std::to_string(w) + "×" + std::to_string(h) + ": a side is longer than " +
                 std::to_string(kMaxDimension) + " px, the decoder's limit");
        return true;
    }
    set_size(r.info, int(w), int(h));
    return over_pixels(r, max_pixels);
}

// WebP's frame header gives the canvas size (and alpha) within its first 30 bytes.
bool webp_size(const uint8_t* d, size_t n, int* w, int* h, bool* alpha) {
    if (n < 30) return false;
    if (has(d, n, 12, "VP8X", 4)) {
        *alpha = (d[20] & 0x10) != 0;
        *w = int(le24(d + 24)) + 1;
        *h = int(le24(d + 27)) + 1;
        return true;
    }
    if (has(d, n, 12, "VP8L", 4) && d[20] == 0x2F) {
        const uint32_t b = le32(d + 21);
        *w = int(b & 0x3FFF) + 1;
        *h = int(b >> 14 & 0x3FFF) + 1;
        *alpha = (b >> 28 & 1) != 0;
        return true;
    }
    if (has(d, n, 12, "VP8 ", 4) && d[23] == 0x9D && d[24] == 0x01 && d[25] == 0x2A) {
        *w = int(le16(d + 26) & 0x3FFF);
        *h = int(le16(d + 28) & 0x3FFF);
        *alpha = false;
        return true;
    }
    return false;
}

ProbeResult& probe_jpeg(ProbeResult& r, const uint8_t* d, size_t n, long long max_pixels) {
    const JpegScan j = scan_jpeg(d, n, JpegScanDepth::Whole);
    r.info.orientation = tiff_orientation(j.exif, j.exif_size);
    if (!j.sof) {
        if (j.malformed) return fail(r, kErrCorrupt, "JPEG segments are broken before the frame header");
        return fail(r, kErrTruncated, "JPEG data ends before its frame header (SOF)");
    }
    if (over_limits(r, j.width, j.height, max_pixels)) return r;
    const bool stb_can = stb_decodes_sof(j.sof) && j.precision == 8 &&
                         (j.components == 1 || j.components == 3 || j.components == 4);
    if (!stb_can) {  // arithmetic coding, lossless, 12-bit…: browsers decode most of these
        r.browser_fallback = true;
        return r;
    }
    if (!j.complete)
        return fail(r, kErrTruncated, "JPEG data ends before its end-of-image marker (incomplete download?)");
    if (j.bad_tables) return fail(r, kErrCorrupt, "JPEG Huffman table is invalid");
    if (j.missing_tables) {  // stb would read undefined tables; browsers use the standard ones
        r.browser_fallback = true;
        return r;
    }
    int w = 0, h = 0, c = 0;
    if (!stb::info(d, n, &w, &h, &c))
        r.browser_fallback = true;  // a header quirk stb refuses
    else
        r.info.channels = c;
    return r;
}

enum class Chunks { Complete, Truncated, Corrupt };

// Walks PNG chunks from the signature to IEND using their lengths only.
Chunks png_chunks(const uint8_t* d, size_t n) {
    size_t pos = 8;
    for (;;) {
        if (n - pos < 12) return Chunks::Truncated;  // length + type + CRC
        const size_t len = be32(d + pos);
        if (len > 0x7FFFFFFFu) return Chunks::Corrupt;  // the PNG spec's limit
        if (n - pos - 12 < len) return Chunks::Truncated;
        if (has(d, n, pos + 4, "IEND", 4)) return Chunks::Complete;
        pos += 12 + len;
    }
}

ProbeResult& probe_png(ProbeResult& r, const uint8_t* d, size_t n, long long max_pixels) {
    // The size is read here rather than through stb, whose info call also refuses images over 1 GB
    // decoded but then reports only "unknown image type".
    constexpr size_t kIhdrSizeEnd = 24;  // signature 8, chunk length 4, "IHDR" 4, width 4, height 4
    if (n < kIhdrSizeEnd) return fail(r, kErrTruncated, "PNG data ends inside its header");
    if (!has(d, n, 12, "IHDR", 4)) return fail(r, kErrCorrupt, "PNG does not start with its IHDR chunk");
    if (over_limits(r, be32(d + 16), be32(d + 20), max_pixels)) return r;
    int w = 0, h = 0, c = 0;
    if (!stb::info(d, n, &w, &h, &c)) {
        if (png_chunks(d, n) == Chunks::Truncated)
            return fail(r, kErrTruncated, "PNG data ends inside its header");
        return fail(r, kErrCorrupt,
                    std::string("PNG header is corrupt (stb_image: ") + stb::failure_reason() + ")");
    }
    r.info.channels = c;
    r.info.has_alpha = c == 2 || c == 4;
    switch (png_chunks(d, n)) {
        case Chunks::Truncated:
            return fail(r, kErrTruncated, "PNG data ends before its IEND chunk (incomplete download?)");
        case Chunks::Corrupt: return fail(r, kErrCorrupt, "PNG chunk length is out of range");
        case Chunks::Complete: break;
    }
    return r;
}

ProbeResult& probe_gif(ProbeResult& r, const uint8_t* d, size_t n, long long max_pixels) {
    constexpr size_t kGifHeaderBytes = 13;  // signature + logical screen descriptor
    int w = 0, h = 0, c = 0;
    if (!stb::info(d, n, &w, &h, &c)) {
        if (n < kGifHeaderBytes) return fail(r, kErrTruncated, "GIF data ends inside its header");
        return fail(r, kErrCorrupt,
                    std::string("GIF header is corrupt (stb_image: ") + stb::failure_reason() + ")");
    }
    r.info.channels = 4;
    r.info.has_alpha = true;
    over_limits(r, w, h, max_pixels);
    return r;
}

ProbeResult& probe_bmp(ProbeResult& r, const uint8_t* d, size_t n, long long max_pixels) {
    constexpr size_t kFileHeaderBytes = 14;
    const size_t dib = le32(d + kFileHeaderBytes);  // sniff checked it is one of the known sizes
    if (n < kFileHeaderBytes + dib) return fail(r, kErrTruncated, "BMP data ends inside its header");
    // Size read here, as for PNG: stb's own refusals all come back as "unknown image type".
    long long w = 0, h = 0;
    if (dib == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sides
        w = le16(d + 18);
        h = le16(d + 20);
    } else {
        w = static_cast<int32_t>(le32(d + 18));
        h = static_cast<int32_t>(le32(d + 22));
    }
    if (h < 0) h = -h;  // negative height = rows stored top-down
    if (over_limits(r, w, h, max_pixels)) return r;
    int c = 0;  // not stb's size: it reports a top-down BMP's height as negative
    if (!stb::info(d, n, nullptr, nullptr, &c)) {
        r.browser_fallback = true;  // RLE and other variants stb lacks; browsers decode them
        return r;
    }
    r.info.channels = c;
    r.info.has_alpha = c == 4;
    // Uncompressed rows (BI_RGB, BI_BITFIELDS, BI_ALPHABITFIELDS) have a known size: stb would read
    // zeros past the end, so check they are all there. Sides ≤ kMaxDimension keep this in range.
    if (dib >= 40) {
        const uint32_t compression = le32(d + 30), bpp = le16(d + 28);
        if (compression == 0 || compression == 3 || compression == 6) {
            const unsigned long long stride = ((unsigned long long)r.info.width * bpp + 31) / 32 * 4;
            if (le32(d + 10) + stride * (unsigned long long)r.info.height > n)
                return fail(r, kErrTruncated, "BMP data ends before its last row (incomplete download?)");
        }
    }
    return r;
}

}  // namespace

const char* format_name(Format f) {
    switch (f) {
        case Format::Jpeg: return "JPEG";
        case Format::Png: return "PNG";
        case Format::Gif: return "GIF";
        case Format::Bmp: return "BMP";
        case Format::WebP: return "WebP";
        case Format::Avif: return "AVIF";
        case Format::Other: return "other";
        case Format::Unknown: break;
    }
    return "unknown";
}

Format sniff(const uint8_t* data, size_t size) {
    return data ? sniff_detail(data, size).format : Format::Unknown;
}

ProbeResult probe(const uint8_t* d, size_t n, const Limits& limits) {
    ProbeResult r;
    const long long max_pixels = limits.max_pixels > 0 ? limits.max_pixels : kMaxPixels;
    size_t max_bytes = limits.max_bytes > 0 ? limits.max_bytes : kMaxEncodedBytes;
    if (max_bytes > kMaxStbInputBytes) max_bytes = kMaxStbInputBytes;
    if (!d || n == 0) return fail(r, kErrEmpty, "no data (0 bytes)");
    if (n > max_bytes)
        return fail(r, kErrTooManyBytes,
                    decimal(n / 1048576.0, 1) + " MB is over the " + decimal(max_bytes / 1048576.0, 1) + " MB limit");
    const Sniffed s = sniff_detail(d, n);
    r.info.format = s.format;
    switch (s.format) {
        case Format::Unknown: return not_an_image(r, d, n, s.name);
        case Format::Other:
            return fail(
                r, kErrUnsupported,
                std::string(s.name) + " images are not shown by most browsers; use JPEG, PNG, WebP or AVIF");
        case Format::WebP: {
            int w = 0, h = 0;
            if (webp_size(d, n, &w, &h, &r.info.has_alpha) && over_limits(r, w, h, max_pixels)) return r;
            r.browser_fallback = true;
            return r;
        }
        case Format::Avif:
            r.info.has_alpha = true;  // unknown without parsing its boxes; the browser will tell
            r.browser_fallback = true;
            return r;
        case Format::Jpeg: return probe_jpeg(r, d, n, max_pixels);
        case Format::Png: return probe_png(r, d, n, max_pixels);
        case Format::Gif: return probe_gif(r, d, n, max_pixels);
        case Format::Bmp: return probe_bmp(r, d, n, max_pixels);
    }
    return r;
}

}  // namespace wg::image
