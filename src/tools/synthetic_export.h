// A deterministic synthetic export for benchmarks and tests: the project's canonical
// export format (docs/export-format.md), laid out exactly like data/articles.json
// (two-space indentation), filled with generated Korean text about a provincial
// international-cooperation agency.
//
// The same (article_count, seed) gives the same bytes on every platform and toolchain:
// the generator uses its own PRNG and its own exp/log built from basic IEEE operations,
// never std:: distributions or libm, so native and wasm benchmarks parse identical files.
//
// What the file looks like, roughly: ~2.3 KB per article (100k articles ≈ 230 MB);
// articles newest first, published on weekdays between 2010-01-01 and 2024-12-31
// (Seoul time, "+09:00"); five categories with skewed frequency; a handful of authors;
// long-tailed views (log-normal, median ~150, a few 10^4–10^5 in a 100k export); about
// one pinned notice per 5,000 articles (at least one); ~30% with attachments, ~30% with a
// press source; ids unique, increasing with date and never equal to the board number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace newsroom {

// Earliest and latest publication instants the generator uses, in UTC seconds
// (2010-01-01T00:00:00+09:00 inclusive to 2025-01-01T00:00:00+09:00 exclusive).
inline constexpr int64_t kSyntheticFirstInstant = 1262271600;
inline constexpr int64_t kSyntheticEndInstant = 1735657200;

std::string make_synthetic_export(size_t article_count, uint64_t seed);

// The same scale (~2.3 KB per article) with high-entropy text: each body mixes a few common
// words with random syllables over the whole Hangul block, hanja, hex and base64 runs, so
// distinct bigrams grow with the board as in real exports full of pasted codes and names.
std::string make_high_entropy_export(size_t article_count, uint64_t seed);

}  // namespace newsroom
