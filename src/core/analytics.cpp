#include "core/analytics.h"

#include <algorithm>
#include <unordered_map>

#include "core/dates.h"

namespace newsroom {
namespace {

constexpr size_t kTopCount = 10;
constexpr int kAgeColumns = 24;

int64_t power_of_ten(size_t exponent) {
  int64_t value = 1;
  for (size_t i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// Bin b >= 1 covers [step * 10^decade, next step): steps 1, 2, 5.
Analytics::Bin bin_at(size_t b) {
  if (b == 0) return {0, 1, 0};
  constexpr int64_t kSteps[] = {1, 2, 5, 10};
  const size_t decade = (b - 1) / 3, step = (b - 1) % 3;
  const int64_t scale = power_of_ten(decade);
  return {kSteps[step] * scale, kSteps[step + 1] * scale, 0};
}

// Views descending, then newest, then id: a total order, so the top list is stable.
bool more_viewed(const Board& board, uint32_t a, uint32_t b) {
  if (board.views(a) != board.views(b)) return board.views(a) > board.views(b);
  if (board.published_at(a) != board.published_at(b)) return board.published_at(a) > board.published_at(b);
  return board.id(a) > board.id(b);
}

void sort_groups(std::vector<Analytics::Group>& groups) {
  std::sort(groups.begin(), groups.end(), [](const Analytics::Group& a, const Analytics::Group& b) {
    if (a.views != b.views) return a.views > b.views;
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.name < b.name;
  });
}

}  // namespace

size_t view_bin_of(int64_t views) {
  if (views <= 0) return 0;
  size_t decade = 0;
  int64_t scale = 1;
  while (views / scale >= 10) {
    scale *= 10;
    ++decade;
  }
  const int64_t leading = views / scale;  // 1..9
  return 1 + decade * 3 + (leading < 2 ? 0 : leading < 5 ? 1 : 2);
}

std::vector<Analytics::Bin> view_bins(int64_t max_views) {
  std::vector<Analytics::Bin> bins;
  const size_t last = view_bin_of(max_views);
  for (size_t b = 0; b <= last; ++b) bins.push_back(bin_at(b));
  return bins;
}

Analytics compute_analytics(const Board& board, std::span<const uint32_t> rows, int64_t as_of) {
  Analytics out;
  out.as_of = as_of;
  out.articles = static_cast<int64_t>(rows.size());
  if (rows.empty()) return out;

  std::vector<int64_t> views;
  views.reserve(rows.size());
  std::vector<Analytics::Group> categories(board.category_names().size());
  std::unordered_map<std::string_view, Analytics::Group> authors;
  int64_t first_month = INT64_MAX, last_month = INT64_MIN, max_views = 0, max_age = 0;
  double days_total = 0;
  for (const uint32_t row : rows) {
    const int64_t v = board.views(row);
    views.push_back(v);
    out.views_total += v;
    max_views = std::max(max_views, v);
    const int64_t age = std::max<int64_t>(1, (as_of - board.published_at(row)) / 86400);
    max_age = std::max(max_age, age);
    days_total += static_cast<double>(age);
    const CivilTime when = civil_from_seconds(board.published_at(row) + kSeoulOffsetSeconds);
    const int64_t month = int64_t{when.year} * 12 + (when.month - 1);
    first_month = std::min(first_month, month);
    last_month = std::max(last_month, month);
    Analytics::Group& category = categories[board.category_of(row)];
    ++category.articles;
    category.views += v;
    Analytics::Group& author = authors[board.author(row)];
    ++author.articles;
    author.views += v;

    const auto& files = board.attachments_of(row);
    if (!files.empty()) ++out.with_attachments;
    bool downloads = false, clicks = false;
    for (const AttachmentRef& file : files) {
      if (file.downloads < 0) continue;
      out.downloads_total += file.downloads;
      downloads = true;
    }
    for (const LinkRef& link : board.links_of(row)) {
      if (link.clicks < 0) continue;
      out.link_clicks_total += link.clicks;
      clicks = true;
    }
    out.articles_with_downloads += downloads;
    out.articles_with_clicks += clicks;
  }

  out.views_mean = static_cast<double>(out.views_total) / static_cast<double>(rows.size());
  out.views_per_day = static_cast<double>(out.views_total) / days_total;
  const size_t middle = views.size() / 2;
  std::nth_element(views.begin(), views.begin() + static_cast<std::ptrdiff_t>(middle), views.end());
  out.views_median = static_cast<double>(views[middle]);
  if (views.size() % 2 == 0) {
    const int64_t below = *std::max_element(views.begin(), views.begin() + static_cast<std::ptrdiff_t>(middle));
    out.views_median = (out.views_median + static_cast<double>(below)) / 2;
  }

  // Months, contiguous.
  out.months.resize(static_cast<size_t>(last_month - first_month + 1));
  for (size_t m = 0; m < out.months.size(); ++m) {
    const int64_t month = first_month + static_cast<int64_t>(m);
    out.months[m].year = static_cast<int>(month / 12);
    out.months[m].month = static_cast<int>(month % 12) + 1;
  }
  out.histogram = view_bins(max_views);
  out.age_step_days = std::max<int64_t>(1, (max_age + kAgeColumns) / kAgeColumns);
  out.age_columns = static_cast<int>(max_age / out.age_step_days) + 1;
  out.age_grid.assign(static_cast<size_t>(out.age_columns) * out.histogram.size(), 0);
  for (const uint32_t row : rows) {
    const CivilTime when = civil_from_seconds(board.published_at(row) + kSeoulOffsetSeconds);
    Analytics::Month& month = out.months[static_cast<size_t>(int64_t{when.year} * 12 + (when.month - 1) - first_month)];
    ++month.articles;
    month.views += board.views(row);
    const size_t bin = view_bin_of(board.views(row));
    ++out.histogram[bin].articles;
    const int64_t age = std::max<int64_t>(1, (as_of - board.published_at(row)) / 86400);
    out.age_grid[static_cast<size_t>(age / out.age_step_days) * out.histogram.size() + bin] += 1;
  }

  for (size_t c = 0; c < categories.size(); ++c) {
    if (categories[c].articles == 0) continue;
    categories[c].name = board.category_names()[c];
    out.categories.push_back(std::move(categories[c]));
  }
  sort_groups(out.categories);
  for (auto& [name, group] : authors) {
    group.name = std::string(name);
    out.authors.push_back(std::move(group));
  }
  sort_groups(out.authors);
  if (out.authors.size() > kTopCount) out.authors.resize(kTopCount);

  std::vector<uint32_t> order(rows.begin(), rows.end());
  const size_t top = std::min(kTopCount, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](uint32_t a, uint32_t b) { return more_viewed(board, a, b); });
  out.top.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top));

  if (out.articles_with_downloads > 0) {
    const auto downloads_of = [&](uint32_t row) {
      int64_t total = -1;
      for (const AttachmentRef& file : board.attachments_of(row)) {
        if (file.downloads >= 0) total = std::max<int64_t>(total, 0) + file.downloads;
      }
      return total;
    };
    std::vector<std::pair<int64_t, uint32_t>> counted;
    for (const uint32_t row : rows) {
      if (const int64_t d = downloads_of(row); d >= 0) counted.emplace_back(d, row);
    }
    const size_t n = std::min(kTopCount, counted.size());
    std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(n), counted.end(),
                      [&](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : more_viewed(board, a.second, b.second); });
    for (size_t i = 0; i < n; ++i) out.top_downloads.push_back(counted[i].second);
  }
  return out;
}

}  // namespace newsroom
