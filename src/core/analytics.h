// View-count analytics over a set of articles (the current search result): the figures,
// and the numbers behind each chart of the analytics view. Pure computation on the board's
// columns, below the UI; recomputed only when the result changes.
//
// Definitions (the tests recompute each one independently):
//  - months are Seoul calendar months of published_at, contiguous from the first to the
//    last month with an article (empty months included, so the chart has no gaps);
//  - median of views: the middle value, or the mean of the two middle values;
//  - views per day: total views / total days since publication, each article counted
//    from its publication to `as_of` (the export's date) and at least one day;
//  - histogram: bins 0, 1–9, 10–99, … (powers of ten, lower bound inclusive), then each
//    decade split at 2 and 5 (1–1, 2–4, 5–9, 10–19, 20–49, 50–99, ...);
//  - views against age: a grid of age (days, linear) × views (the histogram's bins);
//  - orderings: views descending, then more articles, then name or newest first.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/tags.h"

namespace newsroom {

struct Analytics {
  struct Month {
    int year = 0, month = 0;  // Seoul calendar
    int64_t articles = 0, views = 0;
  };
  struct Group {  // a category, an author or a tag
    std::string name;
    int64_t articles = 0, views = 0;
  };
  struct Bin {  // views in [low, high)
    int64_t low = 0, high = 0;
    int64_t articles = 0;
  };

  int64_t articles = 0;
  int64_t views_total = 0;
  double views_median = 0, views_mean = 0;
  double views_per_day = 0;
  int64_t as_of = 0;  // UTC seconds the ages are counted to

  // Board-aware figures: files and links, where the export has counts.
  int64_t with_attachments = 0;
  int64_t downloads_total = 0;  // summed over attachments that have a count
  int64_t articles_with_downloads = 0;
  int64_t link_clicks_total = 0;  // summed over links that have a count
  int64_t articles_with_clicks = 0;

  std::vector<Month> months;
  std::vector<Group> categories;        // every category with an article, by views
  std::vector<Group> authors;           // top 10 by views
  std::vector<Group> tags;              // top 10 by views (an article counts for each of its tags)
  std::vector<uint32_t> top;            // top 10 articles (board indices) by views, newest first on ties
  std::vector<uint32_t> top_downloads;  // top 10 articles by downloads (only those with counts)
  std::vector<Bin> histogram;           // from 0 to the bin of the largest view count
  // Views against age: age_columns × histogram.size() cells, column-major
  // (cell = column * histogram.size() + bin); column c holds ages in
  // [c * age_step_days, (c + 1) * age_step_days).
  int age_columns = 0;
  int64_t age_step_days = 1;
  std::vector<int64_t> age_grid;
};

// "2023-05": the key of a month in state(), the CSV and the chart's links.
std::string month_key(const Analytics::Month& month);

// An article's downloads summed over its attachments that have a count, and its link
// clicks likewise; -1 when none has a count.
int64_t downloads_of(const Board& board, uint32_t row);
int64_t link_clicks_of(const Board& board, uint32_t row);

// The bins of the view histogram up to and including `max_views`.
std::vector<Analytics::Bin> view_bins(int64_t max_views);
// Which of `bins` holds `views`.
size_t view_bin_of(int64_t views);

// What every analysis of a board needs per article, computed once per board so that an
// analysis is a pass over flat columns: the Seoul month, the author and the tags as numbers,
// and the download and click counts.
class AnalyticsColumns {
 public:
  explicit AnalyticsColumns(const Board& board);

 private:
  friend Analytics compute_analytics(const Board&, const AnalyticsColumns&, std::span<const uint32_t>, int64_t);
  std::vector<int32_t> month_;    // year * 12 + month - 1
  std::vector<uint32_t> author_;  // index into authors_
  std::vector<std::string> authors_;
  std::vector<int64_t> downloads_;    // -1: no attachment has a count
  std::vector<int64_t> clicks_;       // -1: no link has a count
  std::vector<uint8_t> attachments_;  // has any attachment
  TagTable tags_;
};

// `as_of` is usually the export's date; ages before publication count as one day.
Analytics compute_analytics(const Board& board, const AnalyticsColumns& columns, std::span<const uint32_t> rows,
                            int64_t as_of);
// The same, building the columns first (tests, one-off analyses).
Analytics compute_analytics(const Board& board, std::span<const uint32_t> rows, int64_t as_of);

}  // namespace newsroom
