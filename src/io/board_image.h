// A board image: the board on screen, its search index and its import report as one
// binary block, so that the next visit (or a data team's published image) shows the same
// board without importing or indexing the export again.
//
// Layout (little-endian): the magic "NRBOARD\n", the format version (u32), the image's
// length (u64) and a checksum of every byte after it (u64), then the header (the build that
// wrote it, the export's identity) and the board, the index and the report (core/image_io.h).
// A reader refuses an image that is not one, is cut, has any byte changed, has another
// format version, or was made from another export: the caller imports the export instead.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/board.h"
#include "core/search.h"
#include "io/import_report.h"

namespace newsroom {

// Which export an image was made from: its address and what the server said of it (ETag,
// Last-Modified, length), and the digest of its bytes when the import computed one
// (export_digest). Empty fields are unknown.
struct ExportIdentity {
  std::string address;
  std::string etag, last_modified;
  uint64_t length = 0;
  std::string digest;
  bool operator==(const ExportIdentity&) const = default;
};

// The page's digest of an export (web/js/downloads.js computes the same): "<length>:<FNV-1a
// 32 in hex>", or "" for a file over kDigestUpTo (told apart by its validators only).
inline constexpr size_t kDigestUpTo = size_t{32} << 20;
std::string export_digest(std::string_view bytes);

// True when `image` was made from the export `now` describes. The digests decide when both
// are known; else the ETags; else Last-Modified (with the lengths, when both are known).
// The addresses must match when both are given (a published image names none). When the
// page knows only the address, an image of it is taken: the page asks the server after.
bool same_export(const ExportIdentity& image, const ExportIdentity& now);

// Bump with any change to what an image holds (2: shards split 54/46; 3: the index's
// per-article columns and tags).
inline constexpr uint32_t kImageFormat = 3;

// The image of a board whose index is complete, given a piece at a time so that a page
// keeps drawing and never holds the whole image (a 100k board's is a few hundred MB):
// next() until done(), then header(). The board and the index are read as they are:
// neither may change (nor be freed) before the job is done.
class BoardImageJob {
 public:
  BoardImageJob(const Board& board, const SearchIndex& index, const ImportReport& report,
                const ExportIdentity& identity);
  ~BoardImageJob();
  BoardImageJob(const BoardImageJob&) = delete;
  BoardImageJob& operator=(const BoardImageJob&) = delete;
  // The next piece, at most `bytes` long, valid until the next call. The first piece begins
  // with the image's fixed header, its length and checksum still zero: header() gives them.
  std::string_view next(size_t bytes);
  bool done() const;
  size_t size() const;         // of the whole image
  std::string header() const;  // the image's first bytes as they must be, once done()

 private:
  struct State;
  std::unique_ptr<State> state_;
};
// Writes an image's length and checksum again after its bytes were changed: the tests use
// it to show that even an image whose checksum matches its (forged) bytes is read safely.
void seal_board_image(std::string& image);
// The same at once (the checker, the tests).
std::string write_board_image(const Board& board, const SearchIndex& index, const ImportReport& report,
                              const ExportIdentity& identity);

namespace image_detail {
// A 64-bit checksum of the image, fed in pieces: four lanes of multiply-rotate over 8-byte
// words (every byte of a word moves the whole lane), the tail byte by byte, then mixed. Any
// change of bytes is caught but for a chance of 2^-64.
class Checksum {
 public:
  void update(const char* p, size_t n);
  uint64_t finish() const;

 private:
  void mix(const char* p);
  uint64_t lanes_[4] = {kOdd1, kOdd2, ~kOdd1, ~kOdd2};
  char block_[32] = {};
  size_t held_ = 0;
  uint64_t total_ = 0;
  static constexpr uint64_t kOdd1 = 0x9E3779B185EBCA87ULL, kOdd2 = 0xC2B2AE3D27D4EB4FULL;
};
}  // namespace image_detail

// An image's checksum taken while its bytes pass in order: as BoardImageJob hands them out,
// and as a saved image is read back from the browser's storage a part at a time (the main
// thread idle between parts), so that reading it need not go over its bytes again (#17).
class ImageSum {
 public:
  void add(std::string_view next);  // the image's next bytes, from its first on
  size_t seen() const { return seen_; }
  uint64_t value() const { return sum_.finish(); }  // of what follows the fixed fields

 private:
  image_detail::Checksum sum_;
  size_t seen_ = 0;
};

// An image read back, or why it was refused (`refused` non-empty; nothing else is set).
struct BoardImage {
  std::string refused;
  std::string writer;  // the build that wrote it
  ExportIdentity identity;
  Board board;
  ImportReport report;
  // The index's bytes within the image: SearchIndex::from_image once the board is where it
  // stays (AppState::load_image).
  std::string_view index_bytes;
};
// `expected`: the export the image must be of (same_export), or null to take any.
// `summed`: the image's bytes as they were added while they arrived; when it saw all of
// them, its checksum stands for reading them again.
// `owner`: what holds `bytes`, when the board may keep it: the board's text then stays in
// the image instead of being copied out of it (the page's read; the image lives as long as
// the board). Without it, the board copies its text and `bytes` may go once index_bytes is read.
BoardImage read_board_image(std::string_view bytes, const ExportIdentity* expected, const ImageSum* summed = nullptr,
                            std::shared_ptr<const void> owner = nullptr);

// The name this build writes into an image ("newsroom 1 wasm32 westmere", ...).
std::string image_writer();

}  // namespace newsroom
