#include "core/text.h"

namespace newsroom {

bool decode_utf8(std::string_view text, size_t& pos, char32_t& code_point) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    code_point = lead;
    ++pos;
    return true;
  }
  int length = 0;
  char32_t value = 0, minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return false;
  }
  if (pos + length > text.size()) {
    ++pos;
    return false;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return false;
    }
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    ++pos;
    return false;
  }
  code_point = value;
  pos += length;
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t find_invalid_utf8(std::string_view text) {
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    if (!decode_utf8(text, pos, cp)) return at;
  }
  return std::string_view::npos;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    if (decode_utf8(text, pos, cp)) {
      out.append(text.substr(at, pos - at));
      continue;
    }
    // One U+FFFD per broken sequence: a lead byte swallows the continuation bytes that
    // follow it (a cut-off Hangul syllable is one replacement, not three).
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead >= 0xC2 && lead <= 0xF4) {
      while (pos < text.size() && pos - at < 4 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    append_utf8(out, kReplacementCharacter);
  }
  return out;
}

std::string_view trim_truncated_tail(std::string_view text) {
  // Walk back over at most three continuation bytes to the last lead byte.
  size_t lead = text.size();
  for (int back = 0; back < 4 && lead > 0; ++back) {
    --lead;
    if ((static_cast<unsigned char>(text[lead]) & 0xC0) != 0x80) break;
  }
  size_t pos = lead;
  char32_t cp = 0;
  if (lead < text.size() && !decode_utf8(text, pos, cp) && pos == lead + 1) {
    // The last sequence is incomplete: drop it.
    const unsigned char b = static_cast<unsigned char>(text[lead]);
    const size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (need > text.size() - lead) return text.substr(0, lead);
  }
  return text;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_paragraphs(std::string_view body) {
  std::vector<std::string_view> paragraphs;
  size_t start = 0;
  while (start < body.size()) {
    // A paragraph ends at a line that holds only whitespace.
    size_t end = start;
    size_t next = body.size();
    while (end < body.size()) {
      const size_t line_end = body.find('\n', end);
      if (line_end == std::string_view::npos) {
        end = body.size();
        break;
      }
      size_t probe = line_end + 1;
      while (probe < body.size() && (body[probe] == ' ' || body[probe] == '\t' || body[probe] == '\r')) ++probe;
      if (probe >= body.size() || body[probe] == '\n') {
        end = line_end;
        next = probe >= body.size() ? body.size() : probe + 1;
        break;
      }
      end = line_end + 1;
    }
    const std::string_view paragraph = trim(body.substr(start, end - start));
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
    start = end >= body.size() ? body.size() : next;
  }
  return paragraphs;
}

std::string with_thousands(int64_t value) {
  const bool negative = value < 0;
  const std::string digits = std::to_string(negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

}  // namespace newsroom
