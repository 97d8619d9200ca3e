// The web entry point: GLFW (Emscripten's built-in) + WebGL2 + Dear ImGui, the main loop,
// the canvas sized to CSS size × devicePixelRatio, and the C functions window.newsroom calls.
#include <array>
#include <cmath>
#include <cstdlib>
#include <malloc.h>
#include <memory>
#include <string>
#include <vector>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>
#include <imgui.h>
#include <imgui_internal.h>  // InputEventsQueue: input waiting for the next frame
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/analytics_csv.h"
#include "app/app_state.h"
#include "app/kiosk.h"
#include "app/state_json.h"
#include <nlohmann/json.hpp>
#include "io/importer.h"
#include "core/dates.h"
#include "core/text.h"
#include "io/manifest.h"
#include "io/text_normalize.h"
#include "platform/browser.h"
#include "platform/time_ring.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace {

using namespace newsroom;

struct Runtime {
  GLFWwindow* window = nullptr;
  AppState app;
  ui::UiContext ui;
  int64_t frame = 0;          // turns of the main loop (the heartbeat), drawn or not
  int64_t drawn = 0;          // frames drawn
  int64_t streams = 0;        // streamed imports begun (state().load.streams)
  double awake_until = 0;     // emscripten_get_now() until which every frame is drawn
  double last_drawn = -1e9;   // when the last frame was drawn
  bool data_settled = false;  // the export arrived (or failed to)
  bool font_settled = false;  // the font arrived (or failed to)
  bool ready_signalled = false;
  bool gl_lost = false;       // the WebGL context is lost: frames go on, nothing is drawn
  bool gl_restored = false;   // restored since the last frame: device objects to re-create
  int64_t gl_lost_count = 0, gl_restored_count = 0;
  float style_dpr = 0;  // the ratio the style was last built for
  int backing_width = 0, backing_height = 0;
  std::string title;
  std::string state;  // last state() JSON, kept alive for the caller
  std::string located;
  std::string article;  // last newsroom_article() answer
  std::string mirror_key;  // the view the DOM mirror shows
  std::string manifest;  // last newsroom_manifest_files() answer
  std::array<int, 4> input_place = {-2, -2, -2, -2};  // where the hidden <input> was put
  platform::TimeRing frame_times;   // CPU ms of each main_loop_iteration, plus the searches run since the last one
  platform::TimeRing search_times;  // CPU ms of each search typed (newsroom_search_input)
  double input_ms = 0;    // search time not yet counted in a frame
  // The files of a manifest being delivered (bytes owned until the import is done).
  std::vector<std::pair<std::unique_ptr<char, decltype(&std::free)>, ExportPart>> parts;
  // An export being imported a slice per frame, with the bytes it reads.
  std::unique_ptr<char, decltype(&std::free)> loading_bytes{nullptr, &std::free};
  std::unique_ptr<ImportJob> loading;
  double last_input = -1e9;  // emscripten_get_now() of the visitor's last input
  // Kiosk mode (?mode=kiosk): the options, the attract loop, and the test clock's offset.
  KioskOptions options;
  std::unique_ptr<KioskLoop> kiosk;
  double clock_offset = 0;          // seconds window.newsroom.advanceClock() added
  uint64_t kiosk_generation = 0;    // the board the playlist was made from
  std::string playlist_kind;
};

// Work done between frames (an import or an index in slices) takes about this long per
// frame, so a 100k-article load keeps drawing and answering input; while the visitor is
// scrolling, typing or touching (input in the last second) it yields to them, so those
// frames stay smooth and the work goes on more slowly. Smaller exports are imported at once.
constexpr double kWorkMillisecondsPerFrame = 40.0, kWorkMillisecondsWhileUsed = 5.0;
constexpr double kWorkMillisecondsBetweenFrames = 8.0;  // a streamed export's work as each piece arrives
constexpr double kInputRecentMilliseconds = 1000.0;
constexpr size_t kImportSlice = 256 << 10, kIndexSlice = 512 << 10;  // bytes read between clock checks
constexpr size_t kImportAtOnceBelow = 4 << 20;

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
  if (rt.kiosk || rt.ui.search.focused || now < rt.awake_until || rt.gl_restored) return true;
  const bool working = rt.loading || rt.app.indexing() || rt.ui.load.phase != ui::LoadProgress::Phase::none;
  return working && now - rt.last_drawn >= kBackgroundFrameMilliseconds;
}

// A load that reads a download as it arrives (newsroom_stream_*) is under way.
bool streaming(const Runtime& rt) { return rt.loading && rt.loading->streamed(); }

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
  if (event->deltaMode == DOM_DELTA_LINE) steps_per_unit = 1.0f / 3.0f;
  else if (event->deltaMode == DOM_DELTA_PAGE) steps_per_unit = 10.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) * steps_per_unit,
                                    static_cast<float>(-event->deltaY) * steps_per_unit);
  return EM_TRUE;
}

// Keeps the hidden <input> over the search box as drawn, and its value in step with the
// query when the query changed elsewhere (a link, back, "clear").
void sync_search_input(Runtime& rt) {
  const ImRect* rect = rt.ui.widgets.find("search");
  std::array<int, 4> place = {-1, -1, -1, -1};
  if (rect) place = {static_cast<int>(rect->Min.x), static_cast<int>(rect->Min.y), static_cast<int>(rect->GetWidth()),
                     static_cast<int>(rect->GetHeight())};
  if (place != rt.input_place) {
    rt.input_place = place;
    platform::place_search_input(place[0], place[1], place[2], place[3]);
  }
  if (!rt.ui.search.focused && rt.ui.search.text != rt.app.list().q) {
    rt.ui.search.text = rt.app.list().q;
    rt.ui.search.caret = rt.ui.search.text.size();
    platform::set_search_input(rt.ui.search.text);
  }
}

// The kiosk's clock: real time plus what tests added (window.newsroom.advanceClock), in
// UTC seconds, so the loop, the idle reset and the data's age all run on it.
double kiosk_now(const Runtime& rt) { return emscripten_date_now() / 1000.0 + rt.clock_offset; }

// Before each frame in kiosk mode: a new board gets its playlist; the loop shows the next
// article, or resets the list after the visitor left; the views learn where it stands.
void kiosk_before_frame(Runtime& rt) {
  if (!rt.kiosk) return;
  AppState& app = rt.app;
  ui::KioskUi& view = rt.ui.kiosk;
  const double now = kiosk_now(rt);
  if (app.has_board() && app.board_generation() != rt.kiosk_generation) {
    rt.kiosk_generation = app.board_generation();
    Playlist playlist = make_playlist(app.board(), rt.options);
    rt.kiosk->set_playlist(std::move(playlist.ids));
    view.problems = rt.options.problems;
    rt.playlist_kind = playlist_name(rt.options.playlist);
    if (!playlist.problem.empty()) {
      view.problems.push_back(playlist.problem);
      rt.playlist_kind = "latest";
      emscripten_log(EM_LOG_WARN, "newsroom: %s", playlist.problem.c_str());
    }
  }
  if (app.has_board() && rt.ui.font_loaded) {
    const KioskLoop::Step step = rt.kiosk->tick(now);
    if (step.event == KioskLoop::Event::reset) {
      // The visitor left: the list's search, filters, sort and paging back to the defaults.
      app.navigate(Route{});
      view.qr_url.clear();
      view.close_popups = true;
      rt.ui.search = ui::SearchInput{};
      rt.ui.scroll = ui::ScrollMemory{};
      rt.ui.drag = ui::DragScroll{};
      rt.ui.keyboard_row = -1;
    }
    if (step.event != KioskLoop::Event::none) {
      app.open(step.id);
      rt.ui.list_is_previous_entry = false;
      platform::replace_hash(app.hash());  // weeks of rotations add no history entries
    }
  }
  const KioskLoop& loop = *rt.kiosk;
  view.playing = loop.playing();
  view.progress = static_cast<float>(loop.progress(now));
  view.position = loop.position();
  view.length = loop.playlist().size();
  view.stale_hours = static_cast<int>(rt.options.stale_hours);
  if (const auto exported = app.board().info.exported_at) {
    view.exported_at = format_board_datetime(*exported);
    view.age_hours = static_cast<int>(std::floor(data_age_hours(*exported, now)));
    view.stale = is_stale(*exported, now, rt.options.stale_hours);
  } else {
    view.exported_at.clear();
    view.stale = false;
  }
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

// One article as the page needs it for sharing and printing (its own HTML, built in
// web/newsroom.js with text nodes only).
std::string article_json(const AppState& app, uint32_t index) {
  const Board& board = app.board();
  const ArticleView a = board.article(index);
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const std::string_view paragraph : split_paragraphs(a.body)) paragraphs.push_back(paragraph);
  nlohmann::json attachments = nlohmann::json::array();
  for (const AttachmentRef& file : board.attachments_of(index)) {
    attachments.push_back({{"name", board.text(file.name)}, {"size", file.size}});
  }
  const nlohmann::json article = {
      {"id", a.id},
      {"title", a.title},
      {"category", a.category},
      {"author", a.author},
      {"published", format_board_datetime(a.published_at)},
      {"views", a.views},
      {"paragraphs", paragraphs},
      {"source", {{"name", a.source_name}, {"url", is_safe_link(a.source_url) ? a.source_url : std::string_view()}}},
      {"attachments", attachments},
      {"site", board.info.site},
      {"board", board.info.title}};
  return article.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// For window.newsroom.article(id): the same JSON, or "null".
std::string article_json_for(const AppState& app, int64_t id) {
  const auto index = app.board().find(id);
  return index ? article_json(app, *index) : "null";
}

// The visually hidden DOM mirror of the view (web/newsroom.js) for screen readers and
// search engines: the heading, the drawn result titles as links, or the article's text.
// Sent only when the view changed.
void update_mirror(Runtime& rt) {
  const AppState& app = rt.app;
  std::string key = app.hash() + "|" + std::to_string(app.results().size()) + "|" + std::to_string(app.loads());
  if (key == rt.mirror_key) return;
  rt.mirror_key = std::move(key);
  const Board& board = app.board();
  nlohmann::json view = {{"site", board.info.site}, {"board", board.info.title}, {"route", route_name(app.route().view)}};
  if (auto index = app.open_article()) {
    view["article"] = nlohmann::json::parse(article_json(app, *index), nullptr, false);
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const uint32_t row : app.page_rows()) {
      const ArticleView a = board.article(row);
      items.push_back({{"id", a.id},
                       {"title", a.title},
                       {"meta", std::string(a.category) + " · " + std::string(a.author) + " · " +
                                    format_board_datetime(a.published_at) + " · 조회 " + std::to_string(a.views)}});
    }
    view["items"] = std::move(items);
    view["total"] = app.results().size();
    view["query"] = app.list().q;
    view["page"] = app.list().page;
    view["pages"] = app.page_count();
  }
  platform::update_mirror(view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void update_title(Runtime& rt) {
  std::string title = rt.app.board().info.title + " - " + rt.app.board().info.site;
  if (auto index = rt.app.open_article()) title = std::string(rt.app.board().title(*index)) + " - " + title;
  if (title != rt.title) {
    rt.title = title;
    platform::set_document_title(title);
  }
}

// New previews are asked of the page; previews not drawn for two seconds give their
// texture back (coming back fetches again, from the browser's cache).
void sync_images(ui::ImagePreviews& images) {
  for (const std::string& url : images.requests) platform::request_image(url);
  images.requests.clear();
  constexpr double kKeepSeconds = 2.0;
  for (auto it = images.by_url.begin(); it != images.by_url.end();) {
    ui::ImagePreview& preview = it->second;
    if (preview.status != ui::ImagePreview::Status::loading && images.now - preview.last_drawn > kKeepSeconds) {
      if (preview.texture) glDeleteTextures(1, &preview.texture);
      it = images.by_url.erase(it);
    } else {
      ++it;
    }
  }
}

void after_frame(Runtime& rt) {
  ui::UiContext& ctx = rt.ui;
  if (ctx.history_back) {
    ctx.history_back = false;
    if (ctx.list_is_previous_entry && platform::can_go_back()) {
      platform::history_back();  // popstate brings the list back, as the browser's back would
    } else if (rt.app.back_to_list()) {
      ctx.route_changed = true;
    }
    ctx.list_is_previous_entry = false;
  }
  if (ctx.route_changed) {
    ctx.route_changed = false;
    platform::push_hash(rt.app.hash());
  }
  if (ctx.route_replaced) {
    ctx.route_replaced = false;
    platform::replace_hash(rt.app.hash());
  }
  sync_search_input(rt);
  if (ctx.text_scale_changed) {
    ctx.text_scale_changed = false;
    ImGui::GetStyle().FontScaleMain = ctx.text_scale;
    platform::save_setting("textScale", std::to_string(ctx.text_scale));
  }
  if (!ctx.article_action.empty()) {
    if (auto index = rt.app.open_article()) {
      // A kiosk shares by QR code: the visitor's phone opens the address, not the screen.
      if (rt.kiosk) ctx.kiosk.qr_url = platform::share_address(ctx.article_action, article_json(rt.app, *index));
      else platform::article_action(ctx.article_action, article_json(rt.app, *index));
    }
    ctx.article_action.clear();
  }
  if (!ctx.download_table.empty()) {
    const AppState& app = rt.app;
    const std::string csv = analytics_csv(app.board(), app.analytics(), app.trends(), app.results(), ctx.download_table);
    if (!csv.empty()) platform::download("newsroom-" + ctx.download_table + ".csv", "text/csv;charset=utf-8", csv);
    ctx.download_table.clear();
  }
  if (!ctx.open_url.empty()) {
    if (rt.kiosk) ctx.kiosk.qr_url = platform::absolute_url(ctx.open_url);  // never navigates away
    else platform::open_url(ctx.open_url);
    ctx.open_url.clear();
  }
  sync_images(rt.ui.images);
  update_title(rt);
  if (rt.app.has_board()) update_mirror(rt);
}

// The import in slices is done: the board replaces the one on screen (or the report says
// why not) and the page hears that the load ended.
void finish_loading(Runtime& rt) {
  wake(rt);
  rt.app.load(std::move(*rt.loading).finish());
  rt.loading.reset();
  rt.loading_bytes.reset();
  rt.data_settled = true;
  platform::replace_hash(rt.app.hash());  // the route may have been clamped to the board
  platform::load_finished();
}

// A slice of the import, or of the search index, within `budget` ms (less while the
// visitor is using the page).
void continue_work(Runtime& rt, double budget) {
  using Phase = ui::LoadProgress::Phase;
  ui::LoadProgress& progress = rt.ui.load;
  const double start = emscripten_get_now();
  if (start - rt.last_input < kInputRecentMilliseconds) budget = std::min(budget, kWorkMillisecondsWhileUsed);
  const auto in_time = [start, budget] { return emscripten_get_now() - start < budget; };
  if (rt.loading) {
    ImportJob& job = *rt.loading;
    while (!job.step(kImportSlice) && !job.waiting() && in_time()) {
    }
    if (!job.done()) {
      progress = {Phase::importing, job.bytes_read(), job.bytes_total(), job.articles_read()};
      return;
    }
    // Building the board and setting up its index take a turn of their own (tens of ms
    // at 100k), not the end of one that already worked its time; the index goes on after.
    if (emscripten_get_now() - start > budget / 4) return;
    finish_loading(rt);
    return;
  }
  while (rt.app.indexing() && in_time()) {
    rt.app.continue_indexing(kIndexSlice);
    if (!rt.app.indexing()) wake(rt);  // searches waiting for the index are answered
  }
  if (progress.phase != Phase::downloading) progress = {rt.app.indexing() ? Phase::indexing : Phase::none};
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
  const bool worked = rt.loading || rt.app.indexing();
  continue_work(rt, kWorkMillisecondsPerFrame);
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
  bool input = false;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass > 0) ImGui::EndFrame();
    if (!rt.gl_lost) ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    rt.ui.widgets.begin_frame();
    rt.ui.glyphs.begin_frame();
    rt.ui.drawn_ids.clear();
    ui::draw_app(rt.app, rt.ui);
    if (pass == 0) input = visitor_input();  // the second pass sees no new input
    if (input) rt.last_input = emscripten_get_now();
    rt.ui.glyphs.end_frame();
    const bool view_changed = rt.ui.route_changed;
    after_frame(rt);
    if (!view_changed) break;
  }
  if (rt.kiosk && input) rt.kiosk->input(kiosk_now(rt));  // drawn from the next frame on
  ImGui::Render();

  if (!rt.gl_lost) {
    glViewport(0, 0, rt.backing_width, rt.backing_height);
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::palette().page);
    glClearColor(page.x, page.y, page.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  if (++rt.drawn == 1) platform::signal_first_frame();
  rt.frame_times.push(emscripten_get_now() - started + rt.input_ms);
  rt.input_ms = 0;
  if (!rt.ready_signalled && rt.data_settled && rt.font_settled && !rt.app.search_pending()) {
    rt.ready_signalled = true;
    platform::signal_ready();
  }
}

}  // namespace

// The boundary window.newsroom uses (web/newsroom.js). Buffers passed in are malloc'd by
// the caller and owned by the callee from then on.
extern "C" {

// Starts importing an export (a load still under way is dropped); the page hears
// newsroomHost.loadFinished() when the board is in place.
EMSCRIPTEN_KEEPALIVE void newsroom_load_export(char* bytes, int length, const char* source) {
  Runtime& rt = changed();
  rt.loading_bytes.reset(bytes);
  rt.loading = std::make_unique<ImportJob>(std::string_view(bytes, static_cast<size_t>(length)), source, source);
  rt.ui.load = {ui::LoadProgress::Phase::importing, 0, static_cast<uint64_t>(length)};
  if (static_cast<size_t>(length) < kImportAtOnceBelow) finish_loading(rt);
}

// A large export imported while it downloads (ImportJob::Streamed), so that the import
// overlaps the download and the whole file is never held: the page asks for room for each
// piece it receives, copies the piece there and says how much it wrote, and says when the
// download ended; the import goes on in each frame and as pieces arrive. `expected` is the
// file's size when known, else an estimate or 0. A load still under way is dropped.
EMSCRIPTEN_KEEPALIVE void newsroom_stream_begin(const char* source, double expected) {
  Runtime& rt = changed();
  rt.loading_bytes.reset();
  rt.loading = std::make_unique<ImportJob>(ImportJob::Streamed{static_cast<size_t>(expected)}, source, source);
  ++rt.streams;
  rt.ui.load = {ui::LoadProgress::Phase::importing, 0, static_cast<uint64_t>(expected)};
}

EMSCRIPTEN_KEEPALIVE char* newsroom_stream_space(int length) {
  Runtime& rt = runtime();
  return streaming(rt) ? rt.loading->input_space(static_cast<size_t>(length)) : nullptr;
}

EMSCRIPTEN_KEEPALIVE void newsroom_stream_added(int length) {
  Runtime& rt = runtime();
  if (streaming(rt)) rt.loading->input_added(static_cast<size_t>(length));
}

EMSCRIPTEN_KEEPALIVE void newsroom_stream_end() {
  Runtime& rt = changed();
  if (streaming(rt)) rt.loading->input_ended();
}

// A streamed import given up (its download broke off, or a live check found the same
// file): the board on screen stays, and the page is told nothing more.
EMSCRIPTEN_KEEPALIVE void newsroom_stream_abort() {
  Runtime& rt = changed();
  if (!streaming(rt)) return;
  rt.loading.reset();
  rt.ui.load = {};
}

// Work between frames, as pieces of a streamed export arrive: the import keeps up with the
// download rather than waiting for the next frame (a task of a few ms). While the visitor
// is scrolling, typing or touching, only the frames work (5 ms each).
EMSCRIPTEN_KEEPALIVE void newsroom_stream_work() {
  Runtime& rt = runtime();
  if (emscripten_get_now() - rt.last_input < kInputRecentMilliseconds) return;  // the frames' share is enough then
  continue_work(rt, kWorkMillisecondsBetweenFrames);
}

// Bytes received and not read yet: the page pauses its download above a limit.
EMSCRIPTEN_KEEPALIVE double newsroom_stream_unread() {
  Runtime& rt = runtime();
  return streaming(rt) ? static_cast<double>(rt.loading->bytes_buffered()) : 0.0;
}

// The export's download so far (total 0 when the server does not say).
EMSCRIPTEN_KEEPALIVE void newsroom_download_progress(double done, double total) {
  Runtime& rt = changed();
  rt.ui.load = {ui::LoadProgress::Phase::downloading, static_cast<uint64_t>(done), static_cast<uint64_t>(total)};
}

// `null` when the bytes are an export; {"files": [...]} or {"error": "..."} for a manifest.
EMSCRIPTEN_KEEPALIVE const char* newsroom_manifest_files(char* bytes, int length) {
  Runtime& rt = runtime();
  std::string error;
  const auto manifest = read_manifest(std::string_view(bytes, static_cast<size_t>(length)), error);
  std::free(bytes);
  if (!manifest) {
    rt.manifest = "null";
  } else if (!error.empty()) {
    rt.manifest = nlohmann::json({{"error", error}}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    rt.manifest = nlohmann::json({{"files", manifest->files}}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return rt.manifest.c_str();
}

EMSCRIPTEN_KEEPALIVE void newsroom_add_part(char* bytes, int length, const char* name, const char* fetch_error) {
  Runtime& rt = changed();
  ExportPart part{name, std::string_view(bytes ? bytes : "", bytes ? static_cast<size_t>(length) : 0), fetch_error};
  rt.parts.emplace_back(std::unique_ptr<char, decltype(&std::free)>(bytes, &std::free), std::move(part));
}

EMSCRIPTEN_KEEPALIVE void newsroom_finish_parts(const char* source) {
  Runtime& rt = changed();
  std::vector<ExportPart> parts;
  for (const auto& [owner, part] : rt.parts) parts.push_back(part);
  rt.app.load(import_parts(parts, source, source));
  rt.parts.clear();
  rt.data_settled = true;
  rt.ui.load = {};
  platform::replace_hash(rt.app.hash());
  platform::load_finished();
}

EMSCRIPTEN_KEEPALIVE void newsroom_load_failed(const char* source, const char* message) {
  Runtime& rt = changed();
  rt.loading.reset();  // a streamed import, if any, is over
  rt.app.load_failed(source, message);
  rt.data_settled = true;
  rt.ui.load = {};
  platform::load_finished();
}

EMSCRIPTEN_KEEPALIVE void newsroom_set_font(char* bytes, int length) {
  Runtime& rt = changed();
  rt.font_settled = true;
  if (!bytes) return;  // the font could not be fetched: the page goes on with ImGui's own
  ImFontConfig config;
  config.FontDataOwnedByAtlas = true;  // freed by the atlas (ImGui's default allocator is malloc/free)
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes, length, 0.0f, &config);
  if (font) {
    ImGui::GetIO().FontDefault = font;
    rt.ui.font_loaded = true;
    rt.ui.glyphs.font_changed();
  }
}

EMSCRIPTEN_KEEPALIVE void newsroom_set_hash(const char* hash) {
  Runtime& rt = changed();
  if (rt.app.hash() != hash) rt.ui.list_is_previous_entry = false;  // moved through history or a typed URL
  rt.app.apply_hash(hash);
  if (rt.app.hash() != hash && rt.app.has_board()) platform::replace_hash(rt.app.hash());
}

// The hidden search <input> changed: its whole value, the caret and the syllable being
// composed, as UTF-8 byte offsets. Results follow as the visitor types; the URL is
// corrected without a history entry per keystroke.
EMSCRIPTEN_KEEPALIVE void newsroom_search_input(const char* text, int caret, int composing_begin, int composing_end) {
  Runtime& rt = changed();
  rt.last_input = emscripten_get_now();
  const double started = emscripten_get_now();
  ui::SearchInput& input = rt.ui.search;
  input.text = text;
  input.caret = static_cast<size_t>(std::max(0, caret));
  input.composing_begin = static_cast<size_t>(std::max(0, composing_begin));
  input.composing_end = static_cast<size_t>(std::max(0, composing_end));
  if (rt.app.route().view == Route::View::list && rt.app.set_search_text(input.text)) {
    platform::replace_hash(rt.app.hash());
  }
  const double spent = emscripten_get_now() - started;
  rt.search_times.push(spent);
  rt.input_ms += spent;
}

// Benchmark hooks: the CPU times recorded since the last call, space-separated ms.
EMSCRIPTEN_KEEPALIVE const char* newsroom_frame_times() { return runtime().frame_times.take(); }
EMSCRIPTEN_KEEPALIVE const char* newsroom_search_times() { return runtime().search_times.take(); }

EMSCRIPTEN_KEEPALIVE void newsroom_search_focus(int focused) { changed().ui.search.focused = focused != 0; }

// Touch, forwarded by web/newsroom.js (Emscripten 3.1.6's GLFW ignores touch events):
// framebuffer pixels; phase 1 down, 0 up, -1 move. ImGui is told the source is a touch
// screen; GLFW's cursor follows so that the backend's per-frame cursor read agrees.
EMSCRIPTEN_KEEPALIVE void newsroom_touch(float x, float y, int phase) {
  changed().last_input = emscripten_get_now();
  ImGuiIO& io = ImGui::GetIO();
  platform::set_cursor_position(x, y);
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(x, y);
  if (phase == 1) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  if (phase == 0) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
}

// The page's query string (location.search), once at start: ?mode=kiosk and its options
// (app/kiosk.h). Each bad value is named on the console and, in kiosk mode, in the status bar.
EMSCRIPTEN_KEEPALIVE void newsroom_set_options(const char* query) {
  Runtime& rt = changed();
  rt.options = parse_kiosk_options(query);
  for (const std::string& problem : rt.options.problems) emscripten_log(EM_LOG_WARN, "newsroom: %s", problem.c_str());
  if (!rt.options.kiosk) return;
  rt.kiosk = std::make_unique<KioskLoop>(rt.options.rotate, rt.options.idle);
  rt.ui.kiosk.on = true;
  rt.ui.kiosk.problems = rt.options.problems;
  rt.ui.text_scale = static_cast<float>(rt.options.scale);
  ImGui::GetStyle().FontScaleMain = rt.ui.text_scale;
  ui::set_kiosk_style(true, rt.ui.text_scale);
  rt.style_dpr = 0;  // restyled before the next frame
}

// window.newsroom.advanceClock(seconds): moves the kiosk's clock on (tests of weeks of uptime).
EMSCRIPTEN_KEEPALIVE void newsroom_advance_clock(double seconds) {
  if (std::isfinite(seconds)) changed().clock_offset += seconds;
}

// ?lang=en: English interface strings (Korean by default).
EMSCRIPTEN_KEEPALIVE void newsroom_set_language(int english) {
  ui::set_language(english ? ui::Language::english : ui::Language::korean);
  changed().mirror_key.clear();  // the DOM mirror is rebuilt in the new language
}

// Light or dark: the system's preference unless ?theme= says; restyled before the next frame.
EMSCRIPTEN_KEEPALIVE void newsroom_set_theme(int dark) {
  Runtime& rt = changed();
  ui::set_dark_theme(dark != 0);
  rt.style_dpr = 0;  // sync_canvas_size() rebuilds the style
}

// A remembered text size (from localStorage), applied before the next frame.
EMSCRIPTEN_KEEPALIVE void newsroom_set_text_scale(float scale) {
  Runtime& rt = changed();
  if (rt.kiosk || !(scale >= 0.5f && scale <= 3.0f)) return;  // a kiosk's size is its `scale` option
  rt.ui.text_scale = scale;
  ImGui::GetStyle().FontScaleMain = scale;
}

// Escape outside the search box: an open article goes back to its list; a list with a
// search clears it.
EMSCRIPTEN_KEEPALIVE void newsroom_escape() {
  Runtime& rt = changed();
  if (rt.app.route().view == Route::View::article) {
    rt.ui.history_back = true;
  } else if (!rt.app.list().q.empty() && rt.app.set_search_text("")) {
    rt.ui.route_changed = true;
  }
}

EMSCRIPTEN_KEEPALIVE const char* newsroom_article(double id) {
  Runtime& rt = runtime();
  rt.article = article_json_for(rt.app, static_cast<int64_t>(id));
  return rt.article.c_str();
}

// The page's answer to request_image. status: 1 shown (texture is a GL name), 2 could not
// be read, 3 another origin (never fetched).
EMSCRIPTEN_KEEPALIVE void newsroom_image_ready(const char* url, int texture, int width, int height, int status) {
  Runtime& rt = changed();
  const auto it = rt.ui.images.by_url.find(url);
  GLuint name = static_cast<GLuint>(texture);
  if (it == rt.ui.images.by_url.end()) {  // no longer wanted
    if (name) glDeleteTextures(1, &name);
    return;
  }
  using Status = ui::ImagePreview::Status;
  it->second.status = status == 1 ? Status::shown : status == 3 ? Status::refused : Status::failed;
  it->second.texture = name;
  it->second.width = width;
  it->second.height = height;
}

// Counts imports applied (or refused): the page waits for it to move after a delivery.
EMSCRIPTEN_KEEPALIVE double newsroom_load_generation() { return static_cast<double>(runtime().app.loads()); }

// The page's live polling (web/newsroom.js): times in UTC seconds, 0 for none; error ""
// when the last check went well.
EMSCRIPTEN_KEEPALIVE void newsroom_live_status(int poll_seconds, double polls, double swaps, double last_checked,
                                               const char* last_error, double saved_at) {
  LiveStatus& live = changed().ui.live;
  live.poll_seconds = poll_seconds;
  live.polls = static_cast<int64_t>(polls);
  live.swaps = static_cast<int64_t>(swaps);
  live.last_checked = static_cast<int64_t>(last_checked);
  live.last_error = last_error;
  live.saved_at = static_cast<int64_t>(saved_at);
}

EMSCRIPTEN_KEEPALIVE const char* newsroom_state() {
  Runtime& rt = runtime();
  FrameFacts facts;
  facts.live = rt.ui.live;
  facts.gl_lost = rt.gl_lost_count;
  facts.gl_restored = rt.gl_restored_count;
  facts.heap_bytes = static_cast<int64_t>(EM_ASM_DOUBLE({ return HEAPU8.length; }));
  facts.used_bytes = static_cast<int64_t>(mallinfo().uordblks);
  if (const auto open = rt.app.open_article()) {
    const Board& board = rt.app.board();
    for (const AttachmentRef& file : board.attachments_of(*open)) {
      const auto it = rt.ui.images.by_url.find(std::string(board.text(file.url)));
      if (it == rt.ui.images.by_url.end()) continue;
      constexpr const char* kStatus[] = {"loading", "shown", "failed", "refused"};
      facts.previews.push_back({it->first, kStatus[static_cast<int>(it->second.status)], it->second.width, it->second.height});
    }
  }
  facts.drawn_ids = rt.ui.drawn_ids;
  constexpr const char* kPhase[] = {"none", "downloading", "importing", "indexing"};
  facts.load = {kPhase[static_cast<int>(rt.ui.load.phase)], rt.ui.load.done, rt.ui.load.total, rt.ui.load.articles,
                streaming(rt), rt.loading ? rt.loading->bytes_held() : 0, rt.streams};
  facts.glyphs_missing = rt.ui.glyphs.missing_last_frame();
  facts.frame = rt.frame;
  facts.drawn = rt.drawn;
  facts.font_loaded = rt.ui.font_loaded;
  facts.text_scale = rt.ui.text_scale;
  facts.theme = ui::dark_theme() ? "dark" : "light";
  facts.lang = ui::language_code();
  for (const auto& [url, preview] : rt.ui.images.by_url) facts.image_textures += preview.texture != 0;
  facts.mode = rt.kiosk ? "kiosk" : "visitor";
  if (rt.kiosk) {
    const KioskLoop& loop = *rt.kiosk;
    const double now = kiosk_now(rt);
    KioskFacts k;
    k.playing = loop.playing();
    k.paused_for = loop.paused_for(now);
    k.idle_in = loop.idle_in(now);
    k.playlist = loop.playlist();
    k.playlist_kind = rt.playlist_kind;
    k.current = loop.current();
    k.position = loop.position();
    k.progress = loop.progress(now);
    k.rotations = loop.rotations();
    k.resets = loop.resets();
    if (const auto exported = rt.app.board().info.exported_at) {
      k.data_age_hours = data_age_hours(*exported, now);
      k.stale = is_stale(*exported, now, rt.options.stale_hours);
    }
    k.rotate = rt.options.rotate;
    k.idle = rt.options.idle;
    k.scale = rt.options.scale;
    k.stale_hours = rt.options.stale_hours;
    k.count = rt.options.count;
    k.problems = rt.ui.kiosk.problems;
    k.qr = rt.ui.kiosk.qr_url;
    k.clock_offset = rt.clock_offset;
    facts.kiosk = std::move(k);
  }
  rt.state = state_json(rt.app, facts);
  return rt.state.c_str();
}

// "x y w h" in framebuffer pixels, or "" when the widget was not drawn in the last frame.
EMSCRIPTEN_KEEPALIVE const char* newsroom_locate(const char* name) {
  Runtime& rt = runtime();
  rt.located.clear();
  if (const ImRect* rect = rt.ui.widgets.find(name)) {
    rt.located = std::to_string(rect->Min.x) + " " + std::to_string(rect->Min.y) + " " +
                 std::to_string(rect->GetWidth()) + " " + std::to_string(rect->GetHeight());
  }
  return rt.located.c_str();
}

}  // extern "C"

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
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
  sync_canvas_size(rt);

  EM_ASM({ newsroomHost.runtimeStarted(); });
  emscripten_set_main_loop(main_loop_iteration, 0, false);
  return 0;
}
