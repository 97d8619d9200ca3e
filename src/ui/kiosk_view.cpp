// Kiosk mode's own drawing: the attract screen (one article large, a progress bar, the
// hint to touch), the freshness line, and the QR code that stands in for external links.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/dates.h"
#include "core/text.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {
namespace {

// Text at a position through the window's draw list, counted for missing glyphs.
ImVec2 text_at(UiContext& ctx, ImVec2 at, std::string_view utf8, float scale, ImU32 color, float wrap = 0.0f) {
  ctx.glyphs.count(utf8);
  const float size = ImGui::GetFontSize() * scale;
  ImGui::GetWindowDrawList()->AddText(nullptr, size, at, color, utf8.data(), utf8.data() + utf8.size(), wrap);
  return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, wrap, utf8.data(), utf8.data() + utf8.size());
}

}  // namespace

void draw_kiosk_attract(const AppState& app, UiContext& ctx) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - data_status_height()));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 origin = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  const float margin = std::max(em(1.5f), size.x * 0.05f);
  const float column = std::min(size.x - 2 * margin, em(56.0f));
  const float left = origin.x + (size.x - column) * 0.5f;
  const float footer = em(5.2f);  // hint, progress bar and counter
  const float body_bottom = origin.y + size.y - footer;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Board& board = app.board();

  float y = origin.y + em(1.2f);
  y += text_at(ctx, ImVec2(left, y), board.info.site + "  ·  " + board.info.title, 1.0f, palette().accent).y + em(0.8f);
  draw->PushClipRect(ImVec2(left, origin.y), ImVec2(left + column, body_bottom), true);
  if (const auto index = app.open_article()) {
    const ArticleView a = board.article(*index);
    const std::string category =
        a.pinned ? std::string(tr(Text::notice_prefix)) + std::string(a.category) : std::string(a.category);
    y += text_at(ctx, ImVec2(left, y), category, 1.15f, palette().accent).y + em(0.3f);
    y += text_at(ctx, ImVec2(left, y), a.title, 2.1f, palette().text, column).y + em(0.5f);
    const std::string meta = tr(Text::meta_line, {a.author.empty() ? std::string_view("-") : a.author,
                                                  format_board_datetime(a.published_at), with_thousands(a.views)});
    y += text_at(ctx, ImVec2(left, y), meta, 1.0f, palette().text_muted, column).y + em(0.7f);
    draw->AddLine(ImVec2(left, y), ImVec2(left + column, y), palette().rule, std::max(1.0f, em(0.06f)));
    y += em(0.9f);
    for (const std::string_view paragraph : split_paragraphs(a.body)) {
      if (y > body_bottom) break;
      y += text_at(ctx, ImVec2(left, y), paragraph, 1.1f, palette().text, column).y + em(0.8f);
    }
  }
  draw->PopClipRect();

  // The footer: the invitation to touch, the time left on this article, its place.
  const float bar_height = std::max(em(0.45f), 6.0f * ctx.dpr);
  const float bar_y = origin.y + size.y - em(1.4f) - bar_height;
  const char* hint = tr(Text::kiosk_hint);
  const float hint_scale = 1.35f;
  const ImVec2 hint_size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * hint_scale, FLT_MAX, 0, hint);
  const ImVec2 hint_at(left + (column - hint_size.x) * 0.5f, bar_y - em(0.8f) - hint_size.y);
  const float pad = em(0.6f);
  const ImRect hint_rect(ImVec2(hint_at.x - pad * 2, hint_at.y - pad),
                         ImVec2(hint_at.x + hint_size.x + pad * 2, hint_at.y + hint_size.y + pad));
  draw->AddRectFilled(hint_rect.Min, hint_rect.Max, palette().accent, hint_rect.GetHeight() * 0.5f);
  text_at(ctx, hint_at, hint, hint_scale, palette().on_accent);
  ctx.widgets.record("kiosk:hint", hint_rect);

  const std::string counter =
      tr(Text::kiosk_position, {std::to_string(ctx.kiosk.position + 1), std::to_string(ctx.kiosk.length)});
  const ImVec2 counter_size = ImGui::CalcTextSize(counter.c_str());
  const float track_right = left + column - counter_size.x - em(0.8f);
  const ImRect track(ImVec2(left, bar_y), ImVec2(track_right, bar_y + bar_height));
  draw->AddRectFilled(track.Min, track.Max, palette().surface_strong, bar_height * 0.5f);
  const float progress = std::clamp(ctx.kiosk.progress, 0.0f, 1.0f);
  if (progress > 0.0f) {
    draw->AddRectFilled(track.Min, ImVec2(track.Min.x + std::max(bar_height, track.GetWidth() * progress), track.Max.y),
                        palette().accent, bar_height * 0.5f);
  }
  ctx.widgets.record("kiosk:progress", track);
  text_at(ctx, ImVec2(left + column - counter_size.x, bar_y + (bar_height - counter_size.y) * 0.5f), counter, 1.0f,
          palette().text_muted);
  ImGui::End();
  ImGui::PopStyleVar();
}

std::string kiosk_freshness_line(const KioskUi& kiosk) {
  std::string line =
      kiosk.exported_at.empty() ? std::string(tr(Text::kiosk_no_date)) : tr(Text::kiosk_freshness, {kiosk.exported_at});
  if (kiosk.stale) line += tr(Text::kiosk_stale, {age_text(kiosk.age_hours), std::to_string(kiosk.stale_hours)});
  return line;
}

// "자료 기준 23-12-20 13:14", on a warning colour with the age once older than `stale`.
void draw_kiosk_freshness(UiContext& ctx) {
  const KioskUi& kiosk = ctx.kiosk;
  // Without a date nobody can tell how old the screen's data is: that is a warning too.
  const bool warn = kiosk.stale || kiosk.exported_at.empty();
  const std::string line = kiosk_freshness_line(kiosk);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::CalcTextSize(line.c_str());
  const ImVec2 pad(em(0.4f), em(0.1f));
  const ImRect rect(ImVec2(at.x - pad.x, at.y - pad.y), ImVec2(at.x + size.x + pad.x, at.y + size.y + pad.y));
  if (warn) ImGui::GetWindowDrawList()->AddRectFilled(rect.Min, rect.Max, palette().warning, em(0.3f));
  text(ctx, line, warn ? palette().on_accent : palette().text);
  ctx.widgets.record("kiosk:freshness", rect);
}

// A large QR code of the link over everything, with the address under it and a close
// button: a kiosk never navigates away.
void draw_qr_overlay(UiContext& ctx) {
  KioskUi& kiosk = ctx.kiosk;
  if (kiosk.qr_url.empty()) return;
  if (kiosk.qr_for != kiosk.qr_url) {
    kiosk.qr = encode_qr(kiosk.qr_url);
    kiosk.qr_for = kiosk.qr_url;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 170));
  ImGui::Begin("qr", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 view = viewport->Size;
  const float panel_w = std::min(view.x * 0.9f, em(34.0f));
  const float inner_w = panel_w - em(3.0f);
  // A very long address is cut for reading (the code holds all of it).
  std::string shown_url = kiosk.qr_url.size() > 240 ? kiosk.qr_url.substr(0, 240) : kiosk.qr_url;
  if (shown_url.size() < kiosk.qr_url.size()) {
    while (!shown_url.empty() && (static_cast<unsigned char>(shown_url.back()) & 0xC0) == 0x80) shown_url.pop_back();
    if (!shown_url.empty() && static_cast<unsigned char>(shown_url.back()) >= 0xC0) shown_url.pop_back();
    shown_url += "…";
  }
  // The code gets what the title, the address and the button leave of the screen.
  const float margin = std::max(em(0.8f), view.y * 0.04f);
  const char* title = tr(Text::qr_title);
  const float title_h = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * 1.1f, FLT_MAX, inner_w, title).y;
  const float url_h =
      ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * 0.95f, FLT_MAX, inner_w, shown_url.c_str()).y;
  const float rest = margin * 2 + em(1.2f) * 2 + title_h + em(0.8f) * 2 + url_h + em(1.0f) + ImGui::GetFrameHeight();
  const float code_side = std::max(em(6.0f), std::min(inner_w, view.y - rest));
  const float panel_h = rest - margin * 2 + code_side;
  const ImVec2 panel_min(viewport->Pos.x + (view.x - panel_w) * 0.5f,
                         viewport->Pos.y + std::max(margin, (view.y - panel_h) * 0.5f));
  float y = panel_min.y + em(1.2f);
  const float inner_left = panel_min.x + em(1.5f);
  // Panel height is known only after the text is measured: draw it behind, in a channel.
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  y += text_at(ctx, ImVec2(inner_left, y), title, 1.1f, IM_COL32(20, 20, 20, 255), inner_w).y + em(0.8f);
  const QrMatrix& code = kiosk.qr;
  if (code.size > 0) {
    // White quiet zone of 4 modules around the code, whole device pixels per module.
    const int modules = code.size + 8;
    const float module = std::max(1.0f, std::floor(code_side / static_cast<float>(modules)));
    const float side = module * static_cast<float>(modules);
    const ImVec2 min(std::floor(panel_min.x + (panel_w - side) * 0.5f), std::floor(y));
    draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32_WHITE);
    for (int row = 0; row < code.size; ++row) {
      for (int col = 0; col < code.size; ++col) {
        if (!code.dark(col, row)) continue;
        const ImVec2 a(min.x + (static_cast<float>(col) + 4) * module, min.y + (static_cast<float>(row) + 4) * module);
        draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
      }
    }
    ctx.widgets.record("qr", ImRect(min, ImVec2(min.x + side, min.y + side)));
    y += side + em(0.8f);
  } else {
    y += text_at(ctx, ImVec2(inner_left, y), tr(Text::qr_error, {code.error}), 1.0f, palette().notice, inner_w).y +
         em(0.8f);
  }
  const ImVec2 url_size = text_at(ctx, ImVec2(inner_left, y), shown_url, 0.95f, IM_COL32(40, 40, 40, 255), inner_w);
  ctx.widgets.record("qr:url", ImRect(ImVec2(inner_left, y), ImVec2(inner_left + url_size.x, y + url_size.y)));
  y += url_size.y + em(1.0f);
  ImGui::SetCursorScreenPos(ImVec2(panel_min.x + (panel_w - em(8.0f)) * 0.5f, y));
  ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().on_accent);
  const bool close = ImGui::Button((std::string(tr(Text::qr_close)) + "###qr-close").c_str(), ImVec2(em(8.0f), 0));
  ctx.glyphs.count(tr(Text::qr_close));
  ctx.widgets.record_last_item("qr-close");
  ImGui::PopStyleColor(3);
  y = ImGui::GetItemRectMax().y + em(1.2f);
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(panel_min, ImVec2(panel_min.x + panel_w, y), IM_COL32(250, 250, 250, 255), em(0.8f));
  draw->ChannelsMerge();
  // A touch outside the panel closes it too.
  const bool outside = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                       !ImRect(panel_min, ImVec2(panel_min.x + panel_w, y)).Contains(ImGui::GetIO().MousePos);
  ImGui::End();
  ImGui::PopStyleColor();
  if (close || outside) kiosk.qr_url.clear();
}

}  // namespace newsroom::ui
