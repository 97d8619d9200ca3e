#include <algorithm>

#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {

void draw_app(AppState& app, UiContext& ctx) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float status_height = data_status_height();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - status_height));
  constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("page", nullptr, kPageFlags | ImGuiWindowFlags_AlwaysVerticalScrollbar);

  // A centred column of at most 64em, as wide as the window on a phone.
  const float gutter = em(1.0f);
  const float column = std::min(ImGui::GetContentRegionAvail().x - 2 * gutter, em(64.0f));
  const float left = std::max(gutter, (ImGui::GetContentRegionAvail().x - column) * 0.5f);
  ImGui::Indent(left);
  ImGui::PushItemWidth(column);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(column, em(0.5f)));

  if (!ctx.font_loaded || !app.has_board()) {
    draw_page_header(app, ctx);
    ImGui::Dummy(ImVec2(0, em(2)));
    if (app.report().usable) text(ctx, ctx.font_loaded ? "불러오는 중…" : "Loading…", palette().text_muted);
    else text_wrapped(ctx, ctx.font_loaded ? "게시물을 불러오지 못했습니다. 아래 자료 상태를 확인하세요."
                                           : "The articles could not be loaded; see the data status below.",
                      palette().notice);
  } else if (app.route().view == Route::View::article) {
    draw_page_header(app, ctx);
    draw_article(app, ctx);
  } else {
    draw_page_header(app, ctx);
    draw_board_list(app, ctx);
  }

  ImGui::Dummy(ImVec2(column, em(2.0f)));
  ImGui::EndGroup();
  ImGui::PopItemWidth();
  ImGui::Unindent(left);
  ImGui::End();
  ImGui::PopStyleVar();

  draw_data_status(app, ctx);
}

}  // namespace newsroom::ui
