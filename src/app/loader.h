// The data's way in: one load at a time (an export given whole, an export read while it
// downloads, or the files of a manifest), imported a slice at a time by work(), then applied
// to the AppState: a usable board replaces the one on screen and keeps the view; an unusable
// one replaces only the report, and the last good board stays. The search index is built in
// the same slices after. The clock is a parameter, so every rule runs in unit tests.
//
// In the background mode (threads available: natively, and the page's cross-origin-isolated
// build), a large export's import and its index build run on a worker thread instead (the
// index with a second one beside it); the page's thread hands the bytes over, applies the
// board when it is read, answers search by reading the text until the postings are built,
// and never waits for more than one slice of the workers'.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search.h"
#include "io/board_image.h"
#include "io/importer.h"
#include "io/manifest.h"

namespace newsroom {

class AppState;

// What the bar under the list shows of a load under way.
struct LoadProgress {
  enum class Phase { none, downloading, importing, indexing } phase = Phase::none;
  uint64_t done = 0, total = 0;  // bytes (downloading, importing); total 0: unknown
  int64_t articles = 0;          // read so far (importing)
  double fraction() const { return total ? static_cast<double>(done) / static_cast<double>(total) : 0.0; }
};

// A block of bytes handed over by the page (malloc'd on its side, freed here).
struct OwnedBytes {
  std::unique_ptr<char, decltype(&std::free)> data{nullptr, &std::free};
  size_t size = 0;
  std::string_view view() const { return {data ? data.get() : "", data ? size : 0}; }
  static OwnedBytes adopt(char* bytes, size_t size) { return {{bytes, &std::free}, size}; }
  static OwnedBytes copy_of(std::string_view text);
};

class Loader {
 public:
  // Exports smaller than this are imported at once, in the call that gives them.
  static constexpr size_t kAtOnceBelow = size_t{4} << 20;
  // Milliseconds since some start: work() reads it to stay within its budget.
  using Clock = double (*)(void* context);

  explicit Loader(AppState& app);
  ~Loader();  // stops the worker, if any
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // Imports and index builds on a worker thread from the next load on (see above).
  void set_background(bool on);
  bool background() const { return background_; }

  // A load ended: the board (or only the report) is on the AppState, the import counter moved.
  struct Applied {
    int64_t generation = 0;  // AppState::loads() after it
    bool usable = false;
  };

  // An export given whole; a load under way is dropped.
  std::optional<Applied> whole(OwnedBytes bytes, std::string source);
  // An export read while it downloads (ImportJob::Streamed): room for each piece, how much
  // was written, the end; abort() gives it up (its download broke off, or the file turned
  // out unchanged) and leaves everything on screen as it was.
  void begin_stream(std::string source, size_t expected_size);
  char* stream_space(size_t bytes);
  void stream_added(size_t bytes);
  void stream_end();
  void abort();
  // The files of a manifest, then the import of all of them together (at once).
  void add_part(std::string name, OwnedBytes bytes, std::string fetch_error);
  Applied finish_parts(std::string source);
  // A board image (io/board_image.h) of the export `expected` names, shown at once as a load
  // of that export would be (its index complete); a load under way is dropped. An image that
  // is refused (cut, changed, of another format or export) changes nothing: `refused` says
  // why, and the page imports the export instead.
  struct FromImage {
    std::optional<Applied> applied;
    std::string refused;
    ExportIdentity identity;  // the export the image was made from
  };
  // `summed`: its checksum taken as its bytes arrived (read_board_image), or null. The board
  // keeps its text in the image's bytes, which live as long as it does.
  FromImage image(OwnedBytes bytes, const ExportIdentity& expected, const ImageSum* summed = nullptr);
  // The export could not even be fetched, or was refused by the page (too large, abandoned).
  Applied failed(std::string source, std::string message);
  void download_progress(uint64_t done, uint64_t total);
  // Called with each import just before it is applied (usable or not; not for a board
  // image), while the board on screen is still the one it replaces (a local preview is
  // compared with it: app/session.h).
  void set_before_apply(std::function<void(const ImportResult&)> hook) { before_apply_ = std::move(hook); }

  // Import, then index, for about `budget_ms` by `clock`: what got applied, if anything,
  // and whether the index became complete (searches waiting for it can be answered).
  struct Worked {
    std::optional<Applied> applied;
    bool indexed = false;
    bool related = false;  // the related articles' index became complete (after the search index)
  };
  Worked work(double budget_ms, Clock clock, void* clock_context);

  bool importing() const;
  bool streaming() const;
  bool busy() const;  // importing, indexing, or a download shown in the bar
  // Streamed: bytes received and not read yet (the page pauses its download above a limit).
  size_t unread() const;
  size_t held() const;
  int64_t streams() const { return streams_; }  // streamed imports begun
  bool settled() const { return settled_; }     // a first load ended (or failed)
  const LoadProgress& progress() const { return progress_; }

 private:
  Applied apply(ImportResult result, std::unique_ptr<SearchIndex> index = nullptr);  // index: made for result.board
  void start_import(std::unique_ptr<ImportJob> job, OwnedBytes bytes);               // on the worker
  Worked work_in_background(double budget_ms, Clock clock, void* clock_context);

  struct Worker;  // the worker threads, the job they share with the page's thread, what they publish
  AppState& app_;
  bool background_ = false;
  std::unique_ptr<Worker> worker_;
  std::unique_ptr<ImportJob> job_;
  OwnedBytes job_bytes_;  // what a whole export's job reads
  std::vector<std::pair<OwnedBytes, ExportPart>> parts_;
  LoadProgress progress_;
  int64_t streams_ = 0;
  bool settled_ = false;
  std::function<void(const ImportResult&)> before_apply_;
};

}  // namespace newsroom
