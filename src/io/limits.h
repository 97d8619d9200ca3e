// What an import accepts, in one place: the checker, the page and the tests read these
// numbers from here, so a file is refused, trimmed or loaded the same way everywhere.
// docs/export-format.md states them for the data team.
#pragma once

#include <cstddef>
#include <string>

namespace newsroom::limits {

// The largest export file. The page refuses a larger download before it allocates
// anything (whatever Content-Length says), the checker a larger file: two boards of this
// size (the one on screen and a live update) fit the 4 GB wasm heap with their indexes.
inline constexpr size_t kExportBytes = size_t{512} << 20;

// The largest record (one article's JSON). A larger one is skipped, named by its index;
// the records around it still load.
inline constexpr size_t kRecordBytes = size_t{16} << 20;

// Nesting inside one record (lists and objects). simdjson's own default; a record nested
// deeper is skipped. An export's structure around the records may nest as deep as it likes.
inline constexpr size_t kRecordDepth = 1024;

// One-line fields (title, author, category, names, tags) keep this many characters, then "…".
inline constexpr size_t kLineChars = 1000;
// An address longer than this is not kept (no browser or server takes it; a data: URL).
inline constexpr size_t kAddressBytes = 8192;
// An article's text (body, summary) keeps this many bytes after normalization, cut at a
// character boundary.
inline constexpr size_t kBodyBytes = size_t{1} << 20;
// Entries read from one record's list (attachments, links, tags); the rest are counted.
inline constexpr size_t kListEntries = 1000;

// Problems reported in full per file; past this they are counted by field and severity.
inline constexpr size_t kListedProblems = 1000;

// The memory a board may take while it is built: this many times the file's size plus a
// constant, and never more than kBoardBytesAtMost. A file that would need more is refused.
inline constexpr size_t kBoardBytesPerFileByte = 8;
inline constexpr size_t kBoardBytesBase = size_t{64} << 20;
inline constexpr size_t kBoardBytesAtMost = size_t{1} << 30;

// "the file is 4,096 MB, over the limit of 512 MB for an export; …": the same words from the
// checker, the importer and the page (web/newsroom.js writes them too).
std::string export_too_large(size_t bytes);

// (Compared before multiplying: on wasm32, 8 times a file of 512 MB is 2^32, which a size_t
// wraps to 0.)
inline constexpr size_t board_budget(size_t file_bytes) {
  if (file_bytes >= (kBoardBytesAtMost - kBoardBytesBase) / kBoardBytesPerFileByte) return kBoardBytesAtMost;
  return kBoardBytesBase + kBoardBytesPerFileByte * file_bytes;
}

}  // namespace newsroom::limits
