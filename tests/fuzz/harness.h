// What a fuzz run is told (the NEWSROOM_FUZZ_* settings, see fuzz_import.cpp) and what
// keeps an input that fails where no assertion sees it: a sanitizer report or an import
// that never ends saves the input being examined before the run stops.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace newsroom::fuzz {

struct Settings {
  double seconds = 20;
  uint64_t seed = 20240315;  // the default: the same inputs each run
  double slow = 10;
  double input_timeout = 120;
  std::string replay;
  std::string failures;
};

Settings read_settings();

// Writes a failing input where it can be replayed from; returns its path. Plain C I/O: it
// also runs from the sanitizer's death callback and the watchdog.
std::string save_input(const std::string& dir, const std::string& bytes);

// Where a crash or a hung import saves its input (the settings' failures).
void set_failures_dir(const std::string& dir);

// The input being examined, for a sanitizer report or the watchdog to save; nullptr when
// none is.
void set_current(const std::string* input);

// Under ASan, a sanitizer report first saves the input being examined; without it, nothing.
void save_current_on_death();

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
  void watch();

  double limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, busy_ = false;
  std::chrono::steady_clock::time_point started_;
  std::thread thread_;
};

}  // namespace newsroom::fuzz
