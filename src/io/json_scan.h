// A structural scanner for JSON: finds where values begin and end without building them,
// so that an export of any size is imported one record at a time (simdjson parses each
// record; memory stays at the file plus the board). It checks the structure it walks
// (brackets, commas, colons, strings) and says where it breaks. It walks any depth (the
// record's parser refuses a record nested too deep; the records around it still load).
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
  explicit JsonScanner(std::string_view text) : text_(text) {}

  std::string_view text() const { return text_; }
  size_t skip_whitespace(size_t pos) const;
  // The end (one past) of the value starting at `pos` (after whitespace), or an error.
  size_t skip_value(size_t pos, ScanError& error) const;

  // Step-wise walks, for callers that stop between elements (an import in slices).
  // A cursor starts with `pos` at the container's '[' or '{'.
  struct Cursor {
    size_t pos = 0;
    bool started = false;
  };
  // The next element of a list: true with its [begin, end) (whitespace trimmed); false at
  // the end of the list (cursor.pos after ']') or on an error.
  bool next_element(Cursor& cursor, size_t& begin, size_t& end, ScanError& error) const;
  // The next member of an object: true with its raw key and where its value begins; the
  // caller sets cursor.pos to the value's end before asking again. False at the end of
  // the object (cursor.pos after '}') or on an error.
  bool next_member(Cursor& cursor, std::string_view& raw_key, size_t& value_begin, ScanError& error) const;

  // Visits the elements of the array whose '[' is at `pos`: `visit(begin, end)` for each
  // element; returns the position after ']'.
  template <typename Visit>
  size_t elements(size_t pos, ScanError& error, Visit&& visit) const {
    Cursor cursor{pos};
    size_t begin = 0, end = 0;
    while (next_element(cursor, begin, end, error)) visit(begin, end);
    return cursor.pos;
  }

  // Visits the members of the object whose '{' is at `pos`: `visit(raw_key, value_begin)`
  // returns the end of the value (it may skip it or walk into it); returns the position after '}'.
  template <typename Visit>
  size_t members(size_t pos, ScanError& error, Visit&& visit) const {
    Cursor cursor{pos};
    std::string_view key;
    size_t value_begin = 0;
    while (next_member(cursor, key, value_begin, error)) {
      cursor.pos = visit(key, value_begin);
      if (!error.ok()) break;
    }
    return cursor.pos;
  }

 private:
  bool next_item(Cursor& cursor, char closer, size_t& pos, ScanError& error) const;
  size_t skip_string(size_t pos, ScanError& error) const;  // pos at the opening quote
  size_t fail(size_t at, const char* expected, ScanError& error) const;

  std::string_view text_;
};

}  // namespace newsroom
