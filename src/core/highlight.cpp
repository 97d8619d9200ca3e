// Highlights: where a query's terms, phrases and 초성 terms match in an article's title or
// body, as merged byte ranges for the list and the article view to mark.
#include "core/search.h"

#include <algorithm>

#include "core/search_internal.h"

namespace newsroom {

using search_detail::Finder;
using search_detail::next_code_point;
using search_detail::shadow_code;
using search_detail::shadow_of_term;

namespace {

void add_matches(HighlightRanges& out, std::string_view folded, std::string_view text) {
  if (folded.empty()) return;
  const Finder finder(folded);
  for (size_t at = finder.find(text); at != std::string_view::npos; at = finder.find(text, at + folded.size()))
    out.emplace_back(static_cast<uint32_t>(at), static_cast<uint32_t>(at + folded.size()));
}

HighlightRanges merged(HighlightRanges ranges) {
  std::sort(ranges.begin(), ranges.end());
  HighlightRanges out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().second)
      out.back().second = std::max(out.back().second, r.second);
    else
      out.push_back(r);
  }
  return out;
}

}  // namespace

HighlightRanges SearchIndex::highlights(const ParsedQuery& parsed, std::string_view text) const {
  HighlightRanges ranges;
  for (const std::string& t : parsed.terms) add_matches(ranges, t, text);
  for (const std::string& t : parsed.phrases) add_matches(ranges, t, text);
  for (const std::string& t : parsed.choseong) add_matches(ranges, t, text);  // consonants typed as such
  return merged(std::move(ranges));
}

HighlightRanges SearchIndex::title_highlights(const ParsedQuery& parsed, std::string_view title) const {
  HighlightRanges ranges = highlights(parsed, title);
  if (!parsed.choseong.empty()) {
    // The title's shadow with the byte range of the character behind each code.
    std::string codes;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    size_t pos = 0;
    while (pos < title.size()) {
      const size_t start = pos;
      const uint8_t code = shadow_code(next_code_point(title, pos));
      if (code == 0) continue;
      codes += static_cast<char>(code);
      spans.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(pos));
    }
    for (const std::string& t : parsed.choseong) {
      const std::string needle = shadow_of_term(t);
      const Finder finder(needle);
      for (size_t at = finder.find(codes); at != std::string::npos; at = finder.find(codes, at + needle.size()))
        ranges.emplace_back(spans[at].first, spans[at + needle.size() - 1].second);
    }
  }
  return merged(std::move(ranges));
}

}  // namespace newsroom
