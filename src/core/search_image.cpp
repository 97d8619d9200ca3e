// The search index's part of a board image: the orders, the titles' 초성 and every gram
// index as built, so that a board read back searches at once. The per-article columns
// (authors, years, flags) are recomputed from the board: they cost a pass over it, the
// postings cost seconds.
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
}

std::unique_ptr<SearchIndex> SearchIndex::from_image(const Board& board, ImageReader& in) {
  const uint32_t n = in.u32();
  const uint32_t shards = in.u32();
  if (!in.expect(n == board.size() && shards >= 1 && shards <= Impl::kMaxBodyShards)) return nullptr;
  auto impl = std::make_unique<Impl>(board, static_cast<int>(shards));
  const auto covers_board = [n](const search_detail::GramIndex& index) { return index.documents() == n; };
  bool sound =
      impl->titles.load(in) && covers_board(impl->titles) && impl->initials.load(in) && covers_board(impl->initials);
  for (uint32_t k = 0; k < shards && sound; ++k) sound = impl->bodies[k].load(in) && covers_board(impl->bodies[k]);
  in.array(impl->shadow);
  in.array(impl->shadow_start);
  const auto orders = {&impl->newest, &impl->most_viewed, &impl->by_title, &impl->pinned_on_top};
  for (auto* order : orders) in.array(*order);
  if (!sound || !in.ok()) return nullptr;
  // The 초성 shadow's starts rise within it; each order lists rows of the board.
  const std::vector<uint32_t>& starts = impl->shadow_start;
  sound = starts.size() == size_t{n} + 1 && starts.front() == 0 && starts.back() == impl->shadow.size() &&
          std::is_sorted(starts.begin(), starts.end());
  for (auto* order : orders) {
    sound = sound && (order == &impl->pinned_on_top || order->size() == n) &&
            std::all_of(order->begin(), order->end(), [n](uint32_t doc) { return doc < n; });
  }
  if (!in.expect(sound)) return nullptr;
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
