// text_format.cpp — see text_format.h.
#include "core/text_format.h"

#include <cmath>
#include <cstdint>

namespace wg {

std::string decimal(double v, int digits) {
    digits = digits < 0 ? 0 : digits > 3 ? 3 : digits;
    const long long scale = digits == 0 ? 1 : digits == 1 ? 10 : digits == 2 ? 100 : 1000;
    const double scaled = std::isfinite(v) ? std::round(v * double(scale)) : 0.0;
    const long long n = std::fabs(scaled) < 9e15 ? (long long)scaled : 0;
    const unsigned long long m = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
    std::string out = (n < 0 ? "-" : "") + std::to_string(m / (unsigned long long)scale);
    if (digits == 0) return out;
    std::string frac = std::to_string(m % (unsigned long long)scale);
    return out + "." + std::string(size_t(digits) - frac.size(), '0') + frac;
}

std::string hex_byte(unsigned char b) {
    const char* x = "0123456789ABCDEF";
    return {x[b >> 4], x[b & 15]};
}

size_t utf8_sequence_length(std::string_view s, size_t i) {
    const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    if (c < 0x80) return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;  // C0, C1 would be overlong
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // E0 80..9F would be overlong
        if (c == 0xED) hi = 0x9F;  // ED A0..BF would be a UTF-16 surrogate
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // F0 80..8F would be overlong
        if (c == 0xF4) hi = 0x8F;  // F4 90.. would be above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (size_t k = 2; k < n; ++k)
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    return n;
}

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                default: out += "\\u00" + hex_byte(c);
            }
        } else if (c < 0x80) {
            out += char(c);
        } else if (const size_t n = utf8_sequence_length(s, i)) {
            out.append(s.data() + i, n);
            i += n;
            continue;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD for this one byte, as nlohmann's error_handler_t::replace
        }
        ++i;
    }
    out += '"';
}

std::string json_string(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_json_string(out, s);
    return out;
}

}  // namespace wg
