// The naive full scan the search benchmark compares the engine with: for every article,
// fold_case the title and body (the author for that field), look for each term with find,
// apply the filters; then sort the matches newest first (for comparing sets).
#pragma once

#include <cstdint>
#include <vector>

#include "core/board.h"
#include "core/search.h"

namespace newsroom::bench {

std::vector<uint32_t> naive_scan(const Board& board, const Query& q);

}  // namespace newsroom::bench
