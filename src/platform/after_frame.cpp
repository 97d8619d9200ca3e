// What follows a drawn frame: the panels' requests handed to the session (which turns them
// into effects), and the page kept in step with the view where only the drawing layer
// knows it (the hidden search input over the drawn box, the text size, image previews).
#include <array>
#include <string>
#include <utility>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>

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
    rt.effects.add("search_box", place);
  }
  const std::string& query = rt.session.app().list().q;
  if (!rt.ui.search.focused && rt.ui.search.text != query) {
    rt.ui.search.text = query;
    rt.ui.search.caret = query.size();
    rt.effects.add("search_text", query);
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

void after_frame(Runtime& rt, ViewRequests requests) {
  if (requests.text_scale) ImGui::GetStyle().FontScaleMain = *requests.text_scale;
  rt.session.after_frame(std::move(requests), rt.effects);
  sync_search_input(rt);
  sync_images(rt.ui.images);
}

}  // namespace newsroom::platform
