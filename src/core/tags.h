// The board's tags as numbers: each distinct tag once, and each article's tags as a run of
// those numbers, so that filtering or counting by tag is a pass over integers, not text.
// Built from the board in one pass (about 10 ms at 100k articles); the search index and
// the analysis each keep one.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/board.h"

namespace newsroom {

class TagTable {
 public:
  TagTable() = default;
  explicit TagTable(const Board& board);

  size_t size() const { return names_.size(); }
  // Tags are numbered in the order the board first uses them; a tag an article lists twice
  // counts once for it.
  const std::string& name(uint32_t tag) const { return names_[tag]; }
  std::optional<uint32_t> find(std::string_view name) const;
  std::span<const uint32_t> of(uint32_t row) const {
    if (size_t{row} + 1 >= starts_.size()) return {};  // not a row of the board (or no board)
    return {ids_.data() + starts_[row], ids_.data() + starts_[row + 1]};
  }
  bool has(uint32_t row, uint32_t tag) const;
  size_t memory_bytes() const;
  // In a board image (the search index's part): the numbers as they are, so that a board
  // read back does not read every article's tags again (about 30 ms at 100k in wasm, the
  // tags' texts spread over the whole arena). load() checks them against the board's rows.
  void save(ImageWriter& out) const;
  bool load(ImageReader& in, size_t rows);

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> by_name_;
  std::vector<uint32_t> starts_{0}, ids_;  // row r's tags: ids_[starts_[r], starts_[r + 1])
};

}  // namespace newsroom
