// The page's calls into the engine (web/js/*.js), and nothing else: each forwards to the
// Session (app/session.h) or to the drawing layer's state, then sends the effects that follow. The exported names are
// listed in cmake/NewsroomSite.cmake; docs/architecture.md has the table of every crossing. Buffers passed in are
// malloc'd by the page and owned here from then on.
#include <malloc.h>
#include <algorithm>
#include <cmath>
#include <string>

#include <emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/page_json.h"
#include "app/state_json.h"
#include "io/importer.h"
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

// The kiosk's look, once the session has taken ?mode=kiosk from the page's options.
void style_kiosk(Runtime& rt) {
  const KioskDriver* kiosk = rt.session.kiosk();
  if (!kiosk || rt.ui.kiosk.on) return;
  rt.ui.kiosk.on = true;
  rt.ui.kiosk.problems = kiosk->options().problems;
  rt.ui.text_scale = static_cast<float>(kiosk->options().scale);
  ImGui::GetStyle().FontScaleMain = rt.ui.text_scale;
  ui::set_kiosk_style(true, rt.ui.text_scale);
  rt.style_dpr = 0;  // restyled before the next frame
}

// The calls only the drawing layer can carry out: language, theme, text size, the search
// box's focus, and the address a kiosk shows as a QR code (the page's answer to a "qr" effect).
void ui_command(Runtime& rt, const std::string& name, const nlohmann::json& arg) {
  if (name == "language" && arg.is_string()) {
    ui::set_language(arg == "en" ? ui::Language::english : ui::Language::korean);
    rt.session.set_mirror_words(ui::mirror_words());  // the mirror again, in the new language
  } else if (name == "theme" && arg.is_string()) {
    ui::set_dark_theme(arg == "dark");
    rt.style_dpr = 0;  // sync_canvas_size() rebuilds the style
  } else if (name == "text_scale" && arg.is_number()) {
    const double scale = arg.get<double>();
    if (rt.session.kiosk() || !(scale >= 0.5 && scale <= 3.0)) return;  // a kiosk's size is its `scale` option
    rt.ui.text_scale = static_cast<float>(scale);
    ImGui::GetStyle().FontScaleMain = rt.ui.text_scale;
  } else if (name == "search_focus" && arg.is_boolean()) {
    rt.ui.search.focused = arg.get<bool>();
  } else if (name == "qr" && arg.is_string()) {
    if (rt.session.kiosk()) rt.ui.kiosk.qr_url = arg.get<std::string>();
  } else {
    emscripten_log(EM_LOG_WARN, "newsroom: unknown command %s", name.c_str());
  }
}

void set_font(Runtime& rt, OwnedBytes bytes) {
  rt.font_settled = true;
  if (!bytes.size) return;  // the font could not be fetched: the page goes on with ImGui's own
  ImFontConfig config;
  config.FontDataOwnedByAtlas = true;             // freed by the atlas (ImGui's default allocator is malloc/free)
  config.FontLoader = ui::GlyphBudget::loader();  // new glyphs a frame's share at a time
  const int size = static_cast<int>(bytes.size);
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes.data.release(), size, 0.0f, &config);
  if (font) {
    ImGui::GetIO().FontDefault = font;
    rt.ui.font_loaded = true;
    rt.ui.glyphs.font_changed();
  }
}

nlohmann::json parse_object(const char* json) {
  nlohmann::json value = nlohmann::json::parse(json ? json : "", nullptr, false);
  return value.is_object() ? value : nlohmann::json::object();
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
  Runtime& rt = runtime();
  const nlohmann::json call = nlohmann::json::parse(json, nullptr, false);
  if (!call.is_object()) {
    emscripten_log(EM_LOG_WARN, "newsroom: a command that is not a JSON object");
    return;
  }
  // The board image's hand-over changes nothing on screen: an idle page stays idle (it is
  // written a piece per turn of the loop, drawn or not). Every other command may.
  const bool quiet = std::all_of(call.items().begin(), call.items().end(), [](const auto& item) {
    return item.key() == "write_image" || item.key() == "image_taken" || item.key() == "image_status";
  });
  if (!quiet) changed();
  for (const auto& [name, arg] : call.items()) {
    if (!rt.session.command(name, arg, rt.effects)) ui_command(rt, name, arg);
  }
  style_kiosk(rt);
  send_effects(rt);
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
    text = article_json_for(rt.session.app(), ask["article"].get<int64_t>());
  } else if (ask.contains("frame_times")) {
    text = rt.frame_times.take_json();
  } else if (ask.contains("search_times")) {
    text = rt.search_times.take_json();
  }
  return text.c_str();
}

// The byte channel (app/session.h): every file the page hands over, an export whole or
// streamed, a manifest, its parts, the font. open() takes {"kind", "name", "expected"};
// space() is room for the next bytes, in the wasm heap (valid until the next call);
// commit() says how many were written and, for a stream, answers the bytes not read yet
// (the page pauses its download above a limit); close() takes {"as", "error", "discard"}
// and answers JSON (a manifest's files) valid until the next call.
int newsroom_open(const char* json) { return changed().session.open(parse_object(json)); }

char* newsroom_space(int channel, double bytes) {
  return runtime().session.space(channel, static_cast<size_t>(std::max(0.0, bytes)));
}

// A streamed export's piece also gets a few ms of import at once, so the import keeps up
// with the download; not while the visitor is scrolling, typing or touching (the frames'
// share is enough then).
double newsroom_commit(int channel, double bytes) {
  Runtime& rt = runtime();
  size_t unread = rt.session.commit(channel, static_cast<size_t>(std::max(0.0, bytes)));
  if (rt.session.loader().streaming() && emscripten_get_now() - rt.last_input >= kInputRecentMilliseconds) {
    continue_work(rt, kWorkMillisecondsBetweenFrames);
    unread = rt.session.loader().unread();
    send_effects(rt);
  }
  return static_cast<double>(unread);
}

const char* newsroom_close(int channel, const char* json) {
  Runtime& rt = changed();
  const nlohmann::json how = parse_object(json);
  Session::Closed closed = rt.session.close(channel, how, rt.effects);
  if (closed.kind == "font") set_font(rt, std::move(closed.bytes));
  send_effects(rt);
  std::string& text = answer();
  text = closed.answer.dump();
  return text.c_str();
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
  AppState& app = rt.session.app();
  if (app.route().view == Route::View::list && app.set_search_text(input.text)) {
    rt.effects.add("replace_hash", app.hash());
    send_effects(rt);
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
  const AppState& app = rt.session.app();
  FrameFacts facts;
  rt.session.add_facts(facts, utc_now());
  if (facts.kiosk) facts.kiosk->qr = rt.ui.kiosk.qr_url;
  facts.gl_lost = rt.gl_lost_count;
  facts.gl_restored = rt.gl_restored_count;
  facts.heap_bytes = static_cast<int64_t>(platform::heap_bytes());
  facts.used_bytes = static_cast<int64_t>(mallinfo().uordblks);
  if (const auto open = app.open_article()) {
    const Board& board = app.board();
    for (const AttachmentRef& file : board.attachments_of(*open)) {
      const auto it = rt.ui.images.by_url.find(std::string(board.text(file.url)));
      if (it == rt.ui.images.by_url.end()) continue;
      constexpr const char* kStatus[] = {"loading", "shown", "failed", "refused"};
      facts.previews.push_back(
          {it->first, kStatus[static_cast<int>(it->second.status)], it->second.width, it->second.height});
    }
  }
#if defined(NEWSROOM_WASM_THREADS)
  facts.build = "threads";
#elif defined(NEWSROOM_WASM_SIMD)
  facts.build = "simd";
#endif
  facts.json_kernel = std::string(json_kernel());
  facts.drawn_ids = rt.ui.drawn_ids;
  facts.cut_ids = rt.ui.cut_ids;
  facts.tooltip = rt.ui.tooltip;
  facts.glyphs_missing = rt.ui.glyphs.missing_last_frame();
  facts.frame = rt.frame;
  facts.drawn = rt.drawn;
  facts.font_loaded = rt.ui.font_loaded;
  facts.text_scale = rt.ui.text_scale;
  facts.theme = ui::dark_theme() ? "dark" : "light";
  facts.lang = ui::language_code();
  for (const auto& [url, preview] : rt.ui.images.by_url) facts.image_textures += preview.texture != 0;
  return state_json(app, facts);
}

}  // namespace
