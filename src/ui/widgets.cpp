#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>  // GetCurrentTable

#include "io/text_normalize.h"
#include "ui/theme.h"

namespace newsroom::ui {

void text(UiContext& ctx, std::string_view utf8, ImU32 color) {
  ctx.glyphs.count(utf8);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
  if (color) ImGui::PopStyleColor();
}

void text_wrapped(UiContext& ctx, std::string_view utf8, ImU32 color) {
  // Wrap at the page column (the pushed item width); inside a table cell, at the cell.
  const bool in_table = ImGui::GetCurrentTable() != nullptr;
  ImGui::PushTextWrapPos(in_table ? 0.0f : ImGui::GetCursorPosX() + ImGui::CalcItemWidth());
  text(ctx, utf8, color);
  ImGui::PopTextWrapPos();
}

void text_sized(UiContext& ctx, std::string_view utf8, float scale, ImU32 color, bool wrapped) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * scale);
  if (wrapped)
    text_wrapped(ctx, utf8, color);
  else
    text(ctx, utf8, color);
  ImGui::PopFont();
}

namespace {

// One line of text at the cursor, with the parts of `ranges` (offsets relative to `line`'s
// start `base`) on a highlight behind them.
void highlighted_line(std::string_view line, size_t base, const HighlightRanges& ranges, ImU32 color) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (const auto& [begin, end] : ranges) {
    if (end <= base || begin >= base + line.size()) continue;
    const size_t from = begin > base ? begin - base : 0;
    const size_t to = std::min<size_t>(end - base, line.size());
    const float x0 = ImGui::CalcTextSize(line.data(), line.data() + from).x;
    const float x1 = ImGui::CalcTextSize(line.data(), line.data() + to).x;
    draw->AddRectFilled(ImVec2(origin.x + x0, origin.y), ImVec2(origin.x + x1, origin.y + height), palette().highlight,
                        ImGui::GetFontSize() * 0.15f);
  }
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(line.data(), line.data() + line.size());
  if (color) ImGui::PopStyleColor();
}

}  // namespace

void text_highlighted(UiContext& ctx, std::string_view utf8, const HighlightRanges& ranges, ImU32 color, bool wrap) {
  ctx.glyphs.count(utf8);
  if (!wrap) {
    highlighted_line(utf8, 0, ranges, color);
    return;
  }
  const bool in_table = ImGui::GetCurrentTable() != nullptr;
  const float width = in_table ? ImGui::GetContentRegionAvail().x : ImGui::CalcItemWidth();
  ImFont* font = ImGui::GetFont();
  const char* const begin = utf8.data();
  const char* const end = begin + utf8.size();
  const char* line = begin;
  ImGui::BeginGroup();
  while (line < end) {
    const char* newline = static_cast<const char*>(std::memchr(line, '\n', static_cast<size_t>(end - line)));
    const char* hard_end = newline ? newline : end;
    const char* wrap_at = font->CalcWordWrapPosition(ImGui::GetFontSize(), line, hard_end, width);
    if (wrap_at == line) wrap_at = hard_end;  // never stall on a glyph wider than the column
    highlighted_line(std::string_view(line, static_cast<size_t>(wrap_at - line)), static_cast<size_t>(line - begin),
                     ranges, color);
    line = wrap_at;
    while (line < end && *line == ' ') ++line;
    if (line < end && *line == '\n') ++line;
  }
  ImGui::EndGroup();
}

bool text_clamped(UiContext& ctx, std::string_view utf8, const HighlightRanges& ranges, ImU32 color, int max_lines) {
  static constexpr std::string_view kEllipsis = "…";
  ctx.glyphs.count(utf8);
  const float width = ImGui::CalcItemWidth();
  const float size = ImGui::GetFontSize();
  ImFont* font = ImGui::GetFont();
  const char* const begin = utf8.data();
  const char* const end = begin + utf8.size();
  const char* line = begin;
  bool cut_short = false;
  ImGui::BeginGroup();
  // One item per line, the lines touching as in ImGui's own wrapped text: the caller's
  // layout counts `max_lines` line heights, not the item spacing between them.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  for (int lines = 1; line < end; ++lines) {
    const char* newline = static_cast<const char*>(std::memchr(line, '\n', static_cast<size_t>(end - line)));
    const char* hard_end = newline ? newline : end;
    const char* wrap_at = font->CalcWordWrapPosition(size, line, hard_end, width);
    if (wrap_at == line) wrap_at = hard_end;  // never stall on a glyph wider than the column
    const char* next = wrap_at;
    while (next < end && *next == ' ') ++next;
    if (next < end && *next == '\n') ++next;
    if (lines < max_lines || next >= end) {
      highlighted_line(std::string_view(line, static_cast<size_t>(wrap_at - line)), static_cast<size_t>(line - begin),
                       ranges, color);
      line = next;
      continue;
    }
    // The last line allowed, and more after it: what fits before the ellipsis.
    const float room = width - ImGui::CalcTextSize(kEllipsis.data(), kEllipsis.data() + kEllipsis.size()).x;
    const char* cut = line;
    font->CalcTextSizeA(size, std::max(0.0f, room), 0.0f, line, hard_end, &cut);
    while (cut > line && cut[-1] == ' ') --cut;
    highlighted_line(std::string_view(line, static_cast<size_t>(cut - line)), static_cast<size_t>(line - begin), ranges,
                     color);
    ImGui::SameLine(0, 0);
    ctx.glyphs.count(kEllipsis);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(kEllipsis.data(), kEllipsis.data() + kEllipsis.size());
    if (color) ImGui::PopStyleColor();
    cut_short = true;
    break;
  }
  ImGui::PopStyleVar();
  ImGui::EndGroup();
  return cut_short;
}

std::string ellipsized(std::string_view text, float width) {
  static constexpr std::string_view kEllipsis = "…";
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  if (ImGui::CalcTextSize(begin, end).x <= width) return std::string(text);
  const float room = width - ImGui::CalcTextSize(kEllipsis.data(), kEllipsis.data() + kEllipsis.size()).x;
  const char* cut = end;
  ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), std::max(0.0f, room), 0.0f, begin, end, &cut);
  while (cut > begin && cut[-1] == ' ') --cut;
  return std::string(begin, cut) + std::string(kEllipsis);
}

bool title_link(UiContext& ctx, std::string_view title, const std::string& name, float width) {
  width = std::max(width - ImGui::GetStyle().ItemSpacing.x, em(3.0f));  // the hover band reaches half a spacing out
  const std::string shown = ellipsized(title, width);
  const bool cut = shown != title;
  ctx.glyphs.count(shown);
  ImGui::PushID(name.c_str());
  // The label is drawn apart: a title may hold "##", which ImGui would read as an id.
  const bool clicked =
      ImGui::Selectable("##title-link", false, ImGuiSelectableFlags_None, ImVec2(width, ImGui::GetTextLineHeight()));
  ImGui::PopID();
  ctx.widgets.record_last_item(name);
  ImGui::GetWindowDrawList()->AddText(ImGui::GetItemRectMin(), ImGui::GetColorU32(ImGuiCol_Text), shown.data(),
                                      shown.data() + shown.size());
  if (cut && ImGui::IsItemHovered()) whole_title_tooltip(ctx, title);
  return clicked;
}

void whole_title_tooltip(UiContext& ctx, std::string_view title) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em(32.0f));
  text(ctx, title);
  ImGui::PopTextWrapPos();
  ctx.widgets.record_last_item("title-tooltip");
  ImGui::EndTooltip();
  ctx.tooltip = std::string(title);
}

float badge_width(const char* label) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 0.72f);
  const float text_width = ImGui::CalcTextSize(label).x;
  ImGui::PopFont();
  return em(0.35f) + text_width + 2 * em(0.35f);  // the gap before it, the text, its padding
}

void badge(UiContext& ctx, const char* label, ImU32 background) {
  ctx.glyphs.count(label);
  ImGui::SameLine(0, em(0.35f));
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 0.72f);
  const ImVec2 size = ImGui::CalcTextSize(label);
  const ImVec2 pad(em(0.35f), em(0.08f));
  const float line = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float top = at.y + (ImGui::GetTextLineHeight() - size.y - 2 * pad.y) * 0.5f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + size.x + 2 * pad.x, top + size.y + 2 * pad.y), background,
                      size.y);
  draw->AddText(nullptr, ImGui::GetFontSize() * 0.72f, ImVec2(at.x + pad.x, top + pad.y), IM_COL32_WHITE, label);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, std::max(line, ImGui::GetTextLineHeight())));
}

bool named_button(UiContext& ctx, const char* label, const std::string& name) {
  const std::string_view shown(label);
  ctx.glyphs.count(shown.substr(0, shown.find("##")));  // "##id" suffixes are not drawn
  const bool pressed = ImGui::Button(label);
  ctx.widgets.record_last_item(name);
  return pressed;
}

void progress_bar(UiContext& ctx, float fraction, std::string_view label, const std::string& name) {
  text(ctx, label, palette().text_muted);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::CalcItemWidth(), em(0.45f));
  ImGui::Dummy(size);
  ctx.widgets.record_last_item(name);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = size.y * 0.5f;
  draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), palette().surface_strong, rounding);
  if (fraction < 0) {  // the whole is unknown: a third of the bar sweeps across it
    const float phase = static_cast<float>(std::fmod(ImGui::GetTime() / 1.6, 1.0));
    const float from = (size.x + size.x / 3) * phase - size.x / 3;
    const float left = std::max(0.0f, from), right = std::min(size.x, from + size.x / 3);
    if (right > left)
      draw->AddRectFilled(ImVec2(min.x + left, min.y), ImVec2(min.x + right, min.y + size.y), palette().accent,
                          rounding);
    return;
  }
  const float filled = size.x * std::clamp(fraction, 0.0f, 1.0f);
  if (filled > 0)
    draw->AddRectFilled(min, ImVec2(min.x + std::max(filled, size.y), min.y + size.y), palette().accent, rounding);
}

void load_progress(const AppState& app, UiContext& ctx, Language shown) {
  const LoadProgress& load = ctx.load;
  using Phase = LoadProgress::Phase;
  const auto percent = [](double fraction) { return std::to_string(static_cast<int>(fraction * 100)); };
  const float fraction = load.total ? static_cast<float>(load.fraction()) : -1.0f;  // -1: the size is not known
  if (load.phase == Phase::downloading) {
    progress_bar(ctx, fraction, tr(Text::load_downloading, {human_size(static_cast<int64_t>(load.done))}, shown),
                 "load:progress");
  } else if (load.phase == Phase::importing && load.total) {
    progress_bar(ctx, fraction,
                 tr(Text::load_importing, {with_thousands(load.articles), percent(load.fraction())}, shown),
                 "load:progress");
  } else if (load.phase == Phase::importing) {  // read while it downloads, its size not said (compressed on the fly)
    progress_bar(
        ctx, fraction,
        tr(Text::load_reading, {with_thousands(load.articles), human_size(static_cast<int64_t>(load.done))}, shown),
        "load:progress");
  } else if (app.indexing()) {
    progress_bar(ctx, static_cast<float>(app.index_progress()),
                 tr(Text::load_indexing, {percent(app.index_progress())}, shown), "load:progress");
  }
}

void link_text(UiContext& ctx, std::string_view label, std::string_view url, const std::string& name) {
  if (!is_safe_link(url) && !is_relative_address(url)) {  // a relative address stays on this site
    text(ctx, label);
    return;
  }
  text_wrapped(ctx, label, palette().accent);
  if (!name.empty()) ctx.widgets.record_last_item(name);
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max, palette().accent, 1.0f);
    ImGui::BeginTooltip();
    text(ctx, url);
    ImGui::EndTooltip();
  }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) ctx.requests.open_url = std::string(url);  // a QR code in kiosk mode
}

std::string human_size(int64_t bytes) {
  char buffer[32];
  if (bytes < 0) return "";
  if (bytes < 1024)
    std::snprintf(buffer, sizeof buffer, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.0f KB", bytes / 1024.0);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buffer;
}

}  // namespace newsroom::ui
