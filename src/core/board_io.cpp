// The board's part of a board image: its columns and text arena written as they are, and
// read back with every reference checked (core/image_io.h).
#include <algorithm>

#include "core/board.h"
#include "core/image_io.h"

namespace newsroom {

void TextArena::save(ImageWriter& out) const {
  out.u64(blocks());
  for (size_t slot = 0; slot < blocks(); ++slot) out.text_kept(block(slot));
}

bool TextArena::load(ImageReader& in, std::shared_ptr<const void> image) {
  const uint64_t count = in.u64();
  if (!in.expect(count <= (uint64_t{1} << (32 - kShift)))) return false;  // offsets are 32-bit
  slots_.clear();
  adopted_.clear();
  used_ = 0;
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    const std::string_view block = in.view(in.u64());
    if (image)
      adopted_.push_back(block);
    else
      slots_.emplace_back(block);
    used_ += block.size();
  }
  // An arena of no blocks keeps nothing: view() reads slots_ while adopted_ is empty.
  image_ = adopted_.empty() ? nullptr : std::move(image);
  current_ = blocks() ? blocks() - 1 : 0;
  wanted_ = 0;
  return in.ok();
}

bool TextArena::holds(TextRef ref) const {
  if (ref.length == 0) return true;
  const size_t slot = ref.offset >> kShift, at = ref.offset & (kBlock - 1);
  return slot < blocks() && at + ref.length <= block(slot).size();
}

namespace {

// Lists of one kind per article (attachments, links, tags), flattened: each article's
// count, then every entry in order.
template <class T>
void save_lists(ImageWriter& out, const std::vector<std::vector<T>>& lists) {
  std::vector<uint32_t> counts;
  std::vector<T> entries;
  counts.reserve(lists.size());
  for (const std::vector<T>& list : lists) {
    counts.push_back(static_cast<uint32_t>(list.size()));
    entries.insert(entries.end(), list.begin(), list.end());
  }
  out.array(counts);
  out.array(entries);
}

template <class T>
bool load_lists(ImageReader& in, size_t rows, std::vector<std::vector<T>>& lists) {
  std::vector<uint32_t> counts;
  std::vector<T> entries;
  if (!in.array(counts) || !in.array(entries) || !in.expect(counts.size() == rows)) return false;
  lists.assign(rows, {});
  size_t at = 0;
  for (size_t row = 0; row < rows; ++row) {
    if (!in.expect(counts[row] <= entries.size() - at)) return false;
    lists[row].assign(entries.begin() + static_cast<std::ptrdiff_t>(at),
                      entries.begin() + static_cast<std::ptrdiff_t>(at + counts[row]));
    at += counts[row];
  }
  return in.expect(at == entries.size());
}

}  // namespace

void Board::save(ImageWriter& out) const {
  out.text(info.site);
  out.text(info.title);
  out.texts(info.breadcrumb);
  out.u8(info.exported_at.has_value());
  out.i64(info.exported_at.value_or(0));
  arena_.save(out);
  out.array_kept(ids_);
  out.array_kept(numbers_);
  out.array_kept(published_at_);
  out.array_kept(views_);
  out.array_kept(pinned_);
  out.array_kept(categories_);
  out.texts(category_names_);
  for (const auto* column : {&titles_, &authors_, &bodies_, &summaries_, &source_names_, &source_urls_})
    out.array_kept(*column);
  save_lists(out, attachments_);  // flattened here: copied
  save_lists(out, links_);
  save_lists(out, tags_);
  out.array_kept(board_order_);
}

std::optional<Board> Board::load(ImageReader& in, std::shared_ptr<const void> image) {
  Board board;
  board.info.site = in.text();
  board.info.title = in.text();
  in.texts(board.info.breadcrumb);
  const bool dated = in.u8() != 0;
  const int64_t exported_at = in.i64();
  if (dated) board.info.exported_at = exported_at;
  board.arena_.load(in, std::move(image));
  in.array(board.ids_);
  in.array(board.numbers_);
  in.array(board.published_at_);
  in.array(board.views_);
  in.array(board.pinned_);
  in.array(board.categories_);
  in.texts(board.category_names_);
  const auto columns = {&board.titles_,    &board.authors_,      &board.bodies_,
                        &board.summaries_, &board.source_names_, &board.source_urls_};
  for (auto* column : columns) in.array(*column);
  const size_t rows = board.ids_.size();
  load_lists(in, rows, board.attachments_);
  load_lists(in, rows, board.links_);
  load_lists(in, rows, board.tags_);
  in.array(board.board_order_);
  if (!in.ok()) return std::nullopt;

  // Every column as long as the ids, every reference inside the board.
  const auto rows_long = [rows](const auto& column) { return column.size() == rows; };
  bool sound = rows_long(board.numbers_) && rows_long(board.published_at_) && rows_long(board.views_) &&
               rows_long(board.pinned_) && rows_long(board.categories_) && rows_long(board.board_order_);
  for (auto* column : columns) sound = sound && rows_long(*column);
  if (!in.expect(sound)) return std::nullopt;
  const TextArena& arena = board.arena_;
  const auto held = [&arena](TextRef ref) { return arena.holds(ref); };
  std::vector<uint8_t> listed(rows, 0);
  for (size_t row = 0; row < rows && sound; ++row) {
    for (auto* column : columns) sound = sound && held((*column)[row]);
    for (const AttachmentRef& file : board.attachments_[row]) sound = sound && held(file.name) && held(file.url);
    for (const LinkRef& link : board.links_[row]) sound = sound && held(link.title) && held(link.url);
    for (const TextRef tag : board.tags_[row]) sound = sound && held(tag);
    sound = sound && board.categories_[row] < board.category_names_.size();
    const uint32_t at = board.board_order_[row];
    sound = sound && at < rows && !listed[at];  // the board order is a permutation of the rows
    if (sound) listed[at] = 1;
  }
  if (!in.expect(sound)) return std::nullopt;
  board.index_of_id_.reserve(rows);
  uint32_t earlier = 0;
  for (uint32_t row = 0; row < rows; ++row) {
    if (!in.expect(!board.index_of_id_.assign(board.ids_[row], row, earlier))) return std::nullopt;  // an id twice
  }
  return board;
}

}  // namespace newsroom
