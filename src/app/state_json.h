// The JSON that window.newsroom.state() returns (see docs/testing.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/live_status.h"

namespace newsroom {

// What only the drawing layer knows about the last frame.
struct FrameFacts {
  std::string mode = "board";
  std::vector<int64_t> drawn_ids;  // article ids drawn on screen, in order
  int64_t glyphs_missing = 0;      // characters drawn without a glyph in the font
  int64_t frame = 0;               // frames drawn since start
  bool font_loaded = false;
  float text_scale = 1.0f;         // the visitor's text size factor
  std::string theme = "light";     // "light" or "dark"
  std::string lang = "ko";         // interface language
  struct Preview {
    std::string url, status;  // status: loading, shown, failed, refused (another origin)
    int width = 0, height = 0;
  };
  std::vector<Preview> previews;   // image previews of the open article
  int64_t image_textures = 0;      // preview textures alive (they are given back when unused)
  LiveStatus live;                 // live polling and the saved copy (web/newsroom.js)
  int64_t gl_lost = 0, gl_restored = 0;  // WebGL context losses and restorations
  int64_t heap_bytes = 0;          // the wasm memory's size
  int64_t used_bytes = 0;          // bytes allocated by malloc (mallinfo uordblks)
};

std::string state_json(const AppState& app, const FrameFacts& frame);

// The report as JSON: {"file", "loaded", "skipped", "problems": [...]} (also the checker's --json).
std::string report_json(const ImportReport& report, size_t max_problems);

}  // namespace newsroom
