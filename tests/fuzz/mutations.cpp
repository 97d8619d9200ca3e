// The edits that turn one input into another (mutations.h).
#include "fuzz/mutations.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/generators.h"

namespace newsroom::fuzz {

namespace {

// Where the JSON token at or after `from` begins and ends: a string, a number or literal, or
// a whole list or object (brackets counted outside strings). False when none follows.
bool find_token(std::string_view bytes, size_t from, size_t& begin, size_t& end) {
  size_t at = from;
  while (at < bytes.size() && std::string_view(" \t\r\n,:]}").find(bytes[at]) != std::string_view::npos) ++at;
  if (at >= bytes.size()) return false;
  begin = at;
  const char c = bytes[at];
  if (c == '"') {
    for (end = at + 1; end < bytes.size(); ++end) {
      if (bytes[end] == '\\')
        ++end;
      else if (bytes[end] == '"')
        break;
    }
    end = std::min(end + 1, bytes.size());
    return true;
  }
  if (c == '[' || c == '{') {
    size_t depth = 0;
    bool in_string = false;
    for (end = at; end < bytes.size(); ++end) {
      const char b = bytes[end];
      if (in_string) {
        if (b == '\\')
          ++end;
        else if (b == '"')
          in_string = false;
      } else if (b == '"') {
        in_string = true;
      } else if (b == '[' || b == '{') {
        ++depth;
      } else if ((b == ']' || b == '}') && --depth == 0) {
        break;
      }
    }
    end = std::min(end + 1, bytes.size());
    return true;
  }
  end = at + 1;
  while (end < bytes.size() && std::string_view(" \t\r\n,:]}[{\"").find(bytes[end]) == std::string_view::npos) ++end;
  return true;
}

// The object that begins at the first '{' at or after `from`, when there is one.
bool find_object(std::string_view bytes, size_t from, size_t& begin, size_t& end) {
  const size_t open = bytes.find('{', from);
  if (open == std::string_view::npos) return false;
  return find_token(bytes, open, begin, end) && end > begin;
}

// One edit of `bytes`; `corpus` gives another file to splice in. The result may be larger
// than `max_size`: the caller keeps the input as it was then.
void mutate_once(std::string& bytes, const std::vector<std::string>& corpus, Rng& rng, size_t max_size) {
  const size_t size = bytes.size();
  const size_t at = rng.below(size + 1);
  switch (rng.below(15)) {
    case 0:  // a bit flipped
      if (size > 0) bytes[rng.below(size)] ^= static_cast<char>(1u << rng.below(8));
      break;
    case 1: {  // a byte set to one that matters to JSON or UTF-8
      static constexpr char kBytes[] = "\0\x01\x1F\x7F\x80\xBF\xC0\xED\xFF\"\\{}[],: \r\n\t-0e.";
      if (size > 0) bytes[rng.below(size)] = kBytes[rng.below(sizeof kBytes - 1)];
      break;
    }
    case 2: {  // random bytes inserted
      std::string random(1 + rng.size_up_to(16), '\0');
      for (char& c : random) c = static_cast<char>(rng.below(256));
      bytes.insert(at, random);
      break;
    }
    case 3:  // a range deleted
      bytes.erase(at, 1 + rng.size_up_to(size / 4 + 1));
      break;
    case 4: {  // a range repeated
      const std::string range = bytes.substr(at, 1 + rng.size_up_to(4096));
      const size_t times = 1 + rng.size_up_to(8);
      for (size_t i = 0; i < times; ++i) bytes.insert(std::min(at + range.size(), bytes.size()), range);
      break;
    }
    case 5:  // cut short at any byte
      bytes.resize(rng.below(size + 1));
      break;
    case 6: {  // the start of one file joined to the end of another
      const std::string& other = rng.pick(corpus);
      bytes = bytes.substr(0, at) + other.substr(rng.below(other.size() + 1));
      break;
    }
    case 7:
    case 8: {  // a token (or a whole value) replaced
      size_t begin = 0, end = 0;
      if (find_token(bytes, at, begin, end)) bytes.replace(begin, end - begin, interesting_value(rng));
      break;
    }
    case 9:  // a value inserted anywhere
      bytes.insert(at, interesting_value(rng));
      break;
    case 10: {  // a member added to an object, as a record's field
      // clang-format off
      static const std::vector<std::string> kKeys = {"id", "title", "published_at", "views", "number", "pinned",
                                                     "category", "author", "body", "body_format", "summary", "source",
                                                     "links", "attachments", "tags", "wr_subject", "wr_id", "articles",
                                                     "board", "exported_at", "format", "type", "data", "x"};
      // clang-format on
      const size_t open = bytes.find('{', at);
      if (open == std::string::npos) break;
      const std::string& key = rng.pick(kKeys);
      std::string value = key == "links" || key == "attachments" || key == "tags" ? list_length(rng, key)
                          : key == "body" && rng.one_in(2)                        ? json_string(html_body(rng))
                                                                                  : interesting_value(rng);
      bytes.insert(open + 1, json_string(key) + ":" + value + ",");
      break;
    }
    case 11: {  // a record repeated many times, as a list's elements or as lines
      size_t begin = 0, end = 0;
      if (!find_object(bytes, at, begin, end)) break;
      const std::string record = bytes.substr(begin, end - begin);
      const size_t room = max_size > size ? (max_size - size) / (record.size() + 1) : 0;
      const size_t times = std::min(room, 1 + rng.size_up_to(3000));
      const std::string separator = rng.one_in(4) ? "\n" : ",";
      std::string copies;
      for (size_t i = 0; i < times; ++i) copies += separator + record;
      bytes.insert(end, copies);
      break;
    }
    case 12: {  // line ends, NUL, a byte order mark
      static const std::vector<std::string> kBreaks = {"\r\n",         "\r",    "\n", std::string(1, '\0'),
                                                       "\xEF\xBB\xBF", "\n\n\n"};
      const std::string& what = rng.pick(kBreaks);
      if (what == "\xEF\xBB\xBF" && rng.one_in(2))
        bytes.insert(0, what);
      else
        bytes.insert(at, what);
      break;
    }
    case 13:  // white space past the 64 KB a streamed import reads before it starts
      bytes.insert(at, std::string(rng.one_in(2) ? 65536 + rng.below(64) : 1 + rng.size_up_to(70000),
                                   rng.one_in(4) ? '\n' : ' '));
      break;
    default: {  // a bracket or quote swapped for another
      static constexpr std::string_view kSwaps = "[]{}\"',:";
      const size_t pos = bytes.find_first_of(kSwaps, at);
      if (pos != std::string::npos) bytes[pos] = kSwaps[rng.below(kSwaps.size())];
      break;
    }
  }
}

}  // namespace

void mutate(std::string& bytes, const std::vector<std::string>& corpus, Rng& rng, size_t max_size) {
  const size_t edits = 1 + rng.size_up_to(7);
  for (size_t i = 0; i < edits; ++i) {
    std::string before = bytes;
    mutate_once(bytes, corpus, rng, max_size);
    if (bytes.size() > max_size) bytes = std::move(before);
  }
}

}  // namespace newsroom::fuzz
