#include <catch2/catch.hpp>

#include "app/route.h"

using namespace newsroom;

TEST_CASE("the hash carries the view and survives a round trip") {
  CHECK(parse_hash("") == Route{});
  CHECK(parse_hash("#/") == Route{});
  CHECK(parse_hash("#/article/1201") == Route{Route::View::article, 1201, 1});
  CHECK(parse_hash("#/?page=3") == Route{Route::View::list, 0, 3});
  for (const char* hash : {"#/", "#/article/1201", "#/?page=2"}) CHECK(format_hash(parse_hash(hash)) == hash);
}

TEST_CASE("a mistyped link falls back to the board's first page") {
  CHECK(parse_hash("#/article/") == Route{});
  CHECK(parse_hash("#/article/-4") == Route{});
  CHECK(parse_hash("#/article/12abc") == Route{});
  CHECK(parse_hash("#/?page=0") == Route{});
  CHECK(parse_hash("#/?page=x") == Route{});
  CHECK(parse_hash("#/nowhere") == Route{});
  CHECK(parse_hash("#/article/99999999999999999999999") == Route{});
}
