#include "ui/ui_context.h"

#include <imgui_internal.h>

#include "core/text.h"

namespace newsroom::ui {

ImagePreview& ImagePreviews::use(const std::string& url) {
  auto [it, added] = by_url.try_emplace(url);
  if (added) requests.push_back(url);
  it->second.last_drawn = now;
  return it->second;
}

void WidgetRegistry::record_last_item(std::string name) {
  if (!ImGui::IsItemVisible()) return;
  rects_[std::move(name)] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void WidgetRegistry::record(std::string name, const ImRect& rect) {
  const ImRect clip(ImGui::GetWindowDrawList()->GetClipRectMin(), ImGui::GetWindowDrawList()->GetClipRectMax());
  if (!clip.Overlaps(rect)) return;
  rects_[std::move(name)] = rect;
}

const ImRect* WidgetRegistry::find(std::string_view name) const {
  const auto it = rects_.find(std::string(name));
  return it == rects_.end() ? nullptr : &it->second;
}

void GlyphCounter::count(std::string_view text) {
  ImFont* font = ImGui::GetFont();
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    if (!decode_utf8(text, pos, cp)) {
      ++missing_this_frame_;
      continue;
    }
    if (cp < 0x20 || cp == ' ') continue;
    auto [it, inserted] = known_.try_emplace(cp, true);
    if (inserted) it->second = font->IsGlyphInFont(static_cast<ImWchar>(cp));
    if (!it->second) ++missing_this_frame_;
  }
}

}  // namespace newsroom::ui
