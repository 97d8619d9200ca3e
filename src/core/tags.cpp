#include "core/tags.h"

#include <algorithm>

#include "core/image_io.h"

namespace newsroom {

TagTable::TagTable(const Board& board) {
  starts_.reserve(board.size() + 1);
  for (uint32_t row = 0; row < board.size(); ++row) {
    const size_t first = ids_.size();
    for (const TextRef ref : board.tags_of(row)) {
      const std::string_view text = board.text(ref);
      if (text.empty()) continue;
      auto it = by_name_.find(std::string(text));
      if (it == by_name_.end()) {
        it = by_name_.emplace(std::string(text), static_cast<uint32_t>(names_.size())).first;
        names_.emplace_back(text);
      }
      if (std::find(ids_.begin() + static_cast<std::ptrdiff_t>(first), ids_.end(), it->second) == ids_.end())
        ids_.push_back(it->second);
    }
    starts_.push_back(static_cast<uint32_t>(ids_.size()));
  }
}

std::optional<uint32_t> TagTable::find(std::string_view name) const {
  const auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

bool TagTable::has(uint32_t row, uint32_t tag) const {
  const std::span<const uint32_t> tags = of(row);
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

size_t TagTable::memory_bytes() const {
  size_t total = (starts_.capacity() + ids_.capacity()) * sizeof(uint32_t);
  for (const std::string& name : names_)
    total += sizeof(std::string) + 2 * name.capacity() + 32;  // name, map key, node
  return total;
}

void TagTable::save(ImageWriter& out) const {
  out.texts(names_);
  out.array_kept(starts_);
  out.array_kept(ids_);
}

bool TagTable::load(ImageReader& in, size_t rows) {
  in.texts(names_);
  in.array(starts_);
  in.array(ids_);
  by_name_.clear();
  for (uint32_t tag = 0; tag < names_.size() && in.ok(); ++tag)
    in.expect(by_name_.emplace(names_[tag], tag).second);  // no name twice
  const size_t tags = names_.size();
  return in.ok() && in.expect(starts_.size() == rows + 1 && starts_.front() == 0 && starts_.back() == ids_.size() &&
                              std::is_sorted(starts_.begin(), starts_.end()) &&
                              std::all_of(ids_.begin(), ids_.end(), [tags](uint32_t tag) { return tag < tags; }));
}

}  // namespace newsroom
