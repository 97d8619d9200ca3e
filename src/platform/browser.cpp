#include "platform/browser.h"

#include <string>

// The page's side of each call is in library_newsroom.js (linked with --js-library).
extern "C" {
void nr_effect(const char* json_array);
void nr_set_cursor_position(float x, float y);
void nr_resize_canvas(int width, int height);
void nr_request_image(const char* url);
double nr_heap_bytes();
}

namespace newsroom::platform {

void effect(const std::string& json_array) { nr_effect(json_array.c_str()); }
void resize_canvas(int width, int height) { nr_resize_canvas(width, height); }
void set_cursor_position(float x, float y) { nr_set_cursor_position(x, y); }
void request_image(const std::string& url) { nr_request_image(url.c_str()); }
double heap_bytes() { return nr_heap_bytes(); }

}  // namespace newsroom::platform
