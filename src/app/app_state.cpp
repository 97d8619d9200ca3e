#include "app/app_state.h"

#include <algorithm>
#include <functional>

#include "core/image_io.h"
#include "io/text_normalize.h"

namespace newsroom {

AppState::AppState() = default;
AppState::~AppState() = default;

void AppState::load(ImportResult result) { load(std::move(result), std::string_view()); }

void AppState::load(ImportResult result, std::string_view index_image) { load(std::move(result), index_image, {}); }

void AppState::load(ImportResult result, std::unique_ptr<SearchIndex> index) {
  load(std::move(result), std::string_view(), std::move(index));
}

std::unique_ptr<SearchIndex> AppState::new_index(const Board& board) const {
  if (board.size() < kIndexInSlicesFrom) return std::make_unique<SearchIndex>(board);
  return std::make_unique<SearchIndex>(board, SearchIndex::InSlices{index_helped_ ? 2 : 1});
}

void AppState::load(ImportResult result, std::string_view index_image, std::unique_ptr<SearchIndex> index) {
  ++loads_;
  report_ = std::move(result.report);
  if (!report_.usable) return;  // keep the last good board on screen
  const bool swap = has_board_;
  index_.reset();  // the index points into the board it replaces
  analytics_columns_.reset();
  related_index_.reset();
  related_for_.reset();
  related_.clear();
  board_ = std::move(result.board);
  board_source_ = report_.source;
  snapshots_ = std::move(result.snapshots);
  if (index) {
    index_ = std::move(index);
    index_->rebind(board_);
  }
  if (!index_image.empty()) {
    ImageReader in(index_image);
    index_ = SearchIndex::from_image(board_, in);
  }
  if (!index_) index_ = new_index(board_);
  has_board_ = true;
  ++board_generation_;
  compute_badges();
  if (swap) {
    // Categories the new board no longer has would filter nothing while the tabs say
    // they do: drop them. An open article that is gone returns to the list.
    std::vector<std::string>& categories = list_route_.list.categories;
    const auto& names = board_.category_names();
    categories.erase(std::remove_if(categories.begin(), categories.end(),
                                    [&names](const std::string& name) {
                                      return std::find(names.begin(), names.end(), name) == names.end();
                                    }),
                     categories.end());
    if (route_.view != Route::View::article) route_.list.categories = categories;
    if (route_.view == Route::View::article && !board_.find(route_.article_id)) route_ = list_route_;
  }
  recompute();
  route_ = clamp(route_);
  list_route_ = clamp(list_route_);
}

void AppState::continue_indexing(size_t byte_budget) {
  if (!indexing()) return;
  if (!scanning_) index_->build(byte_budget);  // a search read in the text goes first
  follow_index(byte_budget);
}

bool AppState::build_index_slice(size_t byte_budget) { return !indexing() || index_->build(byte_budget); }

SearchIndex::Help AppState::help_index(size_t byte_budget) {
  return indexing() ? index_->help(byte_budget) : SearchIndex::Help::none_left;
}

void AppState::follow_index(size_t byte_budget) {
  if (!index_) return;
  const auto settle = [this] {
    route_ = clamp(route_);
    list_route_ = clamp(list_route_);
  };
  if (scanning_ && !indexing()) {  // the postings were finished (on a worker) before the reading was
    scanning_ = false;
    recompute();
    settle();
    return;
  }
  if (scanning_) {  // search text read in the text, a slice per call
    if (std::optional<SearchResult> result = index_->step(byte_budget)) {
      result_ = std::move(*result);
      scanning_ = pending_ = false;
      settle();
    }
    return;
  }
  // Waiting for the orders, or answered by reading the text before the postings were
  // built (exact, but the next change of sort or page would read it again): now by the index.
  if ((pending_ && index_->can_run(Query{.text = list().q})) || (!indexing() && result_.scanned)) {
    recompute();
    settle();
  }
}

void AppState::load_failed(std::string source, std::string message) {
  ++loads_;
  ImportReport report;
  report.source = std::move(source);
  report.fail(std::move(message));
  report_ = std::move(report);
}

void AppState::compute_badges() {
  const size_t count = board_.size();
  new_since_ = INT64_MAX;
  hot_from_ = INT64_MAX;
  int64_t reference = board_.info.exported_at.value_or(INT64_MIN);
  if (!board_.info.exported_at) {
    for (uint32_t i = 0; i < count; ++i) reference = std::max(reference, board_.published_at(i));
  }
  as_of_ = reference == INT64_MIN ? 0 : reference;
  if (count == 0) return;
  new_since_ = reference - 7 * 86400;
  std::vector<int64_t> views(count);
  for (uint32_t i = 0; i < count; ++i) views[i] = board_.views(i);
  const size_t top = std::min(count, std::max<size_t>(3, count / 100));
  std::nth_element(views.begin(), views.begin() + static_cast<std::ptrdiff_t>(top - 1), views.end(), std::greater<>());
  hot_from_ = std::max<int64_t>(1, views[top - 1]);
}

bool AppState::is_new(uint32_t index) const { return board_.published_at(index) >= new_since_; }
bool AppState::is_hot(uint32_t index) const { return board_.views(index) >= hot_from_; }

const TagTable& AppState::tags() const {
  static const TagTable kNone;
  return index_ ? index_->tags() : kNone;
}

std::optional<uint32_t> AppState::open_article() const {
  if (route_.view != Route::View::article) return std::nullopt;
  return board_.find(route_.article_id);
}

int AppState::page_count() const {
  const int rows = static_cast<int>(results().size());
  return std::max(1, (rows + per_page() - 1) / per_page());
}

std::span<const uint32_t> AppState::page_rows() const {
  const auto& rows = results();
  const size_t first = std::min(rows.size(), static_cast<size_t>(list().page - 1) * per_page());
  const size_t count = std::min(rows.size() - first, static_cast<size_t>(per_page()));
  return std::span<const uint32_t>(rows).subspan(first, count);
}

std::span<const uint32_t> AppState::rows_through_page() const {
  const auto& rows = results();
  return std::span<const uint32_t>(rows).first(std::min(rows.size(), static_cast<size_t>(list().page) * per_page()));
}

const Analytics& AppState::analytics() const {
  if (!analytics_) {
    if (!analytics_columns_) analytics_columns_ = std::make_unique<AnalyticsColumns>(board_);
    analytics_ = compute_analytics(board_, *analytics_columns_, result_.rows, as_of_);
  }
  return *analytics_;
}

const std::vector<uint32_t>& AppState::related(uint32_t article) const {
  if (!related_index_ && has_board_ && board_.arena_bytes() < kRelatedAtOnceBelow)
    related_index_ = std::make_unique<RelatedIndex>(board_);
  if (!related_index_ || !related_index_->complete() || article >= board_.size()) {
    related_for_.reset();
    related_.clear();
  } else if (related_for_ != article) {
    related_ = related_index_->related(article);
    related_for_ = article;
  }
  return related_;
}

bool AppState::continue_related(size_t byte_budget) {
  if (!relating() || indexing()) return false;
  if (!related_index_) related_index_ = std::make_unique<RelatedIndex>(board_, RelatedIndex::InSlices{});
  return related_index_->build(byte_budget);
}

const Trends& AppState::trends() const {
  if (!trends_) trends_ = compute_trends(board_, snapshots_, result_.rows);
  return *trends_;
}

void AppState::recompute() {
  analytics_.reset();
  trends_.reset();
  const ListView& list = list_route_.list;
  computed_for_ = list;
  parsed_ = parse_query(list.q);
  pending_ = scanning_ = false;
  if (!index_) {
    result_ = SearchResult{};
    return;
  }
  Query query;
  query.text = list.q;
  query.field = list.field;
  for (const std::string& name : list.categories) {
    const auto& names = board_.category_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) query.categories.push_back(static_cast<uint16_t>(it - names.begin()));
  }
  if (auto from = period_of(list.from)) query.from = from->first;
  if (auto to = period_of(list.to)) query.to = to->second;
  query.author = list.author;
  query.tag = list.tag;
  query.with_attachments = list.with_attachments;
  query.pinned_only = list.pinned_only;
  query.views_min = list.views_min;
  query.views_max = list.views_max;
  query.sort = list.effective_sort();
  if (!index_->can_run(query)) {
    result_ = SearchResult{};
    pending_ = true;
    return;
  }
  if (!index_->complete() && parsed_.has_text()) {
    // The postings are being built: the text is read a slice per call of continue_indexing,
    // so that the page keeps drawing (a large board's text is hundreds of MB).
    index_->start(query);
    result_ = SearchResult{};
    pending_ = scanning_ = true;
    return;
  }
  result_ = index_->run(query);
}

Route AppState::clamp(Route route) const {
  if (route.view == Route::View::analytics) {
    route.list.page = 1;  // the analysis covers the whole result
    route.article_id = 0;
  } else if (route.view == Route::View::list) {
    // Before the board (or its rows) arrive, keep the page the URL asked for.
    if (has_board_ && !pending_) {
      const int rows = static_cast<int>(result_.rows.size());
      const int pages = std::max(1, (rows + route.list.per_page - 1) / route.list.per_page);
      route.list.page = std::clamp(route.list.page, 1, pages);
    }
    route.article_id = 0;
  } else {
    route.list = ListView{};
  }
  return route;
}

bool AppState::navigate(Route route) {
  if (route.view == Route::View::analytics) {
    // The analysis is of the list's result: its filters become the list's.
    Route list_route = route;
    list_route.view = Route::View::list;
    list_route.list.page = computed_for_.same_results(route.list) ? list_route_.list.page : 1;
    list_route_ = list_route;
    if (!computed_for_.same_results(route.list) || !has_board_) recompute();
    list_route_ = clamp(list_route);
    route = clamp(route);
  } else if (route.view == Route::View::list) {
    list_route_ = route;
    if (!computed_for_.same_results(route.list) || !has_board_) recompute();
    route = clamp(route);
    list_route_ = route;
  } else {
    route = clamp(route);
  }
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

bool AppState::change_list(ListView list) {
  if (!list.same_results(this->list())) list.page = 1;
  Route route;
  if (route_.view == Route::View::analytics) route.view = Route::View::analytics;  // filtering the analysis
  route.list = std::move(list);
  return navigate(route);
}

bool AppState::go_to_page(int page) {
  ListView list = this->list();
  list.page = page;
  return change_list(list);
}

bool AppState::set_search_text(std::string_view text) {
  ListView list = this->list();
  list.q = normalize_line(text);
  return change_list(list);
}

bool AppState::set_field(SearchField field) {
  ListView list = this->list();
  list.field = field;
  return change_list(list);
}

bool AppState::set_category(std::string_view name) {
  ListView list = this->list();
  list.categories.clear();
  if (!name.empty()) list.categories.emplace_back(name);
  return change_list(list);
}

bool AppState::set_sort(std::optional<SortOrder> sort) {
  ListView list = this->list();
  list.sort = sort;
  return change_list(list);
}

bool AppState::set_per_page(int per_page) {
  ListView list = this->list();
  // Keep the first row on screen in view: the page that holds it at the new size.
  const int first_row = (list.page - 1) * list.per_page;
  list.per_page = per_page;
  list.page = first_row / per_page + 1;
  return change_list(list);
}

bool AppState::set_period(std::string from, std::string to) {
  ListView list = this->list();
  list.from = std::move(from);
  list.to = std::move(to);
  return change_list(list);
}

bool AppState::set_author(std::string_view name) {
  ListView list = this->list();
  list.author = std::string(name);
  return change_list(list);
}

bool AppState::set_tag(std::string_view name) {
  ListView list = this->list();
  list.tag = std::string(name);
  return change_list(list);
}

bool AppState::show_tag(std::string_view name) {
  Route route;
  route.list.tag = std::string(name);
  route.list.per_page = list().per_page;
  return navigate(route);
}

bool AppState::set_views(std::optional<int64_t> min, std::optional<int64_t> max) {
  ListView list = this->list();
  list.views_min = min;
  list.views_max = min ? max : std::nullopt;
  return change_list(list);
}

}  // namespace newsroom
