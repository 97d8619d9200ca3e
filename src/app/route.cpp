#include "app/route.h"

#include <charconv>

#include "core/dates.h"

namespace newsroom {
namespace {

// Digits only, the whole text, at least `min`.
std::optional<int64_t> parse_count(std::string_view digits, int64_t min) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || value < min)
    return std::nullopt;
  return value;
}

std::optional<int64_t> parse_positive(std::string_view digits) { return parse_count(digits, 1); }

constexpr std::pair<SearchField, const char*> kFields[] = {{SearchField::title_body, "title_body"},
                                                           {SearchField::title, "title"},
                                                           {SearchField::body, "body"},
                                                           {SearchField::author, "author"}};
constexpr std::pair<SortOrder, const char*> kSorts[] = {
    {SortOrder::relevance, "relevance"}, {SortOrder::newest, "newest"},          {SortOrder::oldest, "oldest"},
    {SortOrder::most_viewed, "views"},   {SortOrder::least_viewed, "views_asc"}, {SortOrder::title, "title"},
    {SortOrder::number, "number"}};

void parse_list_parameter(std::string_view key, std::string_view raw, ListView& list) {
  const std::string value = percent_decode(raw);
  if (key == "q") {
    list.q = value;
  } else if (key == "field") {
    for (const auto& [field, name] : kFields) {
      if (value == name) list.field = field;
    }
  } else if (key == "cat") {
    size_t start = 0;
    while (start <= value.size()) {
      const size_t comma = value.find(',', start);
      const std::string name = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!name.empty()) list.categories.push_back(name);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else if (key == "from" || key == "to") {
    if (period_of(value)) (key == "from" ? list.from : list.to) = value;
  } else if (key == "author") {
    list.author = value;
  } else if (key == "tag") {
    list.tag = value;
  } else if (key == "att") {
    list.with_attachments = value == "1";
  } else if (key == "pinned") {
    list.pinned_only = value == "1";
  } else if (key == "sort") {
    for (const auto& [sort, name] : kSorts) {
      if (value == name) list.sort = sort;
    }
  } else if (key == "views") {
    // "LO-HI" or "LO-": both non-negative integers, LO < HI
    const size_t dash = value.find('-');
    if (dash == std::string::npos) return;
    const auto low = parse_count(std::string_view(value).substr(0, dash), 0);
    const std::string_view high_text = std::string_view(value).substr(dash + 1);
    const auto high = high_text.empty() ? std::nullopt : parse_count(high_text, 0);
    if (!low || (!high_text.empty() && (!high || *high <= *low))) return;
    list.views_min = low;
    list.views_max = high;
  } else if (key == "page") {
    if (auto page = parse_positive(value); page && *page < 1'000'000) list.page = static_cast<int>(*page);
  } else if (key == "per") {
    if (value == "10" || value == "15" || value == "20" || value == "50") list.per_page = std::stoi(value);
  }
}

}  // namespace

bool ListView::same_results(const ListView& other) const {
  return q == other.q && field == other.field && categories == other.categories && from == other.from &&
         to == other.to && author == other.author && tag == other.tag && with_attachments == other.with_attachments &&
         pinned_only == other.pinned_only && views_min == other.views_min && views_max == other.views_max &&
         effective_sort() == other.effective_sort();
}

SortOrder ListView::effective_sort() const {
  if (sort) return *sort;
  return q.empty() ? SortOrder::newest : SortOrder::relevance;
}

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
  constexpr std::string_view kAnalytics = "analytics";
  if (hash.substr(0, kAnalytics.size()) == kAnalytics &&
      (hash.size() == kAnalytics.size() || hash[kAnalytics.size()] == '?' || hash[kAnalytics.size()] == '/')) {
    route.view = Route::View::analytics;
  }
  const size_t question = hash.find('?');
  if (question == std::string_view::npos) return route;
  for (const auto& [key, value] : query_parts(hash.substr(question + 1))) {
    if (value) parse_list_parameter(key, *value, route.list);
  }
  return route;
}

std::vector<std::pair<std::string_view, std::optional<std::string_view>>> query_parts(std::string_view query) {
  std::vector<std::pair<std::string_view, std::optional<std::string_view>>> parts;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos)
      parts.emplace_back(part, std::nullopt);
    else
      parts.emplace_back(part.substr(0, eq), part.substr(eq + 1));
  }
  return parts;
}

std::string format_hash(const Route& route) {
  if (route.view == Route::View::article) return "#/article/" + std::to_string(route.article_id);
  const ListView& list = route.list;
  std::string query;
  const auto add = [&query](const char* key, const std::string& value) {
    query += query.empty() ? "?" : "&";
    query += key;
    query += '=';
    query += percent_encode(value);
  };
  if (!list.q.empty()) add("q", list.q);
  if (list.field != SearchField::title_body) add("field", field_name(list.field));
  if (!list.categories.empty()) {
    std::string names;
    for (const std::string& name : list.categories) names += (names.empty() ? "" : ",") + name;
    add("cat", names);
  }
  if (!list.from.empty()) add("from", list.from);
  if (!list.to.empty()) add("to", list.to);
  if (!list.author.empty()) add("author", list.author);
  if (!list.tag.empty()) add("tag", list.tag);
  if (list.with_attachments) add("att", "1");
  if (list.pinned_only) add("pinned", "1");
  if (list.views_min)
    add("views", std::to_string(*list.views_min) + "-" + (list.views_max ? std::to_string(*list.views_max) : ""));
  if (list.sort) add("sort", sort_name(*list.sort));
  if (list.page > 1) add("page", std::to_string(list.page));
  if (list.per_page != 15) add("per", std::to_string(list.per_page));
  return (route.view == Route::View::analytics ? "#/analytics" : "#/") + query;
}

const char* route_name(Route::View view) {
  switch (view) {
    case Route::View::article: return "article";
    case Route::View::analytics: return "analytics";
    case Route::View::list: break;
  }
  return "list";
}

const char* field_name(SearchField field) {
  for (const auto& [value, name] : kFields) {
    if (value == field) return name;
  }
  return "title_body";
}

const char* sort_name(SortOrder sort) {
  for (const auto& [value, name] : kSorts) {
    if (value == sort) return name;
  }
  return "newest";
}

std::optional<std::pair<int64_t, int64_t>> period_of(std::string_view value) {
  // "2023" | "2023-05" | "2023-05-01"
  int year = 0, month = 0, day = 0;
  const auto number = [&value](size_t at, size_t length, int& out) {
    if (value.size() < at + length) return false;
    const auto [end, error] = std::from_chars(value.data() + at, value.data() + at + length, out);
    return error == std::errc() && end == value.data() + at + length;
  };
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) return std::nullopt;
  if (!number(0, 4, year) || year < 1900 || year > 2200) return std::nullopt;
  if (value.size() >= 7 && (value[4] != '-' || !number(5, 2, month) || month < 1 || month > 12)) return std::nullopt;
  if (value.size() == 10 && (value[7] != '-' || !number(8, 2, day) || day < 1)) return std::nullopt;
  int64_t first = 0, after = 0;
  if (value.size() == 4) {
    first = days_from_civil(year, 1, 1);
    after = days_from_civil(year + 1, 1, 1);
  } else if (value.size() == 7) {
    first = days_from_civil(year, month, 1);
    after = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
  } else {
    first = days_from_civil(year, month, day);
    after = first + 1;
    if (civil_from_seconds(first * 86400).day != day) return std::nullopt;  // 2023-02-30
  }
  return std::pair<int64_t, int64_t>{first * 86400 - kSeoulOffsetSeconds, after * 86400 - kSeoulOffsetSeconds};
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else if (text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace newsroom
