// Routes: which view is on screen, and its round trip through the URL hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsroom {

struct Route {
  enum class View : uint8_t { list, article };
  View view = View::list;
  int64_t article_id = 0;  // for View::article
  int page = 1;            // for View::list, 1-based

  bool operator==(const Route&) const = default;
};

// "#/", "#/?page=3", "#/article/1201". Anything unknown is the list's first page, so a
// mistyped link still shows the board.
Route parse_hash(std::string_view hash);
std::string format_hash(const Route& route);
const char* route_name(Route::View view);  // "list", "article"

}  // namespace newsroom
