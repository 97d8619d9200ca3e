// A local preview: an export file the data team opens from their own disk (dropped on the
// page, picked from the data status bar, or a File given to window.newsroom.load) to check
// it before publishing. It is read in the page, never uploaded, shown as the board with its
// full report, and compared with the export being served, as newsroom-check --previous
// compares (app/session.h says when it begins and ends).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/board_diff.h"

namespace newsroom {

struct LocalPreview {
  std::string file;               // the file's name, as the report's source names it
  std::string served;             // the source of the served board it was compared with ("" when none)
  bool usable = false;            // false: the file could not be used, and the served board stays on screen
  std::optional<BoardDiff> diff;  // what the file changes on the served board (none without one)
  nlohmann::json diff_json;       // app/diff_json.h of `diff`, null without one
};

}  // namespace newsroom
