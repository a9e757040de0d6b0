// gl_renderer.h — draws a frame's ImDrawList with WebGL2 (GLES 3.0): one program, one vertex array,
// buffers reused frame to frame, a white texture for shapes. It owns its context's state, so it sets
// what it needs every frame and never reads GL state back: in WebGL each glGet* is a synchronous round
// trip to the GPU process (ImGui's own OpenGL3 backend backs up the state with ~20 of them a frame).
#pragma once
#include <cstdint>
#include <imgui.h>

namespace wg::platform {

class GlRenderer {
public:
    // Creates the program and buffers on the current context. False if the shaders do not compile.
    bool init();
    // Deletes what init() and set_atlas() created (the context is alive).
    void shutdown();
    // The context is gone with its objects: forget them without calling GL.
    void forget() { *this = GlRenderer(); }
    bool ready() const { return program_ != 0; }

    // A 1×1 white texture that shapes sample (frame_list.h).
    ImTextureID white() const { return (ImTextureID)(intptr_t)white_tex_; }
    // Clears to `clear_rgb` (0xRRGGBB) and draws `dl`, laid out for an fbw × fbh framebuffer, into the
    // bw × bh drawing buffer (smaller while moving: render_scale.h); the GPU scales it down.
    void render(const ImDrawList& dl, int fbw, int fbh, int bw, int bh, uint32_t clear_rgb);

private:
    void default_state(int fbw, int fbh, int bw, int bh) const;
    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, white_tex_ = 0;
    int u_scale_ = -1, u_texture_ = -1;
};

}  // namespace wg::platform
