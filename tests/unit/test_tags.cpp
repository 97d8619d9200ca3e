// Tags: an export's tags become a filter (#/?tag=), facet counts, the article's chips and an
// analytics grouping. Every expected count is made here from the export's own records, over
// tags the project did not write: random syllables over the whole Hangul block, hanja, hex
// and base64, with case and repeats that only an exact comparison tells apart.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/route.h"
#include "app/state_json.h"
#include "core/analytics.h"
#include "core/search.h"
#include "core/text.h"
#include "io/importer.h"
#include "test_support.h"

using namespace newsroom;

namespace {

using test::Rng;

// A pool of tags of every kind an export may carry.
std::vector<std::string> tag_pool(Rng& rng) {
  std::vector<std::string> pool;
  const auto pick = [&](uint32_t low, uint32_t high) { return low + rng.below(high - low + 1); };
  for (int i = 0; i < 12; ++i) {  // syllables over the whole Hangul block
    std::string tag;
    for (uint32_t k = 0, n = pick(1, 4); k < n; ++k) append_utf8(tag, pick(0xAC00, 0xD7A3));
    pool.push_back(tag);
  }
  for (int i = 0; i < 6; ++i) {  // hanja (CJK unified ideographs: NFC as they are)
    std::string tag;
    for (uint32_t k = 0, n = pick(1, 3); k < n; ++k) append_utf8(tag, pick(0x4E00, 0x9FFF));
    pool.push_back(tag);
  }
  const char* hex = "0123456789abcdef";
  const char* base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int i = 0; i < 6; ++i) {
    std::string h, b;
    for (uint32_t k = 0, n = pick(4, 12); k < n; ++k) h += hex[pick(0, 15)];
    for (uint32_t k = 0, n = pick(4, 16); k < n; ++k) b += base64[pick(0, 63)];
    pool.push_back(h);
    pool.push_back(b + "==");
  }
  // Tags that differ only in case, or by a space: distinct tags.
  pool.insert(pool.end(), {"B2B", "b2b", "C++", "국제 교류", "국제교류", "#해시"});
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  return pool;
}

struct Record {
  int64_t id = 0, views = 0;
  std::string category;
  bool pinned = false;
  std::vector<std::string> tags;  // as exported (repeats included)
  bool has(const std::string& tag) const { return std::find(tags.begin(), tags.end(), tag) != tags.end(); }
};

struct Sample {
  std::vector<std::string> pool;
  std::vector<Record> records;
  std::string json;
};

Sample make_sample(uint64_t seed, int count) {
  Rng rng(seed);
  Sample s;
  s.pool = tag_pool(rng);
  const std::vector<std::string> categories = {"보도자료", "교류소식", "공지사항"};
  nlohmann::json articles = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    Record r;
    r.id = 1000 + i;
    r.views = rng.below(5001);
    r.category = categories[static_cast<size_t>(i) % categories.size()];
    r.pinned = i % 37 == 0;
    for (uint32_t k = rng.below(5); k > 0; --k) r.tags.push_back(rng.pick(s.pool));
    if (i % 11 == 0 && !r.tags.empty()) r.tags.push_back(r.tags.front());  // listed twice: one tag
    char date[40];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02dT10:00:00+09:00", 18 + i % 7, 1 + i % 12, 1 + i % 28);
    articles.push_back({{"id", r.id},
                        {"number", r.pinned ? 0 : i + 1},
                        {"category", r.category},
                        {"title", "글 " + std::to_string(i)},
                        {"author", "홍보팀"},
                        {"published_at", date},
                        {"views", r.views},
                        {"pinned", r.pinned},
                        {"tags", r.tags}});
    s.records.push_back(std::move(r));
  }
  s.json = nlohmann::json{{"exported_at", "2025-01-01T09:00:00+09:00"}, {"articles", articles}}.dump();
  return s;
}

std::unique_ptr<AppState> loaded(const Sample& s) {
  auto app = std::make_unique<AppState>();
  app->load(import_export(s.json, "tags.json"));
  REQUIRE(app->has_board());
  while (app->indexing()) app->continue_indexing(1 << 20);
  return app;
}

std::set<int64_t> ids_of(const AppState& app) {
  std::set<int64_t> ids;
  for (const uint32_t row : app.results()) ids.insert(app.board().id(row));
  return ids;
}

}  // namespace

TEST_CASE("a tag lists exactly the articles that carry it, with each tag's count under the query", "[tags]") {
  const Sample s = make_sample(GENERATE(uint64_t{7}, uint64_t{20261206}), 600);
  auto owner = loaded(s);
  AppState& app = *owner;
  REQUIRE(app.tags().size() > 0);
  size_t tags_seen = 0;
  for (const std::string& tag : s.pool) {
    std::set<int64_t> expected;
    for (const Record& r : s.records)
      if (r.has(tag)) expected.insert(r.id);
    Route route;
    route.list.tag = tag;
    app.navigate(route);
    INFO("tag " << tag);
    CHECK(ids_of(app) == expected);
    CHECK(app.search().pinned_on_top == 0);  // a tag's list is not topped by the notices
    // The facet of every tag counts the whole board's articles with it: the tag filter is lifted.
    const auto found = app.tags().find(tag);
    REQUIRE(found.has_value() == !expected.empty());
    if (found) {
      CHECK(app.search().per_tag.at(*found) == expected.size());
      ++tags_seen;
    }
  }
  CHECK(tags_seen == app.tags().size());

  // Under a category filter, per tag: that category's articles with the tag; the categories'
  // own counts are those of the tag.
  const std::string tag = s.records[1].tags.empty() ? s.records[2].tags.at(0) : s.records[1].tags.at(0);
  Route route;
  route.list.tag = tag;
  route.list.categories = {"교류소식"};
  app.navigate(route);
  std::map<std::string, uint32_t> per_tag;
  std::map<std::string, uint32_t> per_category;
  std::set<int64_t> expected;
  for (const Record& r : s.records) {
    if (r.category == "교류소식") {
      for (const std::string& t : std::set<std::string>(r.tags.begin(), r.tags.end())) ++per_tag[t];
      if (r.has(tag)) expected.insert(r.id);
    }
    if (r.has(tag)) ++per_category[r.category];
  }
  CHECK(ids_of(app) == expected);
  for (uint32_t t = 0; t < app.tags().size(); ++t) {
    INFO("tag " << app.tags().name(t));
    CHECK(app.search().per_tag[t] == per_tag[app.tags().name(t)]);
  }
  const auto& names = app.board().category_names();
  for (size_t c = 0; c < names.size(); ++c) CHECK(app.search().per_category[c] == per_category[names[c]]);
}

TEST_CASE("a tag no article has lists nothing, and other filters combine with a tag", "[tags]") {
  const Sample s = make_sample(11u, 300);
  auto owner = loaded(s);
  AppState& app = *owner;
  Route route;
  route.list.tag = "없는태그";
  app.navigate(route);
  CHECK(app.results().empty());
  // Case matters: "b2b" is not "B2B".
  route.list.tag = "B2B";
  app.navigate(route);
  for (const uint32_t row : app.results()) {
    const auto tags = app.tags().of(row);
    CHECK(std::any_of(tags.begin(), tags.end(), [&](uint32_t t) { return app.tags().name(t) == "B2B"; }));
  }
  // A tag and a view range.
  const std::string tag = s.pool[3];
  route.list.tag = tag;
  route.list.views_min = 1000;
  route.list.views_max = 3000;
  app.navigate(route);
  std::set<int64_t> expected;
  for (const Record& r : s.records)
    if (r.has(tag) && r.views >= 1000 && r.views < 3000) expected.insert(r.id);
  CHECK(ids_of(app) == expected);
}

TEST_CASE("a tag rides in the list's address and comes back from it", "[tags][route]") {
  for (const std::string tag : {"B2B", "C++", "국제 교류", "#해시", "a&b=c", "中國"}) {
    Route route;
    route.list.tag = tag;
    const std::string hash = format_hash(route);
    INFO(hash);
    CHECK(hash.find("tag=") != std::string::npos);
    CHECK(parse_hash(hash) == route);
  }
  CHECK(parse_hash("#/?tag=%EC%B1%84%EC%9A%A9&page=2").list.tag == "채용");
  CHECK(parse_hash("#/analytics?tag=B2B").list.tag == "B2B");
}

TEST_CASE("a tag under an article lists that tag's articles on their own", "[tags]") {
  const Sample s = make_sample(5u, 200);
  auto owner = loaded(s);
  AppState& app = *owner;
  app.set_search_text("글");
  app.set_category("보도자료");
  const Record* tagged = nullptr;
  for (const Record& r : s.records)
    if (r.tags.size() >= 2) tagged = &r;
  REQUIRE(tagged);
  REQUIRE(app.open(tagged->id));
  const auto state = nlohmann::json::parse(state_json(app, FrameFacts{}));
  std::vector<std::string> unique;  // the export's order, a repeat once
  for (const std::string& t : tagged->tags)
    if (std::find(unique.begin(), unique.end(), t) == unique.end()) unique.push_back(t);
  CHECK(state["article"]["tags"].get<std::vector<std::string>>() == unique);

  const std::string tag = unique.back();
  CHECK(app.show_tag(tag));
  CHECK(app.route().view == Route::View::list);
  CHECK(app.list().q.empty());
  CHECK(app.list().categories.empty());
  CHECK(app.hash() == "#/?tag=" + percent_encode(tag));
  size_t expected = 0;
  for (const Record& r : s.records) expected += r.has(tag);
  const auto list = nlohmann::json::parse(state_json(app, FrameFacts{}));
  CHECK(list["filters"]["tag"] == tag);
  CHECK(list["results"]["total"] == expected);
  CHECK(list["facets"]["tags"][tag] == expected);
  CHECK(app.set_tag(""));
  CHECK(app.results().size() == s.records.size());
}

TEST_CASE("the analysis groups views by tag: the ten tags with the most views", "[tags][analytics]") {
  const Sample s = make_sample(3u, 500);
  std::map<std::string, std::pair<int64_t, int64_t>> totals;  // views, articles
  for (const Record& r : s.records) {
    for (const std::string& t : std::set<std::string>(r.tags.begin(), r.tags.end())) {
      totals[t].first += r.views;
      ++totals[t].second;
    }
  }
  std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> ranked(totals.begin(), totals.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    if (x.second.first != y.second.first) return x.second.first > y.second.first;
    if (x.second.second != y.second.second) return x.second.second > y.second.second;
    return x.first < y.first;
  });
  const ImportResult imported = import_export(s.json, "tags.json");
  std::vector<uint32_t> rows(imported.board.size());
  for (uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  const Analytics a = compute_analytics(imported.board, rows, 0);
  REQUIRE(a.tags.size() == std::min<size_t>(10, ranked.size()));
  for (size_t i = 0; i < a.tags.size(); ++i) {
    INFO(i);
    CHECK(a.tags[i].name == ranked[i].first);
    CHECK(a.tags[i].views == ranked[i].second.first);
    CHECK(a.tags[i].articles == ranked[i].second.second);
  }
  // A board without tags has no such chart.
  const Analytics none = compute_analytics(imported.board, std::vector<uint32_t>{}, 0);
  CHECK(none.tags.empty());
}
