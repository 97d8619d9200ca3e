#include <algorithm>
#include <string>

#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {
namespace {

constexpr std::pair<SearchField, Text> kFieldLabels[] = {{SearchField::title_body, Text::field_title_body},
                                                         {SearchField::title, Text::field_title},
                                                         {SearchField::body, Text::field_body},
                                                         {SearchField::author, Text::field_author}};

void draw_field_selector(AppState& app, UiContext& ctx, float width) {
  const char* current = tr(kFieldLabels[0].second);
  for (const auto& [field, label] : kFieldLabels) {
    if (field == app.list().field) current = tr(label);
  }
  ImGui::SetNextItemWidth(width);
  ctx.glyphs.count(current);
  if (ImGui::BeginCombo("##field", current)) {
    for (const auto& [field, label] : kFieldLabels) {
      ctx.glyphs.count(tr(label));
      if (ImGui::Selectable(tr(label), field == app.list().field) && app.set_field(field))
        ctx.requests.route_changed = true;
    }
    ImGui::EndCombo();
  }
  ctx.widgets.record_last_item("field");
}

// The box the hidden <input> lies over: the visitor types into the input; we draw its text,
// the caret and the syllable being composed.
void draw_search_box(AppState& app, UiContext& ctx, float width) {
  const SearchInput& input = ctx.search;
  const std::string& shown = input.focused ? input.text : app.list().q;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = ImGui::GetFrameHeight();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImGui::InvisibleButton("search", ImVec2(width, height));
  ctx.widgets.record_last_item("search");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, palette().input, style.FrameRounding);
  draw->AddRect(min, max, input.focused ? palette().accent : palette().rule, style.FrameRounding, 0,
                std::max(1.0f, ctx.dpr * (input.focused ? 2.0f : 1.0f)));
  const ImVec2 text_pos(min.x + style.FramePadding.x, min.y + style.FramePadding.y);
  ImGui::PushClipRect(min, max, true);
  if (shown.empty() && !input.focused) {
    // The whole hint, or on a narrow box (a phone, large text) a short one: never a hint
    // cut mid-word by the box's edge. Recorded as `search-hint` with its whole width.
    const float room = width - 2 * style.FramePadding.x;
    const char* hint = tr(Text::search_hint);
    if (ImGui::CalcTextSize(hint).x > room) hint = tr(Text::search_hint_short);
    ctx.glyphs.count(hint);
    draw->AddText(text_pos, palette().text_muted, hint);
    const ImVec2 size = ImGui::CalcTextSize(hint);
    ctx.widgets.record("search-hint", ImRect(text_pos, ImVec2(text_pos.x + size.x, text_pos.y + size.y)));
  } else {
    ctx.glyphs.count(shown);
    // Keep the caret in view when the text is wider than the box.
    const size_t caret = std::min(input.caret, shown.size());
    const float caret_x = ImGui::CalcTextSize(shown.data(), shown.data() + (input.focused ? caret : shown.size())).x;
    const float room = width - 2 * style.FramePadding.x;
    const float scroll = std::max(0.0f, caret_x - room);
    const ImVec2 at(text_pos.x - scroll, text_pos.y);
    draw->AddText(at, palette().text, shown.data(), shown.data() + shown.size());
    if (input.focused && input.composing_end > input.composing_begin && input.composing_end <= shown.size()) {
      const float x0 = ImGui::CalcTextSize(shown.data(), shown.data() + input.composing_begin).x;
      const float x1 = ImGui::CalcTextSize(shown.data(), shown.data() + input.composing_end).x;
      const float y = at.y + ImGui::GetTextLineHeight();
      draw->AddLine(ImVec2(at.x + x0, y), ImVec2(at.x + x1, y), palette().text, std::max(1.0f, ctx.dpr));
    }
    if (input.focused && std::fmod(ImGui::GetTime(), 1.0) < 0.6) {
      draw->AddLine(ImVec2(at.x + caret_x, at.y), ImVec2(at.x + caret_x, at.y + ImGui::GetTextLineHeight()),
                    palette().text, std::max(1.0f, ctx.dpr));
    }
  }
  ImGui::PopClipRect();
}

// A small toggle drawn as text on a soft background, registered under `name`.
bool selectable_chip(UiContext& ctx, const std::string& label, const std::string& name, bool active) {
  ctx.glyphs.count(label);
  ImGui::PushStyleColor(ImGuiCol_Text, active ? palette().accent : palette().text_muted);
  const bool clicked = ImGui::Selectable((label + "##" + name).c_str(), active, ImGuiSelectableFlags_None,
                                         ImGui::CalcTextSize(label.c_str()));
  ImGui::PopStyleColor();
  ctx.widgets.record_last_item(name);
  return clicked;
}

void draw_tabs(AppState& app, UiContext& ctx) {
  const Board& board = app.board();
  const SearchResult& search = app.search();
  const std::vector<std::string>& selected = app.list().categories;
  uint32_t all = 0;
  for (const uint32_t count : search.per_category) all += count;
  const float line_end = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
  bool first = true;
  const auto tab = [&](const std::string& label, const std::string& name, bool active, uint32_t count) {
    const std::string text = label + " " + std::to_string(count);
    if (active) {
      ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
      ImGui::PushStyleColor(ImGuiCol_Text, palette().on_accent);
    }
    // One row of tabs, wrapped onto more rows when the column is too narrow.
    const float width = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= line_end) ImGui::SameLine();
    first = false;
    const bool pressed = named_button(ctx, (text + "###tab" + name).c_str(), "tab:" + name);
    if (active) ImGui::PopStyleColor(3);
    return pressed;
  };
  if (tab(tr(Text::tab_all), "all", selected.empty(), all) && app.set_category("")) ctx.requests.route_changed = true;
  for (size_t i = 0; i < board.category_names().size(); ++i) {
    const std::string& name = board.category_names()[i];
    const bool active = selected.size() == 1 && selected[0] == name;
    const uint32_t count = i < search.per_category.size() ? search.per_category[i] : 0;
    if (tab(name, name, active, count) && app.set_category(active ? "" : name)) ctx.requests.route_changed = true;
  }
}

// 연도: one click narrows to a year (counts under the current query), and back to all.
void draw_years(AppState& app, UiContext& ctx) {
  const ListView& list = app.list();
  const auto& years = app.search().per_year;
  if (years.size() < 2 && list.from.empty() && list.to.empty()) return;
  const float row_right = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
  text(ctx, tr(Text::period), palette().text_muted);
  const bool whole = list.from.empty() && list.to.empty();
  // Chips follow on the line while they fit, then wrap, as the tabs do.
  const auto same_line_if_fits = [&](const std::string& label) {
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= row_right) ImGui::SameLine();
  };
  same_line_if_fits(tr(Text::period_all));
  if (selectable_chip(ctx, tr(Text::period_all), "year:all", whole) && !whole && app.set_period("", ""))
    ctx.requests.route_changed = true;
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    const std::string year = std::to_string(it->first);
    const bool active = list.from == year && list.to == year;
    const std::string label = year + " " + std::to_string(it->second);
    same_line_if_fits(label);
    if (selectable_chip(ctx, label, "year:" + year, active)) {
      if (active ? app.set_period("", "") : app.set_period(year, year)) ctx.requests.route_changed = true;
    }
  }
  // The attachments toggle follows on the same line when it fits, else on its own.
  const char* toggle = tr(Text::with_attachments);
  const float toggle_width =
      ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(toggle).x;
  if (ImGui::GetItemRectMax().x + em(1.5f) + toggle_width <= row_right) ImGui::SameLine(0, em(1.5f));
  bool attachments = list.with_attachments;
  ctx.glyphs.count(toggle);
  if (ImGui::Checkbox(toggle, &attachments)) {
    ListView next = list;
    next.with_attachments = attachments;
    Route route;
    route.list = next;
    route.list.page = 1;
    if (app.navigate(route)) ctx.requests.route_changed = true;
  }
  ctx.widgets.record_last_item("attachments-only");
}

// The tag a list is narrowed to (a tag under an article, or #/?tag=), with its count and a
// click to lift it.
void draw_tag_filter(AppState& app, UiContext& ctx) {
  const std::string& tag = app.list().tag;
  if (tag.empty()) return;
  const std::string count = " (" + std::to_string(app.results().size()) + ")  ×";
  // A long tag is cut to keep the chip on the screen.
  const float room = ImGui::CalcItemWidth() - ImGui::GetStyle().FramePadding.x * 2 -
                     ImGui::CalcTextSize((tr(Text::filter_tag, {""}) + count).c_str()).x;
  const std::string label = tr(Text::filter_tag, {ellipsized(tag, room)}) + count;
  if (named_button(ctx, (label + "##tag-filter").c_str(), "tag-filter") && app.set_tag(""))
    ctx.requests.route_changed = true;
}

}  // namespace

void draw_search_bar(AppState& app, UiContext& ctx) {
  if (ctx.kiosk.on) {  // no keyboard at a kiosk: categories and years only
    draw_tabs(app, ctx);
    draw_years(app, ctx);
    draw_tag_filter(app, ctx);
    return;
  }
  const float column = ImGui::CalcItemWidth();
  const float field_width = em(7.0f);
  draw_field_selector(app, ctx, field_width);
  // The box beside the field while 8em fit there, else under it (large text on a phone).
  const float beside = column - field_width - ImGui::GetStyle().ItemSpacing.x;
  if (beside >= em(8.0f)) ImGui::SameLine();
  draw_search_box(app, ctx, beside >= em(8.0f) ? beside : column);
  draw_tabs(app, ctx);
  draw_years(app, ctx);
  draw_tag_filter(app, ctx);
}

}  // namespace newsroom::ui
