// The plan of the synthetic board, its calendar, and the press outlets' addresses
// (board_shape.h).
#include "tools/synthetic/board_shape.h"

#include "tools/synthetic/json_writer.h"

namespace newsroom::synthetic {

namespace {

void append_date_digits(std::string& out, const CivilTime& t) {  // YYYYMMDD
  append_padded(out, static_cast<uint64_t>(t.year), 4);
  append_padded(out, static_cast<uint64_t>(t.month), 2);
  append_padded(out, static_cast<uint64_t>(t.day), 2);
}

}  // namespace

void append_source_url(std::string& out, const Outlet& outlet, const CivilTime& local, Rng& rng) {
  out += outlet.prefix;
  switch (outlet.kind) {
    case 0:
      append_date_digits(out, local);
      append_padded(out, rng.next() % 1000000000ULL, 9);
      break;
    case 1: append_int(out, 100000 + rng.below(1400000)); break;
    default:
      append_date_digits(out, local);
      out += '_';
      append_padded(out, rng.next() % 10000000000ULL, 10);
  }
}

std::vector<Skeleton> plan_board(size_t count, uint64_t seed) {
  Rng rng(mix64(seed ^ 0x5EED'B0A4'D000'0001ULL));
  std::vector<Skeleton> board(count);
  int64_t id = 1000;
  std::vector<size_t> notices;
  for (size_t k = 0; k < count; ++k) {
    Skeleton& s = board[k];
    uint32_t roll = rng.below(100), c = 0;
    while (roll >= kCategoryPercent[c]) roll -= kCategoryPercent[c++];
    s.category = static_cast<Category>(c);
    // Other boards of the site share the id sequence, so ids advance in uneven steps and
    // always run ahead of the board's own numbers.
    id += 1 + rng.below(9) + (rng.below(8) == 0 ? rng.below(60) : 0);
    s.id = id;
    if (s.category == kNotice) {
      notices.push_back(k);
      s.pinned = rng.below(kPinnedOneIn) == 0;
    }
  }
  // A board always has its current notice on top: the newest notice is pinned.
  if (count > 0) {
    if (notices.empty()) {
      board.back().category = kNotice;
      notices.push_back(count - 1);
    }
    board[notices.back()].pinned = true;
  }
  int64_t number = 0;
  for (Skeleton& s : board) s.number = s.pinned ? 0 : ++number;  // pinned notices show 공지, not a number
  return board;
}

std::vector<int32_t> working_days() {
  std::vector<int32_t> days;
  const int64_t first = days_from_civil(2010, 1, 1), end = days_from_civil(2025, 1, 1);
  for (int64_t d = first; d < end; ++d) {
    const int64_t weekday = (d + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday != 0 && weekday != 6) days.push_back(static_cast<int32_t>(d));
  }
  return days;
}

}  // namespace newsroom::synthetic
