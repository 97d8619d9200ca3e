// What a new export changes compared with the one before it: articles added, removed and
// edited, view counts, and view jumps that deserve a human look before the drop goes live.
// Used by newsroom-check --previous. Pure computation over two boards: no I/O, no throwing.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/board.h"

namespace newsroom {

// An article present in both exports whose content changed. `fields` names what changed,
// always in this order: "title", "body", "category", "author", "published_at", "pinned",
// "attachments" (the number of attachments). View counts are not edits (see ViewChange).
struct EditedArticle {
  int64_t id = 0;
  std::vector<std::string_view> fields;  // static strings
};

// The views of an article present in both exports.
struct ViewChange {
  int64_t id = 0;
  int64_t before = 0, after = 0;
  int64_t gain = 0;  // after - before; negative when the count went down
};

// Suspicious jumps. Among the articles present in both exports, with gains G (n of them),
// an article's gain g is a jump when all three hold:
//   1. g >= kJumpMinGain (500): a quiet board or a small gain never raises an alarm;
//   2. g >= kJumpRestFactor (10) x max(R, 1), where R is the largest gain once the
//      kJumpMaxCount (3) largest are set aside (the 4th largest gain; the smallest one
//      when n <= 4): an order of magnitude above the busiest of the rest, so up to three
//      simultaneous jumps are all found, while a cluster of articles with similar large
//      gains (new articles read a lot, a busy week) never is;
//   3. g > median(G) + kJumpMadFactor (10) x max(MAD, 1), where median is the lower median
//      of G and MAD the lower median of |G - median(G)|: far outside the bulk of the board.
// Integer arithmetic only, so the result is the same on every platform. Needs n >= 2.
inline constexpr int64_t kJumpMinGain = 500;
inline constexpr int64_t kJumpRestFactor = 10;
inline constexpr size_t kJumpMaxCount = 3;
inline constexpr int64_t kJumpMadFactor = 10;

struct BoardDiff {
  std::vector<int64_t> added;          // ids only in the current export, ascending
  std::vector<int64_t> removed;        // ids only in the previous export, ascending
  std::vector<EditedArticle> edited;   // ascending id
  std::vector<ViewChange> views;       // every article in both exports, ascending id
  std::vector<ViewChange> views_down;  // gain < 0 (views should never go down), ascending id
  std::vector<ViewChange> jumps;       // suspicious jumps (rule above), largest gain first, then id

  size_t common = 0;         // articles present in both exports
  int64_t views_before = 0;  // total views on the previous board
  int64_t views_after = 0;   // total views on the current board
  int64_t view_gain = 0;     // sum of the gains of the articles in both exports
  int64_t median_gain = 0;   // lower median of those gains (0 when there are none)
  int64_t rest_gain = 0;     // R of the jump rule (0 when there are fewer than 2 articles in both)

  // current exported_at - previous exported_at, when both exports say when they were made.
  std::optional<int64_t> elapsed_seconds;

  // view_gain per day between the two exports; nullopt without both dates or when the
  // current export is not later than the previous one.
  std::optional<double> views_per_day() const;
};

// The jump rule above applied to a list of view changes (also used between the snapshots
// of a manifest's exports, core/trends).
struct JumpFinding {
  int64_t median_gain = 0, rest_gain = 0;
  std::vector<ViewChange> jumps;  // largest gain first, then id
};
JumpFinding find_jumps(const std::vector<ViewChange>& views);

// O(n log n) in the size of the boards.
BoardDiff diff_boards(const Board& previous, const Board& current);

}  // namespace newsroom
