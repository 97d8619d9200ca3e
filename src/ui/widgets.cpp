#include "ui/widgets.h"

#include <cstdio>

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
  if (wrapped) text_wrapped(ctx, utf8, color);
  else text(ctx, utf8, color);
  ImGui::PopFont();
}

bool named_button(UiContext& ctx, const char* label, const std::string& name) {
  ctx.glyphs.count(label);
  const bool pressed = ImGui::Button(label);
  ctx.widgets.record_last_item(name);
  return pressed;
}

void link_text(UiContext& ctx, std::string_view label, std::string_view url, const std::string& name) {
  if (!is_safe_link(url)) {
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
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) ctx.open_url = std::string(url);
}

std::string human_size(int64_t bytes) {
  char buffer[32];
  if (bytes < 0) return "";
  if (bytes < 1024) std::snprintf(buffer, sizeof buffer, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.0f KB", bytes / 1024.0);
  else std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buffer;
}

std::string with_thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

}  // namespace newsroom::ui
