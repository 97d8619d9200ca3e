// What the engine asks of the page, as data: the session and the platform collect these
// during a call or a frame, and the platform hands them over in one call
// (window.newsroomHost.effect). Each is {"name": value}; docs/architecture.md lists them.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace newsroom {

class Effects {
 public:
  void add(std::string_view name, nlohmann::json value = true) {
    nlohmann::json effect = nlohmann::json::object();
    effect[std::string(name)] = std::move(value);
    list_.push_back(std::move(effect));
  }
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  // The value of the last effect called `name`, or nullptr.
  const nlohmann::json* last(std::string_view name) const {
    for (auto it = list_.rbegin(); it != list_.rend(); ++it) {
      if (const auto found = it->find(name); found != it->end()) return &*found;
    }
    return nullptr;
  }
  size_t count(std::string_view name) const {
    size_t n = 0;
    for (const nlohmann::json& effect : list_) n += effect.contains(name);
    return n;
  }
  // Hands the list over (as a JSON array) and starts a new one.
  nlohmann::json take() { return std::exchange(list_, nlohmann::json::array()); }
  const nlohmann::json& list() const { return list_; }

 private:
  nlohmann::json list_ = nlohmann::json::array();
};

}  // namespace newsroom
