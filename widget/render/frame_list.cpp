// frame_list.cpp — see frame_list.h.
#include "render/frame_list.h"

namespace wg::render {

ImDrawList* FrameList::begin(float w, float h, ImTextureID white) {
    // ImGuiStyle's defaults, which the frames were tuned with.
    shared_.ClipRectFullscreen = ImVec4(0, 0, w, h);
    shared_.CurveTessellationTol = 1.25f;
    shared_.SetCircleTessellationMaxError(0.30f);
    // Anti-aliased edges as vertex-alpha fringes (not the atlas's baked line texture, which it has not).
    shared_.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
    shared_.TexUvWhitePixel = ImVec2(0.5f, 0.5f);
    list_._ResetForNewFrame();
    list_.PushTextureID(white);
    list_.PushClipRectFullScreen();
    return &list_;
}

const ImDrawList& FrameList::end() {
    list_._PopUnusedDrawCmd();
    return list_;
}

}  // namespace wg::render
