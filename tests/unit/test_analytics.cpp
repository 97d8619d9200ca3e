// View-count analytics (core/analytics.h), their CSV tables (app/analytics_csv.h), the
// views filter of the search and of the route, and the analytics view in AppState.
//
// Every figure is checked against a reference written here from the definitions in
// core/analytics.h: plain loops over the board's articles, months keyed by "YYYY-MM"
// strings from this file's own calendar arithmetic, sorts with comparators written here.
// The reference shares nothing with the engine but the board it reads. Boards are the
// deterministic synthetic export (with a dozen extra authors written into its JSON, so
// that "top 10 authors" really cuts) and a four-article export written by hand whose
// every figure is also worked out on paper below.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/analytics_csv.h"
#include "app/app_state.h"
#include "app/route.h"
#include "core/analytics.h"
#include "core/board.h"
#include "core/search.h"
#include "io/importer.h"
#include "io/manifest.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

// ---------------------------------------------------------------------------------------
// Calendar arithmetic of our own: walk years and months from 1970 (slow and obvious, and
// unlike the engine's closed-form days_from_civil / civil_from_seconds).
// ---------------------------------------------------------------------------------------

constexpr int64_t kDay = 86400;
constexpr int64_t kSeoul = 9 * 3600;

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
int year_days(int year) { return leap(year) ? 366 : 365; }
int month_days(int year, int month) {
  static const int kLengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kLengths[month - 1];
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

struct Ymd {
  int year, month, day;
};

// The Seoul calendar date of a UTC instant.
Ymd seoul_date(int64_t utc_seconds) {
  int64_t days = floor_div(utc_seconds + kSeoul, kDay);
  int year = 1970;
  while (days < 0) days += year_days(--year);
  while (days >= year_days(year)) days -= year_days(year++);
  int month = 1;
  while (days >= month_days(year, month)) days -= month_days(year, month++);
  return {year, month, static_cast<int>(days) + 1};
}

std::string month_key(int year, int month) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string month_key(int64_t utc_seconds) {
  const Ymd d = seoul_date(utc_seconds);
  return month_key(d.year, d.month);
}

// The month after "YYYY-MM".
std::string next_month(const std::string& key) {
  const int year = std::stoi(key.substr(0, 4)), month = std::stoi(key.substr(5, 2));
  return month == 12 ? month_key(year + 1, 1) : month_key(year, month + 1);
}

// ---------------------------------------------------------------------------------------
// The reference.
// ---------------------------------------------------------------------------------------

// Histogram edges as the header lists them: 0, 1, 2, 5, 10, 20, 50, 100, ... (well past 10^9).
const std::vector<int64_t>& ref_edges() {
  static const std::vector<int64_t> edges = [] {
    std::vector<int64_t> e = {0};
    for (int64_t scale = 1; scale <= 10'000'000'000; scale *= 10) {
      e.push_back(scale);
      e.push_back(2 * scale);
      e.push_back(5 * scale);
    }
    return e;
  }();
  return edges;
}

// The bin holding `views`: the last edge at or below it.
size_t ref_bin(int64_t views) {
  const auto& e = ref_edges();
  size_t bin = 0;
  while (bin + 1 < e.size() && e[bin + 1] <= views) ++bin;
  return bin;
}

// Whole days from publication to as_of, at least one.
int64_t ref_age(int64_t published_at, int64_t as_of) {
  return std::max<int64_t>(1, floor_div(as_of - published_at, kDay));
}

struct RefGroup {
  std::string name;
  int64_t articles = 0, views = 0;
};

// Views descending, then more articles, then name.
void ref_sort_groups(std::vector<RefGroup>& groups) {
  std::sort(groups.begin(), groups.end(), [](const RefGroup& a, const RefGroup& b) {
    return std::make_tuple(-a.views, -a.articles, a.name) < std::make_tuple(-b.views, -b.articles, b.name);
  });
}

struct Reference {
  int64_t articles = 0, views_total = 0;
  double median = 0, mean = 0, per_day = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> months;  // "YYYY-MM" -> articles, views
  std::vector<RefGroup> categories, authors;                  // sorted; authors cut to 10
  std::vector<int64_t> top_ids, top_download_ids;             // ids, best first
  std::vector<int64_t> histogram;                             // counts per bin, to the largest view's
  std::vector<int64_t> ages;                                  // per article, in row order
  std::vector<size_t> bins;                                   // per article, in row order
  int64_t with_attachments = 0, downloads = 0, with_downloads = 0, clicks = 0, with_clicks = 0;
};

Reference reference(const Board& board, std::span<const uint32_t> rows, int64_t as_of) {
  Reference r;
  std::vector<int64_t> views;
  std::map<std::string, RefGroup> categories, authors;
  struct Ranked {
    int64_t views, published_at, id, downloads;
  };
  std::vector<Ranked> ranked, downloaded;
  int64_t days = 0;
  for (const uint32_t row : rows) {
    const ArticleView a = board.article(row);
    ++r.articles;
    r.views_total += a.views;
    views.push_back(a.views);
    r.ages.push_back(ref_age(a.published_at, as_of));
    days += r.ages.back();
    auto& month = r.months[month_key(a.published_at)];
    ++month.first;
    month.second += a.views;
    for (auto* groups : {&categories, &authors}) {
      RefGroup& g = (*groups)[std::string(groups == &categories ? a.category : a.author)];
      g.name = groups == &categories ? a.category : a.author;
      ++g.articles;
      g.views += a.views;
    }
    r.bins.push_back(ref_bin(a.views));
    // Files and links: a count of -1 means the export did not say.
    r.with_attachments += board.attachments_of(row).empty() ? 0 : 1;
    int64_t article_downloads = -1, article_clicks = -1;
    for (const AttachmentRef& file : board.attachments_of(row))
      if (file.downloads >= 0) article_downloads = std::max<int64_t>(article_downloads, 0) + file.downloads;
    for (const LinkRef& link : board.links_of(row))
      if (link.clicks >= 0) article_clicks = std::max<int64_t>(article_clicks, 0) + link.clicks;
    if (article_downloads >= 0) {
      ++r.with_downloads;
      r.downloads += article_downloads;
      downloaded.push_back({a.views, a.published_at, a.id, article_downloads});
    }
    if (article_clicks >= 0) {
      ++r.with_clicks;
      r.clicks += article_clicks;
    }
    ranked.push_back({a.views, a.published_at, a.id, 0});
  }
  if (rows.empty()) return r;

  std::sort(views.begin(), views.end());
  const size_t n = views.size();
  r.median = n % 2 ? static_cast<double>(views[n / 2])
                   : (static_cast<double>(views[n / 2 - 1]) + static_cast<double>(views[n / 2])) / 2;
  r.mean = static_cast<double>(r.views_total) / static_cast<double>(n);
  r.per_day = static_cast<double>(r.views_total) / static_cast<double>(days);

  for (auto* groups : {&categories, &authors}) {
    std::vector<RefGroup>& out = groups == &categories ? r.categories : r.authors;
    for (const auto& [name, g] : *groups) out.push_back(g);
    ref_sort_groups(out);
  }
  if (r.authors.size() > 10) r.authors.resize(10);

  // Most viewed, newest first on ties (then the larger id, for a total order).
  const auto more_viewed = [](const Ranked& a, const Ranked& b) {
    return std::make_tuple(a.views, a.published_at, a.id) > std::make_tuple(b.views, b.published_at, b.id);
  };
  std::sort(ranked.begin(), ranked.end(), more_viewed);
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) r.top_ids.push_back(ranked[i].id);
  std::sort(downloaded.begin(), downloaded.end(), [&](const Ranked& a, const Ranked& b) {
    return a.downloads != b.downloads ? a.downloads > b.downloads : more_viewed(a, b);
  });
  for (size_t i = 0; i < downloaded.size() && i < 10; ++i) r.top_download_ids.push_back(downloaded[i].id);

  r.histogram.assign(ref_bin(views.back()) + 1, 0);
  for (const size_t bin : r.bins) ++r.histogram[bin];
  return r;
}

// Every figure of `a` against the reference for the same rows.
void check_against_reference(const Board& board, std::span<const uint32_t> rows, int64_t as_of, const Analytics& a) {
  const Reference r = reference(board, rows, as_of);
  INFO("rows: " << rows.size());

  // The figures.
  CHECK(a.as_of == as_of);
  CHECK(a.articles == r.articles);
  CHECK(a.views_total == r.views_total);
  CHECK(a.views_median == r.median);  // exact: a whole number or a half
  CHECK(a.views_mean == Approx(r.mean));
  CHECK(a.views_per_day == Approx(r.per_day));
  CHECK(a.with_attachments == r.with_attachments);
  CHECK(a.downloads_total == r.downloads);
  CHECK(a.articles_with_downloads == r.with_downloads);
  CHECK(a.link_clicks_total == r.clicks);
  CHECK(a.articles_with_clicks == r.with_clicks);

  // Months: contiguous from the first month with an article to the last, empty ones
  // present with zeros, each the reference's counts.
  REQUIRE_FALSE(a.months.empty());
  CHECK(month_key(a.months.front().year, a.months.front().month) == r.months.begin()->first);
  CHECK(month_key(a.months.back().year, a.months.back().month) == r.months.rbegin()->first);
  int64_t month_articles = 0, month_views = 0;
  for (size_t m = 0; m < a.months.size(); ++m) {
    const std::string key = month_key(a.months[m].year, a.months[m].month);
    INFO("month " << key);
    if (m > 0) CHECK(key == next_month(month_key(a.months[m - 1].year, a.months[m - 1].month)));
    const auto it = r.months.find(key);
    CHECK(a.months[m].articles == (it == r.months.end() ? 0 : it->second.first));
    CHECK(a.months[m].views == (it == r.months.end() ? 0 : it->second.second));
    month_articles += a.months[m].articles;
    month_views += a.months[m].views;
  }
  CHECK(month_articles == r.articles);
  CHECK(month_views == r.views_total);

  // Categories (all of them) and authors (the top 10), by views.
  const auto check_groups = [](const std::vector<Analytics::Group>& got, const std::vector<RefGroup>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      INFO("group " << i << ": " << want[i].name);
      CHECK(got[i].name == want[i].name);
      CHECK(got[i].articles == want[i].articles);
      CHECK(got[i].views == want[i].views);
    }
  };
  check_groups(a.categories, r.categories);
  check_groups(a.authors, r.authors);

  // The top 10 articles and the top 10 by downloads, as ids in order.
  std::vector<int64_t> top, top_downloads;
  for (const uint32_t row : a.top) top.push_back(board.id(row));
  for (const uint32_t row : a.top_downloads) top_downloads.push_back(board.id(row));
  CHECK(top == r.top_ids);
  CHECK(top_downloads == r.top_download_ids);

  // The histogram: the header's bins, up to the largest view count's, with its counts.
  REQUIRE(a.histogram.size() == r.histogram.size());
  for (size_t b = 0; b < a.histogram.size(); ++b) {
    INFO("bin " << b);
    CHECK(a.histogram[b].low == ref_edges()[b]);
    CHECK(a.histogram[b].high == ref_edges()[b + 1]);
    CHECK(a.histogram[b].articles == r.histogram[b]);
  }

  // Views against age: every article in exactly one cell, at its age's column and its
  // views' bin; the columns cover the oldest article and end with it.
  CHECK(a.age_step_days >= 1);
  REQUIRE(a.age_grid.size() == static_cast<size_t>(a.age_columns) * a.histogram.size());
  const int64_t max_age = *std::max_element(r.ages.begin(), r.ages.end());
  CHECK(max_age < a.age_columns * a.age_step_days);
  CHECK(max_age >= (a.age_columns - 1) * a.age_step_days);
  std::vector<int64_t> grid(a.age_grid.size(), 0);
  for (size_t i = 0; i < r.ages.size(); ++i) {
    const size_t column = static_cast<size_t>(r.ages[i] / a.age_step_days);
    if (column < static_cast<size_t>(a.age_columns)) ++grid[column * a.histogram.size() + r.bins[i]];
  }
  CHECK(a.age_grid == grid);
  int64_t cells = 0;
  for (const int64_t c : a.age_grid) cells += c;
  CHECK(cells == r.articles);
}

// ---------------------------------------------------------------------------------------
// Boards.
// ---------------------------------------------------------------------------------------

// The synthetic export (2000 articles) with every third article's author replaced by one
// of twelve reporters, so that there are more than ten authors to rank.
std::string synthetic_with_reporters() {
  std::string json = make_synthetic_export(2000, 42);
  constexpr std::string_view kKey = "\"author\": \"";
  size_t at = 0, seen = 0;
  while ((at = json.find(kKey, at)) != std::string::npos) {
    const size_t value = at + kKey.size(), end = json.find('"', value);
    if (seen % 3 == 0) json.replace(value, end - value, "기자" + std::to_string(1 + (seen / 3) % 12));
    ++seen;
    at = value;
  }
  return json;
}

// One AppState over that board, shared (each test case sets its own route first).
AppState& synthetic_app() {
  static const std::unique_ptr<AppState> app = [] {
    auto a = std::make_unique<AppState>();
    ImportResult imported = import_export(synthetic_with_reporters(), "synthetic");
    REQUIRE(imported.report.usable);
    REQUIRE(imported.board.size() == 2000);
    a->load(std::move(imported));
    return a;
  }();
  return *app;
}

// Four articles whose figures are worked out by hand (exported 2024-03-15 00:00 UTC):
//   id 11  보도자료 홍보팀  2023-12-01 05:00 Seoul (still November in UTC)  views 0
//          files: 10 downloads + one without a count; a link with 3 clicks;  age 105 days
//   id 12  보도자료 관리자  2023-12-20 10:00  views 150  a file with 0 downloads, a link
//          without a count; a title with a comma and quotes;                   age 85 days
//   id 13  행사소식 홍보팀  2024-02-29 10:00  views 7  links with 4 and 5 clicks;
//          a title that a spreadsheet would run as a formula;                 age 14 days
//   id 14  행사소식 관리자  2024-03-20 10:00, after the export                 views 150, age 1
// No article in January 2024.
constexpr const char* kHandExport = R"JSON({
  "format": "newsroom-export", "version": 1,
  "exported_at": "2024-03-15T09:00:00+09:00",
  "articles": [
    {"id": 11, "number": 1, "category": "보도자료", "author": "홍보팀", "title": "12월 첫 소식",
     "published_at": "2023-12-01T05:00:00+09:00", "views": 0,
     "attachments": [{"name": "a.pdf", "url": "attachments/11/a.pdf", "size": 100, "downloads": 10},
                     {"name": "b.hwp", "url": "attachments/11/b.hwp", "size": 200}],
     "links": [{"title": "기사", "url": "https://example.com/a", "clicks": 3}]},
    {"id": 12, "number": 2, "category": "보도자료", "author": "관리자", "title": "보도, \"인용\" 제목",
     "published_at": "2023-12-20T10:00:00+09:00", "views": 150,
     "attachments": [{"name": "c.pdf", "url": "attachments/12/c.pdf", "size": 300, "downloads": 0}],
     "links": [{"title": "기사", "url": "https://example.com/b"}]},
    {"id": 13, "number": 3, "category": "행사소식", "author": "홍보팀", "title": "=HYPERLINK(\"http://x\",\"클릭\")",
     "published_at": "2024-02-29T10:00:00+09:00", "views": 7,
     "links": [{"title": "하나", "url": "https://example.com/c", "clicks": 4},
               {"title": "둘", "url": "https://example.com/d", "clicks": 5}]},
    {"id": 14, "number": 4, "category": "행사소식", "author": "관리자", "title": "3월 행사 예고",
     "published_at": "2024-03-20T10:00:00+09:00", "views": 150}
  ]
})JSON";

constexpr int64_t kHandAsOf = 1710460800;  // 2024-03-15T00:00:00Z

std::unique_ptr<AppState> hand_app() {
  auto app = std::make_unique<AppState>();
  ImportResult imported = import_export(kHandExport, "hand.json");
  INFO((imported.report.problems.empty() ? std::string() : imported.report.problems[0].message));
  REQUIRE(imported.report.usable);
  REQUIRE(imported.board.size() == 4);
  app->load(std::move(imported));
  return app;
}

uint32_t row_of(const Board& board, int64_t id) {
  const auto row = board.find(id);
  REQUIRE(row);
  return *row;
}

std::vector<uint32_t> sorted(std::vector<uint32_t> rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

// The board's rows that pass `keep`, in board index order.
template <class Keep>
std::vector<uint32_t> rows_where(const Board& board, Keep keep) {
  std::vector<uint32_t> rows;
  for (uint32_t i = 0; i < board.size(); ++i)
    if (keep(board.article(i))) rows.push_back(i);
  return rows;
}

// A CSV text's lines (without their CRLF), the byte-order mark removed; empty when the
// text does not start with the mark or a line break is not CRLF.
std::vector<std::string> csv_lines(const std::string& csv) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (csv.compare(0, kBom.size(), kBom) != 0) return {};
  std::vector<std::string> lines;
  size_t start = kBom.size();
  while (start < csv.size()) {
    const size_t end = csv.find("\r\n", start);
    if (end == std::string::npos) return {};  // the last line has no CRLF
    lines.push_back(csv.substr(start, end - start));
    if (lines.back().find_first_of("\r\n") != std::string::npos) return {};  // a bare CR or LF
    start = end + 2;
  }
  return lines;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Figures against the reference.
// ---------------------------------------------------------------------------------------

TEST_CASE("analytics of every kind of result agree with the reference, figure by figure") {
  AppState& app = synthetic_app();
  const Board& board = app.board();
  REQUIRE(board.info.exported_at);
  CHECK(app.as_of() == *board.info.exported_at);

  // Filters, and what each keeps (written here; the text search is test_search's).
  const std::string author = "기자7";
  struct Case {
    std::string hash;
    std::function<bool(const ArticleView&)> keep;  // empty: not checked here
  };
  const std::vector<Case> cases = {
      {"#/analytics", [](const ArticleView&) { return true; }},
      {"#/analytics?cat=" + percent_encode("보도자료"), [](const ArticleView& a) { return a.category == "보도자료"; }},
      {"#/analytics?cat=" + percent_encode("행사소식"), [](const ArticleView& a) { return a.category == "행사소식"; }},
      {"#/analytics?from=2015&to=2015", [](const ArticleView& a) { return seoul_date(a.published_at).year == 2015; }},
      {"#/analytics?from=2019-11&to=2020-02",
       [](const ArticleView& a) {
         const std::string key = month_key(a.published_at);
         return key >= "2019-11" && key <= "2020-02";
       }},
      {"#/analytics?q=" + percent_encode("스마트팜"), {}},
      {"#/analytics?author=" + percent_encode(author), [&](const ArticleView& a) { return a.author == author; }},
      {"#/analytics?att=1", [&](const ArticleView& a) { return !board.attachments_of(a.index).empty(); }},
      {"#/analytics?views=100-1000", [](const ArticleView& a) { return a.views >= 100 && a.views < 1000; }},
      {"#/analytics?views=5000-", [](const ArticleView& a) { return a.views >= 5000; }},
      {"#/analytics?cat=" + percent_encode("공지사항") + "&att=1&views=10-500",
       [&](const ArticleView& a) {
         return a.category == "공지사항" && !board.attachments_of(a.index).empty() && a.views >= 10 && a.views < 500;
       }},
  };
  for (const Case& c : cases) {
    SECTION(c.hash) {
      app.apply_hash(c.hash);
      CHECK(app.route().view == Route::View::analytics);
      const std::vector<uint32_t>& rows = app.results();
      REQUIRE_FALSE(rows.empty());
      if (c.keep) {
        CHECK(sorted(rows) == rows_where(board, c.keep));
      } else {
        CHECK(rows.size() < board.size());
      }
      const Analytics& a = app.analytics();
      check_against_reference(board, rows, app.as_of(), a);
    }
  }
}

TEST_CASE("the synthetic board exercises what the reference checks: >10 authors, empty months, both medians") {
  AppState& app = synthetic_app();
  const Board& board = app.board();
  app.apply_hash("#/analytics");
  const Analytics& all = app.analytics();
  CHECK(all.authors.size() == 10);  // cut from 18
  CHECK(all.categories.size() == 5);
  CHECK(all.downloads_total > 0);     // the synthetic export counts downloads
  CHECK(all.link_clicks_total == 0);  // but not link clicks (the hand board below does)

  // A thin result has months with no article, shown as zeros.
  app.apply_hash("#/analytics?author=" + percent_encode("기자3") + "&cat=" + percent_encode("행사소식"));
  const Analytics& thin = app.analytics();
  CHECK(std::any_of(thin.months.begin(), thin.months.end(), [](const Analytics::Month& m) { return m.articles == 0; }));
  check_against_reference(board, app.results(), app.as_of(), thin);

  // Odd and even counts: the middle value, and the mean of the two middle values.
  app.apply_hash("#/analytics");
  const std::vector<uint32_t> rows = app.results();
  for (const size_t count : {size_t{1}, size_t{2}, size_t{101}, size_t{100}, size_t{1999}}) {
    const std::span<const uint32_t> some(rows.data(), count);
    const Analytics a = compute_analytics(board, some, app.as_of());
    check_against_reference(board, some, app.as_of(), a);
  }
}

TEST_CASE("a hand-made export gives the figures worked out on paper") {
  const auto owner = hand_app();
  AppState& app = *owner;
  const Board& board = app.board();
  CHECK(app.as_of() == kHandAsOf);
  app.apply_hash("#/analytics");
  const Analytics& a = app.analytics();
  check_against_reference(board, app.results(), kHandAsOf, a);

  CHECK(a.articles == 4);
  CHECK(a.views_total == 307);
  CHECK(a.views_median == 78.5);  // (7 + 150) / 2
  CHECK(a.views_mean == 76.75);
  CHECK(a.views_per_day == Approx(307.0 / (105 + 85 + 14 + 1)));
  CHECK(a.with_attachments == 2);
  CHECK(a.downloads_total == 10);
  CHECK(a.articles_with_downloads == 2);  // a count of 0 is a count
  CHECK(a.link_clicks_total == 12);
  CHECK(a.articles_with_clicks == 2);

  // Seoul months: id 11 is December in Seoul (November in UTC); January is empty.
  REQUIRE(a.months.size() == 4);
  const std::vector<std::tuple<int, int, int64_t, int64_t>> months = {
      {2023, 12, 2, 150}, {2024, 1, 0, 0}, {2024, 2, 1, 7}, {2024, 3, 1, 150}};
  for (size_t m = 0; m < 4; ++m) {
    CHECK(std::tie(a.months[m].year, a.months[m].month, a.months[m].articles, a.months[m].views) == months[m]);
  }

  REQUIRE(a.categories.size() == 2);
  CHECK(a.categories[0].name == "행사소식");
  CHECK(a.categories[0].views == 157);
  CHECK(a.categories[1].name == "보도자료");
  CHECK(a.categories[1].views == 150);
  REQUIRE(a.authors.size() == 2);
  CHECK(a.authors[0].name == "관리자");
  CHECK(a.authors[0].views == 300);
  CHECK(a.authors[1].name == "홍보팀");
  CHECK(a.authors[1].views == 7);

  // 150 views twice: the newer (id 14) first.
  std::vector<int64_t> top;
  for (const uint32_t row : a.top) top.push_back(board.id(row));
  CHECK(top == std::vector<int64_t>{14, 12, 13, 11});
  std::vector<int64_t> top_downloads;
  for (const uint32_t row : a.top_downloads) top_downloads.push_back(board.id(row));
  CHECK(top_downloads == std::vector<int64_t>{11, 12});

  // Bins to [100, 200): 0 → one, 7 → [5, 10), 150 twice → [100, 200).
  REQUIRE(a.histogram.size() == 8);
  CHECK(a.histogram.back().low == 100);
  CHECK(a.histogram.back().high == 200);
  std::vector<int64_t> counts;
  for (const auto& bin : a.histogram) counts.push_back(bin.articles);
  CHECK(counts == std::vector<int64_t>{1, 0, 0, 1, 0, 0, 0, 2});
}

TEST_CASE("an empty result gives zeros and empty charts, without crashing") {
  const auto owner = hand_app();
  AppState& app = *owner;
  const Analytics a = compute_analytics(app.board(), {}, kHandAsOf);
  CHECK(a.articles == 0);
  CHECK(a.views_total == 0);
  CHECK(a.views_median == 0);
  CHECK(a.views_mean == 0);
  CHECK(a.views_per_day == 0);
  CHECK(std::isfinite(a.views_per_day));
  CHECK(a.as_of == kHandAsOf);
  CHECK(a.with_attachments == 0);
  CHECK(a.downloads_total == 0);
  CHECK(a.link_clicks_total == 0);
  CHECK(a.months.empty());
  CHECK(a.categories.empty());
  CHECK(a.authors.empty());
  CHECK(a.top.empty());
  CHECK(a.top_downloads.empty());
  CHECK(a.histogram.empty());
  CHECK(a.age_grid.empty());

  // The same through the app: a search that finds nothing, and every table still a header.
  app.apply_hash("#/analytics?q=" + percent_encode("존재하지않는낱말"));
  REQUIRE(app.results().empty());
  CHECK(app.analytics().articles == 0);
  CHECK(app.analytics().months.empty());
  for (const std::string_view table : analytics_tables()) {
    INFO(table);
    const std::vector<std::string> lines =
        csv_lines(analytics_csv(app.board(), app.analytics(), app.trends(), app.results(), table));
    CHECK(lines.size() == (table == "figures" ? 10u : 1u));
  }

  // And an empty board.
  AppState empty;
  empty.load(import_export(make_synthetic_export(0, 1), "empty"));
  empty.apply_hash("#/analytics");
  CHECK(empty.analytics().articles == 0);
  CHECK(empty.analytics().histogram.empty());
}

TEST_CASE("a single article: its own views everywhere, one month, one cell") {
  const auto owner = hand_app();
  const Board& board = owner->board();
  const std::vector<uint32_t> rows = {row_of(board, 13)};
  const Analytics a = compute_analytics(board, rows, kHandAsOf);
  check_against_reference(board, rows, kHandAsOf, a);
  CHECK(a.articles == 1);
  CHECK(a.views_median == 7);
  CHECK(a.views_mean == 7);
  CHECK(a.views_per_day == Approx(7.0 / 14));  // 2024-02-29 10:00 Seoul to 2024-03-15 09:00 Seoul: 14 whole days
  REQUIRE(a.months.size() == 1);
  CHECK(a.months[0].year == 2024);
  CHECK(a.months[0].month == 2);
  CHECK(a.histogram.size() == 4);  // 0, 1, 2–4, 5–9
  CHECK(a.top == rows);
  CHECK(a.link_clicks_total == 9);
  CHECK(a.articles_with_clicks == 1);
  CHECK(a.with_attachments == 0);
  CHECK(a.top_downloads.empty());
}

TEST_CASE("an article published after the export's date counts as one day old") {
  const auto owner = hand_app();
  const Board& board = owner->board();
  const std::vector<uint32_t> rows = {row_of(board, 14)};  // 5 days after as_of
  const Analytics a = compute_analytics(board, rows, kHandAsOf);
  check_against_reference(board, rows, kHandAsOf, a);
  CHECK(a.views_per_day == 150.0);
  // Counted to a date before it by a year: still one day, never negative.
  const Analytics early = compute_analytics(board, rows, kHandAsOf - 365 * kDay);
  CHECK(early.views_per_day == 150.0);
  int64_t cells = 0;
  for (const int64_t c : early.age_grid) cells += c;
  CHECK(cells == 1);
}

TEST_CASE("view bins: 0, then 1–1, 2–4, 5–9 in every decade") {
  const std::vector<std::pair<int64_t, size_t>> edges = {
      {0, 0},  {1, 1},  {2, 2},  {4, 2},   {5, 3},   {9, 3},   {10, 4},    {19, 4},           {20, 5},
      {49, 5}, {50, 6}, {99, 6}, {100, 7}, {199, 7}, {999, 9}, {1000, 10}, {999'999'999, 27}, {1'000'000'000, 28}};
  for (const auto& [views, bin] : edges) {
    INFO("views " << views);
    CHECK(view_bin_of(views) == bin);
    CHECK(view_bin_of(views) == ref_bin(views));
  }
  const std::vector<Analytics::Bin> bins = view_bins(1'000'000'000);
  REQUIRE(bins.size() == 29);
  for (size_t b = 0; b < bins.size(); ++b) {
    INFO("bin " << b);
    CHECK(bins[b].low == ref_edges()[b]);
    CHECK(bins[b].high == ref_edges()[b + 1]);
    CHECK(bins[b].articles == 0);
    // Each bin holds its lower bound and not its upper one.
    CHECK(view_bin_of(bins[b].low) == b);
    CHECK(view_bin_of(bins[b].high) == b + 1);
    CHECK(view_bin_of(bins[b].high - 1) == b);
  }
  CHECK(view_bins(0).size() == 1);
  CHECK(view_bins(150).size() == 8);
}

// ---------------------------------------------------------------------------------------
// Route.
// ---------------------------------------------------------------------------------------

TEST_CASE("the analytics route carries the analysed result's filters through the hash") {
  const Route route = parse_hash("#/analytics?cat=보도자료&views=100-1000");
  CHECK(route.view == Route::View::analytics);
  CHECK(route.list.categories == std::vector<std::string>{"보도자료"});
  CHECK(route.list.views_min == 100);
  CHECK(route.list.views_max == 1000);
  const std::string hash = format_hash(route);
  CHECK(hash.rfind("#/analytics?", 0) == 0);
  CHECK(hash.find("views=100-1000") != std::string::npos);
  CHECK(hash.find("cat=" + percent_encode("보도자료")) != std::string::npos);
  CHECK(parse_hash(hash) == route);
  CHECK(format_hash(parse_hash(hash)) == hash);

  // Open-ended, and zero as the lower bound.
  const Route open = parse_hash("#/analytics?views=1000-");
  CHECK(open.list.views_min == 1000);
  CHECK_FALSE(open.list.views_max);
  CHECK(format_hash(open) == "#/analytics?views=1000-");
  CHECK(parse_hash(format_hash(open)) == open);
  CHECK(parse_hash("#/?views=0-10").list.views_min == 0);
  CHECK(format_hash(parse_hash("#/?views=0-10")) == "#/?views=0-10");

  // The analytics alone; the list keeps its own hash.
  CHECK(parse_hash("#/analytics").view == Route::View::analytics);
  CHECK(parse_hash("#/analytics").list == ListView{});
  CHECK(format_hash(parse_hash("#/analytics")) == "#/analytics");
  CHECK(parse_hash("#/analyticsx").view == Route::View::list);
  CHECK(parse_hash("#/?views=100-1000").view == Route::View::list);
  CHECK(route_name(Route::View::analytics) == std::string_view("analytics"));
  CHECK(route_name(Route::View::list) == std::string_view("list"));
}

TEST_CASE("a views parameter that is not a range is ignored, the rest of the link kept") {
  for (const char* value : {"abc", "-5-3", "10-5", "7-7", "5", "", "-", "1-2-3", "x-10", "10-x", "1.5-3", "-10"}) {
    INFO("views=" << value);
    const Route route = parse_hash(std::string("#/analytics?views=") + value + "&cat=" + percent_encode("보도자료"));
    CHECK(route.view == Route::View::analytics);
    CHECK_FALSE(route.list.views_min);
    CHECK_FALSE(route.list.views_max);
    CHECK(route.list.categories == std::vector<std::string>{"보도자료"});
    CHECK(format_hash(route).find("views") == std::string::npos);
  }
}

// ---------------------------------------------------------------------------------------
// Search and AppState.
// ---------------------------------------------------------------------------------------

TEST_CASE("the views filter keeps exactly min <= views < max") {
  AppState& app = synthetic_app();
  const Board& board = app.board();
  // A count some articles have exactly (the median), to put on both edges.
  std::vector<int64_t> all_views;
  for (uint32_t i = 0; i < board.size(); ++i) all_views.push_back(board.views(i));
  std::sort(all_views.begin(), all_views.end());
  const int64_t v = all_views[all_views.size() / 2];
  REQUIRE(v > 0);
  const std::vector<std::pair<std::optional<int64_t>, std::optional<int64_t>>> ranges = {
      {100, 1000}, {v, v + 1}, {0, v}, {v, std::nullopt}, {0, 1}, {1'000'000'000, std::nullopt}};
  for (const auto& range : ranges) {
    const std::optional<int64_t> low = range.first, high = range.second;  // clang 14 cannot capture bindings
    INFO("views " << *low << "-" << (high ? std::to_string(*high) : ""));
    const auto keep = [&](const ArticleView& a) { return a.views >= *low && (!high || a.views < *high); };
    // Straight through the index...
    Query q;
    q.views_min = low;
    q.views_max = high;
    const SearchResult direct = app.index()->run(q);
    CHECK(sorted(direct.rows) == rows_where(board, keep));
    // ...and through a link to the list, whose facets count the same articles.
    app.apply_hash("#/?views=" + std::to_string(*low) + "-" + (high ? std::to_string(*high) : ""));
    CHECK(sorted(app.results()) == rows_where(board, keep));
    int64_t per_category = 0;
    for (const auto count : app.search().per_category) per_category += count;
    CHECK(per_category == static_cast<int64_t>(app.results().size()));
  }
  // The edges themselves: [v, v+1) is exactly the articles with v views, and [0, v) has none.
  app.apply_hash("#/?views=" + std::to_string(v) + "-" + std::to_string(v + 1));
  REQUIRE_FALSE(app.results().empty());
  for (const uint32_t row : app.results()) CHECK(board.views(row) == v);
  app.apply_hash("#/?views=0-" + std::to_string(v));
  for (const uint32_t row : app.results()) CHECK(board.views(row) < v);
}

TEST_CASE("filtering on the analytics view stays on it; the list then shows the same result") {
  AppState& app = synthetic_app();
  const Board& board = app.board();
  app.apply_hash("#/analytics?views=100-1000");
  // The analysis's filters became the list's.
  CHECK(app.route().view == Route::View::analytics);
  CHECK(app.list().views_min == 100);
  CHECK(app.list().views_max == 1000);
  const auto in_range = [](const ArticleView& a) { return a.views >= 100 && a.views < 1000; };
  CHECK(sorted(app.results()) == rows_where(board, in_range));
  CHECK(app.analytics().articles == static_cast<int64_t>(rows_where(board, in_range).size()));

  // One category: still the analytics, its link and figures follow.
  CHECK(app.set_category("사업안내"));
  CHECK(app.route().view == Route::View::analytics);
  CHECK(app.hash().rfind("#/analytics?", 0) == 0);
  CHECK(app.hash().find("cat=" + percent_encode("사업안내")) != std::string::npos);
  CHECK(app.hash().find("views=100-1000") != std::string::npos);
  const auto both = [&](const ArticleView& a) { return in_range(a) && a.category == "사업안내"; };
  const std::vector<uint32_t> expected = rows_where(board, both);
  CHECK(sorted(app.results()) == expected);
  CHECK(app.analytics().articles == static_cast<int64_t>(expected.size()));
  REQUIRE(app.analytics().categories.size() == 1);
  CHECK(app.analytics().categories[0].name == "사업안내");
  check_against_reference(board, app.results(), app.as_of(), app.analytics());

  // Search text and period too.
  CHECK(app.set_period("2018", "2020"));
  CHECK(app.route().view == Route::View::analytics);
  const auto period = [&](const ArticleView& a) {
    const int year = seoul_date(a.published_at).year;
    return both(a) && year >= 2018 && year <= 2020;
  };
  CHECK(sorted(app.results()) == rows_where(board, period));
  check_against_reference(board, app.results(), app.as_of(), app.analytics());
  CHECK(app.set_search_text("국제교류"));
  CHECK(app.route().view == Route::View::analytics);
  CHECK(app.analytics().articles == static_cast<int64_t>(app.results().size()));
  CHECK(app.results().size() < rows_where(board, period).size());
  CHECK(app.set_search_text(""));

  // Back to the list: the same filters, the same result.
  const std::vector<uint32_t> analysed = app.results();
  CHECK(app.back_to_list());
  CHECK(app.route().view == Route::View::list);
  CHECK(app.hash().rfind("#/?", 0) == 0);
  CHECK(app.list().categories == std::vector<std::string>{"사업안내"});
  CHECK(app.list().views_min == 100);
  CHECK(app.list().from == "2018");
  CHECK(app.results() == analysed);

  // Every category again, still analysing.
  app.apply_hash("#/analytics?cat=" + percent_encode("사업안내"));
  CHECK(app.set_category(""));
  CHECK(app.route().view == Route::View::analytics);
  CHECK(app.analytics().articles == 2000);
  CHECK(app.analytics().categories.size() == 5);
}

TEST_CASE("an analytics link that arrives before the data is honoured once the data is in") {
  AppState app;
  app.apply_hash("#/analytics?cat=" + percent_encode("보도자료") + "&views=100-");
  app.load(import_export(kHandExport, "hand.json"));
  CHECK(app.route().view == Route::View::analytics);
  const Analytics& a = app.analytics();
  CHECK(a.articles == 1);  // id 12 only (id 11 has 0 views)
  REQUIRE(a.top.size() == 1);
  CHECK(app.board().id(a.top[0]) == 12);
  CHECK(a.as_of == kHandAsOf);
}

TEST_CASE("ages are counted to the export's date, or to the newest article without one") {
  const auto dated = hand_app();
  CHECK(dated->as_of() == kHandAsOf);
  CHECK(dated->analytics().as_of == kHandAsOf);

  std::string undated = kHandExport;
  const std::string line = "\"exported_at\": \"2024-03-15T09:00:00+09:00\",";
  REQUIRE(undated.find(line) != std::string::npos);
  undated.erase(undated.find(line), line.size());
  AppState app;
  app.load(import_export(undated, "undated.json"));
  REQUIRE(app.board().size() == 4);
  const int64_t newest = kHandAsOf + 5 * kDay + 3600;  // id 14, 2024-03-20 10:00 Seoul
  CHECK(app.as_of() == newest);
  app.apply_hash("#/analytics");
  check_against_reference(app.board(), app.results(), newest, app.analytics());
}

// An empty board still has a date: without it the figures CSV said "기준 시각 1970-01-01
// 09:00", or kept the previous board's date after a reload.
TEST_CASE("an empty export that has a date counts to that date", "[analytics]") {
  constexpr const char* kEmptyDated =
      R"({"format": "newsroom-export", "version": 1, "exported_at": "2024-03-15T09:00:00+09:00", "articles": []})";
  AppState app;
  app.load(import_export(kEmptyDated, "empty.json"));
  REQUIRE(app.report().usable);
  CHECK(app.as_of() == kHandAsOf);
  const auto reloaded = hand_app();
  reloaded->load(import_export(
      R"({"format": "newsroom-export", "version": 1, "exported_at": "2020-01-01T09:00:00+09:00", "articles": []})",
      "e.json"));
  CHECK(reloaded->as_of() == 1577836800);  // 2020-01-01T00:00:00Z, not the previous board's date
}

// ---------------------------------------------------------------------------------------
// CSV.
// ---------------------------------------------------------------------------------------

TEST_CASE("csv cells are quoted as RFC 4180 says and guarded against formulas") {
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("보도자료") == "보도자료");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("two\r\nlines") == "\"two\r\nlines\"");
  // Formulas: an apostrophe first, then quoting as usual.
  CHECK(csv_cell("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csv_cell("+1") == "'+1");
  CHECK(csv_cell("@x") == "'@x");
  CHECK(csv_cell("-A1+2") == "'-A1+2");
  CHECK(csv_cell("=1,2") == "\"'=1,2\"");
  CHECK(csv_cell("=HYPERLINK(\"u\")") == "\"'=HYPERLINK(\"\"u\"\")\"");
  // Negative numbers are numbers.
  CHECK(csv_cell("-5") == "-5");
  CHECK(csv_cell("-1.25") == "-1.25");
  // Only the first character counts.
  CHECK(csv_cell("a=b") == "a=b");
  CHECK(csv_cell("1+1") == "1+1");
}

TEST_CASE("csv tables: a byte-order mark, CRLF, and the analytics' own numbers") {
  const auto owner = hand_app();
  AppState& app = *owner;
  const Board& board = app.board();
  app.apply_hash("#/analytics");
  const Analytics& a = app.analytics();
  const std::vector<uint32_t>& rows = app.results();

  for (const std::string_view table : analytics_tables()) {
    INFO(table);
    const std::string csv = analytics_csv(board, a, Trends{}, rows, table);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("\xEF\xBB\xBF", 3) == std::string::npos);
    CHECK(csv.size() >= 2);
    CHECK(csv.compare(csv.size() - 2, 2, "\r\n") == 0);
    CHECK(csv_lines(csv).size() >= 1);
  }
  CHECK(analytics_csv(board, a, Trends{}, rows, "nope").empty());
  CHECK(analytics_csv(board, a, Trends{}, rows, "").empty());
  CHECK(analytics_csv(board, a, Trends{}, rows, "Months").empty());

  // The months, zero month included, as the paper says.
  CHECK(csv_lines(analytics_csv(board, a, Trends{}, rows, "months")) ==
        std::vector<std::string>{"월,게시물,조회", "2023-12,2,150", "2024-01,0,0", "2024-02,1,7", "2024-03,1,150"});
  CHECK(csv_lines(analytics_csv(board, a, Trends{}, rows, "figures")) ==
        std::vector<std::string>{"항목,값", "게시물,4", "총 조회,307", "조회 중앙값,78.50", "조회 평균,76.75",
                                 "하루 평균 조회,1.50", "첨부파일 있는 글,2", "다운로드,10", "링크 클릭,12",
                                 "기준 시각,2024-03-15 09:00"});
  CHECK(csv_lines(analytics_csv(board, a, Trends{}, rows, "categories")) ==
        std::vector<std::string>{"분류,게시물,조회", "행사소식,2,157", "보도자료,2,150"});
  CHECK(csv_lines(analytics_csv(board, a, Trends{}, rows, "views")).size() == 1 + a.histogram.size());

  // Every article of the result, newest first as the list shows them; the quoted title
  // and the formula-looking one survive as text.
  const std::vector<std::string> articles = csv_lines(analytics_csv(board, a, Trends{}, rows, "articles"));
  CHECK(articles == std::vector<std::string>{
                        "id,번호,분류,제목,작성자,등록일,조회,다운로드,링크 클릭",
                        "14,4,행사소식,3월 행사 예고,관리자,2024-03-20 10:00,150,0,0",
                        "13,3,행사소식,\"'=HYPERLINK(\"\"http://x\"\",\"\"클릭\"\")\",홍보팀,2024-02-29 10:00,7,0,9",
                        "12,2,보도자료,\"보도, \"\"인용\"\" 제목\",관리자,2023-12-20 10:00,150,0,0",
                        "11,1,보도자료,12월 첫 소식,홍보팀,2023-12-01 05:00,0,10,3"});
}

TEST_CASE("csv of a large result: one article line per row, months equal to the analytics'") {
  AppState& app = synthetic_app();
  const Board& board = app.board();
  app.apply_hash("#/analytics?cat=" + percent_encode("보도자료"));
  const Analytics& a = app.analytics();
  const std::vector<uint32_t>& rows = app.results();

  const std::vector<std::string> articles = csv_lines(analytics_csv(board, a, Trends{}, rows, "articles"));
  REQUIRE(articles.size() == rows.size() + 1);
  for (size_t i = 0; i < rows.size(); ++i) {
    // The first cell is the id, in the result's order.
    CHECK(articles[i + 1].substr(0, articles[i + 1].find(',')) == std::to_string(board.id(rows[i])));
  }

  // The months table against the reference's months (zero months filled in by us).
  const Reference r = reference(board, rows, app.as_of());
  std::vector<std::string> expected = {"월,게시물,조회"};
  for (std::string key = r.months.begin()->first;; key = next_month(key)) {
    const auto it = r.months.find(key);
    expected.push_back(key + "," + std::to_string(it == r.months.end() ? 0 : it->second.first) + "," +
                       std::to_string(it == r.months.end() ? 0 : it->second.second));
    if (key == r.months.rbegin()->first) break;
  }
  CHECK(csv_lines(analytics_csv(board, a, Trends{}, rows, "months")) == expected);

  // The top table: the reference's top 10 ids.
  const std::vector<std::string> top = csv_lines(analytics_csv(board, a, Trends{}, rows, "top"));
  REQUIRE(top.size() == 11);
  for (size_t i = 0; i < 10; ++i) CHECK(top[i + 1].substr(0, top[i + 1].find(',')) == std::to_string(r.top_ids[i]));
}

// Trends across a manifest's dated exports, recomputed here from the snapshots' own numbers.
TEST_CASE("dated exports in a manifest become snapshots: gains between them, rising articles, jumps", "[analytics]") {
  const auto export_at = [](const char* when, std::initializer_list<std::pair<int, int>> views) {
    std::string json = std::string(R"({"exported_at":")") + when + R"(","articles":[)";
    bool first = true;
    for (const auto& [id, v] : views) {
      if (!first) json += ',';
      json += R"({"id":)";
      json += std::to_string(id);
      json += R"(,"title":"글 )";
      json += std::to_string(id);
      json += R"(","published_at":"2023-01-0)";
      json += std::to_string(id % 9 + 1);
      json += R"( 10:00","views":)";
      json += std::to_string(v);
      json += '}';
      first = false;
    }
    return json + "]}";
  };
  // Ten quiet articles gaining 3-12 views a month, one that leaps, one whose count went down.
  const std::string jan = export_at(
      "2024-01-01 09:00",
      {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}, {6, 60}, {7, 70}, {8, 80}, {9, 90}, {10, 100}, {11, 500}});
  const std::string feb = export_at(
      "2024-02-01 09:00",
      {{1, 13}, {2, 24}, {3, 35}, {4, 46}, {5, 57}, {6, 68}, {7, 79}, {8, 90}, {9, 101}, {10, 112}, {11, 490}});
  const std::string mar = export_at("2024-03-02 09:00", {{1, 16},
                                                         {2, 28},
                                                         {3, 40},
                                                         {4, 52},
                                                         {5, 64},
                                                         {6, 76},
                                                         {7, 88},
                                                         {8, 100},
                                                         {9, 112},
                                                         {10, 5112},
                                                         {11, 480},
                                                         {12, 7}});
  // Listed out of order, the snapshots are still ordered by their dates.
  const ImportResult shuffled =
      import_parts({{"2024-03.json", mar, ""}, {"2024-01.json", jan, ""}, {"2024-02.json", feb, ""}}, "m.json");
  REQUIRE(shuffled.snapshots.size() == 3);
  CHECK(shuffled.snapshots[0].file == "2024-01.json");
  CHECK(shuffled.snapshots[2].file == "2024-03.json");

  ImportResult result = import_parts({{"2024-01.json", jan, ""}, {"2024-02.json", feb, ""}, {"2024-03.json", mar, ""}},
                                     "data/manifest.json");
  REQUIRE(result.report.usable);
  CHECK(result.board.views(*result.board.find(10)) == 5112);  // the later file wins
  CHECK(result.board.size() == 12);
  // Per newer snapshot: the first 10 replaced articles named, then one summary line.
  CHECK(result.report.problems.size() == 2 * 11);
  CHECK(result.report.problems[10].message.find("1 more article") != std::string::npos);

  AppState app;
  app.load(std::move(result));
  app.apply_hash("#/analytics");
  const Trends& t = app.trends();
  REQUIRE(t.dates.size() == 3);
  // Gains per interval, summed by hand over the articles present in both exports.
  int64_t jan_feb = 0, feb_mar = 0;
  const int jan_v[] = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 500},
            feb_v[] = {13, 24, 35, 46, 57, 68, 79, 90, 101, 112, 490},
            mar_v[] = {16, 28, 40, 52, 64, 76, 88, 100, 112, 5112, 480};
  for (int i = 0; i < 11; ++i) {
    jan_feb += feb_v[i] - jan_v[i];
    feb_mar += mar_v[i] - feb_v[i];
  }
  CHECK(t.gains == std::vector<int64_t>{jan_feb, feb_mar});
  REQUIRE_FALSE(t.rising.empty());
  CHECK(app.board().id(t.rising[0].row) == 10);
  CHECK(t.rising[0].gain == 5000);
  CHECK(t.rising[0].per_day == Approx(5000.0 / 30.0));
  REQUIRE(t.jumps.size() == 1);
  CHECK(t.jumps[0].id == 10);
  REQUIRE(t.down.size() == 1);
  CHECK(t.down[0].id == 11);

  // Filtered to one article, the gains are that article's.
  app.apply_hash("#/analytics?q=" + percent_encode("글 3"));
  CHECK(app.trends().gains == std::vector<int64_t>{5, 5});

  // A single export, or undated ones, give no trends.
  AppState single;
  single.load(import_parts({{"a.json", jan, ""}}, "m.json"));
  CHECK(single.trends().dates.empty());
}
