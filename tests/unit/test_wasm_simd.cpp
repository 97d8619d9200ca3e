// The stand-in for <x86intrin.h> that lets simdjson's westmere kernel run on wasm SIMD
// (src/io/wasm_simd/x86intrin.h), checked against the definition of carry-less
// multiplication on random operands, and its byte alignment against the definition. Built only where the shim is used:
// the web-simd preset.
#if defined(NEWSROOM_WASM_SIMD)
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <utility>

#include <x86intrin.h>

namespace {

struct Product {
  uint64_t low = 0, high = 0;
};

// XOR of x shifted by every set bit of y: the definition.
Product reference(uint64_t x, uint64_t y) {
  Product p;
  for (int i = 0; i < 64; ++i) {
    if ((y >> i) & 1) {
      p.low ^= x << i;
      if (i) p.high ^= x >> (64 - i);
    }
  }
  return p;
}

Product halves(__m128i v) {
  return {static_cast<uint64_t>(_mm_cvtsi128_si64(v)),
          static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)))};
}

}  // namespace

TEST_CASE("the wasm stand-in for PCLMUL multiplies exactly, as a prefix XOR and in general") {
  std::mt19937_64 random(20261206);
  const __m128i ones = _mm_set1_epi8(static_cast<char>(0xFF));
  for (int i = 0; i < 20000; ++i) {
    uint64_t x = random();
    if (i % 5 == 1) x &= random();  // sparse quote masks, as JSON gives
    if (i == 0) x = 0;
    if (i == 1) x = ~uint64_t{0};
    const uint64_t other = random();
    const __m128i a = _mm_set_epi64x(static_cast<long long>(other), static_cast<long long>(x));
    // simdjson's use: the low halves, against all ones.
    const Product prefix = halves(_mm_clmulepi64_si128(a, ones, 0));
    const Product want = reference(x, ~uint64_t{0});
    REQUIRE(prefix.low == want.low);
    REQUIRE(prefix.high == want.high);
    // Any other operands and halves take the general path.
    const uint64_t y = random();
    const __m128i b = _mm_set_epi64x(static_cast<long long>(y), static_cast<long long>(random()));
    const Product general = halves(_mm_clmulepi64_si128(a, b, 0x11));
    const Product expected = reference(other, y);
    REQUIRE(general.low == expected.low);
    REQUIRE(general.high == expected.high);
  }
  CHECK(_popcnt64(0xF0F0F0F0F0F0F0F0ULL) == 32);
  CHECK(_popcnt64(0) == 0);
}

namespace {
// Bytes `count` on from the start of b, then a: the 32-byte pair a:b shifted right.
template <int count>
void check_alignr(const uint8_t (&a)[16], const uint8_t (&b)[16]) {
  const __m128i got = _mm_alignr_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a)),
                                      _mm_loadu_si128(reinterpret_cast<const __m128i*>(b)), count);
  uint8_t out[16];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), got);
  for (int i = 0; i < 16; ++i) {
    const int from = i + count;
    REQUIRE(out[i] == (from < 16 ? b[from] : a[from - 16]));
  }
}
template <int... counts>
void check_every_alignr(const uint8_t (&a)[16], const uint8_t (&b)[16], std::integer_sequence<int, counts...>) {
  (check_alignr<counts>(a, b), ...);
}
}  // namespace

TEST_CASE("the wasm stand-in's byte alignment takes the bytes simdjson's UTF-8 check looks back to") {
  std::mt19937 random(20261207);
  for (int i = 0; i < 200; ++i) {
    uint8_t a[16], b[16];
    for (int j = 0; j < 16; ++j) {
      a[j] = static_cast<uint8_t>(random());
      b[j] = static_cast<uint8_t>(random());
    }
    check_every_alignr(a, b, std::make_integer_sequence<int, 17>{});
  }
}
#endif
