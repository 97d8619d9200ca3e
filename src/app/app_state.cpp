#include "app/app_state.h"

#include <algorithm>

namespace newsroom {

void AppState::load(ImportResult result) {
  report_ = std::move(result.report);
  if (!report_.usable) return;  // keep the last good board on screen
  board_ = std::move(result.board);
  has_board_ = true;
  route_ = clamp(route_);
  list_route_ = clamp(list_route_);
}

void AppState::load_failed(std::string source, std::string message) {
  ImportReport report;
  report.source = std::move(source);
  report.fail(std::move(message));
  report_ = std::move(report);
}

std::optional<uint32_t> AppState::open_article() const {
  if (route_.view != Route::View::article) return std::nullopt;
  return board_.find(route_.article_id);
}

int AppState::page_count() const {
  const int rows = static_cast<int>(results().size());
  return std::max(1, (rows + per_page_ - 1) / per_page_);
}

std::span<const uint32_t> AppState::page_rows() const {
  const auto& rows = results();
  const size_t first = std::min(rows.size(), static_cast<size_t>(route_.page - 1) * per_page_);
  const size_t count = std::min(rows.size() - first, static_cast<size_t>(per_page_));
  return std::span<const uint32_t>(rows).subspan(first, count);
}

Route AppState::clamp(Route route) const {
  if (route.view == Route::View::list) {
    // Before the board arrives, keep the page the URL asked for.
    if (has_board_) route.page = std::clamp(route.page, 1, page_count());
    route.article_id = 0;
  } else {
    route.page = 1;
  }
  return route;
}

bool AppState::navigate(Route route) {
  route = clamp(route);
  if (route.view == Route::View::list) list_route_ = route;
  if (route == route_) return false;
  route_ = route;
  return true;
}

bool AppState::open(int64_t article_id) {
  Route route;
  route.view = Route::View::article;
  route.article_id = article_id;
  return navigate(route);
}

bool AppState::back_to_list() { return navigate(list_route_); }

bool AppState::go_to_page(int page) {
  Route route;
  route.page = page;
  return navigate(route);
}

}  // namespace newsroom
