#include "platform/browser.h"

#include <cstdlib>
#include <string>

#include <emscripten.h>

// Each forwards to window.newsroomHost (web/newsroom.js), which owns the page's history,
// title and links; kept as one-liners so that the JavaScript side is the only place with logic.
EM_JS(void, nr_push_hash, (const char* hash), { newsroomHost.pushHash(UTF8ToString(hash)); });
EM_JS(void, nr_replace_hash, (const char* hash), { newsroomHost.replaceHash(UTF8ToString(hash)); });
EM_JS(int, nr_can_go_back, (), { return newsroomHost.canGoBack() ? 1 : 0; });
EM_JS(void, nr_history_back, (), { history.back(); });
EM_JS(void, nr_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, nr_open_url, (const char* url), { newsroomHost.openUrl(UTF8ToString(url)); });
EM_JS(void, nr_signal_ready, (), { newsroomHost.signalReady(); });
EM_JS(void, nr_load_finished, (), { newsroomHost.loadFinished(); });
EM_JS(void, nr_first_frame, (), { newsroomHost.firstFrame(); });
EM_JS(void, nr_update_mirror, (const char* view), { newsroomHost.updateMirror(JSON.parse(UTF8ToString(view))); });
EM_JS(void, nr_article_action, (const char* action, const char* article), {
  newsroomHost.articleAction(UTF8ToString(action), JSON.parse(UTF8ToString(article)));
});
EM_JS(void, nr_place_search_input, (int x, int y, int w, int h), { newsroomHost.placeSearchInput(x, y, w, h); });
EM_JS(void, nr_set_search_input, (const char* text), { newsroomHost.setSearchInput(UTF8ToString(text)); });
EM_JS(void, nr_save_setting, (const char* key, const char* value), {
  newsroomHost.saveSetting(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, nr_set_cursor_position, (float x, float y), {
  Browser.mouseX = x;
  Browser.mouseY = y;
});
EM_JS(void, nr_resize_canvas, (int width, int height), {
  const canvas = Module.canvas;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  if (GLFW.active) {
    GLFW.active.width = width;
    GLFW.active.height = height;
  }
});

EM_JS(void, nr_download, (const char* name, const char* type, const char* bytes, int length), {
  newsroomHost.download(UTF8ToString(name), UTF8ToString(type), HEAPU8.slice(bytes, bytes + length));
});
// The page fetches the image (same origin only) and calls back with the picture; the
// texture is made here because Emscripten's GL names (GL.textures) live in this module.
EM_JS(void, nr_request_image, (const char* url), {
  newsroomHost.requestImage(UTF8ToString(url), (picture) => {
    const gl = GLctx;
    if (gl.isContextLost()) return 0;  // no texture now; the preview is asked for again after the restore
    const previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
    const rowLength = gl.getParameter(gl.UNPACK_ROW_LENGTH);
    const texture = gl.createTexture();
    const name = GL.getNewId(GL.textures);
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
});

// Answers from the page as a malloc'd UTF-8 string (taken over by the caller).
EM_JS(char*, nr_absolute_url, (const char* url), {
  const text = newsroomHost.absoluteUrl(UTF8ToString(url));
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});
EM_JS(char*, nr_share_address, (const char* action, const char* article), {
  const text = newsroomHost.shareAddress(UTF8ToString(action), JSON.parse(UTF8ToString(article)));
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

namespace {
std::string take(char* text) {
  std::string out = text ? text : "";
  std::free(text);
  return out;
}
}  // namespace

namespace newsroom::platform {

std::string absolute_url(const std::string& url) { return take(nr_absolute_url(url.c_str())); }
std::string share_address(const std::string& action, const std::string& article) {
  return take(nr_share_address(action.c_str(), article.c_str()));
}

void push_hash(const std::string& hash) { nr_push_hash(hash.c_str()); }
void request_image(const std::string& url) { nr_request_image(url.c_str()); }
void download(const std::string& file_name, const std::string& type, const std::string& content) {
  nr_download(file_name.c_str(), type.c_str(), content.data(), static_cast<int>(content.size()));
}
void replace_hash(const std::string& hash) { nr_replace_hash(hash.c_str()); }
bool can_go_back() { return nr_can_go_back() != 0; }
void history_back() { nr_history_back(); }
void set_document_title(const std::string& title) { nr_set_title(title.c_str()); }
void open_url(const std::string& url) { nr_open_url(url.c_str()); }
void signal_ready() { nr_signal_ready(); }
void load_finished() { nr_load_finished(); }
void signal_first_frame() { nr_first_frame(); }
void update_mirror(const std::string& view_json) { nr_update_mirror(view_json.c_str()); }
void article_action(const std::string& action, const std::string& article) {
  nr_article_action(action.c_str(), article.c_str());
}
void resize_canvas(int width, int height) { nr_resize_canvas(width, height); }
void place_search_input(int x, int y, int width, int height) { nr_place_search_input(x, y, width, height); }
void set_search_input(const std::string& text) { nr_set_search_input(text.c_str()); }
void set_cursor_position(float x, float y) { nr_set_cursor_position(x, y); }
void save_setting(const std::string& key, const std::string& value) { nr_save_setting(key.c_str(), value.c_str()); }

}  // namespace newsroom::platform
