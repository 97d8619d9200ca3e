#include "app/loader.h"

#include <algorithm>
#include <cstring>

#include "app/app_state.h"

namespace newsroom {
namespace {

// Bytes read (import) and of text indexed between two looks at the clock.
constexpr size_t kImportSlice = 256 << 10, kIndexSlice = 128 << 10;

}  // namespace

OwnedBytes OwnedBytes::copy_of(std::string_view text) {
  char* copy = static_cast<char*>(std::malloc(std::max<size_t>(1, text.size())));
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  return adopt(copy, text.size());
}

Loader::Applied Loader::apply(ImportResult result) {
  app_.load(std::move(result));
  job_.reset();
  job_bytes_ = {};
  settled_ = true;
  if (progress_.phase == LoadProgress::Phase::importing) progress_ = {};
  return {app_.loads(), app_.report().usable};
}

std::optional<Loader::Applied> Loader::whole(OwnedBytes bytes, std::string source) {
  const size_t size = bytes.size;
  job_bytes_ = std::move(bytes);
  job_ = std::make_unique<ImportJob>(job_bytes_.view(), source, source);
  progress_ = {LoadProgress::Phase::importing, 0, size};
  if (size < kAtOnceBelow) return apply(std::move(*job_).finish());
  return std::nullopt;
}

void Loader::begin_stream(std::string source, size_t expected_size) {
  job_bytes_ = {};
  job_ = std::make_unique<ImportJob>(ImportJob::Streamed{expected_size}, source, source);
  ++streams_;
  progress_ = {LoadProgress::Phase::importing, 0, expected_size};
}

char* Loader::stream_space(size_t bytes) { return streaming() ? job_->input_space(bytes) : nullptr; }

void Loader::stream_added(size_t bytes) {
  if (streaming()) job_->input_added(bytes);
}

void Loader::stream_end() {
  if (streaming()) job_->input_ended();
}

void Loader::abort() {
  if (!streaming()) return;
  job_.reset();
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

Loader::Applied Loader::failed(std::string source, std::string message) {
  job_.reset();  // a streamed import, if any, is over
  job_bytes_ = {};
  app_.load_failed(std::move(source), std::move(message));
  settled_ = true;
  progress_ = {};
  return {app_.loads(), false};
}

void Loader::download_progress(uint64_t done, uint64_t total) {
  progress_ = {LoadProgress::Phase::downloading, done, total};
}

bool Loader::busy() const { return job_ || app_.indexing() || progress_.phase != LoadProgress::Phase::none; }

Loader::Worked Loader::work(double budget_ms, Clock clock, void* clock_context) {
  using Phase = LoadProgress::Phase;
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
  if (progress_.phase != Phase::downloading) progress_ = {app_.indexing() ? Phase::indexing : Phase::none};
  return worked;
}

}  // namespace newsroom
