// The calls from C++ into the page (src/platform/browser.h), linked with --js-library.
// One carries every effect to window.newsroomHost.effect (web/js/api.js), which owns the
// page's history, title and links; the four others reach into Emscripten's own objects
// (the heap, GL names, GLFW's window record, the cursor), which live in this module.
// (Plain `function` entries: Emscripten 3.1.6's library compiler does not take arrows.)
mergeInto(LibraryManager.library, {
  // Every effect of a call or a frame (app/effects.h), as one JSON array.
  nr_effect: function(list) { newsroomHost.effect(JSON.parse(UTF8ToString(list))); },

  nr_heap_bytes: function() { return HEAPU8.length; },

  // Emscripten 3.1.6's GLFW ignores touch: its per-frame cursor read must agree with ours.
  nr_set_cursor_position__deps: ['$Browser'],
  nr_set_cursor_position: function(x, y) {
    Browser.mouseX = x;
    Browser.mouseY = y;
  },
  // The backing store follows CSS size × devicePixelRatio; GLFW's window record is told too
  // (glfwSetWindowSize would ask for fullscreen when the size equals the screen's).
  nr_resize_canvas__deps: ['$GLFW'],
  nr_resize_canvas: function(width, height) {
    var canvas = Module.canvas;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    if (GLFW.active) {
      GLFW.active.width = width;
      GLFW.active.height = height;
    }
  },

  // The page fetches the image (same origin only) and calls back with the picture; the
  // texture is made here because Emscripten's GL names (GL.textures) live in this module.
  nr_request_image__deps: ['$GL'],
  nr_request_image: function(url) {
    newsroomHost.requestImage(UTF8ToString(url), function(picture) {
      var gl = GLctx;
      if (gl.isContextLost()) return 0;  // no texture now; the preview is asked for again after the restore
      var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
      var rowLength = gl.getParameter(gl.UNPACK_ROW_LENGTH);
      var texture = gl.createTexture();
      var name = GL.getNewId(GL.textures);
      texture.name = name;
      GL.textures[name] = texture;
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, picture);
      gl.pixelStorei(gl.UNPACK_ROW_LENGTH, rowLength);
      gl.bindTexture(gl.TEXTURE_2D, previous);
      return name;
    });
  },
});
