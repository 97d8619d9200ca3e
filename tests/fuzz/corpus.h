// The inputs a fuzz run examines: real files and seeds of every shape, and inputs made from
// them or generated, then mutated.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fuzz/rng.h"

namespace newsroom::fuzz {

inline constexpr size_t kMaxInput = size_t{2} << 20;  // small enough that many run in a few seconds

// Every file the importer's tests read, the sample export, one file of each shape the
// importer detects, and two synthetic exports, in a fixed order (a seed names inputs).
std::vector<std::string> load_corpus();

// One input: a seed or a generated export, edited a few times (or not at all).
std::string make_input(Rng& rng, const std::vector<std::string>& corpus);

}  // namespace newsroom::fuzz
