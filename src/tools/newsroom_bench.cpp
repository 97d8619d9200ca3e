// newsroom-bench: how fast and in how much memory the engine imports an export
// (issue 3). For each size it generates a synthetic export in memory (timed separately,
// not part of the import), then times newsroom::import_export — parse, normalize, build
// the board — and, in the wasm build, TextDecoder + JSON.parse of the same bytes in the
// same Node process, the browser's own way of reading the file. On the last run's board it
// also times the board image (issue 17) and the related articles' index and queries
// (issue 18.8).
//
//   newsroom-bench [--sizes 1000,10000,100000] [--runs K] [--seed S] [--json] [--careful]
//
// --careful reads every record with the importer's careful reader, as before stretches of
// the list were read in one SIMD pass (read_lists_in_stretches(false)), to compare the two.
//
// Memory is counted by this program's replacement of the global operator new/delete (the
// allocation functions C++ lets a program replace): every byte the engine allocates
// through new — strings, vectors, simdjson's buffers — is added to a live total with its
// real block size (malloc_usable_size), and the high-water mark is kept. The few
// transient malloc calls inside utf8proc are not seen; they are freed at once.

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/image_io.h"
#include "core/related.h"
#include "io/board_image.h"
#include "io/importer.h"
#include "tools/heap_accounting.h"
#include "tools/synthetic_export.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>
#include <emscripten/heap.h>
#endif

// ---------------------------------------------------------------------------------------
// The JavaScript side (wasm only): the same bytes, read the way a page would read them.
// Pointers and sizes are unsigned 32-bit; `>>> 0` keeps addresses above 2 GiB positive.
// ---------------------------------------------------------------------------------------
#ifdef __EMSCRIPTEN__
// clang-format off
EM_JS(double, js_decode, (const char* data, size_t size), {
  const start = performance.now();
  Module.benchText = new TextDecoder('utf-8').decode(HEAPU8.subarray(data >>> 0, (data >>> 0) + (size >>> 0)));
  return performance.now() - start;
});
EM_JS(double, js_parse, (), {
  // A full collection first, outside the timing: the previous run's objects are garbage
  // that V8 would otherwise collect during this parse (1.7-2.5 s instead of 0.7 s at 100k).
  if (!Module.benchGc) {
    try {
      require('v8').setFlagsFromString('--expose-gc');
      Module.benchGc = require('vm').runInNewContext('gc');
    } catch (e) {
      Module.benchGc = () => {};
    }
  }
  Module.benchGc();
  const start = performance.now();
  const value = JSON.parse(Module.benchText);
  const elapsed = performance.now() - start;
  Module.benchArticles = value.articles.length;
  return elapsed;
});
EM_JS(int, js_parsed_articles, (), { return Module.benchArticles | 0; });
EM_JS(void, js_release, (), { Module.benchText = null; });
EM_JS(void, js_runtime, (char* out, int capacity), { stringToUTF8('Node ' + process.version, out, capacity); });
// clang-format on
#endif

namespace {

constexpr double kMB = 1e6;

double now_ms() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

#ifndef __EMSCRIPTEN__
// The process's peak resident set, reset per size through /proc/self/clear_refs (Linux).
bool reset_peak_rss() {
  FILE* file = std::fopen("/proc/self/clear_refs", "w");
  if (!file) return false;
  const bool ok = std::fputs("5", file) >= 0;
  return std::fclose(file) == 0 && ok;
}

size_t peak_rss_bytes() {
  FILE* file = std::fopen("/proc/self/status", "r");
  if (!file) return 0;
  char line[256];
  size_t kb = 0;
  while (std::fgets(line, sizeof line, file)) {
    if (std::sscanf(line, "VmHWM: %zu kB", &kb) == 1) break;
  }
  std::fclose(file);
  return kb * 1024;
}
#endif

struct Options {
  std::vector<size_t> sizes = {1000, 10000, 100000};
  int runs = 0;  // 0: 3 below 100k articles, 2 from 100k
  uint64_t seed = 1;
  bool json = false;
  bool careful = false;  // every record by the careful reader (no stretches read in one pass)
};

struct Row {
  size_t articles = 0, file_bytes = 0;
  double generate_ms = 0;
  std::vector<double> import_runs;
  double import_ms = 0;
  size_t loaded = 0, problems = 0, arena_bytes = 0;
  size_t peak_heap_bytes = 0;      // max over runs of (peak live heap during import − live heap at the call)
  size_t retained_heap_bytes = 0;  // live heap held by the ImportResult after the call
  bool usable = false;
  // Native: peak RSS of the process while generating and importing this size.
  size_t process_peak_bytes = 0;
  bool process_peak_known = false;
  // Wasm: the linear memory, which only grows: before generating, after importing.
  size_t wasm_before_bytes = 0, wasm_after_bytes = 0;
  // Wasm: the JavaScript baseline.
  double decode_ms = -1, json_parse_ms = -1;
  int json_parse_articles = -1;
  // The board image (io/board_image.h) of the last run's board and its complete index: its
  // size, writing it, and reading it back: the checksum alone (an image with its last byte
  // changed is refused right after it), the board and report, then the index.
  size_t image_bytes = 0;
  // The threaded page's build: build() and help() side by side on two threads (-1: no threads).
  double index_two_threads_ms = -1;
  double index_ms = 0, image_write_ms = 0, image_checksum_ms = 0, image_board_ms = 0,
         image_index_ms =
             0;  // Related articles (core/related.h) on the last run's board: the index built at once and in
  // the page's slices (the longest slice), the heap it keeps and its build's peak, and the
  // query for kRelatedQueries articles spread over the board.
  double related_build_ms = 0, related_sliced_ms = 0, related_slice_p99_ms = 0, related_slice_max_ms = 0;
  size_t related_slices = 0, related_bytes = 0, related_peak_bytes = 0;
  double related_query_median_ms = 0, related_query_max_ms = 0, related_found = 0;
};

void measure_image(const newsroom::ImportResult& result, Row& row) {
  double start = now_ms();
  const newsroom::SearchIndex index(result.board);
  row.index_ms = now_ms() - start;
#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
  start = now_ms();
  {
    constexpr size_t kSlice = 256 << 10;  // the Loader's worker slice
    newsroom::SearchIndex two(result.board, newsroom::SearchIndex::InSlices{2});
    std::thread helper([&two] {
      for (;;) {
        const newsroom::SearchIndex::Help help = two.help(kSlice);
        if (help == newsroom::SearchIndex::Help::none_left) return;
        if (help == newsroom::SearchIndex::Help::waiting) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
    while (!two.build(kSlice)) {
    }
    helper.join();
  }
  row.index_two_threads_ms = now_ms() - start;
#endif
  start = now_ms();
  const auto image = std::make_shared<std::string>(newsroom::write_board_image(result.board, index, result.report, {}));
  row.image_write_ms = now_ms() - start;
  row.image_bytes = image->size();
  image->back() = static_cast<char>(image->back() ^ 1);
  start = now_ms();
  const bool refused = !newsroom::read_board_image(*image, nullptr).refused.empty();
  row.image_checksum_ms = now_ms() - start;
  image->back() = static_cast<char>(image->back() ^ 1);
  start = now_ms();
  // As the page reads it: the board keeps its text in the image.
  newsroom::BoardImage read = newsroom::read_board_image(*image, nullptr, nullptr, image);
  row.image_board_ms = now_ms() - start;
  start = now_ms();
  newsroom::ImageReader in(read.index_bytes);
  const bool indexed = newsroom::SearchIndex::from_image(read.board, in) != nullptr;
  row.image_index_ms = now_ms() - start;
  if (!refused || !read.refused.empty() || !indexed) row.image_bytes = 0;  // said as a failure below
}

constexpr size_t kRelatedQueries = 200;
constexpr size_t kRelatedSlice = 128 << 10;  // the page's slice of text (kIndexSlice in app/loader.cpp)

void measure_related(const newsroom::Board& board, Row& row) {
  const size_t live_at_call = newsroom::bench::live_heap_bytes();
  newsroom::bench::reset_heap_peak();
  double start = now_ms();
  const newsroom::RelatedIndex index(board);
  row.related_build_ms = now_ms() - start;
  row.related_peak_bytes = newsroom::bench::peak_heap_bytes() - live_at_call;
  row.related_bytes = newsroom::bench::live_heap_bytes() - live_at_call;
  {
    newsroom::RelatedIndex sliced(board, newsroom::RelatedIndex::InSlices{});
    const double sliced_start = now_ms();
    std::vector<double> slices;
    for (bool done = false; !done;) {
      start = now_ms();
      done = sliced.build(kRelatedSlice);
      slices.push_back(now_ms() - start);
    }
    row.related_sliced_ms = now_ms() - sliced_start;
    row.related_slices = slices.size();
    std::sort(slices.begin(), slices.end());
    row.related_slice_max_ms = slices.back();
    row.related_slice_p99_ms = slices[slices.size() * 99 / 100];
  }
  // Each article's query three times, its fastest kept: a query is well under a time slice of
  // the machine, so the slower ones measure other processes, not the query.
  std::vector<double> times;
  size_t found = 0;
  for (size_t k = 0; k < kRelatedQueries && !board.empty(); ++k) {
    const auto article = static_cast<uint32_t>(k * board.size() / kRelatedQueries);
    double fastest = 1e9;
    for (int repeat = 0; repeat < 3; ++repeat) {
      start = now_ms();
      const size_t count = index.related(article).size();
      fastest = std::min(fastest, now_ms() - start);
      if (repeat == 0) found += count;
    }
    times.push_back(fastest);
  }
  row.related_query_median_ms = median(times);
  row.related_query_max_ms = times.empty() ? 0 : *std::max_element(times.begin(), times.end());
  row.related_found = times.empty() ? 0 : static_cast<double>(found) / static_cast<double>(times.size());
}

Row measure(size_t articles, const Options& options) {
  Row row;
  row.articles = articles;
  const int runs = options.runs > 0 ? options.runs : (articles >= 100000 ? 2 : 3);
#ifdef __EMSCRIPTEN__
  row.wasm_before_bytes = emscripten_get_heap_size();
#else
  row.process_peak_known = reset_peak_rss();
#endif
  {
    double start = now_ms();
    const std::string bytes = newsroom::make_synthetic_export(articles, options.seed);
    row.generate_ms = now_ms() - start;
    row.file_bytes = bytes.size();

    for (int run = 0; run < runs; ++run) {
      const size_t live_at_call = newsroom::bench::live_heap_bytes();
      newsroom::bench::reset_heap_peak();
      start = now_ms();
      newsroom::ImportResult result = newsroom::import_export(bytes, "synthetic");
      row.import_runs.push_back(now_ms() - start);
      row.peak_heap_bytes = std::max(row.peak_heap_bytes, newsroom::bench::peak_heap_bytes() - live_at_call);
      row.retained_heap_bytes = newsroom::bench::live_heap_bytes() - live_at_call;
      row.loaded = result.report.loaded;
      row.problems = result.report.problems.size();
      row.usable = result.report.usable;
      row.arena_bytes = result.board.arena_bytes();
      if (run + 1 == runs) {
        measure_image(result, row);
        measure_related(result.board, row);
      }
    }  // the result is freed before the next run
    row.import_ms = median(row.import_runs);
#ifdef __EMSCRIPTEN__
    row.wasm_after_bytes = emscripten_get_heap_size();
    std::vector<double> decode, parse;
    for (int run = 0; run < runs; ++run) {
      decode.push_back(js_decode(bytes.data(), bytes.size()));
      parse.push_back(js_parse());
      js_release();
    }
    row.decode_ms = median(decode);
    row.json_parse_ms = median(parse);
    row.json_parse_articles = js_parsed_articles();
#endif
  }  // the export is freed before the next size
#ifndef __EMSCRIPTEN__
  if (row.process_peak_known) row.process_peak_bytes = peak_rss_bytes();
#endif
  return row;
}

std::string fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string mb(size_t bytes) { return fixed(static_cast<double>(bytes) / kMB, 1); }

void print_legend(const std::string& platform, const Options& options) {
  std::printf("newsroom-bench: %s | seed %" PRIu64
              " | import = newsroom::import_export(bytes, \"synthetic\")"
              " (parse + normalize + build the board%s), median of %s runs; MB = 10^6 bytes\n",
              platform.c_str(), options.seed, options.careful ? ", every record by the careful reader" : "",
              options.runs > 0 ? std::to_string(options.runs).c_str() : "3 (2 from 100k)");
  std::printf(
      "  heap peak: highest live C++ heap during the call minus the live heap at the call (the input"
      " bytes are already live and not counted); peak/file: heap peak / file size\n");
  std::printf("  kept: heap held by the result afterwards (board + report); arena: the board's text arena\n");
#ifdef __EMSCRIPTEN__
  std::printf(
      "  decode: TextDecoder of the same bytes from the wasm heap to a JS string; JSON.parse: of that"
      " string, after a full garbage collection (not timed); import/parse: import ms / JSON.parse ms\n");
  std::printf(
      "  wasm mem: the wasm linear memory (emscripten_get_heap_size) before generating -> after the"
      " imports; it only grows, so 'after' is this process's high-water mark so far\n");
#else
  std::printf("  decode, JSON.parse: n/a natively (run the web preset's bench for the JavaScript baseline)\n");
  std::printf("  RSS peak: the process's peak resident set (VmHWM, reset per size) while generating + importing\n");
#endif
  std::printf("\n%9s %8s %8s %9s %7s %8s %8s %8s %9s %9s %8s %8s %10s %7s %17s\n", "articles", "file MB", "gen ms",
              "import ms", "MB/s", "loaded", "problems", "arena MB", "heap peak", "peak/file", "kept MB", "decode",
              "JSON.parse", "imp/JP",
#ifdef __EMSCRIPTEN__
              "wasm mem MB"
#else
              "RSS peak MB"
#endif
  );
  std::fflush(stdout);
}

void print_row(const Row& r) {
  const double file_mb = static_cast<double>(r.file_bytes) / kMB;
  const bool js = r.json_parse_ms >= 0;
  std::string process;
#ifdef __EMSCRIPTEN__
  process = mb(r.wasm_before_bytes) + " -> " + mb(r.wasm_after_bytes);
#else
  process = r.process_peak_known ? mb(r.process_peak_bytes) : "n/a";
#endif
  std::printf(
      "%9zu %8s %8s %9s %7s %8zu %8zu %8s %9s %9s %8s %8s %10s %7s %17s\n", r.articles, fixed(file_mb, 1).c_str(),
      fixed(r.generate_ms, 0).c_str(), fixed(r.import_ms, 1).c_str(),
      fixed(r.import_ms > 0 ? file_mb / (r.import_ms / 1000) : 0, 0).c_str(), r.loaded, r.problems,
      mb(r.arena_bytes).c_str(), mb(r.peak_heap_bytes).c_str(),
      fixed(static_cast<double>(r.peak_heap_bytes) / static_cast<double>(std::max<size_t>(r.file_bytes, 1)), 2).c_str(),
      mb(r.retained_heap_bytes).c_str(), js ? fixed(r.decode_ms, 1).c_str() : "n/a",
      js ? fixed(r.json_parse_ms, 1).c_str() : "n/a", js ? fixed(r.import_ms / r.json_parse_ms, 2).c_str() : "n/a",
      process.c_str());
  std::fflush(stdout);
}

void print_json(const Row& r, const std::string& platform, bool careful) {
  std::string runs;
  for (double ms : r.import_runs) {
    if (!runs.empty()) runs += ',';
    runs += fixed(ms, 3);
  }
  std::printf(
      "{\"platform\":\"%s\",\"reader\":\"%s\",\"articles\":%zu,\"file_bytes\":%zu,\"generate_ms\":%s,\"import_ms\":%s,"
      "\"import_runs_ms\":[%s],\"mb_per_s\":%s,\"usable\":%s,\"loaded\":%zu,\"problems\":%zu,\"arena_bytes\":%zu,"
      "\"import_peak_heap_bytes\":%zu,\"retained_heap_bytes\":%zu,",
      platform.c_str(), careful ? "careful" : "stretches", r.articles, r.file_bytes, fixed(r.generate_ms, 3).c_str(),
      fixed(r.import_ms, 3).c_str(), runs.c_str(),
      fixed(static_cast<double>(r.file_bytes) / kMB / (r.import_ms / 1000), 1).c_str(), r.usable ? "true" : "false",
      r.loaded, r.problems, r.arena_bytes, r.peak_heap_bytes, r.retained_heap_bytes);
  if (r.json_parse_ms >= 0) {
    std::printf(
        "\"text_decode_ms\":%s,\"json_parse_ms\":%s,\"json_parse_articles\":%d,\"import_over_json_parse\":%s,"
        "\"wasm_heap_before_bytes\":%zu,\"wasm_heap_after_bytes\":%zu}\n",
        fixed(r.decode_ms, 3).c_str(), fixed(r.json_parse_ms, 3).c_str(), r.json_parse_articles,
        fixed(r.import_ms / r.json_parse_ms, 3).c_str(), r.wasm_before_bytes, r.wasm_after_bytes);
  } else {
    std::printf(
        "\"text_decode_ms\":null,\"json_parse_ms\":null,\"import_over_json_parse\":null,\"process_peak_rss_bytes\":");
    if (r.process_peak_known)
      std::printf("%zu}\n", r.process_peak_bytes);
    else
      std::printf("null}\n");
  }
  std::fflush(stdout);
}

void print_images(const std::vector<Row>& rows) {
  std::printf(
      "\nboard images (issue 17): the board of the last run with its whole index (built at once: index ms;"
      " on two threads as the threaded page builds it: 2 thr ms), written, then read back: checksum alone,"
      " + board and report, then the index\n");
  std::printf("%9s %9s %9s %9s %8s %9s %9s %10s %9s %9s %7s\n", "articles", "index ms", "2 thr ms", "image MB",
              "img/file", "write ms", "checksum", "read board", "read idx", "read ms", "MB/s");
  for (const Row& r : rows) {
    if (!r.image_bytes) {
      std::printf("%9zu  the image was not read back whole\n", r.articles);
      continue;
    }
    const double read = r.image_board_ms + r.image_index_ms;
    std::printf("%9zu %9s %9s %9s %8s %9s %9s %10s %9s %9s %7s\n", r.articles, fixed(r.index_ms, 0).c_str(),
                r.index_two_threads_ms < 0 ? "n/a" : fixed(r.index_two_threads_ms, 0).c_str(),
                mb(r.image_bytes).c_str(),
                fixed(static_cast<double>(r.image_bytes) / static_cast<double>(r.file_bytes), 2).c_str(),
                fixed(r.image_write_ms, 1).c_str(), fixed(r.image_checksum_ms, 1).c_str(),
                fixed(r.image_board_ms, 1).c_str(), fixed(r.image_index_ms, 1).c_str(), fixed(read, 1).c_str(),
                fixed(static_cast<double>(r.image_bytes) / kMB / (read / 1000), 0).c_str());
  }
  std::fflush(stdout);
}

void print_related(const std::vector<Row>& rows) {
  std::printf(
      "\nrelated articles (issue 18.8): the board of the last run; build: the index at once, then in the page's"
      " slices of %zu KB of text (slice p99 and max ms: what a frame waits for); kept: heap it holds; peak: its"
      " build's heap peak; query: related(article) for %zu articles spread over the board, each the fastest of 3"
      " (goal < 5 ms); found: related per article\n",
      kRelatedSlice >> 10, kRelatedQueries);
  std::printf("%9s %9s %10s %7s %10s %10s %8s %8s %10s %9s %7s\n", "articles", "build ms", "sliced ms", "slices",
              "slice p99", "slice max", "kept MB", "peak MB", "query p50", "query max", "found");
  for (const Row& r : rows) {
    std::printf("%9zu %9s %10s %7zu %10s %10s %8s %8s %10s %9s %7s\n", r.articles, fixed(r.related_build_ms, 0).c_str(),
                fixed(r.related_sliced_ms, 0).c_str(), r.related_slices, fixed(r.related_slice_p99_ms, 2).c_str(),
                fixed(r.related_slice_max_ms, 2).c_str(), mb(r.related_bytes).c_str(), mb(r.related_peak_bytes).c_str(),
                fixed(r.related_query_median_ms, 3).c_str(), fixed(r.related_query_max_ms, 3).c_str(),
                fixed(r.related_found, 1).c_str());
  }
  if (!rows.empty()) {
    const Row& last = rows.back();
    std::printf("goal at %zu articles: query max %.3f ms (goal < 5 ms): %s\n", last.articles, last.related_query_max_ms,
                last.related_query_max_ms < 5 ? "met" : "NOT met");
  }
  std::fflush(stdout);
}

// The goals, checked on the largest size: the import at 1.5 times JSON.parse's throughput
// or more (issue 16; wasm only) and a heap peak under twice the file size.
void print_verdict(const Row& r) {
  const double ratio = static_cast<double>(r.peak_heap_bytes) / static_cast<double>(std::max<size_t>(r.file_bytes, 1));
  std::printf("\ngoals at %zu articles: heap peak %.2f x file (goal < 2): %s", r.articles, ratio,
              ratio < 2 ? "met" : "NOT met");
  if (r.json_parse_ms >= 0) {
    const double throughput = r.json_parse_ms / std::max(r.import_ms, 1e-9);
    std::printf(
        "; import %.0f ms vs JSON.parse %.0f ms = %.2fx JSON.parse's throughput (issue 16's goal >= 1.5x): %s"
        " (vs decode + JSON.parse %.0f ms: %.2fx)",
        r.import_ms, r.json_parse_ms, throughput, throughput >= 1.5 ? "met" : "NOT met", r.decode_ms + r.json_parse_ms,
        r.import_ms / (r.decode_ms + r.json_parse_ms));
  }
  std::printf("\n");
}

bool parse_number(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string_view::npos) return false;
  out = std::strtoull(std::string(text).c_str(), nullptr, 10);
  return true;
}

int usage(const std::string& message) {
  std::fprintf(stderr,
               "newsroom-bench: %s\nusage: newsroom-bench [--sizes 1000,10000,100000] [--runs K] [--seed S] [--json] "
               "[--careful]\n",
               message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
    uint64_t number = 0;
    if (arg == "--json") {
      options.json = true;
    } else if (arg == "--careful") {
      options.careful = true;
      newsroom::read_lists_in_stretches(false);
    } else if (arg == "--sizes") {
      options.sizes.clear();
      for (size_t start = 0; start <= value.size();) {
        const size_t comma = std::min(value.find(',', start), value.size());
        if (!parse_number(value.substr(start, comma - start), number) || number == 0 || number > 2'000'000)
          return usage("--sizes needs article counts between 1 and 2,000,000, separated by commas");
        options.sizes.push_back(static_cast<size_t>(number));
        start = comma + 1;
      }
      ++i;
    } else if (arg == "--runs") {
      if (!parse_number(value, number) || number == 0 || number > 100)
        return usage("--runs needs a number from 1 to 100");
      options.runs = static_cast<int>(number);
      ++i;
    } else if (arg == "--seed") {
      if (!parse_number(value, number)) return usage("--seed needs a whole number");
      options.seed = number;
      ++i;
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: newsroom-bench [--sizes 1000,10000,100000] [--runs K] [--seed S] [--json] [--careful]\n");
      return 0;
    } else {
      return usage("unknown argument " + std::string(arg));
    }
  }

#ifdef __EMSCRIPTEN__
  char runtime[64] = "";
  js_runtime(runtime, sizeof runtime);
  const std::string platform = "wasm";
  const std::string description = std::string("wasm under ") + runtime;
#else
  const std::string platform = "native";
  const std::string description = "native";
#endif
  if (!options.json) print_legend(description, options);
  Row last;
  std::vector<Row> rows;
  bool all_loaded = true;
  for (size_t articles : options.sizes) {
    last = measure(articles, options);
    rows.push_back(last);
    all_loaded = all_loaded && last.usable && last.loaded == last.articles;
    if (options.json)
      print_json(last, platform, options.careful);
    else
      print_row(last);
  }
  if (!options.json && !options.sizes.empty()) {
    print_verdict(last);
    print_images(rows);
    print_related(rows);
  }
  // A benchmark of an import that lost articles measures the wrong thing: fail loudly.
  if (!all_loaded) {
    std::fprintf(stderr, "newsroom-bench: the import did not load every generated article\n");
    return 1;
  }
  return 0;
}
