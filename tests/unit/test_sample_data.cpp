// The sample export shipped in data/ is what a newcomer sees first: it must load cleanly
// and carry the seed post the way the original board shows it.
#include <catch2/catch.hpp>

#include <set>

#include "app/app_state.h"
#include "core/dates.h"
#include "io/importer.h"
#include "test_support.h"

using namespace newsroom;

TEST_CASE("data/articles.json loads without a single problem and fills three pages") {
  const auto bytes = test::read_file(test::source_dir() + "/data/articles.json");
  REQUIRE(bytes);
  auto result = import_export(*bytes, "data/articles.json");
  INFO((result.report.problems.empty() ? std::string() : result.report.problems[0].message));
  CHECK(result.report.problems.empty());
  CHECK(result.report.skipped == 0);
  const Board& board = result.board;
  REQUIRE(board.size() > 2 * AppState::kDefaultPerPage);

  std::set<std::string_view> categories;
  int pinned = 0;
  int64_t oldest = INT64_MAX, newest = INT64_MIN, max_views = 0;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleView a = board.article(i);
    categories.insert(a.category);
    pinned += a.pinned ? 1 : 0;
    oldest = std::min(oldest, a.published_at);
    newest = std::max(newest, a.published_at);
    max_views = std::max(max_views, a.views);
    CHECK_FALSE(a.body.empty());
  }
  CHECK(categories.size() >= 4);
  CHECK(pinned == 1);
  CHECK(newest - oldest > 2 * 365 * 86400);  // dates over three calendar years
  CHECK(max_views > 1000);                   // a long tail

  AppState app;
  app.load(std::move(result));
  CHECK(app.page_count() >= 3);
  CHECK(app.board().pinned(app.page_rows()[0]));
}

TEST_CASE("the seed post appears with the metadata visitors know") {
  const auto bytes = test::read_file(test::source_dir() + "/data/articles.json");
  REQUIRE(bytes);
  const auto result = import_export(*bytes, "data/articles.json");
  const Board& board = result.board;
  bool found = false;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleView a = board.article(i);
    if (format_board_datetime(a.published_at) != "23-12-20 13:14") continue;
    found = true;
    CHECK(a.author == "관리자");
    CHECK(a.views == 254);
    CHECK(a.category == "보도자료");
    CHECK(a.source_name == "프레시안");
    CHECK(a.source_url.find("https://www.pressian.com/") == 0);
    REQUIRE(board.attachments_of(i).size() == 1);
    CHECK(board.text(board.attachments_of(i)[0].name) == "사진1.jpg");
    CHECK(a.body.find("카자흐스탄") != std::string_view::npos);
  }
  CHECK(found);
}
