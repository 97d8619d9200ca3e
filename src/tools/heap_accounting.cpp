// Replaces the global operator new/delete of a benchmark binary to count its live heap
// and the high-water mark (see heap_accounting.h). Linked only into benchmarks.
#include "tools/heap_accounting.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>

// ---------------------------------------------------------------------------------------
// Allocation accounting. The benchmark is single-threaded, so plain counters suffice.
// ---------------------------------------------------------------------------------------
namespace {

size_t g_live_bytes = 0;
size_t g_peak_bytes = 0;

void* note_allocation(void* block) {
  if (block) {
    g_live_bytes += malloc_usable_size(block);
    g_peak_bytes = std::max(g_peak_bytes, g_live_bytes);
  }
  return block;
}

void release(void* block) noexcept {
  if (!block) return;
  g_live_bytes -= malloc_usable_size(block);
  std::free(block);
}

void* allocate(size_t size) noexcept { return note_allocation(std::malloc(size ? size : 1)); }

void* allocate_aligned(size_t size, std::align_val_t alignment) noexcept {
  void* block = nullptr;
  const size_t align = std::max(static_cast<size_t>(alignment), sizeof(void*));
  if (posix_memalign(&block, align, size ? size : 1) != 0) return nullptr;
  return note_allocation(block);
}

// The throwing forms may not return null. The engine is built to run without exceptions
// (the wasm app), so running out of memory ends the benchmark with a message instead.
void* or_die(void* block, size_t size) {
  if (!block) {
    std::fprintf(stderr, "benchmark: out of memory allocating %zu bytes\n", size);
    std::abort();
  }
  return block;
}

}  // namespace

void* operator new(size_t size) { return or_die(allocate(size), size); }
void* operator new[](size_t size) { return or_die(allocate(size), size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(size_t size, std::align_val_t a) { return or_die(allocate_aligned(size, a), size); }
void* operator new[](size_t size, std::align_val_t a) { return or_die(allocate_aligned(size, a), size); }
void* operator new(size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, a);
}
void* operator new[](size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, a);
}
void operator delete(void* block) noexcept { release(block); }
void operator delete[](void* block) noexcept { release(block); }
void operator delete(void* block, size_t) noexcept { release(block); }
void operator delete[](void* block, size_t) noexcept { release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete(void* block, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, size_t, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, size_t, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }

namespace newsroom::bench {

size_t live_heap_bytes() { return g_live_bytes; }
size_t peak_heap_bytes() { return g_peak_bytes; }
void reset_heap_peak() { g_peak_bytes = g_live_bytes; }

}  // namespace newsroom::bench
