// The calls from C++ into the page (src/platform/library_newsroom.js). Only platform/ uses
// them: one for every effect, and the four that reach into Emscripten's own objects.
#pragma once

#include <cstdint>
#include <string>

namespace newsroom::platform {

// Integers that cross to the page, named the same on both sides (web/js/*.js has the
// same values; tests/node/boundary.test.mjs compares them).
enum class ImageStatus : int { shown = 1, failed = 2, refused = 3 };  // refused: another origin, never fetched
enum class TouchPhase : int { up = 0, down = 1, move = 2 };

// Effects (app/effects.h) as one JSON array, to window.newsroomHost.effect.
void effect(const std::string& json_array);
// Sets the canvas backing store (device pixels) and tells Emscripten's GLFW. Not
// glfwSetWindowSize: that requests fullscreen whenever the size equals the screen's.
void resize_canvas(int width, int height);
// Where Emscripten's GLFW reports the cursor (glfwGetCursorPos reads Browser.mouseX/Y).
void set_cursor_position(float x, float y);
// The wasm memory's size in bytes (it may reach 4 GiB, past what size_t holds here).
double heap_bytes();
// Fetch a same-origin image for a preview; the page answers with newsroom_image_ready.
// (Not an effect: the texture is made in this module, where Emscripten's GL names live.)
void request_image(const std::string& url);

}  // namespace newsroom::platform
