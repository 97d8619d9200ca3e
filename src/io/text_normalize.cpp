#include "io/text_normalize.h"

#include <utf8proc.h>
#include <array>
#include <cctype>
#include <cstdlib>

#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

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
  const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
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

namespace text_detail {

// One pass over text that is almost always already normal: valid UTF-8, no controls but
// newline and tab, no CR, and nothing NFC could change (see nfc_quick_yes). Hangul
// syllables (3 bytes) and ASCII are checked inline without a general decoder. A line must
// also hold no newline, no tab and no two spaces in a row (its ends are checked apart).
// `pos` is at the start of a character and `previous` is the byte before it (0 at 0).
bool already_normal_from(std::string_view text, size_t pos, bool line, unsigned char previous) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  while (pos < size) {
    const unsigned char b = bytes[pos];
    if (b < 0x80) {
      if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return false;
      if (line && (b == '\n' || b == '\t' || (b == ' ' && previous == ' '))) return false;
      previous = b;
      ++pos;
      continue;
    }
    previous = 0;
    if ((b & 0xF0) == 0xE0 && pos + 2 < size && (bytes[pos + 1] & 0xC0) == 0x80 && (bytes[pos + 2] & 0xC0) == 0x80) {
      const char32_t cp = ((b & 0x0F) << 12) | ((bytes[pos + 1] & 0x3F) << 6) | (bytes[pos + 2] & 0x3F);
      const bool safe = (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x2000 && cp <= 0x2FFF) ||
                        (cp >= 0x3000 && cp <= 0x3098) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                        (cp >= 0xFF00 && cp <= 0xFFEF);
      if (!safe) return false;  // includes overlong forms and surrogates
      pos += 3;
      continue;
    }
    if ((b & 0xE0) == 0xC0 && pos + 1 < size && (bytes[pos + 1] & 0xC0) == 0x80) {
      const char32_t cp = ((b & 0x1F) << 6) | (bytes[pos + 1] & 0x3F);
      if (cp < 0xA0 || cp >= 0x300) return false;  // overlong, C1 controls, combining marks and beyond
      pos += 2;
      continue;
    }
    return false;  // anything else takes the careful path
  }
  return true;
}

bool already_normal_scalar(std::string_view text, bool line) {
  if (line && !text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
  return already_normal_from(text, 0, line, 0);
}

#if defined(__SSSE3__)
namespace {

// Byte comparisons as masks; SSE compares bytes as signed, so unsigned order goes through
// min and max.
__m128i splat(unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); }
__m128i at_least(__m128i x, unsigned char c) { return _mm_cmpeq_epi8(_mm_max_epu8(x, splat(c)), x); }
__m128i at_most(__m128i x, __m128i limit) { return _mm_cmpeq_epi8(_mm_min_epu8(x, limit), x); }
__m128i table(const unsigned char* bytes) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes)); }

// What each byte may not be, as flags given by its high nibble and by its low nibble: a
// byte is refused where both name the same flag. The last two flags mark the lead bytes
// whose characters are allowed only in part, to be told by the bytes after them.
enum : unsigned char {
  kControl = 0x01,    // 0x00..0x1F (newline and tab only in text)
  kControl1x = 0x02,  // 0x10..0x1F
  kDelete = 0x04,     // 0x7F
  kLead2 = 0x08,      // C0, C1 (overlong), CC..CF (U+0300..U+03FF: combining marks and beyond)
  kLeadOther = 0x10,  // D0..DF, F0..FF (U+0400..U+07FF, four-byte characters and worse)
  kLead3 = 0x20,      // E0, E1, EE (U+0000..U+1FFF, U+E000..U+EFFF)
  kPartly2 = 0x40,    // C2: U+00A0..U+00BF only
  kPartly3 = 0x80,    // E3, E4, EA, ED, EF: U+3000..3098, U+4E00.., U+AC00.., ..U+D7A3, U+FF00..FFEF
};
using Table = std::array<unsigned char, 16>;
constexpr Table by_high_nibble() {
  Table t{};
  t[0x0] = kControl;
  t[0x1] = kControl1x;
  t[0x7] = kDelete;
  t[0xC] = kLead2 | kPartly2;
  t[0xD] = t[0xF] = kLeadOther;
  t[0xE] = kLead3 | kPartly3;
  return t;
}
constexpr Table by_low_nibble(bool line) {
  Table t{};
  for (unsigned i = 0; i < 16; ++i) {
    t[i] = kControl1x | kLeadOther;
    if (line || (i != '\t' && i != '\n')) t[i] |= kControl;
    if (i <= 0x1 || i >= 0xC) t[i] |= kLead2;
    if (i <= 0x1 || i == 0xE) t[i] |= kLead3;
    if (i == 0xF) t[i] |= kDelete;
    if (i == 0x2) t[i] |= kPartly2;
    if (i == 0x3 || i == 0x4 || i == 0xA || i == 0xD || i == 0xF) t[i] |= kPartly3;
  }
  return t;
}
constexpr Table kByHigh = by_high_nibble(), kByLowText = by_low_nibble(false), kByLowLine = by_low_nibble(true);
// For the partly allowed leads, by their low nibble (C2, E3, E4, EA, ED, EF): the range of
// the next byte, and the limit of the byte after it when the next one is at its top.
constexpr unsigned char kNextLow[16] = {0x80, 0x80, 0xA0, 0x80, 0xB8, 0x80, 0x80, 0x80,
                                        0x80, 0x80, 0xB0, 0x80, 0x80, 0x80, 0x80, 0xBC};
constexpr unsigned char kNextHigh[16] = {0xBF, 0xBF, 0xBF, 0x82, 0xBF, 0xBF, 0xBF, 0xBF,
                                         0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0x9E, 0xBF, 0xBF};
constexpr unsigned char kThirdHigh[16] = {0xFF, 0xFF, 0xFF, 0x98, 0xBF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xBF, 0xFF, 0xFF, 0xA3, 0xFF, 0xAF};

// Sixteen bytes at once under the scalar loop's rules, given the bytes one and two before
// and after each: a byte not zero in the result breaks them. Every byte must be allowed
// ASCII, a continuation byte that the byte one or two before opens (and every byte so
// opened a continuation byte), or the lead byte of a character in the quick-yes ranges.
// Text known to be valid UTF-8 (kValid: a JSON parser's string) has its continuation
// bytes where their leads open them, so that part of the check is left out.
template <bool kValid>
__m128i block_faults(__m128i b, __m128i before1, __m128i before2, __m128i next1, __m128i next2, bool line) {
  const __m128i low = _mm_and_si128(b, splat(0x0F));
  const __m128i high = _mm_and_si128(_mm_srli_epi16(b, 4), splat(0x0F));
  const __m128i flags = _mm_and_si128(_mm_shuffle_epi8(table(kByHigh.data()), high),
                                      _mm_shuffle_epi8(table(line ? kByLowLine.data() : kByLowText.data()), low));
  __m128i faults = _mm_and_si128(flags, splat(kControl | kControl1x | kDelete | kLead2 | kLeadOther | kLead3));
  if (line)
    faults = _mm_or_si128(faults, _mm_and_si128(_mm_cmpeq_epi8(b, splat(' ')), _mm_cmpeq_epi8(before1, splat(' '))));
  // A partly allowed lead: the next byte within its range, and at the range's top the
  // third byte within its limit.
  const __m128i partly = _mm_and_si128(flags, splat(kPartly2 | kPartly3));
  const __m128i top = _mm_shuffle_epi8(table(kNextHigh), low);
  const __m128i in_range = _mm_and_si128(
      _mm_cmpeq_epi8(_mm_max_epu8(next1, _mm_shuffle_epi8(table(kNextLow), low)), next1), at_most(next1, top));
  const __m128i third_ok = _mm_or_si128(_mm_xor_si128(_mm_cmpeq_epi8(next1, top), splat(0xFF)),
                                        at_most(next2, _mm_shuffle_epi8(table(kThirdHigh), low)));
  faults = _mm_or_si128(faults, _mm_andnot_si128(_mm_and_si128(in_range, third_ok), partly));
  if (kValid) return faults;
  // Continuation bytes exactly where a lead one or two bytes before opens them.
  const __m128i continuation = _mm_cmpeq_epi8(_mm_and_si128(b, splat(0xC0)), splat(0x80));
  const __m128i opened = _mm_or_si128(at_least(before1, 0xC0), at_least(before2, 0xE0));
  return _mm_or_si128(faults, _mm_xor_si128(continuation, opened));
}
bool none(__m128i faults) { return _mm_movemask_epi8(_mm_cmpeq_epi8(faults, _mm_setzero_si128())) == 0xFFFF; }

}  // namespace
#endif

namespace {
template <bool kValid>
bool normal_in_blocks(std::string_view text, bool line) {
  if (line && !text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
  size_t pos = 0;
#if defined(__SSSE3__)
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const auto load = [bytes](size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at)); };
  // A block needs the two bytes after it; the first has none before it.
  if (text.size() >= 18) {
    // The blocks' faults are gathered and looked at once a kilobyte: nearly every text has none.
    const __m128i first = load(0);
    __m128i faults =
        block_faults<kValid>(first, _mm_slli_si128(first, 1), _mm_slli_si128(first, 2), load(1), load(2), line);
    for (pos = 16; pos + 18 <= text.size(); pos += 16) {
      faults = _mm_or_si128(
          faults, block_faults<kValid>(load(pos), load(pos - 1), load(pos - 2), load(pos + 1), load(pos + 2), line));
      if ((pos & 1023) == 0 && !none(faults)) return false;
    }
    if (!none(faults)) return false;
    // Every continuation byte so far has its lead, so the character under `pos` starts
    // at most two bytes back: the rest is read a character at a time from there.
    while ((bytes[pos] & 0xC0) == 0x80) --pos;
  }
#endif
  return already_normal_from(text, pos, line, pos ? static_cast<unsigned char>(text[pos - 1]) : 0);
}
}  // namespace

bool already_normal(std::string_view text, bool line) { return normal_in_blocks<false>(text, line); }
bool already_normal_utf8(std::string_view text, bool line) { return normal_in_blocks<true>(text, line); }

}  // namespace text_detail

namespace {
using text_detail::already_normal;

}  // namespace

std::string normalize_text(std::string_view text) {
  if (already_normal(text, false)) return std::string(text);
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
  if (already_normal(text, true)) return std::string(text);  // most titles and names
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
constexpr NamedEntity kEntities[] = {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
                                     {"apos", '\''},    {"nbsp", 0xA0},    {"middot", 0xB7},  {"hellip", 0x2026},
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

}  // namespace

namespace {

bool iequals_prefix(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// The value of attribute `name` in a tag's inside ("a href='x' title=y"), entities decoded.
std::string attribute(std::string_view tag, std::string_view name) {
  for (size_t at = 0; at + name.size() < tag.size(); ++at) {
    const bool boundary = at == 0 || tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n';
    if (!boundary || !iequals_prefix(tag, at, name)) continue;
    size_t pos = at + name.size();
    while (pos < tag.size() && tag[pos] == ' ') ++pos;
    if (pos >= tag.size() || tag[pos] != '=') continue;
    ++pos;
    while (pos < tag.size() && tag[pos] == ' ') ++pos;
    if (pos >= tag.size()) return {};
    std::string_view raw;
    if (tag[pos] == '"' || tag[pos] == '\'') {
      const size_t close = tag.find(tag[pos], pos + 1);
      raw = tag.substr(pos + 1, close == std::string_view::npos ? std::string_view::npos : close - pos - 1);
    } else {
      const size_t end = tag.find_first_of(" \t\n>", pos);
      raw = tag.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    }
    std::string value;
    for (size_t i = 0; i < raw.size();) {
      if (raw[i] == '&' && decode_entity(raw, i, value)) continue;
      value += raw[i++];
    }
    return std::string(trim(value));
  }
  return {};
}

std::string file_name_of(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const size_t slash = url.rfind('/');
  return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

}  // namespace

bool is_relative_address(std::string_view url) {
  if (url.empty() || url.substr(0, 2) == "//") return false;
  const size_t colon = url.find(':');
  const size_t slash = url.find_first_of("/?#");
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}

std::string resolve_address(std::string_view base, std::string address) {
  if (base.empty() || !is_relative_address(address) || address.front() == '/' || address.front() == '?' ||
      address.front() == '#') {
    return address;
  }
  base = base.substr(0, base.find_first_of("?#"));
  const size_t slash = base.rfind('/');
  if (slash == std::string_view::npos) return address;
  return address.insert(0, base.substr(0, slash + 1));
}

bool looks_like_html(std::string_view body) {
  // One pass from '<' to '<' (a plain text body has none), not one pass per tag.
  for (size_t at = body.find('<'); at != std::string_view::npos; at = body.find('<', at + 1)) {
    const std::string_view rest = body.substr(at);
    for (const std::string_view tag : {"<p", "<br", "<div", "<span", "<a ", "<img", "<table", "<P", "<BR", "<DIV"}) {
      if (rest.substr(0, tag.size()) == tag) return true;
    }
  }
  return false;
}

HtmlText html_to_text(std::string_view html) {
  HtmlText result;
  std::string out;
  out.reserve(html.size());
  size_t link_text_start = std::string::npos;  // where the open <a>'s text begins in `out`
  std::string link_href;
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
    if (html.substr(pos, 4) == "<!--") {
      const size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const size_t close = html.find('>', pos);
    if (close == std::string_view::npos) break;  // a cut-off tag at the end: drop it
    const std::string_view tag = html.substr(pos + 1, close - pos - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    size_t name_end = closing ? 1 : 0;
    std::string name;
    while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[name_end])));
      ++name_end;
    }
    pos = close + 1;
    if (!closing && (name == "script" || name == "style")) {
      const std::string end_tag = "</" + name;
      size_t end = pos;
      while (end < html.size() && !iequals_prefix(html, end, end_tag)) ++end;
      const size_t after = html.find('>', end);
      pos = after == std::string_view::npos ? html.size() : after + 1;
      continue;
    }
    if (name == "br") {
      out += '\n';
    } else if (name == "p" || name == "div" || name == "li" || name == "tr" || name == "blockquote" ||
               (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
      out += "\n\n";
    } else if (name == "a" && !closing) {
      link_href = attribute(tag.substr(name_end), "href");
      link_text_start = out.size();
    } else if (name == "a" && closing && link_text_start != std::string::npos) {
      if (is_safe_link(link_href)) {
        result.links.push_back({std::string(trim(std::string_view(out).substr(link_text_start))), link_href});
      }
      link_text_start = std::string::npos;
    } else if (name == "img") {
      const std::string src = attribute(tag.substr(name_end), "src");
      const std::string alt = attribute(tag.substr(name_end), "alt");
      if (!src.empty() && (is_safe_link(src) || is_relative_address(src))) {
        result.images.push_back({alt.empty() ? file_name_of(src) : alt, src});
      }
      out += alt.empty() ? " [이미지] " : " [이미지: " + alt + "] ";
    }
  }
  // Collapse the spaces HTML would collapse; at most one blank line between paragraphs.
  std::string& text = result.text;
  text.reserve(out.size());
  for (const char ch : out) {
    if (ch == ' ' && (text.empty() || text.back() == ' ' || text.back() == '\n')) continue;
    if (ch == '\n') {
      while (!text.empty() && text.back() == ' ') text.pop_back();
      if (text.empty() || (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n'))
        continue;
    }
    text += ch;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return result;
}

}  // namespace newsroom
