// Helpers shared by the unit tests.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/rng.h"

namespace newsroom::test {

inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string source_dir() {
  const char* env = std::getenv("NEWSROOM_SOURCE_DIR");
  return env && *env ? env : NEWSROOM_SOURCE_DIR;
}

// ../shared/corpora when CI provides it; tests that need it skip visibly otherwise.
inline std::optional<std::string> corpora_dir() {
  const char* env = std::getenv("NEWSROOM_CORPORA");
  if (!env || !*env) return std::nullopt;
  return std::string(env);
}

// The fuzz target's splitmix64 (std:: distributions differ between libstdc++ and libc++),
// so a generated board is the same natively and as wasm.
using Rng = fuzz::Rng;

}  // namespace newsroom::test
