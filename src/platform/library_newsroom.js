// The calls from C++ into the page (src/platform/browser.h), linked with --js-library.
// Each forwards to window.newsroomHost (web/newsroom.js), which owns the page's history,
// title and links; the few that reach into Emscripten's own objects (GL names, GLFW's
// window record, the cursor) are here because those objects live in this module.
// (Plain `function` entries: Emscripten 3.1.6's library compiler does not take arrows.)
mergeInto(LibraryManager.library, {
  nr_push_hash: function(hash) { newsroomHost.pushHash(UTF8ToString(hash)); },
  nr_replace_hash: function(hash) { newsroomHost.replaceHash(UTF8ToString(hash)); },
  nr_can_go_back: function() { return newsroomHost.canGoBack() ? 1 : 0; },
  nr_history_back: function() { history.back(); },
  nr_set_title: function(title) { document.title = UTF8ToString(title); },
  nr_open_url: function(url) { newsroomHost.openUrl(UTF8ToString(url)); },
  nr_signal_ready: function() { newsroomHost.signalReady(); },
  // One signal per load: the import counter after it, and whether its board is shown.
  nr_load_finished: function(generation, usable) {
    newsroomHost.loadFinished({ generation: generation, usable: usable !== 0 });
  },
  nr_first_frame: function() { newsroomHost.firstFrame(); },
  nr_update_mirror: function(view) { newsroomHost.updateMirror(JSON.parse(UTF8ToString(view))); },
  nr_article_action: function(action, article) {
    newsroomHost.articleAction(UTF8ToString(action), JSON.parse(UTF8ToString(article)));
  },
  nr_place_search_input: function(x, y, w, h) { newsroomHost.placeSearchInput(x, y, w, h); },
  nr_set_search_input: function(text) { newsroomHost.setSearchInput(UTF8ToString(text)); },
  nr_save_setting: function(key, value) { newsroomHost.saveSetting(UTF8ToString(key), UTF8ToString(value)); },

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

  nr_download: function(name, type, bytes, length) {
    newsroomHost.download(UTF8ToString(name), UTF8ToString(type), HEAPU8.slice(bytes, bytes + length));
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

  // Answers from the page as a malloc'd UTF-8 string (taken over by the caller).
  $nr_string_answer: function(text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  nr_absolute_url__deps: ['$nr_string_answer'],
  nr_absolute_url: function(url) { return nr_string_answer(newsroomHost.absoluteUrl(UTF8ToString(url))); },
  nr_share_address__deps: ['$nr_string_answer'],
  nr_share_address: function(action, article) {
    return nr_string_answer(newsroomHost.shareAddress(UTF8ToString(action), JSON.parse(UTF8ToString(article))));
  },
});
