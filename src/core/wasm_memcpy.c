// memcpy for every wasm build. Emscripten 3.1.6's own memcpy hands each copy of 512 bytes
// or more to JavaScript (HEAPU8.copyWithin): a call out of wasm and back for every
// article's text an import copies (issue 16: 7 % of a 100k import under Node). Its memcpy
// is a weak symbol, so this one takes its place in every program, in the C++ library's
// code too.
// - The SIMD builds are compiled with -mbulk-memory (every browser that validates wasm
//   SIMD has it): the copy is one memory.copy instruction.
// - The plain build copies eight bytes a step (compiled with -fno-builtin, so that the
//   loop is not turned back into a call to memcpy).
// Both builds must import the same functions, since the page runs either wasm with one
// index.js (cmake/CompareRuntimes.cmake): neither imports emscripten_memcpy_big now.
#include <stddef.h>
#include <stdint.h>

#if !defined(__EMSCRIPTEN__)
#error "core/wasm_memcpy.c is for the wasm builds"
#endif

void* memcpy(void* restrict dest, const void* restrict src, size_t size) {
#if defined(__wasm_bulk_memory__)
  __builtin_memcpy(dest, src, size);  // memory.copy: never a call back to memcpy
#else
  typedef uint64_t __attribute__((may_alias)) Word;
  unsigned char* d = dest;
  const unsigned char* s = src;
  if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
    for (; size && ((uintptr_t)d & 7); --size) *d++ = *s++;
    for (; size >= 8; size -= 8, d += 8, s += 8) *(Word*)d = *(const Word*)s;
  }
  for (; size; --size) *d++ = *s++;
#endif
  return dest;
}
