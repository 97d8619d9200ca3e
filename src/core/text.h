// UTF-8 helpers shared by the importer, the query engine and the views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsroom {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes one code point at `pos` and advances past it. Malformed input (overlong forms,
// surrogates, truncated sequences, stray continuation bytes, > U+10FFFF) yields false and
// advances by one byte, so a caller can replace it and go on.
bool decode_utf8(std::string_view text, size_t& pos, char32_t& code_point);
void append_utf8(std::string& out, char32_t code_point);

// Byte offset of the first malformed sequence, or npos when the text is valid UTF-8.
size_t find_invalid_utf8(std::string_view text);
// The text with every malformed sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);
// Drops a code point cut off at the end (a 255-byte subject that split a Hangul syllable).
std::string_view trim_truncated_tail(std::string_view text);

std::string_view trim(std::string_view text);
// 1234567 -> "1,234,567": counts in messages and on screen.
std::string with_thousands(int64_t value);
// Paragraphs of a plain-text body: split at blank lines, each trimmed, empty ones dropped.
// Single line breaks inside a paragraph are kept.
std::vector<std::string_view> split_paragraphs(std::string_view body);

}  // namespace newsroom
