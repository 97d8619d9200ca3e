// Text normalization applied once at import: valid UTF-8, NFC, no control characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsroom {

// Valid UTF-8 (malformed bytes become U+FFFD), NFC (macOS exports arrive decomposed),
// control characters other than newline and tab dropped, CRLF made LF.
std::string normalize_text(std::string_view text);
// As above, and on one line: newlines and tabs become spaces, runs of spaces collapse,
// ends trimmed. For titles, names and categories.
std::string normalize_line(std::string_view text);

namespace text_detail {
// True when the text is sure to come out of normalize_text (line: normalize_line)
// unchanged: what lets the import keep most text without decoding it. False means only
// "take the careful path". 16 bytes at a time with SSSE3 (the wasm SIMD builds, and
// x86-64 natively); already_normal_scalar is the same rule a byte at a time.
bool already_normal(std::string_view text, bool line);
// The same for text known to be valid UTF-8 (a JSON parser's strings; a lone surrogate's
// three bytes, which simdjson may write for a \uDC00 escape, are refused all the same).
bool already_normal_utf8(std::string_view text, bool line);
bool already_normal_scalar(std::string_view text, bool line);
}  // namespace text_detail

// Only http(s) and mailto addresses may become links; anything else is shown as text.
bool is_safe_link(std::string_view url);

// A relative address inside the site ("attachments/12/사진1.jpg"): no scheme, not "//".
bool is_relative_address(std::string_view url);

// `address` as the page would fetch it when it is relative to the file at `base`
// ("data/2023.json" + "attachments/1/a.jpg" = "data/attachments/1/a.jpg"). Absolute
// addresses, site-rooted ones ("/files/a.jpg") and an empty base leave it as it is.
std::string resolve_address(std::string_view base, std::string address);

// A body that holds HTML tags (used when an export does not say).
bool looks_like_html(std::string_view body);

struct HtmlText {
  struct Link {
    std::string title, url;
  };
  std::string text;          // paragraphs separated by blank lines
  std::vector<Link> links;   // <a href> with http(s)/mailto targets, in order
  std::vector<Link> images;  // <img src>: title (alt or file name) and address
};

// Plain text from a limited HTML body: <p>, <div>, <li>, <tr> and headings become
// paragraph breaks, <br> a line break, script and style are dropped with their content,
// links keep their text (and are listed), images become "[이미지: alt]" (and are listed),
// other tags are removed, character entities decoded.
HtmlText html_to_text(std::string_view html);

}  // namespace newsroom
