#include "io/unreadable_numbers.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace newsroom {
namespace {

constexpr size_t kNamed = 100;  // numbers named with their path; the rest are counted

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and whether it has a fraction or exponent.
bool well_formed(std::string_view n, bool& integer) {
  size_t i = 0;
  if (i < n.size() && n[i] == '-') ++i;
  if (i >= n.size() || !is_digit(n[i])) return false;
  if (n[i] == '0')
    ++i;
  else
    while (i < n.size() && is_digit(n[i])) ++i;
  integer = true;
  if (i < n.size() && n[i] == '.') {
    integer = false;
    if (++i >= n.size() || !is_digit(n[i])) return false;
    while (i < n.size() && is_digit(n[i])) ++i;
  }
  if (i < n.size() && (n[i] == 'e' || n[i] == 'E')) {
    integer = false;
    ++i;
    if (i < n.size() && (n[i] == '+' || n[i] == '-')) ++i;
    if (i >= n.size() || !is_digit(n[i])) return false;
    while (i < n.size() && is_digit(n[i])) ++i;
  }
  return i == n.size();
}

// Beyond int64 below zero or uint64 above it (digits compared as text: no leading zeros).
bool integer_too_large(std::string_view n) {
  const bool negative = n[0] == '-';
  const std::string_view digits = negative ? n.substr(1) : n;
  const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
  return digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit);
}

bool unreadable(std::string_view n) {
  bool integer = false;
  if (!well_formed(n, integer)) return false;
  if (integer) return integer_too_large(n);
  errno = 0;
  const std::string copy(n);
  const double value = std::strtod(copy.c_str(), nullptr);
  return std::isinf(value);
}

size_t string_end(const std::string& json, size_t quote) {
  for (size_t i = quote + 1; i < json.size(); ++i) {
    if (json[i] == '\\')
      ++i;
    else if (json[i] == '"')
      return i + 1;
  }
  return json.size();
}

}  // namespace

BlankedNumbers blank_unreadable_numbers(std::string& json) {
  BlankedNumbers out;
  struct Level {
    bool object;
    std::string_view key;
    size_t index;
  };
  std::vector<Level> levels;
  bool expect_key = false;
  const auto path = [&levels] {
    std::string text;
    for (const Level& level : levels) {
      if (!level.object) {
        text += '[';
        text += std::to_string(level.index);
        text += ']';
        continue;
      }
      if (!text.empty()) text += '.';
      text += level.key;
    }
    return text;
  };
  size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {
      const size_t end = string_end(json, i);
      if (expect_key && !levels.empty()) levels.back().key = std::string_view(json).substr(i + 1, end - i - 2);
      expect_key = false;
      i = end;
    } else if (c == '{' || c == '[') {
      levels.push_back({c == '{', {}, 0});
      expect_key = c == '{';
      ++i;
    } else if (c == '}' || c == ']') {
      if (!levels.empty()) levels.pop_back();
      ++i;
    } else if (c == ',') {
      if (!levels.empty()) {
        if (levels.back().object)
          expect_key = true;
        else
          ++levels.back().index;
      }
      ++i;
    } else if (c == '-' || is_digit(c)) {
      const size_t begin = i;
      while (i < json.size() && (is_digit(json[i]) || json[i] == '-' || json[i] == '+' || json[i] == '.' ||
                                 json[i] == 'e' || json[i] == 'E')) {
        ++i;
      }
      const std::string_view number = std::string_view(json).substr(begin, i - begin);
      if (!unreadable(number)) continue;
      if (out.first.size() < kNamed) out.first.push_back({path(), std::string(number.substr(0, 40))});
      ++out.count;
      // An unreadable number has at least 5 characters: `null` and spaces take its place.
      for (size_t at = begin; at < i; ++at) json[at] = at - begin < 4 ? "null"[at - begin] : ' ';
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace newsroom
