#include <catch2/catch.hpp>

#include "core/dates.h"

using namespace newsroom;

namespace {
// 2023-12-20 13:14 in Seoul is 04:14 UTC.
constexpr int64_t kSeedUtc = 1703045640;
}  // namespace

TEST_CASE("every date shape the exports use lands on the same instant") {
  CHECK(parse_date("2023-12-20T13:14:00+09:00") == kSeedUtc);
  CHECK(parse_date("2023-12-20T04:14:00Z") == kSeedUtc);
  CHECK(parse_date("2023-12-20T04:14:00.250Z") == kSeedUtc);
  CHECK(parse_date("2023-12-19T23:14:00-05:00") == kSeedUtc);
  CHECK(parse_date("2023-12-20T13:14:00+0900") == kSeedUtc);
  CHECK(parse_date("2023-12-20 13:14:00") == kSeedUtc);  // zoneless means Seoul
  CHECK(parse_date("2023-12-20 13:14") == kSeedUtc);
  CHECK(parse_date("23-12-20 13:14") == kSeedUtc);  // the board's list format
  CHECK(parse_date("2023.12.20. 오후 1:14") == kSeedUtc);
  CHECK(parse_date("2023.12.20. 오전 12:14") == kSeedUtc - 13 * 3600);
  CHECK(parse_date("1703045640") == kSeedUtc);
  CHECK(parse_date("  2023-12-20 13:14  ") == kSeedUtc);
  CHECK(parse_date("2023-12-20") == kSeedUtc - (13 * 3600 + 14 * 60));
}

TEST_CASE("impossible and placeholder dates are refused, not guessed") {
  CHECK_FALSE(parse_date("0000-00-00 00:00:00"));
  CHECK_FALSE(parse_date("2023-02-29 10:00"));  // not a leap year
  CHECK(parse_date("2024-02-29 10:00"));
  CHECK_FALSE(parse_date("2023-13-01"));
  CHECK_FALSE(parse_date("2023-12-20 25:00"));
  CHECK_FALSE(parse_date("어제"));
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date("2023-12-20T13:14:00+09:00 junk"));
  CHECK_FALSE(parse_date("2023.12.20. 오후 13:14"));
  CHECK_FALSE(parse_date("12"));  // a number, but not a plausible epoch
}

TEST_CASE("dates are shown in Seoul time the way the board shows them") {
  CHECK(format_board_datetime(kSeedUtc) == "23-12-20 13:14");
  CHECK(format_full_datetime(kSeedUtc) == "2023-12-20 13:14");
  CHECK(format_iso_seoul(kSeedUtc) == "2023-12-20T13:14:00+09:00");
  // 23:30 UTC on New Year's Eve is already the next year in Seoul.
  CHECK(format_full_datetime(*parse_date("2023-12-31T23:30:00Z")) == "2024-01-01 08:30");
}

TEST_CASE("civil dates round-trip over centuries") {
  for (int64_t day = days_from_civil(1900, 1, 1); day < days_from_civil(2200, 1, 1); day += 37) {
    const CivilTime t = civil_from_seconds(day * 86400 + 3661);
    CHECK(days_from_civil(t.year, t.month, t.day) == day);
    CHECK(t.hour == 1);
    CHECK(t.minute == 1);
    CHECK(t.second == 1);
  }
}
