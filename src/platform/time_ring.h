// Benchmark hooks (window.newsroom.frameTimes() / searchTimes(), docs/testing.md): the last
// 4096 times in ms, oldest first; take_json() returns them as a JSON array and forgets them.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace newsroom::platform {

class TimeRing {
 public:
  void push(double ms) {
    values_[(first_ + count_) % values_.size()] = static_cast<float>(ms);
    if (count_ < values_.size())
      ++count_;
    else
      first_ = (first_ + 1) % values_.size();
  }
  // The times as a JSON array of ms, forgotten once taken.
  std::string take_json() {
    std::string text = "[";
    char number[32];
    for (size_t i = 0; i < count_; ++i) {
      std::snprintf(number, sizeof number, i ? ",%.3f" : "%.3f",
                    static_cast<double>(values_[(first_ + i) % values_.size()]));
      text += number;
    }
    first_ = count_ = 0;
    return text + "]";
  }

 private:
  std::array<float, 4096> values_{};
  size_t first_ = 0, count_ = 0;
};

}  // namespace newsroom::platform
