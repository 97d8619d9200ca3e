// What the query engine's files share, and nothing outside them includes: the 초성
// codes of the titles' shadow, a query's pieces ready to match, and the index itself
// (SearchIndex::Impl). query_parse.cpp parses queries, search_build.cpp builds the index,
// search.cpp runs queries on it, highlight.cpp marks their matches.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/search.h"
#include "core/search_index.h"
#include "core/tags.h"

namespace newsroom::search_detail {

// ---------------------------------------------------------------------------------------
// Hangul
// ---------------------------------------------------------------------------------------

inline constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;
inline constexpr char32_t kFirstConsonant = 0x3131, kLastConsonant = 0x314E;  // ㄱ..ㅎ (compatibility jamo)
// The 19 initial consonants in syllable order, as compatibility jamo.
inline constexpr char32_t kInitials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                           0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                           0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

constexpr bool is_syllable(char32_t cp) { return cp >= kFirstSyllable && cp <= kLastSyllable; }
constexpr bool is_consonant(char32_t cp) { return cp >= kFirstConsonant && cp <= kLastConsonant; }
constexpr char32_t initial_of(char32_t syllable) { return kInitials[(syllable - kFirstSyllable) / 588]; }

// One byte per character of choseong_of(text) in the index's shadow: a consonant ㄱ..ㅎ is
// 1..30, anything else 0xFF (never part of a consonant-only term); whitespace is dropped (0).
inline constexpr uint8_t kOtherCode = 0xFF;
constexpr uint8_t shadow_code(char32_t cp) {
  if (is_space(cp)) return 0;
  if (is_syllable(cp)) return static_cast<uint8_t>(initial_of(cp) - 0x3130);
  if (is_consonant(cp)) return static_cast<uint8_t>(cp - 0x3130);
  return kOtherCode;
}

// True when the text is one or more Hangul compatibility consonants (ㄱ..ㅎ) and nothing else.
bool consonants_only(std::string_view text);
// The shadow codes of a consonant-only term (or of choseong_of(text)).
std::string shadow_of_term(std::string_view consonants);

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

// One required or excluded piece of a query, ready to match.
struct Item {
  std::string text;  // folded
  bool choseong = false;
  Needle literal;   // the text as typed (for a 초성 term: in the body and author fields)
  Needle initials;  // a 초성 term's consonant codes, for titles' shadows
  uint64_t cost = 0;
};

// A gram of a needle and, for a bigram, its byte offset in the needle.
struct GramRef {
  const GramIndex::Entry* entry;
  uint32_t at;
};

// What a query's matches depend on: all of it but the sort.
struct MatchKey {
  std::string text;
  SearchField field = SearchField::title_body;
  std::vector<uint16_t> categories;
  std::optional<int64_t> from, to;
  std::string author, tag;
  bool with_attachments = false, pinned_only = false;
  std::optional<int64_t> views_min, views_max;
  bool operator==(const MatchKey&) const = default;
};

}  // namespace newsroom::search_detail

namespace newsroom {

// The index of one board: search_build.cpp builds it, search.cpp queries it.
struct SearchIndex::Impl {
  using Bitset = search_detail::Bitset;
  using Finder = search_detail::Finder;
  using GramIndex = search_detail::GramIndex;
  using GramRef = search_detail::GramRef;
  using Item = search_detail::Item;
  using MatchKey = search_detail::MatchKey;
  using Needle = search_detail::Needle;

  const Board* board = nullptr;
  uint32_t n = 0;

  // The bodies' postings, in `body_shards` shards of consecutive documents (a GramIndex each
  // over all n documents, empty outside its range) when two threads build them at once
  // (SearchIndex::help): a query reads each shard for the documents of its range. One shard
  // otherwise: two cost about an eighth more memory.
  static constexpr int kMaxBodyShards = 2;
  int body_shards = 1;
  GramIndex titles, initials;
  std::array<GramIndex, kMaxBodyShards> bodies;
  // The first shard is claimed first, by the helper, which starts while build() still has
  // the titles' postings to make: it is the larger by about their share of the work.
  static constexpr uint64_t kFirstShardPercent = 54;
  static_assert(kMaxBodyShards == 2, "shard_begin splits in two");
  uint32_t shard_begin(int k) const {
    return k == 0 ? 0 : static_cast<uint32_t>((uint64_t{n} * kFirstShardPercent / 100) & ~uint64_t{63});
  }
  uint32_t shard_end(int k) const { return k + 1 >= body_shards ? n : shard_begin(k + 1); }
  // Who builds which shard: claimed in turn by build() and help(), each built under its mutex.
  mutable std::array<std::mutex, kMaxBodyShards> shard_mutex;
  std::atomic<int> shards_claimed = 0, shards_done = 0;
  int own_shard = -1;                                  // build()'s, under `mutex`
  int helper_shard = -1;                               // help()'s (one helper at a time)
  bool build_shard(int k, size_t budget);              // a slice of shard k; true once it is complete
  std::array<uint64_t, kMaxBodyShards> shard_bytes{};  // of body text, for progress()
  // Each shard's work done, published after each of its slices (progress() takes no lock
  // a helper may hold): its build position, or UINT64_MAX once built.
  std::array<std::atomic<uint64_t>, kMaxBodyShards> shard_done_work{};
  std::vector<uint8_t> shadow;  // 초성 codes of every title, back to back
  std::vector<uint32_t> shadow_start;

  // Filters.
  std::vector<uint32_t> author_of;
  std::vector<std::string> authors, folded_authors, author_shadows;
  std::vector<uint16_t> year_slot;
  std::vector<int> years;
  std::vector<uint8_t> flags;  // kAttachments | kPinned
  TagTable tags;
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
    bool scanned = false;  // a text term was answered by reading the text (its postings were not built yet)
    size_t count = 0;
    std::vector<uint32_t> per_category;
    std::map<int, uint32_t> per_year;
    std::vector<uint32_t> per_tag;
  };
  mutable std::mutex mutex;
  mutable State state;
  mutable bool state_valid = false;
  mutable Bitset scratch;
  mutable unsigned touched_ = 0;  // keeps the early loads of confirm batches observable

  // The per-article columns (from the board, or, `from_image`, left for from_image() to
  // read); build() does the rest.
  Impl(const Board& b, int shards, bool from_image = false);
  void name_authors();  // folded_authors and author_shadows, from authors

  // The build, a stage at a time: the orders first (then every query without search text
  // can run), then the title, body and 초성 postings in slices of about `budget` bytes.
  // True once the index is complete.
  bool build(size_t budget);
  double progress() const;
  bool build_orders();  // a piece of one order per call; true once all are built
  int orders_built = 0;
  search_detail::SortInSlices sorting;  // the orders, a piece per call
  // While by_title is sorted: each title's collation keys (search_build.cpp), so that a
  // comparison is mostly one memcmp; title_key_start[doc] is where doc's begin.
  std::vector<uint8_t> title_keys;
  std::vector<uint32_t> title_key_start;
  // The orders, then the 초성 of every title (with them every query can run: text terms are
  // answered by reading the text until their postings are built), then the postings.
  // A worker may build while the page's thread queries: each slice of the build holds
  // `mutex` (as every query does); `stage` and `progress_now` are read without it.
  enum class Stage { orders, shadows, titles, bodies, initials, done };
  std::atomic<Stage> stage = Stage::orders;
  std::atomic<double> progress_now = 0;
  uint32_t shadows_built = 0;  // titles whose 초성 are in `shadow`
  GramIndex::Options title_options, body_options;

  std::string_view title(uint32_t doc) const { return board->title(doc); }
  std::string_view body(uint32_t doc) const { return board->body(doc); }
  std::string_view title_shadow(uint32_t doc) const {
    return std::string_view(reinterpret_cast<const char*>(shadow.data()) + shadow_start[doc],
                            shadow_start[doc + 1] - shadow_start[doc]);
  }

  void compute(const Query& q, State& s) const;
  std::vector<uint8_t> category_mask(const Query& q) const;
  bool in_period(const Query& q, uint32_t doc) const;
  Bitset filtered(const Query& q) const;
  void match_text(const Query& q, const ParsedQuery& parsed, Bitset& m, std::vector<uint16_t>& score) const;
  void count(const Query& q, const Bitset& m, State& s) const;
  // A query answered a slice of documents per call (SearchIndex::start and step).
  struct Scan {
    Query query;
    ParsedQuery parsed;
    Bitset candidates, matched;  // what the filters leave; what matched so far
    std::vector<uint16_t> score;
    uint32_t next = 0;  // the next document
    bool scanned = false;
  };
  mutable std::optional<Scan> scan;
  bool scan_step(size_t byte_budget) const;  // true once every document is done
  uint64_t estimate(const Item& item, SearchField field) const;
  void narrow(const Item& item, SearchField field, Bitset& m, std::vector<uint16_t>* score) const;
  // `index` is null while the field's postings are being built: the text decides then.
  void narrow_text(const GramIndex* index, const Needle& needle, Bitset& m, size_t average_bytes,
                   std::string_view (Impl::*text_of)(uint32_t) const) const;
  void narrow_bodies(const Needle& needle, Bitset& m, size_t average_bytes) const;  // shard by shard
  const GramIndex* ready(const GramIndex& index, Stage built_after) const {
    return stage > built_after ? &index : nullptr;
  }
  mutable bool scanned_ = false;  // compute() read a text whose postings were not built
  void confirm(const GramIndex& index, const std::vector<GramRef>& grams, Bitset& m,
               std::string_view (Impl::*text_of)(uint32_t) const, const Finder& finder) const;
  void narrow_author(const Item& item, Bitset& m) const;
  SearchResult order(const State& s, SortOrder sort) const;
  size_t memory_bytes() const;

  size_t title_bytes = 0, body_bytes = 0;
};

}  // namespace newsroom
