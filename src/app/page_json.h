// The JSON documents the page asks for besides state(): an article for sharing and
// printing, the screen-reader mirror of the view, and a manifest's files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/app_state.h"

namespace newsroom {

// One article as the page needs it for sharing and printing (the page builds its own HTML
// from it, with text nodes only).
std::string article_json(const AppState& app, uint32_t index);
// window.newsroom.article(id): the same JSON, or "null".
std::string article_json_for(const AppState& app, int64_t id);

// The words the mirror says itself (its titles, names and bodies are the export's), in the
// interface's language. This layer does not know the language: the drawing layer fills them
// from its string table (ui::mirror_words) and hands them to the Session.
struct MirrorWords {
  // Before a row's view count, and the views column's head.
  std::string views;
  // The key figures' table: its caption, its two heads, and the figures' names.
  std::string figures, figure, value;
  std::string articles, views_total, median, mean, per_day, downloads, clicks;
  // The charts' tables: their captions, then the heads of their columns.
  std::string months, categories, top, histogram, age, authors, tags, top_downloads, trends, rising;
  std::string month, category, author, tag, title, view_range, days_old, between, gain;
  // The heading of an article's related articles.
  std::string related;
  // A local preview's notice, "{}" the file's name (the Session adds it as "notice").
  std::string preview;
};

// The visually hidden DOM mirror of the view for screen readers and search engines: the
// heading, the drawn result titles as links, or the article's text; on #/analytics also the
// key figures and each chart's numbers as tables. The key changes when the mirror would.
std::string mirror_key(const AppState& app);
std::string mirror_json(const AppState& app, const MirrorWords& words);

// `null` when the bytes are an export; {"files": [...]} or {"error": "..."} for a manifest.
std::string manifest_reply(std::string_view bytes);

}  // namespace newsroom
