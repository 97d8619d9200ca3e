// What follows a drawn frame: the requests the panels made (history, links, article
// actions, downloads, text size) carried out to the page, and the page kept in step with
// the view (the hidden search input, the title, the screen-reader mirror, image previews).
#include <array>
#include <string>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/analytics_csv.h"
#include "app/page_json.h"
#include "platform/browser.h"
#include "platform/runtime.h"

namespace newsroom::platform {

// Keeps the hidden <input> over the search box as drawn, and its value in step with the
// query when the query changed elsewhere (a link, back, "clear").
void sync_search_input(Runtime& rt) {
  const ImRect* rect = rt.ui.widgets.find("search");
  std::array<int, 4> place = {-1, -1, -1, -1};
  if (rect)
    place = {static_cast<int>(rect->Min.x), static_cast<int>(rect->Min.y), static_cast<int>(rect->GetWidth()),
             static_cast<int>(rect->GetHeight())};
  if (place != rt.input_place) {
    rt.input_place = place;
    platform::place_search_input(place[0], place[1], place[2], place[3]);
  }
  if (!rt.ui.search.focused && rt.ui.search.text != rt.app.list().q) {
    rt.ui.search.text = rt.app.list().q;
    rt.ui.search.caret = rt.ui.search.text.size();
    platform::set_search_input(rt.ui.search.text);
  }
}

// The visually hidden DOM mirror of the view (web/newsroom.js), sent only when the view changed.
void update_mirror(Runtime& rt) {
  std::string key = mirror_key(rt.app);
  if (key == rt.mirror_key) return;
  rt.mirror_key = std::move(key);
  platform::update_mirror(mirror_json(rt.app));
}

void update_title(Runtime& rt) {
  std::string title = rt.app.board().info.title + " - " + rt.app.board().info.site;
  if (auto index = rt.app.open_article()) title = std::string(rt.app.board().title(*index)) + " - " + title;
  if (title != rt.title) {
    rt.title = title;
    platform::set_document_title(title);
  }
}

// New previews are asked of the page; previews not drawn for two seconds give their
// texture back (coming back fetches again, from the browser's cache).
void sync_images(ui::ImagePreviews& images) {
  for (const std::string& url : images.requests) platform::request_image(url);
  images.requests.clear();
  constexpr double kKeepSeconds = 2.0;
  for (auto it = images.by_url.begin(); it != images.by_url.end();) {
    ui::ImagePreview& preview = it->second;
    if (preview.status != ui::ImagePreview::Status::loading && images.now - preview.last_drawn > kKeepSeconds) {
      if (preview.texture) glDeleteTextures(1, &preview.texture);
      it = images.by_url.erase(it);
    } else {
      ++it;
    }
  }
}

void after_frame(Runtime& rt) {
  ui::UiContext& ctx = rt.ui;
  if (ctx.history_back) {
    ctx.history_back = false;
    if (ctx.list_is_previous_entry && platform::can_go_back()) {
      platform::history_back();  // popstate brings the list back, as the browser's back would
    } else if (rt.app.back_to_list()) {
      ctx.route_changed = true;
    }
    ctx.list_is_previous_entry = false;
  }
  if (ctx.route_changed) {
    ctx.route_changed = false;
    platform::push_hash(rt.app.hash());
  }
  if (ctx.route_replaced) {
    ctx.route_replaced = false;
    platform::replace_hash(rt.app.hash());
  }
  sync_search_input(rt);
  if (ctx.text_scale_changed) {
    ctx.text_scale_changed = false;
    ImGui::GetStyle().FontScaleMain = ctx.text_scale;
    platform::save_setting("textScale", std::to_string(ctx.text_scale));
  }
  if (!ctx.article_action.empty()) {
    if (auto index = rt.app.open_article()) {
      // A kiosk shares by QR code: the visitor's phone opens the address, not the screen.
      if (rt.kiosk)
        ctx.kiosk.qr_url = platform::share_address(ctx.article_action, article_json(rt.app, *index));
      else
        platform::article_action(ctx.article_action, article_json(rt.app, *index));
    }
    ctx.article_action.clear();
  }
  if (!ctx.download_table.empty()) {
    const AppState& app = rt.app;
    const std::string csv =
        analytics_csv(app.board(), app.analytics(), app.trends(), app.results(), ctx.download_table);
    if (!csv.empty()) platform::download("newsroom-" + ctx.download_table + ".csv", "text/csv;charset=utf-8", csv);
    ctx.download_table.clear();
  }
  if (!ctx.open_url.empty()) {
    if (rt.kiosk)
      ctx.kiosk.qr_url = platform::absolute_url(ctx.open_url);  // never navigates away
    else
      platform::open_url(ctx.open_url);
    ctx.open_url.clear();
  }
  sync_images(rt.ui.images);
  update_title(rt);
  if (rt.app.has_board()) update_mirror(rt);
}

}  // namespace newsroom::platform
