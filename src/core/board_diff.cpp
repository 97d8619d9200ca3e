#include "core/board_diff.h"

#include <algorithm>

namespace newsroom {
namespace {

// Lower median: the element at (n - 1) / 2 once sorted. Reorders `values`; O(n).
int64_t lower_median(std::vector<int64_t>& values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

std::vector<std::string_view> changed_fields(const Board& previous, uint32_t before, const Board& current,
                                             uint32_t after) {
  const ArticleView a = previous.article(before);
  const ArticleView b = current.article(after);
  std::vector<std::string_view> fields;
  if (a.title != b.title) fields.emplace_back("title");
  if (a.body != b.body) fields.emplace_back("body");
  if (a.category != b.category) fields.emplace_back("category");
  if (a.author != b.author) fields.emplace_back("author");
  if (a.published_at != b.published_at) fields.emplace_back("published_at");
  if (a.pinned != b.pinned) fields.emplace_back("pinned");
  if (previous.attachments_of(before).size() != current.attachments_of(after).size()) {
    fields.emplace_back("attachments");
  }
  return fields;
}

}  // namespace

std::optional<double> BoardDiff::views_per_day() const {
  if (!elapsed_seconds || *elapsed_seconds <= 0) return std::nullopt;
  return static_cast<double>(view_gain) * 86400.0 / static_cast<double>(*elapsed_seconds);
}

BoardDiff diff_boards(const Board& previous, const Board& current) {
  BoardDiff diff;

  for (uint32_t i = 0; i < previous.size(); ++i) {
    diff.views_before += previous.views(i);
    const int64_t id = previous.id(i);
    const std::optional<uint32_t> j = current.find(id);
    if (!j) {
      diff.removed.push_back(id);
      continue;
    }
    const int64_t before = previous.views(i);
    const int64_t after = current.views(*j);
    diff.views.push_back({id, before, after, after - before});
    std::vector<std::string_view> fields = changed_fields(previous, i, current, *j);
    if (!fields.empty()) diff.edited.push_back({id, std::move(fields)});
  }
  for (uint32_t j = 0; j < current.size(); ++j) {
    diff.views_after += current.views(j);
    if (!previous.find(current.id(j))) diff.added.push_back(current.id(j));
  }

  std::sort(diff.added.begin(), diff.added.end());
  std::sort(diff.removed.begin(), diff.removed.end());
  std::sort(diff.edited.begin(), diff.edited.end(),
            [](const EditedArticle& a, const EditedArticle& b) { return a.id < b.id; });
  std::sort(diff.views.begin(), diff.views.end(), [](const ViewChange& a, const ViewChange& b) { return a.id < b.id; });

  diff.common = diff.views.size();
  std::vector<int64_t> gains;
  gains.reserve(diff.views.size());
  for (const ViewChange& change : diff.views) {
    diff.view_gain += change.gain;
    gains.push_back(change.gain);
    if (change.gain < 0) diff.views_down.push_back(change);
  }

  if (previous.info.exported_at && current.info.exported_at) {
    diff.elapsed_seconds = *current.info.exported_at - *previous.info.exported_at;
  }

  JumpFinding finding = find_jumps(diff.views);
  diff.median_gain = finding.median_gain;
  diff.rest_gain = finding.rest_gain;
  diff.jumps = std::move(finding.jumps);
  return diff;
}

JumpFinding find_jumps(const std::vector<ViewChange>& views) {
  JumpFinding diff;
  std::vector<int64_t> gains;
  gains.reserve(views.size());
  for (const ViewChange& change : views) gains.push_back(change.gain);
  if (gains.empty()) return diff;
  diff.median_gain = lower_median(gains);
  if (gains.size() < 2) return diff;

  // R: the largest gain once the kJumpMaxCount largest are set aside (the smallest gain
  // on a board of kJumpMaxCount + 1 articles or fewer).
  const size_t rest_rank = std::min(kJumpMaxCount, gains.size() - 1);  // 0-based, from the largest
  {
    const auto nth = gains.begin() + static_cast<std::ptrdiff_t>(rest_rank);
    std::nth_element(gains.begin(), nth, gains.end(), [](int64_t a, int64_t b) { return a > b; });
    diff.rest_gain = *nth;
  }

  std::vector<int64_t> deviations;
  deviations.reserve(gains.size());
  for (const int64_t gain : gains)
    deviations.push_back(gain >= diff.median_gain ? gain - diff.median_gain : diff.median_gain - gain);
  const int64_t mad = lower_median(deviations);

  const int64_t rest_threshold = kJumpRestFactor * std::max<int64_t>(diff.rest_gain, 1);
  const int64_t bulk_threshold = diff.median_gain + kJumpMadFactor * std::max<int64_t>(mad, 1);
  for (const ViewChange& change : views) {
    if (change.gain >= kJumpMinGain && change.gain >= rest_threshold && change.gain > bulk_threshold) {
      diff.jumps.push_back(change);
    }
  }
  std::sort(diff.jumps.begin(), diff.jumps.end(),
            [](const ViewChange& a, const ViewChange& b) { return a.gain != b.gain ? a.gain > b.gain : a.id < b.id; });
  return diff;
}

}  // namespace newsroom
