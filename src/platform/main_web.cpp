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
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/analytics_csv.h"
#include "app/app_state.h"
#include "app/state_json.h"
#include <nlohmann/json.hpp>
#include "io/importer.h"
#include "core/dates.h"
#include "core/text.h"
#include "io/manifest.h"
#include "io/text_normalize.h"
#include "platform/browser.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace {

using namespace newsroom;

struct Runtime {
  GLFWwindow* window = nullptr;
  AppState app;
  ui::UiContext ui;
  int64_t frame = 0;
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
  // The files of a manifest being delivered (bytes owned until the import is done).
  std::vector<std::pair<std::unique_ptr<char, decltype(&std::free)>, ExportPart>> parts;
};

Runtime& runtime() {
  static Runtime instance;
  return instance;
}

// The canvas's backing store follows its CSS size × devicePixelRatio, so text is sharp
// on HiDPI screens; ImGui works in those device pixels with fonts and sizes scaled by dpr.
void sync_canvas_size(Runtime& rt) {
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size("#canvas", &css_width, &css_height);
  const double dpr = std::max(0.5, emscripten_get_device_pixel_ratio());
  const int width = std::max(1, static_cast<int>(std::lround(css_width * dpr)));
  const int height = std::max(1, static_cast<int>(std::lround(css_height * dpr)));
  if (width != rt.backing_width || height != rt.backing_height) {
    platform::resize_canvas(width, height);
    rt.backing_width = width;
    rt.backing_height = height;
  }
  rt.ui.dpr = static_cast<float>(dpr);
  rt.ui.css_width = static_cast<float>(css_width);
  if (rt.style_dpr != rt.ui.dpr) {
    ui::apply_style(rt.ui.dpr);
    rt.style_dpr = rt.ui.dpr;
  }
}

// Wheel deltas as the SDL and ImGui backends read them: 100 pixels or 3 lines per step.
// (Emscripten's GLFW quantizes small deltas away, so the wheel bypasses it.)
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
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
  std::string key = app.hash() + "|" + std::to_string(app.results().size()) + "|" + std::to_string(app.generation());
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
    if (auto index = rt.app.open_article()) platform::article_action(ctx.article_action, article_json(rt.app, *index));
    ctx.article_action.clear();
  }
  if (!ctx.download_table.empty()) {
    const AppState& app = rt.app;
    const std::string csv = analytics_csv(app.board(), app.analytics(), app.trends(), app.results(), ctx.download_table);
    if (!csv.empty()) platform::download("newsroom-" + ctx.download_table + ".csv", "text/csv;charset=utf-8", csv);
    ctx.download_table.clear();
  }
  if (!ctx.open_url.empty()) {
    platform::open_url(ctx.open_url);
    ctx.open_url.clear();
  }
  sync_images(rt.ui.images);
  update_title(rt);
  if (rt.app.has_board()) update_mirror(rt);
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
  if (rt.gl_restored) {
    rt.gl_restored = false;
    recreate_device_objects(rt);
  }
  sync_canvas_size(rt);
  glfwPollEvents();

  // A click that changes the view is seen while the old view is being drawn; that frame
  // is discarded and the new view drawn at once, so no frame (and no state()) mixes the
  // two. The second pass sees no new input.
  rt.ui.images.now = ImGui::GetTime();
  for (int pass = 0; pass < 2; ++pass) {
    if (pass > 0) ImGui::EndFrame();
    if (!rt.gl_lost) ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    rt.ui.widgets.begin_frame();
    rt.ui.glyphs.begin_frame();
    rt.ui.drawn_ids.clear();
    ui::draw_app(rt.app, rt.ui);
    rt.ui.glyphs.end_frame();
    const bool view_changed = rt.ui.route_changed;
    after_frame(rt);
    if (!view_changed) break;
  }
  ImGui::Render();

  if (!rt.gl_lost) {
    glViewport(0, 0, rt.backing_width, rt.backing_height);
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::palette().page);
    glClearColor(page.x, page.y, page.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  ++rt.frame;
  if (!rt.ready_signalled && rt.data_settled && rt.font_settled) {
    rt.ready_signalled = true;
    platform::signal_ready();
  }
}

}  // namespace

// The boundary window.newsroom uses (web/newsroom.js). Buffers passed in are malloc'd by
// the caller and owned by the callee from then on.
extern "C" {

EMSCRIPTEN_KEEPALIVE void newsroom_load_export(char* bytes, int length, const char* source) {
  Runtime& rt = runtime();
  ImportResult result = import_export(std::string_view(bytes, static_cast<size_t>(length)), source, source);
  std::free(bytes);
  rt.app.load(std::move(result));
  rt.data_settled = true;
  platform::replace_hash(rt.app.hash());  // the route may have been clamped to the board
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
  Runtime& rt = runtime();
  ExportPart part{name, std::string_view(bytes ? bytes : "", bytes ? static_cast<size_t>(length) : 0), fetch_error};
  rt.parts.emplace_back(std::unique_ptr<char, decltype(&std::free)>(bytes, &std::free), std::move(part));
}

EMSCRIPTEN_KEEPALIVE void newsroom_finish_parts(const char* source) {
  Runtime& rt = runtime();
  std::vector<ExportPart> parts;
  for (const auto& [owner, part] : rt.parts) parts.push_back(part);
  rt.app.load(import_parts(parts, source, source));
  rt.parts.clear();
  rt.data_settled = true;
  platform::replace_hash(rt.app.hash());
}

EMSCRIPTEN_KEEPALIVE void newsroom_load_failed(const char* source, const char* message) {
  Runtime& rt = runtime();
  rt.app.load_failed(source, message);
  rt.data_settled = true;
}

EMSCRIPTEN_KEEPALIVE void newsroom_set_font(char* bytes, int length) {
  Runtime& rt = runtime();
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
  Runtime& rt = runtime();
  if (rt.app.hash() != hash) rt.ui.list_is_previous_entry = false;  // moved through history or a typed URL
  rt.app.apply_hash(hash);
  if (rt.app.hash() != hash && rt.app.has_board()) platform::replace_hash(rt.app.hash());
}

// The hidden search <input> changed: its whole value, the caret and the syllable being
// composed, as UTF-8 byte offsets. Results follow as the visitor types; the URL is
// corrected without a history entry per keystroke.
EMSCRIPTEN_KEEPALIVE void newsroom_search_input(const char* text, int caret, int composing_begin, int composing_end) {
  Runtime& rt = runtime();
  ui::SearchInput& input = rt.ui.search;
  input.text = text;
  input.caret = static_cast<size_t>(std::max(0, caret));
  input.composing_begin = static_cast<size_t>(std::max(0, composing_begin));
  input.composing_end = static_cast<size_t>(std::max(0, composing_end));
  if (rt.app.route().view == Route::View::list && rt.app.set_search_text(input.text)) {
    platform::replace_hash(rt.app.hash());
  }
}

EMSCRIPTEN_KEEPALIVE void newsroom_search_focus(int focused) { runtime().ui.search.focused = focused != 0; }

// Touch, forwarded by web/newsroom.js (Emscripten 3.1.6's GLFW ignores touch events):
// framebuffer pixels; phase 1 down, 0 up, -1 move. ImGui is told the source is a touch
// screen; GLFW's cursor follows so that the backend's per-frame cursor read agrees.
EMSCRIPTEN_KEEPALIVE void newsroom_touch(float x, float y, int phase) {
  ImGuiIO& io = ImGui::GetIO();
  platform::set_cursor_position(x, y);
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(x, y);
  if (phase == 1) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  if (phase == 0) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
}

// ?lang=en: English interface strings (Korean by default).
EMSCRIPTEN_KEEPALIVE void newsroom_set_language(int english) {
  ui::set_language(english ? ui::Language::english : ui::Language::korean);
  runtime().mirror_key.clear();  // the DOM mirror is rebuilt in the new language
}

// Light or dark: the system's preference unless ?theme= says; restyled before the next frame.
EMSCRIPTEN_KEEPALIVE void newsroom_set_theme(int dark) {
  Runtime& rt = runtime();
  ui::set_dark_theme(dark != 0);
  rt.style_dpr = 0;  // sync_canvas_size() rebuilds the style
}

// A remembered text size (from localStorage), applied before the next frame.
EMSCRIPTEN_KEEPALIVE void newsroom_set_text_scale(float scale) {
  Runtime& rt = runtime();
  if (!(scale >= 0.5f && scale <= 3.0f)) return;
  rt.ui.text_scale = scale;
  ImGui::GetStyle().FontScaleMain = scale;
}

// Escape outside the search box: an open article goes back to its list; a list with a
// search clears it.
EMSCRIPTEN_KEEPALIVE void newsroom_escape() {
  Runtime& rt = runtime();
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
  Runtime& rt = runtime();
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
EMSCRIPTEN_KEEPALIVE double newsroom_load_generation() { return static_cast<double>(runtime().app.generation()); }

// The page's live polling (web/newsroom.js): times in UTC seconds, 0 for none; error ""
// when the last check went well.
EMSCRIPTEN_KEEPALIVE void newsroom_live_status(int poll_seconds, double polls, double swaps, double last_checked,
                                               const char* last_error, double saved_at) {
  LiveStatus& live = runtime().ui.live;
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
  facts.glyphs_missing = rt.ui.glyphs.missing_last_frame();
  facts.frame = rt.frame;
  facts.font_loaded = rt.ui.font_loaded;
  facts.text_scale = rt.ui.text_scale;
  facts.theme = ui::dark_theme() ? "dark" : "light";
  facts.lang = ui::language_code();
  for (const auto& [url, preview] : rt.ui.images.by_url) facts.image_textures += preview.texture != 0;
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
