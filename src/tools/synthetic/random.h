// Randomness for the synthetic export, the same on every platform: a splitmix64 stream,
// exp and log of our own, normal and Zipf draws.
//
// splitmix64 (Steele, Lea & Flood 2014) is tiny, fast and statistically good enough for
// test data. Everything derived from it uses integer arithmetic or the basic IEEE
// operations (+ - * / sqrt, exact rounding), so results are bit-identical under
// libstdc++/glibc and libc++/musl (wasm). The target is compiled with -ffp-contract=off so
// that a build for a CPU with FMA cannot fuse a*b+c and round differently.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace newsroom::synthetic {

inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n) by multiply-shift; the bias (< n / 2^32) is irrelevant here.
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
  uint32_t between(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool percent(uint32_t p) { return below(100) < p; }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  uint64_t state_;
};

// exp and log from series, not libm: libm implementations may differ in the last bit, and
// a view count that flips at a rounding boundary would make native and wasm files differ.
double det_exp(double x);
double det_log(double x);  // x > 0

// Standard normal by Marsaglia's polar method.
double standard_normal(Rng& rng);

// Ranks 0..n-1 with weight 1/(rank+1): Zipf's law with exponent 1, the shape of word
// frequencies in running text. The vocabulary writes its lists most frequent first.
class ZipfIndex {
 public:
  explicit ZipfIndex(size_t n) {
    double total = 0;
    for (size_t r = 0; r < n; ++r) total += 1.0 / static_cast<double>(r + 1);
    double running = 0;
    for (size_t r = 0; r < n; ++r) {
      running += 1.0 / static_cast<double>(r + 1);
      thresholds_.push_back(r + 1 == n ? UINT32_MAX : static_cast<uint32_t>(running / total * 4294967296.0));
    }
  }
  size_t pick(Rng& rng) const {
    const auto u = static_cast<uint32_t>(rng.next() >> 32);
    const auto it = std::upper_bound(thresholds_.begin(), thresholds_.end(), u);
    return std::min(static_cast<size_t>(it - thresholds_.begin()), thresholds_.size() - 1);
  }

 private:
  std::vector<uint32_t> thresholds_;  // cumulative probability scaled to 2^32
};

class ZipfList {
 public:
  ZipfList(std::initializer_list<std::string_view> items) : items_(items), ranks_(items_.size()) {}
  std::string_view pick(Rng& rng) const { return items_[ranks_.pick(rng)]; }

 private:
  std::vector<std::string_view> items_;
  ZipfIndex ranks_;
};

}  // namespace newsroom::synthetic
