// Numbers that are valid JSON but that no 64-bit reader holds (18446744073709551616, 1e400).
// simdjson refuses a whole record for one of them; the importer blanks them instead, so the
// record loads and only that value is lost (and named, when it is a field the viewer reads).
#pragma once

#include <string>
#include <vector>

namespace newsroom {

struct UnreadableNumber {
  std::string path;  // "views", "attachments[2].size", "extra.deep[0]"
  std::string text;  // the number as written (its first 40 characters)
};

struct BlankedNumbers {
  std::vector<UnreadableNumber> first;  // the first few, with their paths
  size_t count = 0;                     // all of them
};

// Overwrites each such number in `json` with `null` and spaces (the same length, so every
// byte offset in the record stays true). Numbers spelled wrongly are left for the parser to
// refuse; so is everything else.
BlankedNumbers blank_unreadable_numbers(std::string& json);

}  // namespace newsroom
