// The GL state Dear ImGui's OpenGL 3 backend saves before each frame's draw and restores
// after it, answered here instead of by WebGL.
//
// The backend asks for a dozen values a frame (glGetIntegerv: bindings, viewport, scissor
// box, blending). Some of them WebGL answers only after a round trip to the GPU process,
// which first finishes everything queued before the question: in the frame that applied a
// 100k board (new glyphs uploaded, the list drawn), the page's thread waited 80 ms there.
// The page is the context's only user, and between two draws it changes none of that state
// but the viewport (set before each clear) and the scissor test (which the backend reads
// with glIsEnabled, answered without a round trip). So each value is the one the context
// starts with, and the backend's restore puts back exactly that. Anything else (the
// backend's questions at start: version, texture size) goes to WebGL.
// imgui_impl_opengl3.cpp is compiled with glGetIntegerv named newsroom_gl_get_integerv
// (cmake/NewsroomDependencies.cmake).
#include <GLES3/gl3.h>

extern "C" void newsroom_gl_get_integerv(GLenum name, GLint* out) {
  switch (name) {
    case GL_ACTIVE_TEXTURE: *out = GL_TEXTURE0; return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_ELEMENT_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING: *out = 0; return;
    case GL_VIEWPORT:
    case GL_SCISSOR_BOX:  // the viewport is set again before the next clear; the box counts only with the test on
      out[0] = out[1] = out[2] = out[3] = 0;
      return;
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: *out = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: *out = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: *out = GL_FUNC_ADD; return;
    default: glGetIntegerv(name, out);
  }
}
