// diagnostic.cpp — how a Diagnostic reads to a person: compiler-style for positions, pointer-first otherwise.
#include "core/diagnostic.h"

namespace wg {

std::string Diagnostic::format(const std::string& file_name) const {
    if (!where.empty() && where[0] == '/') return where + ": " + message;          // "/slides/3/image: required"
    if (!where.empty()) return file_name + ":" + where + ": " + message;           // "gallery.json:14:7: expected …"
    return file_name + ": " + message;                                             // whole document (size, root)
}

}  // namespace wg
