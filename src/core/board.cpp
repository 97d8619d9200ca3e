#include "core/board.h"

#include <algorithm>
#include <utility>

namespace newsroom {
namespace {

TextRef store(TextArena& arena, std::string_view text) { return arena.store(text); }

}  // namespace

void TextArena::reserve(size_t bytes) {
  if (slots_.empty()) wanted_ = std::min(bytes, kBlock);
}

void TextArena::add_block(size_t at_least) {
  // The first block as reserved (or 64 KiB), each next one twice the last, up to kBlock.
  const size_t last = slots_.empty() ? 0 : slots_[current_].capacity();
  const size_t size = std::max(at_least, std::min(kBlock, std::max({wanted_, last * 2, size_t{1} << 16})));
  // Offsets are 32-bit: a board's text stays under 4 GiB (256 slots; a 100k export is ~200 MB).
  current_ = slots_.size();
  slots_.emplace_back().reserve(size);
  for (size_t i = kBlock; i < size; i += kBlock) slots_.emplace_back();
}

size_t TextArena::capacity() const {
  size_t bytes = 0;
  for (const std::string& block : slots_) bytes += block.capacity();
  for (const std::string_view block : adopted_) bytes += block.size();
  return bytes;
}

TextRef TextArena::store(std::string_view text) {
  if (!adopted_.empty()) {  // blocks kept in an image are never written: copied first
    slots_.assign(adopted_.begin(), adopted_.end());
    adopted_.clear();
    image_.reset();
  }
  // A text stays within its block's first kBlock bytes, so its offset names its slot; a
  // longer text starts a block of its own.
  const bool fits =
      !slots_.empty() && slots_[current_].size() + text.size() <= std::min(slots_[current_].capacity(), kBlock);
  if (!fits) add_block(text.size());
  std::string& block = slots_[current_];
  const TextRef ref{static_cast<uint32_t>((current_ << kShift) + block.size()), static_cast<uint32_t>(text.size())};
  block.append(text);
  used_ += text.size();
  return ref;
}

void IdIndex::reserve(size_t count) {
  size_t capacity = 16;
  while (capacity < 2 * count) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
  for (const Slot& slot : old) {
    if (slot.row_plus_one != 0) slots_[slot_of(slot.id)] = slot;
  }
}

// Where `id` is, or the empty slot where it would go.
size_t IdIndex::slot_of(int64_t id) const {
  const size_t mask = slots_.size() - 1;
  size_t at = static_cast<size_t>((static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
  while (slots_[at].row_plus_one != 0 && slots_[at].id != id) at = (at + 1) & mask;
  return at;
}

bool IdIndex::assign(int64_t id, uint32_t row, uint32_t& earlier) {
  if (2 * (size_ + 1) > slots_.size()) reserve(size_ + 1);
  Slot& slot = slots_[slot_of(id)];
  const bool held = slot.row_plus_one != 0;
  if (held) earlier = slot.row_plus_one - 1;
  size_ += held ? 0 : 1;
  slot = {id, row + 1};
  return held;
}

std::optional<uint32_t> IdIndex::find(int64_t id) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[slot_of(id)];
  if (slot.row_plus_one == 0) return std::nullopt;
  return slot.row_plus_one - 1;
}

void IdIndex::clear() {
  slots_.assign(slots_.size(), Slot{});
  size_ = 0;
}

ArticleView Board::article(uint32_t index) const {
  return ArticleView{index,
                     ids_[index],
                     numbers_[index],
                     published_at_[index],
                     views_[index],
                     pinned_[index] != 0,
                     category_names_[categories_[index]],
                     text(titles_[index]),
                     text(authors_[index]),
                     text(bodies_[index]),
                     text(summaries_[index]),
                     text(source_names_[index]),
                     text(source_urls_[index])};
}

ArticleDraft Board::draft(uint32_t index) const {
  const ArticleView a = article(index);
  ArticleDraft d;
  d.id = a.id;
  d.number = a.number;
  d.category = a.category;
  d.title = a.title;
  d.author = a.author;
  d.published_at = a.published_at;
  d.views = a.views;
  d.pinned = a.pinned;
  d.body = a.body;
  d.summary = a.summary;
  d.source_name = a.source_name;
  d.source_url = a.source_url;
  for (const LinkRef& link : links_[index])
    d.links.push_back({std::string(text(link.title)), std::string(text(link.url)), link.clicks});
  for (const AttachmentRef& file : attachments_[index]) {
    d.attachments.push_back({std::string(text(file.name)), std::string(text(file.url)), file.size, file.downloads});
  }
  for (const TextRef& tag : tags_[index]) d.tags.emplace_back(text(tag));
  return d;
}

std::optional<uint32_t> Board::find(int64_t id) const { return index_of_id_.find(id); }

bool BoardBuilder::add(const ArticleDraft& d) {
  Board& b = board_;
  const uint32_t row = static_cast<uint32_t>(b.ids_.size());
  bool replaced = false;
  uint32_t earlier = 0;
  if (b.index_of_id_.assign(d.id, row, earlier)) {
    replaced_row_.resize(row + 1, 0);
    replaced_row_[earlier] = 1;
    ++replaced_;
    replaced = true;
  }
  b.ids_.push_back(d.id);
  b.numbers_.push_back(d.number);
  b.published_at_.push_back(d.published_at);
  b.views_.push_back(d.views);
  b.pinned_.push_back(d.pinned ? 1 : 0);
  // Category numbers are 16-bit: past that many names, the rest share the last one.
  const bool fold = b.category_names_.size() >= kMaxCategories - 1 && !category_index_.count(d.category);
  folded_categories_ += fold;
  const std::string& category_name = fold ? more_categories_ : d.category;
  const auto [category, added] =
      category_index_.try_emplace(category_name, static_cast<uint16_t>(b.category_names_.size()));
  if (added) b.category_names_.push_back(category_name);
  b.categories_.push_back(category->second);
  b.titles_.push_back(store(b.arena_, d.title));
  b.authors_.push_back(interned(d.author));
  b.bodies_.push_back(store(b.arena_, d.body_as_read.empty() ? std::string_view(d.body) : d.body_as_read));
  b.summaries_.push_back(store(b.arena_, d.summary));
  b.source_names_.push_back(store(b.arena_, d.source_name));
  b.source_urls_.push_back(store(b.arena_, d.source_url));
  auto& attachments = b.attachments_.emplace_back();
  attachments.reserve(d.attachments.size());
  for (const auto& a : d.attachments) {
    attachments.push_back({store(b.arena_, a.name), store(b.arena_, a.url), a.size, a.downloads});
  }
  auto& links = b.links_.emplace_back();
  links.reserve(d.links.size());
  for (const auto& link : d.links)
    links.push_back({store(b.arena_, link.title), store(b.arena_, link.url), link.clicks});
  auto& tags = b.tags_.emplace_back();
  tags.reserve(d.tags.size());
  for (const auto& tag : d.tags) tags.push_back(interned(tag));
  list_bytes_ += attachments.capacity() * sizeof(AttachmentRef) + links.capacity() * sizeof(LinkRef) +
                 tags.capacity() * sizeof(TextRef);
  return replaced;
}

TextRef BoardBuilder::interned(std::string_view text) {
  if (text.empty()) return {};
  if (const auto it = interned_.find(text); it != interned_.end()) return it->second;
  const TextRef ref = store(board_.arena_, text);
  if (interned_.size() < kInterned) interned_.emplace(board_.arena_.view(ref), ref);
  return ref;
}

size_t BoardBuilder::memory_bytes() const {
  const Board& b = board_;
  const size_t rows = b.ids_.capacity();
  size_t bytes = b.arena_.capacity() + list_bytes_ + replaced_row_.capacity();
  bytes += rows * (4 * sizeof(int64_t) + sizeof(uint8_t) + sizeof(uint16_t) + 6 * sizeof(TextRef));
  bytes += rows * (sizeof(std::vector<AttachmentRef>) + sizeof(std::vector<LinkRef>) + sizeof(std::vector<TextRef>));
  bytes += b.index_of_id_.memory_bytes();
  for (const std::string& name : b.category_names_) bytes += sizeof(std::string) + name.capacity() + 4 * sizeof(void*);
  bytes += interned_.size() * (sizeof(std::string_view) + sizeof(TextRef) + 4 * sizeof(void*));
  return bytes;
}

void BoardBuilder::drop_replaced_rows() {
  Board& b = board_;
  replaced_row_.resize(b.ids_.size(), 0);
  // Compacts every column in place; the replaced rows' text stays in the arena unused.
  const auto compact = [this](auto& column) {
    size_t out = 0;
    for (size_t row = 0; row < column.size(); ++row) {
      if (!replaced_row_[row]) column[out++] = std::move(column[row]);
    }
    column.resize(out);
  };
  compact(b.ids_);
  compact(b.numbers_);
  compact(b.published_at_);
  compact(b.views_);
  compact(b.pinned_);
  compact(b.categories_);
  compact(b.titles_);
  compact(b.authors_);
  compact(b.bodies_);
  compact(b.summaries_);
  compact(b.source_names_);
  compact(b.source_urls_);
  compact(b.attachments_);
  compact(b.links_);
  compact(b.tags_);
  b.index_of_id_.clear();
  uint32_t earlier = 0;
  for (uint32_t row = 0; row < b.ids_.size(); ++row) b.index_of_id_.assign(b.ids_[row], row, earlier);
  replaced_row_.clear();
  replaced_ = 0;
}

Board BoardBuilder::build(BoardInfo info) && {
  if (replaced_ > 0) drop_replaced_rows();
  Board board = std::move(board_);
  board.info = std::move(info);
  const uint32_t count = static_cast<uint32_t>(board.ids_.size());
  board.board_order_.resize(count);
  for (uint32_t i = 0; i < count; ++i) board.board_order_[i] = i;
  std::stable_sort(board.board_order_.begin(), board.board_order_.end(), [&board](uint32_t a, uint32_t b) {
    if (board.pinned_[a] != board.pinned_[b]) return board.pinned_[a] > board.pinned_[b];
    if (board.numbers_[a] != board.numbers_[b]) return board.numbers_[a] > board.numbers_[b];
    if (board.published_at_[a] != board.published_at_[b]) return board.published_at_[a] > board.published_at_[b];
    return board.ids_[a] > board.ids_[b];
  });
  return board;
}

}  // namespace newsroom
