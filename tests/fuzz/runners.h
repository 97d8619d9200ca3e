// The two ways an import runs besides import_export: a job stepped in slices over the whole
// file, and a job fed the file in pieces as a page feeds its download. Each also checks the
// job's progress as it goes (bytes read only forward, the job ends).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/rng.h"
#include "io/importer.h"

namespace newsroom::fuzz {

inline constexpr const char* kSource = "fuzz.json";

struct Run {
  ImportResult result;
  int64_t records = 0;  // records the walk saw
  std::string trouble;  // a rule of the job's progress that was broken
};

// `plan` chooses the byte budget of each step.
Run import_in_slices(std::string_view bytes, std::string_view base, Rng& plan);

// As a page feeds its download: pieces of random sizes, sometimes more room asked than
// filled, a few steps after each piece (or none: the download ran ahead), and a size said
// at the start that may be right, missing, or wrong.
Run import_streamed(std::string_view bytes, std::string_view base, Rng& plan);

}  // namespace newsroom::fuzz
