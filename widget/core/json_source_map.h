// json_source_map.h — where things are in a JSON text: UTF-8 validity, line:column of byte offsets,
// token starts, nesting depth, and JSON pointer → offset. Parsing itself is nlohmann's job, not this file's.
// Every function is bounds-checked and iterative (no recursion), so hostile text cannot overflow the stack.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wg::json_source {

constexpr std::size_t npos = std::string_view::npos;

// 1-based. Lines end at "\n", "\r\n" or a lone "\r" (as editors count them). Columns count UTF-16 code
// units, as JS editors (Monaco, CodeMirror) do: 1 per BMP character, 2 per astral one (emoji).
struct TextPosition {
    int line = 0;
    int column = 0;
};

// Offset of the first byte that starts an ill-formed UTF-8 sequence (overlong forms, surrogates and
// code points above U+10FFFF included), or npos when the whole text is well-formed.
std::size_t find_invalid_utf8(std::string_view text);

// Positions of many byte offsets in one pass over the text (offsets past the end map to the end).
std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets);
TextPosition position_of(std::string_view text, std::size_t offset);

// Start of the last JSON token that begins before `end` (skipping whitespace), or `end` if none.
// The parser reports where it stopped, i.e. after the offending token; this finds where that token began.
std::size_t token_start_before(std::string_view text, std::size_t end);

// Offset of the first '[' or '{' that opens nesting deeper than max_depth (the root container is depth 1),
// or npos. Brackets inside strings don't count.
std::size_t find_nesting_overflow(std::string_view text, int max_depth);

// A JSON pointer reference token for an object key: "~" → "~0", "/" → "~1" (RFC 6901).
std::string pointer_token(std::string_view key);

// Where a JSON pointer's value starts and, for object members, where its key's opening quote is.
struct PointerLocation {
    std::size_t key = npos;
    std::size_t value = npos;
};

// For each pointer ("" = root, "/slides/3/image"), its location in `text`, which must be well-formed JSON
// (parse it first). One pass; pointers deeper than 8 levels are not looked up. For duplicate keys the last
// occurrence wins, as it does in the parsed value.
std::vector<PointerLocation> locate_pointers(std::string_view text, const std::vector<std::string>& pointers);

}  // namespace wg::json_source
