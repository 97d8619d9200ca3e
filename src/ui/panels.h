// The panels of the page, one per file. Each reads AppState and calls its actions.
#pragma once

#include "app/app_state.h"
#include "ui/ui_context.h"

namespace newsroom::ui {

// Below this canvas width in CSS pixels (phones) the list is cards, not the board's table.
inline constexpr float kCardsBelowCssWidth = 700.0f;

// The whole frame: header, the current view, the data status bar; what it asked for.
ViewRequests draw_app(AppState& app, UiContext& ctx);

void draw_page_header(const AppState& app, UiContext& ctx);  // page_header.cpp
void draw_board_list(AppState& app, UiContext& ctx);         // board_list.cpp
void draw_search_bar(AppState& app, UiContext& ctx);         // search_bar.cpp: field, box, tabs
void draw_article(AppState& app, UiContext& ctx);            // article_view.cpp
void draw_analytics(AppState& app, UiContext& ctx);          // analytics_view.cpp
void draw_data_status(const AppState& app, UiContext& ctx);  // data_status.cpp

// Kiosk mode (kiosk_view.cpp): the attract screen, the freshness line of the status bar,
// and the QR code shown instead of following a link.
void draw_kiosk_attract(const AppState& app, UiContext& ctx);
void draw_kiosk_freshness(UiContext& ctx);
// Its text: "자료 기준 23-12-20 13:14", and past `stale` how old the data is ("· 자료가 3일 전
// 것입니다 ...", ui::age_text).
std::string kiosk_freshness_line(const KioskUi& kiosk);
void draw_qr_overlay(UiContext& ctx);

// Height of the data status bar, which the content leaves free.
float data_status_height();

// A local preview's bar at the top of the page (data_status.cpp): what the file is, what it
// changes on the served data, and the way back. Its height is 0 without a preview.
float preview_bar_height(const UiContext& ctx);
void draw_preview_bar(UiContext& ctx);

}  // namespace newsroom::ui
