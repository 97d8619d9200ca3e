#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/board_diff.h"
#include "io/importer.h"

using namespace newsroom;

namespace {

std::string export_at(const std::string& exported_at, const std::string& articles) {
  std::string head = R"({"format":"newsroom-export","version":1,)";
  if (!exported_at.empty()) head += R"("exported_at":")" + exported_at + R"(",)";
  return head + R"("articles":[)" + articles + "]}";
}

// One article record; `extra` is spliced in as more fields (starting with a comma).
std::string article(int64_t id, int64_t views, const std::string& extra = "") {
  return R"({"id":)" + std::to_string(id) + R"(,"title":"기사 )" + std::to_string(id) +
         R"(","published_at":"2024-01-02 10:00","views":)" + std::to_string(views) + extra + "}";
}

// `count` articles with ids 1..count; article i has previous_views(i) views.
template <typename Views>
std::string articles(int64_t count, Views views_of) {
  std::string out;
  for (int64_t id = 1; id <= count; ++id) {
    if (!out.empty()) out += ',';
    out += article(id, views_of(id));
  }
  return out;
}

Board load(const std::string& json) {
  ImportResult result = import_export(json, "test.json");
  REQUIRE(result.report.usable);
  REQUIRE(result.report.problems.empty());
  return std::move(result.board);
}

std::vector<int64_t> ids_of(const std::vector<ViewChange>& changes) {
  std::vector<int64_t> ids;
  for (const ViewChange& c : changes) ids.push_back(c.id);
  return ids;
}

}  // namespace

TEST_CASE("diff: added, removed and edited articles, with the fields that changed") {
  const Board previous =
      load(export_at("2024-03-08T09:00:00+09:00",
                     article(1, 10) + "," + article(2, 20) + "," +
                         article(3, 30, R"(,"body":"본문","category":"공지사항","author":"관리자")") + "," +
                         article(4, 40, R"(,"attachments":["a.pdf"])") + "," + article(5, 50) + "," + article(6, 60)));
  const Board current =
      load(export_at("2024-03-15T09:00:00+09:00",
                     // 1 unchanged but read; 2 retitled; 3 body, category and author; 4 one more attachment,
                     // pinned and re-dated; 5 removed; 6 unchanged; 7 and 8 added (out of id order).
                     article(8, 1) + "," + article(1, 15) + "," +
                         R"J({"id":2,"title":"기사 2 (수정)","published_at":"2024-01-02 10:00","views":22},)J" +
                         article(3, 31, R"(,"body":"고친 본문","category":"보도자료","author":"홍보팀")") + "," +
                         R"({"id":4,"title":"기사 4","published_at":"2024-01-03 10:00","views":40,"pinned":true,)"
                         R"("attachments":["a.pdf","b.pdf"]},)" +
                         article(6, 60) + "," + article(7, 2)));

  const BoardDiff diff = diff_boards(previous, current);
  CHECK(diff.added == std::vector<int64_t>{7, 8});
  CHECK(diff.removed == std::vector<int64_t>{5});
  REQUIRE(diff.edited.size() == 3);
  CHECK(diff.edited[0].id == 2);
  CHECK(diff.edited[0].fields == std::vector<std::string_view>{"title"});
  CHECK(diff.edited[1].id == 3);
  CHECK(diff.edited[1].fields == std::vector<std::string_view>{"body", "category", "author"});
  CHECK(diff.edited[2].id == 4);
  CHECK(diff.edited[2].fields == std::vector<std::string_view>{"published_at", "pinned", "attachments"});

  CHECK(diff.common == 5);
  REQUIRE(diff.views.size() == 5);
  CHECK(ids_of(diff.views) == std::vector<int64_t>{1, 2, 3, 4, 6});
  CHECK(diff.views[0].before == 10);
  CHECK(diff.views[0].after == 15);
  CHECK(diff.views[0].gain == 5);
  CHECK(diff.views[1].gain == 2);
  CHECK(diff.views[2].gain == 1);
  CHECK(diff.views[3].gain == 0);
  CHECK(diff.views[4].gain == 0);
  CHECK(diff.views_before == 210);
  CHECK(diff.views_after == 171);
  CHECK(diff.view_gain == 8);
  CHECK(diff.views_down.empty());
  CHECK(diff.jumps.empty());

  REQUIRE(diff.elapsed_seconds);
  CHECK(*diff.elapsed_seconds == 7 * 86400);
  REQUIRE(diff.views_per_day());
  CHECK(*diff.views_per_day() == Approx(8.0 / 7.0));
}

TEST_CASE("diff: identical exports change nothing") {
  const std::string json = export_at("2024-03-15T09:00:00+09:00", articles(30, [](int64_t id) { return id * 3; }));
  const BoardDiff diff = diff_boards(load(json), load(json));
  CHECK(diff.added.empty());
  CHECK(diff.removed.empty());
  CHECK(diff.edited.empty());
  CHECK(diff.common == 30);
  CHECK(diff.view_gain == 0);
  CHECK(diff.views_down.empty());
  CHECK(diff.jumps.empty());
  REQUIRE(diff.elapsed_seconds);
  CHECK(*diff.elapsed_seconds == 0);
  CHECK_FALSE(diff.views_per_day());  // no time passed: no rate
}

TEST_CASE("diff: one article jumping from 100 to 50,000 views is flagged, nothing else is") {
  // 40 articles gaining 8 to 12 views; article 17 goes from 100 to 50,000.
  const auto before = [](int64_t id) -> int64_t { return id == 17 ? 100 : 200 + id; };
  const auto after = [](int64_t id) -> int64_t { return id == 17 ? 50000 : 200 + id + 8 + id % 5; };
  const BoardDiff diff =
      diff_boards(load(export_at("", articles(40, before))), load(export_at("", articles(40, after))));
  REQUIRE(diff.jumps.size() == 1);
  CHECK(diff.jumps[0].id == 17);
  CHECK(diff.jumps[0].before == 100);
  CHECK(diff.jumps[0].after == 50000);
  CHECK(diff.jumps[0].gain == 49900);
  CHECK(diff.rest_gain == 12);
  CHECK(diff.median_gain == 10);
  CHECK(diff.views_down.empty());
  CHECK_FALSE(diff.elapsed_seconds);  // neither export says when it was made
  CHECK_FALSE(diff.views_per_day());
}

TEST_CASE("diff: up to three simultaneous jumps are all flagged, largest first") {
  const auto before = [](int64_t id) -> int64_t { return id * 10; };
  const auto after = [](int64_t id) -> int64_t {
    if (id == 5) return 50 + 30000;
    if (id == 9) return 90 + 45000;
    return id * 10 + 10;
  };
  const BoardDiff diff =
      diff_boards(load(export_at("", articles(25, before))), load(export_at("", articles(25, after))));
  CHECK(ids_of(diff.jumps) == std::vector<int64_t>{9, 5});
}

TEST_CASE("diff: uniform large gains are not jumps") {
  SECTION("every article gains thousands") {
    const auto before = [](int64_t id) -> int64_t { return 1000 + id; };
    const auto after = [](int64_t id) -> int64_t { return 1000 + id + 5000 + (id * 37) % 900; };
    const BoardDiff diff =
        diff_boards(load(export_at("", articles(50, before))), load(export_at("", articles(50, after))));
    CHECK(diff.jumps.empty());
    CHECK(diff.view_gain > 250000);
  }
  SECTION("a handful of new articles read a lot while the old ones sleep") {
    const auto before = [](int64_t id) -> int64_t { return id; };
    const auto after = [](int64_t id) -> int64_t { return id > 44 ? id + 600 + id * 3 : id + id % 2; };
    const BoardDiff diff =
        diff_boards(load(export_at("", articles(50, before))), load(export_at("", articles(50, after))));
    CHECK(diff.jumps.empty());
  }
  SECTION("a relatively large gain under the floor on a quiet board") {
    const auto before = [](int64_t id) -> int64_t { return id; };
    const auto after = [](int64_t id) -> int64_t { return id == 3 ? 3 + 450 : id + 1; };
    const BoardDiff diff =
        diff_boards(load(export_at("", articles(20, before))), load(export_at("", articles(20, after))));
    CHECK(diff.jumps.empty());
  }
}

TEST_CASE("diff: views going down are listed") {
  const auto before = [](int64_t id) -> int64_t { return 100 * id; };
  const auto after = [](int64_t id) -> int64_t {
    if (id == 4) return 0;    // reset
    if (id == 7) return 650;  // 700 -> 650
    return 100 * id + 3;
  };
  const BoardDiff diff =
      diff_boards(load(export_at("", articles(10, before))), load(export_at("", articles(10, after))));
  REQUIRE(diff.views_down.size() == 2);
  CHECK(diff.views_down[0].id == 4);
  CHECK(diff.views_down[0].before == 400);
  CHECK(diff.views_down[0].after == 0);
  CHECK(diff.views_down[0].gain == -400);
  CHECK(diff.views_down[1].id == 7);
  CHECK(diff.views_down[1].gain == -50);
  CHECK(diff.view_gain == 8 * 3 - 400 - 50);
  CHECK(diff.jumps.empty());
}

TEST_CASE("diff: boards with nothing in common") {
  const BoardDiff diff =
      diff_boards(load(export_at("", article(1, 5) + "," + article(2, 9999))), load(export_at("", article(3, 7))));
  CHECK(diff.added == std::vector<int64_t>{3});
  CHECK(diff.removed == std::vector<int64_t>{1, 2});
  CHECK(diff.common == 0);
  CHECK(diff.views.empty());
  CHECK(diff.jumps.empty());
  CHECK(diff.views_before == 10004);
  CHECK(diff.views_after == 7);
}
