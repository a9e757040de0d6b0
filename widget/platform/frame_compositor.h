// frame_compositor.h — what one frame shows, from the gallery's state: which slides, where and how
// opaque (core/frame_model.h), each with its layout, its photo texture and that photo's fade-in, and
// the controls drawn over them. The render layer (render/view.h) then draws it.
#pragma once
#include <vector>

#include "core/layout.h"
#include "platform/app.h"
#include "render/view.h"

namespace wg::platform {

// The frame at time t. `layouts` and `chrome` hold what the returned view points into; `fading` is
// set when a photo is still fading in (another frame is needed).
wg::render::FrameView compose_frame(App& a, double t, std::vector<wg::Layout>& layouts, wg::Layout& chrome, bool* fading);

}  // namespace wg::platform
