#include "fuzz/harness.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#if defined(__SANITIZE_ADDRESS__) && __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define NEWSROOM_FUZZ_DEATH_CALLBACK 1
#endif

#include "fuzz/rng.h"
#include "unit/test_support.h"

namespace newsroom::fuzz {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string hex(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// The input being examined, for a sanitizer report or the watchdog to save.
std::mutex g_current_mutex;
const std::string* g_current = nullptr;
std::string g_failures_dir;

#ifdef NEWSROOM_FUZZ_DEATH_CALLBACK
void save_on_death() {
  if (!g_current) return;
  const std::string path = save_input(g_failures_dir, *g_current);
  std::fprintf(stderr, "fuzz: the input that failed is saved: NEWSROOM_FUZZ_REPLAY=%s\n", path.c_str());
}
#endif

}  // namespace

#ifdef NEWSROOM_FUZZ_DEATH_CALLBACK
// Run by hand, a UBSan report shows where it happened, as under ctest.
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }
#endif

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

std::string save_input(const std::string& dir, const std::string& bytes) {
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  const std::string path = dir + "/" + hex(hash_bytes(bytes)) + ".json";
  if (std::FILE* out = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
  }
  return path;
}

void set_failures_dir(const std::string& dir) { g_failures_dir = dir; }

void set_current(const std::string* input) {
  std::lock_guard<std::mutex> lock(g_current_mutex);
  g_current = input;
}

void save_current_on_death() {
#ifdef NEWSROOM_FUZZ_DEATH_CALLBACK
  __sanitizer_set_death_callback(save_on_death);
#endif
}

void Watchdog::watch() {
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

}  // namespace newsroom::fuzz
