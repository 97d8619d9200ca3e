#include "ui/theme.h"

#include <algorithm>

namespace newsroom::ui {
namespace {

Palette dark_palette() {
  Palette p;
  p.page = IM_COL32(22, 25, 30, 255);
  p.surface = IM_COL32(34, 38, 45, 255);
  p.surface_strong = IM_COL32(46, 52, 61, 255);
  p.input = IM_COL32(28, 31, 37, 255);
  p.accent = IM_COL32(110, 170, 240, 255);
  p.accent_soft = IM_COL32(37, 52, 74, 255);
  p.on_accent = IM_COL32(16, 20, 26, 255);
  p.text = IM_COL32(226, 229, 234, 255);
  p.text_muted = IM_COL32(150, 157, 168, 255);
  p.rule = IM_COL32(64, 70, 80, 255);
  p.notice = IM_COL32(255, 128, 104, 255);
  p.warning = IM_COL32(240, 176, 80, 255);
  p.highlight = IM_COL32(122, 96, 20, 255);
  return p;
}

const Palette kLight;
const Palette kDark = dark_palette();
bool g_dark = false;
bool g_kiosk = false;
float g_kiosk_scale = 1.5f;

ImVec4 color(ImU32 value) { return ImGui::ColorConvertU32ToFloat4(value); }

}  // namespace

const Palette& palette() { return g_dark ? kDark : kLight; }
void set_dark_theme(bool dark) { g_dark = dark; }
bool dark_theme() { return g_dark; }
void set_kiosk_style(bool on, float text_scale) {
  g_kiosk = on;
  g_kiosk_scale = text_scale;
}

void apply_style(float dpr) {
  const Palette& p = palette();
  ImGuiStyle style;  // start from defaults so that rescaling never compounds
  if (g_dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(8, 8);
  style.CellPadding = ImVec2(8, 9);
  style.FrameRounding = 4;
  style.ScrollbarSize = 12;
  style.ScrollbarRounding = 6;
  if (g_kiosk) {
    // Touch targets: a frame is the text plus twice the padding; 48 CSS px at least.
    const float text_px = kBaseFontCssPx * g_kiosk_scale;
    const float pad_y = std::max(12.0f, (48.0f - text_px) * 0.5f + 1.0f);
    style.FramePadding = ImVec2(18, pad_y);
    style.CellPadding = ImVec2(12, pad_y);
    style.ItemSpacing = ImVec2(14, 14);
    style.ScrollbarSize = 28;
    style.ScrollbarRounding = 14;
    style.FrameRounding = 8;
  }
  style.Colors[ImGuiCol_WindowBg] = color(p.page);
  style.Colors[ImGuiCol_PopupBg] = color(p.page);
  style.Colors[ImGuiCol_Text] = color(p.text);
  style.Colors[ImGuiCol_TextDisabled] = color(p.text_muted);
  style.Colors[ImGuiCol_TableHeaderBg] = color(p.surface);
  style.Colors[ImGuiCol_TableBorderStrong] = color(p.rule);
  style.Colors[ImGuiCol_TableBorderLight] = color(p.rule);
  style.Colors[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_TableRowBgAlt] = color(p.surface);
  style.Colors[ImGuiCol_Header] = color(p.accent_soft);
  style.Colors[ImGuiCol_HeaderHovered] = color(p.accent_soft);
  style.Colors[ImGuiCol_HeaderActive] = color(p.surface_strong);
  style.Colors[ImGuiCol_Button] = color(p.surface);
  style.Colors[ImGuiCol_ButtonHovered] = color(p.accent_soft);
  style.Colors[ImGuiCol_ButtonActive] = color(p.surface_strong);
  style.Colors[ImGuiCol_FrameBg] = color(p.surface_strong);
  style.Colors[ImGuiCol_FrameBgHovered] = color(p.accent_soft);
  style.Colors[ImGuiCol_CheckMark] = color(p.accent);
  style.Colors[ImGuiCol_Separator] = color(p.rule);
  style.ScaleAllSizes(dpr);
  style.FontSizeBase = kBaseFontCssPx;
  style.FontScaleDpi = dpr;
  const float text_scale = ImGui::GetStyle().FontScaleMain;  // the visitor's 가-/가+ stays
  ImGui::GetStyle() = style;
  ImGui::GetStyle().FontScaleMain = text_scale;
}

}  // namespace newsroom::ui
