// What the page's live polling (web/newsroom.js) reports: checks, swaps, the problem of
// the last check, and whether the board on screen is a saved copy (offline).
#pragma once

#include <cstdint>
#include <string>

namespace newsroom {

struct LiveStatus {
  int poll_seconds = 0;      // 0: live polling off
  int64_t polls = 0;         // checks made
  int64_t swaps = 0;         // new boards shown after the first
  int64_t last_checked = 0;  // UTC seconds of the last check (0: never)
  std::string last_error;    // the last check's problem ("" when it went well)
  int64_t saved_at = 0;      // the board is the saved copy stored then (0: fresh from the network)
};

}  // namespace newsroom
