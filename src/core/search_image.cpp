// The search index's part of a board image: the orders, the titles' 초성, every gram index
// as built and the per-article columns (authors, years, flags, tags), so that a board read
// back searches at once. The columns cost a pass over the board's text (55 ms at 100k in
// wasm, most of reading an image once its text stays where it is); reading them, a copy.
#include <algorithm>

#include "core/image_io.h"
#include "core/search.h"
#include "core/search_internal.h"

namespace newsroom {
namespace search_detail {

void GramIndex::save(ImageWriter& out) const {
  out.u32(documents_);
  out.u8(trigrams_);
  out.u8(overflowed_);
  out.array_kept(keys_);
  out.array_kept(entries_);
  out.array_kept(bitmaps_);
  out.array_kept(lists_);
  out.array_kept(positions_);
}

bool GramIndex::load(ImageReader& in) {
  documents_ = in.u32();
  trigrams_ = in.u8() != 0;
  overflowed_ = in.u8() != 0;
  words_per_bitmap_ = (static_cast<size_t>(documents_) + 63) / 64;
  in.array(keys_);
  in.array(entries_);
  in.array(bitmaps_);
  in.array(lists_);
  in.array(positions_);
  building_.reset();
  if (!in.ok() || !in.expect(keys_.size() == entries_.size() && std::is_sorted(keys_.begin(), keys_.end())))
    return false;
  // Every set within its array (a list's varints are read up to its count: its start is checked;
  // a trigram with no exceptions stores nothing, at the end).
  for (const Entry& e : entries_) {
    const bool inside = e.bitmap() ? uint64_t{e.offset} + words_per_bitmap_ <= bitmaps_.size() &&
                                         (!e.has_positions() || uint64_t{e.aux} + e.df() <= positions_.size())
                                   : e.offset <= lists_.size();
    if (!in.expect(inside && e.df() <= documents_)) return false;
  }
  return true;
}

}  // namespace search_detail

// The arrays are referenced, not copied: a complete index does not change.
void SearchIndex::save(ImageWriter& out) const {
  const Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  out.u32(impl.n);
  out.u32(static_cast<uint32_t>(impl.body_shards));
  impl.titles.save(out);
  impl.initials.save(out);
  for (int k = 0; k < impl.body_shards; ++k) impl.bodies[static_cast<size_t>(k)].save(out);
  out.array_kept(impl.shadow);
  out.array_kept(impl.shadow_start);
  for (const auto* order : {&impl.newest, &impl.most_viewed, &impl.by_title, &impl.pinned_on_top})
    out.array_kept(*order);
  out.array_kept(impl.author_of);
  out.texts(impl.authors);
  out.array_kept(impl.year_slot);
  out.array(impl.years);
  out.array_kept(impl.flags);
  out.u64(impl.title_bytes);
  out.u64(impl.body_bytes);
  for (int k = 0; k < impl.body_shards; ++k) out.u64(impl.shard_bytes[static_cast<size_t>(k)]);
  impl.tags.save(out);
}

std::unique_ptr<SearchIndex> SearchIndex::from_image(const Board& board, ImageReader& in) {
  const uint32_t n = in.u32();
  const uint32_t shards = in.u32();
  if (!in.expect(n == board.size() && shards >= 1 && shards <= Impl::kMaxBodyShards)) return nullptr;
  auto impl = std::make_unique<Impl>(board, static_cast<int>(shards), true);
  const auto covers_board = [n](const search_detail::GramIndex& index) { return index.documents() == n; };
  bool sound =
      impl->titles.load(in) && covers_board(impl->titles) && impl->initials.load(in) && covers_board(impl->initials);
  for (uint32_t k = 0; k < shards && sound; ++k) sound = impl->bodies[k].load(in) && covers_board(impl->bodies[k]);
  in.array(impl->shadow);
  in.array(impl->shadow_start);
  const auto orders = {&impl->newest, &impl->most_viewed, &impl->by_title, &impl->pinned_on_top};
  for (auto* order : orders) in.array(*order);
  in.array(impl->author_of);
  in.texts(impl->authors);
  in.array(impl->year_slot);
  in.array(impl->years);
  in.array(impl->flags);
  impl->title_bytes = static_cast<size_t>(in.u64());
  impl->body_bytes = static_cast<size_t>(in.u64());
  for (uint32_t k = 0; k < shards; ++k) impl->shard_bytes[k] = in.u64();
  sound = sound && impl->tags.load(in, n);
  if (!sound || !in.ok()) return nullptr;
  // The 초성 shadow's starts rise within it; each order lists rows of the board.
  const std::vector<uint32_t>& starts = impl->shadow_start;
  sound = starts.size() == size_t{n} + 1 && starts.front() == 0 && starts.back() == impl->shadow.size() &&
          std::is_sorted(starts.begin(), starts.end());
  for (auto* order : orders) {
    sound = sound && (order == &impl->pinned_on_top || order->size() == n) &&
            std::all_of(order->begin(), order->end(), [n](uint32_t doc) { return doc < n; });
  }
  // Each article's author and year among those named.
  const size_t authors = impl->authors.size(), years = impl->years.size();
  sound = sound && impl->author_of.size() == n && impl->year_slot.size() == n && impl->flags.size() == n &&
          std::all_of(impl->author_of.begin(), impl->author_of.end(), [authors](uint32_t a) { return a < authors; }) &&
          std::all_of(impl->year_slot.begin(), impl->year_slot.end(), [years](uint16_t y) { return y < years; });
  if (!in.expect(sound)) return nullptr;
  impl->name_authors();
  impl->scratch.assign(n, false);
  impl->orders_built = 3;
  impl->shadows_built = n;
  impl->shards_claimed = impl->shards_done = static_cast<int>(shards);
  for (size_t k = 0; k < shards; ++k) impl->shard_done_work[k] = UINT64_MAX;
  impl->stage = Impl::Stage::done;
  impl->progress_now = 1;
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

}  // namespace newsroom
