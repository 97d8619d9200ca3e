// The index over one board (SearchIndex::Impl, core/search_internal.h), built once:
//
//  - postings (core/search_index.h) of every code-point unigram, bigram and trigram of the
//    case-folded titles and bodies, each set stored as a bitmap or a varint delta list,
//    whichever is smaller, and a trigram usually as its few exceptions to its two bigrams;
//    for body bigrams also where each first occurs in each article. The same postings over
//    a one-byte-per-character 초성 shadow of every title.
//  - Per-article columns for the filters (author id, Seoul year, attachment and pinned
//    flags), and the sort orders as permutations.
//
// It is built in slices (a page keeps drawing): the orders first, then the postings.
#include "core/search.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "core/dates.h"
#include "core/search_internal.h"

namespace newsroom {

using search_detail::fold_code_point;
using search_detail::GramIndex;
using search_detail::is_syllable;
using search_detail::kOtherCode;
using search_detail::next_code_point;
using search_detail::shadow_code;
using search_detail::shadow_of_term;

namespace {

// Bigrams of bodies in fewer articles than this keep no positions: reading those few
// texts is cheap. Those stored as delta lists (found in up to about an eighth of the
// articles) keep them only from 1/32 of the articles: memory saved, for a few
// milliseconds at worst on 100k articles.
constexpr uint32_t kPositionsFrom = 64, kListPositionsShare = 32;

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

// A title's sort key: the keys of its first kSortKeyPoints code points, three bytes each
// (a key has 24 bits), most significant first, so that memcmp order is compare_collation's
// order and a shorter key that is a prefix of another comes first, as a shorter title
// does. Titles that agree over the whole of two cut keys are told apart by
// compare_collation.
constexpr size_t kSortKeyPoints = 24, kSortKeyBytes = 3 * kSortKeyPoints;

// The size of a title's sort key, and the key written there.
size_t sort_key_bytes(std::string_view title) {
  size_t pos = 0, points = 0;
  for (; points < kSortKeyPoints && pos < title.size(); ++points) next_code_point(title, pos);
  return 3 * points;
}
void write_sort_key(std::string_view title, uint8_t* out) {
  size_t pos = 0;
  for (size_t i = 0; i < kSortKeyPoints && pos < title.size(); ++i) {
    const uint32_t key = collation_key(next_code_point(title, pos));
    *out++ = static_cast<uint8_t>(key >> 16);
    *out++ = static_cast<uint8_t>(key >> 8);
    *out++ = static_cast<uint8_t>(key);
  }
}

// memcmp's sign for two sort keys, eight bytes a step (titles of a series share long
// starts, and wasm's memcmp takes a byte a step).
int compare_bytes(const uint8_t* a, const uint8_t* b, size_t size) {
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t x = 0, y = 0;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) {
      if constexpr (std::endian::native == std::endian::little) {
        x = __builtin_bswap64(x);
        y = __builtin_bswap64(y);
      }
      return x < y ? -1 : 1;
    }
  }
  for (; i < size; ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Calls emit(symbol, byte offset) for each case-folded code point of `text`.
template <class Emit>
void for_each_folded(std::string_view text, Emit&& emit) {
  size_t pos = 0;
  while (pos < text.size()) {
    const auto offset = static_cast<uint32_t>(pos);
    emit(static_cast<uint32_t>(fold_code_point(next_code_point(text, pos))), offset);
  }
}

}  // namespace

SearchIndex::Impl::Impl(const Board& b, int shards, bool from_image)
    : board(&b), n(static_cast<uint32_t>(b.size())), body_shards(std::clamp(shards, 1, kMaxBodyShards)) {
  // Titles: no positions (a title is short; reading it costs what finding it costs).
  title_options.trigrams = body_options.trigrams = true;
  body_options.positions_from = kPositionsFrom;
  body_options.list_positions_from = std::max(kPositionsFrom, n / kListPositionsShare);
  if (from_image) return;
  tags = TagTable(b);
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
  name_authors();
  for (int k = 0; k < body_shards; ++k)
    for (uint32_t doc = shard_begin(k); doc < shard_end(k); ++doc)
      shard_bytes[static_cast<size_t>(k)] += b.body(doc).size();
}

void SearchIndex::Impl::name_authors() {
  folded_authors.clear();
  author_shadows.clear();
  for (const std::string& author : authors) {
    folded_authors.push_back(fold_case(author));
    author_shadows.push_back(shadow_of_term(choseong_of(author)));
  }
}

bool SearchIndex::Impl::build(size_t budget) {
  switch (stage) {
    case Stage::titles:
      if (titles.build_step(
              n, [&](uint32_t doc) { return title(doc).size(); },
              [&](uint32_t doc, auto&& emit) { for_each_folded(title(doc), emit); }, title_options, budget)) {
        stage = Stage::bodies;
      }
      return false;
    case Stage::bodies: {
      // Shard by shard: the ones help() did not claim first, then wait for those it did.
      if (own_shard < 0 && shards_claimed < body_shards) {
        const int k = shards_claimed.fetch_add(1);
        if (k < body_shards) own_shard = k;
      }
      if (own_shard >= 0) {
        const std::lock_guard<std::mutex> lock(shard_mutex[static_cast<size_t>(own_shard)]);
        if (build_shard(own_shard, budget)) {
          own_shard = -1;
          ++shards_done;
        }
      }
      if (shards_done == body_shards) stage = Stage::initials;
      return false;
    }
    case Stage::shadows: {  // the 초성 of every title, a budget of titles per call
      if (shadow_start.empty()) shadow_start.resize(n + 1);
      size_t read = 0;
      for (; shadows_built < n && read < budget; ++shadows_built) {
        shadow_start[shadows_built] = static_cast<uint32_t>(shadow.size());
        const std::string_view t = title(shadows_built);
        read += t.size() + 1;
        size_t pos = 0;
        while (pos < t.size()) {
          const uint8_t code = shadow_code(next_code_point(t, pos));
          if (code != 0) shadow.push_back(code);
        }
      }
      if (shadows_built < n) return false;
      shadow_start[n] = static_cast<uint32_t>(shadow.size());
      shadow.shrink_to_fit();
      stage = Stage::titles;
      return false;
    }
    case Stage::initials:
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
        state_valid = false;  // a result kept from reading the text is found again by the postings
        return true;
      }
      return false;
    case Stage::orders:
      if (build_orders()) stage = Stage::shadows;
      return false;
    case Stage::done: return true;
  }
  return true;
}

bool SearchIndex::Impl::build_shard(int k, size_t budget) {
  const uint32_t begin = shard_begin(k), end = shard_end(k);
  const auto in_shard = [begin, end](uint32_t doc) { return doc >= begin && doc < end; };
  GramIndex& shard = bodies[static_cast<size_t>(k)];
  const bool built = shard.build_step(
      n, [&](uint32_t doc) { return in_shard(doc) ? body(doc).size() : 0; },
      [&](uint32_t doc, auto&& emit) {
        if (in_shard(doc)) for_each_folded(body(doc), emit);
      },
      body_options, budget);
  shard_done_work[static_cast<size_t>(k)] = built ? UINT64_MAX : shard.build_position();
  return built;
}

// Rough shares of the work: each postings pass reads its text twice (a document counts
// its length + 1); the orders are a few sorts.
double SearchIndex::Impl::progress() const {
  const double titles_work = 2.0 * static_cast<double>(title_bytes + n);
  const double bodies_work = 2.0 * static_cast<double>(body_bytes + n);
  const double initials_work = 2.0 * static_cast<double>(title_bytes / 3 + n);
  const double orders_work = 0.1 * (titles_work + bodies_work) + 1;
  const double total = titles_work + bodies_work + initials_work + orders_work;
  const auto part = [](const GramIndex& index, double work) {
    return std::min(work, static_cast<double>(index.build_position()));
  };
  double done = orders_work;
  switch (stage) {
    case Stage::orders: done = 0; break;
    case Stage::shadows: break;
    case Stage::titles: done += part(titles, titles_work); break;
    case Stage::bodies: {
      for (size_t k = 0; k < static_cast<size_t>(body_shards); ++k) {
        const double work = 2.0 * static_cast<double>(shard_bytes[k] + shard_end(static_cast<int>(k)) -
                                                      shard_begin(static_cast<int>(k)));
        done += std::min(work, static_cast<double>(shard_done_work[k]));
      }
      done += titles_work;
      break;
    }
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
      // The keys in one block of their exact size: grown a title at a time, the block's
      // earlier copies would leave holes in the heap below the index's arrays.
      title_key_start.resize(n + 1);
      title_key_start[0] = 0;
      for (uint32_t doc = 0; doc < n; ++doc)
        title_key_start[doc + 1] = title_key_start[doc] + static_cast<uint32_t>(sort_key_bytes(title(doc)));
      title_keys.resize(title_key_start[n]);
      for (uint32_t doc = 0; doc < n; ++doc) write_sort_key(title(doc), title_keys.data() + title_key_start[doc]);
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
      const uint8_t* keys = title_keys.data();
      const uint32_t* start = title_key_start.data();
      if (!sorting.step(by_title, [&](uint32_t x, uint32_t y) {
            const size_t size_x = start[x + 1] - start[x], size_y = start[y + 1] - start[y];
            const size_t common = std::min(size_x, size_y);
            if (const int c = compare_bytes(keys + start[x], keys + start[y], common)) return c < 0;
            const std::string_view tx = title(x), ty = title(y);
            if (common < kSortKeyBytes) {
              if (size_x != size_y) return size_x < size_y;  // the shorter key is whole: its title is shorter
            } else if (tx == ty) {
              return newer(x, y);  // the same long title (a series' notice posted again)
            } else if (const int c = compare_collation(tx, ty)) {
              return c < 0;
            }
            if (const int c = tx.compare(ty)) return c < 0;
            return newer(x, y);
          })) {
        return false;
      }
      std::vector<uint8_t>().swap(title_keys);
      std::vector<uint32_t>().swap(title_key_start);
      return true;
    }
  }
}

size_t SearchIndex::Impl::memory_bytes() const {
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  size_t total = sizeof(Impl) + titles.memory_bytes() + initials.memory_bytes();
  for (size_t k = 0; k < static_cast<size_t>(body_shards); ++k) {
    const std::lock_guard<std::mutex> lock(shard_mutex[k]);  // help() may be building it
    total += bodies[k].memory_bytes();
  }
  total += bytes(shadow) + bytes(shadow_start);
  total += bytes(author_of) + bytes(year_slot) + bytes(years) + bytes(flags) + tags.memory_bytes();
  for (const auto* list : {&authors, &folded_authors, &author_shadows}) {
    total += bytes(*list);
    for (const std::string& a : *list) total += a.capacity() > 15 ? a.capacity() + 1 : 0;
  }
  for (const auto* order : {&newest, &most_viewed, &by_title, &pinned_on_top}) total += bytes(*order);
  total += scratch.memory_bytes() + state.rows.memory_bytes() + bytes(state.score) + bytes(state.per_category);
  return total;
}

// ---------------------------------------------------------------------------------------
// SearchIndex: building and size
// ---------------------------------------------------------------------------------------

SearchIndex::SearchIndex(const Board& board) : impl_(std::make_unique<Impl>(board, 1)) {
  while (!impl_->build(SIZE_MAX)) {
  }
  impl_->progress_now = 1;
}
SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::SearchIndex(const Board& board, InSlices in_slices)
    : impl_(std::make_unique<Impl>(board, in_slices.body_shards)) {}
void SearchIndex::rebind(const Board& board) {
  assert(board.size() == impl_->n);
  impl_->board = &board;
}
bool SearchIndex::build(size_t byte_budget) {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  const bool done = impl.build(std::max<size_t>(1, byte_budget));
  impl.progress_now = impl.progress();
  return done;
}
SearchIndex::Help SearchIndex::help(size_t byte_budget) {
  Impl& impl = *impl_;
  const Impl::Stage stage = impl.stage;
  if (stage < Impl::Stage::titles) return Help::waiting;  // the bodies need nothing of the stages before
  if (stage > Impl::Stage::bodies) return Help::none_left;
  if (impl.helper_shard < 0) {
    if (impl.shards_claimed >= impl.body_shards) return Help::none_left;
    const int k = impl.shards_claimed.fetch_add(1);
    if (k >= impl.body_shards) return Help::none_left;
    impl.helper_shard = k;
  }
  const int k = impl.helper_shard;
  const std::lock_guard<std::mutex> lock(impl.shard_mutex[static_cast<size_t>(k)]);
  if (impl.build_shard(k, std::max<size_t>(1, byte_budget))) {
    impl.helper_shard = -1;
    ++impl.shards_done;
  }
  return Help::worked;
}
const TagTable& SearchIndex::tags() const { return impl_->tags; }
bool SearchIndex::complete() const { return impl_->stage == Impl::Stage::done; }
bool SearchIndex::can_run(const Query& query) const {
  using Stage = Impl::Stage;
  return can_run_any() || (impl_->stage > Stage::orders && !parse_query(query.text).has_text());
}
bool SearchIndex::can_run_any() const { return complete() || impl_->stage > Impl::Stage::shadows; }
double SearchIndex::progress() const { return impl_->progress_now; }
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

size_t SearchIndex::memory_bytes() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->memory_bytes();
}

size_t SearchIndex::text_bytes() const { return impl_->title_bytes + impl_->body_bytes; }

}  // namespace newsroom
