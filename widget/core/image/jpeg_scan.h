// jpeg_scan.h — a bounds-checked walk over a JPEG's marker segments, without decoding anything:
// the frame header (SOFn), the Exif block, and whether the data reaches its end marker (EOI).
// probe uses it to spot what stb_image cannot decode and truncated files; exif uses it to find APP1.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wg::image {

struct JpegScan {
    bool soi = false;        // starts with the SOI marker FF D8
    int sof = 0;             // first SOFn marker (0xC0–0xCF except C4/C8/CC), 0 if none was found
    int precision = 0;       // bits per sample from SOFn (stb decodes 8 only)
    int width = 0, height = 0, components = 0;
    const uint8_t* exif = nullptr;  // TIFF block of the first APP1 "Exif\0\0" before the first scan
                                    // (points into the input); the same at either depth
    size_t exif_size = 0;
    bool complete = false;   // an EOI follows entropy-coded data (only known with JpegScanDepth::Whole)
    bool malformed = false;  // a segment length below 2 stopped the walk (else it stopped at the end)
    // Huffman tables, checked because stb_image 2.27 trusts them and then reads out of bounds:
    bool bad_tables = false;      // a DHT with more than 256 codes, a class > 1 or an id > 3
    bool missing_tables = false;  // a scan uses a table no earlier DHT defined (as Motion-JPEG frames
                                  // do: decoders like libjpeg fall back to the standard tables there)
};

enum class JpegScanDepth {
    Headers,  // stop at the first SOS: enough for the frame header and Exif, O(header size)
    Whole,    // walk the scans too, to learn whether the file is complete: O(size), no allocation
};

// data must start with FF D8 for anything to be found; never reads outside [data, data + size).
JpegScan scan_jpeg(const uint8_t* data, size_t size, JpegScanDepth depth);

// SOFn markers stb_image decodes: baseline, extended sequential and progressive Huffman.
inline bool stb_decodes_sof(int sof) { return sof == 0xC0 || sof == 0xC1 || sof == 0xC2; }

}  // namespace wg::image
