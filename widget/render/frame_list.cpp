// frame_list.cpp — see frame_list.h.
#include "render/frame_list.h"

namespace wg::render {

ImDrawList* FrameList::begin(float w, float h, const ImFontAtlas& atlas) {
    // ImGuiStyle's defaults, which the frames were tuned with.
    shared_.ClipRectFullscreen = ImVec4(0, 0, w, h);
    shared_.CurveTessellationTol = 1.25f;
    shared_.SetCircleTessellationMaxError(0.30f);
    shared_.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
    if (!(atlas.Flags & ImFontAtlasFlags_NoBakedLines))
        shared_.InitialFlags |= ImDrawListFlags_AntiAliasedLinesUseTex;
    shared_.TexUvWhitePixel = atlas.TexUvWhitePixel;
    shared_.TexUvLines = atlas.TexUvLines;
    list_._ResetForNewFrame();
    list_.PushTextureID(atlas.TexID);
    list_.PushClipRectFullScreen();
    return &list_;
}

const ImDrawList& FrameList::end() {
    list_._PopUnusedDrawCmd();
    return list_;
}

}  // namespace wg::render
