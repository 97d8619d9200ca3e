// Small drawing helpers every panel uses: text that is counted for missing glyphs,
// links that are only links when safe, and named buttons that tests can locate.
#pragma once

#include <string>
#include <string_view>

#include "app/app_state.h"
#include "core/search.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/ui_context.h"

namespace newsroom::ui {

// Unformatted text (never a printf format: export text may hold '%').
void text(UiContext& ctx, std::string_view utf8, ImU32 color = 0);
void text_wrapped(UiContext& ctx, std::string_view utf8, ImU32 color = 0);
// Text at a larger or smaller size (in multiples of the base font size).
void text_sized(UiContext& ctx, std::string_view utf8, float scale, ImU32 color = 0, bool wrapped = false);

// Text with the byte ranges a search matched drawn on a highlight. `wrap` wraps at the
// page column (or the table cell), breaking lines the way ImGui's wrapped text does.
void text_highlighted(UiContext& ctx, std::string_view utf8, const HighlightRanges& ranges, ImU32 color = 0,
                      bool wrap = false);

// Wrapped text of at most `max_lines` lines at the page column (the pushed item width); a
// longer text ends in "…" on the last line (then it returns true). `ranges` are highlighted as above.
bool text_clamped(UiContext& ctx, std::string_view utf8, const HighlightRanges& ranges, ImU32 color, int max_lines);

// `text` as it fits `width` at the current font: whole, or cut with "…".
std::string ellipsized(std::string_view text, float width);

// An article's title as a one-line link `width` wide, registered under `name`: a longer title
// ends in "…" and shows whole on hover. True when clicked.
bool title_link(UiContext& ctx, std::string_view title, const std::string& name, float width);
// The whole of a title cut with "…", as the hovered item's tooltip (state().tooltip).
void whole_title_tooltip(UiContext& ctx, std::string_view title);

// A small pill after the item before it ("new", "hot"), and the room it takes on the line.
void badge(UiContext& ctx, const char* label, ImU32 background);
float badge_width(const char* label);

// A button registered under `name` for window.newsroom.locate().
bool named_button(UiContext& ctx, const char* label, const std::string& name);

// A link when `url` is http(s)/mailto: underlined, hand cursor, click asks the platform
// to open it in a new tab. Otherwise plain text (never followed).
void link_text(UiContext& ctx, std::string_view label, std::string_view url, const std::string& name = "");

// "351 KB", "1.2 MB"
// A labelled bar, `fraction` 0..1, as wide as the column; `name` for locate().
void progress_bar(UiContext& ctx, float fraction, std::string_view label, const std::string& name);

// The bar of a load under way (ctx.load), or nothing.
void load_progress(const AppState& app, UiContext& ctx, Language shown);

std::string human_size(int64_t bytes);

}  // namespace newsroom::ui
