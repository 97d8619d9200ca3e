// What the views share during one frame, and what they ask for after it (ViewRequests: a
// new URL, a link to open). Views never talk to the browser themselves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include "app/live_status.h"
#include "app/loader.h"
#include "app/local_preview.h"
#include "app/qr.h"
#include "app/view_requests.h"

namespace newsroom::ui {

// Screen rectangles of named widgets in the last frame (framebuffer pixels), for
// window.newsroom.locate(name): tests click the pixels a visitor would.
class WidgetRegistry {
 public:
  void begin_frame() { rects_.clear(); }
  // Records the last submitted item under `name` when it is visible.
  void record_last_item(std::string name);
  // Records a drawn shape (a chart's bar) under `name` when it is inside the window's clip.
  void record(std::string name, const ImRect& rect);
  const ImRect* find(std::string_view name) const;
  // Every widget recorded in the last frame, by name (the headless UI tests check them all).
  const std::unordered_map<std::string, ImRect>& all() const { return rects_; }

 private:
  std::unordered_map<std::string, ImRect> rects_;
};

// Counts characters drawn without a glyph in the current font (state().glyphs_missing).
class GlyphCounter {
 public:
  void begin_frame() { missing_this_frame_ = 0; }
  void font_changed() { known_.clear(); }
  void count(std::string_view utf8_text);
  int64_t missing_last_frame() const { return missing_last_frame_; }
  void end_frame() { missing_last_frame_ = missing_this_frame_; }

 private:
  std::unordered_map<char32_t, bool> known_;  // code point -> has a glyph
  int64_t missing_this_frame_ = 0;
  int64_t missing_last_frame_ = 0;
};

// The search box's text as the browser's hidden <input> holds it (web/newsroom.js): the
// browser does the editing, IME composition, paste and copy; the canvas draws the result.
struct SearchInput {
  std::string text;
  size_t caret = 0;                               // byte offset
  size_t composing_begin = 0, composing_end = 0;  // the syllable being composed, if any
  bool focused = false;
};

// Touch-style scrolling of the page: drag moves it, a flick keeps it going and slows down.
struct DragScroll {
  bool dragging = false;
  float velocity = 0.0f;  // framebuffer pixels per second, positive scrolls down
};

// Where each list view was scrolled to, so that coming back to it (목록, back) lands on
// the same rows; a new view starts at the top.
struct ScrollMemory {
  std::string view;                                  // the hash drawn last frame
  std::unordered_map<std::string, float> positions;  // list hash -> scroll (CSS pixels)
  bool keep = false;  // the next change of view keeps the scroll (a phone list loading more)
};

// Previews of an article's image attachments. The page fetches same-origin images only
// and makes the textures; a preview not drawn for a while gives its texture back (see
// the platform's after_frame), so a screen that runs for weeks does not collect them.
struct ImagePreview {
  enum class Status { loading, shown, failed, refused };  // refused: another origin, never fetched
  Status status = Status::loading;
  unsigned texture = 0;       // a GL texture name while shown
  int width = 0, height = 0;  // the image's own size in pixels
  double last_drawn = 0;      // seconds (ImGui::GetTime)
};

struct ImagePreviews {
  std::unordered_map<std::string, ImagePreview> by_url;
  std::vector<std::string> requests;  // new addresses for the page to fetch, this frame
  double now = 0;                     // seconds, this frame
  // The preview for `url`, asked for when first seen.
  ImagePreview& use(const std::string& url);
};

// A load under way, as the platform reports it each frame: the download, the import in
// slices, then the search index in slices (ImportJob, AppState::continue_indexing).
using LoadProgress = newsroom::LoadProgress;  // app/loader.h

// Kiosk mode (?mode=kiosk, app/kiosk.h): what the platform's attract loop tells the views
// each frame, and the QR code shown instead of following an external link.
struct KioskUi {
  bool on = false;
  bool playing = false;             // the attract loop is running (no visitor)
  float progress = 0.0f;            // 0..1 of the current article's time
  size_t position = 0, length = 0;  // the article's place in the playlist
  std::string exported_at;          // "23-12-20 13:14", or "" when the export has no date
  bool stale = false;               // older than the `stale` option
  int age_hours = 0;
  int stale_hours = 72;
  std::vector<std::string> problems;  // bad options, and a playlist that could not be used
  bool close_popups = false;          // the idle reset: menus the visitor left open are closed
  std::string qr_url;                 // shown as a QR code while not empty
  std::string qr_for;                 // the URL `qr` encodes
  QrMatrix qr;
};

struct UiContext {
  float dpr = 1.0f;          // device pixels per CSS pixel
  float css_width = 0.0f;    // canvas size in CSS pixels
  bool font_loaded = false;  // the Korean font has arrived
  WidgetRegistry widgets;
  GlyphCounter glyphs;
  std::vector<int64_t> drawn_ids;
  std::vector<int64_t> cut_ids;  // drawn rows whose title ends in "…" (the table's title column)
  std::string tooltip;           // the whole title shown on hover over a cut one, this frame

  SearchInput search;
  DragScroll drag;
  ScrollMemory scroll;
  ImagePreviews images;
  LoadProgress load;
  float loaded_more_at = -1.0f;           // the scroll range when the phone list last loaded more
  int keyboard_row = -1;                  // the row ↑/↓ moved to on this page (-1: none); Enter opens it
  bool keyboard_moved = false;            // scroll the keyboard row into view this frame
  float text_scale = 1.0f;                // the visitor's 가−/가+ choice, remembered by the page
  LiveStatus live;                        // the page's live polling and saved copy (data status panel)
  bool from_image = false;                // the board came from a saved board image (io/board_image.h)
  const LocalPreview* preview = nullptr;  // the local preview shown, if any (the session's)

  ViewRequests requests;  // what this frame asks for; draw_app() hands them to the caller
  KioskUi kiosk;
};

}  // namespace newsroom::ui
