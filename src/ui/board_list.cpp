#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>

#include "core/dates.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {
namespace {

// What one article of the list shows, the same for the desktop table and the phone cards,
// so that both say the same thing about it (notice, date, views, badges, search matches).
struct ListRow {
  uint32_t index = 0;  // in the board
  int64_t id = 0;
  bool on_top = false;  // a notice pinned above the result: drawn in the notice colour
  bool notice = false;  // 공지 instead of a number (on top, or a pinned article without one)
  std::string number;   // the board's number, or 공지
  std::string_view category, title, author;
  int64_t published_at = 0;  // for the table's tooltip (the full date and time)
  std::string date;          // YY-MM-DD, as the board writes it
  std::string views;         // with thousands separators
  bool is_new = false, is_hot = false, has_attachments = false;
  // The search's matches, when the search has text and looks in that field.
  std::optional<HighlightRanges> title_marks, author_marks;
};

// `position` is the row's place in the whole result: pinned notices come first in it.
ListRow list_row(const AppState& app, uint32_t index, size_t position) {
  const ArticleView a = app.board().article(index);
  ListRow row;
  row.index = index;
  row.id = a.id;
  row.on_top = position < app.search().pinned_on_top;
  row.notice = row.on_top || (a.pinned && a.number == 0);
  row.number = row.notice ? std::string(tr(Text::notice)) : std::to_string(a.number);
  row.category = a.category;
  row.title = a.title;
  row.author = a.author;
  row.published_at = a.published_at;
  row.date = format_board_datetime(a.published_at).substr(0, 8);
  row.views = with_thousands(a.views);
  row.is_new = app.is_new(index);
  row.is_hot = app.is_hot(index);
  row.has_attachments = !app.board().attachments_of(index).empty();
  const SearchIndex* search = app.index();
  const ParsedQuery& parsed = app.parsed_query();
  if (search && parsed.has_text()) {
    const SearchField field = app.list().field;
    if (field == SearchField::title_body || field == SearchField::title) {
      row.title_marks = search->title_highlights(parsed, a.title);
    }
    if (field == SearchField::author) row.author_marks = search->highlights(parsed, a.author);
  }
  return row;
}

void badges(UiContext& ctx, const ListRow& row) {
  if (row.is_new) badge(ctx, "new", palette().badge_new);
  if (row.is_hot) badge(ctx, "hot", palette().badge_hot);
}

// Text centred in the current table cell.
void centered_cell(UiContext& ctx, std::string_view value, ImU32 color = 0) {
  const float width = ImGui::CalcTextSize(value.data(), value.data() + value.size()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  text(ctx, value, color);
}

// A small document with a folded corner: the board's "has attachments" mark, drawn rather
// than taken from an emoji font the page does not load.
float attachment_icon_width() { return em(0.8f) * 0.8f; }

void attachment_icon() {
  const float size = em(0.8f);
  ImGui::Dummy(ImVec2(attachment_icon_width(), size));
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max(min.x + size * 0.75f, min.y + size);
  const float fold = size * 0.25f;
  const float thickness = std::max(1.0f, size * 0.08f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 color = palette().text_muted;
  const ImVec2 outline[] = {min, ImVec2(max.x - fold, min.y), ImVec2(max.x, min.y + fold), max, ImVec2(min.x, max.y)};
  draw->AddPolyline(outline, 5, color, ImDrawFlags_Closed, thickness);
  draw->AddLine(ImVec2(max.x - fold, min.y), ImVec2(max.x - fold, min.y + fold), color, thickness);
  draw->AddLine(ImVec2(max.x - fold, min.y + fold), ImVec2(max.x, min.y + fold), color, thickness);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::attachment_tooltip));
}

void draw_pagination(AppState& app, UiContext& ctx) {
  const int pages = app.page_count();
  const int current = app.list().page;
  constexpr int kPagesShown = 10;  // Gnuboard's default page window
  const int first = ((current - 1) / kPagesShown) * kPagesShown + 1;
  const int last = std::min(pages, first + kPagesShown - 1);

  // Centre the row: measure it first.
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = 0;
  auto button_width = [&](const char* label) {
    return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  };
  for (const Text label : {Text::first_page, Text::previous_page, Text::next_page, Text::last_page}) {
    width += button_width(tr(label));
  }
  for (int p = first; p <= last; ++p) width += button_width(std::to_string(p).c_str());
  const float column = ImGui::CalcItemWidth();
  if (column > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (column - width) * 0.5f);

  int target = 0;
  ImGui::BeginDisabled(current <= 1);
  if (named_button(ctx, tr(Text::first_page), "first")) target = 1;
  ImGui::SameLine();
  if (named_button(ctx, tr(Text::previous_page), "prev")) target = current - 1;
  ImGui::EndDisabled();
  for (int p = first; p <= last; ++p) {
    ImGui::SameLine();
    const std::string label = std::to_string(p);
    const bool selected = p == current;
    if (selected) {
      ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
      ImGui::PushStyleColor(ImGuiCol_Text, palette().on_accent);
    }
    if (named_button(ctx, label.c_str(), "page:" + label)) target = p;
    if (selected) ImGui::PopStyleColor(3);
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(current >= pages);
  if (named_button(ctx, tr(Text::next_page), "next")) target = current + 1;
  ImGui::SameLine();
  if (named_button(ctx, tr(Text::last_page), "last")) target = pages;
  ImGui::EndDisabled();
  if (target && app.go_to_page(target)) {
    ctx.requests.route_changed = true;
  }
}

// A column header that sorts: first click sorts by it, a second click reverses where that
// makes sense (날짜, 조회). Named sort:<column> for locate().
void sort_header(AppState& app, UiContext& ctx, const char* label, const char* column, SortOrder primary,
                 std::optional<SortOrder> reverse) {
  const SortOrder current = app.list().effective_sort();
  const bool active = current == primary || (reverse && current == *reverse);
  std::string text = label;
  if (active) text += current == primary ? " ▼" : " ▲";
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  ctx.glyphs.count(text);
  ImGui::PushStyleColor(ImGuiCol_Text, active ? palette().accent : palette().text);
  const bool clicked = ImGui::Selectable((text + "##sort").c_str(), false, ImGuiSelectableFlags_None, ImVec2(width, 0));
  ImGui::PopStyleColor();
  ctx.widgets.record_last_item(std::string("sort:") + column);
  if (!clicked) return;
  const SortOrder next = (active && reverse && current == primary) ? *reverse : primary;
  if (app.set_sort(next)) ctx.requests.route_changed = true;
}

void draw_empty_result(AppState& app, UiContext& ctx) {
  const ListView& list = app.list();
  ImGui::Dummy(ImVec2(0, em(0.6f)));
  if (app.search_pending()) {  // not empty: not computed yet (a large board being indexed)
    text_wrapped(ctx, tr(Text::search_pending), palette().text_muted);
    return;
  }
  std::string message = tr(Text::empty_result);
  if (!list.q.empty()) message += tr(Text::empty_remove_query, {list.q});
  if (!list.categories.empty()) message += tr(Text::empty_remove_category, {list.categories[0]});
  if (!list.from.empty() || !list.to.empty()) message += tr(Text::empty_widen_period);
  text_wrapped(ctx, message, palette().text_muted);
  if (!list.q.empty() && named_button(ctx, tr(Text::clear_search), "clear-search") && app.set_search_text(""))
    ctx.requests.route_changed = true;
  if (!list.q.empty() && !list.categories.empty()) ImGui::SameLine();
  if (!list.categories.empty() && named_button(ctx, tr(Text::all_categories_button), "clear-category") &&
      app.set_category("")) {
    ctx.requests.route_changed = true;
  }
}

// Wide enough for the label, its padding and the combo's arrow.
float per_page_width(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
}

void draw_per_page(AppState& app, UiContext& ctx) {
  static constexpr int kSizes[] = {10, 15, 20, 50};
  const std::string current = tr(Text::per_page, {std::to_string(app.per_page())});
  ImGui::SetNextItemWidth(per_page_width(current));
  ctx.glyphs.count(current);
  if (ImGui::BeginCombo("##per", current.c_str())) {
    for (const int size : kSizes) {
      const std::string label = tr(Text::per_page, {std::to_string(size)});
      if (ImGui::Selectable(label.c_str(), size == app.per_page()) && app.set_per_page(size))
        ctx.requests.route_changed = true;
    }
    ImGui::EndCombo();
  }
  ctx.widgets.record_last_item("per-page");
}

// ↑/↓ move a row cursor through the page, Enter opens the row (not while typing).
void keyboard_rows(AppState& app, UiContext& ctx, std::span<const uint32_t> rows) {
  ctx.keyboard_moved = false;
  if (rows.empty() || ctx.search.focused || ImGui::GetIO().WantTextInput) return;
  const int last = static_cast<int>(rows.size()) - 1;
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) {
    ctx.keyboard_row = std::min(last, ctx.keyboard_row + 1);
    ctx.keyboard_moved = true;
  } else if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) {
    ctx.keyboard_row = std::max(0, ctx.keyboard_row - 1);
    ctx.keyboard_moved = true;
  } else if ((ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) &&
             ctx.keyboard_row >= 0 && ctx.keyboard_row <= last) {
    if (app.open(app.board().id(rows[static_cast<size_t>(ctx.keyboard_row)]))) {
      ctx.requests.opened(true);  // 목록 goes back here
    }
  }
}

// The keyboard cursor's outline around the row just drawn, kept in view when it moved.
void mark_keyboard_row(UiContext& ctx, size_t row_in_page, ImVec2 min, ImVec2 max) {
  if (static_cast<int>(row_in_page) != ctx.keyboard_row) return;
  ImGui::GetWindowDrawList()->AddRect(min, max, palette().accent, 0.0f, 0, std::max(1.0f, 2.0f * ctx.dpr));
  if (ctx.keyboard_moved) ImGui::SetScrollHereY(0.5f);
}

// Phones have no column headers to click: the sort is a menu above the cards.
void draw_sort_menu(AppState& app, UiContext& ctx) {
  const std::pair<SortOrder, Text> kSorts[] = {{SortOrder::relevance, Text::sort_relevance},
                                               {SortOrder::newest, Text::sort_newest},
                                               {SortOrder::oldest, Text::sort_oldest},
                                               {SortOrder::most_viewed, Text::sort_most_viewed},
                                               {SortOrder::least_viewed, Text::sort_least_viewed},
                                               {SortOrder::title, Text::sort_title},
                                               {SortOrder::number, Text::sort_number}};
  const SortOrder current = app.list().effective_sort();
  const char* shown = tr(Text::sort_newest);
  for (const auto& [sort, label] : kSorts) {
    if (sort == current) shown = tr(label);
  }
  text(ctx, tr(Text::sort_label), palette().text_muted);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(8.0f));
  ctx.glyphs.count(shown);
  if (ImGui::BeginCombo("##sort", shown)) {
    for (const auto& [sort, label] : kSorts) {
      if (sort == SortOrder::relevance && app.list().q.empty()) continue;  // only with search text
      ctx.glyphs.count(tr(label));
      const bool chosen = ImGui::Selectable(tr(label), sort == current);
      ctx.widgets.record_last_item(std::string("sort-option:") + sort_name(sort));
      if (chosen && app.set_sort(sort)) ctx.requests.route_changed = true;
    }
    ImGui::EndCombo();
  } else {
    ctx.widgets.record_last_item("sort-menu");
  }
}

// Below ~700 CSS px the list becomes cards: the title over one meta line.
//
// Every card has the same height, so that ImGuiListClipper can place the cards it skips
// by one step and draw only those on screen, however many pages the visitor loaded.
// The title gets two lines and ends in "…" past them (the article shows it whole): keeping
// heights that follow each title would mean measuring every loaded title every frame,
// which is the work the clipper saves. Sizes are in em, so 가+ and a kiosk's scale grow it.
constexpr int kCardTitleLines = 2;

float card_padding() { return em(0.6f); }
// Whole pixels: ImGui truncates item positions toward zero, so a fractional height would
// give cards above the window's top a step one pixel longer than those below it.
float card_height() {
  return std::floor(2 * card_padding() + (kCardTitleLines + 1) * ImGui::GetTextLineHeight() + em(0.25f));
}

void draw_card(AppState& app, UiContext& ctx, const ListRow& row, size_t row_in_list, float width) {
  const float pad = card_padding();
  const float height = card_height();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID(static_cast<int>(row.index));
  // One group of exactly `height`: the clipper's step is the card plus the item spacing.
  ImGui::BeginGroup();
  const bool clicked = ImGui::InvisibleButton("card", ImVec2(width, height));
  if (ImGui::IsItemVisible()) ctx.drawn_ids.push_back(row.id);
  ctx.widgets.record_last_item("row:" + std::to_string(row.id));
  mark_keyboard_row(ctx, row_in_list, at, ImVec2(at.x + width, at.y + height));
  const ImVec2 corner(at.x + width, at.y + height);
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) draw->AddRectFilled(at, corner, palette().accent_soft);
  draw->AddLine(ImVec2(at.x, corner.y), corner, palette().rule, std::max(1.0f, ctx.dpr));

  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
  ImGui::PushItemWidth(width - 2 * pad);
  text_clamped(ctx, row.title, row.title_marks ? *row.title_marks : HighlightRanges{},
               row.on_top ? palette().notice : 0, kCardTitleLines);
  ctx.widgets.record_last_item("card-title:" + std::to_string(row.id));
  ImGui::PopItemWidth();
  // The meta line sits at the card's foot, at the same place on every card; at large text
  // on a narrow phone it ends in "…" before the badges rather than running off the card.
  const std::string meta = (row.on_top ? std::string(tr(Text::notice_prefix)) : std::string()) +
                           std::string(row.category) + " · " + std::string(row.author) + " · " + row.date +
                           tr(Text::card_meta_views, {row.views});
  float meta_width = width - 2 * pad;
  if (row.is_new) meta_width -= badge_width("new");
  if (row.is_hot) meta_width -= badge_width("hot");
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + height - pad - ImGui::GetTextLineHeight()));
  ImGui::PushItemWidth(std::max(meta_width, em(4.0f)));
  text_clamped(ctx, meta, {}, palette().text_muted, 1);
  ImGui::PopItemWidth();
  ctx.widgets.record_last_item("card-meta:" + std::to_string(row.id));
  badges(ctx, row);
  ImGui::EndGroup();
  ImGui::PopID();
  if (clicked && app.open(row.id)) {
    ctx.requests.opened(true);  // 목록 goes back here
  }
}

void draw_cards(AppState& app, UiContext& ctx, std::span<const uint32_t> rows) {
  const float width = ImGui::CalcItemWidth();
  ImGuiListClipper clipper;
  // The step is measured on the first card rather than given: ImGui puts items on whole
  // pixels, so the step is the card plus the spacing rounded, and a step off by a fraction
  // would add up over the cards skipped and make the list jump as they change.
  clipper.Begin(static_cast<int>(rows.size()));
  // The card ↑/↓ moved to is drawn even off screen, so that it can scroll itself into view.
  if (ctx.keyboard_moved && ctx.keyboard_row >= 0 && ctx.keyboard_row < static_cast<int>(rows.size())) {
    clipper.IncludeItemByIndex(ctx.keyboard_row);
  }
  while (!ctx.requests.route_changed && clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd && !ctx.requests.route_changed; ++i) {
      const size_t row_in_list = static_cast<size_t>(i);
      draw_card(app, ctx, list_row(app, rows[row_in_list], row_in_list), row_in_list, width);
    }
  }
}

// Phones: instead of page numbers, the next page is added below the cards when the visitor
// scrolls near the end (or taps 더 보기). The URL's page says how many pages are shown, and
// is replaced, not added to history, so back still leaves the list.
void draw_load_more(AppState& app, UiContext& ctx, size_t shown) {
  const size_t total = app.results().size();
  if (shown >= total || ctx.requests.route_changed) return;
  const std::string label =
      tr(Text::load_more, {with_thousands(static_cast<int64_t>(shown)), with_thousands(static_cast<int64_t>(total))});
  ctx.glyphs.count(label);
  bool more = ImGui::Button(label.c_str(), ImVec2(ImGui::CalcItemWidth(), em(2.2f)));
  ctx.widgets.record_last_item("load-more");
  const float range = ImGui::GetScrollMaxY();
  const bool near_end = range > 0 && ImGui::GetScrollY() >= range - ImGui::GetWindowHeight() * 0.5f;
  if (near_end && range != ctx.loaded_more_at) more = true;  // once per growth of the page
  if (more && app.go_to_page(app.list().page + 1)) {
    ctx.loaded_more_at = range;
    ctx.requests.route_replaced = true;
    ctx.scroll.keep = true;
  }
}

}  // namespace

void draw_board_list(AppState& app, UiContext& ctx) {
  // The search bar may change the result: read the rows only after it.
  draw_search_bar(app, ctx);
  ImGui::Dummy(ImVec2(0, em(0.2f)));

  const bool narrow = ctx.css_width < kCardsBelowCssWidth;
  const auto rows = narrow ? app.rows_through_page() : app.page_rows();
  const ListView& list = app.list();
  const ParsedQuery& parsed = app.parsed_query();
  keyboard_rows(app, ctx, rows);

  const std::string summary = tr(parsed.has_text() ? Text::search_summary : Text::list_summary,
                                 {with_thousands(static_cast<int64_t>(app.results().size())), std::to_string(list.page),
                                  std::to_string(app.page_count())});
  // The summary, 조회 분석 and the page size share a line while they fit (at large text on a
  // phone they go one under the other instead of off the screen).
  const float line_end = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
  const auto fits = [&](float width) {
    return ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= line_end;
  };
  text(ctx, summary, palette().text_muted);
  if (!ctx.kiosk.on) {  // analytics and its downloads are for the office, not the lobby
    const float button = ImGui::CalcTextSize(tr(Text::analytics_button)).x + ImGui::GetStyle().FramePadding.x * 2;
    if (fits(button)) ImGui::SameLine();
    if (named_button(ctx, tr(Text::analytics_button), "to-analytics")) {
      Route analytics;
      analytics.view = Route::View::analytics;
      analytics.list = list;
      if (app.navigate(analytics)) {
        ctx.requests.route_changed = true;
        return;
      }
    }
  }

  const float per_page = per_page_width(tr(Text::per_page, {std::to_string(list.per_page)}));
  if (fits(per_page)) ImGui::SameLine(ImGui::CalcItemWidth() - per_page);
  draw_per_page(app, ctx);

  if (narrow) {
    draw_sort_menu(app, ctx);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y), palette().rule,
                                        std::max(1.0f, ctx.dpr));
    ImGui::Dummy(ImVec2(0, 1));
    draw_cards(app, ctx, rows);
  }
  // Wider screens: the board's own table.
  constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!narrow && ImGui::BeginTable("board", 6, kTableFlags, ImVec2(ImGui::CalcItemWidth(), 0))) {
    ImGui::TableSetupColumn("number", ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn("category", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
    ImGui::TableSetupColumn("title", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("author", ImGuiTableColumnFlags_WidthFixed, em(5.0f));
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed, em(6.0f));
    ImGui::TableSetupColumn("views", ImGuiTableColumnFlags_WidthFixed, em(3.8f));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    int header = 0;
    ImGui::TableSetColumnIndex(header++);
    sort_header(app, ctx, tr(Text::column_number), "number", SortOrder::number, std::nullopt);
    ImGui::TableSetColumnIndex(header++);
    centered_cell(ctx, tr(Text::column_category));
    ImGui::TableSetColumnIndex(header++);
    sort_header(app, ctx, tr(Text::column_title), "title", SortOrder::title, std::nullopt);
    ImGui::TableSetColumnIndex(header++);
    centered_cell(ctx, tr(Text::column_author));
    ImGui::TableSetColumnIndex(header++);
    sort_header(app, ctx, tr(Text::column_date), "date", SortOrder::newest, SortOrder::oldest);
    ImGui::TableSetColumnIndex(header++);
    sort_header(app, ctx, tr(Text::column_views), "views", SortOrder::most_viewed, SortOrder::least_viewed);

    // A header click above changed the result: the rows below belong to the old one and
    // this frame is discarded anyway (see the platform's main loop).
    const size_t first_row = static_cast<size_t>(list.page - 1) * list.per_page;
    const size_t row_count = ctx.requests.route_changed ? 0 : rows.size();
    for (size_t row_in_page = 0; row_in_page < row_count; ++row_in_page) {
      const ListRow row = list_row(app, rows[row_in_page], first_row + row_in_page);
      const float row_height = ctx.kiosk.on ? em(2.2f) : em(1.6f);  // finger-sized at a kiosk
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(static_cast<int>(row.index));
      const float cell_x = ImGui::GetCursorPosX();
      // One selectable spans the row: the whole row is the click target.
      const bool clicked =
          ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                            ImVec2(0, row_height - ImGui::GetStyle().CellPadding.y));
      if (ImGui::IsItemVisible()) ctx.drawn_ids.push_back(row.id);
      ctx.widgets.record_last_item("row:" + std::to_string(row.id));
      mark_keyboard_row(ctx, row_in_page, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      ImGui::SameLine(0, 0);
      ImGui::SetCursorPosX(cell_x);  // draw the cells over the row's click target
      centered_cell(ctx, row.number, row.notice ? palette().notice : palette().text_muted);

      int column = 1;
      ImGui::TableSetColumnIndex(column++);
      centered_cell(ctx, row.category, palette().accent);
      ImGui::TableSetColumnIndex(column++);
      const ImU32 title_color = row.on_top ? palette().notice : 0;
      // One line in the column: a longer title ends in "…" before the attachment mark and
      // the badges, and hovering it shows the whole title.
      float title_room = ImGui::GetContentRegionAvail().x;
      if (row.has_attachments) title_room -= ImGui::GetStyle().ItemSpacing.x + attachment_icon_width();
      if (row.is_new) title_room -= badge_width("new");
      if (row.is_hot) title_room -= badge_width("hot");
      ImGui::PushItemWidth(std::max(title_room, em(3.0f)));
      const bool cut =
          text_clamped(ctx, row.title, row.title_marks ? *row.title_marks : HighlightRanges{}, title_color, 1);
      ImGui::PopItemWidth();
      if (cut) {
        if (ImGui::IsItemVisible()) ctx.cut_ids.push_back(row.id);
        if (ImGui::IsItemHovered()) whole_title_tooltip(ctx, row.title);
      }
      if (row.has_attachments) {
        ImGui::SameLine();
        attachment_icon();
      }
      badges(ctx, row);
      ImGui::TableSetColumnIndex(column++);
      if (row.author_marks)
        text_highlighted(ctx, row.author, *row.author_marks);
      else
        centered_cell(ctx, row.author);
      ImGui::TableSetColumnIndex(column++);
      centered_cell(ctx, row.date, palette().text_muted);
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        text(ctx, format_full_datetime(row.published_at));
        ImGui::EndTooltip();
      }
      ImGui::TableSetColumnIndex(column++);
      centered_cell(ctx, row.views, palette().text_muted);
      ImGui::PopID();
      if (clicked && app.open(row.id)) {
        ctx.requests.opened(true);  // 목록 goes back here
      }
    }
    ImGui::EndTable();
  }
  if (rows.empty()) draw_empty_result(app, ctx);

  ImGui::Dummy(ImVec2(0, em(0.8f)));
  if (narrow)
    draw_load_more(app, ctx, rows.size());
  else
    draw_pagination(app, ctx);
}

}  // namespace newsroom::ui
