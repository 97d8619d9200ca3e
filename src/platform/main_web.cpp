// The web entry point: GLFW (Emscripten's built-in) + WebGL2 + Dear ImGui, the main loop,
// the canvas sized to CSS size × devicePixelRatio, and the C functions window.newsroom calls.
#include <malloc.h>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // InputEventsQueue: input waiting for the next frame

#include <nlohmann/json.hpp>
#include "app/kiosk_driver.h"
#include "platform/browser.h"
#include "platform/runtime.h"
#include "platform/time_ring.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace newsroom::platform {

Runtime& runtime() {
  static Runtime instance;
  return instance;
}

// Frames are drawn while something may change on screen: for a second after any input
// or change (a call from the page, the end of a load), always in kiosk mode (the attract
// loop moves) and while the search box has focus (its caret blinks), and ten times a
// second while a load or the index goes on with nobody using the page (the bar moves; the
// work itself goes on every turn). An idle page draws nothing: with software WebGL a
// redrawn frame costs a core's worth of time in the GPU process, and on a phone, battery.
constexpr double kAwakeMilliseconds = 1000.0, kBackgroundFrameMilliseconds = 100.0;

void wake(Runtime& rt) { rt.awake_until = std::max(rt.awake_until, emscripten_get_now() + kAwakeMilliseconds); }

bool should_draw(const Runtime& rt, double now) {
  if (rt.session.kiosk() || rt.ui.search.focused || now < rt.awake_until || rt.gl_restored) return true;
  return rt.session.loader().busy() && now - rt.last_drawn >= kBackgroundFrameMilliseconds;
}

// The runtime, for a call from the page that may change what is shown.
Runtime& changed() {
  Runtime& rt = runtime();
  wake(rt);
  return rt;
}

// The canvas's backing store follows its CSS size × devicePixelRatio, so text is sharp
// on HiDPI screens; ImGui works in those device pixels with fonts and sizes scaled by dpr.
// True when the size changed.
bool sync_canvas_size(Runtime& rt) {
  bool resized = false;
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size("#canvas", &css_width, &css_height);
  const double dpr = std::max(0.5, emscripten_get_device_pixel_ratio());
  const int width = std::max(1, static_cast<int>(std::lround(css_width * dpr)));
  const int height = std::max(1, static_cast<int>(std::lround(css_height * dpr)));
  if (width != rt.backing_width || height != rt.backing_height) {
    platform::resize_canvas(width, height);
    rt.backing_width = width;
    rt.backing_height = height;
    resized = true;
  }
  rt.ui.dpr = static_cast<float>(dpr);
  rt.ui.css_width = static_cast<float>(css_width);
  if (rt.style_dpr != rt.ui.dpr) {
    ui::apply_style(rt.ui.dpr);
    rt.style_dpr = rt.ui.dpr;
  }
  return resized;
}

// Wheel deltas as the SDL and ImGui backends read them: 100 pixels or 3 lines per step.
// (Emscripten's GLFW quantizes small deltas away, so the wheel bypasses it.)
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
  runtime().last_input = emscripten_get_now();
  float steps_per_unit = 1.0f / 100.0f;
  if (event->deltaMode == DOM_DELTA_LINE)
    steps_per_unit = 1.0f / 3.0f;
  else if (event->deltaMode == DOM_DELTA_PAGE)
    steps_per_unit = 10.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) * steps_per_unit,
                                    static_cast<float>(-event->deltaY) * steps_per_unit);
  return EM_TRUE;
}

// The kiosk's clock in UTC seconds (the session adds what tests added).
double utc_now() { return emscripten_date_now() / 1000.0; }

// Before each frame in kiosk mode: the loop moves on (app/kiosk_driver.h) and the views
// learn where it stands.
void kiosk_before_frame(Runtime& rt) {
  const KioskDriver::Tick tick = rt.session.before_frame(utc_now(), rt.ui.font_loaded, rt.effects);
  const KioskDriver* kiosk = rt.session.kiosk();
  if (!kiosk) return;
  ui::KioskUi& view = rt.ui.kiosk;
  if (tick.reset) {  // the visitor left: what they did to the view goes too
    view.qr_url.clear();
    view.close_popups = true;
    rt.ui.search = ui::SearchInput{};
    rt.ui.scroll = ui::ScrollMemory{};
    rt.ui.drag = ui::DragScroll{};
    rt.ui.keyboard_row = -1;
  }
  const KioskView shown = kiosk->view(rt.session.app(), rt.session.kiosk_now(utc_now()));
  view.playing = shown.playing;
  view.progress = static_cast<float>(shown.progress);
  view.position = shown.position;
  view.length = shown.length;
  view.stale_hours = static_cast<int>(kiosk->options().stale_hours);
  view.exported_at = shown.exported_at;
  view.age_hours = shown.age_hours;
  view.stale = shown.stale;
  view.problems = shown.problems;
}

// Touch, click, wheel or a key in this frame: a visitor is there.
bool visitor_input() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseWheel != 0 || io.MouseWheelH != 0) return true;
  for (const bool down : io.MouseDown) {
    if (down) return true;
  }
  for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key) {
    if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(key), false)) return true;
  }
  return false;
}

// A press that came with the move that brought the pointer to it is seen a frame later,
// over a frame that saw the pointer resting there. ImGui takes a move and the press after
// it in one frame (it trickles only the release to the next), but an item that lets later
// ones overlap it (a list row, ImGuiItemFlags_AllowOverlap) is hovered only from the second
// frame the pointer is over it: a click that arrives with its move (a touchpad's
// tap-to-click; any click on a page gone idle, where no frame saw the pointer arrive)
// hovered the row and did not open it. As ImGui does for touch (its #2702), the press and
// the events after it wait in `held_input`; hand_back_held_input() queues them again at the
// end of the frame, ahead of anything newer, and the frames go on while any wait.
void hold_press_after_move(Runtime& rt) {
  ImVector<ImGuiInputEvent>& queue = ImGui::GetCurrentContext()->InputEventsQueue;
  ImVec2 at = ImGui::GetIO().MousePos;
  bool moved = false;
  for (int i = 0; i < queue.Size; ++i) {
    const ImGuiInputEvent& event = queue[i];
    if (event.Type == ImGuiInputEventType_MousePos) {
      moved |= event.MousePos.PosX != at.x || event.MousePos.PosY != at.y;
      at = ImVec2(event.MousePos.PosX, event.MousePos.PosY);
    } else if (event.Type == ImGuiInputEventType_MouseButton) {
      if (!moved) return;
      rt.held_input.assign(queue.begin() + i, queue.end());
      queue.resize(i);
      return;
    }
  }
}

void hand_back_held_input(Runtime& rt) {
  if (rt.held_input.empty()) return;
  ImVector<ImGuiInputEvent>& queue = ImGui::GetCurrentContext()->InputEventsQueue;
  for (const ImGuiInputEvent& event : rt.held_input) queue.push_back(event);  // after what this frame left
  rt.held_input.clear();
}

// Effects go out at the end of each call from the page and of each frame, in one call;
// anything the page is told wakes the frames (a load ended, the route moved), but for the
// pieces of a board image being stored, which change nothing on screen.
void send_effects(Runtime& rt) {
  if (rt.effects.empty()) return;
  if (rt.effects.count("image") < rt.effects.size()) wake(rt);
  platform::effect(rt.effects.take().dump());
}

double clock_ms(void*) { return emscripten_get_now(); }

// A slice of the import, or of the search index, within `budget` ms (less while the
// visitor is using the page, and until the first frame is shown: a small export's related
// articles, say, would otherwise be built in the first frame's turn).
void continue_work(Runtime& rt, double budget) {
  if (rt.drawn == 0 || emscripten_get_now() - rt.last_input < kInputRecentMilliseconds)
    budget = std::min(budget, kWorkMillisecondsWhileUsed);
  if (rt.session.work(budget, clock_ms, nullptr, rt.effects)) wake(rt);  // searches waiting for the index are answered
}

// WebGL context loss (a GPU reset, a driver update, the browser reclaiming memory on a
// screen that runs for weeks). Cancelling the event lets the browser restore the context;
// frames go on meanwhile without drawing. On restore the same WebGL context object is
// usable again, but every GL object made before is gone: the ImGui backend's device
// objects are dropped (their stale names are forgotten by Emscripten's GL tables) and made
// again on the next NewFrame, and the atlas textures, marked destroyed, are uploaded again
// from the pixels ImGui keeps. Image previews are dropped; the views ask for them again.
EM_BOOL on_context_lost(int, const void*, void*) {
  Runtime& rt = runtime();
  rt.gl_lost = true;
  ++rt.gl_lost_count;
  return EM_TRUE;  // preventDefault: ask for a restore
}

EM_BOOL on_context_restored(int, const void*, void*) {
  Runtime& rt = runtime();
  rt.gl_lost = false;
  rt.gl_restored = true;  // the next frame re-creates what the context lost (and counts it)
  return EM_TRUE;
}

void recreate_device_objects(Runtime& rt) {
  ImGui_ImplOpenGL3_DestroyDeviceObjects();  // NewFrame creates them again
  for (auto& [url, preview] : rt.ui.images.by_url) {
    if (preview.texture) glDeleteTextures(1, &preview.texture);  // a stale name: only forgotten
  }
  rt.ui.images.by_url.clear();
  rt.backing_width = rt.backing_height = 0;  // size the canvas again
  ++rt.gl_restored_count;
}

void main_loop_iteration() {
  Runtime& rt = runtime();
  const double started = emscripten_get_now();
  ++rt.frame;
  if (rt.gl_restored) {
    rt.gl_restored = false;
    recreate_device_objects(rt);
    wake(rt);
  }
  if (sync_canvas_size(rt)) wake(rt);
  glfwPollEvents();
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) wake(rt);  // mouse, keys, wheel
  const bool worked = rt.session.loader().importing() || rt.session.app().indexing() || rt.session.writing_image();
  continue_work(rt, kWorkMillisecondsPerFrame);
  send_effects(rt);
  rt.ui.images.now = glfwGetTime();  // ImGui's clock too
  if (!should_draw(rt, started)) {
    sync_images(rt.ui.images);  // previews not drawn for a while are given back all the same
    if (worked) rt.frame_times.push(emscripten_get_now() - started);
    return;
  }
  rt.last_drawn = started;

  // A click that changes the view is seen while the old view is being drawn; that frame
  // is discarded and the new view drawn at once, so no frame (and no state()) mixes the
  // two. The second pass sees no new input.
  kiosk_before_frame(rt);
  rt.ui.load = rt.session.loader().progress();
  rt.ui.live = rt.session.live();
  rt.ui.from_image = rt.session.board_from_image();
  rt.ui.preview = rt.session.preview();
  hold_press_after_move(rt);
  bool input = false;
  rt.glyph_budget.begin_frame();
  for (int pass = 0; pass < 2; ++pass) {
    if (pass > 0) ImGui::EndFrame();
    if (!rt.gl_lost) ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    rt.ui.widgets.begin_frame();
    rt.ui.glyphs.begin_frame();
    rt.ui.drawn_ids.clear();
    rt.ui.cut_ids.clear();
    rt.ui.tooltip.clear();
    const std::string shown = rt.session.app().hash();
    ViewRequests requests = ui::draw_app(rt.session.app(), rt.ui);
    if (pass == 0) input = visitor_input();  // the second pass sees no new input
    if (input) rt.last_input = emscripten_get_now();
    rt.ui.glyphs.end_frame();
    after_frame(rt, std::move(requests));
    if (rt.session.app().hash() == shown) break;
  }
  if (rt.session.kiosk() && input)
    rt.session.kiosk()->input(rt.session.kiosk_now(utc_now()));  // drawn from the next frame on
  hand_back_held_input(rt);
  rt.glyph_budget.end_frame();
  ImGui::Render();

  // A frame that ran out of glyph budget is not shown: its new glyphs go to the atlas's
  // texture, the canvas keeps the frame before, and the next turn draws again.
  const bool shown = rt.glyph_budget.complete();
  if (!rt.gl_lost && shown) {
    glViewport(0, 0, rt.backing_width, rt.backing_height);
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::palette().page);
    glClearColor(page.x, page.y, page.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  } else if (!rt.gl_lost && ImGui::GetDrawData()->Textures) {
    for (ImTextureData* texture : *ImGui::GetDrawData()->Textures) {
      if (texture->Status != ImTextureStatus_OK) ImGui_ImplOpenGL3_UpdateTexture(texture);
    }
  }
  rt.frame_times.push(emscripten_get_now() - started + rt.input_ms);
  rt.input_ms = 0;
  if (!shown) {
    wake(rt);
    send_effects(rt);
    return;
  }
  if (++rt.drawn == 1) rt.effects.add("first_frame");
  if (!rt.ready_signalled && rt.session.loader().settled() && rt.font_settled && !rt.session.app().search_pending()) {
    rt.ready_signalled = true;
    rt.effects.add("ready");
  }
  send_effects(rt);
}

}  // namespace newsroom::platform

using namespace newsroom;
using namespace newsroom::platform;

int main() {
  Runtime& rt = runtime();
  if (!glfwInit()) {
    emscripten_log(EM_LOG_ERROR, "newsroom: glfwInit failed");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  rt.window = glfwCreateWindow(1280, 800, "newsroom", nullptr, nullptr);
  if (!rt.window) {
    emscripten_log(EM_LOG_ERROR, "newsroom: WebGL2 is not available");
    return 1;
  }
  glfwMakeContextCurrent(rt.window);
#if defined(NEWSROOM_WASM_THREADS)
  rt.session.loader().set_background(true);  // a large export is imported and indexed on a worker
#endif

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the URL is the state; nothing to persist
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
  // Not ImGui_ImplGlfw_InstallEmscriptenCallbacks(): its resize handler sizes the canvas in
  // CSS pixels through glfwSetWindowSize, which asks for fullscreen when that equals the
  // screen size. We size the canvas ourselves and only need its wheel handling.
  emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // The shaders and the font atlas are made now, at start, not in the first frame.
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImFontAtlasBuildMain(io.Fonts);
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
  sync_canvas_size(rt);
  rt.session.set_mirror_words(ui::mirror_words());

  rt.effects.add("started");  // the page sends its options, settings and route, then the data
  send_effects(rt);
  emscripten_set_main_loop(main_loop_iteration, 0, false);
  return 0;
}
