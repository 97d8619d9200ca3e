#include "core/analytics.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/dates.h"

namespace newsroom {
namespace {

constexpr size_t kTopCount = 10;
constexpr int kAgeColumns = 24;

// 10^exponent, saturating at INT64_MAX (the last bins' bounds lie past any view count).
int64_t power_of_ten(size_t exponent) {
  int64_t value = 1;
  for (size_t i = 0; i < exponent; ++i) value = value > INT64_MAX / 10 ? INT64_MAX : value * 10;
  return value;
}

// Bin b >= 1 covers [step * 10^decade, next step): steps 1, 2, 5.
Analytics::Bin bin_at(size_t b) {
  if (b == 0) return {0, 1, 0};
  constexpr int64_t kSteps[] = {1, 2, 5, 10};
  const size_t decade = (b - 1) / 3, step = (b - 1) % 3;
  const int64_t scale = power_of_ten(decade);
  const auto times = [scale](int64_t factor) { return scale > INT64_MAX / factor ? INT64_MAX : factor * scale; };
  return {times(kSteps[step]), times(kSteps[step + 1]), 0};
}

// The first kTopCount rows by `before`, among those `keep` accepts: one pass with a small
// sorted buffer (a partial sort of a 100k copy costs more).
template <typename Before, typename Keep>
std::vector<uint32_t> top_rows(std::span<const uint32_t> rows, Before before, Keep keep) {
  std::vector<uint32_t> top;
  top.reserve(kTopCount + 1);
  for (const uint32_t row : rows) {
    if (!keep(row)) continue;
    if (top.size() == kTopCount && !before(row, top.back())) continue;
    top.insert(std::upper_bound(top.begin(), top.end(), row, before), row);
    if (top.size() > kTopCount) top.pop_back();
  }
  return top;
}

void sort_groups(std::vector<Analytics::Group>& groups) {
  std::sort(groups.begin(), groups.end(), [](const Analytics::Group& a, const Analytics::Group& b) {
    if (a.views != b.views) return a.views > b.views;
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.name < b.name;
  });
}

// The kTopCount groups with the most views (then more articles, then by name) among those
// with an article: ranked by number first, only the ones shown named.
template <class NameOf>
std::vector<Analytics::Group> top_groups(const std::vector<Analytics::Group>& groups, NameOf name_of) {
  std::vector<uint32_t> ids;
  for (uint32_t g = 0; g < groups.size(); ++g) {
    if (groups[g].articles > 0) ids.push_back(g);
  }
  const auto before = [&](uint32_t x, uint32_t y) {
    if (groups[x].views != groups[y].views) return groups[x].views > groups[y].views;
    if (groups[x].articles != groups[y].articles) return groups[x].articles > groups[y].articles;
    return name_of(x) < name_of(y);
  };
  const size_t shown = std::min(kTopCount, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ids.end(), before);
  std::vector<Analytics::Group> top;
  for (size_t i = 0; i < shown; ++i) {
    top.push_back(groups[ids[i]]);
    top.back().name = name_of(ids[i]);
  }
  return top;
}

}  // namespace

std::string month_key(const Analytics::Month& month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", month.year, month.month);
  return buffer;
}

int64_t downloads_of(const Board& board, uint32_t row) {
  int64_t total = -1;
  for (const AttachmentRef& file : board.attachments_of(row)) {
    if (file.downloads >= 0) total = std::max<int64_t>(total, 0) + file.downloads;
  }
  return total;
}

int64_t link_clicks_of(const Board& board, uint32_t row) {
  int64_t total = -1;
  for (const LinkRef& link : board.links_of(row)) {
    if (link.clicks >= 0) total = std::max<int64_t>(total, 0) + link.clicks;
  }
  return total;
}

size_t view_bin_of(int64_t views) {
  // The lower bounds of bins 1, 2, ...: 1, 2, 5, 10, 20, 50, ... up to 5·10^18.
  static const std::vector<int64_t> kLows = [] {
    std::vector<int64_t> lows;
    for (size_t b = 1; b <= 19 * 3; ++b) lows.push_back(bin_at(b).low);
    return lows;
  }();
  if (views <= 0) return 0;
  return static_cast<size_t>(std::upper_bound(kLows.begin(), kLows.end(), views) - kLows.begin());
}

std::vector<Analytics::Bin> view_bins(int64_t max_views) {
  std::vector<Analytics::Bin> bins;
  const size_t last = view_bin_of(max_views);
  for (size_t b = 0; b <= last; ++b) bins.push_back(bin_at(b));
  return bins;
}

AnalyticsColumns::AnalyticsColumns(const Board& board) : tags_(board) {
  const size_t n = board.size();
  month_.resize(n);
  author_.resize(n);
  downloads_.resize(n);
  clicks_.resize(n);
  attachments_.resize(n);
  std::unordered_map<std::string_view, uint32_t> ids;
  for (uint32_t row = 0; row < n; ++row) {
    const CivilTime when = civil_from_seconds(board.published_at(row) + kSeoulOffsetSeconds);
    month_[row] = when.year * 12 + (when.month - 1);
    const auto [it, added] = ids.try_emplace(board.author(row), static_cast<uint32_t>(authors_.size()));
    if (added) authors_.emplace_back(board.author(row));
    author_[row] = it->second;
    attachments_[row] = !board.attachments_of(row).empty();
    downloads_[row] = downloads_of(board, row);
    clicks_[row] = link_clicks_of(board, row);
  }
}

Analytics compute_analytics(const Board& board, std::span<const uint32_t> rows, int64_t as_of) {
  return compute_analytics(board, AnalyticsColumns(board), rows, as_of);
}

Analytics compute_analytics(const Board& board, const AnalyticsColumns& columns, std::span<const uint32_t> rows,
                            int64_t as_of) {
  Analytics out;
  out.as_of = as_of;
  out.articles = static_cast<int64_t>(rows.size());
  if (rows.empty()) return out;

  // One pass for the sums and ranges.
  std::vector<int64_t> views;
  views.reserve(rows.size());
  std::vector<Analytics::Group> categories(board.category_names().size());
  std::vector<Analytics::Group> authors(columns.authors_.size());
  std::vector<Analytics::Group> tags(columns.tags_.size());
  int32_t first_month = INT32_MAX, last_month = INT32_MIN;
  int64_t max_views = 0, max_age = 0;
  double days_total = 0;
  const auto age_of = [as_of, &board](uint32_t row) {
    return std::max<int64_t>(1, (as_of - board.published_at(row)) / 86400);
  };
  for (const uint32_t row : rows) {
    const int64_t v = board.views(row);
    views.push_back(v);
    out.views_total += v;
    max_views = std::max(max_views, v);
    const int64_t age = age_of(row);
    max_age = std::max(max_age, age);
    days_total += static_cast<double>(age);
    first_month = std::min(first_month, columns.month_[row]);
    last_month = std::max(last_month, columns.month_[row]);
    Analytics::Group& category = categories[board.category_of(row)];
    ++category.articles;
    category.views += v;
    Analytics::Group& author = authors[columns.author_[row]];
    ++author.articles;
    author.views += v;
    for (const uint32_t t : columns.tags_.of(row)) {
      ++tags[t].articles;
      tags[t].views += v;
    }
    out.with_attachments += columns.attachments_[row];
    if (columns.downloads_[row] >= 0) {
      out.downloads_total += columns.downloads_[row];
      ++out.articles_with_downloads;
    }
    if (columns.clicks_[row] >= 0) {
      out.link_clicks_total += columns.clicks_[row];
      ++out.articles_with_clicks;
    }
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

  // Second pass: months (contiguous), the histogram and the age grid.
  out.months.resize(static_cast<size_t>(last_month - first_month + 1));
  for (size_t m = 0; m < out.months.size(); ++m) {
    const int32_t month = first_month + static_cast<int32_t>(m);
    out.months[m].year = month / 12;
    out.months[m].month = month % 12 + 1;
  }
  out.histogram = view_bins(max_views);
  const size_t bins = out.histogram.size();
  out.age_step_days = std::max<int64_t>(1, (max_age + kAgeColumns) / kAgeColumns);
  out.age_columns = static_cast<int>(max_age / out.age_step_days) + 1;
  out.age_grid.assign(static_cast<size_t>(out.age_columns) * bins, 0);
  for (const uint32_t row : rows) {
    Analytics::Month& month = out.months[static_cast<size_t>(columns.month_[row] - first_month)];
    ++month.articles;
    month.views += board.views(row);
    const size_t bin = view_bin_of(board.views(row));
    ++out.histogram[bin].articles;
    ++out.age_grid[static_cast<size_t>(age_of(row) / out.age_step_days) * bins + bin];
  }

  for (size_t c = 0; c < categories.size(); ++c) {
    if (categories[c].articles == 0) continue;
    categories[c].name = board.category_names()[c];
    out.categories.push_back(std::move(categories[c]));
  }
  sort_groups(out.categories);
  out.authors = top_groups(authors, [&](uint32_t a) -> const std::string& { return columns.authors_[a]; });
  out.tags = top_groups(tags, [&](uint32_t t) -> const std::string& { return columns.tags_.name(t); });

  out.top = top_rows(
      rows, [&](uint32_t a, uint32_t b) { return board.more_viewed(a, b); }, [](uint32_t) { return true; });
  if (out.articles_with_downloads > 0) {
    out.top_downloads = top_rows(
        rows,
        [&](uint32_t a, uint32_t b) {
          const int64_t da = columns.downloads_[a], db = columns.downloads_[b];
          return da != db ? da > db : board.more_viewed(a, b);
        },
        [&](uint32_t row) { return columns.downloads_[row] >= 0; });
  }
  return out;
}

}  // namespace newsroom
