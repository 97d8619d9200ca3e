// The fuzz target's generator and hash, so that a seed names the same inputs on every
// machine; the unit tests draw their generated boards from the same generator.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsroom::fuzz {

// splitmix64: small, fast, and the same sequence everywhere (std:: distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  bool one_in(size_t n) { return below(n) == 0; }
  bool chance(uint32_t percent) { return below(100) < percent; }
  // 0..most, small values far more often than large ones (the bit length is uniform), so
  // both the one-byte edit and the megabyte string come up.
  size_t size_up_to(size_t most) {
    size_t bits = 0;
    while (bits < 63 && (size_t{1} << bits) <= most) ++bits;
    const size_t top = size_t{1} << below(bits + 1);
    return below(std::min(most, top) + 1);
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  uint64_t state_;
};

// A 64-bit FNV-1a hash: names a failing input's file and seeds how it is sliced.
inline uint64_t hash_bytes(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

}  // namespace newsroom::fuzz
