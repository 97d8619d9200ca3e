// The fuzz target's oracle: an input imported the three ways (in one go, in slices,
// streamed), each result held to the importer's own rules (the report matches the board,
// every stated limit holds, text is normalized), and the three compared exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "io/import_report.h"

namespace newsroom::fuzz {

// The parts written one after another: a failure's text, numbers and all.
template <typename... Parts>
std::string say(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

struct Verdict {
  std::string trouble;  // what is wrong, or nothing
  ImportReport report;  // the import in one go, for the run's figures
  size_t articles = 0;
};

// Imports `bytes` the three ways and checks each. The slicing plan comes from `plan_seed`
// (the bytes' hash in a run), so that a saved input replays exactly.
Verdict examine(const std::string& bytes, uint64_t plan_seed);

}  // namespace newsroom::fuzz
