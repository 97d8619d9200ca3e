#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/state_json.h"

#include <memory>

using namespace newsroom;

namespace {

// n articles, id 100+i, number i+1, one day apart; article 0 pinned when asked.
std::string board_json(int count, bool with_pinned) {
  std::string json = R"({"exported_at":"2024-03-15T09:00:00+09:00","articles":[)";
  for (int i = 0; i < count; ++i) {
    if (i) json += ',';
    const bool pinned = with_pinned && i == 0;
    char date[32];
    std::snprintf(date, sizeof date, "2023-%02d-%02d 10:00", 1 + i / 28, 1 + i % 28);
    json += R"({"id":)" + std::to_string(100 + i) + R"(,"number":)" + std::to_string(pinned ? 0 : i) +
            R"(,"title":"글 )" + std::to_string(i) + R"(","published_at":")" + date + R"(","pinned":)" +
            (pinned ? "true" : "false") + "}";
  }
  return json + "]}";
}

// AppState is neither copied nor moved (its search index points into its board).
std::unique_ptr<AppState> loaded(int count, bool with_pinned = true) {
  auto app = std::make_unique<AppState>();
  app->load(import_export(board_json(count, with_pinned), "test.json"));
  return app;
}

}  // namespace

TEST_CASE("the list pages through the board in board order, pinned notice first") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  CHECK(app.page_count() == 3);
  auto rows = app.page_rows();
  REQUIRE(rows.size() == 15);
  CHECK(app.board().id(rows[0]) == 100);  // the pinned notice, though oldest
  CHECK(app.board().id(rows[1]) == 139);  // then the highest number
  CHECK(app.board().id(rows[2]) == 138);
  CHECK(app.go_to_page(3));
  CHECK(app.page_rows().size() == 10);
  CHECK(app.hash() == "#/?page=3");
  CHECK_FALSE(app.go_to_page(3));  // already there: the URL need not change
  app.go_to_page(99);
  CHECK(app.list().page == 3);  // clamped to the last page
}

TEST_CASE("opening an article and going back returns to the same page") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  app.go_to_page(2);
  CHECK(app.open(120));
  CHECK(app.hash() == "#/article/120");
  REQUIRE(app.open_article());
  CHECK(app.board().title(*app.open_article()) == "글 20");
  CHECK(app.back_to_list());
  CHECK(app.hash() == "#/?page=2");
}

TEST_CASE("an article link that does not exist shows no article") {
  auto app_owner = loaded(5);
  AppState& app = *app_owner;
  app.apply_hash("#/article/424242");
  CHECK(app.route().view == Route::View::article);
  CHECK_FALSE(app.open_article());
  const auto state = nlohmann::json::parse(state_json(app, FrameFacts{}));
  CHECK(state["route"] == "article");
  CHECK(state["article"].is_null());
}

TEST_CASE("a hash that arrives before the data is honoured once the data is in") {
  AppState app;
  app.apply_hash("#/?page=2");
  CHECK(app.list().page == 2);
  app.load(import_export(board_json(40, false), "late.json"));
  CHECK(app.list().page == 2);
  CHECK(app.board().id(app.page_rows()[0]) == 100 + 40 - 16);
}

TEST_CASE("a broken reload keeps the last good board on screen") {
  auto app_owner = loaded(20);
  AppState& app = *app_owner;
  app.open(105);
  app.load(import_export("{\"articles\": [", "broken.json"));
  CHECK(app.board().size() == 20);
  CHECK_FALSE(app.report().usable);
  REQUIRE(app.open_article());
  CHECK(app.board().id(*app.open_article()) == 105);
  const auto state = nlohmann::json::parse(state_json(app, FrameFacts{}));
  CHECK(state["data"]["articles"] == 20);
  CHECK(state["data"]["usable"] == false);
  CHECK(state["data"]["source"] == "broken.json");
  CHECK(state["data"]["problems"].size() == 1);
}

TEST_CASE("state() reports what the page shows") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  FrameFacts facts;
  facts.drawn_ids = {100, 139, 138};
  facts.frame = 7;
  facts.glyphs_missing = 2;
  const auto state = nlohmann::json::parse(state_json(app, facts));
  CHECK(state["route"] == "list");
  CHECK(state["mode"] == "visitor");
  CHECK(state["kiosk"].is_null());
  CHECK(state["results"]["total"] == 40);
  CHECK(state["results"]["ids"] == nlohmann::json::array({100, 139, 138}));
  CHECK(state["article"].is_null());
  CHECK(state["data"]["articles"] == 40);
  CHECK(state["data"]["skipped"] == 0);
  CHECK(state["data"]["exported_at"] == "2024-03-15T09:00:00+09:00");
  CHECK(state["glyphs_missing"] == 2);
  CHECK(state["frame"] == 7);
}

TEST_CASE("searching, filtering and sorting change the list and its link; paging keeps them") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  app.go_to_page(2);
  CHECK(app.set_search_text("글 1"));  // two terms, both required: 글 1, 10..19, 21, 31
  CHECK(app.results().size() == 13);
  CHECK(app.set_search_text("\"글 1\""));  // the phrase: 글 1, 글 10..19
  CHECK(app.list().page == 1);             // a new result starts at its first page
  CHECK(app.results().size() == 11);
  CHECK(app.hash().find("q=") != std::string::npos);
  CHECK(app.list().effective_sort() == SortOrder::relevance);
  // No pinned notice on top while searching (the board's rule).
  CHECK(app.search().pinned_on_top == 0);
  app.set_sort(SortOrder::oldest);
  CHECK(app.board().title(app.results()[0]) == "글 1");
  CHECK(app.set_per_page(10));
  CHECK(app.go_to_page(2));
  CHECK(app.page_rows().size() == 1);
  const std::string link = app.hash();
  auto other_owner = loaded(40);
  AppState& other = *other_owner;
  other.apply_hash(link);
  CHECK(other.results() == app.results());
  CHECK(other.list().page == 2);
  // Back to the whole board: the notice returns on top.
  CHECK(app.set_search_text(""));
  CHECK(app.search().pinned_on_top == 1);
}

TEST_CASE("a query typed in decomposed Hangul finds the same as the composed one") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  app.set_search_text("\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF");  // 글 as ᄀ + ᅳ + ᆯ
  CHECK(app.list().q == "글");
  CHECK(app.results().size() == 40);
}

TEST_CASE("new and hot badges follow the export date and the views") {
  // Ten articles a day apart up to the export; views 10, 20, ... 100.
  std::string json = R"({"exported_at":"2024-03-15 09:00","articles":[)";
  for (int i = 0; i < 10; ++i) {
    if (i) json += ',';
    json += R"({"id":)" + std::to_string(i + 1) + R"(,"title":"글","published_at":"2024-03-)" +
            (i + 6 < 10 ? "0" : "") + std::to_string(i + 6) + R"( 10:00","views":)" + std::to_string((i + 1) * 10) +
            "}";
  }
  AppState app;
  app.load(import_export(json + "]}", "badges.json"));
  REQUIRE(app.board().size() == 10);
  int fresh = 0, hot = 0;
  for (uint32_t i = 0; i < 10; ++i) {
    fresh += app.is_new(i) ? 1 : 0;
    hot += app.is_hot(i) ? 1 : 0;
  }
  CHECK(fresh == 8);  // 03-08 10:00 .. 03-15: within 7 days of the export; 03-07 is not
  CHECK(hot == 3);    // the three most viewed
  CHECK(app.is_hot(*app.board().find(10)));
  CHECK_FALSE(app.is_hot(*app.board().find(7)));
}

TEST_CASE("a live swap keeps the open article when its id is still on the board") {
  auto app_owner = loaded(20);
  AppState& app = *app_owner;
  CHECK(app.loads() == 1);
  app.set_search_text("글");
  app.go_to_page(2);
  app.open(105);
  app.load(import_export(board_json(30, true), "new.json"));
  CHECK(app.loads() == 2);
  CHECK(app.board().size() == 30);
  CHECK(app.board_source() == "new.json");
  REQUIRE(app.open_article());
  CHECK(app.board().id(*app.open_article()) == 105);
  CHECK(app.list().q == "글");
  CHECK(app.list().page == 2);
}

TEST_CASE("a live swap without the open article returns to the list, query and page kept") {
  auto app_owner = loaded(40);
  AppState& app = *app_owner;
  app.set_search_text("글");
  app.go_to_page(2);
  app.open(135);
  app.load(import_export(board_json(34, true), "smaller.json"));  // ids 100..133
  CHECK(app.route().view == Route::View::list);
  CHECK_FALSE(app.open_article());
  CHECK(app.list().q == "글");
  CHECK(app.list().page == 2);
  CHECK(app.hash() == "#/?q=%EA%B8%80&page=2");
}

TEST_CASE("a live swap drops a category the new board no longer has, keeps one it still has") {
  const auto with_categories = [](std::vector<std::string> categories) {
    std::string json = R"({"articles":[)";
    for (size_t i = 0; i < categories.size(); ++i) {
      if (i) json += ',';
      json += R"({"id":)" + std::to_string(200 + i) + R"(,"title":"글","published_at":"2024-01-0)" +
              std::to_string(1 + i) + R"( 10:00","category":")" + categories[i] + "\"}";
    }
    return json + "]}";
  };
  AppState app;
  app.load(import_export(with_categories({"보도자료", "행사소식"}), "a.json"));
  app.set_category("행사소식");
  CHECK(app.results().size() == 1);
  app.load(import_export(with_categories({"행사소식", "보도자료", "행사소식"}), "b.json"));
  CHECK(app.list().categories == std::vector<std::string>{"행사소식"});
  CHECK(app.results().size() == 2);
  app.load(import_export(with_categories({"보도자료", "공지사항"}), "c.json"));
  CHECK(app.list().categories.empty());
  CHECK(app.results().size() == 2);
  CHECK(app.hash() == "#/");
}

TEST_CASE("a refused swap keeps the board, names both sources, and state() says the previous board is shown") {
  auto app_owner = loaded(20);
  AppState& app = *app_owner;
  app.load(import_export("not json", "broken.json"));
  CHECK(app.showing_previous_board());
  CHECK(app.board_source() == "test.json");
  FrameFacts facts;
  facts.live.polls = 3;
  facts.live.last_error = "broken.json: problem";
  const auto state = nlohmann::json::parse(state_json(app, facts));
  CHECK(state["data"]["showing_previous"] == true);
  CHECK(state["data"]["board_source"] == "test.json");
  CHECK(state["data"]["source"] == "broken.json");
  CHECK(state["data"]["live"]["polls"] == 3);
  CHECK(state["data"]["live"]["last_error"] == "broken.json: problem");
  CHECK(state["data"]["live"]["saved_at"].is_null());
  app.load(import_export(board_json(5, false), "fixed.json"));
  CHECK_FALSE(app.showing_previous_board());
}
