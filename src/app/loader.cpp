#include "app/loader.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "app/app_state.h"

namespace newsroom {
namespace {

// Bytes read (import) and of text indexed between two looks at the clock.
constexpr size_t kImportSlice = 256 << 10, kIndexSlice = 128 << 10;
// On the worker, each holding a lock the page's thread may wait for (a stream's next piece,
// a search): bytes read of the import, and bytes of text indexed, per slice.
constexpr size_t kWorkerImportSlice = 256 << 10, kWorkerIndexSlice = 256 << 10;

}  // namespace

struct Loader::Worker {
  enum class Task { none, import, index };
  Task task = Task::none;  // the page's thread's to read and change
  std::thread thread;
  std::thread helper;  // the index's second builder (SearchIndex::help), beside `thread`
  std::atomic<bool> stop = false, finished = false;

  // The job, guarded by `mutex` while the worker runs: the worker holds it for a slice of
  // the import; the page's thread, for a stream, from the room it asks for (stream_space)
  // until the bytes written there are handed over (stream_added), so that the page writes
  // straight into the import's window (no copy, as without a worker).
  std::mutex mutex;
  std::condition_variable wake;
  std::unique_lock<std::mutex> page_hold{mutex, std::defer_lock};  // the page's thread's hold
  std::unique_ptr<ImportJob> job;
  OwnedBytes bytes;  // what a whole export's job reads
  bool streamed = false;
  uint64_t given = 0;    // guarded: pieces (and the end) handed over so far
  bool reading = false;  // guarded: the job takes pieces (not yet finished by the worker)
  // What the page's thread reads without the lock: published after each slice, and after
  // each piece given. `result` is the page's thread's once `finished`.
  std::optional<ImportResult> result;
  std::unique_ptr<SearchIndex> index;  // set up for result's board, by the worker
  std::atomic<uint64_t> read = 0, total = 0;
  std::atomic<int64_t> articles = 0;
  std::atomic<size_t> buffered = 0, held = 0;

  template <class Body>
  void start(Task what, Body body) {  // after halt(): what it reads is set up already
    task = what;
    thread = std::thread([this, body = std::move(body)]() mutable {
      body();
      finished = true;
    });
  }

  // Stops the task under way (between two slices) and forgets it.
  void halt() {
    if (page_hold.owns_lock()) page_hold.unlock();  // a room asked for and never filled
    if (thread.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        stop = true;
      }
      wake.notify_all();
      thread.join();
    }
    if (helper.joinable()) {
      stop = true;
      helper.join();
    }
    task = Task::none;
    stop = finished = false;
    job.reset();
    bytes = {};
    streamed = false;
    given = 0;
    reading = false;
    result.reset();
    index.reset();
    read = total = 0;
    articles = 0;
    buffered = held = 0;
  }

  void publish(const ImportJob& j) {
    read = j.bytes_read();
    total = j.bytes_total();
    articles = j.articles_read();
    buffered = j.streamed() ? j.bytes_buffered() : 0;
    held = j.streamed() ? j.bytes_held() : 0;
  }

  // The page's thread, for a stream: the job to itself (waits for the worker's slice to
  // end), or null once the worker has finished it.
  ImportJob* hold() {
    if (!page_hold.owns_lock()) page_hold.lock();
    if (reading) return job.get();
    page_hold.unlock();
    return nullptr;
  }
  void let_go() {
    if (!page_hold.owns_lock()) return;
    publish(*job);
    ++given;
    page_hold.unlock();
    wake.notify_one();
  }

  // The import, on the worker: a slice at a time, sleeping while a stream has given
  // nothing more to read.
  void import() {
    std::unique_lock<std::mutex> lock(mutex);
    ImportJob& j = *job;
    // The pieces given when the last slice ran: the walk found too little then, and tries
    // again once more came. Counted from that slice, not from the wait, so that pieces given
    // while the worker let go between slices wake it (the last piece before a pause in the
    // download once waited for the next, or for the end).
    uint64_t stepped_at = 0;
    while (!stop) {
      if (j.streamed() && j.waiting()) wake.wait(lock, [&] { return stop || given != stepped_at; });
      if (stop) break;
      stepped_at = given;
      const bool done = j.step(kWorkerImportSlice);
      publish(j);
      if (done) break;
      lock.unlock();  // the page's thread may be waiting to hand a piece over (hold())
      std::this_thread::sleep_for(std::chrono::microseconds(50));
      lock.lock();
    }
    reading = false;
    if (!stop) result = std::move(j).finish();
    // The job and the bytes it read go now, before the new board's index makes its first
    // arrays: freed after those, they would leave a hole below them in the heap that the
    // index's large arrays do not fit.
    job.reset();
    bytes = {};
  }
};

Loader::Loader(AppState& app) : app_(app), worker_(std::make_unique<Worker>()) {}
Loader::~Loader() { worker_->halt(); }

void Loader::set_background(bool on) {
  background_ = on;
  app_.set_index_helped(on);  // two threads build a large board's index
}

void Loader::start_import(std::unique_ptr<ImportJob> job, OwnedBytes bytes) {
  Worker& w = *worker_;
  w.halt();
  w.streamed = job->streamed();
  w.bytes = std::move(bytes);  // the job reads them where they are
  w.job = std::move(job);
  w.reading = true;
  // The new board's index is begun there too, up to where every query can run: its
  // per-article columns would hold the page's thread for tens of ms at 100k when the board
  // is applied, and its orders (a few hundred ms) would come after, holding back the list.
  w.start(Worker::Task::import, [this, &w] {
    w.import();
    if (!w.result || !w.result->report.usable) return;
    w.index = app_.new_index(w.result->board);
    while (!w.stop && !w.index->can_run_any()) w.index->build(kWorkerIndexSlice);
  });
}

bool Loader::importing() const { return job_ || worker_->task == Worker::Task::import; }

bool Loader::streaming() const {
  if (job_) return job_->streamed();
  return worker_->task == Worker::Task::import && worker_->streamed;
}

size_t Loader::unread() const {
  if (!streaming()) return 0;
  return job_ ? job_->bytes_buffered() : worker_->buffered.load();
}

size_t Loader::held() const {
  if (job_) return job_->bytes_held();
  return worker_->task == Worker::Task::import ? worker_->held.load() : 0;
}

OwnedBytes OwnedBytes::copy_of(std::string_view text) {
  char* copy = static_cast<char*>(std::malloc(std::max<size_t>(1, text.size())));
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  return adopt(copy, text.size());
}

Loader::Applied Loader::apply(ImportResult result, std::unique_ptr<SearchIndex> index) {
  if (worker_->task == Worker::Task::index) worker_->halt();  // it reads the board being replaced
  if (before_apply_) before_apply_(result);
  app_.load(std::move(result), std::move(index));
  job_.reset();
  job_bytes_ = {};
  settled_ = true;
  if (progress_.phase == LoadProgress::Phase::importing) progress_ = {};
  return {app_.loads(), app_.report().usable};
}

std::optional<Loader::Applied> Loader::whole(OwnedBytes bytes, std::string source) {
  const size_t size = bytes.size;
  if (worker_->task == Worker::Task::import) worker_->halt();  // a load under way is dropped
  if (background_ && size >= kAtOnceBelow) {
    job_.reset();
    job_bytes_ = {};
    auto job = std::make_unique<ImportJob>(bytes.view(), source, source);
    start_import(std::move(job), std::move(bytes));
    progress_ = {LoadProgress::Phase::importing, 0, size};
    return std::nullopt;
  }
  job_bytes_ = std::move(bytes);
  job_ = std::make_unique<ImportJob>(job_bytes_.view(), source, source);
  progress_ = {LoadProgress::Phase::importing, 0, size};
  if (size < kAtOnceBelow) return apply(std::move(*job_).finish());
  return std::nullopt;
}

void Loader::begin_stream(std::string source, size_t expected_size) {
  job_bytes_ = {};
  job_.reset();
  if (worker_->task == Worker::Task::import) worker_->halt();
  auto job = std::make_unique<ImportJob>(ImportJob::Streamed{expected_size}, source, source);
  if (background_)
    start_import(std::move(job), {});
  else
    job_ = std::move(job);
  ++streams_;
  progress_ = {LoadProgress::Phase::importing, 0, expected_size};
}

char* Loader::stream_space(size_t bytes) {
  if (!streaming()) return nullptr;
  ImportJob* job = job_ ? job_.get() : worker_->hold();
  return job ? job->input_space(bytes) : nullptr;
}

void Loader::stream_added(size_t bytes) {
  if (!streaming()) return;
  if (job_) return job_->input_added(bytes);
  if (ImportJob* job = worker_->hold()) {
    job->input_added(bytes);
    worker_->let_go();
  }
}

void Loader::stream_end() {
  if (!streaming()) return;
  if (job_) return job_->input_ended();
  if (ImportJob* job = worker_->hold()) {
    job->input_ended();
    worker_->let_go();
  }
}

void Loader::abort() {
  if (!streaming()) return;
  job_.reset();
  if (worker_->task == Worker::Task::import) worker_->halt();
  progress_ = {};
}

void Loader::add_part(std::string name, OwnedBytes bytes, std::string fetch_error) {
  ExportPart part{std::move(name), {}, std::move(fetch_error)};
  parts_.emplace_back(std::move(bytes), std::move(part));
  parts_.back().second.bytes = parts_.back().first.view();
}

Loader::Applied Loader::finish_parts(std::string source) {
  std::vector<ExportPart> parts;
  for (const auto& [owner, part] : parts_) parts.push_back(part);
  ImportResult result = import_parts(parts, source, source);
  parts_.clear();
  progress_ = {};
  return apply(std::move(result));
}

Loader::FromImage Loader::image(OwnedBytes bytes, const ExportIdentity& expected, const ImageSum* summed) {
  FromImage out;
  const std::string_view view = bytes.view();
  const std::shared_ptr<const char> owner(bytes.data.release(), &std::free);
  BoardImage image = read_board_image(view, &expected, summed, owner);
  if (!image.refused.empty()) {
    out.refused = std::move(image.refused);
    return out;
  }
  if (worker_->task != Worker::Task::none) worker_->halt();  // an import, or an index of the board replaced
  job_.reset();
  job_bytes_ = {};
  out.identity = std::move(image.identity);
  if (!expected.address.empty()) image.report.source = expected.address;  // where this page found it
  app_.load(ImportResult{std::move(image.board), std::move(image.report), {}}, image.index_bytes);
  settled_ = true;
  progress_ = {};
  out.applied = Applied{app_.loads(), app_.report().usable};
  return out;
}

Loader::Applied Loader::failed(std::string source, std::string message) {
  job_.reset();  // a streamed import, if any, is over
  if (worker_->task == Worker::Task::import) worker_->halt();
  job_bytes_ = {};
  app_.load_failed(std::move(source), std::move(message));
  settled_ = true;
  progress_ = {};
  return {app_.loads(), false};
}

void Loader::download_progress(uint64_t done, uint64_t total) {
  progress_ = {LoadProgress::Phase::downloading, done, total};
}

bool Loader::busy() const { return importing() || app_.indexing() || progress_.phase != LoadProgress::Phase::none; }

Loader::Worked Loader::work(double budget_ms, Clock clock, void* clock_context) {
  using Phase = LoadProgress::Phase;
  if (background_ && !job_) return work_in_background(budget_ms, clock, clock_context);
  const double start = clock(clock_context);
  const auto in_time = [&] { return clock(clock_context) - start < budget_ms; };
  if (job_) {
    ImportJob& job = *job_;
    while (!job.step(kImportSlice) && !job.waiting() && in_time()) {
    }
    if (!job.done()) {
      progress_ = {Phase::importing, job.bytes_read(), job.bytes_total(), job.articles_read()};
      return {};
    }
    // Building the board and setting up its index take a turn of their own (tens of ms at
    // 100k), not the end of one that already worked its time; the index goes on after.
    if (clock(clock_context) - start > budget_ms / 4) return {};
    return {apply(std::move(job).finish())};
  }
  Worked worked;
  while (app_.indexing() && in_time()) {
    app_.continue_indexing(kIndexSlice);
    worked.indexed = !app_.indexing();
  }
  while (!app_.indexing() && app_.relating() && in_time()) worked.related = app_.continue_related(kIndexSlice);
  if (progress_.phase != Phase::downloading) progress_ = {app_.indexing() ? Phase::indexing : Phase::none};
  return worked;
}

// The page's side of the background mode: the board applied once the worker has read it,
// the index's build handed to the worker, searches read in the text meanwhile.
Loader::Worked Loader::work_in_background(double budget_ms, Clock clock, void* clock_context) {
  using Phase = LoadProgress::Phase;
  using Task = Worker::Task;
  Worker& w = *worker_;
  if (w.task == Task::import) {
    if (!w.finished) {
      progress_ = {Phase::importing, w.read, w.total, w.articles};
      return {};
    }
    w.thread.join();
    ImportResult result = std::move(*w.result);
    std::unique_ptr<SearchIndex> index = std::move(w.index);
    w.halt();
    return {apply(std::move(result), std::move(index))};  // the index's build starts on the next turn
  }
  if (w.task == Task::none && app_.indexing()) {
    w.start(Task::index, [this, &w] {
      while (!w.stop && !app_.build_index_slice(kWorkerIndexSlice)) {
        // A breath between slices: a search on the page's thread waiting for the index's
        // lock gets it now (a thread that takes the lock back at once would starve it).
        std::this_thread::sleep_for(std::chrono::microseconds(50));
      }
    });
    // A second thread builds a shard of the bodies' postings meanwhile (the machine's other
    // core; the page's own thread mostly waits for frames by then).
    w.helper = std::thread([this, &w] {
      for (;;) {
        if (w.stop) return;
        const SearchIndex::Help help = app_.help_index(kWorkerIndexSlice);
        if (help == SearchIndex::Help::none_left) return;
        if (help == SearchIndex::Help::waiting) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
  }
  Worked worked;
  const double start = clock(clock_context);
  do {
    app_.follow_index(kIndexSlice);
  } while (app_.reading_text() && clock(clock_context) - start < budget_ms);
  if (w.task == Task::index && w.finished) {
    w.halt();
    app_.follow_index(kIndexSlice);  // a list read in the text is now the index's
    worked.indexed = true;
  }
  while (w.task == Task::none && !app_.indexing() && app_.relating() && clock(clock_context) - start < budget_ms)
    worked.related = app_.continue_related(kIndexSlice);
  if (progress_.phase != Phase::downloading) progress_ = {app_.indexing() ? Phase::indexing : Phase::none};
  return worked;
}

}  // namespace newsroom
