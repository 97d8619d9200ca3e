// The pieces of a board image (io/board_image.h): fixed-width little-endian numbers and
// length-prefixed arrays, written back to back, and a reader that never reads past its
// bytes. The board and the search index write their columns with these; the image around
// them (its header, the export's identity, the checksum) is io/board_image's.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace newsroom {

// Writes an image as a list of segments: small values are copied as they come, large
// arrays the caller keeps unchanged until the image is copied out (the board's columns and
// text, the index's postings) are only referenced, so that writing the image costs one copy,
// done a slice at a time by copy_into().
class ImageWriter {
 public:
  void u8(uint8_t v) { raw(&v, 1); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void i64(int64_t v) { raw(&v, sizeof v); }
  void text(std::string_view s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  // An array of plain values (numbers, TextRef, GramIndex::Entry) as its count and its bytes.
  template <class T>
  void array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  // The same for an array (or text) that stays as it is until the image is copied out.
  template <class T>
  void array_kept(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    u64(v.size());
    keep(v.data(), v.size() * sizeof(T));
  }
  void text_kept(std::string_view s) {
    u64(s.size());
    keep(s.data(), s.size());
  }
  void texts(const std::vector<std::string>& v) {
    u64(v.size());
    for (const std::string& s : v) text(s);
  }
  // A number filled in later (a section's length): its place.
  size_t placeholder() {
    const size_t at = size_;
    u64(0);
    return at;
  }
  void patch(size_t at, uint64_t v) {
    for (Segment& segment : segments_) {
      if (!segment.kept && at >= segment.begin && at + sizeof v <= segment.begin + segment.owned.size()) {
        std::memcpy(segment.owned.data() + (at - segment.begin), &v, sizeof v);
        return;
      }
    }
  }
  size_t size() const { return size_; }
  // Appends the next bytes of the image to `out`, at most `budget`: true once all are there.
  bool copy_into(std::string& out, size_t budget) {
    for (; next_ < segments_.size() && budget > 0;) {
      const Segment& segment = segments_[next_];
      const char* data = segment.kept ? segment.kept : segment.owned.data();
      const size_t length = segment.kept ? segment.kept_size : segment.owned.size();
      const size_t n = std::min(length - offset_, budget);
      out.append(data + offset_, n);
      budget -= n;
      offset_ += n;
      if (offset_ == length) {
        ++next_;
        offset_ = 0;
      }
    }
    return next_ == segments_.size();
  }

 private:
  static constexpr size_t kKeepFrom = 4096;  // smaller arrays are copied at once
  struct Segment {
    size_t begin = 0;  // its place in the image
    std::string owned;
    const char* kept = nullptr;
    size_t kept_size = 0;
  };
  void raw(const void* p, size_t n) {
    if (segments_.empty() || segments_.back().kept) segments_.push_back(Segment{size_, {}, nullptr, 0});
    segments_.back().owned.append(static_cast<const char*>(p), n);
    size_ += n;
  }
  void keep(const void* p, size_t n) {
    if (n < kKeepFrom) return raw(p, n);
    segments_.push_back(Segment{size_, {}, static_cast<const char*>(p), n});
    size_ += n;
  }
  std::vector<Segment> segments_;
  size_t size_ = 0;
  size_t next_ = 0, offset_ = 0;  // where copy_into() goes on
};

// Reads what an ImageWriter wrote. A read past the end, or a count larger than the bytes
// left could hold, fails the reader (ok() false, every later read gives zeros): callers
// check ok() once at the end, and nothing is ever read out of bounds.
class ImageReader {
 public:
  explicit ImageReader(std::string_view bytes) : bytes_(bytes) {}
  uint8_t u8() { return number<uint8_t>(); }
  uint32_t u32() { return number<uint32_t>(); }
  uint64_t u64() { return number<uint64_t>(); }
  int64_t i64() { return number<int64_t>(); }
  std::string text() { return std::string(view(u64())); }
  // The next n bytes as they are (a section read later), or nothing when fewer are left.
  std::string_view view(uint64_t n) { return take(n) ? bytes_.substr(at_ - n, n) : std::string_view(); }
  template <class T>
  bool array(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = u64();
    if (!ok_ || n > left() / sizeof(T)) return fail();
    v.resize(n);
    if (n) std::memcpy(v.data(), bytes_.data() + at_, n * sizeof(T));
    at_ += n * sizeof(T);
    return true;
  }
  bool texts(std::vector<std::string>& v) {
    const uint64_t n = u64();
    if (!ok_ || n > left() / sizeof(uint64_t)) return fail();
    v.clear();
    v.reserve(n);
    for (uint64_t i = 0; i < n && ok_; ++i) v.push_back(text());
    return ok_;
  }
  // A check of what was read (an index past its array): fails the reader when false.
  bool expect(bool condition) { return condition || fail(); }
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == bytes_.size(); }
  size_t left() const { return bytes_.size() - at_; }

 private:
  bool fail() {
    ok_ = false;
    at_ = bytes_.size();
    return false;
  }
  bool take(uint64_t n) {
    if (!ok_ || n > left()) return fail();
    at_ += n;
    return true;
  }
  template <class T>
  T number() {
    T v{};
    if (take(sizeof(T))) std::memcpy(&v, bytes_.data() + at_ - sizeof(T), sizeof(T));
    return v;
  }
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace newsroom
