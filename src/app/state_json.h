// The JSON that window.newsroom.state() returns (see docs/testing.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/live_status.h"
#include "app/local_preview.h"

namespace newsroom {

// Kiosk mode's loop as of the last frame (state().kiosk).
struct KioskFacts {
  bool playing = false;            // the attract loop runs; false while a visitor has control
  double paused_for = 0;           // seconds since the visitor took over
  double idle_in = 0;              // seconds until the reset to the loop
  std::vector<int64_t> playlist;   // article ids in loop order
  std::string playlist_kind;       // latest, views, pinned, category
  std::optional<int64_t> current;  // the loop's article
  size_t position = 0;             // its index in the playlist
  double progress = 0;             // 0..1 of its time
  uint64_t rotations = 0, resets = 0;
  bool stale = false;                    // the data is older than `stale` hours
  std::optional<double> data_age_hours;  // null without exported_at
  double rotate = 0, idle = 0, scale = 0, stale_hours = 0;
  int count = 0;
  std::vector<std::string> problems;  // bad options (each names its option)
  std::string qr;                     // the URL shown as a QR code, "" when none
  double clock_offset = 0;            // seconds added by advanceClock()
};

// What only the drawing layer knows about the last frame.
struct FrameFacts {
  std::string mode = "visitor";    // "kiosk" with ?mode=kiosk
  std::string build = "plain";     // "simd": index-simd.wasm; "threads": index-threads (imports on a worker)
  std::string json_kernel;         // simdjson's kernel (io/importer.h json_kernel())
  std::vector<int64_t> drawn_ids;  // article ids drawn on screen, in order
  std::vector<int64_t> cut_ids;    // of those, the rows whose title was cut with "…"
  std::string tooltip;             // the whole title the hover shows over a cut one ("" when none)
  int64_t glyphs_missing = 0;      // characters drawn without a glyph in the font
  int64_t frame = 0;               // turns of the main loop since start (the heartbeat)
  int64_t drawn = 0;               // frames drawn (an idle page draws none)
  bool font_loaded = false;
  float text_scale = 1.0f;      // the visitor's text size factor
  std::string theme = "light";  // "light" or "dark"
  std::string lang = "ko";      // interface language
  struct Preview {
    std::string url, status;  // status: loading, shown, failed, refused (another origin)
    int width = 0, height = 0;
  };
  std::vector<Preview> previews;  // image previews of the open article
  int64_t image_textures = 0;     // preview textures alive (they are given back when unused)
  struct Load {
    std::string phase = "none";    // none, downloading, importing, indexing
    uint64_t done = 0, total = 0;  // bytes; total 0 when unknown
    int64_t articles = 0;          // read so far
    bool streamed = false;         // the import reads the download as it arrives
    uint64_t held = 0;             // bytes of the file the import holds now (streamed)
    int64_t streams = 0;           // streamed imports begun since the page started
  } load;
  std::optional<KioskFacts> kiosk;  // in kiosk mode
  LiveStatus live;                  // live polling and the saved copy (web/newsroom.js)
  struct Image {
    bool from_image = false;  // the board on screen came from a board image
    bool saved = false;       // the board on screen is stored as a board image
    std::string refused;      // why the last image offered was refused ("" when none was)
    std::string error;        // why the last image could not be stored (quota, a private window)
    uint64_t bytes = 0;       // the size of the last image read or written
  } image;
  const LocalPreview* local_preview = nullptr;  // the local preview shown, if any (app/session.h)
  int64_t gl_lost = 0, gl_restored = 0;         // WebGL context losses and restorations
  int64_t heap_bytes = 0;                       // the wasm memory's size
  int64_t used_bytes = 0;                       // bytes allocated by malloc (mallinfo uordblks)
};

std::string state_json(const AppState& app, const FrameFacts& frame);

// The report as JSON: {"file", "loaded", "skipped", "problems": [...]} (also the checker's --json).
std::string report_json(const ImportReport& report, size_t max_problems);

}  // namespace newsroom
