// Routes: which view is on screen, and its round trip through the URL hash. The list's
// query, filters, sort and page live in the hash too, so every result list has a link.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search.h"

namespace newsroom {

// What the list shows:
// "#/?q=카자흐&field=title&cat=보도자료&from=2023&to=2023-06&author=관리자&tag=B2B&att=1&pinned=1&sort=views&page=2&per=20"
struct ListView {
  std::string q;  // the search text as typed (NFC)
  SearchField field = SearchField::title_body;
  std::vector<std::string> categories;  // category names; empty: every category
  std::string from, to;                 // "2023", "2023-05" or "2023-05-01" (Seoul), both inclusive; empty: open
  std::string author;                   // exact author name; empty: any
  std::string tag;                      // exact tag; empty: any
  bool with_attachments = false;        // only articles with 첨부파일
  bool pinned_only = false;             // only 공지
  std::optional<int64_t> views_min, views_max;  // views in [min, max): "views=100-200", "views=1000-"
  std::optional<SortOrder> sort;                // unset: relevance with search text, newest without
  int page = 1;                                 // 1-based
  int per_page = 15;                            // 10, 15, 20 or 50

  bool operator==(const ListView&) const = default;
  // The same results (only the page or page size differ).
  bool same_results(const ListView& other) const;
  SortOrder effective_sort() const;
};

struct Route {
  enum class View : uint8_t { list, article, analytics };
  View view = View::list;
  int64_t article_id = 0;  // for View::article
  ListView list;           // for View::list and View::analytics (the analysed result)

  bool operator==(const Route&) const = default;
};

// "#/", "#/?q=...&page=3", "#/article/1201", "#/analytics?cat=보도자료". Anything unknown is the list's first page,
// so a mistyped link still shows the board; unknown parameters are ignored.
Route parse_hash(std::string_view hash);
std::string format_hash(const Route& route);
const char* route_name(Route::View view);  // "list", "article", "analytics"

const char* field_name(SearchField field);  // "title_body", "title", "body", "author"
const char* sort_name(SortOrder sort);      // "relevance", "newest", "oldest", "views", "views_asc", "title", "number"

// The period a "from"/"to" value names, as UTC seconds of its first instant and of the
// instant after it ends (Seoul calendar). nullopt for anything else.
std::optional<std::pair<int64_t, int64_t>> period_of(std::string_view value);

std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);

// The key=value parts of a query string (after its '?'), as written (not decoded): the
// value is nullopt for a part without '='; empty parts are skipped.
std::vector<std::pair<std::string_view, std::optional<std::string_view>>> query_parts(std::string_view query);

}  // namespace newsroom
