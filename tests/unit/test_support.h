// Helpers shared by the unit tests.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

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

// splitmix64: the same numbers on every platform (std:: distributions differ between
// libstdc++ and libc++), so a generated board is the same natively and as wasm.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return n == 0 ? 0 : static_cast<uint32_t>(next() % n); }
  bool chance(uint32_t percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(static_cast<uint32_t>(items.size()))];
  }

 private:
  uint64_t state_;
};

}  // namespace newsroom::test
