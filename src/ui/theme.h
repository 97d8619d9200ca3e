// Colours and sizes. Sizes are in em (multiples of the font size) or CSS pixels scaled by
// the device pixel ratio once, never raw framebuffer pixels.
#pragma once

#include <imgui.h>

namespace newsroom::ui {

inline constexpr float kBaseFontCssPx = 16.0f;

struct Palette {
  ImU32 page = IM_COL32(255, 255, 255, 255);
  ImU32 surface = IM_COL32(243, 245, 248, 255);  // header row, buttons, status bar
  ImU32 surface_strong = IM_COL32(231, 235, 240, 255);
  ImU32 input = IM_COL32(255, 255, 255, 255);
  ImU32 accent = IM_COL32(0, 84, 166, 255);  // the agency site's blue
  ImU32 accent_soft = IM_COL32(232, 241, 251, 255);
  ImU32 on_accent = IM_COL32(255, 255, 255, 255);
  ImU32 text = IM_COL32(34, 34, 34, 255);
  ImU32 text_muted = IM_COL32(110, 110, 110, 255);
  ImU32 rule = IM_COL32(210, 214, 220, 255);
  ImU32 notice = IM_COL32(196, 64, 40, 255);
  ImU32 warning = IM_COL32(176, 96, 0, 255);
  ImU32 highlight = IM_COL32(255, 226, 122, 255);  // search matches
  ImU32 badge_new = IM_COL32(0, 140, 90, 255);
  ImU32 badge_hot = IM_COL32(214, 69, 40, 255);
};

// The current palette: light, or dark (following the system unless ?theme= says).
const Palette& palette();
void set_dark_theme(bool dark);
bool dark_theme();

// Applies the board's light theme, scaled for `dpr` (device pixels per CSS pixel).
void apply_style(float dpr);
// Kiosk mode: text at `text_scale` and frames, rows and scrollbars at least 48 CSS pixels
// tall for fingers. Takes effect at the next apply_style().
void set_kiosk_style(bool on, float text_scale);

// Width in framebuffer pixels of `em` font sizes.
inline float em(float count) { return ImGui::GetFontSize() * count; }

}  // namespace newsroom::ui
