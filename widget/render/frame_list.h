// frame_list.h — the ImDrawList one frame is drawn into, without an ImGui context. The widget uses Dear
// ImGui's drawing layer (shapes, anti-aliased lines, text, images) and none of its windows, widgets,
// input, navigation or settings: with no context those are not linked, and they were most of ImGui's
// bytes in the wasm. Knows ImGui, not GL.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

namespace wg::render {

class FrameList {
public:
    FrameList() : list_(&shared_) {}
    FrameList(const FrameList&) = delete;
    FrameList& operator=(const FrameList&) = delete;

    // Starts a frame of w × h device px whose text, white pixel and anti-aliased lines come from `atlas`
    // (built, with its TexID set): what ImGui::NewFrame does for its background draw list.
    ImDrawList* begin(float w, float h, const ImFontAtlas& atlas);
    // Ends the frame: the commands to render, in order.
    const ImDrawList& end();

private:
    ImDrawListSharedData shared_;
    ImDrawList list_;
};

}  // namespace wg::render
