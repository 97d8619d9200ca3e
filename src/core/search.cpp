// The query engine (issue 4). How it works:
//
//  - Index, built once per board (core/search_index.h): postings of every code-point
//    unigram, bigram and trigram of the case-folded titles and bodies, each set stored as
//    a bitmap or a varint delta list, whichever is smaller, and a trigram usually as its
//    few exceptions to its two bigrams; for body bigrams also where each first occurs in
//    each article. The same postings over a one-byte-per-character 초성 shadow of every
//    title. Per-article columns for the filters (author id, Seoul year, attachment and
//    pinned flags), and the sort orders as permutations.
//  - A query narrows a bit set of articles term by term, cheapest term first. A term of
//    up to three characters is answered by its postings alone; a longer one gets the
//    intersection of its grams' postings as candidates, each confirmed by a real
//    case-insensitive substring search (search_detail::Finder) in the text, starting where
//    its rarest bigram first occurs. Excluded terms then remove their matches. Filters
//    are applied around that, and the facets counted, in one pass over the matches.
//  - Display order walks a prebuilt permutation keeping matches: no comparison sort at
//    query time. Relevance is a counting sort by title hits along the newest-first order.
//    The matches of the last query are kept, so changing only the sort costs one walk.
#include "core/search.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "core/dates.h"
#include "core/search_index.h"
#include "core/text.h"

namespace newsroom {

using search_detail::Bitset;
using search_detail::Finder;
using search_detail::fold_code_point;
using search_detail::GramIndex;
using search_detail::is_space;
using search_detail::next_code_point;

namespace {

// ---------------------------------------------------------------------------------------
// Hangul
// ---------------------------------------------------------------------------------------

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;
constexpr char32_t kFirstConsonant = 0x3131, kLastConsonant = 0x314E;  // ㄱ..ㅎ (compatibility jamo)
// The 19 initial consonants in syllable order, as compatibility jamo.
constexpr char32_t kInitials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145,
                                    0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

constexpr bool is_syllable(char32_t cp) { return cp >= kFirstSyllable && cp <= kLastSyllable; }
constexpr bool is_consonant(char32_t cp) { return cp >= kFirstConsonant && cp <= kLastConsonant; }
constexpr char32_t initial_of(char32_t syllable) { return kInitials[(syllable - kFirstSyllable) / 588]; }

// One byte per character of choseong_of(text) in the index's shadow: a consonant ㄱ..ㅎ is
// 1..30, anything else 0xFF (never part of a consonant-only term); whitespace is dropped (0).
constexpr uint8_t kOtherCode = 0xFF;
constexpr uint8_t shadow_code(char32_t cp) {
  if (is_space(cp)) return 0;
  if (is_syllable(cp)) return static_cast<uint8_t>(initial_of(cp) - 0x3130);
  if (is_consonant(cp)) return static_cast<uint8_t>(cp - 0x3130);
  return kOtherCode;
}

bool consonants_only(std::string_view text) {
  if (text.empty()) return false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    if (!decode_utf8(text, pos, cp) || !is_consonant(cp)) return false;
  }
  return true;
}

// Bigrams of bodies in fewer articles than this keep no positions: reading those few
// texts is cheap. Those stored as delta lists (found in up to about an eighth of the
// articles) keep them only from 1/32 of the articles: memory saved, for a few
// milliseconds at worst on 100k articles.
constexpr uint32_t kPositionsFrom = 64, kListPositionsShare = 32;

std::string shadow_of_term(std::string_view consonants) {
  std::string codes;
  size_t pos = 0;
  while (pos < consonants.size()) codes += static_cast<char>(shadow_code(next_code_point(consonants, pos)));
  return codes;
}

// ---------------------------------------------------------------------------------------
// Title order (SortOrder::title): 가나다 order. Code point by code point, each compared by
// (group, value): punctuation, symbols and spaces < digits < Hangul < Latin letters
// (case-folded) < other scripts; within a group by code point — Hangul syllables are
// encoded in 가나다 order. Equal keys: the shorter title first, then the raw bytes, then newest.
// ---------------------------------------------------------------------------------------

constexpr uint32_t collation_group(char32_t cp) {
  if (cp >= '0' && cp <= '9') return 1;
  if (is_syllable(cp) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) ||
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

constexpr uint32_t collation_key(char32_t cp) {
  const uint32_t group = collation_group(cp);
  return (group << 21) | (group == 3 ? fold_code_point(cp) : cp);
}

// <0, 0, >0 by the keys alone.
int compare_collation(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const uint32_t ka = collation_key(next_code_point(a, i)), kb = collation_key(next_code_point(b, j));
    if (ka != kb) return ka < kb ? -1 : 1;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

// The keys of the first three code points, packed so that integer order agrees with
// compare_collation wherever they differ.
uint64_t collation_prefix(std::string_view title) {
  uint64_t k[3] = {0, 0, 0};
  size_t pos = 0;
  for (int i = 0; i < 3 && pos < title.size(); ++i) k[i] = collation_key(next_code_point(title, pos));
  return (k[0] << 40) | (k[1] << 16) | (k[2] >> 8);
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

// What the index looks for: symbols (code points, or 초성 codes), the byte offset of each
// in the folded text, and a finder over that text.
struct Needle {
  std::vector<char32_t> symbols;
  std::vector<uint32_t> offsets;
  Finder finder;
};

Needle make_needle(std::string_view text, bool shadow) {
  Needle needle;
  std::string codes;
  size_t pos = 0;
  while (pos < text.size()) {
    needle.offsets.push_back(static_cast<uint32_t>(shadow ? codes.size() : pos));
    const char32_t cp = next_code_point(text, pos);
    if (shadow) codes += static_cast<char>(shadow_code(cp));
    needle.symbols.push_back(shadow ? shadow_code(cp) : cp);
  }
  needle.finder = Finder(shadow ? std::string_view(codes) : text);
  return needle;
}

// One required or excluded piece of a query, ready to match.
struct Item {
  std::string text;  // folded
  bool choseong = false;
  Needle literal;  // the text as typed (for a 초성 term: in the body and author fields)
  Needle initials;  // a 초성 term's consonant codes, for titles' shadows
  uint64_t cost = 0;
};

Item make_item(std::string text, bool choseong) {
  Item item;
  item.choseong = choseong;
  item.literal = make_needle(text, false);
  if (choseong) item.initials = make_needle(text, true);
  item.text = std::move(text);
  return item;
}

// A gram of a needle and, for a bigram, its byte offset in the needle.
struct GramRef {
  const GramIndex::Entry* entry;
  uint32_t at;
};

struct MatchKey {
  std::string text;
  SearchField field = SearchField::title_body;
  std::vector<uint16_t> categories;
  std::optional<int64_t> from, to;
  std::string author;
  bool with_attachments = false, pinned_only = false;
  std::optional<int64_t> views_min, views_max;
  bool operator==(const MatchKey&) const = default;
};

MatchKey key_of(const Query& q) {
  return MatchKey{q.text, q.field, q.categories, q.from, q.to, q.author, q.with_attachments, q.pinned_only, q.views_min, q.views_max};
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Free functions
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------

struct SearchIndex::Impl {
  const Board* board = nullptr;
  uint32_t n = 0;

  GramIndex titles, bodies, initials;
  std::vector<uint8_t> shadow;  // 초성 codes of every title, back to back
  std::vector<uint32_t> shadow_start;

  // Filters.
  std::vector<uint32_t> author_of;
  std::vector<std::string> authors, folded_authors, author_shadows;
  std::vector<uint16_t> year_slot;
  std::vector<int> years;
  std::vector<uint8_t> flags;  // kAttachments | kPinned
  static constexpr uint8_t kAttachments = 1, kPinned = 2;

  // Orders.
  // Oldest, least viewed: the same walked backwards. Number: the board's own order.
  std::vector<uint32_t> newest, most_viewed, by_title, pinned_on_top;

  // The last query's matches, for sort changes.
  struct State {
    MatchKey key;
    Bitset rows;
    std::vector<uint16_t> score;  // title hits, for relevance
    bool has_text = false, pinned_rule = false;
    size_t count = 0;
    std::vector<uint32_t> per_category;
    std::map<int, uint32_t> per_year;
  };
  mutable std::mutex mutex;
  mutable State state;
  mutable bool state_valid = false;
  mutable Bitset scratch;
  mutable unsigned touched_ = 0;  // keeps the early loads of confirm batches observable

  explicit Impl(const Board& b);  // the per-article columns; build() does the rest

  // The build, a stage at a time: the orders first (then every query without search text
  // can run), then the title, body and 초성 postings in slices of about `budget` bytes.
  // True once the index is complete.
  bool build(size_t budget);
  double progress() const;
  bool build_orders();  // a piece of one order per call; true once all are built
  int orders_built = 0;
  // A sort a piece per call (a page keeps drawing): sorted chunks, then merges of
  // neighbouring runs. The orders' comparisons are total, so the result is std::sort's.
  struct SortInSlices {
    static constexpr size_t kChunk = 8192;
    size_t width = 0, at = 0;  // width 0: still sorting chunks
    template <class Less>
    bool step(std::vector<uint32_t>& v, Less less) {
      if (width == 0) {
        const size_t end = std::min(v.size(), at + kChunk);
        std::sort(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(end), less);
        at = end;
        if (at < v.size()) return false;
        width = kChunk;
        at = 0;
      } else {
        const size_t mid = std::min(v.size(), at + width), end = std::min(v.size(), at + 2 * width);
        std::inplace_merge(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(mid),
                           v.begin() + static_cast<std::ptrdiff_t>(end), less);
        at = end;
        if (at >= v.size()) {
          width *= 2;
          at = 0;
        }
      }
      if (width < v.size()) return false;
      *this = {};
      return true;
    }
  } sorting;
  std::vector<uint64_t> title_prefix;  // while by_title is sorted
  enum class Stage { orders, titles, bodies, initials, done } stage = Stage::orders;
  GramIndex::Options title_options, body_options;

  std::string_view title(uint32_t doc) const { return board->title(doc); }
  std::string_view body(uint32_t doc) const { return board->body(doc); }
  std::string_view title_shadow(uint32_t doc) const {
    return std::string_view(reinterpret_cast<const char*>(shadow.data()) + shadow_start[doc],
                            shadow_start[doc + 1] - shadow_start[doc]);
  }

  void compute(const Query& q, State& s) const;
  uint64_t estimate(const Item& item, SearchField field) const;
  void narrow(const Item& item, SearchField field, Bitset& m, std::vector<uint16_t>* score) const;
  void narrow_text(const GramIndex& index, const Needle& needle, Bitset& m, size_t average_bytes,
                   std::string_view (Impl::*text_of)(uint32_t) const) const;
  void confirm(const GramIndex& index, const std::vector<GramRef>& grams, Bitset& m,
               std::string_view (Impl::*text_of)(uint32_t) const, const Finder& finder) const;
  void narrow_author(const Item& item, Bitset& m) const;
  SearchResult order(const State& s, SortOrder sort) const;
  size_t memory_bytes() const;

  size_t title_bytes = 0, body_bytes = 0;
};

SearchIndex::Impl::Impl(const Board& b) : board(&b), n(static_cast<uint32_t>(b.size())) {
  author_of.resize(n);
  year_slot.resize(n);
  flags.resize(n);
  std::unordered_map<std::string_view, uint32_t> author_ids;
  std::unordered_map<int, uint16_t> year_ids;
  for (uint32_t doc = 0; doc < n; ++doc) {
    const ArticleView a = b.article(doc);
    title_bytes += a.title.size();
    body_bytes += a.body.size();
    const auto [author, added] = author_ids.try_emplace(a.author, static_cast<uint32_t>(authors.size()));
    if (added) authors.emplace_back(a.author);
    author_of[doc] = author->second;
    const int year = civil_from_seconds(a.published_at + kSeoulOffsetSeconds).year;
    const auto [slot, new_year] = year_ids.try_emplace(year, static_cast<uint16_t>(years.size()));
    if (new_year) years.push_back(year);
    year_slot[doc] = slot->second;
    flags[doc] = static_cast<uint8_t>((b.attachments_of(doc).empty() ? 0 : kAttachments) | (a.pinned ? kPinned : 0));
  }
  for (const std::string& author : authors) {
    folded_authors.push_back(fold_case(author));
    author_shadows.push_back(shadow_of_term(choseong_of(author)));
  }
  // Titles: no positions (a title is short; reading it costs what finding it costs).
  title_options.trigrams = body_options.trigrams = true;
  body_options.positions_from = kPositionsFrom;
  body_options.list_positions_from = std::max(kPositionsFrom, n / kListPositionsShare);
}

bool SearchIndex::Impl::build(size_t budget) {
  const auto folded = [](std::string_view text, auto&& emit) {
    size_t pos = 0;
    while (pos < text.size()) {
      const auto offset = static_cast<uint32_t>(pos);
      emit(static_cast<uint32_t>(fold_code_point(next_code_point(text, pos))), offset);
    }
  };
  switch (stage) {
    case Stage::titles:
      if (titles.build_step(
              n, [&](uint32_t doc) { return title(doc).size(); },
              [&](uint32_t doc, auto&& emit) { folded(title(doc), emit); }, title_options, budget)) {
        stage = Stage::bodies;
      }
      return false;
    case Stage::bodies:
      if (bodies.build_step(
              n, [&](uint32_t doc) { return body(doc).size(); },
              [&](uint32_t doc, auto&& emit) { folded(body(doc), emit); }, body_options, budget)) {
        stage = Stage::initials;
      }
      return false;
    case Stage::initials:
      if (shadow_start.empty()) {  // the 초성 of every title (titles are short: taken whole)
        shadow_start.resize(n + 1);
        for (uint32_t doc = 0; doc < n; ++doc) {
          shadow_start[doc] = static_cast<uint32_t>(shadow.size());
          const std::string_view t = title(doc);
          size_t pos = 0;
          while (pos < t.size()) {
            const uint8_t code = shadow_code(next_code_point(t, pos));
            if (code != 0) shadow.push_back(code);
          }
        }
        shadow_start[n] = static_cast<uint32_t>(shadow.size());
        shadow.shrink_to_fit();
        return false;
      }
      if (initials.build_step(
              n, [&](uint32_t doc) { return title_shadow(doc).size(); },
              [&](uint32_t doc, auto&& emit) {
                const std::string_view codes = title_shadow(doc);
                for (size_t i = 0; i < codes.size(); ++i) {
                  const auto code = static_cast<unsigned char>(codes[i]);
                  emit(code == kOtherCode ? GramIndex::kBreak : uint32_t{code}, static_cast<uint32_t>(i));
                }
              },
              title_options, budget)) {
        stage = Stage::done;
        return true;
      }
      return false;
    case Stage::orders:
      if (build_orders()) stage = Stage::titles;
      return false;
    case Stage::done:
      return true;
  }
  return true;
}

// Rough shares of the work: each postings pass reads its text twice (a document counts
// its length + 1); the orders are a few sorts.
double SearchIndex::Impl::progress() const {
  const double titles_work = 2.0 * static_cast<double>(title_bytes + n);
  const double bodies_work = 2.0 * static_cast<double>(body_bytes + n);
  const double initials_work = 2.0 * static_cast<double>(title_bytes / 3 + n);
  const double orders_work = 0.1 * (titles_work + bodies_work) + 1;
  const double total = titles_work + bodies_work + initials_work + orders_work;
  const auto part = [](const GramIndex& index, double work) { return std::min(work, static_cast<double>(index.build_position())); };
  double done = orders_work;
  switch (stage) {
    case Stage::orders: done = 0; break;
    case Stage::titles: done += part(titles, titles_work); break;
    case Stage::bodies: done += titles_work + part(bodies, bodies_work); break;
    case Stage::initials: done += titles_work + bodies_work + part(initials, initials_work); break;
    case Stage::done: return 1;
  }
  return done / total;
}

bool SearchIndex::Impl::build_orders() {
  const Board& b = *board;
  // Orders: every comparison ends in the id, so each is total and deterministic.
  const auto newer = [&b](uint32_t x, uint32_t y) { return b.newer(x, y); };
  const auto all = [this](std::vector<uint32_t>& docs) {
    docs.resize(n);
    std::iota(docs.begin(), docs.end(), 0u);
  };
  switch (orders_built) {
    case 0:
      all(newest);
      all(most_viewed);
      all(by_title);
      title_prefix.resize(n);
      for (uint32_t doc = 0; doc < n; ++doc) title_prefix[doc] = collation_prefix(title(doc));
      for (const uint32_t doc : b.board_order()) {
        if (!b.pinned(doc)) break;  // board order lists every pinned notice first
        pinned_on_top.push_back(doc);
      }
      scratch.assign(n, false);
      ++orders_built;
      return false;
    case 1:
      if (sorting.step(newest, newer)) ++orders_built;
      return false;
    case 2:
      if (sorting.step(most_viewed, [&b](uint32_t x, uint32_t y) { return b.more_viewed(x, y); })) {
        ++orders_built;
      }
      return false;
    default: {
      const std::vector<uint64_t>& prefix = title_prefix;
      if (!sorting.step(by_title, [&](uint32_t x, uint32_t y) {
            if (prefix[x] != prefix[y]) return prefix[x] < prefix[y];
            const std::string_view tx = title(x), ty = title(y);
            if (const int c = compare_collation(tx, ty)) return c < 0;
            if (const int c = tx.compare(ty)) return c < 0;
            return newer(x, y);
          })) {
        return false;
      }
      std::vector<uint64_t>().swap(title_prefix);
      return true;
    }
  }
}

// The most documents a term's rarest gram may leave, for choosing the order of terms.
uint64_t SearchIndex::Impl::estimate(const Item& item, SearchField field) const {
  const auto rarest = [](const GramIndex& index, const std::vector<char32_t>& symbols) -> uint64_t {
    if (symbols.empty()) return index.documents();
    if (symbols.size() == 1) {
      const GramIndex::Entry* e = index.find(GramIndex::key(symbols[0]));
      return e ? e->df() : 0;
    }
    uint64_t best = index.documents();
    for (size_t i = 0; i + 1 < symbols.size(); ++i) {
      const GramIndex::Entry* e = index.find(GramIndex::key(symbols[i], symbols[i + 1]));
      best = std::min<uint64_t>(best, e ? e->df() : 0);
    }
    return best;
  };
  if (field == SearchField::author) return 0;
  if (item.choseong && field != SearchField::body) return rarest(initials, item.initials.symbols);
  uint64_t cost = 0;
  if (field != SearchField::body) cost += rarest(titles, item.literal.symbols);
  if (field != SearchField::title) cost += rarest(bodies, item.literal.symbols);
  return cost;
}

// m &= documents whose text (text_of) contains the needle. Reads the text of every
// document in m when that is cheaper than the postings; otherwise combines the postings of
// the needle's grams, which is the answer up to three characters, and confirms longer
// needles in each candidate, from the first occurrence of their rarest bigram if known.
void SearchIndex::Impl::narrow_text(const GramIndex& index, const Needle& needle, Bitset& m, size_t average_bytes,
                                    std::string_view (Impl::*text_of)(uint32_t) const) const {
  const std::vector<char32_t>& s = needle.symbols;
  if (s.empty()) return;
  using Gram = GramRef;
  std::vector<Gram> grams, trigrams;
  if (s.size() == 1) grams.push_back({index.find(GramIndex::key(s[0])), 0});
  for (size_t i = 0; i + 1 < s.size(); ++i) grams.push_back({index.find(GramIndex::key(s[i], s[i + 1])), needle.offsets[i]});
  if (index.has_trigrams()) {
    for (size_t i = 0; i + 2 < s.size(); ++i) trigrams.push_back({index.find(GramIndex::key(s[i], s[i + 1], s[i + 2])), 0});
  }
  const auto missing = [](const Gram& g) { return g.entry == nullptr; };
  if (std::any_of(grams.begin(), grams.end(), missing) || std::any_of(trigrams.begin(), trigrams.end(), missing)) {
    m.clear();  // a gram no document has
    return;
  }
  const auto by_df = [](const Gram& a, const Gram& b) { return a.entry->df() < b.entry->df(); };
  std::stable_sort(grams.begin(), grams.end(), by_df);
  std::stable_sort(trigrams.begin(), trigrams.end(), by_df);
  const Finder& finder = needle.finder;
  // Postings cost about a step per listed document or per four bitmap words; reading the
  // text about a Horspool step per needle length. Few documents left: read them.
  uint64_t postings = 0;
  for (const Gram& g : grams) postings += index.cost(*g.entry);
  for (const Gram& g : trigrams) postings += index.cost(*g.entry);
  const uint64_t per_doc = std::max<uint64_t>(1, average_bytes / std::max<size_t>(1, std::min<size_t>(finder.size(), 24)));
  if (m.count() * per_doc < postings) {
    m.retain_if([&](uint32_t doc) { return finder.in((this->*text_of)(doc)); });
    return;
  }
  // Trigrams stored directly are the smallest sets: first. Those stored as exceptions
  // need both their bigrams applied first.
  for (const Gram& g : trigrams)
    if (!g.entry->exceptions()) index.intersect(*g.entry, m, scratch);
  const GramIndex::Entry* previous = nullptr;
  for (const Gram& g : grams) {
    if (g.entry != previous) index.intersect(*g.entry, m, scratch);
    previous = g.entry;
  }
  for (const Gram& g : trigrams)
    if (g.entry->exceptions()) index.intersect(*g.entry, m, scratch);
  if (s.size() <= (index.has_trigrams() ? 3u : 2u)) return;  // the postings are the answer
  confirm(index, grams, m, text_of, finder);
}

// Keeps the documents of m whose text holds the needle. With a bigram that has positions,
// each text is searched from where the needle could first start; otherwise from its start.
void SearchIndex::Impl::confirm(const GramIndex& index, const std::vector<GramRef>& grams, Bitset& m,
                                std::string_view (Impl::*text_of)(uint32_t) const, const Finder& finder) const {
  const GramRef* hint = nullptr;
  for (const GramRef& g : grams) {
    if (g.entry->has_positions()) {
      hint = &g;
      break;
    }
  }
  Bitset& confirmed = scratch;
  confirmed.assign(m.size(), false);
  // Candidates are confirmed in batches: the texts are scattered over the board's arena,
  // so the first byte of each batch member is loaded up front, letting the processor
  // fetch them from memory in parallel rather than one cache miss after another.
  constexpr size_t kBatch = 32;
  struct Pending {
    uint32_t doc;
    uint32_t from;
    std::string_view text;
  };
  Pending batch[kBatch];
  size_t pending = 0;
  const auto flush = [&] {
    unsigned sum = 0;
    for (size_t i = 0; i < pending; ++i)
      if (batch[i].from < batch[i].text.size()) sum += static_cast<unsigned char>(batch[i].text[batch[i].from]);
    touched_ += sum;
    for (size_t i = 0; i < pending; ++i)
      if (finder.find(batch[i].text, batch[i].from) != std::string_view::npos) confirmed.set(batch[i].doc);
    pending = 0;
  };
  const auto add = [&](uint32_t doc, size_t from) {
    batch[pending++] = {doc, static_cast<uint32_t>(from), (this->*text_of)(doc)};
    if (pending == kBatch) flush();
  };
  if (hint) {
    index.for_each_position(*hint->entry, m, [&](uint32_t doc, uint32_t stored) {
      // The hint first occurs at or after stored << shift, so no match of the needle
      // starts before that minus the hint's place in the needle.
      const size_t from = size_t{stored} << search_detail::position_shift((this->*text_of)(doc).size());
      add(doc, from > hint->at ? from - hint->at : 0);
    });
  } else {
    m.for_each([&](uint32_t doc) { add(doc, 0); });
  }
  flush();
  m.words().swap(confirmed.words());
}

void SearchIndex::Impl::narrow_author(const Item& item, Bitset& m) const {
  std::vector<uint8_t> hit(authors.size());
  for (size_t a = 0; a < authors.size(); ++a) {
    hit[a] = item.literal.finder.in(folded_authors[a]) || (item.choseong && item.initials.finder.in(author_shadows[a]));
  }
  m.retain_if([&](uint32_t doc) { return hit[author_of[doc]] != 0; });
}

// m &= documents the item matches in the field; score counts title hits.
void SearchIndex::Impl::narrow(const Item& item, SearchField field, Bitset& m, std::vector<uint16_t>* score) const {
  if (field == SearchField::author) return narrow_author(item, m);
  const size_t n_docs = std::max<size_t>(1, n);
  const size_t title_avg = title_bytes / n_docs + 1, body_avg = body_bytes / n_docs + 1;
  const auto add_score = [score](const Bitset& hits) {
    if (!score) return;
    hits.for_each([score](uint32_t doc) {
      if ((*score)[doc] != UINT16_MAX) ++(*score)[doc];
    });
  };
  if (item.choseong && field != SearchField::body) {  // 초성 of titles
    narrow_text(initials, item.initials, m, shadow.size() / n_docs + 1, &Impl::title_shadow);
    add_score(m);
    return;
  }
  if (field == SearchField::title) {
    narrow_text(titles, item.literal, m, title_avg, &Impl::title);
    add_score(m);
    return;
  }
  if (field == SearchField::body) {  // (a 초성 term too, as plain text)
    narrow_text(bodies, item.literal, m, body_avg, &Impl::body);
    return;
  }
  // Title or body: the title first (short), then the body of the rest.
  Bitset in_title = m;
  narrow_text(titles, item.literal, in_title, title_avg, &Impl::title);
  add_score(in_title);
  m.and_not(in_title);
  narrow_text(bodies, item.literal, m, body_avg, &Impl::body);
  m.or_with(in_title);
}

void SearchIndex::Impl::compute(const Query& q, State& s) const {
  const Board& b = *board;
  const ParsedQuery parsed = parse_query(q.text);
  s.key = key_of(q);
  s.has_text = parsed.has_text();
  s.pinned_rule = !s.has_text && q.categories.empty();

  const std::vector<std::string>& names = b.category_names();
  std::vector<uint8_t> category_ok(names.size(), q.categories.empty() ? 1 : 0);
  for (const uint16_t c : q.categories)
    if (c < category_ok.size()) category_ok[c] = 1;
  std::optional<uint32_t> author;
  bool author_missing = false;
  if (!q.author.empty()) {
    const auto it = std::find(authors.begin(), authors.end(), q.author);
    if (it == authors.end())
      author_missing = true;
    else
      author = static_cast<uint32_t>(it - authors.begin());
  }
  const auto date_ok = [&](uint32_t doc) {
    const int64_t t = b.published_at(doc);
    return (!q.from || t >= *q.from) && (!q.to || t < *q.to);
  };
  const bool category_filter = !q.categories.empty(), date_filter = q.from || q.to;

  // The documents any count can include: every filter but category and date, and at
  // least one of those two (the facets lift one each).
  Bitset m(n, !author_missing);
  const bool views_filter = q.views_min || q.views_max;
  if (!author_missing && (author || q.with_attachments || q.pinned_only || views_filter || (category_filter && date_filter))) {
    m.retain_if([&](uint32_t doc) {
      if (author && author_of[doc] != *author) return false;
      if (views_filter && ((q.views_min && b.views(doc) < *q.views_min) || (q.views_max && b.views(doc) >= *q.views_max))) return false;
      if (q.with_attachments && !(flags[doc] & kAttachments)) return false;
      if (q.pinned_only && !(flags[doc] & kPinned)) return false;
      if (category_filter && date_filter) return category_ok[b.category_of(doc)] || date_ok(doc);
      return true;
    });
  }

  // Text: required items, cheapest first, then exclusions among what is left.
  std::vector<Item> items;
  for (const std::string& t : parsed.terms) items.push_back(make_item(t, false));
  for (const std::string& t : parsed.phrases) items.push_back(make_item(t, false));
  for (const std::string& t : parsed.choseong) items.push_back(make_item(t, true));
  for (Item& item : items) item.cost = estimate(item, q.field);
  std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.cost < y.cost; });
  s.score.assign(n, 0);
  for (const Item& item : items) {
    if (m.none()) break;
    narrow(item, q.field, m, &s.score);
  }
  for (const std::string& t : parsed.excluded) {
    if (m.none()) break;
    const Item item = make_item(t, consonants_only(t));
    Bitset hit = m;
    narrow(item, q.field, hit, nullptr);
    m.and_not(hit);
  }

  // Filters and facets in one pass over the matches.
  s.per_category.assign(names.size(), 0);
  std::vector<uint32_t> per_year_slot(years.size(), 0);
  s.rows.assign(n, false);
  s.count = 0;
  m.for_each([&](uint32_t doc) {
    const uint16_t category = b.category_of(doc);
    const bool in_category = category_ok[category] != 0, in_dates = date_ok(doc);
    if (in_dates) ++s.per_category[category];
    if (in_category) ++per_year_slot[year_slot[doc]];
    if (in_category && in_dates) {
      s.rows.set(doc);
      ++s.count;
    }
  });
  s.per_year.clear();
  for (size_t y = 0; y < years.size(); ++y)
    if (per_year_slot[y]) s.per_year[years[y]] = per_year_slot[y];
}

SearchResult SearchIndex::Impl::order(const State& s, SortOrder sort) const {
  SearchResult result;
  result.per_category = s.per_category;
  result.per_year = s.per_year;
  result.rows.reserve(s.count);
  const uint64_t* rows = s.rows.words().data();
  const auto member = [rows](uint32_t doc) { return (rows[doc >> 6] >> (doc & 63)) & 1; };
  if (s.pinned_rule) {
    for (const uint32_t doc : pinned_on_top)
      if (member(doc)) result.rows.push_back(doc);
    result.pinned_on_top = result.rows.size();
  }
  const bool skip_pinned = s.pinned_rule && !pinned_on_top.empty();
  const auto keep = [&](uint32_t doc) {
    if (member(doc) && !(skip_pinned && (flags[doc] & kPinned))) result.rows.push_back(doc);
  };
  const auto walk = [&](const std::vector<uint32_t>& permutation) {
    for (const uint32_t doc : permutation) keep(doc);
  };
  const auto walk_back = [&](const std::vector<uint32_t>& permutation) {
    for (auto it = permutation.rbegin(); it != permutation.rend(); ++it) keep(*it);
  };
  if (sort == SortOrder::relevance && !s.has_text) sort = SortOrder::newest;
  switch (sort) {
    case SortOrder::newest: walk(newest); break;
    case SortOrder::oldest: walk_back(newest); break;
    case SortOrder::most_viewed: walk(most_viewed); break;
    case SortOrder::least_viewed: walk_back(most_viewed); break;
    case SortOrder::title: walk(by_title); break;
    case SortOrder::number: walk(board->board_order()); break;
    case SortOrder::relevance: {
      // Counting sort by title hits (most first), newest first within each count.
      uint16_t top = 0;
      s.rows.for_each([&](uint32_t doc) { top = std::max(top, s.score[doc]); });
      std::vector<size_t> start(size_t{top} + 2, 0);
      s.rows.for_each([&](uint32_t doc) { ++start[top - s.score[doc] + 1]; });
      for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
      result.rows.resize(s.count);
      for (const uint32_t doc : newest)
        if (member(doc)) result.rows[start[top - s.score[doc]]++] = doc;
      break;
    }
  }
  return result;
}

size_t SearchIndex::Impl::memory_bytes() const {
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  size_t total = sizeof(Impl) + titles.memory_bytes() + bodies.memory_bytes() + initials.memory_bytes();
  total += bytes(shadow) + bytes(shadow_start);
  total += bytes(author_of) + bytes(year_slot) + bytes(years) + bytes(flags);
  for (const auto* list : {&authors, &folded_authors, &author_shadows}) {
    total += bytes(*list);
    for (const std::string& a : *list) total += a.capacity() > 15 ? a.capacity() + 1 : 0;
  }
  for (const auto* order : {&newest, &most_viewed, &by_title, &pinned_on_top})
    total += bytes(*order);
  total += scratch.memory_bytes() + state.rows.memory_bytes() + bytes(state.score) + bytes(state.per_category);
  return total;
}

// ---------------------------------------------------------------------------------------
// SearchIndex
// ---------------------------------------------------------------------------------------

SearchIndex::SearchIndex(const Board& board) : impl_(std::make_unique<Impl>(board)) {
  while (!impl_->build(SIZE_MAX)) {
  }
}
SearchIndex::SearchIndex(const Board& board, InSlices) : impl_(std::make_unique<Impl>(board)) {}
bool SearchIndex::build(size_t byte_budget) { return impl_->build(std::max<size_t>(1, byte_budget)); }
bool SearchIndex::complete() const { return impl_->stage == Impl::Stage::done; }
bool SearchIndex::can_run(const Query& query) const {
  return complete() || (impl_->stage > Impl::Stage::orders && !parse_query(query.text).has_text());
}
double SearchIndex::progress() const { return impl_->progress(); }
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

SearchResult SearchIndex::run(const Query& query) const {
  const Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  if (!impl.state_valid || !(impl.state.key == key_of(query))) {
    impl.state_valid = false;
    impl.compute(query, impl.state);
    impl.state_valid = true;
  }
  return impl.order(impl.state, query.sort);
}

size_t SearchIndex::memory_bytes() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->memory_bytes();
}

size_t SearchIndex::text_bytes() const { return impl_->title_bytes + impl_->body_bytes; }

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
