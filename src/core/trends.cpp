#include "core/trends.h"

#include <algorithm>

namespace newsroom {
namespace {

constexpr size_t kRisingCount = 10;

int64_t views_in(const Snapshot& snapshot, int64_t id, bool& found) {
  const auto it =
      std::lower_bound(snapshot.views.begin(), snapshot.views.end(), std::pair<int64_t, int64_t>(id, INT64_MIN));
  found = it != snapshot.views.end() && it->first == id;
  return found ? it->second : 0;
}

}  // namespace

Trends compute_trends(const Board& board, std::span<const Snapshot> snapshots, std::span<const uint32_t> rows) {
  Trends out;
  if (snapshots.size() < 2) return out;
  for (const Snapshot& s : snapshots) out.dates.push_back(s.exported_at);
  out.gains.assign(snapshots.size() - 1, 0);
  std::vector<ViewChange> last;  // between the last two snapshots
  for (const uint32_t row : rows) {
    const int64_t id = board.id(row);
    bool had = false;
    int64_t before = views_in(snapshots[0], id, had);
    for (size_t i = 1; i < snapshots.size(); ++i) {
      bool has = false;
      const int64_t after = views_in(snapshots[i], id, has);
      if (had && has) {
        out.gains[i - 1] += after - before;
        if (i + 1 == snapshots.size()) last.push_back({id, before, after, after - before});
      }
      had = has;
      before = after;
    }
  }
  std::sort(last.begin(), last.end(), [](const ViewChange& a, const ViewChange& b) { return a.id < b.id; });
  for (const ViewChange& change : last) {
    if (change.gain < 0) out.down.push_back(change);
  }
  out.jumps = find_jumps(last).jumps;

  const double days = std::max(
      1.0, static_cast<double>(snapshots.back().exported_at - snapshots[snapshots.size() - 2].exported_at) / 86400.0);
  std::vector<ViewChange> rising;
  for (const ViewChange& change : last) {
    if (change.gain > 0) rising.push_back(change);
  }
  const size_t shown = std::min(kRisingCount, rising.size());
  std::partial_sort(
      rising.begin(), rising.begin() + static_cast<std::ptrdiff_t>(shown), rising.end(),
      [](const ViewChange& a, const ViewChange& b) { return a.gain != b.gain ? a.gain > b.gain : a.id < b.id; });
  for (size_t i = 0; i < shown; ++i) {
    out.rising.push_back({*board.find(rising[i].id), rising[i].gain, static_cast<double>(rising[i].gain) / days});
  }
  return out;
}

}  // namespace newsroom
