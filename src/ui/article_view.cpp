#include <algorithm>
#include <span>

#include "core/dates.h"
#include "core/text.h"
#include "io/text_normalize.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {
namespace {

void rule() {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y), palette().rule,
                                      std::max(1.0f, em(0.06f)));
  ImGui::Dummy(ImVec2(0, em(0.4f)));
}

// The same button above and below the article; each needs its own ImGui id.
void draw_back_button(UiContext& ctx, const char* id, const std::string& name) {
  ImGui::PushID(id);
  if (named_button(ctx, (std::string(tr(Text::back_to_list)) + "##back").c_str(), name))
    ctx.requests.back = true;  // the platform goes back, or to the list
  ImGui::PopID();
}

// 링크 복사 · 페이스북 · X · 인쇄, as the original page offers; the page does the work.
// A kiosk has no clipboard or printer for the visitor: the article's address and the share
// addresses are shown as QR codes instead (the platform turns the action into one).
void draw_actions(UiContext& ctx) {
  const std::pair<Text, const char*> kActions[] = {{Text::copy_link, "copy-link"},
                                                   {Text::share_facebook, "share-facebook"},
                                                   {Text::share_x, "share-x"},
                                                   {Text::print, "print"}};
  const std::pair<Text, const char*> kKioskActions[] = {
      {Text::kiosk_phone, "phone-qr"}, {Text::share_facebook, "share-facebook"}, {Text::share_x, "share-x"}};
  bool first = true;
  for (const auto& [label, name] : ctx.kiosk.on ? std::span<const std::pair<Text, const char*>>(kKioskActions)
                                                : std::span<const std::pair<Text, const char*>>(kActions)) {
    if (!first) ImGui::SameLine();
    first = false;
    if (named_button(ctx, (std::string(tr(label)) + "##" + name).c_str(), name)) ctx.requests.article_action = name;
  }
}

// 이전 글 / 다음 글 within the list the visitor came from (its search, filters and sort).
void draw_neighbours(AppState& app, UiContext& ctx, uint32_t article) {
  const auto& rows = app.results();
  const auto it = std::find(rows.begin(), rows.end(), article);
  if (it == rows.end()) return;
  const Board& board = app.board();
  const auto line = [&](Text label, const std::string& name, const uint32_t* target) {
    text(ctx, tr(label), palette().text_muted);
    ImGui::SameLine(em(4.5f));
    if (!target) {
      text(ctx, tr(Text::none), palette().text_muted);
      return;
    }
    const bool clicked = title_link(ctx, board.title(*target), name, ImGui::CalcItemWidth() - em(4.5f));
    if (clicked && app.open(board.id(*target))) {
      ctx.requests.opened(false);
    }
  };
  rule();
  line(Text::previous_article, "prev", it != rows.begin() ? &*(it - 1) : nullptr);
  line(Text::next_article, "next", it + 1 != rows.end() ? &*(it + 1) : nullptr);
  rule();
}

// 태그: each a chip that lists the tag's articles; the chips wrap within the column.
void draw_tags(AppState& app, UiContext& ctx, uint32_t article) {
  const TagTable& tags = app.tags();
  const std::span<const uint32_t> mine = tags.of(article);
  if (mine.empty()) return;
  const float row_right = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
  ImGui::AlignTextToFramePadding();  // the label on the chips' line of text
  text(ctx, tr(Text::tags_label), palette().text_muted);
  ImGui::SameLine(em(4.5f));
  ImGui::BeginGroup();
  const float chip_room = row_right - ImGui::GetCursorScreenPos().x - ImGui::GetStyle().FramePadding.x * 2;
  bool first = true;
  for (const uint32_t t : mine) {
    const std::string& name = tags.name(t);
    const std::string label = ellipsized("#" + name, chip_room);  // a tag longer than the line is cut
    const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= row_right) ImGui::SameLine();
    first = false;
    if (named_button(ctx, (label + "##tag").c_str(), "tag:" + name) && app.show_tag(name))
      ctx.requests.route_changed = true;
  }
  ImGui::EndGroup();
}

// 관련 기사: up to five articles of the board sharing the most of this one's rarer words and
// tags (core/related.h), each opening as 이전 글 / 다음 글 do.
void draw_related(AppState& app, UiContext& ctx, uint32_t article) {
  const std::vector<uint32_t> related = app.related(article);  // a copy: a click opens another article
  if (related.empty()) return;
  const Board& board = app.board();
  rule();
  text(ctx, tr(Text::related_articles), palette().text_muted);
  for (size_t i = 0; i < related.size(); ++i) {
    const bool clicked =
        title_link(ctx, board.title(related[i]), "related:" + std::to_string(i), ImGui::CalcItemWidth());
    if (clicked && app.open(board.id(related[i]))) ctx.requests.opened(false);
  }
}

bool is_image_name(std::string_view name) {
  name = name.substr(0, name.find_first_of("?#"));
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "webp";
}

// An image attachment's preview under the list of files: as wide as the column at most,
// never taller than 24em, never larger than the picture. A click opens the file.
void draw_preview(UiContext& ctx, const std::string& url, size_t attachment) {
  ImagePreview& preview = ctx.images.use(url);
  const std::string name = "preview:" + std::to_string(attachment);
  if (preview.status == ImagePreview::Status::loading) {
    text(ctx, tr(Text::preview_loading), palette().text_muted);
    return;
  }
  if (preview.status != ImagePreview::Status::shown || preview.width <= 0 || preview.height <= 0) return;
  const float natural_w = preview.width * ctx.dpr, natural_h = preview.height * ctx.dpr;
  const float scale = std::min({1.0f, ImGui::CalcItemWidth() / natural_w, em(24.0f) / natural_h});
  const ImVec2 size(natural_w * scale, natural_h * scale);
  ImGui::PushID(name.c_str());
  const bool clicked = ImGui::InvisibleButton("image", size);
  ImGui::PopID();
  ctx.widgets.record_last_item(name);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddImage(ImTextureRef(static_cast<ImTextureID>(preview.texture)), min, max);
  draw->AddRect(min, max, palette().rule, 0.0f, 0, std::max(1.0f, ctx.dpr));
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (clicked) ctx.requests.open_url = url;
  ImGui::Dummy(ImVec2(0, em(0.3f)));
}

}  // namespace

void draw_article(AppState& app, UiContext& ctx) {
  const Board& board = app.board();
  draw_back_button(ctx, "top", "back");
  ImGui::Dummy(ImVec2(0, em(0.4f)));

  const auto index = app.open_article();
  if (!index) {
    text_wrapped(ctx, tr(Text::article_not_found, {std::to_string(app.route().article_id)}), palette().notice);
    return;
  }
  const ArticleView a = board.article(*index);

  text(ctx, a.pinned ? std::string(tr(Text::notice_prefix)) + std::string(a.category) : std::string(a.category),
       palette().accent);
  text_sized(ctx, a.title, 1.5f, 0, true);
  ctx.widgets.record_last_item("article-title");
  ImGui::Dummy(ImVec2(0, em(0.2f)));
  const std::string meta = tr(Text::meta_line, {a.author.empty() ? std::string_view("-") : a.author,
                                                format_board_datetime(a.published_at), with_thousands(a.views)});
  text_wrapped(ctx, meta, palette().text_muted);
  draw_actions(ctx);
  rule();

  // Body: one wrapped block per paragraph, a blank line between; the list's search terms
  // stay highlighted.
  const ParsedQuery& parsed = app.parsed_query();
  const SearchIndex* search = app.index();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, em(0.9f)));
  for (const std::string_view paragraph : split_paragraphs(a.body)) {
    if (search && parsed.has_text())
      text_highlighted(ctx, paragraph, search->highlights(parsed, paragraph), 0, true);
    else
      text_wrapped(ctx, paragraph);
  }
  ImGui::PopStyleVar();
  if (a.body.empty()) text(ctx, tr(Text::no_body), palette().text_muted);
  ImGui::Dummy(ImVec2(0, em(0.6f)));
  rule();

  if (!a.source_name.empty() || !a.source_url.empty()) {
    text(ctx, tr(Text::source), palette().text_muted);
    ImGui::SameLine(em(4.5f));
    link_text(ctx, a.source_name.empty() ? a.source_url : a.source_name, a.source_url, "source");
  }
  const auto& attachments = board.attachments_of(*index);
  std::vector<size_t> images;
  for (size_t i = 0; i < attachments.size(); ++i) {
    if (i == 0)
      text(ctx, tr(Text::attachments), palette().text_muted);
    else
      ImGui::Dummy(ImVec2(0, 0));  // each file on a line of its own, under the first
    ImGui::SameLine(em(4.5f));
    const AttachmentRef& file = attachments[i];
    std::string label(board.text(file.name));
    if (file.size >= 0) label += " (" + human_size(file.size) + ")";
    const std::string_view url = board.text(file.url);
    ImGui::BeginGroup();
    if (url.empty())
      text(ctx, label);
    else
      link_text(ctx, label, url, "attachment:" + std::to_string(i));
    ImGui::EndGroup();
    if (!url.empty() && (is_safe_link(url) || is_relative_address(url)) && url.rfind("mailto:", 0) != 0 &&
        (is_image_name(board.text(file.name)) || is_image_name(url))) {
      images.push_back(i);
    }
  }
  if (!images.empty()) ImGui::Dummy(ImVec2(0, em(0.3f)));
  for (const size_t i : images) draw_preview(ctx, std::string(board.text(attachments[i].url)), i);
  const auto& links = board.links_of(*index);
  for (size_t i = 0; i < links.size(); ++i) {
    text(ctx, tr(Text::link), palette().text_muted);
    ImGui::SameLine(em(4.5f));
    const std::string_view url = board.text(links[i].url);
    const std::string_view title = board.text(links[i].title);
    link_text(ctx, title.empty() ? url : title, url, "link:" + std::to_string(i));
  }
  draw_tags(app, ctx, *index);
  if (ctx.requests.route_changed) return;  // a tag's list replaces the article
  ImGui::Dummy(ImVec2(0, em(1.0f)));
  draw_related(app, ctx, *index);
  draw_neighbours(app, ctx, *index);
  draw_back_button(ctx, "bottom", "back-bottom");
}

}  // namespace newsroom::ui
