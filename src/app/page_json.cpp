#include "app/page_json.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/text.h"
#include "io/manifest.h"
#include "io/text_normalize.h"

namespace newsroom {
namespace {

// Text from an export may hold anything; dump() must never fail on it.
std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "12.3": the figures that are means and medians.
std::string decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string range(int64_t low, int64_t high) { return with_thousands(low) + "–" + with_thousands(high); }

// One table of the analytics mirror: a caption, the column heads, rows of cells as text.
nlohmann::json table(const std::string& caption, std::initializer_list<std::string> head) {
  return {{"caption", caption}, {"head", head}, {"rows", nlohmann::json::array()}};
}

// What the analytics view draws, as tables a screen reader reads cell by cell: the figures
// it shows and the numbers behind each chart (its tooltips' numbers).
nlohmann::json analytics_tables(const AppState& app, const MirrorWords& w) {
  const Analytics& a = app.analytics();
  const Board& board = app.board();
  nlohmann::json tables = nlohmann::json::array();
  nlohmann::json figures = table(w.figures, {w.figure, w.value});
  for (const auto& [name, value] : {std::pair<std::string, std::string>{w.articles, with_thousands(a.articles)},
                                    {w.views_total, with_thousands(a.views_total)},
                                    {w.median, decimal(a.views_median)},
                                    {w.mean, decimal(a.views_mean)},
                                    {w.per_day, decimal(a.views_per_day)}}) {
    figures["rows"].push_back(nlohmann::json::array({name, value}));
  }
  if (a.articles_with_downloads > 0) figures["rows"].push_back({w.downloads, with_thousands(a.downloads_total)});
  if (a.articles_with_clicks > 0) figures["rows"].push_back({w.clicks, with_thousands(a.link_clicks_total)});
  tables.push_back(std::move(figures));
  if (a.articles == 0) return tables;

  nlohmann::json months = table(w.months, {w.month, w.views, w.articles});
  for (const Analytics::Month& m : a.months)
    months["rows"].push_back({month_key(m), with_thousands(m.views), with_thousands(m.articles)});
  tables.push_back(std::move(months));
  const auto groups = [&](const std::string& caption, const std::string& head,
                          const std::vector<Analytics::Group>& list) {
    nlohmann::json t = table(caption, {head, w.views, w.articles});
    for (const Analytics::Group& g : list)
      t["rows"].push_back({g.name.empty() ? "-" : g.name, with_thousands(g.views), with_thousands(g.articles)});
    tables.push_back(std::move(t));
  };
  groups(w.categories, w.category, a.categories);
  const auto articles = [&](const std::string& caption, const std::vector<uint32_t>& rows, bool by_downloads) {
    nlohmann::json t = table(caption, {w.title, by_downloads ? w.downloads : w.views});
    for (const uint32_t row : rows) {
      const int64_t value = by_downloads ? std::max<int64_t>(0, downloads_of(board, row)) : board.views(row);
      t["rows"].push_back({board.title(row), with_thousands(value)});
    }
    tables.push_back(std::move(t));
  };
  articles(w.top, a.top, false);
  nlohmann::json histogram = table(w.histogram, {w.view_range, w.articles});
  for (const Analytics::Bin& bin : a.histogram)
    histogram["rows"].push_back({range(bin.low, bin.high - 1), with_thousands(bin.articles)});
  tables.push_back(std::move(histogram));
  // The age chart's cells with articles in them (the grid is mostly empty), as its tooltips say.
  nlohmann::json age = table(w.age, {w.days_old, w.view_range, w.articles});
  for (int c = 0; c < a.age_columns; ++c) {
    for (size_t b = 0; b < a.histogram.size(); ++b) {
      const int64_t count = a.age_grid[static_cast<size_t>(c) * a.histogram.size() + b];
      if (count == 0) continue;
      age["rows"].push_back({range(c * a.age_step_days, (c + 1) * a.age_step_days - 1),
                             range(a.histogram[b].low, a.histogram[b].high - 1), with_thousands(count)});
    }
  }
  tables.push_back(std::move(age));
  groups(w.authors, w.author, a.authors);
  if (!a.tags.empty()) groups(w.tags, w.tag, a.tags);
  if (!a.top_downloads.empty()) articles(w.top_downloads, a.top_downloads, true);
  const Trends& trends = app.trends();
  if (!trends.gains.empty()) {
    nlohmann::json gains = table(w.trends, {w.between, w.gain});
    for (size_t i = 0; i < trends.gains.size(); ++i) {
      gains["rows"].push_back({format_full_datetime(trends.dates[i]).substr(0, 10) + " – " +
                                   format_full_datetime(trends.dates[i + 1]).substr(0, 10),
                               with_thousands(trends.gains[i])});
    }
    tables.push_back(std::move(gains));
    nlohmann::json rising = table(w.rising, {w.title, w.gain});
    for (const Trends::Rising& r : trends.rising)
      rising["rows"].push_back({board.title(r.row), with_thousands(r.gain)});
    tables.push_back(std::move(rising));
  }
  return tables;
}

}  // namespace

// One article as the page needs it for sharing and printing (its own HTML, built in
// web/newsroom.js with text nodes only).
std::string article_json(const AppState& app, uint32_t index) {
  const Board& board = app.board();
  const ArticleView a = board.article(index);
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const std::string_view paragraph : split_paragraphs(a.body)) paragraphs.push_back(paragraph);
  nlohmann::json attachments = nlohmann::json::array();
  for (const AttachmentRef& file : board.attachments_of(index)) {
    attachments.push_back({{"name", board.text(file.name)}, {"size", file.size}});
  }
  nlohmann::json tags = nlohmann::json::array();
  for (const uint32_t t : app.tags().of(index)) tags.push_back(app.tags().name(t));
  const nlohmann::json article = {
      {"id", a.id},
      {"title", a.title},
      {"category", a.category},
      {"author", a.author},
      {"published", format_board_datetime(a.published_at)},
      {"views", a.views},
      {"paragraphs", paragraphs},
      {"source", {{"name", a.source_name}, {"url", is_safe_link(a.source_url) ? a.source_url : std::string_view()}}},
      {"attachments", attachments},
      {"tags", tags},
      {"site", board.info.site},
      {"board", board.info.title}};
  return dump(article);
}

// For window.newsroom.article(id): the same JSON, or "null".
std::string article_json_for(const AppState& app, int64_t id) {
  const auto index = app.board().find(id);
  return index ? article_json(app, *index) : "null";
}

// The visually hidden DOM mirror of the view (web/newsroom.js) for screen readers and
// search engines: the heading, the drawn result titles as links, or the article's text.
// Sent only when the view changed.
std::string mirror_key(const AppState& app) {
  const auto article = app.open_article();
  return app.hash() + "|" + std::to_string(app.results().size()) + "|" + std::to_string(app.loads()) + "|" +
         std::to_string(article ? app.related(*article).size() : 0);  // the related list arrives once built
}

std::string mirror_json(const AppState& app, const MirrorWords& words) {
  const Board& board = app.board();
  nlohmann::json view = {
      {"site", board.info.site}, {"board", board.info.title}, {"route", route_name(app.route().view)}};
  if (auto index = app.open_article()) {
    view["article"] = nlohmann::json::parse(article_json(app, *index), nullptr, false);
    nlohmann::json related = nlohmann::json::array();
    for (const uint32_t row : app.related(*index))
      related.push_back({{"id", board.id(row)}, {"title", board.title(row)}});
    if (!related.empty()) view["related"] = {{"heading", words.related}, {"items", related}};
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const uint32_t row : app.page_rows()) {
      const ArticleView a = board.article(row);
      items.push_back(
          {{"id", a.id},
           {"title", a.title},
           {"meta", std::string(a.category) + " · " + std::string(a.author) + " · " +
                        format_board_datetime(a.published_at) + " · " + words.views + " " + with_thousands(a.views)}});
    }
    view["items"] = std::move(items);
    view["total"] = app.results().size();
    view["query"] = app.list().q;
    view["page"] = app.list().page;
    view["pages"] = app.page_count();
    if (app.route().view == Route::View::analytics) view["analytics"] = analytics_tables(app, words);
  }
  return dump(view);
}

std::string manifest_reply(std::string_view bytes) {
  std::string error;
  const auto manifest = read_manifest(bytes, error);
  if (!manifest) return "null";
  if (!error.empty()) return dump({{"error", error}});
  return dump({{"files", manifest->files}});
}

}  // namespace newsroom
