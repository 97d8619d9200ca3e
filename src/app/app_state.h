// AppState: the single source of truth the views read. Views call its actions; derived
// lists (the search result, the rows of the current page) are recomputed only when an
// action changes what they depend on, never per frame.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/route.h"
#include "core/analytics.h"
#include "core/board.h"
#include "core/related.h"
#include "core/search.h"
#include "core/tags.h"
#include "core/trends.h"
#include "io/importer.h"

namespace newsroom {

class AppState {
 public:
  static constexpr int kDefaultPerPage = 15;  // the original board shows 15 per page

  AppState();
  ~AppState();
  // The search index points into the board: an AppState stays where it was made.
  AppState(const AppState&) = delete;
  AppState& operator=(const AppState&) = delete;

  // A new import. An unusable one keeps the board on screen and only replaces the report.
  // A usable one replacing a board (a live swap) keeps the view: the open article when
  // its id is still on the board (else the list), the list's query, filters that still
  // name something (categories gone from the board are dropped) and the page, clamped.
  void load(ImportResult result);
  // The same for a board read back from an image (io/board_image.h) with its index's bytes:
  // the index is complete at once (built in slices as usual should its bytes not read).
  void load(ImportResult result, std::string_view index_image);
  // The same with the index new_index() made for `result.board` (null: made here).
  void load(ImportResult result, std::unique_ptr<SearchIndex> index);
  // A new index for `board`, to be built as load() would build it; safe on another thread
  // beside every call of the page's thread (it reads only the board and a setting).
  std::unique_ptr<SearchIndex> new_index(const Board& board) const;
  // The export could not even be fetched.
  void load_failed(std::string source, std::string message);

  bool has_board() const { return has_board_; }
  // Counts the boards loaded: changes whenever load() replaced the board.
  uint64_t board_generation() const { return board_generation_; }
  const Board& board() const { return board_; }
  const ImportReport& report() const { return report_; }
  // Where the board on screen came from (report().source names the last import, which
  // may have been refused while this board stays).
  const std::string& board_source() const { return board_source_; }
  // Counts load() and load_failed() calls: the page waits for it to move after a delivery.
  int64_t loads() const { return loads_; }
  // The last import was refused while an earlier board is still shown.
  bool showing_previous_board() const { return has_board_ && !report_.usable; }

  const Route& route() const { return route_; }
  const ListView& list() const { return list_route_.list; }  // the list, also while an article is open
  // The article the route points at, when it exists on the board.
  std::optional<uint32_t> open_article() const;

  // Badges of the list: "new" within 7 days before the export (or the newest article when
  // the export has no date), "hot" for the most viewed (the top 3, or 1 % of a large board).
  bool is_new(uint32_t index) const;
  bool is_hot(uint32_t index) const;

  // The current result list (article indices in display order), its facets, and the
  // current page of it.
  const std::vector<uint32_t>& results() const { return result_.rows; }
  // The search text was answered by reading the text, its postings not built yet.
  bool results_scanned() const { return result_.scanned; }
  // The search text is being read in the text now (follow_index() goes on with it).
  bool reading_text() const { return scanning_; }
  const SearchResult& search() const { return result_; }
  const ParsedQuery& parsed_query() const { return parsed_; }
  int per_page() const { return list().per_page; }
  int page_count() const;
  std::span<const uint32_t> page_rows() const;
  // Every row from the first page through the current one (phones load more as they scroll).
  std::span<const uint32_t> rows_through_page() const;
  const SearchIndex* index() const { return index_ && index_->complete() ? index_.get() : nullptr; }

  // A large board is indexed in slices, continue_indexing() once per frame, so that the
  // page keeps drawing: browsing (filters, sorts) works after the first slices, search text
  // too, read in the text a slice per call until the postings are built. Until the list is
  // computed, results() is empty and search_pending() is true; the list's page is kept and
  // applied when the rows arrive.
  static constexpr size_t kIndexInSlicesFrom = 4000;  // articles
  bool indexing() const { return index_ && !index_->complete(); }
  double index_progress() const { return index_ ? index_->progress() : 0; }
  bool search_pending() const { return pending_; }
  void continue_indexing(size_t byte_budget);
  // The same in two halves, for an index built on a worker thread (Loader's background
  // mode): build_index_slice() there (true once complete; safe beside every call of the
  // page's thread but load()), follow_index() on the page's thread: the search read in the
  // text goes on, and a list that waited for the index is computed once it can be.
  bool build_index_slice(size_t byte_budget);
  SearchIndex::Help help_index(size_t byte_budget);  // SearchIndex::help, from a second worker
  // Large boards from the next load on get an index a second thread can help build.
  void set_index_helped(bool helped) { index_helped_ = helped; }
  void follow_index(size_t byte_budget);
  // Up to five articles related to `article` (core/related.h), most related first, computed
  // once per article opened; empty while the board's related index is not built. A board
  // with little text builds it at the first call; a larger one in slices, continue_related()
  // from Loader::work once the search index is complete (a board read back from an image too).
  static constexpr size_t kRelatedAtOnceBelow = size_t{1} << 20;  // bytes of text
  const std::vector<uint32_t>& related(uint32_t article) const;
  bool relating() const { return has_board_ && !(related_index_ && related_index_->complete()); }
  bool continue_related(size_t byte_budget);  // true when this slice completed it
  // View-count analytics of results(), computed when first asked for after a change.
  const Analytics& analytics() const;
  // Views across the manifest's dated exports for results(); empty dates without them.
  const Trends& trends() const;
  // The date ages are counted to: the export's date, or its newest article.
  int64_t as_of() const { return as_of_; }

  // Actions. Each returns true when the route changed (the URL should follow).
  bool navigate(Route route);
  bool open(int64_t article_id);
  bool back_to_list();
  bool go_to_page(int page);
  bool set_search_text(std::string_view text);  // NFC-normalized here; back to page 1
  bool set_field(SearchField field);
  bool set_category(std::string_view name);  // one category, or "" for every category
  bool set_sort(std::optional<SortOrder> sort);
  bool set_per_page(int per_page);
  bool set_period(std::string from, std::string to);
  bool set_author(std::string_view name);                                  // exact author, or "" for any
  bool set_views(std::optional<int64_t> min, std::optional<int64_t> max);  // views in [min, max)
  bool set_tag(std::string_view name);                                     // a tag, or "" for any
  // A tag's articles on their own (a tag under an article): the list with that tag as its
  // only filter, newest first.
  bool show_tag(std::string_view name);
  // The board's tags, numbered as search().per_tag counts them; empty before a board.
  const TagTable& tags() const;
  bool apply_hash(std::string_view hash) { return navigate(parse_hash(hash)); }
  std::string hash() const { return format_hash(route_); }

 private:
  void load(ImportResult result, std::string_view index_image, std::unique_ptr<SearchIndex> index);
  Route clamp(Route route) const;
  bool change_list(ListView list);  // a new list view; page back to 1 unless only paging changed
  void recompute();                 // the search result for list(), after it changed
  void compute_badges();            // once per board

  Board board_;
  ImportReport report_;
  bool has_board_ = false;
  uint64_t board_generation_ = 0;
  std::string board_source_;
  int64_t loads_ = 0;
  std::unique_ptr<SearchIndex> index_;
  SearchResult result_;
  bool pending_ = false;   // the index cannot compute list() yet
  bool scanning_ = false;  // list() is being read in the text (SearchIndex::start, step)
  bool index_helped_ = false;
  ParsedQuery parsed_;
  ListView computed_for_;  // the list view result_ belongs to
  Route route_;
  Route list_route_;               // the list as last shown: where "back to the list" returns
  int64_t new_since_ = INT64_MAX;  // published at or after this is "new"
  int64_t hot_from_ = INT64_MAX;   // this many views or more is "hot"
  int64_t as_of_ = 0;
  mutable std::unique_ptr<AnalyticsColumns> analytics_columns_;  // per board, built when first needed
  mutable std::optional<Analytics> analytics_;
  std::vector<Snapshot> snapshots_;
  mutable std::optional<Trends> trends_;
  mutable std::unique_ptr<RelatedIndex> related_index_;  // per board, points into it
  mutable std::optional<uint32_t> related_for_;          // the article related_ belongs to
  mutable std::vector<uint32_t> related_;
};

}  // namespace newsroom
