// Mutations of the importer's inputs (generated exports and real files): bytes flipped,
// ranges cut or repeated, files spliced, tokens and members replaced or added.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fuzz/rng.h"

namespace newsroom::fuzz {

// Several edits in a row, each kept only while the input stays under `max_size`; `corpus`
// gives other files to splice in.
void mutate(std::string& bytes, const std::vector<std::string>& corpus, Rng& rng, size_t max_size);

}  // namespace newsroom::fuzz
