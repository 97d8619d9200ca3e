// Dates on the board: parsing the many ways exports write them, and formatting them the
// way the board shows them. All instants are UTC seconds since the epoch; the board's
// clock is Seoul time (UTC+9, no daylight saving since 1988).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsroom {

inline constexpr int64_t kSeoulOffsetSeconds = 9 * 3600;

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t days_from_civil(int year, int month, int day);
CivilTime civil_from_seconds(int64_t seconds);

// Parses, zoneless meaning Asia/Seoul:
//   2023-12-20T13:14:05Z, 2023-12-20T13:14:05+09:00, 2023-12-20T13:14 (ISO 8601)
//   2023-12-20 13:14:05, 2023-12-20
//   23-12-20 13:14 (the board's own list format)
//   2016.06.30. 오전 10:36 (Naver-style, 오전/오후)
//   1703045640 (epoch seconds, as digits)
// Returns nullopt for anything else, including 0000-00-00 00:00:00.
std::optional<int64_t> parse_date(std::string_view text);

// "23-12-20 13:14": the board list's 등록일 in Seoul time.
std::string format_board_datetime(int64_t utc_seconds);
// "2023-12-20 13:14": unambiguous, for tooltips and the article's meta line.
std::string format_full_datetime(int64_t utc_seconds);
// "2023-12-20T13:14:00+09:00": ISO 8601 in Seoul time, for state() and exports.
std::string format_iso_seoul(int64_t utc_seconds);

}  // namespace newsroom
