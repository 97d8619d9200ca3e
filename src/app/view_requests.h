// What the views ask for during a frame (a new route, back, a link, an article action, a
// table to download, a text size). The views only note them; the session turns them into
// effects after the frame, so no view talks to the browser.
#pragma once

#include <optional>
#include <string>

namespace newsroom {

struct ViewRequests {
  bool route_changed = false;   // a new view: a new history entry
  bool route_replaced = false;  // a change while typing: the URL corrected, no new entry
  bool from_list = false;       // the new view was opened from a list row (목록 then goes back in history)
  bool back = false;            // the in-page back (목록) button
  std::string open_url;         // a safe http(s)/mailto link to open in a new tab
  // An article action for the open article: "copy-link", "share-facebook", "share-x", "print".
  std::string article_action;
  std::string download_table;       // an analytics table to download as CSV (analytics_csv.h)
  std::optional<float> text_scale;  // the visitor's new 가−/가+ choice
  bool clear_images = false;        // drop the saved board images (the data status's button)
  bool pick_file = false;           // open an export file from disk as a local preview (data status)
  bool preview_back = false;        // leave the local preview: the served data again (the preview bar)

  // A view opened from a row of a list, a chart or a related-articles link.
  void opened(bool from_a_list) {
    route_changed = true;
    from_list = from_a_list;
  }
};

}  // namespace newsroom
