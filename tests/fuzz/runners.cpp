#include "fuzz/runners.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace newsroom::fuzz {

namespace {

// A byte budget for one step: one record at a time, a frame's worth, or everything.
size_t budget(Rng& plan) {
  switch (plan.below(6)) {
    case 0: return 1;
    case 1: return SIZE_MAX;
    default: return 1 + plan.size_up_to(size_t{1} << 18);
  }
}

// The end both ways share: once the job has the whole input, every byte of it is read and
// counted; then the job's result.
Run finished(ImportJob& job, std::string_view bytes, Run run) {
  if (run.trouble.empty() && (job.bytes_read() != bytes.size() || job.bytes_total() != bytes.size())) {
    run.trouble = "at the end bytes_read or bytes_total is not the size — " + std::to_string(job.bytes_read()) +
                  " and " + std::to_string(job.bytes_total()) + " of " + std::to_string(bytes.size());
  }
  run.records = job.records_read();
  run.result = std::move(job).finish();
  return run;
}

}  // namespace

Run import_in_slices(std::string_view bytes, std::string_view base, Rng& plan) {
  ImportJob job(bytes, kSource, base);
  Run run;
  size_t last = job.bytes_read(), steps = 0;
  while (!job.step(budget(plan))) {
    const size_t read = job.bytes_read();
    if (read <= last || read > job.bytes_total()) {
      run.trouble = "a step left bytes_read where it was or past the end — step " + std::to_string(steps) + ": " +
                    std::to_string(read) + " (before " + std::to_string(last) + ", total " +
                    std::to_string(job.bytes_total()) + ")";
      break;
    }
    last = read;
    if (++steps > bytes.size() + 16) {
      run.trouble = "the job did not end — " + std::to_string(steps) + " steps";
      break;
    }
  }
  return finished(job, bytes, std::move(run));
}

Run import_streamed(std::string_view bytes, std::string_view base, Rng& plan) {
  size_t expected = 0;
  switch (plan.below(4)) {
    case 0: expected = bytes.size(); break;
    case 1: expected = plan.below(bytes.size() + 1); break;
    case 2: expected = bytes.size() + plan.size_up_to(bytes.size() + 1); break;
    default: break;
  }
  ImportJob job(ImportJob::Streamed{expected}, kSource, base);
  Run run;
  const size_t piece_style = plan.below(4);
  const size_t fixed_piece = 1 + plan.size_up_to(bytes.size() < 65536 ? 64 : 8192);
  size_t at = 0, last = 0;
  // A step that neither ends, waits, nor reads anything is a loop the page would spin in.
  const auto step_until_waiting = [&] {
    size_t idle = 0, before = job.bytes_read();
    int64_t records = job.records_read();
    while (!job.step(budget(plan)) && !job.waiting()) {
      idle = job.bytes_read() == before && job.records_read() == records ? idle + 1 : 0;
      if (idle > 16) return false;
      before = job.bytes_read();
      records = job.records_read();
    }
    return true;
  };
  while (at < bytes.size() && run.trouble.empty()) {
    size_t piece = piece_style == 0   ? fixed_piece
                   : piece_style == 1 ? 1 + plan.size_up_to(size_t{1} << 20)
                                      : 1 + plan.size_up_to(70000);
    piece = std::min(piece, bytes.size() - at);
    char* space = job.input_space(piece + (plan.one_in(4) ? plan.size_up_to(4096) : 0));
    std::copy_n(bytes.data() + at, piece, space);
    job.input_added(piece);
    at += piece;
    if (!plan.one_in(4) && !step_until_waiting()) {
      run.trouble = "steps neither read, wait nor end — after " + std::to_string(at) + " bytes given, " +
                    std::to_string(job.bytes_read()) + " read, " + std::to_string(job.bytes_buffered()) + " buffered";
    }
    const size_t read = job.bytes_read();
    if (read < last || read > at) {
      run.trouble = "bytes_read went back or past what was given — after " + std::to_string(at) + " bytes given, " +
                    std::to_string(read) + " (before " + std::to_string(last) + ")";
    }
    if (job.bytes_total() != (expected ? std::max(expected, at) : 0)) {
      run.trouble = "bytes_total is not the size said or given — after " + std::to_string(at) +
                    " bytes given (expected " + std::to_string(expected) + "): " + std::to_string(job.bytes_total());
    }
    last = read;
  }
  job.input_ended();
  size_t end_steps = 0;
  while (run.trouble.empty() && !job.step(budget(plan))) {
    if (++end_steps > bytes.size() + 64) run.trouble = "the job did not end after the input ended";
  }
  return finished(job, bytes, std::move(run));
}

}  // namespace newsroom::fuzz
