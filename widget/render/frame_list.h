// frame_list.h — the ImDrawList one frame is drawn into, without an ImGui context. The widget uses Dear
// ImGui's drawing layer (shapes, anti-aliased lines, text, images) and none of its windows, widgets,
// input, navigation, fonts or settings: with no context those are not linked, and they were most of ImGui's
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

    // Starts a frame of w × h device px whose shapes sample `white`, a texture that is white all over
    // (ImGui's font atlas has a white pixel for that; the widget has no font atlas: text is images).
    ImDrawList* begin(float w, float h, ImTextureID white);
    // Ends the frame: the commands to render, in order.
    const ImDrawList& end();

private:
    ImDrawListSharedData shared_;
    ImDrawList list_;
};

}  // namespace wg::render
