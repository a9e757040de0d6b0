// json_source_map.cpp — a tiny, forgiving JSON tokenizer and the position queries built on it.
// It never decides validity (nlohmann does); it only finds places, so it may be lenient where that's cheaper.
#include "core/json_source_map.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "core/text_format.h"

namespace wg::json_source {
namespace {

// Pointers with more components than this are never asked for by the validator; deeper values are
// walked past without building their pointers, so a deep document can't make this pass quadratic.
constexpr std::size_t kMaxLocateDepth = 8;

enum class Tok { End, BeginObject, EndObject, BeginArray, EndArray, Colon, Comma, String, Scalar };

struct Token {
    Tok kind = Tok::End;
    std::size_t start = 0;
    std::size_t end = 0;  // one past the last byte
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_delimiter(char c) {
    return is_ws(c) || c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '"';
}

// Next token at or after pos. Unterminated strings run to the end; anything else that is not structural
// becomes a Scalar run (numbers, literals, garbage), which always advances by at least one byte.
Token next_token(std::string_view t, std::size_t pos) {
    while (pos < t.size() && is_ws(t[pos])) ++pos;
    if (pos >= t.size()) return {Tok::End, t.size(), t.size()};
    switch (t[pos]) {
        case '{': return {Tok::BeginObject, pos, pos + 1};
        case '}': return {Tok::EndObject, pos, pos + 1};
        case '[': return {Tok::BeginArray, pos, pos + 1};
        case ']': return {Tok::EndArray, pos, pos + 1};
        case ':': return {Tok::Colon, pos, pos + 1};
        case ',': return {Tok::Comma, pos, pos + 1};
        case '"': {
            std::size_t i = pos + 1;
            while (i < t.size()) {
                if (t[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (t[i] == '"') return {Tok::String, pos, i + 1};
                ++i;
            }
            return {Tok::String, pos, t.size()};
        }
        default: {
            std::size_t i = pos;
            while (i < t.size() && !is_delimiter(t[i])) ++i;
            return {Tok::Scalar, pos, i};
        }
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The 4 hex digits at s[i..i+4) or -1.
long read_hex4(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        int h = hex_value(s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The value of a string token (quotes included), decoded the way nlohmann decodes keys, so the
// pointers built here match the ones the validator built from the parsed value.
std::string decode_string(std::string_view tok) {
    std::string out;
    if (tok.size() < 2) return out;
    std::string_view s = tok.substr(1, tok.size() - 2);
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '\\' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        char e = s[++i];
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                long hi = read_hex4(s, i + 1);
                if (hi < 0) break;
                i += 4;
                std::uint32_t cp = static_cast<std::uint32_t>(hi);
                if (hi >= 0xD800 && hi <= 0xDBFF && i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u') {
                    long lo = read_hex4(s, i + 3);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((static_cast<std::uint32_t>(hi) - 0xD800) << 10) +
                             (static_cast<std::uint32_t>(lo) - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(out, cp);
                break;
            }
            default: out += e; break;  // \" \\ \/
        }
    }
    return out;
}

std::size_t count_components(std::string_view pointer) {
    return static_cast<std::size_t>(std::count(pointer.begin(), pointer.end(), '/'));
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (!n) return i;
        i += n;
    }
    return npos;
}

std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // std::sort with the index as the tie-break orders as stable_sort does, without its merge code in
    // the wasm (bench/README.md, "Where the bytes are").
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return offsets[a] != offsets[b] ? offsets[a] < offsets[b] : a < b;
    });

    std::vector<TextPosition> out(offsets.size());
    int line = 1, column = 1;
    std::size_t i = 0;
    for (std::size_t k : order) {
        std::size_t target = std::min(offsets[k], text.size());
        for (; i < target; ++i) {
            auto c = static_cast<unsigned char>(text[i]);
            bool newline = c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
            if (newline) {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {   // count lead bytes only
                column += c >= 0xF0 ? 2 : 1;  // astral characters are two UTF-16 units
            }
        }
        out[k] = {line, column};
    }
    return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) { return positions_of(text, {offset})[0]; }

std::size_t token_start_before(std::string_view text, std::size_t end) {
    std::size_t last = end, pos = 0;
    for (;;) {
        Token t = next_token(text, pos);
        if (t.kind == Tok::End || t.start >= end) break;
        last = t.start;
        pos = t.end;
    }
    return last;
}

std::size_t find_nesting_overflow(std::string_view text, int max_depth) {
    int depth = 0;
    for (std::size_t pos = 0;;) {
        Token t = next_token(text, pos);
        if (t.kind == Tok::End) return npos;
        pos = t.end;
        if (t.kind == Tok::BeginObject || t.kind == Tok::BeginArray) {
            if (++depth > max_depth) return t.start;
        } else if ((t.kind == Tok::EndObject || t.kind == Tok::EndArray) && depth > 0) {
            --depth;
        }
    }
}

std::string pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::vector<PointerLocation> locate_pointers(std::string_view text, const std::vector<std::string>& pointers) {
    std::vector<PointerLocation> out(pointers.size());
    std::unordered_map<std::string_view, std::vector<std::size_t>> wanted;
    std::size_t max_len = 0, max_depth = 0;
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        std::size_t depth = count_components(pointers[i]);
        if (depth > kMaxLocateDepth) continue;
        wanted[pointers[i]].push_back(i);
        max_len = std::max(max_len, pointers[i].size());
        max_depth = std::max(max_depth, depth);
    }
    if (wanted.empty()) return out;

    struct Frame {
        bool object;
        std::size_t base;   // length of `cur` for the container itself
        std::size_t index;  // current element, for arrays
    };
    std::vector<Frame> stack;
    std::string cur;  // pointer of the member/element being read, kept only while depth <= max_depth
    bool expect_key = false;

    // `depth` is the number of components in the pointer of the thing being recorded.
    auto record = [&](std::size_t depth, std::size_t offset, bool key) {
        if (depth > max_depth || cur.size() > max_len) return;
        auto it = wanted.find(std::string_view(cur));
        if (it == wanted.end()) return;
        for (std::size_t i : it->second) (key ? out[i].key : out[i].value) = offset;
    };

    for (std::size_t pos = 0;;) {
        Token t = next_token(text, pos);
        if (t.kind == Tok::End) break;
        pos = t.end;
        switch (t.kind) {
            case Tok::String:
                if (expect_key && !stack.empty()) {
                    expect_key = false;
                    if (stack.size() <= max_depth) {
                        cur.resize(stack.back().base);
                        cur += '/';
                        cur += pointer_token(decode_string(text.substr(t.start, t.end - t.start)));
                        record(stack.size(), t.start, true);
                    }
                } else {
                    record(stack.size(), t.start, false);
                }
                break;
            case Tok::Scalar: record(stack.size(), t.start, false); break;
            case Tok::BeginObject:
            case Tok::BeginArray: {
                bool object = t.kind == Tok::BeginObject;
                record(stack.size(), t.start, false);
                stack.push_back({object, cur.size(), 0});
                if (!object && stack.size() <= max_depth) cur += "/0";
                expect_key = object;
                break;
            }
            case Tok::EndObject:
            case Tok::EndArray:
                if (!stack.empty()) {
                    cur.resize(std::min(cur.size(), stack.back().base));
                    stack.pop_back();
                }
                expect_key = false;
                break;
            case Tok::Comma:
                if (!stack.empty()) {
                    Frame& f = stack.back();
                    if (f.object) {
                        expect_key = true;
                    } else {
                        ++f.index;
                        if (stack.size() <= max_depth) {
                            cur.resize(f.base);
                            cur += '/';
                            cur += std::to_string(f.index);
                        }
                    }
                }
                break;
            case Tok::Colon:
            case Tok::End: break;
        }
    }
    return out;
}

}  // namespace wg::json_source
