#include "core/dates.h"

#include <cstdio>

namespace newsroom {
namespace {

// A tiny cursor over the text: every parse step either advances or fails.
struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  bool eat(std::string_view word) {
    if (text.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
  }
  void skip_spaces() {
    while (peek() == ' ' || peek() == '\t') ++pos;
  }
  // Exactly `min_digits`..`max_digits` digits.
  bool number(int min_digits, int max_digits, int& out) {
    int value = 0, count = 0;
    while (count < max_digits && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      ++count;
    }
    if (count < min_digits) return false;
    out = value;
    return true;
  }
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid(const CivilTime& t) {
  return t.year >= 1900 && t.year <= 2200 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
         t.day <= days_in_month(t.year, t.month) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 &&
         t.second >= 0 && t.second <= 60;
}

int64_t to_seconds(const CivilTime& t, int64_t offset_seconds) {
  return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second - offset_seconds;
}

// "[T| ]HH:MM[:SS[.fff]]", optional.
bool parse_clock(Cursor& c, CivilTime& t) {
  if (!c.number(2, 2, t.hour) || !c.eat(':') || !c.number(2, 2, t.minute)) return false;
  if (c.eat(':')) {
    if (!c.number(2, 2, t.second)) return false;
    if (c.eat('.') || c.eat(',')) {
      int ignored = 0;
      if (!c.number(1, 9, ignored)) return false;
    }
  }
  return true;
}

// "Z", "+09:00", "+0900", "+09" or nothing (Seoul).
bool parse_zone(Cursor& c, int64_t& offset) {
  c.skip_spaces();
  if (c.done()) {
    offset = kSeoulOffsetSeconds;
    return true;
  }
  if (c.eat('Z') || c.eat('z')) {
    offset = 0;
    return c.done();
  }
  const char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.pos;
  int hours = 0, minutes = 0;
  if (!c.number(2, 2, hours)) return false;
  if (c.eat(':')) {
    if (!c.number(2, 2, minutes)) return false;
  } else if (!c.done()) {
    if (!c.number(2, 2, minutes)) return false;
  }
  if (hours > 14 || minutes > 59) return false;
  offset = (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
  return c.done();
}

std::optional<int64_t> parse_epoch(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  int64_t value = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  // Plausible board dates only: 1990-01-01 .. 2100-01-01.
  if (value < 631152000 || value > 4102444800) return std::nullopt;
  return value;
}

// "2016.06.30. 오전 10:36" (also without the trailing dot or the seconds).
std::optional<int64_t> parse_dotted(Cursor c) {
  CivilTime t;
  if (!c.number(4, 4, t.year) || !c.eat('.')) return std::nullopt;
  c.skip_spaces();
  if (!c.number(1, 2, t.month) || !c.eat('.')) return std::nullopt;
  c.skip_spaces();
  if (!c.number(1, 2, t.day)) return std::nullopt;
  c.eat('.');
  c.skip_spaces();
  if (!c.done()) {
    int half = 0;  // 0: 24-hour clock, 1: 오전 (AM), 2: 오후 (PM)
    if (c.eat("오전"))
      half = 1;
    else if (c.eat("오후"))
      half = 2;
    c.skip_spaces();
    if (!c.number(1, 2, t.hour) || !c.eat(':') || !c.number(2, 2, t.minute)) return std::nullopt;
    if (c.eat(':') && !c.number(2, 2, t.second)) return std::nullopt;
    if (half != 0) {
      if (t.hour < 1 || t.hour > 12) return std::nullopt;
      t.hour = t.hour % 12 + (half == 2 ? 12 : 0);
    }
    c.skip_spaces();
    if (!c.done()) return std::nullopt;
  }
  if (!valid(t)) return std::nullopt;
  return to_seconds(t, kSeoulOffsetSeconds);
}

}  // namespace

int64_t days_from_civil(int year, int month, int day) {
  // Shift the year to start in March so that the leap day ends it.
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTime civil_from_seconds(int64_t seconds) {
  int64_t days = seconds / 86400;
  int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  CivilTime t;
  t.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(year_of_era + era * 400 + (t.month <= 2 ? 1 : 0));
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest / 60 % 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

std::optional<int64_t> parse_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (auto epoch = parse_epoch(text)) return epoch;

  Cursor c{text};
  CivilTime t;
  int first = 0;
  const size_t start = c.pos;
  if (!c.number(2, 4, first)) return std::nullopt;
  const size_t year_digits = c.pos - start;
  if (c.peek() == '.') return parse_dotted(Cursor{text});
  if (year_digits == 2)
    t.year = 2000 + first;  // the board's "23-12-20 13:14"
  else if (year_digits == 4)
    t.year = first;
  else
    return std::nullopt;
  if (!c.eat('-') || !c.number(2, 2, t.month) || !c.eat('-') || !c.number(2, 2, t.day)) return std::nullopt;
  int64_t offset = kSeoulOffsetSeconds;
  if (!c.done()) {
    if (!c.eat('T') && !c.eat('t') && !c.eat(' ')) return std::nullopt;
    c.skip_spaces();
    if (!parse_clock(c, t) || !parse_zone(c, offset)) return std::nullopt;
  }
  if (!valid(t)) return std::nullopt;
  return to_seconds(t, offset);
}

std::string format_board_datetime(int64_t utc_seconds) {
  const CivilTime t = civil_from_seconds(utc_seconds + kSeoulOffsetSeconds);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d-%02d-%02d %02d:%02d", t.year % 100, t.month, t.day, t.hour, t.minute);
  return buffer;
}

std::string format_full_datetime(int64_t utc_seconds) {
  const CivilTime t = civil_from_seconds(utc_seconds + kSeoulOffsetSeconds);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  return buffer;
}

std::string format_iso_seoul(int64_t utc_seconds) {
  const CivilTime t = civil_from_seconds(utc_seconds + kSeoulOffsetSeconds);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", t.year, t.month, t.day, t.hour, t.minute,
                t.second);
  return buffer;
}

}  // namespace newsroom
