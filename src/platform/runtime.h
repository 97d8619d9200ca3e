// The web build's state (one per page) and what the loop (main_web.cpp) and the exports
// the page calls (web_exports.cpp) share of it.
#pragma once

#include <array>
#include <vector>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui_internal.h>  // ImGuiInputEvent

#include "app/effects.h"
#include "app/session.h"
#include "platform/time_ring.h"
#include "ui/glyph_budget.h"
#include "ui/ui_context.h"

namespace newsroom::platform {

// A frame rasterizes new glyphs for about this long; a screen that needs more is shown once
// the frames after it have loaded the rest (ui/glyph_budget.h). Rasterizing, the atlas's
// upload and the frame's own drawing then stay well within 50 ms on a slow core.
constexpr double kGlyphMillisecondsPerFrame = 10.0;

struct Runtime {
  GLFWwindow* window = nullptr;
  Session session;  // the board, the loads, the kiosk's loop: everything without a browser
  Effects effects;  // what the page must do, sent at the end of each call and frame
  ui::UiContext ui;
  int64_t frame = 0;          // turns of the main loop (the heartbeat), drawn or not
  int64_t drawn = 0;          // frames drawn
  double awake_until = 0;     // emscripten_get_now() until which every frame is drawn
  double last_drawn = -1e9;   // when the last frame was drawn
  bool font_settled = false;  // the font arrived (or failed to)
  bool ready_signalled = false;
  bool gl_lost = false;      // the WebGL context is lost: frames go on, nothing is drawn
  bool gl_restored = false;  // restored since the last frame: device objects to re-create
  int64_t gl_lost_count = 0, gl_restored_count = 0;
  float style_dpr = 0;  // the ratio the style was last built for
  int backing_width = 0, backing_height = 0;
  std::array<int, 4> input_place = {-2, -2, -2, -2};  // where the hidden <input> was put
  platform::TimeRing frame_times;   // CPU ms of each main_loop_iteration, plus the searches run since the last one
  platform::TimeRing search_times;  // CPU ms of each search typed (newsroom_search_input)
  double input_ms = 0;              // search time not yet counted in a frame
  double last_input = -1e9;         // emscripten_get_now() of the visitor's last input
  std::vector<ImGuiInputEvent> held_input;  // a press that came with its move, for the next frame
  ui::GlyphBudget glyph_budget{[](void*) { return emscripten_get_now(); }, nullptr, kGlyphMillisecondsPerFrame};
};

// Work done between frames (an import or an index in slices) takes about this long per
// frame, so a 100k-article load keeps drawing and answering input; while the visitor is
// scrolling, typing or touching (input in the last second), and until the first frame is
// shown, it yields to them, so those frames stay smooth and the work goes on more slowly.
// Smaller exports are imported at once.
constexpr double kWorkMillisecondsPerFrame = 40.0, kWorkMillisecondsWhileUsed = 5.0;
constexpr double kWorkMillisecondsBetweenFrames = 8.0;  // a streamed export's work as each piece arrives
constexpr double kInputRecentMilliseconds = 1000.0;

Runtime& runtime();
// The runtime, for a call from the page that may change what is shown (frames are drawn
// for a while after it).
Runtime& changed();
void wake(Runtime& rt);
// The effects collected so far, to the page in one call (web/js/api.js, newsroomHost.effect).
void send_effects(Runtime& rt);
// A slice of the import, or of the search index, within `budget` ms.
void continue_work(Runtime& rt, double budget);
// UTC seconds (the kiosk's clock, before what tests added).
double utc_now();
// After a drawn frame (after_frame.cpp): the panels' requests carried out, the page in step.
void after_frame(Runtime& rt, ViewRequests requests);
// Previews not drawn for a while give their texture back.
void sync_images(ui::ImagePreviews& images);

}  // namespace newsroom::platform
