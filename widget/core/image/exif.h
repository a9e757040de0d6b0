// exif.h — a small bounds-checked EXIF reader for the one tag we need: Orientation (0x0112).
// JPEG APP1 "Exif\0\0" → TIFF header (II/MM) → IFD0 → tag 0x0112. Nothing else of EXIF is read.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wg::image {

// Orientation 1–8 of a JPEG file; 1 if there is no Exif block, no tag, or anything is malformed.
// Never reads outside [data, data + size).
int exif_orientation(const uint8_t* data, size_t size);

// The same, given the TIFF block itself (what follows "Exif\0\0"; also the payload of a PNG eXIf or
// WebP EXIF chunk).
int tiff_orientation(const uint8_t* tiff, size_t size);

}  // namespace wg::image
