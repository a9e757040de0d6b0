// text_format.h — numbers and JSON strings as text without printf or a JSON serializer: printf's
// floating-point code (and the long double arithmetic it brings) and nlohmann's dump() were ~12 KB of
// each wasm module, for a few messages and the JSON handed to the page. Pure, no allocation beyond
// the returned strings.
#pragma once
#include <string>
#include <string_view>

namespace wg {

// v rounded to `digits` (0–3) places: decimal(12.345, 1) == "12.3", decimal(-0.04, 1) == "0.0".
std::string decimal(double v, int digits);
// Two upper-case hex digits: hex_byte(0x7F) == "7F".
std::string hex_byte(unsigned char b);
// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlong forms, no UTF-16
// surrogates, at most U+10FFFF), or 0 if the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i);
// `utf8` as a JSON string literal (quotes included): ", \ and control characters escaped, every byte
// that is not part of well-formed UTF-8 replaced by U+FFFD, so the result is always valid JSON.
void append_json_string(std::string& out, std::string_view utf8);
std::string json_string(std::string_view utf8);

}  // namespace wg
