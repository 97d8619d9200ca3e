#include "io/text_normalize.h"

#include <cstdlib>
#include <utf8proc.h>

#include "core/text.h"

namespace newsroom {
namespace {

// True when no code point can change under NFC: ASCII, Latin-1, precomposed Hangul,
// CJK ideographs, general punctuation. Lets the common case skip utf8proc entirely.
bool nfc_quick_yes(std::string_view text) {
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (!decode_utf8(text, pos, cp)) return false;
    const bool safe = cp < 0x300 || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x2000 && cp <= 0x2FFF) ||
                      (cp >= 0x3000 && cp <= 0x3098) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                      (cp >= 0xFF00 && cp <= 0xFFEF);
    if (!safe) return false;
  }
  return true;
}

std::string to_nfc(std::string valid_utf8) {
  if (nfc_quick_yes(valid_utf8)) return valid_utf8;
  utf8proc_uint8_t* composed = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
                   static_cast<utf8proc_ssize_t>(valid_utf8.size()), &composed,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) return valid_utf8;  // cannot happen for sanitized input; keep the text
  std::string out(reinterpret_cast<const char*>(composed), static_cast<size_t>(length));
  std::free(composed);
  return out;
}

bool is_dropped_control(char32_t cp) {
  return (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

}  // namespace

std::string normalize_text(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    if (!decode_utf8(text, pos, cp)) {
      append_utf8(clean, kReplacementCharacter);
      continue;
    }
    if (cp == '\r') {
      if (pos < text.size() && text[pos] == '\n') continue;
      clean += '\n';
      continue;
    }
    if (is_dropped_control(cp)) continue;
    clean.append(text.substr(at, pos - at));
  }
  return to_nfc(std::move(clean));
}

std::string normalize_line(std::string_view text) {
  const std::string normalized = normalize_text(text);
  std::string out;
  out.reserve(normalized.size());
  bool pending_space = false;
  for (char c : normalized) {
    if (c == ' ' || c == '\n' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool is_safe_link(std::string_view url) {
  const auto starts_with_nocase = [url](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return (starts_with_nocase("https://") && url.size() > 8) || (starts_with_nocase("http://") && url.size() > 7) ||
         (starts_with_nocase("mailto:") && url.size() > 7);
}

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {{"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
                                     {"apos", '\''},   {"nbsp", 0xA0},    {"middot", 0xB7},  {"hellip", 0x2026},
                                     {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
                                     {"ndash", 0x2013}, {"mdash", 0x2014}, {"copy", 0xA9},    {"reg", 0xAE}};

// Decodes "&...;" at `pos` (pointing at '&'); returns false when it is not an entity.
bool decode_entity(std::string_view html, size_t& pos, std::string& out) {
  const size_t end = html.find(';', pos);
  if (end == std::string_view::npos || end - pos > 12) return false;
  const std::string_view body = html.substr(pos + 1, end - pos - 1);
  char32_t cp = 0;
  if (!body.empty() && body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty()) return false;
    char* parsed_end = nullptr;
    const unsigned long value = std::strtoul(digits.c_str(), &parsed_end, hex ? 16 : 10);
    if (*parsed_end != '\0' || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
    cp = static_cast<char32_t>(value);
  } else {
    bool found = false;
    for (const NamedEntity& entity : kEntities) {
      if (entity.name == body) {
        cp = entity.cp;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  append_utf8(out, cp == 0xA0 ? U' ' : cp);
  pos = end + 1;
  return true;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  while (pos < html.size()) {
    const char c = html[pos];
    if (c == '&') {
      if (!decode_entity(html, pos, out)) {
        out += '&';
        ++pos;
      }
      continue;
    }
    if (c != '<') {
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;  // HTML whitespace is a space
      ++pos;
      continue;
    }
    const size_t close = html.find('>', pos);
    if (close == std::string_view::npos) break;  // a cut-off tag at the end: drop it
    std::string tag = lower_ascii(html.substr(pos + 1, close - pos - 1));
    const bool closing = !tag.empty() && tag[0] == '/';
    const size_t name_start = closing ? 1 : 0;
    size_t name_end = name_start;
    while (name_end < tag.size() && ((tag[name_end] >= 'a' && tag[name_end] <= 'z') || (tag[name_end] >= '0' && tag[name_end] <= '9'))) ++name_end;
    const std::string name = tag.substr(name_start, name_end - name_start);
    pos = close + 1;
    if (!closing && (name == "script" || name == "style")) {
      const size_t end_tag = lower_ascii(html.substr(pos)).find("</" + name);
      pos = end_tag == std::string::npos ? html.size() : pos + end_tag;
      const size_t after = html.find('>', pos);
      pos = after == std::string_view::npos ? html.size() : after + 1;
      continue;
    }
    if (name == "br") {
      out += '\n';
    } else if (name == "p" || name == "div" || name == "li" || name == "tr" || name == "blockquote" ||
               (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
      out += "\n\n";
    }
  }
  // Collapse the spaces HTML would collapse, keep paragraph breaks.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && (collapsed.empty() || collapsed.back() == ' ' || collapsed.back() == '\n')) continue;
    if (out[i] == '\n') {
      while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    }
    collapsed += out[i];
  }
  return collapsed;
}

}  // namespace newsroom
