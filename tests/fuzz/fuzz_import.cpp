// The importer's fuzz target: mutated and generated exports, each imported in one go, in
// slices and streamed in random pieces. Each import must hold the importer's own rules
// (the report matches the board, every stated limit holds, text is normalized) and the
// three must agree exactly. Built natively, run under ASan+UBSan by the asan preset.
//
//   NEWSROOM_FUZZ_SECONDS=20        how long to run (default 20)
//   NEWSROOM_FUZZ_SEED=N            which inputs (default a fixed seed: the same inputs each run)
//   NEWSROOM_FUZZ_REPLAY=FILE       only that file (a saved failure)
//   NEWSROOM_FUZZ_FAILURES=DIR      where failing inputs go (default build/fuzz-failures)
//   NEWSROOM_FUZZ_SLOW=S            an input taking longer fails (default 10: 30 times the slowest usual)
//   NEWSROOM_FUZZ_INPUT_TIMEOUT=S   an input taking longer is saved and the run aborted (default 120)
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__) && __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define NEWSROOM_FUZZ_DEATH_CALLBACK 1
#endif

#include "core/text.h"
#include "fuzz/mutator.h"
#include "io/importer.h"
#include "io/limits.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"
#include "tools/synthetic_export.h"
#include "unit/test_support.h"

using namespace newsroom;
using fuzz::Rng;

namespace {

constexpr size_t kMaxInput = size_t{2} << 20;  // small enough that many run in a few seconds
constexpr uint64_t kDefaultSeed = 20240315;
const char* const kSource = "fuzz.json";

// [SECTION] Settings and the saved inputs ---------------------------------------------------

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

struct Settings {
  double seconds = 20;
  uint64_t seed = kDefaultSeed;
  double slow = 10;
  double input_timeout = 120;
  std::string replay;
  std::string failures;
};

Settings read_settings() {
  Settings s;
  if (const std::string v = env("NEWSROOM_FUZZ_SECONDS"); !v.empty()) s.seconds = std::strtod(v.c_str(), nullptr);
  if (const std::string v = env("NEWSROOM_FUZZ_SEED"); !v.empty()) s.seed = std::strtoull(v.c_str(), nullptr, 0);
  if (const std::string v = env("NEWSROOM_FUZZ_SLOW"); !v.empty()) s.slow = std::strtod(v.c_str(), nullptr);
  if (const std::string v = env("NEWSROOM_FUZZ_INPUT_TIMEOUT"); !v.empty())
    s.input_timeout = std::strtod(v.c_str(), nullptr);
  s.replay = env("NEWSROOM_FUZZ_REPLAY");
  s.failures = env("NEWSROOM_FUZZ_FAILURES");
  if (s.failures.empty()) s.failures = test::source_dir() + "/build/fuzz-failures";
  return s;
}

std::string hex(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// Writes a failing input where it can be replayed from; returns its path. Plain C I/O: it
// also runs from the sanitizer's death callback and the watchdog.
std::string save_input(const std::string& dir, const std::string& bytes) {
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  const std::string path = dir + "/" + hex(fuzz::hash_bytes(bytes)) + ".json";
  if (std::FILE* out = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
  }
  return path;
}

// The input being examined, for a sanitizer report or the watchdog to save.
std::mutex g_current_mutex;
const std::string* g_current = nullptr;
std::string g_failures_dir;

void set_current(const std::string* input) {
  std::lock_guard<std::mutex> lock(g_current_mutex);
  g_current = input;
}

#ifdef NEWSROOM_FUZZ_DEATH_CALLBACK
// Run by hand, a UBSan report shows where it happened, as under ctest.
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

void save_on_death() {
  if (!g_current) return;
  const std::string path = save_input(g_failures_dir, *g_current);
  std::fprintf(stderr, "fuzz: the input that failed is saved: NEWSROOM_FUZZ_REPLAY=%s\n", path.c_str());
}
#endif

// An import that never ends is a failure a sanitizer does not see: after `limit` seconds on
// one input, the input is saved and the run aborted.
class Watchdog {
 public:
  explicit Watchdog(double limit) : limit_(limit), thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void begin() {
    std::lock_guard<std::mutex> lock(mutex_);
    started_ = std::chrono::steady_clock::now();
    busy_ = true;
  }
  void end() {
    std::lock_guard<std::mutex> lock(mutex_);
    busy_ = false;
  }

 private:
  void watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::seconds(1));
      const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started_;
      if (!stop_ && busy_ && spent.count() > limit_) {
        std::lock_guard<std::mutex> current(g_current_mutex);
        const std::string path = g_current ? save_input(g_failures_dir, *g_current) : "(no input)";
        std::fprintf(stderr, "fuzz: one input took more than %.0f s; saved: NEWSROOM_FUZZ_REPLAY=%s\n", limit_,
                     path.c_str());
        std::abort();
      }
    }
  }

  double limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, busy_ = false;
  std::chrono::steady_clock::time_point started_;
  std::thread thread_;
};

// [SECTION] The seeds --------------------------------------------------------------------------

std::string seed_record(int id, const std::string& title) {
  std::string out = R"({"id":)" + std::to_string(id) + R"(,"number":)" + std::to_string(id) + R"(,"title":")";
  out += title;
  out += R"(","published_at":"2024-01-0)" + std::to_string(id % 9 + 1) + R"(T10:00:00+09:00","views":)" +
         std::to_string(id * 7) + R"(,"category":"보도자료","author":"홍보팀",)";
  out +=
      R"("body":"첫 문단.\n\n둘째 문단.","tags":["교류"],"links":[{"title":"원문","url":"https://www.jbicp.or.kr/"}],)";
  out += R"("attachments":[{"name":"안내.pdf","url":"files/a.pdf","size":1024,"downloads":3}]})";
  return out;
}

// Every file the importer's tests read, the sample export, one file of each shape the
// importer detects, and two synthetic exports, in a fixed order (a seed names inputs).
std::vector<std::string> load_corpus() {
  std::vector<std::string> corpus;
  const std::string root = test::source_dir();
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/tests/fixtures")) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  paths.push_back(root + "/data/articles.json");
  for (const std::string& path : paths) {
    if (auto bytes = test::read_file(path)) corpus.push_back(std::move(*bytes));
  }
  const std::string two = seed_record(1, "첫 글") + ",\n" + seed_record(2, "[행사] 둘째 글");
  corpus.push_back(R"({"format":"newsroom-export","version":1,"board":{"site":"전북국제협력진흥원","title":"뉴스룸"},)"
                   R"("exported_at":"2024-03-15T09:00:00+09:00","articles":[)" +
                   two + "]}");
  corpus.push_back("[" + two + "]");
  corpus.push_back(seed_record(1, "첫 글") + "\n" + seed_record(2, "둘째 글") + "\n" + seed_record(3, "셋째 글") +
                   "\n");
  corpus.push_back(
      R"([{"type":"header","version":"5.2.1"},{"type":"database","name":"gnuboard"},{"type":"table","name":"g5_write_news","data":[)"
      R"({"wr_id":"1","wr_num":"-1","wr_is_comment":"0","wr_subject":"[보도자료] 제목","wr_content":"<p>내용 <a href=\"https://a.kr\">링크</a></p>","wr_datetime":"2023-12-20 13:14:00","wr_hit":"5","wr_option":"html1","wr_link1":"https://b.kr","wr_link1_hit":"2","wr_email":"a@b.kr"},)"
      R"({"wr_id":"2","wr_num":"-2","wr_is_comment":"1","wr_subject":"","wr_content":"댓글","wr_datetime":"2023-12-20 13:15:00","wr_hit":"0","wr_option":""},)"
      R"({"wr_id":"3","wr_num":"-3","wr_is_comment":"0","wr_subject":"비밀","wr_content":"x","wr_datetime":"2023-12-21 09:00:00","wr_hit":"1","wr_option":"secret"}]}])");
  corpus.push_back(make_synthetic_export(12, 5));
  corpus.push_back(make_synthetic_export(60, 9));  // past the 64 KB a streamed import reads before it starts
  return corpus;
}

// One input: a seed or a generated export, edited a few times (or not at all).
std::string make_input(Rng& rng, const std::vector<std::string>& corpus) {
  std::string bytes;
  switch (rng.below(10)) {
    case 0:
    case 1:
    case 2:
    case 3: bytes = rng.pick(corpus); break;
    case 4:
    case 5: return fuzz::generated_export(rng, kMaxInput).substr(0, kMaxInput);
    default: bytes = fuzz::generated_export(rng, kMaxInput).substr(0, kMaxInput); break;
  }
  fuzz::mutate(bytes, corpus, rng, kMaxInput);
  return bytes;
}

// [SECTION] The three imports -------------------------------------------------------------------

struct Run {
  ImportResult result;
  int64_t records = 0;  // records the walk saw
  std::string trouble;  // a rule of the job's progress that was broken
};

// A byte budget for one step: one record at a time, a frame's worth, or everything.
size_t budget(Rng& plan) {
  switch (plan.below(6)) {
    case 0: return 1;
    case 1: return SIZE_MAX;
    default: return 1 + plan.size_up_to(size_t{1} << 18);
  }
}

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
  if (run.trouble.empty() && (job.bytes_read() != bytes.size() || job.bytes_total() != bytes.size())) {
    run.trouble = "at the end bytes_read or bytes_total is not the size — " + std::to_string(job.bytes_read()) +
                  " and " + std::to_string(job.bytes_total()) + " of " + std::to_string(bytes.size());
  }
  run.records = job.records_read();
  run.result = std::move(job).finish();
  return run;
}

// As a page feeds its download: pieces of random sizes, sometimes more room asked than
// filled, a few steps after each piece (or none: the download ran ahead), and a size said
// at the start that may be right, missing, or wrong.
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
  if (run.trouble.empty() && (job.bytes_read() != bytes.size() || job.bytes_total() != bytes.size())) {
    run.trouble = "at the end bytes_read or bytes_total is not the size — " + std::to_string(job.bytes_read()) +
                  " and " + std::to_string(job.bytes_total()) + " of " + std::to_string(bytes.size());
  }
  run.records = job.records_read();
  run.result = std::move(job).finish();
  return run;
}

// [SECTION] The oracle -------------------------------------------------------------------------

// Everything an import tells, as text: the report whole, the board's header, categories
// and order, and every article with every field.
std::string describe(const ImportResult& result) {
  std::ostringstream out;
  const ImportReport& r = result.report;
  out << "report " << r.source << " format=" << r.format << " usable=" << r.usable << " loaded=" << r.loaded
      << " skipped=" << r.skipped << "\n";
  for (const Problem& p : r.problems) {
    out << "problem " << to_string(p.severity) << " record=" << p.record << " id=" << p.id << " field=" << p.field
        << " file=" << p.file << ": " << p.message << "\n";
  }
  for (const UnlistedProblems& u : r.unlisted)
    out << "unlisted " << to_string(u.severity) << " " << u.field << " " << u.count << "\n";
  for (const std::string& column : r.personal_columns) out << "personal " << column << "\n";
  const Board& board = result.board;
  out << "board " << board.info.site << " / " << board.info.title << " @" << board.info.exported_at.value_or(-1)
      << "\n";
  for (const std::string& crumb : board.info.breadcrumb) out << "crumb " << crumb << "\n";
  for (const std::string& name : board.category_names()) out << "category " << name << "\n";
  out << "order";
  for (const uint32_t i : board.board_order()) out << " " << i;
  out << "\n";
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleDraft a = board.draft(i);
    out << "article " << a.id << " #" << a.number << " [" << a.category << "] " << a.title << " by " << a.author
        << " at " << a.published_at << " views " << a.views << " pinned " << a.pinned << "\n  summary " << a.summary
        << "\n  source " << a.source_name << " " << a.source_url << "\n  body " << a.body << "\n";
    for (const auto& link : a.links) out << "  link " << link.title << " " << link.url << " " << link.clicks << "\n";
    for (const auto& file : a.attachments) {
      out << "  file " << file.name << " " << file.url << " " << file.size << " " << file.downloads << "\n";
    }
    for (const std::string& tag : a.tags) out << "  tag " << tag << "\n";
  }
  return out.str();
}

// "problem — line 12: in one go «…», here «…»": where two descriptions part, led by what
// the line describes (the failure's kind).
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (size_t line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la)), more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "no difference";
    if (!more_a) la = "(nothing)";
    if (!more_b) lb = "(nothing)";
    if (la != lb || !more_a || !more_b) {
      const auto cut = [](const std::string& text) { return text.size() > 300 ? text.substr(0, 300) + "…" : text; };
      const std::string& named = more_a ? la : lb;
      return named.substr(0, named.find(' ')) + " — line " + std::to_string(line) + ": in one go «" + cut(la) +
             "», here «" + cut(lb) + "»";
    }
  }
}

size_t chars_in(std::string_view text) {
  size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// What is wrong with a one-line field (title, names, tags), or nothing.
std::string line_trouble(std::string_view text) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (chars_in(text) > limits::kLineChars) return "has " + std::to_string(chars_in(text)) + " characters";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return "begins or ends with a space";
  if (text.find("  ") != std::string_view::npos) return "holds two spaces in a row";
  if (normalize_line(text) != text) return "changes when normalized again";
  return {};
}

// What is wrong with an article's text (body), or nothing.
std::string text_trouble(std::string_view text) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (text.size() > limits::kBodyBytes) return "has " + std::to_string(text.size()) + " bytes";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  if (normalize_text(text) != text) return "changes when normalized again";
  return {};
}

// What is wrong with an address kept on the board (resolved against `base_bytes` of the
// file's own address at most), or nothing.
std::string address_trouble(std::string_view text, size_t base_bytes) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (text.size() > limits::kAddressBytes + base_bytes) return "has " + std::to_string(text.size()) + " bytes";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  return {};
}

template <typename... Parts>
std::string say(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

// The rules every import result keeps, whatever the file. `records`: how many the walk saw.
std::string check_result(const ImportResult& result, int64_t records, std::string_view base) {
  const ImportReport& r = result.report;
  const Board& board = result.board;
  if (r.source != kSource) return say("the report names another source — ", r.source);
  if (r.loaded != board.size()) return say("report.loaded is not the board's size — ", r.loaded, " and ", board.size());
  if (r.problems.size() > limits::kListedProblems + 1) return say(r.problems.size(), " problems listed");
  if (r.problems.size() == limits::kListedProblems + 1 && (r.usable || r.problems.front().record != -1)) {
    return "a problem past the listed limit that is not the whole file's failure, first";
  }
  if (!r.unlisted.empty() && r.problems.size() < limits::kListedProblems) {
    return say("problems counted unlisted while fewer are listed than the limit — ", r.problems.size());
  }
  for (const Problem& p : r.problems) {
    if (p.record < -1 || p.record >= records) {
      return say("a problem names a record out of range — record ", p.record, " of ", records, ": ", p.message);
    }
    if (p.severity != Severity::warning && p.severity != Severity::error) return "a problem of no known severity";
    if (p.message.empty()) return say("a problem without a message — record ", p.record, " field ", p.field);
    if (find_invalid_utf8(p.message) != std::string::npos || find_invalid_utf8(p.id) != std::string::npos ||
        find_invalid_utf8(p.field) != std::string::npos) {
      return say("a problem's text is not valid UTF-8 — record ", p.record, " ", p.field, ": ",
                 sanitize_utf8(p.message));
    }
  }
  if (r.total_problems() < r.skipped) {
    return say("records skipped without a problem — ", r.skipped, " skipped, ", r.total_problems(), " problems");
  }
  if (static_cast<int64_t>(r.loaded + r.skipped) > records) {
    return say("more loaded and skipped than records — ", r.loaded, " loaded and ", r.skipped, " skipped of ", records);
  }
  if (!r.usable && (!board.empty() || r.total_problems() == 0)) {
    return say("not usable, yet articles or no problem — ", board.size(), " articles and ", r.total_problems(),
               " problems");
  }
  static const std::set<std::string> kFormats = {"newsroom-export", "article-array", "json-lines",
                                                 "gnuboard-phpmyadmin"};
  if (r.usable && !kFormats.count(r.format)) return say("usable, of an unknown format — ", r.format);

  for (const std::string* text : {&board.info.site, &board.info.title}) {
    if (const std::string t = line_trouble(*text); !t.empty())
      return say("the board's name ", t, " — ", text->substr(0, 80));
  }
  const std::vector<std::string>& categories = board.category_names();
  if (std::set<std::string>(categories.begin(), categories.end()).size() != categories.size())
    return "a category named twice";
  std::vector<uint32_t> order = board.board_order();
  std::sort(order.begin(), order.end());
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] != i) return "the board order is not each article once";
  }
  if (order.size() != board.size())
    return say("the board order misses articles — ", order.size(), " of ", board.size());

  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleDraft a = board.draft(i);
    const auto at = [&](const std::string& what, const std::string& trouble) {
      return say("article ", a.id, " (row ", i, "): ", what, " ", trouble);
    };
    if (a.id <= 0 || board.find(a.id) != i) return at("id", "is not positive or not found as itself");
    if (a.views < 0 || a.views > kMaxPlausibleViews) return at("views", std::to_string(a.views));
    if (a.number < 0 || a.number > INT32_MAX) return at("number", std::to_string(a.number));
    if (board.category_of(i) >= categories.size()) return at("category", "index past the names");
    if (a.title.empty()) return at("title", "is empty");
    if (a.category.empty()) return at("category", "is empty");
    for (const auto& [name, text] : {std::pair<const char*, const std::string*>{"title", &a.title},
                                     {"author", &a.author},
                                     {"category", &a.category},
                                     {"summary", &a.summary},
                                     {"source", &a.source_name}}) {
      if (const std::string t = line_trouble(*text); !t.empty()) return at(name, t);
    }
    if (const std::string t = text_trouble(a.body); !t.empty()) return at("body", t);
    if (const std::string t = address_trouble(a.source_url, 0); !t.empty()) return at("source url", t);
    // A record's own list, and for links and images an HTML body's: each up to the limit.
    if (a.tags.size() > limits::kListEntries) return at("tags", say("has ", a.tags.size(), " entries"));
    if (a.links.size() > 2 * limits::kListEntries) return at("links", say("has ", a.links.size(), " entries"));
    if (a.attachments.size() > 2 * limits::kListEntries)
      return at("attachments", say("has ", a.attachments.size(), " entries"));
    for (const std::string& tag : a.tags) {
      if (tag.empty()) return at("a tag", "is empty");
      if (const std::string t = line_trouble(tag); !t.empty()) return at("a tag", t);
    }
    for (const auto& link : a.links) {
      if (link.url.empty()) return at("a link", "has no address");
      if (const std::string t = line_trouble(link.title); !t.empty()) return at("a link's title", t);
      if (const std::string t = address_trouble(link.url, 0); !t.empty()) return at("a link's address", t);
      if (link.clicks < -1 || link.clicks > kMaxPlausibleViews)
        return at("a link's clicks", std::to_string(link.clicks));
    }
    for (const auto& file : a.attachments) {
      if (const std::string t = line_trouble(file.name); !t.empty()) return at("an attachment's name", t);
      if (const std::string t = address_trouble(file.url, base.size()); !t.empty())
        return at("an attachment's address", t);
      if (file.size < -1 || file.downloads < -1 || file.downloads > kMaxPlausibleViews) {
        return at("an attachment's numbers", say(file.size, " bytes, ", file.downloads, " downloads"));
      }
    }
  }
  return {};
}

struct Verdict {
  std::string trouble;  // what is wrong, or nothing
  ImportReport report;  // the import in one go, for the run's figures
  size_t articles = 0;
};

// Imports `bytes` the three ways and checks each. The slicing plan comes from the bytes
// themselves, so a saved input replays exactly.
Verdict examine(const std::string& bytes, uint64_t plan_seed) {
  Rng plan(plan_seed);
  const std::string base = plan.one_in(3) ? "https://www.jbicp.or.kr/data/2024/articles.json" : "";
  ImportResult whole = import_export(bytes, kSource, base);
  Verdict verdict;
  verdict.articles = whole.board.size();
  const auto trouble = [&]() -> std::string {
    Run sliced = import_in_slices(bytes, base, plan);
    if (!sliced.trouble.empty()) return "in slices: " + sliced.trouble;
    if (std::string t = check_result(whole, sliced.records, base); !t.empty()) return "import_export: " + t;
    const std::string expected = describe(whole);
    if (const std::string d = describe(sliced.result); d != expected) {
      return "in slices, not what import_export gives: " + first_difference(expected, d);
    }
    Run streamed = import_streamed(bytes, base, plan);
    if (!streamed.trouble.empty()) return "streamed: " + streamed.trouble;
    if (const std::string d = describe(streamed.result); d != expected) {
      return "streamed, not what import_export gives: " + first_difference(expected, d);
    }
    if (streamed.records != sliced.records) {
      return say("streamed and in slices saw different records — ", streamed.records, " and ", sliced.records);
    }
    return {};
  };
  verdict.trouble = trouble();
  verdict.report = std::move(whole.report);
  return verdict;
}

// A failure's kind: its text before " — ", numbers folded ("record 12" and "record 7" are
// one kind, "UTF-8" stays), so that a mistake many inputs find is reported once.
std::string kind_of(const std::string& trouble) {
  std::string kind;
  char before = ' ';
  for (const char c : trouble.substr(0, trouble.find(" — "))) {
    const bool digit = c >= '0' && c <= '9';
    const bool in_word = std::isalpha(static_cast<unsigned char>(before)) || before == '-';
    if (!digit || in_word) {
      kind += c;
    } else if (kind.empty() || kind.back() != '#') {
      kind += '#';
    }
    if (!digit || in_word) before = c;
  }
  return kind.substr(0, 160);
}

struct Failure {
  size_t count = 0, bytes = 0;
  uint64_t index = 0;
  std::string trouble, path;
};

struct Tally {
  size_t inputs = 0, usable = 0, refused = 0, past_head = 0, unlisted = 0, articles = 0, bytes = 0, large = 0;
  double seconds = 0, large_seconds = 0;  // spent examining: all inputs, and those over 256 KB
  double slowest = 0;
  size_t slowest_bytes = 0;
  uint64_t slowest_index = 0;
  std::map<std::string, size_t> formats;
  void count(size_t input_bytes, const Verdict& verdict, double spent, uint64_t index) {
    if (spent > slowest) {
      slowest = spent;
      slowest_bytes = input_bytes;
      slowest_index = index;
    }
    ++inputs;
    seconds += spent;
    if (input_bytes > (size_t{256} << 10)) {
      ++large;
      large_seconds += spent;
    }
    bytes += input_bytes;
    (verdict.report.usable ? usable : refused) += 1;
    past_head += input_bytes > 65536;
    unlisted += !verdict.report.unlisted.empty();
    articles += verdict.articles;
    ++formats[verdict.report.format.empty() ? "(none)" : verdict.report.format];
  }
};

}  // namespace

namespace {

// One saved input, with the plan a run used and a few others (a failure may need a
// particular slicing).
void replay(const std::string& path, const Settings& settings) {
  const auto bytes = test::read_file(path);
  REQUIRE(bytes);
  set_current(&*bytes);
  const uint64_t hash = fuzz::hash_bytes(*bytes);
  for (uint64_t plan = 0; plan < 16; ++plan) {
    const auto examined = std::chrono::steady_clock::now();
    const Verdict verdict = examine(*bytes, hash + plan);
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - examined;
    if (!verdict.trouble.empty()) FAIL(path << " (plan " << plan << "): " << verdict.trouble);
    if (spent.count() > settings.slow) FAIL(path << " (plan " << plan << "): slow, " << spent.count() << " s");
  }
  std::cout << "fuzz: " << path << " passes (" << bytes->size() << " bytes, 16 plans)" << std::endl;
  set_current(nullptr);
}

}  // namespace

// Every input a fuzz run once failed on, shrunk by hand, stays fixed (tests/fuzz/regressions).
TEST_CASE("inputs the fuzzer once failed on import cleanly", "[fuzz]") {
  const Settings settings = read_settings();
  g_failures_dir = settings.failures;
  size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/tests/fuzz/regressions")) {
    if (entry.path().extension() != ".json") continue;
    replay(entry.path().string(), settings);
    ++replayed;
  }
  CHECK(replayed >= 9);
}

TEST_CASE("the importer survives mutated exports", "[fuzz]") {
  const Settings settings = read_settings();
  g_failures_dir = settings.failures;
#ifdef NEWSROOM_FUZZ_DEATH_CALLBACK
  __sanitizer_set_death_callback(save_on_death);
#endif

  if (!settings.replay.empty()) {
    replay(settings.replay, settings);
    return;
  }

  const std::vector<std::string> corpus = load_corpus();
  REQUIRE(corpus.size() >= 10);
  std::cout << "fuzz: seed " << settings.seed << " for " << settings.seconds << " s, " << corpus.size()
            << " seeds (NEWSROOM_FUZZ_SEED=" << settings.seed << " repeats these inputs)" << std::endl;
  Tally tally;
  std::map<std::string, Failure> failures;  // by kind, each with its smallest input
  Watchdog watchdog(settings.input_timeout);
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  for (uint64_t index = 0; elapsed() < settings.seconds; ++index) {
    Rng rng(settings.seed * 0x9E3779B97F4A7C15ull + index);
    const std::string input = make_input(rng, corpus);
    set_current(&input);
    watchdog.begin();
    const auto examined = std::chrono::steady_clock::now();
    Verdict verdict = examine(input, fuzz::hash_bytes(input));
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - examined;
    watchdog.end();
    set_current(nullptr);
    tally.count(input.size(), verdict, spent.count(), index);
    // Work that grows faster than the file (a page that never finishes) shows as time.
    if (verdict.trouble.empty() && spent.count() > settings.slow) {
      verdict.trouble = say("slow: the three imports took more than ", settings.slow, " s — ", spent.count(), " s for ",
                            input.size(), " bytes");
    }
    if (verdict.trouble.empty()) continue;
    Failure& failure = failures[kind_of(verdict.trouble)];
    if (failure.count++ == 0 || input.size() < failure.bytes) {
      if (!failure.path.empty()) std::filesystem::remove(failure.path);
      failure = {failure.count, input.size(), index, verdict.trouble, save_input(settings.failures, input)};
      if (failure.count == 1) {
        std::cout << "fuzz: input " << index << ": " << verdict.trouble << "\n  NEWSROOM_FUZZ_REPLAY=" << failure.path
                  << std::endl;
      }
    }
  }
  const double seconds = elapsed();
  std::ostringstream formats;
  for (const auto& [format, count] : tally.formats) formats << " " << format << " " << count << ",";
  std::cout << "fuzz: " << tally.inputs << " inputs in " << static_cast<int>(seconds + 0.5) << " s ("
            << static_cast<int>(tally.inputs / std::max(seconds, 0.001)) << "/s, " << (tally.bytes >> 20)
            << " MB), seed " << settings.seed << ", " << tally.usable << " usable, " << tally.refused << " refused"
            << std::endl;
  std::cout << "fuzz: formats" << formats.str() << " " << tally.past_head << " over 64 KB, " << tally.unlisted
            << " with problems past the listed " << limits::kListedProblems << ", " << tally.articles
            << " articles loaded, " << tally.large << " over 256 KB took "
            << static_cast<int>(100 * tally.large_seconds / std::max(tally.seconds, 1e-9))
            << "% of the time; the slowest, input " << tally.slowest_index << " (" << tally.slowest_bytes << " bytes), "
            << static_cast<int>(tally.slowest * 1000) << " ms" << std::endl;
  for (const auto& [kind, failure] : failures) {
    FAIL_CHECK(kind << ": " << failure.count << " inputs; the smallest (" << failure.bytes << " bytes, input "
                    << failure.index << " of seed " << settings.seed << "): " << failure.trouble
                    << "\n  replay: NEWSROOM_FUZZ_REPLAY=" << failure.path);
  }
  CHECK(tally.inputs > 0);
}
