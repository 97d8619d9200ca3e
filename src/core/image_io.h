// The pieces of a board image (io/board_image.h): fixed-width little-endian numbers and
// length-prefixed arrays, written back to back, and a reader that never reads past its
// bytes. The board and the search index write their columns with these; the image around
// them (its header, the export's identity, the checksum) is io/board_image's.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace newsroom {

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
  void texts(const std::vector<std::string>& v) {
    u64(v.size());
    for (const std::string& s : v) text(s);
  }
  std::string& bytes() { return out_; }
  // The image is written in one string: sized once when the caller knows about how large.
  void reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  void raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
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
