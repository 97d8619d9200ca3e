// Views across time, when the data team keeps earlier exports: a manifest whose files each
// say when they were exported (`exported_at`) is a series of snapshots of the board. For
// the articles of the current result this gives the views gained between snapshots, the
// articles rising fastest, and view jumps that deserve a look (the rule of board_diff.h).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/board.h"
#include "core/board_diff.h"

namespace newsroom {

// One export's view counts: (id, views), ascending id.
struct Snapshot {
  std::string file;
  int64_t exported_at = 0;  // UTC seconds
  std::vector<std::pair<int64_t, int64_t>> views;
};

struct Trends {
  std::vector<int64_t> dates;  // exported_at of each snapshot, ascending (at least two)
  // Views gained by the result's articles between consecutive snapshots (dates.size() - 1),
  // counting only articles present in both.
  std::vector<int64_t> gains;
  struct Rising {
    uint32_t row = 0;  // board index
    int64_t gain = 0;  // views gained between the last two snapshots
    double per_day = 0;
  };
  std::vector<Rising> rising;     // top 10 by gain between the last two snapshots (gain > 0)
  std::vector<ViewChange> jumps;  // suspicious jumps between the last two snapshots
  std::vector<ViewChange> down;   // views that went down between the last two snapshots
};

// Snapshots sorted by exported_at; fewer than two give empty Trends (dates empty).
Trends compute_trends(const Board& board, std::span<const Snapshot> snapshots, std::span<const uint32_t> rows);

}  // namespace newsroom
