// frame_compositor.h — what one frame shows, from the gallery's state: which slides, where and how
// opaque (core/frame_model.h), each with its layout, its photo texture and that photo's fade-in, and
// the controls drawn over them. The render layer (render/view.h) then draws it.
#pragma once
#include <vector>

#include "core/frame_model.h"
#include "core/layout.h"
#include "platform/app.h"
#include "render/view.h"

namespace wg::platform {

// The slides the carousel's position puts on the frame, with the gallery's transition and loop.
std::vector<wg::SlideOnScreen> slides_on_screen(const App& a);

// The frame at time t. `layouts` and `chrome` hold what the returned view points into; `fading` is
// set when a photo is still fading in (another frame is needed).
wg::render::FrameView compose_frame(App& a, double t, std::vector<wg::Layout>& layouts, wg::Layout& chrome, bool* fading);

// Text images held at most (over it, those unused for two frames go): three slides' text at DPR 3.
inline constexpr size_t kTextBudgetBytes = 12u << 20;

// Draws, off screen, what the slides before and after the current one show when they come on screen
// (their text images are then ready: no frame of a swipe waits for text to be drawn).
void warm_neighbours(App& a, double t);
// The same for slide i alone.
void warm_slide(App& a, double t, int i);

}  // namespace wg::platform
