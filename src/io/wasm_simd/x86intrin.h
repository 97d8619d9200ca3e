// Stands in for <x86intrin.h> when simdjson's westmere kernel is compiled for WebAssembly
// (the SIMD build of the page): Emscripten emulates SSE up to 4.2 on wasm SIMD
// (-msimd128 -msse4.2) but has neither PCLMUL nor POPCNT. Only what the kernel uses is
// supplied. Only this folder is on the SIMD build's include path ahead of the system's.
#pragma once

#include <nmmintrin.h>
#include <stdint.h>

#ifndef __EMSCRIPTEN__
#error "src/io/wasm_simd is for the Emscripten SIMD build only"
#endif

// Carry-less multiplication of one 64-bit half of each operand (imm bit 0 picks a's half,
// bit 4 b's). simdjson's kernel calls it only as a prefix XOR (b all ones, both low
// halves), for which the shift ladder below is exact and takes six steps; any other use
// takes the general 64-step loop.
static inline __m128i _mm_clmulepi64_si128(__m128i a, __m128i b, const int imm) {
  const uint64_t x = (uint64_t)_mm_cvtsi128_si64((imm & 0x01) ? _mm_unpackhi_epi64(a, a) : a);
  const uint64_t y = (uint64_t)_mm_cvtsi128_si64((imm & 0x10) ? _mm_unpackhi_epi64(b, b) : b);
  if (y == ~(uint64_t)0) {
    // x·(2^64-1) carry-less: bit i of the low half is the XOR of bits 0..i of x, and bit i
    // of the high half the XOR of bits i+1..63.
    uint64_t low = x;
    low ^= low << 1;
    low ^= low << 2;
    low ^= low << 4;
    low ^= low << 8;
    low ^= low << 16;
    low ^= low << 32;
    const uint64_t high = low ^ ((uint64_t)__builtin_parityll(x) * ~(uint64_t)0);
    return _mm_set_epi64x((long long)high, (long long)low);
  }
  uint64_t low = 0, high = 0;
  for (int i = 0; i < 64; ++i) {
    if ((y >> i) & 1) {
      low ^= x << i;
      if (i) high ^= x >> (64 - i);
    }
  }
  return _mm_set_epi64x((long long)high, (long long)low);
}

static inline long long _popcnt64(unsigned long long value) { return __builtin_popcountll(value); }

// Emscripten emulates _mm_alignr_epi8 with two byte shifts and an OR; one byte shuffle of
// the pair is the same for any constant count up to 16 (simdjson's UTF-8 check takes the
// bytes one, two and three back this way, three times per 16 bytes): stage 1 takes about a
// tenth less time.
#undef _mm_alignr_epi8
#define _mm_alignr_epi8(a, b, count)                                                                                  \
  ((__m128i)wasm_i8x16_shuffle((v128_t)(b), (v128_t)(a), (count), (count) + 1, (count) + 2, (count) + 3, (count) + 4, \
                               (count) + 5, (count) + 6, (count) + 7, (count) + 8, (count) + 9, (count) + 10,         \
                               (count) + 11, (count) + 12, (count) + 13, (count) + 14, (count) + 15))
