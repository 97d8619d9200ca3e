// Memory made resident ahead of a board image's read (issue 17). Reading an image copies
// the board and its index out of it into memory the heap has never used, and in a browser
// each fresh 4 KB page of wasm memory costs a page fault when first written: on the
// bench's machine, 100k articles spent 650–900 ms of a second visit faulting in ~340 MB
// (the board read in 40 ms and the index in 72 ms once the pages were there). The page
// asks for steps of warming while the image's parts are still being read from storage, an
// idle wait for the main thread; just before the image is read the block is freed, and the
// board's and index's allocations take its pages from the top of the heap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>

namespace newsroom::platform {

class WarmHeap {
 public:
  WarmHeap() = default;
  WarmHeap(const WarmHeap&) = delete;
  WarmHeap& operator=(const WarmHeap&) = delete;
  ~WarmHeap() { release(); }

  // Makes up to `step` more bytes of a block of `total` bytes resident (the block is
  // allocated by the first step). A new total starts again. False once all are.
  bool warm(size_t total, size_t step) {
    if (total != size_) {
      release();
      block_ = static_cast<char*>(std::malloc(total));
      if (!block_) return false;  // no memory to spare: the read faults its pages in itself
      size_ = total;
    }
    const size_t end = std::min(size_, touched_ + step);
    volatile char* bytes = block_;  // one write per page, which the compiler must keep
    for (; touched_ < end; touched_ += kPage) bytes[touched_] = 0;
    touched_ = end;
    return touched_ < size_;
  }
  // Gives the block back to the heap: what is allocated next reuses its resident pages.
  void release() {
    std::free(block_);
    block_ = nullptr;
    size_ = touched_ = 0;
  }

 private:
  static constexpr size_t kPage = 4096;
  char* block_ = nullptr;
  size_t size_ = 0, touched_ = 0;
};

}  // namespace newsroom::platform
