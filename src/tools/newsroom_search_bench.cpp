// newsroom-search-bench: how fast the query engine answers (issue 4). It generates the
// synthetic export in memory (make_synthetic_export(N, seed), 100k articles by default),
// imports it, builds the SearchIndex (time, bytes it holds, ratio to the title + body
// text), then runs a fixed query mix — 1–4 syllable Korean terms from the generator's
// vocabulary, 초성, Latin, several terms, quoted phrases, exclusions; every field; with
// and without category and date filters — and reports p50 / p95 / max per query class.
// Then the time to change only the sort, for every SortOrder, and the same mix answered
// by a naive full scan (fold_case + find over every article, then std::sort), whose
// match sets must agree with the engine's.
//
//   newsroom-search-bench [--articles N] [--seed S] [--runs K] [--naive-every K]
//                         [--text realistic|high-entropy]
//
// Each query is timed cold (the engine keeps only the last query's matches, and the mix
// never repeats a query back to back); a query's time is the median of --runs runs.
// Index memory is also measured independently: this program replaces the global
// operator new/delete and counts live heap bytes (tools/heap_accounting), as newsroom-bench does.

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics.h"
#include "core/dates.h"
#include "core/search.h"
#include "core/text.h"
#include "io/importer.h"
#include "tools/heap_accounting.h"
#include "tools/naive_search.h"
#include "tools/synthetic_export.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>
#include <emscripten/em_macros.h>
#endif

#ifdef __EMSCRIPTEN__
// clang-format off
EM_JS(void, js_runtime, (char* out, int capacity), { stringToUTF8('Node ' + process.version, out, capacity); });
// clang-format on
#endif

namespace {

using newsroom::Board;
using newsroom::Query;
using newsroom::SearchField;
using newsroom::SearchIndex;
using newsroom::SortOrder;

double now_ms() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

std::string fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Seoul calendar periods as [from, to) in UTC seconds.
int64_t seoul_instant(int year, int month, int day) {
  return newsroom::days_from_civil(year, month, day) * 86400 - newsroom::kSeoulOffsetSeconds;
}

struct Spec {
  std::string kind;  // the class the report groups by
  Query query;
};

const char* field_name(SearchField field) {
  switch (field) {
    case SearchField::title_body: return "title_body";
    case SearchField::title: return "title";
    case SearchField::body: return "body";
    case SearchField::author: return "author";
  }
  return "?";
}

const char* sort_name(SortOrder sort) {
  switch (sort) {
    case SortOrder::relevance: return "relevance";
    case SortOrder::newest: return "newest";
    case SortOrder::oldest: return "oldest";
    case SortOrder::most_viewed: return "most_viewed";
    case SortOrder::least_viewed: return "least_viewed";
    case SortOrder::title: return "title";
    case SortOrder::number: return "number";
  }
  return "?";
}

// The fixed mix. Words come from the synthetic generator's vocabulary (organizations,
// countries, topics, events, people, title endings), so every class has hits of very
// different frequency: from 진흥원 (most articles) to 타지키스탄 (few).
std::vector<Spec> query_mix(const Board& board) {
  const auto category = [&board](std::string_view name) -> uint16_t {
    const auto& names = board.category_names();
    const auto it = std::find(names.begin(), names.end(), name);
    return static_cast<uint16_t>(it == names.end() ? names.size() : it - names.begin());
  };
  const std::vector<std::pair<std::string, std::vector<std::string>>> classes = {
      {"ko-1", {"전", "국", "협", "몽", "캄", "청", "축", "팜", "쿼", "냐"}},
      {"ko-2", {"전북", "몽골", "협약", "세미", "청년", "수출", "한지", "케냐", "네팔", "공모"}},
      {"ko-3", {"진흥원", "베트남", "협약식", "세미나", "간담회", "스마트", "카자흐", "유학생", "새만금", "타지키"}},
      {"ko-4",
       {"국제교류", "카자흐스", "스마트팜", "업무협약", "우즈베키", "공공외교", "탄소중립", "해외봉사", "전북특별",
        "아디스아"}},
      {"choseong",
       {"ㅋㅈㅎ", "ㅈㅂㄱㅈ", "ㄱㅈㄱㄹ", "ㅅㅁㅌㅍ", "ㅂㅌㄴ", "ㅈㅎㅇ", "ㅇㅈㅂㅋㅅㅌ", "ㄱ", "ㅎㅈ", "ㅅㅁㄱ"}},
      {"latin", {"ODA", "oda", "ICT", "esg", "K-푸드", "SDGs", "mou", "k-컬처", "ODA 청년", "Esg"}},
      {"multi",
       {"전북 베트남", "진흥원 협약식 청년", "몽골 울란바토르 교류", "ODA 청년 서포터즈", "스마트팜 베트남",
        "외국인 유학생 한국어", "새만금 투자", "청년 해외 인턴십", "공공외교 도민", "수출 상담회 바이어"}},
      {"phrase",
       {"\"국제교류 업무협약\"", "\"전북 세계로\"", "\"우리 동네 외교관\"", "\"참가자 모집\"",
        "\"베트남 타이빈성\" 농업", "\"지구촌 한마당\"", "\"업무협약 체결\"", "\"성황리 마무리\"", "\"청년 해외봉사\"",
        "\"개최 안내\""}},
      {"exclude",
       {"베트남 -하노이", "진흥원 -협약", "세미나 -온라인", "청년 -창업", "몽골 -울란바토르", "ODA -청년",
        "협약식 -전주시", "교류 -일본 -중국", "스마트팜 -베트남", "모집 -\"참가자 모집\""}},
  };
  const uint16_t press = category("보도자료"), notice = category("공지사항"), exchange = category("교류소식");
  std::vector<Spec> mix;
  // Each word four ways: plain; one category; a year in the title; two categories and a
  // month, body or title+body in turn. Sorts vary so every walk is exercised.
  const SortOrder sorts[] = {SortOrder::relevance, SortOrder::newest, SortOrder::most_viewed, SortOrder::title};
  size_t turn = 0;
  for (const auto& [kind, words] : classes) {
    for (const std::string& word : words) {
      for (int variant = 0; variant < 4; ++variant, ++turn) {
        Spec spec;
        spec.kind = kind;
        Query& q = spec.query;
        q.text = word;
        q.sort = sorts[turn % 4];
        switch (variant) {
          case 0: break;
          case 1:
            spec.kind += " +cat";
            q.categories = {press};
            break;
          case 2:
            spec.kind += " +year";
            q.field = kind == "choseong" ? SearchField::title_body : SearchField::title;
            q.from = seoul_instant(2015 + static_cast<int>(turn % 9), 1, 1);
            q.to = seoul_instant(2016 + static_cast<int>(turn % 9), 1, 1);
            break;
          default:
            spec.kind += " +cat+month";
            q.field = turn % 2 ? SearchField::body : SearchField::title_body;
            q.categories = {notice, exchange};
            q.from = seoul_instant(2020, 1 + static_cast<int>(turn % 12), 1);
            q.to =
                turn % 12 == 11 ? seoul_instant(2021, 1, 1) : seoul_instant(2020, 2 + static_cast<int>(turn % 12), 1);
            break;
        }
        mix.push_back(std::move(spec));
      }
    }
  }
  // The author field (글쓴이), and filters with no text.
  for (const char* name : {"홍보", "관리자", "국제", "팀", "ㄱㄹㅈ"}) {
    Spec spec{"author", {}};
    spec.query.text = name;
    spec.query.field = SearchField::author;
    mix.push_back(spec);
  }
  for (int i = 0; i < 5; ++i) {
    Spec spec{"no text", {}};
    Query& q = spec.query;
    q.sort = sorts[i % 4];
    if (i >= 1) q.categories = {static_cast<uint16_t>(i % 5)};
    if (i >= 2) q.from = seoul_instant(2012 + i, 1, 1), q.to = seoul_instant(2013 + i, 1, 1);
    if (i == 3) q.with_attachments = true;
    if (i == 4) q.author = "관리자", q.categories.clear();
    mix.push_back(spec);
  }
  // A tag's list (a tag clicked under an article): the most used tag, a middling one and a
  // rare one; and the most used with search text.
  const newsroom::TagTable tags(board);
  std::vector<std::pair<uint32_t, uint32_t>> used(tags.size());  // articles, tag
  for (uint32_t t = 0; t < tags.size(); ++t) used[t].second = t;
  for (uint32_t doc = 0; doc < board.size(); ++doc)
    for (const uint32_t t : tags.of(doc)) ++used[t].first;
  std::sort(used.rbegin(), used.rend());
  if (!used.empty()) {
    for (const size_t at : {size_t{0}, used.size() / 2, used.size() - 1}) {
      Spec spec{"tag", {}};
      spec.query.tag = tags.name(used[at].second);
      mix.push_back(spec);
    }
    Spec spec{"tag", {}};
    spec.query.tag = tags.name(used[0].second);
    spec.query.text = "전북";
    mix.push_back(spec);
  }
  return mix;
}

struct Options {
  size_t articles = 100000;
  uint64_t seed = 1;
  int runs = 3;
  int naive_every = 1;  // every query also by the naive scan; 0: none
  bool verbose = false;
  bool high_entropy = false;  // --text high-entropy: make_high_entropy_export
};

bool parse_number(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string_view::npos) return false;
  out = std::strtoull(std::string(text).c_str(), nullptr, 10);
  return true;
}

constexpr const char* kUsage =
    "usage: newsroom-search-bench [--articles N] [--seed S] [--runs K] [--naive-every K] [--verbose]\n"
    "                             [--text realistic|high-entropy]\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "newsroom-search-bench: %s\n%s", message.c_str(), kUsage);
  return 2;
}

struct Stats {
  std::vector<double> ms;
};

void print_stats_row(const std::string& label, const std::vector<double>& ms, size_t queries,
                     const std::string& extra) {
  std::printf("  %-22s %7zu %9s %9s %9s%s\n", label.c_str(), queries, fixed(percentile(ms, 50), 3).c_str(),
              fixed(percentile(ms, 95), 3).c_str(),
              fixed(ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()), 3).c_str(), extra.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
    uint64_t number = 0;
    if (arg == "--articles") {
      if (!parse_number(value, number) || number == 0 || number > 2'000'000)
        return usage("--articles needs 1 to 2,000,000");
      options.articles = static_cast<size_t>(number);
      ++i;
    } else if (arg == "--seed") {
      if (!parse_number(value, number)) return usage("--seed needs a whole number");
      options.seed = number;
      ++i;
    } else if (arg == "--runs") {
      if (!parse_number(value, number) || number == 0 || number > 50) return usage("--runs needs 1 to 50");
      options.runs = static_cast<int>(number);
      ++i;
    } else if (arg == "--naive-every") {
      if (!parse_number(value, number) || number > 1000) return usage("--naive-every needs 0 (no naive scan) to 1000");
      options.naive_every = static_cast<int>(number);
      ++i;
    } else if (arg == "--text") {
      if (value != "realistic" && value != "high-entropy") return usage("--text is realistic or high-entropy");
      options.high_entropy = value == "high-entropy";
      ++i;
    } else if (arg == "--verbose") {
      options.verbose = true;
    } else if (arg == "--help" || arg == "-h") {
      std::printf("%s", kUsage);
      return 0;
    } else {
      return usage("unknown argument " + std::string(arg));
    }
  }

#ifdef __EMSCRIPTEN__
  char runtime[64] = "";
  js_runtime(runtime, sizeof runtime);
  const std::string platform = std::string("wasm under ") + runtime;
#else
  const std::string platform = "native";
#endif
  std::printf("newsroom-search-bench: %s | %zu synthetic articles (%s text), seed %" PRIu64
              " | times in ms, median of %d runs per query\n",
              platform.c_str(), options.articles, options.high_entropy ? "high-entropy" : "realistic", options.seed,
              options.runs);
  std::fflush(stdout);

  double start = now_ms();
  newsroom::ImportResult imported;
  {
    const std::string bytes = options.high_entropy ? newsroom::make_high_entropy_export(options.articles, options.seed)
                                                   : newsroom::make_synthetic_export(options.articles, options.seed);
    const double generated = now_ms();
    imported = newsroom::import_export(bytes, "synthetic");
    std::printf("export: %.1f MB generated in %.0f ms, imported in %.0f ms: %zu articles\n",
                static_cast<double>(bytes.size()) / 1e6, generated - start, now_ms() - generated,
                imported.board.size());
    // The page's import: slices of 256 kB between clock checks, then the board is built.
    std::vector<double> slices;
    newsroom::ImportJob job(bytes, "synthetic");
    double total = 0;
    for (bool done = false; !done;) {
      const double t = now_ms();
      done = job.step(256 << 10);
      slices.push_back(now_ms() - t);
      total += slices.back();
    }
    const double t = now_ms();
    const newsroom::ImportResult sliced = std::move(job).finish();
    const double finish = now_ms() - t;
    std::sort(slices.begin(), slices.end());
    std::printf(
        "import in slices (as the page does it): %zu slices of 256 kB, %.0f ms in all; slice p50 %.1f ms, max %.1f ms; "
        "building the board at the end %.0f ms\n",
        slices.size(), total, slices[slices.size() / 2], slices.back(), finish);
  }
  const Board& board = imported.board;
  if (!imported.report.usable || board.size() != options.articles) {
    std::fprintf(stderr, "newsroom-search-bench: the import did not load every generated article\n");
    return 1;
  }

  // The index: build time, bytes it reports, and the heap it really holds.
  const size_t live_before = newsroom::bench::live_heap_bytes();
  newsroom::bench::reset_heap_peak();
  start = now_ms();
  const SearchIndex index(board);
  const double build_ms = now_ms() - start;
  const size_t held = newsroom::bench::live_heap_bytes() - live_before,
               build_peak = newsroom::bench::peak_heap_bytes() - live_before;
  const size_t text = index.text_bytes(), reported = index.memory_bytes();
  std::printf(
      "index: built in %.0f ms; holds %.1f MB (memory_bytes %.1f MB; build peak %.1f MB) for %.1f MB of titles + "
      "bodies:"
      " index/text = %.3f (goal < 0.5)\n\n",
      build_ms, static_cast<double>(held) / 1e6, static_cast<double>(reported) / 1e6,
      static_cast<double>(build_peak) / 1e6, static_cast<double>(text) / 1e6,
      static_cast<double>(held) / static_cast<double>(std::max<size_t>(text, 1)));
  std::fflush(stdout);

  const std::vector<Spec> mix = query_mix(board);
  {
    // The page's index: built in slices of 128 kB of text; the whole steps are the
    // columns (constructor), the orders and the gram tables between the passes.
    double t = now_ms();
    SearchIndex sliced(board, SearchIndex::InSlices{});
    const double columns = now_ms() - t;
    std::vector<std::pair<double, double>> steps;  // ms, progress before the step
    double total = columns;
    // Searches while it builds: the query mix once, as soon as search text can run (the
    // orders and the titles' 초성 built), read in the text in steps of 128 kB as the page does.
    std::vector<double> early, early_steps;
    size_t early_scanned = 0;
    double early_at = -1, early_progress = 0;
    for (bool done = false; !done;) {
      const double before = sliced.progress();
      t = now_ms();
      done = sliced.build(128 << 10);
      steps.emplace_back(now_ms() - t, before);
      total += steps.back().first;
      if (!done && early_at < 0 && sliced.can_run(Query{.text = "가"})) {
        early_at = total;
        early_progress = sliced.progress();
        for (const Spec& spec : mix) {
          double spent = 0;
          sliced.start(spec.query);
          for (std::optional<newsroom::SearchResult> result; !result;) {
            const double q0 = now_ms();
            result = sliced.step(128 << 10);
            early_steps.push_back(now_ms() - q0);
            spent += early_steps.back();
            if (result) early_scanned += result->scanned;
          }
          early.push_back(spent);
        }
      }
    }
    if (!early.empty()) {
      std::printf(
          "searching while the index builds (from %.0f ms into it, %.0f%% built): %zu queries of the mix, %zu read in "
          "the text; per query p50 %.1f ms, p95 %.1f ms, max %.1f ms; per step of 128 kB p95 %.1f ms, max %.1f ms\n",
          early_at, 100 * early_progress, early.size(), early_scanned, percentile(early, 50), percentile(early, 95),
          *std::max_element(early.begin(), early.end()), percentile(early_steps, 95),
          *std::max_element(early_steps.begin(), early_steps.end()));
    }
    double orders = 0;  // the steps before any postings: newest, most viewed, by title
    for (const auto& [ms, before] : steps) orders += before == 0 ? ms : 0;
    std::vector<std::pair<double, double>> sorted = steps;
    std::sort(sorted.begin(), sorted.end());
    const auto longest = [&](size_t k) { return sorted[sorted.size() - 1 - k]; };
    std::printf(
        "index in slices (as the page builds it): %zu steps, %.0f ms in all; columns %.0f ms, orders %.0f ms "
        "in %d steps, step p50 %.1f ms; the 3 longest %.0f ms (at %.0f%%), %.0f ms (at %.0f%%), %.0f ms (at "
        "%.0f%%)\n\n",
        steps.size(), total, columns, orders,
        static_cast<int>(std::count_if(steps.begin(), steps.end(), [](const auto& s) { return s.second == 0; })),
        sorted[sorted.size() / 2].first, longest(0).first, 100 * longest(0).second, longest(1).first,
        100 * longest(1).second, longest(2).first, 100 * longest(2).second);
    std::fflush(stdout);
  }

  // The query mix, cold: consecutive queries always differ.
  std::vector<std::vector<double>> runs(mix.size());
  std::vector<size_t> hits(mix.size());
  for (int run = 0; run < options.runs; ++run) {
    for (size_t i = 0; i < mix.size(); ++i) {
      start = now_ms();
      const newsroom::SearchResult result = index.run(mix[i].query);
      runs[i].push_back(now_ms() - start);
      hits[i] = result.rows.size();
    }
  }
  std::vector<double> per_query(mix.size());
  std::map<std::string, std::vector<double>> by_kind, by_class;
  std::map<std::string, size_t> hits_by_class;
  for (size_t i = 0; i < mix.size(); ++i) {
    per_query[i] = percentile(runs[i], 50);
    by_kind[mix[i].kind].push_back(per_query[i]);
    const std::string base = mix[i].kind.substr(0, mix[i].kind.find(' '));
    by_class[base].push_back(per_query[i]);
    hits_by_class[base] += hits[i];
  }
  if (options.verbose) {
    for (size_t i = 0; i < mix.size(); ++i)
      std::printf("  %9s ms %7zu rows  %-14s %-10s %s\n", fixed(per_query[i], 3).c_str(), hits[i], mix[i].kind.c_str(),
                  field_name(mix[i].query.field), mix[i].query.text.c_str());
  }
  std::printf("queries (SearchIndex::run, cold)        count       p50       p95       max\n");
  for (const auto& [kind, ms] : by_class)
    print_stats_row(kind, ms, ms.size(), "   avg rows " + std::to_string(hits_by_class[kind] / ms.size()));
  std::printf("  by filter variant:\n");
  for (const auto& [kind, ms] : by_kind)
    if (kind.find(' ') != std::string::npos) print_stats_row(kind, ms, ms.size(), "");
  print_stats_row("ALL", per_query, per_query.size(), "");
  const double p95 = percentile(per_query, 95);
  std::printf("goal: p95 %.3f ms < 5 ms: %s\n\n", p95, p95 < 5 ? "met" : "NOT met");
  std::fflush(stdout);

  // Changing only the sort: the matches are kept, the permutation walked.
  std::printf("sort change (same query, another order)   ");
  const SortOrder all_sorts[] = {SortOrder::relevance,    SortOrder::newest, SortOrder::oldest, SortOrder::most_viewed,
                                 SortOrder::least_viewed, SortOrder::title,  SortOrder::number};
  for (const SortOrder sort : all_sorts) std::printf(" %12s", sort_name(sort));
  std::printf("\n");
  double worst_sort = 0;
  for (const char* text_query : {"", "진흥원", "ㅋㅈㅎ", "\"업무협약 체결\""}) {
    Query q;
    q.text = text_query;
    q.sort = SortOrder::number;
    const size_t rows = index.run(q).rows.size();
    std::printf("  %-20s %7zu rows", *text_query ? text_query : "(empty query)", rows);
    for (const SortOrder sort : all_sorts) {
      q.sort = sort;
      std::vector<double> ms;
      for (int run = 0; run < std::max(options.runs, 3); ++run) {
        start = now_ms();
        const newsroom::SearchResult result = index.run(q);
        ms.push_back(now_ms() - start);
      }
      const double median = percentile(ms, 50);
      worst_sort = std::max(worst_sort, median);
      std::printf(" %12s", fixed(median, 3).c_str());
    }
    std::printf("\n");
  }
  std::printf("goal: every sort change < 1 ms: %s (worst %.3f ms)\n\n", worst_sort < 1 ? "met" : "NOT met", worst_sort);
  std::fflush(stdout);

  // The analytics view (issue 6): everything recomputed for a result, the whole board
  // being the largest.
  std::printf("analytics (compute_analytics: figures, months, categories, top 10, histogram, age grid, authors)\n");
  double worst_analytics = 0;
  const int64_t as_of = board.info.exported_at.value_or(0);
  start = now_ms();
  const newsroom::AnalyticsColumns columns(board);
  std::printf("  per-board columns (Seoul months, author ids, download and click sums) built once in %.1f ms\n",
              now_ms() - start);
  for (const char* text_query : {"", "진흥원", "ㅋㅈㅎ"}) {
    Query q;
    q.text = text_query;
    const std::vector<uint32_t> rows = index.run(q).rows;
    std::vector<double> ms;
    int64_t checksum = 0;
    for (int run = 0; run < std::max(options.runs, 5); ++run) {
      start = now_ms();
      const newsroom::Analytics a = newsroom::compute_analytics(board, columns, rows, as_of);
      ms.push_back(now_ms() - start);
      checksum += a.views_total + static_cast<int64_t>(a.months.size());
    }
    const double median = percentile(ms, 50);
    worst_analytics = std::max(worst_analytics, median);
    std::printf("  %-20s %7zu rows  p50 %8s ms  max %8s ms  (checksum %" PRId64 ")\n",
                *text_query ? text_query : "(whole board)", rows.size(), fixed(median, 3).c_str(),
                fixed(*std::max_element(ms.begin(), ms.end()), 3).c_str(), checksum);
  }
  std::printf("goal: recomputing everything < 10 ms: %s (worst median %.3f ms)\n\n",
              worst_analytics < 10 ? "met" : "NOT met", worst_analytics);
  std::fflush(stdout);

  // The naive full scan, on the same queries, and whether it agrees with the engine.
  if (options.naive_every > 0) {
    std::vector<double> naive_ms, engine_ms;
    size_t agree = 0, compared = 0;
    for (size_t i = 0; i < mix.size(); i += static_cast<size_t>(options.naive_every)) {
      start = now_ms();
      const std::vector<uint32_t> expected = newsroom::bench::naive_scan(board, mix[i].query);
      naive_ms.push_back(now_ms() - start);
      engine_ms.push_back(per_query[i]);
      Query q = mix[i].query;
      q.sort = SortOrder::newest;
      std::vector<uint32_t> got = index.run(q).rows;
      // The pinned rule lifts pinned notices to the top when nothing is searched.
      std::vector<uint32_t> sorted_got = got, sorted_expected = expected;
      std::sort(sorted_got.begin(), sorted_got.end());
      std::sort(sorted_expected.begin(), sorted_expected.end());
      ++compared;
      if (sorted_got == sorted_expected) {
        ++agree;
      } else {
        std::printf("  DISAGREE: %s [%s, %s]: engine %zu rows, naive %zu rows\n", mix[i].query.text.c_str(),
                    mix[i].kind.c_str(), field_name(mix[i].query.field), got.size(), expected.size());
      }
    }
    std::printf("naive full scan (fold_case + find + std::sort)  count       p50       p95       max\n");
    print_stats_row("naive", naive_ms, naive_ms.size(), "");
    print_stats_row("engine, same queries", engine_ms, engine_ms.size(), "");
    std::printf("gain: p50 %.0fx, p95 %.0fx; match sets agree on %zu of %zu queries\n",
                percentile(naive_ms, 50) / std::max(percentile(engine_ms, 50), 1e-6),
                percentile(naive_ms, 95) / std::max(percentile(engine_ms, 95), 1e-6), agree, compared);
    if (agree != compared) return 1;
  }
  return 0;
}
