// What a new export changes compared with the one before it (core/board_diff.h), as JSON:
// the "diff" member of newsroom-check --json --previous, and state().data.preview.diff when
// the page shows a local preview of an export file (app/session.h). One shape for both.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/board.h"
#include "core/board_diff.h"

namespace newsroom {

inline constexpr size_t kMaxIdsInDiffJson = 100;  // per id list

// {"previous", "added", "removed", "edited", "added_ids", "removed_ids", "edited_ids",
//  "common", "views_before", "views_after", "view_gain", "days", "views_per_day",
//  "views_down": [{id, before, after, gain}], "jumps": [{id, title, before, after, gain}]}
// `current` is the new export's board (the jumps' titles come from it).
nlohmann::json diff_json(const std::string& previous, const Board& current, const BoardDiff& diff);

}  // namespace newsroom
