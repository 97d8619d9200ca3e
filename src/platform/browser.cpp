#include "platform/browser.h"

#include <cstdint>
#include <cstdlib>
#include <string>

// The page's side of each call is in library_newsroom.js (linked with --js-library).
extern "C" {
void nr_push_hash(const char* hash);
void nr_replace_hash(const char* hash);
int nr_can_go_back();
void nr_history_back();
void nr_set_title(const char* title);
void nr_open_url(const char* url);
void nr_signal_ready();
void nr_load_finished(double generation, int usable);
void nr_first_frame();
void nr_update_mirror(const char* view);
void nr_article_action(const char* action, const char* article);
void nr_place_search_input(int x, int y, int w, int h);
void nr_set_search_input(const char* text);
void nr_save_setting(const char* key, const char* value);
void nr_set_cursor_position(float x, float y);
void nr_resize_canvas(int width, int height);
void nr_download(const char* name, const char* type, const char* bytes, int length);
void nr_request_image(const char* url);
char* nr_absolute_url(const char* url);
char* nr_share_address(const char* action, const char* article);
}

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
void load_finished(int64_t generation, bool usable) {
  nr_load_finished(static_cast<double>(generation), usable ? 1 : 0);
}
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
