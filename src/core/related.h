// Related articles: for an open article, the few others of the board that share the most of
// its rarer words, its tags and (a little) its category.
//
// Words are the runs of one script (Hangul, hanja, Latin letters and digits, other letters);
// a Hangul word loses its trailing particle or verb ending (사업을, 사업이, 사업의 → 사업;
// 개최했다, 개최하는 → 개최), and words of one syllable (이, 를, 및, 등) are dropped, so
// particles never make two articles related. A word weighs (1 + ln tf) × ln((N+1)/df) (title
// words count three times), divided by the length of the article's whole vector; each article
// keeps its kTermsPerArticle heaviest words found in another article too. Two articles score
// the dot product of those (their tf·idf cosine, over the kept words), plus for each tag they
// share kTagShare × ln((N+1)/df)/ln(N+1), plus kCategoryShare when they already share
// something and are in the same category. Scores are integers and ties go to the newer
// article (Board::newer), so the answer depends on the board's content, never on the order
// of its articles or of the sums.
//
// The per-board structure is an inverted index of those words and of the tags. Building it
// reads every title and up to kBodyBytes of every body twice (document frequencies, then
// each article's words), so a large board builds it in slices (InSlices, build()) like the
// search index; it holds about 12 bytes per kept word (18.5 MB at 100k articles). A query
// walks the postings of the article's words and tags: under a millisecond at 100k.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"

namespace newsroom {

class RelatedIndex {
 public:
  static constexpr size_t kMaxRelated = 5;
  static constexpr size_t kTermsPerArticle = 12;
  static constexpr size_t kBodyBytes = 8192;      // the lead says what an article is about
  static constexpr double kTagShare = 0.6;        // a rare shared tag outweighs most shared words
  static constexpr double kCategoryShare = 0.05;  // same category: a tie-breaker, not a reason

  struct InSlices {};
  explicit RelatedIndex(const Board& board);   // built at once
  RelatedIndex(const Board& board, InSlices);  // built by build()
  ~RelatedIndex();
  RelatedIndex(const RelatedIndex&) = delete;
  RelatedIndex& operator=(const RelatedIndex&) = delete;

  // Reads about `byte_budget` bytes of text; true once the index is complete.
  bool build(size_t byte_budget);
  bool complete() const;
  double progress() const;  // 0..1

  // Up to `count` article indices, most related first; never `article` itself, nor an
  // article sharing nothing with it. Empty until complete().
  std::vector<uint32_t> related(uint32_t article, size_t count = kMaxRelated) const;

  size_t memory_bytes() const;  // held once complete (the build's counts are freed)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The words of a text as RelatedIndex compares them (folded, endings stripped), in order.
std::vector<std::string> related_terms(std::string_view text);

}  // namespace newsroom
