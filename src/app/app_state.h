// AppState: the single source of truth the views read. Views call its actions; derived
// lists (the rows of the current page) are recomputed only when an action changes them.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/route.h"
#include "core/board.h"
#include "io/importer.h"

namespace newsroom {

class AppState {
 public:
  static constexpr int kDefaultPerPage = 15;  // the original board shows 15 per page

  // A new import. An unusable one keeps the board on screen and only replaces the report.
  void load(ImportResult result);
  // The export could not even be fetched.
  void load_failed(std::string source, std::string message);

  bool has_board() const { return has_board_; }
  const Board& board() const { return board_; }
  const ImportReport& report() const { return report_; }

  const Route& route() const { return route_; }
  // The article the route points at, when it exists on the board.
  std::optional<uint32_t> open_article() const;

  // All rows of the list in board order (article indices), and the current page of them.
  const std::vector<uint32_t>& results() const { return board_.board_order(); }
  int per_page() const { return per_page_; }
  int page_count() const;
  std::span<const uint32_t> page_rows() const;

  // Actions. Each returns true when the route changed (the URL should follow).
  bool navigate(Route route);
  bool open(int64_t article_id);
  bool back_to_list();
  bool go_to_page(int page);
  bool apply_hash(std::string_view hash) { return navigate(parse_hash(hash)); }
  std::string hash() const { return format_hash(route_); }

 private:
  Route clamp(Route route) const;

  Board board_;
  ImportReport report_;
  bool has_board_ = false;
  Route route_;
  Route list_route_;  // where "back to the list" returns
  int per_page_ = kDefaultPerPage;
};

}  // namespace newsroom
