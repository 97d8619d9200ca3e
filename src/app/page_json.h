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

// The visually hidden DOM mirror of the view for screen readers and search engines: the
// heading, the drawn result titles as links, or the article's text. The key changes when
// the mirror would.
std::string mirror_key(const AppState& app);
std::string mirror_json(const AppState& app);

// `null` when the bytes are an export; {"files": [...]} or {"error": "..."} for a manifest.
std::string manifest_reply(std::string_view bytes);

}  // namespace newsroom
