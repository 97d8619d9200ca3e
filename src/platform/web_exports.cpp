// The page's calls into the engine (web/newsroom.js), and nothing else: each forwards to
// the runtime's Loader, AppState, kiosk or UI state. The exported names are listed in
// cmake/NewsroomSite.cmake; docs/architecture.md has the table of every crossing.
// Buffers passed in are malloc'd by the page and owned here from then on.
#include <malloc.h>
#include <cmath>
#include <string>

#include <emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/kiosk.h"
#include "app/page_json.h"
#include "app/state_json.h"
#include "platform/browser.h"
#include "platform/runtime.h"
#include "ui/strings.h"
#include "ui/theme.h"

using namespace newsroom;
using namespace newsroom::platform;

namespace {

// The answer of the last query, kept alive for the page to read.
std::string& answer() {
  static std::string text;
  return text;
}

// The page's query string (location.search), once at start: ?mode=kiosk and its options
// (app/kiosk.h). Each bad value is named on the console and, in kiosk mode, in the status bar.
void set_options(Runtime& rt, const std::string& query) {
  KioskOptions options = parse_kiosk_options(query);
  for (const std::string& problem : options.problems) emscripten_log(EM_LOG_WARN, "newsroom: %s", problem.c_str());
  if (!options.kiosk) return;
  rt.kiosk = std::make_unique<KioskDriver>(options);
  rt.ui.kiosk.on = true;
  rt.ui.kiosk.problems = options.problems;
  rt.ui.text_scale = static_cast<float>(options.scale);
  ImGui::GetStyle().FontScaleMain = rt.ui.text_scale;
  ui::set_kiosk_style(true, rt.ui.text_scale);
  rt.style_dpr = 0;  // restyled before the next frame
}

void set_hash(Runtime& rt, const std::string& hash) {
  if (rt.app.hash() != hash) rt.ui.list_is_previous_entry = false;  // moved through history or a typed URL
  rt.app.apply_hash(hash);
  if (rt.app.hash() != hash && rt.app.has_board()) platform::replace_hash(rt.app.hash());
}

// Escape outside the search box: an open article goes back to its list; a list with a
// search clears it.
void escape(Runtime& rt) {
  if (rt.app.route().view == Route::View::article) {
    rt.ui.history_back = true;
  } else if (!rt.app.list().q.empty() && rt.app.set_search_text("")) {
    rt.ui.route_changed = true;
  }
}

// The page's live polling: times in UTC seconds, 0 for none; error "" when the last check went well.
void set_live_status(Runtime& rt, const nlohmann::json& status) {
  LiveStatus& live = rt.ui.live;
  live.poll_seconds = status.value("poll_seconds", 0);
  live.polls = status.value("polls", int64_t{0});
  live.swaps = status.value("swaps", int64_t{0});
  live.last_checked = status.value("last_checked", int64_t{0});
  live.last_error = status.value("last_error", std::string());
  live.saved_at = status.value("saved_at", int64_t{0});
}

// One low-rate call from the page, {"name": argument}.
void command(Runtime& rt, const std::string& name, const nlohmann::json& arg) {
  if (name == "options") {
    set_options(rt, arg.get<std::string>());
  } else if (name == "hash") {
    set_hash(rt, arg.get<std::string>());
  } else if (name == "language") {
    ui::set_language(arg == "en" ? ui::Language::english : ui::Language::korean);
    rt.mirror_key.clear();  // the DOM mirror is rebuilt in the new language
  } else if (name == "theme") {
    ui::set_dark_theme(arg == "dark");
    rt.style_dpr = 0;  // sync_canvas_size() rebuilds the style
  } else if (name == "text_scale") {
    const double scale = arg.get<double>();
    if (rt.kiosk || !(scale >= 0.5 && scale <= 3.0)) return;  // a kiosk's size is its `scale` option
    rt.ui.text_scale = static_cast<float>(scale);
    ImGui::GetStyle().FontScaleMain = rt.ui.text_scale;
  } else if (name == "escape") {
    escape(rt);
  } else if (name == "advance_clock") {
    const double seconds = arg.get<double>();
    if (std::isfinite(seconds)) rt.clock_offset += seconds;  // tests of weeks of uptime
  } else if (name == "search_focus") {
    rt.ui.search.focused = arg.get<bool>();
  } else if (name == "live") {
    set_live_status(rt, arg);
  } else if (name == "download_progress") {
    rt.loader.download_progress(arg.value("done", uint64_t{0}), arg.value("total", uint64_t{0}));
  } else if (name == "stream_end") {
    rt.loader.stream_end();
  } else if (name == "stream_abort") {
    rt.loader.abort();  // the board on screen stays, and the page is told nothing more
  } else if (name == "finish_parts") {
    loaded(rt, rt.loader.finish_parts(arg.get<std::string>()));
  } else if (name == "load_failed") {
    loaded(rt, rt.loader.failed(arg.value("source", std::string()), arg.value("message", std::string())));
  } else {
    emscripten_log(EM_LOG_WARN, "newsroom: unknown command %s", name.c_str());
  }
}

std::string state(Runtime& rt);

// "x y w h" of a widget drawn in the last frame, in framebuffer pixels, or null.
nlohmann::json locate(const Runtime& rt, const std::string& name) {
  const ImRect* rect = rt.ui.widgets.find(name);
  if (!rect) return nullptr;
  return {rect->Min.x, rect->Min.y, rect->GetWidth(), rect->GetHeight()};
}

}  // namespace

extern "C" {

// Low-rate calls, as JSON: {"hash": "#/?page=2"}, {"escape": true}, {"live": {...}}, ...
// (docs/architecture.md lists them). A malformed call is named on the console, never fatal.
void newsroom_command(const char* json) {
  Runtime& rt = changed();
  const nlohmann::json call = nlohmann::json::parse(json, nullptr, false);
  if (!call.is_object()) {
    emscripten_log(EM_LOG_WARN, "newsroom: a command that is not a JSON object");
    return;
  }
  for (const auto& [name, arg] : call.items()) {
    if (name == "options" || name == "hash" || name == "finish_parts") {
      if (!arg.is_string()) continue;
    } else if ((name == "text_scale" || name == "advance_clock") && !arg.is_number()) {
      continue;
    } else if (name == "search_focus" && !arg.is_boolean()) {
      continue;
    }
    command(rt, name, arg);
  }
}

// Questions, as JSON: {"state": true}, {"locate": "row:1862"}, {"article": 1862},
// {"frame_times": true}, {"search_times": true}. The answer is JSON, valid until the next query.
const char* newsroom_query(const char* json) {
  Runtime& rt = runtime();
  const nlohmann::json ask = nlohmann::json::parse(json, nullptr, false);
  std::string& text = answer();
  text = "null";
  if (!ask.is_object()) return text.c_str();
  if (ask.contains("state")) {
    text = state(rt);
  } else if (ask.contains("locate") && ask["locate"].is_string()) {
    text = locate(rt, ask["locate"].get<std::string>()).dump();
  } else if (ask.contains("article") && ask["article"].is_number()) {
    text = article_json_for(rt.app, ask["article"].get<int64_t>());
  } else if (ask.contains("frame_times")) {
    text = rt.frame_times.take_json();
  } else if (ask.contains("search_times")) {
    text = rt.search_times.take_json();
  }
  return text.c_str();
}

// Starts importing an export (a load still under way is dropped); the page hears
// newsroomHost.loadFinished() when the board is in place.
void newsroom_load_export(char* bytes, int length, const char* source) {
  Runtime& rt = changed();
  if (const auto applied = rt.loader.whole(OwnedBytes::adopt(bytes, static_cast<size_t>(length)), source)) {
    loaded(rt, *applied);
  }
}

// A large export imported while it downloads (ImportJob::Streamed), so that the import
// overlaps the download and the whole file is never held: the page asks for room for each
// piece it receives, copies the piece there and says how much it wrote, and says when the
// download ended; the import goes on in each frame and as pieces arrive. `expected` is the
// file's size when known, else an estimate or 0. A load still under way is dropped.
void newsroom_stream_begin(const char* source, double expected) {
  changed().loader.begin_stream(source, static_cast<size_t>(expected));
}

char* newsroom_stream_space(int length) { return runtime().loader.stream_space(static_cast<size_t>(length)); }

void newsroom_stream_added(int length) { runtime().loader.stream_added(static_cast<size_t>(length)); }

// Work between frames, as pieces of a streamed export arrive: the import keeps up with the
// download rather than waiting for the next frame (a task of a few ms). While the visitor
// is scrolling, typing or touching, only the frames work (5 ms each).
void newsroom_stream_work() {
  Runtime& rt = runtime();
  if (emscripten_get_now() - rt.last_input < kInputRecentMilliseconds) return;  // the frames' share is enough then
  continue_work(rt, kWorkMillisecondsBetweenFrames);
}

// Bytes received and not read yet: the page pauses its download above a limit.
double newsroom_stream_unread() { return static_cast<double>(runtime().loader.unread()); }

// `null` when the bytes are an export; {"files": [...]} or {"error": "..."} for a manifest.
const char* newsroom_manifest_files(char* bytes, int length) {
  Runtime& rt = runtime();
  const OwnedBytes owned = OwnedBytes::adopt(bytes, static_cast<size_t>(length));
  rt.manifest = manifest_reply(owned.view());
  return rt.manifest.c_str();
}

void newsroom_add_part(char* bytes, int length, const char* name, const char* fetch_error) {
  changed().loader.add_part(name, OwnedBytes::adopt(bytes, bytes ? static_cast<size_t>(length) : 0), fetch_error);
}

void newsroom_set_font(char* bytes, int length) {
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

// The hidden search <input> changed: its whole value, the caret and the syllable being
// composed, as UTF-8 byte offsets. Results follow as the visitor types; the URL is
// corrected without a history entry per keystroke.
void newsroom_search_input(const char* text, int caret, int composing_begin, int composing_end) {
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

// Touch, forwarded by web/newsroom.js (Emscripten 3.1.6's GLFW ignores touch events):
// framebuffer pixels and a platform::TouchPhase. ImGui is told the source is a touch
// screen; GLFW's cursor follows so that the backend's per-frame cursor read agrees.
void newsroom_touch(float x, float y, int phase) {
  changed().last_input = emscripten_get_now();
  ImGuiIO& io = ImGui::GetIO();
  platform::set_cursor_position(x, y);
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(x, y);
  const auto touch = static_cast<platform::TouchPhase>(phase);
  if (touch == platform::TouchPhase::down) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  if (touch == platform::TouchPhase::up) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
}

// The page's answer to request_image: a platform::ImageStatus, and a GL texture name when shown.
void newsroom_image_ready(const char* url, int texture, int width, int height, int status) {
  Runtime& rt = changed();
  const auto it = rt.ui.images.by_url.find(url);
  GLuint name = static_cast<GLuint>(texture);
  if (it == rt.ui.images.by_url.end()) {  // no longer wanted
    if (name) glDeleteTextures(1, &name);
    return;
  }
  using Status = ui::ImagePreview::Status;
  using Answer = platform::ImageStatus;
  const auto answer = static_cast<Answer>(status);
  it->second.status = answer == Answer::shown     ? Status::shown
                      : answer == Answer::refused ? Status::refused
                                                  : Status::failed;
  it->second.texture = name;
  it->second.width = width;
  it->second.height = height;
}

}  // extern "C"

namespace {

std::string state(Runtime& rt) {
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
      facts.previews.push_back(
          {it->first, kStatus[static_cast<int>(it->second.status)], it->second.width, it->second.height});
    }
  }
  facts.drawn_ids = rt.ui.drawn_ids;
  constexpr const char* kPhase[] = {"none", "downloading", "importing", "indexing"};
  const LoadProgress& load = rt.loader.progress();
  facts.load = {kPhase[static_cast<int>(load.phase)],
                load.done,
                load.total,
                load.articles,
                rt.loader.streaming(),
                rt.loader.held(),
                rt.loader.streams()};
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
    KioskFacts k = rt.kiosk->facts(rt.app, kiosk_now(rt));
    k.qr = rt.ui.kiosk.qr_url;
    k.clock_offset = rt.clock_offset;
    facts.kiosk = std::move(k);
  }
  return state_json(rt.app, facts);
}

}  // namespace
