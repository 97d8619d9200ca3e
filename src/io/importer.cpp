// The import job (io/importer.h): the file whole or as it arrives, its first bytes checked
// (empty, EUC-KR), a window of it handed to the walk over its records (io/import_walk.h),
// and the board and report at the end.
#include "io/importer.h"

#include <algorithm>
#include <memory>

#include "core/text.h"
#include "io/import_walk.h"
#include "io/limits.h"

namespace newsroom {

using import_detail::Import;

namespace {

// The first bytes of a file tell its encoding.
constexpr size_t kHeadBytes = 1 << 16;

// Bytes that are not UTF-8 but pair up as EUC-KR / CP949 Hangul (lead 0x81-0xFE, trail 0x41-0xFE).
bool looks_like_cp949(std::string_view bytes) {
  size_t pairs = 0, high = 0;
  for (size_t i = 0; i + 1 < bytes.size() && high < 4096; ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) continue;
    ++high;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    if (lead >= 0x81 && lead <= 0xFE && trail >= 0x41 && trail <= 0xFE) {
      ++pairs;
      ++i;
    }
  }
  return high >= 8 && pairs * 10 >= high * 9;  // a few stray bytes are not an encoding
}

}  // namespace

struct ImportJob::State {
  ImportResult result;
  BoardInfo info;
  std::string address_base;
  std::unique_ptr<Import> import;  // null until the walk starts, and once the file was refused or finished
  size_t total = 0;
  int64_t in_stretches = 0;  // kept when the walk is gone
  bool done = false;
  // A streamed import: the part of the file given and not yet dropped (the window);
  // `received` counts all the bytes given, `bom` the byte order mark dropped first.
  bool streamed = false, ended = false, bom_checked = false, refused = false;
  std::string window;
  size_t bom = 0, received = 0, expected = 0;
  size_t space_at = 0;  // where input_space() put the room it gave
  // Streamed: the walk waits for an item cut off by the window's end; it is tried again once
  // this many bytes were received (the unread part doubled), so an item of any size is
  // scanned a few times, not once per piece.
  size_t retry_at = 0;

  // The checks made on the file's first bytes (empty, EUC-KR); false when they refused it.
  bool check_head(std::string_view head);
  // Starts the walk over `bytes` (the file, or the start of a streamed one).
  void start(std::string_view bytes, size_t size_hint) {
    import = std::make_unique<Import>(bytes, result.report, address_base, size_hint);
  }
  bool walk_ended() const { return import && import->ended(); }
  // Streamed: starts the walk once the file's first 64 KB (or all of it) arrived, and
  // gives it the window; false while it cannot start yet.
  bool prepare_stream();
};

bool ImportJob::State::check_head(std::string_view bytes) {
  ImportReport& report = result.report;
  if (trim(bytes).empty()) {
    report.fail("the file is empty (" + std::to_string(bytes.size()) +
                " byte(s) of white space, no value at byte 0): expected a JSON export of articles");
    return false;
  }
  // Old boards export EUC-KR/CP949: say so instead of a pile of per-record errors.
  const std::string_view head = bytes.substr(0, kHeadBytes);
  if (find_invalid_utf8(trim_truncated_tail(head)) != std::string_view::npos && looks_like_cp949(head)) {
    report.fail("the file is not UTF-8 (first bad byte at offset " + std::to_string(find_invalid_utf8(head)) +
                "); it looks like EUC-KR/CP949 from an old board: re-export it as UTF-8");
    return false;
  }
  return true;
}

bool ImportJob::State::prepare_stream() {
  if (refused) {
    done = ended;
    return false;
  }
  if (!import) {
    if (!bom_checked) {
      if (window.size() < 3 && !ended) return false;
      if (window.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        window.erase(0, 3);
        bom = 3;
      }
      bom_checked = true;
    }
    // Enough to tell the encoding and see a value begin (white space alone says nothing).
    if (!ended && (window.size() < kHeadBytes || trim(window).empty())) return false;
    if (!check_head(window)) {
      refused = true;
      done = ended;
      window = {};
      return false;
    }
    start(window, expected > bom ? expected - bom : window.size());
  }
  import->set_window(window, !ended);
  return true;
}

ImportJob::ImportJob(std::string_view bytes, std::string source, std::string_view address_base)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  st.result.report.source = std::move(source);
  st.address_base = address_base;
  st.total = bytes.size();
  st.done = true;
  if (bytes.size() > limits::kExportBytes) {
    st.result.report.fail(limits::export_too_large(bytes.size()));
    return;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (!st.check_head(bytes)) return;
  st.start(bytes, bytes.size());
  st.done = false;
}

ImportJob::ImportJob(Streamed streamed, std::string source, std::string_view address_base)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  st.result.report.source = std::move(source);
  st.address_base = address_base;
  st.streamed = true;
  st.expected = streamed.expected_size;
}

ImportJob::~ImportJob() = default;
ImportJob::ImportJob(ImportJob&&) noexcept = default;
ImportJob& ImportJob::operator=(ImportJob&&) noexcept = default;

char* ImportJob::input_space(size_t bytes) {
  State& st = *state_;
  if (st.import && !st.walk_ended()) {
    // Bytes already read go, when they are at least half the window (so each byte is
    // moved at most about once).
    st.import->set_window(st.window, !st.ended);  // the window may have moved since the last step
    const size_t needed = st.import->needed_from();
    if (needed > 0 && needed >= st.window.size() / 2) {
      st.import->drop_front(needed);  // first: it counts lines in the bytes that go
      st.window.erase(0, needed);
    }
  } else if (st.walk_ended() || st.refused) {
    st.window.clear();  // a file refused early: the rest is not read
  }
  st.space_at = st.window.size();
  st.window.resize(st.space_at + bytes);
  return st.window.data() + st.space_at;
}

void ImportJob::input_added(size_t bytes) {
  State& st = *state_;
  st.window.resize(std::min(st.window.size(), st.space_at + bytes));
  st.received += bytes;
  if (st.received > limits::kExportBytes && !st.refused) {  // the rest is not read
    st.result.report.fail(limits::export_too_large(st.received));
    st.refused = true;
    st.import.reset();
    st.window = {};
  }
}

void ImportJob::input_ended() {
  State& st = *state_;
  st.ended = true;
  st.total = st.received;
}

bool ImportJob::step(size_t byte_budget) {
  State& st = *state_;
  if (st.done) return true;
  if (st.streamed) {
    if (st.import && st.import->waiting() && !st.ended && st.received < st.retry_at) return false;
    if (!st.walk_ended() && !st.prepare_stream()) return st.done;
    const bool walk_ended = st.walk_ended() || st.import->step(std::max<size_t>(1, byte_budget), st.info);
    if (walk_ended) st.window = {};
    if (!walk_ended && st.import->waiting()) {
      st.retry_at = st.received + (st.window.size() - std::min(st.window.size(), st.import->needed_from()));
    }
    st.done = walk_ended && st.ended;
    return st.done;
  }
  st.done = st.import->step(std::max<size_t>(1, byte_budget), st.info);
  return st.done;
}

bool ImportJob::done() const { return state_->done; }
bool ImportJob::streamed() const { return state_->streamed; }
bool ImportJob::waiting() const {
  const State& st = *state_;
  if (!st.streamed || st.done || st.ended) return false;
  // Before the walk starts: the file's head (or, after white space, a value) must come; a
  // file refused by its head waits for its end (the rest is dropped as it comes).
  if (!st.import) return st.refused || st.window.size() < kHeadBytes || trim(st.window).empty();
  return st.walk_ended() || st.import->waiting();
}
size_t ImportJob::bytes_buffered() const {
  const State& st = *state_;
  // Bytes the walk waits on (an item not yet whole) are not unread: more must come first.
  if (st.refused || st.walk_ended() || waiting()) return 0;
  return st.received - std::min(st.received, bytes_read());
}
size_t ImportJob::bytes_held() const { return state_->window.size(); }
size_t ImportJob::bytes_total() const {
  const State& st = *state_;
  if (!st.streamed || st.ended) return st.total;
  return st.expected ? std::max(st.expected, st.received) : 0;  // 0: not known until the end
}
size_t ImportJob::bytes_read() const {
  const State& st = *state_;
  if (st.done) return st.total;
  if (!st.import) return 0;
  if (st.walk_ended()) return st.streamed ? st.received : st.total;
  const size_t read = st.bom + st.import->position();
  return bytes_total() ? std::min(bytes_total(), read) : read;
}
int64_t ImportJob::records_read() const { return state_->import ? state_->import->records() : 0; }
int64_t ImportJob::records_in_stretches() const {
  return state_->import ? state_->import->records_in_stretches() : state_->in_stretches;
}
int64_t ImportJob::articles_read() const { return records_read() - state_->result.report.skipped; }

ImportResult ImportJob::finish() && {
  if (state_->streamed && !state_->ended) input_ended();  // what was given is the file
  while (!step(SIZE_MAX)) {
  }
  State& st = *state_;
  ImportReport& report = st.result.report;
  if (!st.import || !st.import->ok()) return std::move(st.result);
  st.in_stretches = st.import->records_in_stretches();
  st.result.board = std::move(*st.import).finish(std::move(st.info));
  st.import.reset();
  report.loaded = st.result.board.size();
  if (!report.personal_columns.empty()) {
    std::string names;
    for (const std::string& column : report.personal_columns) names += (names.empty() ? "" : ", ") + column;
    report.add(Severity::warning, -1, "", "",
               "this file publishes personal data in " + names +
                   ": the viewer dropped them, but remove them from the file before publishing it");
  }
  if (report.loaded == 0 && report.skipped > 0) report.usable = false;
  return std::move(st.result);
}

ImportResult import_export(std::string_view bytes, std::string source, std::string_view address_base) {
  return ImportJob(bytes, std::move(source), address_base).finish();
}

std::string_view json_kernel() {
  import_detail::choose_parser_kernel();
  return simdjson::get_active_implementation()->name();
}

}  // namespace newsroom
