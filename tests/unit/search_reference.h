// The search engine's reference (tests/unit/test_search*.cpp): written here from the rules
// in core/search.h and docs: fold the text, look for every term with find, filter, count
// the facets, sort with comparators. It shares nothing with the engine but the board and
// the core helpers it is built on (UTF-8 decoding, dates).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/dates.h"
#include "core/search.h"
#include "core/text.h"
#include "io/importer.h"
#include "io/text_normalize.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

namespace newsroom::search_test {

using test::Rng;

// ---------------------------------------------------------------------------------------
// The reference.
// ---------------------------------------------------------------------------------------

inline std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) out.push_back(decode_utf8(text, pos, cp) ? cp : kReplacementCharacter);
  return out;
}

inline std::string utf8(const std::vector<char32_t>& cps, size_t from = 0, size_t count = std::string::npos) {
  std::string out;
  for (size_t i = from; i < cps.size() && i - from < count; ++i) append_utf8(out, cps[i]);
  return out;
}

inline bool ref_space(char32_t cp) {
  static const std::set<char32_t> spaces = {' ',    '\t',   '\n',   '\v',   '\f',   '\r',   0xA0,   0x1680,
                                            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
                                            0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  return spaces.count(cp) != 0;
}

// ASCII and Latin-1 capitals to small letters, code point by code point.
inline std::string ref_fold(std::string_view text) {
  std::vector<char32_t> cps = code_points(text);
  for (char32_t& cp : cps) {
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
  }
  return utf8(cps);
}

inline bool is_consonant(char32_t cp) { return cp >= 0x3131 && cp <= 0x314E; }

// 초성: each syllable's initial consonant, spaces dropped, other characters kept.
inline std::string ref_choseong(std::string_view text) {
  static const char32_t initials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145,
                                        0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
  std::vector<char32_t> out;
  for (const char32_t cp : code_points(text)) {
    if (ref_space(cp)) continue;
    out.push_back(cp >= 0xAC00 && cp <= 0xD7A3 ? initials[(cp - 0xAC00) / (21 * 28)] : cp);
  }
  return utf8(out);
}

inline bool ref_consonants_only(std::string_view text) {
  const auto cps = code_points(text);
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), is_consonant);
}

struct RefQuery {
  std::vector<std::string> terms, phrases, excluded, choseong;
  bool has_text() const { return !terms.empty() || !phrases.empty() || !excluded.empty() || !choseong.empty(); }
};

// The query grammar as documented: whitespace separates terms; "…" is a phrase (to the
// next quote or the end, ends trimmed, empty ones dropped); a leading - excludes the
// term or phrase after it; a term of consonants only is a 초성 term; all folded.
inline RefQuery ref_parse(std::string_view raw) {
  const std::vector<char32_t> cps = code_points(sanitize_utf8(raw));
  RefQuery q;
  size_t i = 0;
  while (i < cps.size()) {
    if (ref_space(cps[i])) {
      ++i;
      continue;
    }
    bool negate = false;
    if (cps[i] == '-' && i + 1 < cps.size() && !ref_space(cps[i + 1])) {
      negate = true;
      ++i;
    }
    if (cps[i] == '"') {
      size_t end = i + 1;
      while (end < cps.size() && cps[end] != '"') ++end;
      size_t first = i + 1, last = end;
      while (first < last && ref_space(cps[first])) ++first;
      while (last > first && ref_space(cps[last - 1])) --last;
      if (last > first) (negate ? q.excluded : q.phrases).push_back(ref_fold(utf8(cps, first, last - first)));
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < cps.size() && cps[end] != '"' && !ref_space(cps[end])) ++end;
    const std::string term = ref_fold(utf8(cps, i, end - i));
    i = end;
    if (negate)
      q.excluded.push_back(term);
    else if (ref_consonants_only(term))
      q.choseong.push_back(term);
    else
      q.terms.push_back(term);
  }
  return q;
}

// 가나다 order of titles: code point by code point by (group, value) — punctuation,
// symbols and spaces; digits; Hangul; Latin letters, case-folded; everything else.
inline int ref_group(char32_t cp) {
  if (cp >= '0' && cp <= '9') return 1;
  if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF))
    return 2;
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
    return 3;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return 0;
  return 4;
}

inline std::vector<std::pair<int, char32_t>> ref_collation_keys(std::string_view title) {
  std::vector<std::pair<int, char32_t>> keys;
  for (char32_t cp : code_points(title)) {
    const int group = ref_group(cp);
    if (group == 3 && ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))) cp += 32;
    keys.emplace_back(group, cp);
  }
  return keys;
}

class Reference {
 public:
  const Board& board() const { return board_; }
  explicit Reference(const Board& board) : board_(board) {
    const size_t n = board.size();
    for (uint32_t i = 0; i < n; ++i) {
      const ArticleView a = board.article(i);
      title_.push_back(ref_fold(a.title));
      body_.push_back(ref_fold(a.body));
      author_.push_back(ref_fold(a.author));
      title_initials_.push_back(ref_choseong(a.title));
      author_initials_.push_back(ref_choseong(a.author));
      year_.push_back(civil_from_seconds(a.published_at + kSeoulOffsetSeconds).year);
      collation_.push_back(ref_collation_keys(a.title));
    }
    board_position_.resize(n);
    for (size_t k = 0; k < n; ++k) board_position_[board.board_order()[k]] = k;
  }

  SearchResult run(const Query& q) const {
    const RefQuery parsed = ref_parse(q.text);
    const Board& b = board_;
    const auto has = [](const std::string& text, const std::string& needle) {
      return text.find(needle) != std::string::npos;
    };
    // One required piece: does article i have it, and is it a title hit?
    const auto literal = [&](uint32_t i, const std::string& t, bool& in_title) {
      in_title = false;
      switch (q.field) {
        case SearchField::title_body: in_title = has(title_[i], t); return in_title || has(body_[i], t);
        case SearchField::title: in_title = true; return has(title_[i], t);
        case SearchField::body: return has(body_[i], t);
        case SearchField::author: return has(author_[i], t);
      }
      return false;
    };
    const auto initials = [&](uint32_t i, const std::string& t, bool& in_title) {
      in_title = q.field == SearchField::title_body || q.field == SearchField::title;
      switch (q.field) {
        case SearchField::body: return has(body_[i], t);
        case SearchField::author: return has(author_initials_[i], t) || has(author_[i], t);
        default: return has(title_initials_[i], t);
      }
    };
    std::vector<uint32_t> matches;
    std::vector<int> title_hits(b.size(), 0);
    for (uint32_t i = 0; i < b.size(); ++i) {
      if (!q.author.empty() && b.article(i).author != q.author) continue;
      if (q.with_attachments && b.attachments_of(i).empty()) continue;
      if (q.pinned_only && !b.pinned(i)) continue;
      bool ok = true, in_title = false;
      for (const auto* list : {&parsed.terms, &parsed.phrases}) {
        for (const std::string& t : *list) {
          ok = ok && literal(i, t, in_title);
          title_hits[i] += ok && in_title;
        }
      }
      for (const std::string& t : parsed.choseong) {
        ok = ok && initials(i, t, in_title);
        title_hits[i] += ok && in_title;
      }
      for (const std::string& t : parsed.excluded)
        ok = ok && !(ref_consonants_only(t) ? initials(i, t, in_title) : literal(i, t, in_title));
      if (ok) matches.push_back(i);
    }
    const auto category_ok = [&](uint32_t i) {
      return q.categories.empty() ||
             std::find(q.categories.begin(), q.categories.end(), b.category_of(i)) != q.categories.end();
    };
    const auto date_ok = [&](uint32_t i) {
      return (!q.from || b.published_at(i) >= *q.from) && (!q.to || b.published_at(i) < *q.to);
    };
    SearchResult r;
    r.per_category.assign(b.category_names().size(), 0);
    std::vector<uint32_t> rows;
    for (const uint32_t i : matches) {
      if (date_ok(i)) ++r.per_category[b.category_of(i)];
      if (category_ok(i)) ++r.per_year[year_[i]];
      if (category_ok(i) && date_ok(i)) rows.push_back(i);
    }
    const bool pinned_rule = !parsed.has_text() && q.categories.empty();
    if (pinned_rule) {
      for (const uint32_t i : b.board_order())
        if (b.pinned(i) && std::find(rows.begin(), rows.end(), i) != rows.end()) r.rows.push_back(i);
      r.pinned_on_top = r.rows.size();
      rows.erase(std::remove_if(rows.begin(), rows.end(), [&](uint32_t i) { return b.pinned(i); }), rows.end());
    }
    const auto newer = [&](uint32_t x, uint32_t y) {
      if (b.published_at(x) != b.published_at(y)) return b.published_at(x) > b.published_at(y);
      return b.id(x) > b.id(y);
    };
    SortOrder sort = q.sort;
    if (sort == SortOrder::relevance && !parsed.has_text()) sort = SortOrder::newest;
    switch (sort) {
      case SortOrder::newest: std::sort(rows.begin(), rows.end(), newer); break;
      case SortOrder::oldest:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) { return newer(y, x); });
        break;
      case SortOrder::most_viewed:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return b.views(x) != b.views(y) ? b.views(x) > b.views(y) : newer(x, y);
        });
        break;
      case SortOrder::least_viewed:  // exactly the reverse of most viewed
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return b.views(x) != b.views(y) ? b.views(x) < b.views(y) : newer(y, x);
        });
        break;
      case SortOrder::title:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          if (collation_[x] != collation_[y]) return collation_[x] < collation_[y];
          if (b.title(x) != b.title(y)) return b.title(x) < b.title(y);
          return newer(x, y);
        });
        break;
      case SortOrder::number:
        std::sort(rows.begin(), rows.end(),
                  [&](uint32_t x, uint32_t y) { return board_position_[x] < board_position_[y]; });
        break;
      case SortOrder::relevance:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return title_hits[x] != title_hits[y] ? title_hits[x] > title_hits[y] : newer(x, y);
        });
        break;
    }
    r.rows.insert(r.rows.end(), rows.begin(), rows.end());
    return r;
  }

 private:
  const Board& board_;
  std::vector<std::string> title_, body_, author_, title_initials_, author_initials_;
  std::vector<int> year_;
  std::vector<std::vector<std::pair<int, char32_t>>> collation_;
  std::vector<size_t> board_position_;
};

}  // namespace newsroom::search_test
