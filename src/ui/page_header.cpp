#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {

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
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + column, at.y + std::max(2.0f, em(0.12f))),
                                            palette().accent);
  ImGui::Dummy(ImVec2(column, em(0.6f)));
}

}  // namespace newsroom::ui
