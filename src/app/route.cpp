#include "app/route.h"

#include <charconv>

namespace newsroom {
namespace {

std::optional<int64_t> parse_positive(std::string_view digits) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value <= 0) return std::nullopt;
  return value;
}

// The value of `key` in "a=1&b=2", if present.
std::optional<std::string_view> query_value(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == key) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

}  // namespace

Route parse_hash(std::string_view hash) {
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
  Route route;
  constexpr std::string_view kArticle = "article/";
  if (hash.substr(0, kArticle.size()) == kArticle) {
    std::string_view id = hash.substr(kArticle.size());
    id = id.substr(0, id.find_first_of("?/"));
    if (auto parsed = parse_positive(id)) {
      route.view = Route::View::article;
      route.article_id = *parsed;
    }
    return route;
  }
  const size_t question = hash.find('?');
  if (question != std::string_view::npos) {
    if (auto page = query_value(hash.substr(question + 1), "page")) {
      if (auto parsed = parse_positive(*page); parsed && *parsed < 1'000'000) route.page = static_cast<int>(*parsed);
    }
  }
  return route;
}

std::string format_hash(const Route& route) {
  if (route.view == Route::View::article) return "#/article/" + std::to_string(route.article_id);
  if (route.page > 1) return "#/?page=" + std::to_string(route.page);
  return "#/";
}

const char* route_name(Route::View view) { return view == Route::View::article ? "article" : "list"; }

}  // namespace newsroom
