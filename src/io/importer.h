// One importer for every export the data team drops into data/. It detects the format,
// normalizes every record once, and reports what it could not use, record by record.
// It never throws, prints or aborts: a broken file yields a report with usable == false.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/board.h"
#include "core/trends.h"
#include "io/import_report.h"

namespace newsroom {

struct ImportResult {
  Board board;
  ImportReport report;
  // A manifest's exports that say when they were made, as snapshots of view counts,
  // oldest first (core/trends.h); empty unless at least two such exports loaded.
  std::vector<Snapshot> snapshots;
};

// `bytes` is the whole file as fetched; `source` names it in the report. With an
// `address_base` (the file's address as the page fetched it), relative attachment
// addresses are resolved against it; without one they are kept as written.
ImportResult import_export(std::string_view bytes, std::string source, std::string_view address_base = {});

// The simdjson kernel the importer parses with: "westmere" in the wasm SIMD build (SSE4.2
// on wasm SIMD's emulation), "fallback" in the plain wasm build, the CPU's natively.
std::string_view json_kernel();

// The importer reads clean stretches of a list of articles in one SIMD pass and every other
// record with its careful reader, which gives the same board and report (io/import_stretch.cpp).
// Tests turn the pass off (for the whole process) to compare; it is on unless told otherwise.
void read_lists_in_stretches(bool on);

// The same import a slice at a time, so that a page can draw frames (and answer input)
// while a large export loads: step() until it returns true, then finish(). `bytes` must
// outlive the job. import_export() is a job run in one step.
//
// A streamed import reads the file while it arrives (a download): the page puts each piece
// it receives at input_space() and says input_added(), then input_ended() after the last.
// Bytes already read are dropped as it goes, so memory holds the board and the part not yet
// read, never the whole file; the board and the report are exactly the whole file's.
class ImportJob {
 public:
  ImportJob(std::string_view bytes, std::string source, std::string_view address_base = {});
  struct Streamed {
    size_t expected_size = 0;  // the file's size when known (sizes the board's text), else 0
  };
  ImportJob(Streamed streamed, std::string source, std::string_view address_base = {});
  ~ImportJob();
  ImportJob(ImportJob&&) noexcept;
  ImportJob& operator=(ImportJob&&) noexcept;

  // Reads records until about `byte_budget` more bytes of the file were read (at least
  // one record); true once the whole file was read (or refused).
  bool step(size_t byte_budget);
  bool done() const;
  bool streamed() const;  // made with Streamed: reads the file as it arrives
  // Streamed: room for the next `bytes` of the file (valid until the next call), then how
  // many were written there; the end of the file.
  char* input_space(size_t bytes);
  void input_added(size_t bytes);
  void input_ended();
  // Streamed: everything given so far is read and more must come before step() can go on.
  bool waiting() const;
  // Streamed: bytes given but not read yet (the page stops reading its download above a
  // limit); 0 while the walk waits for more (an item larger than the limit must still come whole).
  size_t bytes_buffered() const;
  // Streamed: bytes of the file held now (the window: the part not read, and read bytes not yet dropped).
  size_t bytes_held() const;
  size_t bytes_read() const;
  size_t bytes_total() const;            // streamed: the expected size (at least the bytes given), or 0, until the end
  int64_t records_read() const;          // records seen so far
  int64_t articles_read() const;         // of those, the ones not skipped
  int64_t records_in_stretches() const;  // of those, the ones the one-pass reader took
  // The board and the report; finishes any part not yet read.
  ImportResult finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newsroom
