// The calls from C++ into the page (JavaScript in web/newsroom.js). Only platform/ uses them.
#pragma once

#include <cstdint>
#include <string>

namespace newsroom::platform {

// Integers that cross to the page, named the same on both sides (web/newsroom.js has the
// same values; tests/node/boundary.test.mjs compares them).
enum class ImageStatus : int { shown = 1, failed = 2, refused = 3 };  // refused: another origin, never fetched
enum class TouchPhase : int { up = 0, down = 1, move = 2 };

void push_hash(const std::string& hash);     // a new history entry for a new view
void replace_hash(const std::string& hash);  // correct the URL without a new entry
bool can_go_back();                          // the previous history entry is ours
void history_back();
void set_document_title(const std::string& title);
void open_url(const std::string& url);  // a new tab, noopener
// 링크 복사, 공유 (Facebook, X), 인쇄 for the open article (`article` is its JSON).
void article_action(const std::string& action, const std::string& article);
void signal_ready();                                  // resolves window.newsroom.ready
void load_finished(int64_t generation, bool usable);  // a load ended: the import counter after it, its board shown
void signal_first_frame();                            // the first frame was drawn (a performance mark, for benchmarks)
void update_mirror(const std::string& view_json);     // the hidden DOM mirror of the view
// Sets the canvas backing store (device pixels) and tells Emscripten's GLFW. Not
// glfwSetWindowSize: that requests fullscreen whenever the size equals the screen's.
void resize_canvas(int width, int height);
// Puts the hidden search <input> over the drawn box (framebuffer pixels), or hides it (-1).
void place_search_input(int x, int y, int width, int height);
void set_search_input(const std::string& text);
// Where Emscripten's GLFW reports the cursor (glfwGetCursorPos reads Browser.mouseX/Y).
void set_cursor_position(float x, float y);
// Fetch a same-origin image for a preview; the page answers with newsroom_image_ready.
void request_image(const std::string& url);
// Offers `content` as a file download (CSV of the analytics).
void download(const std::string& file_name, const std::string& type, const std::string& content);
// Kiosk mode: a link's absolute address (relative ones against the page), and the address
// a share action stands for (the article's public page, or Facebook's/X's share address).
std::string absolute_url(const std::string& url);
std::string share_address(const std::string& action, const std::string& article);
void save_setting(const std::string& key, const std::string& value);  // localStorage, best effort

}  // namespace newsroom::platform
