// Heap accounting for the benchmarks: heap_accounting.cpp replaces the global operator
// new/delete of the binary it is linked into, counting each block by its real size
// (malloc_usable_size). Single-threaded, like the benchmarks.
#pragma once

#include <cstddef>

namespace newsroom::bench {

size_t live_heap_bytes();  // bytes held by C++ allocations right now
size_t peak_heap_bytes();  // the high-water mark since the last reset
void reset_heap_peak();    // the mark starts again from what is live now

}  // namespace newsroom::bench
