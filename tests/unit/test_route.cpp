#include <catch2/catch.hpp>

#include "app/route.h"
#include "core/dates.h"

using namespace newsroom;

namespace {
Route list_page(int page) {
  Route route;
  route.list.page = page;
  return route;
}
Route article(int64_t id) {
  Route route;
  route.view = Route::View::article;
  route.article_id = id;
  return route;
}
}  // namespace

TEST_CASE("the hash carries the view and survives a round trip") {
  CHECK(parse_hash("") == Route{});
  CHECK(parse_hash("#/") == Route{});
  CHECK(parse_hash("#/article/1201") == article(1201));
  CHECK(parse_hash("#/?page=3") == list_page(3));
  for (const char* hash : {"#/", "#/article/1201", "#/?page=2"}) CHECK(format_hash(parse_hash(hash)) == hash);
}

TEST_CASE("every list has a link: query, field, categories, period, sort, page and page size") {
  Route route;
  route.list.q = "카자흐 \"경제 포럼\" -취소 & 100%";
  route.list.field = SearchField::title;
  route.list.categories = {"보도자료", "행사소식"};
  route.list.from = "2023";
  route.list.to = "2023-06";
  route.list.author = "홍보팀";
  route.list.with_attachments = true;
  route.list.pinned_only = true;
  route.list.sort = SortOrder::most_viewed;
  route.list.page = 2;
  route.list.per_page = 20;
  const std::string hash = format_hash(route);
  CHECK(hash.find("field=title") != std::string::npos);
  CHECK(hash.find("sort=views") != std::string::npos);
  CHECK(hash.find(' ') == std::string::npos);  // a link that survives being pasted
  CHECK(parse_hash(hash) == route);
  // What a browser's address bar may hand back: lower-case escapes, '+' for a space.
  CHECK(parse_hash("#/?q=%ec%b9%b4%ec%9e%90%ed%9d%90+%ea%b3%bc").list.q == "카자흐 과");
}

TEST_CASE("a mistyped link falls back to the board's first page") {
  CHECK(parse_hash("#/article/") == Route{});
  CHECK(parse_hash("#/article/-4") == Route{});
  CHECK(parse_hash("#/article/12abc") == Route{});
  CHECK(parse_hash("#/?page=0") == Route{});
  CHECK(parse_hash("#/?page=x") == Route{});
  CHECK(parse_hash("#/nowhere") == Route{});
  CHECK(parse_hash("#/article/99999999999999999999999") == Route{});
  CHECK(parse_hash("#/?per=7&sort=sideways&field=everything&from=2023-13") == Route{});
  CHECK(parse_hash("#/?q=%E0%A4").list.q.size() == 2);  // a broken escape is kept, not a crash
}

TEST_CASE("periods name Seoul calendar spans") {
  const auto year = period_of("2023");
  REQUIRE(year);
  CHECK(format_iso_seoul(year->first) == "2023-01-01T00:00:00+09:00");
  CHECK(format_iso_seoul(year->second) == "2024-01-01T00:00:00+09:00");
  const auto december = period_of("2023-12");
  REQUIRE(december);
  CHECK(format_iso_seoul(december->second) == "2024-01-01T00:00:00+09:00");
  const auto day = period_of("2024-02-29");
  REQUIRE(day);
  CHECK(day->second - day->first == 86400);
  CHECK_FALSE(period_of("2023-02-29"));
  CHECK_FALSE(period_of("23-12"));
  CHECK_FALSE(period_of("2023/12"));
}
