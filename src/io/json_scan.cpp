#include "io/json_scan.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsroom {

namespace {

// The first '"' in data[pos, size), or size: 16 bytes a step where there is SSE2 (natively
// and in the wasm SIMD build, whose memchr goes a word at a time), memchr elsewhere.
size_t find_quote(const char* data, size_t pos, size_t size) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  for (; pos + 16 <= size; pos += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote)));
    if (mask) return pos + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  const void* found = std::memchr(data + pos, '"', size - pos);
  return found ? static_cast<size_t>(static_cast<const char*>(found) - data) : size;
}

}  // namespace

size_t JsonScanner::fail(size_t at, const char* expected, ScanError& error) const {
  if (error.ok()) {
    error.offset = at;
    error.expected = expected;
  }
  return at;
}

size_t JsonScanner::skip_whitespace(size_t pos) const {
  while (pos < text_.size()) {
    const char c = text_[pos];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    ++pos;
  }
  return pos;
}

size_t JsonScanner::skip_string(size_t pos, ScanError& error) const {
  // Jump from quote to quote; a quote preceded by an odd run of backslashes is escaped.
  // Control characters inside strings are left to the record's parser, which reports them
  // with the record.
  const char* data = text_.data();
  ++pos;  // the opening quote
  while (pos < text_.size()) {
    const size_t quote = find_quote(data, pos, text_.size());
    if (quote == text_.size()) break;
    size_t backslashes = 0;
    while (data[quote - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    pos = quote + 1;
  }
  return fail(text_.size(), "a closing '\"' (the file ends inside a string: truncated?)", error);
}

size_t JsonScanner::skip_value(size_t pos, ScanError& error) const {
  pos = skip_whitespace(pos);
  if (pos >= text_.size()) return fail(pos, "a value (the file ends here: truncated?)", error);
  // Containers are walked with an explicit stack of closers, not recursion; records nest a
  // few levels, so the stack stays in the string's own small buffer.
  std::string closers;
  bool expect_value = true;  // after '[' ',' ':' or at the start
  bool in_object_key = false;
  while (pos < text_.size()) {
    pos = skip_whitespace(pos);
    if (pos >= text_.size()) break;
    const char c = text_[pos];
    if (expect_value) {
      if (in_object_key) {
        if (c != '"') return fail(pos, "a member name in quotes", error);
        pos = skip_string(pos, error);
        if (!error.ok()) return pos;
        pos = skip_whitespace(pos);
        if (pos >= text_.size() || text_[pos] != ':') return fail(pos, "':' after a member name", error);
        ++pos;
        in_object_key = false;
        continue;
      }
      if (c == '{' || c == '[') {
        const char closer = c == '{' ? '}' : ']';
        const size_t next = skip_whitespace(pos + 1);
        if (next < text_.size() && text_[next] == closer) {  // empty container
          pos = next + 1;
          expect_value = false;
          if (closers.empty()) return pos;
          continue;
        }
        closers += closer;
        pos = next;
        in_object_key = c == '{';
        continue;
      }
      if (c == '"') {
        pos = skip_string(pos, error);
        if (!error.ok()) return pos;
      } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
        // Numbers and literals: the record's parser checks their spelling.
        const size_t start = pos;
        while (pos < text_.size()) {
          const char t = text_[pos];
          if (!((t >= '0' && t <= '9') || (t >= 'a' && t <= 'z') || t == '-' || t == '+' || t == '.' || t == 'E'))
            break;
          ++pos;
        }
        if (pos == start) return fail(pos, "a value", error);
      } else {
        return fail(pos, "a value", error);
      }
      expect_value = false;
      if (closers.empty()) return pos;
      continue;
    }
    // After a value inside a container: ',' or the closer.
    if (c == ',') {
      ++pos;
      expect_value = true;
      in_object_key = closers.back() == '}';
      continue;
    }
    if (c == closers.back()) {
      ++pos;
      closers.pop_back();
      if (closers.empty()) return pos;
      continue;
    }
    return fail(pos, closers.back() == '}' ? "',' or '}'" : "',' or ']'", error);
  }
  return fail(text_.size(), "the rest of the value (the file ends here: truncated?)", error);
}

// Moves a cursor past the container's opener, or past the ',' after its previous item:
// true when an item follows (at `pos`), false at the closer (cursor.pos after it) or on
// an error.
bool JsonScanner::next_item(Cursor& cursor, char closer, size_t& pos, ScanError& error) const {
  const bool list = closer == ']';
  pos = cursor.pos;
  if (!cursor.started) {
    cursor.started = true;
    pos = skip_whitespace(pos + 1);
    if (pos < text_.size() && text_[pos] == closer) {
      cursor.pos = pos + 1;
      return false;
    }
    return true;
  }
  pos = skip_whitespace(pos);
  if (pos >= text_.size()) {
    cursor.pos = fail(pos,
                      list ? "',' or ']' (the file ends inside a list: truncated?)"
                           : "',' or '}' (the file ends inside an object: truncated?)",
                      error);
    return false;
  }
  if (text_[pos] == closer) {
    cursor.pos = pos + 1;
    return false;
  }
  if (text_[pos] != ',') {
    cursor.pos = fail(pos, list ? "',' or ']'" : "',' or '}'", error);
    return false;
  }
  ++pos;
  return true;
}

bool JsonScanner::next_element(Cursor& cursor, size_t& begin, size_t& end, ScanError& error) const {
  size_t pos = 0;
  if (!next_item(cursor, ']', pos, error)) return false;
  begin = skip_whitespace(pos);
  end = skip_value(begin, error);
  cursor.pos = end;
  return error.ok();
}

bool JsonScanner::next_member(Cursor& cursor, std::string_view& raw_key, size_t& value_begin, ScanError& error) const {
  size_t pos = 0;
  if (!next_item(cursor, '}', pos, error)) return false;
  pos = skip_whitespace(pos);
  if (pos >= text_.size()) {
    cursor.pos = fail(pos, "a member name (the file ends inside an object: truncated?)", error);
    return false;
  }
  if (text_[pos] != '"') {
    cursor.pos = fail(pos, "a member name in quotes", error);
    return false;
  }
  const size_t key_end = skip_string(pos, error);
  if (!error.ok()) {
    cursor.pos = key_end;
    return false;
  }
  raw_key = text_.substr(pos + 1, key_end - pos - 2);
  pos = skip_whitespace(key_end);
  if (pos >= text_.size() || text_[pos] != ':') {
    cursor.pos = fail(pos, "':' after a member name", error);
    return false;
  }
  value_begin = skip_whitespace(pos + 1);
  cursor.pos = value_begin;
  return true;
}

}  // namespace newsroom
