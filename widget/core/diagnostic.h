// diagnostic.h — an error or warning as a value: stable ID, where it is, and a human message.
// Everything the core refuses is reported this way; nothing throws across the wasm boundary.
#pragma once
#include <string>
#include <vector>

namespace wg {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string id;       // stable, e.g. "json.syntax", "field.required", "url.scheme"
    std::string where;    // "14:7" for syntax errors, JSON pointer ("/slides/3/image") otherwise
    int line = 0;         // 1-based, 0 when unknown (semantic errors may still carry the line)
    int column = 0;       // 1-based, 0 when unknown
    std::string message;  // short reason, e.g. "expected ',' or '}'"
    std::string suggestion;  // a known key or value the wrong one is close to ("did you mean"), or empty

    // "gallery.json:14:7: expected ',' or '}'" / "/slides/3/image: required"
    std::string format(const std::string& file_name = "gallery.json") const;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& d) {
    for (const auto& x : d)
        if (x.severity == Severity::Error) return true;
    return false;
}

}  // namespace wg
