// The importer's fuzz target: mutated and generated exports, each imported in one go, in
// slices and streamed in random pieces. Each import must hold the importer's own rules
// (the report matches the board, every stated limit holds, text is normalized) and the
// three must agree exactly. Built natively, run under ASan+UBSan by the asan preset.
// Here the two tests and the run's tally; the parts beside it in tests/fuzz: corpus (the
// inputs), generators and mutations (what they are made of), runners and oracle (the
// imports and their checks), harness (settings, and saving an input that crashes or hangs).
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
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/corpus.h"
#include "fuzz/harness.h"
#include "fuzz/oracle.h"
#include "fuzz/rng.h"
#include "io/limits.h"
#include "unit/test_support.h"

using namespace newsroom;
using namespace newsroom::fuzz;

namespace {

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

// One saved input, with the plan a run used and a few others (a failure may need a
// particular slicing).
void replay(const std::string& path, const Settings& settings) {
  const auto bytes = test::read_file(path);
  REQUIRE(bytes);
  set_current(&*bytes);
  const uint64_t hash = hash_bytes(*bytes);
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
  set_failures_dir(settings.failures);
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
  set_failures_dir(settings.failures);
  save_current_on_death();

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
    Verdict verdict = examine(input, hash_bytes(input));
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
