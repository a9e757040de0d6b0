// gl_renderer.cpp — see gl_renderer.h.
#include "platform/gl_renderer.h"

#include <GLES3/gl3.h>
#include <cmath>
#include <cstddef>

#include "platform/gl_textures.h"

namespace wg::platform {
namespace {

// Vertex positions arrive in device px; the scale maps them to clip space (y down).
constexpr const char* kVertex = R"(#version 300 es
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
uniform vec2 u_scale;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = vec4(a_pos * u_scale + vec2(-1.0, 1.0), 0.0, 1.0);
})";

constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 out_color;
void main() { out_color = v_color * texture(u_texture, v_uv); })";

GLuint compile(GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
}

}  // namespace

bool GlRenderer::init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &linked);  // once, at start-up: never per frame
    if (!linked) {
        glDeleteProgram(p);
        return false;
    }
    program_ = p;
    u_scale_ = glGetUniformLocation(p, "u_scale");
    u_texture_ = glGetUniformLocation(p, "u_texture");

    // The vertex array keeps the attribute layout and the index buffer binding for every frame.
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ibo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (void*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    const uint8_t white[4] = {255, 255, 255, 255};
    white_tex_ = upload_texture(white, 1, 1);
    return true;
}

void GlRenderer::shutdown() {
    if (program_) glDeleteProgram(program_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (ibo_) glDeleteBuffers(1, &ibo_);
    delete_texture(white_tex_);
    forget();
}

void GlRenderer::default_state(int fbw, int fbh, int bw, int bh) const {
    glViewport(0, 0, bw, bh);  // clip space → the buffer: positions stay in full-size device px
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glUniform2f(u_scale_, 2.f / float(fbw), -2.f / float(fbh));
    glUniform1i(u_texture_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
}

void GlRenderer::render(const ImDrawList& dl, int fbw, int fbh, int bw, int bh, uint32_t clear_rgb) {
    if (!program_ || fbw <= 0 || fbh <= 0 || bw <= 0 || bh <= 0) return;
    const float sx = float(bw) / float(fbw), sy = float(bh) / float(fbh);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, bw, bh);
    glClearColor(float((clear_rgb >> 16) & 0xFF) / 255.f, float((clear_rgb >> 8) & 0xFF) / 255.f,
                 float(clear_rgb & 0xFF) / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    default_state(fbw, fbh, bw, bh);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(dl.VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), dl.VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(dl.IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                 dl.IdxBuffer.Data, GL_STREAM_DRAW);
    const GLenum idx_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    GLuint bound = ~0u;
    for (const ImDrawCmd& cmd : dl.CmdBuffer) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
            default_state(fbw, fbh, bw, bh);
            bound = ~0u;
            continue;
        }
        if (cmd.UserCallback) {
            cmd.UserCallback(&dl, &cmd);
            continue;
        }
        const ImVec4& c = cmd.ClipRect;
        if (c.z <= c.x || c.w <= c.y || cmd.ElemCount == 0) continue;
        // The clip rect in buffer pixels, rounded outwards (y up in GL).
        const int x0 = int(std::floor(c.x * sx)), x1 = int(std::ceil(c.z * sx));
        const int y0 = int(std::floor((float(fbh) - c.w) * sy)), y1 = int(std::ceil((float(fbh) - c.y) * sy));
        glScissor(x0, y0, x1 - x0, y1 - y0);
        GLuint tex = GLuint(intptr_t(cmd.GetTexID()));
        if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
        glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), idx_type,
                       (void*)(intptr_t(cmd.IdxOffset) * intptr_t(sizeof(ImDrawIdx))));
    }
    glBindVertexArray(0);
}

}  // namespace wg::platform
