// A structural scanner for JSON: finds where values begin and end without building them,
// so that an export of any size is imported one record at a time (simdjson parses each
// record; memory stays at the file plus the board). It checks the structure it walks
// (brackets, commas, colons, strings, nesting depth) and says where it breaks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsroom {

struct ScanError {
  size_t offset = 0;     // byte offset in the file
  std::string expected;  // "',' or ']'", "a value", ...
  bool ok() const { return expected.empty(); }
};

class JsonScanner {
 public:
  // Records nest a few levels; anything deeper than this is not an export.
  static constexpr int kMaxDepth = 128;

  explicit JsonScanner(std::string_view text) : text_(text) {}

  std::string_view text() const { return text_; }
  size_t skip_whitespace(size_t pos) const;
  // The end (one past) of the value starting at `pos` (after whitespace), or an error.
  size_t skip_value(size_t pos, ScanError& error) const;

  // Visits the elements of the array whose '[' is at `pos`: `visit(begin, end)` for each
  // element (whitespace trimmed); returns the position after ']'.
  template <typename Visit>
  size_t elements(size_t pos, ScanError& error, Visit&& visit) const;

  // Visits the members of the object whose '{' is at `pos`: `visit(raw_key, value_begin)`
  // returns the end of the value (it may skip it or walk into it); returns the position after '}'.
  template <typename Visit>
  size_t members(size_t pos, ScanError& error, Visit&& visit) const;

 private:
  size_t skip_string(size_t pos, ScanError& error) const;  // pos at the opening quote
  size_t fail(size_t at, const char* expected, ScanError& error) const;

  std::string_view text_;
};

template <typename Visit>
size_t JsonScanner::elements(size_t pos, ScanError& error, Visit&& visit) const {
  ++pos;  // '['
  pos = skip_whitespace(pos);
  if (pos < text_.size() && text_[pos] == ']') return pos + 1;
  while (true) {
    const size_t begin = skip_whitespace(pos);
    const size_t end = skip_value(begin, error);
    if (!error.ok()) return end;
    visit(begin, end);
    pos = skip_whitespace(end);
    if (pos >= text_.size()) return fail(pos, "',' or ']' (the file ends inside a list: truncated?)", error);
    if (text_[pos] == ']') return pos + 1;
    if (text_[pos] != ',') return fail(pos, "',' or ']'", error);
    ++pos;
  }
}

template <typename Visit>
size_t JsonScanner::members(size_t pos, ScanError& error, Visit&& visit) const {
  ++pos;  // '{'
  pos = skip_whitespace(pos);
  if (pos < text_.size() && text_[pos] == '}') return pos + 1;
  while (true) {
    pos = skip_whitespace(pos);
    if (pos >= text_.size()) return fail(pos, "a member name (the file ends inside an object: truncated?)", error);
    if (text_[pos] != '"') return fail(pos, "a member name in quotes", error);
    const size_t key_end = skip_string(pos, error);
    if (!error.ok()) return key_end;
    const std::string_view raw_key = text_.substr(pos + 1, key_end - pos - 2);
    pos = skip_whitespace(key_end);
    if (pos >= text_.size() || text_[pos] != ':') return fail(pos, "':' after a member name", error);
    const size_t value_begin = skip_whitespace(pos + 1);
    const size_t value_end = visit(raw_key, value_begin);
    if (!error.ok()) return value_end;
    pos = skip_whitespace(value_end);
    if (pos >= text_.size()) return fail(pos, "',' or '}' (the file ends inside an object: truncated?)", error);
    if (text_[pos] == '}') return pos + 1;
    if (text_[pos] != ',') return fail(pos, "',' or '}'", error);
    ++pos;
  }
}

}  // namespace newsroom
