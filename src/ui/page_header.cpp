#include <cmath>
#include <iterator>

#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {

namespace {

// 가- / 가+ on the title line's right: the text size steps the page offers.
constexpr float kTextScales[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f};

void draw_text_size_buttons(UiContext& ctx, float column) {
  int step = 1;
  for (int i = 0; i < static_cast<int>(std::size(kTextScales)); ++i) {
    if (std::abs(kTextScales[i] - ctx.text_scale) < 0.01f) step = i;
  }
  const float width = ImGui::CalcTextSize("가-").x + ImGui::CalcTextSize("가+").x +
                      ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SameLine(column - width);
  const float y = ImGui::GetCursorPosY() + em(0.35f);
  ImGui::SetCursorPosY(y);
  int next = step;
  ImGui::BeginDisabled(step == 0);
  if (named_button(ctx, "가-", "text-smaller")) next = step - 1;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Text::text_smaller));
  ImGui::SameLine();
  ImGui::SetCursorPosY(y);
  ImGui::BeginDisabled(step == static_cast<int>(std::size(kTextScales)) - 1);
  if (named_button(ctx, "가+", "text-larger")) next = step + 1;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(Text::text_larger));
  if (next != step) {
    ctx.text_scale = kTextScales[next];
    ctx.requests.text_scale = ctx.text_scale;
  }
}

}  // namespace

void draw_page_header(const AppState& app, UiContext& ctx) {
  const BoardInfo& info = app.board().info;
  const float column = ImGui::CalcItemWidth();

  // Agency name on the left, breadcrumb on the right (below it on narrow screens).
  text_sized(ctx, info.site, 1.25f, palette().accent);
  std::string crumbs;
  for (size_t i = 0; i < info.breadcrumb.size(); ++i) {
    if (i) crumbs += "  >  ";
    crumbs += info.breadcrumb[i];
  }
  const float crumbs_width = ImGui::CalcTextSize(crumbs.c_str()).x;
  if (column > crumbs_width + em(14)) {
    ImGui::SameLine(column - crumbs_width);  // offsets inside a group start at the group's left edge
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.2f));
  }
  text(ctx, crumbs, palette().text_muted);

  ImGui::Dummy(ImVec2(0, em(0.6f)));
  text_sized(ctx, info.title, 1.9f);
  if (!ctx.kiosk.on) draw_text_size_buttons(ctx, column);  // a kiosk's size is its `scale`
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + column, at.y + std::max(2.0f, em(0.12f))),
                                            palette().accent);
  ImGui::Dummy(ImVec2(column, em(0.6f)));
}

}  // namespace newsroom::ui
