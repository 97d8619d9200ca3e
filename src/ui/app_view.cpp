#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui_internal.h>  // ClearActiveID

#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {

namespace {

// Drag to scroll (fingers on phones and touch tables, or the mouse), with inertia after a
// flick. Once a drag starts, the row under the finger is released without a click.
void drag_to_scroll(UiContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  DragScroll& drag = ctx.drag;
  const float threshold = ImGui::GetFontSize() * 0.6f;
  const float scrollbar_left = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - ImGui::GetStyle().ScrollbarSize;
  if (!drag.dragging && io.MouseDown[0] && io.MouseClickedPos[0].x < scrollbar_left &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
      std::abs(io.MouseClickedPos[0].y - io.MousePos.y) > threshold) {
    drag.dragging = true;
    ImGui::ClearActiveID();  // no click on release: this was a scroll
  }
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) drag.velocity = 0;  // a touch stops a flick
  const float dt = std::max(io.DeltaTime, 1.0f / 240.0f);
  if (drag.dragging) {
    if (io.MouseDown[0]) {
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
      drag.velocity = 0.7f * drag.velocity + 0.3f * (-io.MouseDelta.y / dt);
    } else {
      drag.dragging = false;  // let go: the flick carries on below
    }
  } else if (std::abs(drag.velocity) > 20.0f) {
    ImGui::SetScrollY(ImGui::GetScrollY() + drag.velocity * dt);
    drag.velocity *= std::pow(0.04f, dt);  // about a second to come to rest
    if (ImGui::GetScrollY() <= 0 || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) drag.velocity = 0;
  } else {
    drag.velocity = 0;
  }
}

// On a change of view: remember how far the list was scrolled, and restore it when the
// visitor comes back to that list; everything else opens at the top.
void restore_scroll(const AppState& app, UiContext& ctx) {
  ScrollMemory& memory = ctx.scroll;
  const std::string view = app.hash();
  if (view == memory.view) return;
  if (memory.keep) {  // more cards were added below: stay where the visitor is
    memory.keep = false;
    memory.view = view;
    return;
  }
  if (!memory.view.empty() && memory.view.rfind("#/article/", 0) != 0) {
    memory.positions[memory.view] = ImGui::GetScrollY() / ctx.dpr;
  }
  const auto it = memory.positions.find(view);
  ImGui::SetScrollY(it == memory.positions.end() ? 0.0f : it->second * ctx.dpr);
  ctx.drag.velocity = 0;
  ctx.keyboard_row = -1;
  memory.view = view;
}

}  // namespace

static void draw_frame(AppState& app, UiContext& ctx) {
  if (ctx.kiosk.close_popups) {
    ctx.kiosk.close_popups = false;
    ImGui::ClosePopupsOverWindow(nullptr, false);
  }
  // Kiosk mode, unattended: the attract loop's article, large, instead of the page.
  if (ctx.kiosk.on && ctx.kiosk.playing && ctx.font_loaded && app.has_board() && app.open_article()) {
    draw_kiosk_attract(app, ctx);
    draw_data_status(app, ctx);
    draw_preview_bar(ctx);
    return;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float status_height = data_status_height();
  const float preview_height = preview_bar_height(ctx);  // a local preview's bar above the page
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + preview_height));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - status_height - preview_height));
  constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("page", nullptr, kPageFlags | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  drag_to_scroll(ctx);
  if (app.has_board() && ctx.font_loaded) restore_scroll(app, ctx);

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
    // Before the Korean font arrives only Latin can be drawn.
    const Language shown = ctx.font_loaded ? language() : Language::english;
    if (ctx.load.phase != LoadProgress::Phase::none)
      load_progress(app, ctx, shown);
    else if (app.report().usable)
      text(ctx, tr(Text::loading, shown), palette().text_muted);
    else
      text_wrapped(ctx, tr(Text::load_failed, shown), palette().notice);
  } else if (app.route().view == Route::View::article) {
    draw_page_header(app, ctx);
    draw_article(app, ctx);
  } else if (app.route().view == Route::View::analytics) {
    draw_page_header(app, ctx);
    load_progress(app, ctx, language());
    draw_analytics(app, ctx);
  } else {
    draw_page_header(app, ctx);
    load_progress(app, ctx, language());
    draw_board_list(app, ctx);
  }

  ImGui::Dummy(ImVec2(column, em(2.0f)));
  ImGui::EndGroup();
  ImGui::PopItemWidth();
  ImGui::Unindent(left);
  ImGui::End();
  ImGui::PopStyleVar();

  draw_data_status(app, ctx);
  draw_preview_bar(ctx);
  if (ctx.kiosk.on) draw_qr_overlay(ctx);
}

ViewRequests draw_app(AppState& app, UiContext& ctx) {
  draw_frame(app, ctx);
  return std::exchange(ctx.requests, {});
}

}  // namespace newsroom::ui
