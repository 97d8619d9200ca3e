#include "core/board.h"

#include <algorithm>
#include <limits>

namespace newsroom {
namespace {

TextRef store(std::string& arena, std::string_view text) {
  // Offsets are 32-bit: a board's text stays under 4 GiB (a 100k export is ~200 MB).
  const TextRef ref{static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(text.size())};
  arena.append(text);
  return ref;
}

}  // namespace

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

std::optional<uint32_t> Board::find(int64_t id) const {
  const auto it = index_of_id_.find(id);
  if (it == index_of_id_.end()) return std::nullopt;
  return it->second;
}

bool BoardBuilder::add(ArticleDraft draft) {
  const auto [it, inserted] = slot_of_id_.try_emplace(draft.id, drafts_.size());
  if (inserted) {
    drafts_.push_back(std::move(draft));
    return false;
  }
  drafts_[it->second] = std::move(draft);
  return true;
}

Board BoardBuilder::build(BoardInfo info) && {
  Board board;
  board.info = std::move(info);
  const size_t count = drafts_.size();
  size_t text_bytes = 0;
  for (const ArticleDraft& d : drafts_) {
    text_bytes += d.category.size() + d.title.size() + d.author.size() + d.body.size() + d.summary.size() +
                  d.source_name.size() + d.source_url.size();
  }
  board.arena_.reserve(text_bytes + count * 64);
  board.ids_.reserve(count);
  board.numbers_.reserve(count);
  board.published_at_.reserve(count);
  board.views_.reserve(count);
  board.pinned_.reserve(count);
  board.categories_.reserve(count);
  board.titles_.reserve(count);
  board.authors_.reserve(count);
  board.bodies_.reserve(count);
  board.summaries_.reserve(count);
  board.source_names_.reserve(count);
  board.source_urls_.reserve(count);
  board.attachments_.reserve(count);
  board.links_.reserve(count);
  board.tags_.reserve(count);
  board.index_of_id_.reserve(count);

  std::unordered_map<std::string, uint16_t> category_index;
  for (ArticleDraft& d : drafts_) {
    const uint32_t index = static_cast<uint32_t>(board.ids_.size());
    board.ids_.push_back(d.id);
    board.numbers_.push_back(d.number);
    board.published_at_.push_back(d.published_at);
    board.views_.push_back(d.views);
    board.pinned_.push_back(d.pinned ? 1 : 0);
    auto [cat, added] = category_index.try_emplace(d.category, static_cast<uint16_t>(board.category_names_.size()));
    if (added) board.category_names_.push_back(d.category);
    board.categories_.push_back(cat->second);
    board.titles_.push_back(store(board.arena_, d.title));
    board.authors_.push_back(store(board.arena_, d.author));
    board.bodies_.push_back(store(board.arena_, d.body));
    board.summaries_.push_back(store(board.arena_, d.summary));
    board.source_names_.push_back(store(board.arena_, d.source_name));
    board.source_urls_.push_back(store(board.arena_, d.source_url));
    auto& attachments = board.attachments_.emplace_back();
    for (const auto& a : d.attachments) {
      attachments.push_back({store(board.arena_, a.name), store(board.arena_, a.url), a.size, a.downloads});
    }
    auto& links = board.links_.emplace_back();
    for (const auto& [title, url] : d.links) links.push_back({store(board.arena_, title), store(board.arena_, url)});
    auto& tags = board.tags_.emplace_back();
    for (const auto& tag : d.tags) tags.push_back(store(board.arena_, tag));
    board.index_of_id_.emplace(d.id, index);
    d = ArticleDraft{};  // release the draft's memory as we go
  }
  drafts_.clear();
  slot_of_id_.clear();

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
