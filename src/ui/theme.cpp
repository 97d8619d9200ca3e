#include "ui/theme.h"

namespace newsroom::ui {

const Palette& palette() {
  static const Palette kPalette;
  return kPalette;
}

void apply_style(float dpr) {
  ImGuiStyle style;  // start from defaults so that rescaling never compounds
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(8, 8);
  style.CellPadding = ImVec2(8, 9);
  style.FrameRounding = 4;
  style.ScrollbarSize = 12;
  style.ScrollbarRounding = 6;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette().text);
  style.Colors[ImGuiCol_TableHeaderBg] = ImVec4(0.96f, 0.97f, 0.98f, 1);
  style.Colors[ImGuiCol_TableBorderStrong] = ImGui::ColorConvertU32ToFloat4(palette().rule);
  style.Colors[ImGuiCol_TableBorderLight] = ImVec4(0.90f, 0.91f, 0.93f, 1);
  style.Colors[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(palette().accent_soft);
  style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.88f, 0.93f, 0.99f, 1);
  style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.80f, 0.88f, 0.98f, 1);
  style.Colors[ImGuiCol_Button] = ImVec4(0.95f, 0.96f, 0.97f, 1);
  style.Colors[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.96f, 1);
  style.Colors[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(palette().accent_soft);
  style.Colors[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(palette().accent);
  style.Colors[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(palette().accent_soft);
  style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.80f, 0.88f, 0.98f, 1);
  style.ScaleAllSizes(dpr);
  style.FontSizeBase = kBaseFontCssPx;
  style.FontScaleDpi = dpr;
  ImGui::GetStyle() = style;
}

}  // namespace newsroom::ui
