// text.cpp — see text.h.
#include "render/text.h"

namespace wg::render {

FontSpec font_spec(FontRole role) {
    switch (role) {
        case FontRole::Body: return {false, 16.f};
        case FontRole::Caption: return {true, 16.f};
        case FontRole::Small: return {false, 12.f};
        case FontRole::Title: return {true, 20.f};
        case FontRole::Counter: return {true, 13.f};
    }
    return {false, 16.f};
}

}  // namespace wg::render
