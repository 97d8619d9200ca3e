// Appending to the synthetic export's text: numbers, and JSON strings and fields laid out
// as data/articles.json is (two-space indentation, as Python's json.dumps writes them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsroom::synthetic {

void append_int(std::string& out, int64_t value);
// Fixed-width zero-padded decimal, for dates and URL digits.
void append_padded(std::string& out, uint64_t value, int width);

// JSON string as Python's json.dumps(ensure_ascii=False) writes it (data/articles.json).
void append_json_string(std::string& out, std::string_view text);
// Two-space indented "key": prefix, as in data/articles.json.
void append_key(std::string& out, int indent, std::string_view key);
// A whole "key": value line, with its comma unless `last`.
void append_string_field(std::string& out, int indent, std::string_view key, std::string_view value, bool last = false);
void append_int_field(std::string& out, int indent, std::string_view key, int64_t value, bool last = false);

}  // namespace newsroom::synthetic
