// Text normalization applied once at import: valid UTF-8, NFC, no control characters.
#pragma once

#include <string>
#include <string_view>

namespace newsroom {

// Valid UTF-8 (malformed bytes become U+FFFD), NFC (macOS exports arrive decomposed),
// control characters other than newline and tab dropped, CRLF made LF.
std::string normalize_text(std::string_view text);
// As above, and on one line: newlines and tabs become spaces, runs of spaces collapse,
// ends trimmed. For titles, names and categories.
std::string normalize_line(std::string_view text);

// Only http(s) and mailto addresses may become links; anything else is shown as text.
bool is_safe_link(std::string_view url);

// Plain text from a limited HTML body: <p>, <br>, <div>, <li> and headings become
// paragraph breaks, script and style are dropped with their content, other tags are
// removed, character entities decoded.
std::string html_to_text(std::string_view html);

}  // namespace newsroom
