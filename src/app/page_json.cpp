#include "app/page_json.h"

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
  return app.hash() + "|" + std::to_string(app.results().size()) + "|" + std::to_string(app.loads());
}

std::string mirror_json(const AppState& app) {
  const Board& board = app.board();
  nlohmann::json view = {
      {"site", board.info.site}, {"board", board.info.title}, {"route", route_name(app.route().view)}};
  if (auto index = app.open_article()) {
    view["article"] = nlohmann::json::parse(article_json(app, *index), nullptr, false);
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const uint32_t row : app.page_rows()) {
      const ArticleView a = board.article(row);
      items.push_back({{"id", a.id},
                       {"title", a.title},
                       {"meta", std::string(a.category) + " · " + std::string(a.author) + " · " +
                                    format_board_datetime(a.published_at) + " · 조회 " + std::to_string(a.views)}});
    }
    view["items"] = std::move(items);
    view["total"] = app.results().size();
    view["query"] = app.list().q;
    view["page"] = app.list().page;
    view["pages"] = app.page_count();
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
