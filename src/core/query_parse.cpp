// What a visitor typed, made ready for the engine: parse_query splits it into terms,
// phrases, exclusions and 초성 terms; fold_case and choseong_of give the keys that text is
// compared by (Latin letters case-folded, Hangul syllables by their initial consonants),
// and shadow_of_term the 초성 codes the index looks for.
#include "core/search.h"

#include "core/search_internal.h"
#include "core/text.h"

namespace newsroom {

namespace search_detail {

bool consonants_only(std::string_view text) {
  if (text.empty()) return false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    if (!decode_utf8(text, pos, cp) || !is_consonant(cp)) return false;
  }
  return true;
}

std::string shadow_of_term(std::string_view consonants) {
  std::string codes;
  size_t pos = 0;
  while (pos < consonants.size()) codes += static_cast<char>(shadow_code(next_code_point(consonants, pos)));
  return codes;
}

}  // namespace search_detail

using search_detail::consonants_only;
using search_detail::initial_of;
using search_detail::is_space;
using search_detail::is_syllable;
using search_detail::next_code_point;

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b >= 'A' && b <= 'Z') {
      out[i] = static_cast<char>(b + 0x20);
    } else if (b == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string choseong_of(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    if (!decode_utf8(text, pos, cp)) cp = kReplacementCharacter;
    if (is_space(cp)) continue;
    append_utf8(out, is_syllable(cp) ? initial_of(cp) : cp);
  }
  return out;
}

ParsedQuery parse_query(std::string_view raw) {
  // Queries arrive NFC from the app; anything else is at least made valid UTF-8.
  std::string sanitized;
  std::string_view text = raw;
  if (find_invalid_utf8(raw) != std::string_view::npos) {
    sanitized = sanitize_utf8(raw);
    text = sanitized;
  }
  ParsedQuery parsed;
  const auto space_at = [&text](size_t pos) {
    size_t p = pos;
    return is_space(next_code_point(text, p));
  };
  const auto space_length = [&text](size_t pos) {
    size_t p = pos;
    next_code_point(text, p);
    return p - pos;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    if (space_at(pos)) {
      pos += space_length(pos);
      continue;
    }
    bool negate = false;
    if (text[pos] == '-' && pos + 1 < text.size() && !space_at(pos + 1)) {
      negate = true;
      ++pos;
    }
    if (text[pos] == '"') {
      // A phrase runs to the closing quote (or the end); its ends are trimmed.
      const size_t close = text.find('"', pos + 1);
      const size_t end = close == std::string_view::npos ? text.size() : close;
      size_t first = pos + 1, last = end;
      while (first < last && space_at(first)) first += space_length(first);
      while (last > first) {
        size_t start = last - 1;
        while (start > first && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        if (!space_at(start)) break;
        last = start;
      }
      if (last > first) {
        std::string phrase = fold_case(text.substr(first, last - first));
        (negate ? parsed.excluded : parsed.phrases).push_back(std::move(phrase));
      }
      pos = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    size_t end = pos;
    while (end < text.size() && text[end] != '"' && !space_at(end)) end += space_length(end);
    std::string term = fold_case(text.substr(pos, end - pos));
    pos = end;
    if (negate)
      parsed.excluded.push_back(std::move(term));
    else if (consonants_only(term))
      parsed.choseong.push_back(std::move(term));
    else
      parsed.terms.push_back(std::move(term));
  }
  return parsed;
}

}  // namespace newsroom
