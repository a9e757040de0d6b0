// gl_textures.h — photo textures in WebGL2: upload premultiplied RGBA, delete, and the blend
// state for drawing them. The only place (with the ImGui GL backend) that issues GL calls.
#pragma once
#include <cstdint>
#include <imgui.h>

namespace wg::platform {

// Uploads RGBA8 pixels (premultiplied alpha) with mipmaps off and linear filtering: photos are
// already downscaled to the displayed size, so mipmaps would only cost a third more memory.
unsigned upload_texture(const uint8_t* rgba, int w, int h);
void delete_texture(unsigned tex);
// ImDrawList callback: switch to premultiplied-alpha blending for the draws that follow.
void premultiplied_blend(const ImDrawList*, const ImDrawCmd*);

}  // namespace wg::platform
