#include "core/board.h"

#include <algorithm>

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
  return bytes;
}

TextRef TextArena::store(std::string_view text) {
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

std::optional<uint32_t> Board::find(int64_t id) const {
  const auto it = index_of_id_.find(id);
  if (it == index_of_id_.end()) return std::nullopt;
  return it->second;
}

bool BoardBuilder::add(ArticleDraft&& d) {
  Board& b = board_;
  const uint32_t row = static_cast<uint32_t>(b.ids_.size());
  bool replaced = false;
  const auto [slot, inserted] = b.index_of_id_.try_emplace(d.id, row);
  if (!inserted) {
    replaced_row_.resize(row + 1, 0);
    replaced_row_[slot->second] = 1;
    ++replaced_;
    slot->second = row;
    replaced = true;
  }
  b.ids_.push_back(d.id);
  b.numbers_.push_back(d.number);
  b.published_at_.push_back(d.published_at);
  b.views_.push_back(d.views);
  b.pinned_.push_back(d.pinned ? 1 : 0);
  // Category numbers are 16-bit: past that many names, the rest share the last one.
  if (b.category_names_.size() >= kMaxCategories - 1 && !category_index_.count(d.category)) {
    d.category = kMoreCategories;
    ++folded_categories_;
  }
  const auto [category, added] =
      category_index_.try_emplace(d.category, static_cast<uint16_t>(b.category_names_.size()));
  if (added) b.category_names_.push_back(d.category);
  b.categories_.push_back(category->second);
  b.titles_.push_back(store(b.arena_, d.title));
  b.authors_.push_back(store(b.arena_, d.author));
  b.bodies_.push_back(store(b.arena_, d.body));
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
  for (const auto& tag : d.tags) tags.push_back(store(b.arena_, tag));
  list_bytes_ += attachments.capacity() * sizeof(AttachmentRef) + links.capacity() * sizeof(LinkRef) +
                 tags.capacity() * sizeof(TextRef);
  return replaced;
}

size_t BoardBuilder::memory_bytes() const {
  const Board& b = board_;
  const size_t rows = b.ids_.capacity();
  size_t bytes = b.arena_.capacity() + list_bytes_ + replaced_row_.capacity();
  bytes += rows * (4 * sizeof(int64_t) + sizeof(uint8_t) + sizeof(uint16_t) + 6 * sizeof(TextRef));
  bytes += rows * (sizeof(std::vector<AttachmentRef>) + sizeof(std::vector<LinkRef>) + sizeof(std::vector<TextRef>));
  // The id index: a node (key, row, hash, next) per id and a bucket pointer each.
  bytes +=
      b.index_of_id_.size() * (4 * sizeof(void*) + sizeof(int64_t)) + b.index_of_id_.bucket_count() * sizeof(void*);
  for (const std::string& name : b.category_names_) bytes += sizeof(std::string) + name.capacity() + 4 * sizeof(void*);
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
  for (uint32_t row = 0; row < b.ids_.size(); ++row) b.index_of_id_[b.ids_[row]] = row;
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
