// The query engine: filters, Korean-aware search and sorts over a Board, below the UI
// (no ImGui here). Built once per board (`SearchIndex`), asked once per query change.
//
// Matching rules:
//  - fields: title+body (default), title, body, author;
//  - substring matching on the board's NFC text, Latin letters case-folded;
//  - several terms are AND; "quoted phrase" matches exactly (spaces included); -term excludes;
//  - a term made only of Hangul compatibility consonants (ㄱ..ㅎ) is a 초성 search: it
//    matches titles whose initial consonants contain it, whitespace ignored on both sides
//    (ㅋㅈㅎ finds 카자흐스탄, ㅈㅂㄱㅈ finds 전북 국제).
//
// Details decided with the engine (core/query_parse.cpp, search_build.cpp, search.cpp):
//  - Whitespace between terms: ASCII whitespace, no-break and ideographic spaces (U+3000)
//    and the other Unicode space separators. A - before a term or a "phrase" excludes it;
//    a - alone is a term. Phrase ends are trimmed; an empty phrase is ignored. Bytes that
//    are not UTF-8 count as U+FFFD.
//  - A 초성 term looks at titles in the title+body and title fields, at the author's
//    초성 (or the letters) in the author field, and is plain text in the body field. An
//    excluded consonant-only term follows the same rule.
//  - Relevance: more required terms found in the title first, then newest first.
//  - Title order (가나다): code point by code point, punctuation/symbols/spaces < digits <
//    Hangul < Latin letters (case-folded) < other scripts; within a group by code point
//    (Hangul syllables are in 가나다 order in Unicode); then a shorter title first, then
//    the raw bytes (capitals first), then newest.
//  - newest: published_at then id, descending; oldest is its exact reverse. most_viewed
//    breaks ties newest first; least_viewed is its exact reverse. number is the board's own
//    order (Board::board_order(): 공지 first, then 번호 descending).
//  - Filters apply to the pinned notices lifted to the top too.
//  - run() keeps the matches of the last query: a call that differs only in `sort` just
//    reorders them. run() may be called from several threads (a mutex guards that state).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/tags.h"

namespace newsroom {

enum class SearchField : uint8_t { title_body, title, body, author };
enum class SortOrder : uint8_t { relevance, newest, oldest, most_viewed, least_viewed, title, number };

struct ParsedQuery {
  std::vector<std::string> terms;     // case-folded substrings, all required
  std::vector<std::string> phrases;   // case-folded, from "quoted text", all required
  std::vector<std::string> excluded;  // case-folded, from -term: none may match
  std::vector<std::string> choseong;  // consonant-only terms (whitespace removed)
  bool has_text() const { return !terms.empty() || !phrases.empty() || !choseong.empty() || !excluded.empty(); }
};

// Splits what a visitor typed (already NFC) into terms. Unbalanced quotes run to the end.
ParsedQuery parse_query(std::string_view text);

struct Query {
  std::string text;
  SearchField field = SearchField::title_body;
  std::vector<uint16_t> categories;  // category indices (Board::category_names()); empty: all
  std::optional<int64_t> from;       // UTC seconds, inclusive
  std::optional<int64_t> to;         // UTC seconds, exclusive
  std::string author;                // exact author; empty: any
  std::string tag;                   // articles with this exact tag; empty: any
  bool with_attachments = false;
  bool pinned_only = false;
  std::optional<int64_t> views_min;    // inclusive
  std::optional<int64_t> views_max;    // exclusive
  SortOrder sort = SortOrder::newest;  // relevance falls back to newest without search text
};

struct SearchResult {
  // Article indices in display order. When neither search text nor a category or tag filter
  // is active, pinned notices come first in board order (as Gnuboard shows them on top of
  // the list) and `pinned_on_top` says how many; they are not repeated below.
  std::vector<uint32_t> rows;
  size_t pinned_on_top = 0;
  // Facets under the current query with everything but their own filter applied:
  // per category index, and per Seoul calendar year.
  std::vector<uint32_t> per_category;
  std::map<int, uint32_t> per_year;
  // And per tag (SearchIndex::tags()), its own filter lifted.
  std::vector<uint32_t> per_tag;
  // A text term was answered by reading every candidate's text, its postings not built yet
  // (the same rows, found more slowly).
  bool scanned = false;
};

// Byte ranges [begin, end) into `text` that a query's terms and phrases match.
using HighlightRanges = std::vector<std::pair<uint32_t, uint32_t>>;

class SearchIndex {
 public:
  explicit SearchIndex(const Board& board);  // the board must outlive the index

  // An index built in slices, so that a page keeps drawing while a large board is
  // indexed: build() until it returns true (each call reads about `byte_budget` bytes of
  // text, or takes one of the few whole steps). The orders and the titles' 초성 come
  // first: from then on every query can run, search text answered by reading the text
  // until its postings are built (SearchResult::scanned), exactly as the index would.
  // `body_shards` 2: the bodies' postings in two shards, which a second thread can build
  // beside build() (help()); the answers are the same, the index about an eighth larger.
  struct InSlices {
    int body_shards = 1;
  };
  SearchIndex(const Board& board, InSlices in_slices);
  // The board this index was made for, moved to `board` (the same articles): the index reads
  // it there from now on. So a worker can set up a new board's index (the per-article
  // columns, tens of ms at 100k) before the board moves to the page's thread.
  void rebind(const Board& board);
  bool build(size_t byte_budget);
  // A second thread's share of the build, beside build()'s: a slice of a shard of the bodies'
  // postings that build() has not claimed. `waiting` until the orders and 초성 are made;
  // `none_left` once there is no shard left to claim (build() finishes the rest).
  enum class Help { waiting, worked, none_left };
  Help help(size_t byte_budget);
  bool complete() const;
  bool can_run(const Query& query) const;
  bool can_run_any() const;  // every query can run (text read in the text until its postings are built)
  double progress() const;   // 0..1
  ~SearchIndex();
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;

  SearchResult run(const Query& query) const;
  // The same answer a slice of documents per call, for a page that keeps drawing while
  // search text is read in the text (before complete()): start(), then step() until it gives
  // the result; each step reads about `byte_budget` bytes of candidates' text. A new start()
  // drops the query under way.
  void start(const Query& query);
  std::optional<SearchResult> step(size_t byte_budget);
  // Matches of `parsed` in one article field (title or body), merged and sorted.
  HighlightRanges highlights(const ParsedQuery& parsed, std::string_view text) const;
  // As highlights(), and also the characters of a title that a 초성 term matched
  // (ㅋㅈㅎ marks 카자흐 in 카자흐스탄), spaces between them included.
  HighlightRanges title_highlights(const ParsedQuery& parsed, std::string_view title) const;

  // A complete index in a board image (io/board_image.h), and back: from_image() gives the
  // index of `board` as saved, complete, or nothing when the bytes are not one (the caller
  // builds it then). The board must be the one saved with it, at its final address. save()
  // references the index's arrays until the image is copied out.
  void save(ImageWriter& out) const;
  static std::unique_ptr<SearchIndex> from_image(const Board& board, ImageReader& in);

  // The board's tags, numbered as SearchResult::per_tag counts them (ready from the start).
  const TagTable& tags() const;

  size_t memory_bytes() const;  // everything the index holds beyond the board
  size_t text_bytes() const;    // bytes of the titles and bodies it covers

 private:
  struct Impl;
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Hangul initial consonants of a text (ㄱ..ㅎ as compatibility jamo), spaces removed,
// other characters kept: "전북 국제" -> "ㅈㅂㄱㅈ".
std::string choseong_of(std::string_view text);
// Lower-cases Latin letters (ASCII and Latin-1), keeping byte lengths unchanged.
std::string fold_case(std::string_view text);

}  // namespace newsroom
