// #/analytics: what visitors read, over the list's current search and filters. Every chart
// is drawn with ImDrawList; hovering shows the numbers, a click filters by what was
// clicked (and stays here), and each chart's numbers download as CSV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/dates.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {
namespace {

// "1,254" from 100 on, "12.3" below.
std::string decimal(double value) {
  if (value >= 99.95) return with_thousands(std::llround(value));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// The Seoul date of a UTC instant as the period filter writes it: "2023-12-20".
std::string seoul_day(int64_t utc_seconds) { return format_full_datetime(utc_seconds).substr(0, 10); }

void tooltip(UiContext& ctx, const std::string& body, Text hint) {
  ImGui::BeginTooltip();
  text(ctx, body);
  text(ctx, tr(hint), palette().text_muted);
  ImGui::EndTooltip();
}

// A section title with its CSV button on the right.
void section(UiContext& ctx, Text title, const char* table) {
  ImGui::Dummy(ImVec2(0, em(0.8f)));
  text_sized(ctx, tr(title), 1.15f);
  const std::string label = std::string(tr(Text::csv_button)) + "##" + table;
  ImGui::SameLine(ImGui::CalcItemWidth() - ImGui::CalcTextSize(tr(Text::csv_button)).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (named_button(ctx, label.c_str(), std::string("csv:") + table)) ctx.requests.download_table = table;
}

// Key figures as a row of cards that wraps on narrow screens.
void draw_figures(UiContext& ctx, const Analytics& a) {
  std::vector<std::tuple<Text, std::string, const char*>> figures = {
      {Text::figure_articles, with_thousands(a.articles), "articles"},
      {Text::figure_views, with_thousands(a.views_total), "views"},
      {Text::figure_median, decimal(a.views_median), "median"},
      {Text::figure_mean, decimal(a.views_mean), "mean"},
      {Text::figure_per_day, decimal(a.views_per_day), "per-day"}};
  if (a.articles_with_downloads > 0)
    figures.emplace_back(Text::figure_downloads, with_thousands(a.downloads_total), "downloads");
  if (a.articles_with_clicks > 0)
    figures.emplace_back(Text::figure_clicks, with_thousands(a.link_clicks_total), "clicks");
  const float column = ImGui::CalcItemWidth();
  const float gap = em(0.6f);
  const int per_row =
      std::max(2, std::min(static_cast<int>(figures.size()), static_cast<int>((column + gap) / em(9.0f))));
  const float width = (column - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float height = em(3.6f);
  const size_t rows = (figures.size() + static_cast<size_t>(per_row) - 1) / static_cast<size_t>(per_row);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(column, static_cast<float>(rows) * (height + gap) - gap));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < figures.size(); ++i) {
    const auto& [label, value, name] = figures[i];
    const float x = start.x + static_cast<float>(i % static_cast<size_t>(per_row)) * (width + gap);
    const float y = start.y + static_cast<float>(i / static_cast<size_t>(per_row)) * (height + gap);
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), palette().surface, em(0.3f));
    ctx.widgets.record(std::string("figure:") + name, ImRect(ImVec2(x, y), ImVec2(x + width, y + height)));
    ctx.glyphs.count(tr(label));
    ctx.glyphs.count(value);
    draw->AddText(ImVec2(x + em(0.6f), y + em(0.4f)), palette().text_muted, tr(label));
    draw->AddText(nullptr, em(1.35f), ImVec2(x + em(0.6f), y + em(1.6f)), palette().accent, value.c_str());
  }
}

// Vertical bars (months, the histogram), optionally with a second series drawn as dots
// against its own scale. Returns the clicked bar or -1. Each bar is registered as
// "bar:<chart>:<key>" for window.newsroom.locate.
int vertical_bars(UiContext& ctx, const char* chart, const std::vector<int64_t>& values,
                  const std::vector<int64_t>* dots, const std::vector<std::string>& keys,
                  const std::vector<std::string>& labels, const std::function<std::string(size_t)>& describe) {
  const float width = ImGui::CalcItemWidth(), height = em(11.0f);
  const float axis = em(4.0f), bottom = em(1.6f);
  ImGui::PushID(chart);
  const bool clicked = ImGui::InvisibleButton("chart", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ctx.widgets.record_last_item(std::string("chart:") + chart);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 plot_min(min.x + axis, min.y + em(0.6f)), plot_max(min.x + width, min.y + height - bottom);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int64_t top = std::max<int64_t>(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  for (int i = 0; i <= 2; ++i) {  // grid at 0, ½ and the maximum
    const float y = plot_max.y - (plot_max.y - plot_min.y) * static_cast<float>(i) / 2;
    draw->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), palette().rule, std::max(1.0f, ctx.dpr * 0.5f));
    const std::string tick = with_thousands(top * i / 2);
    ctx.glyphs.count(tick);
    const float tick_w = ImGui::CalcTextSize(tick.c_str()).x;
    draw->AddText(ImVec2(plot_min.x - tick_w - em(0.3f), y - ImGui::GetTextLineHeight() * 0.5f), palette().text_muted,
                  tick.c_str());
  }
  const size_t n = values.size();
  if (n == 0) return -1;
  const float slot = (plot_max.x - plot_min.x) / static_cast<float>(n);
  const float gap = slot > em(0.5f) ? std::max(1.0f, slot * 0.2f) : 0.0f;
  int hovered_bar = -1;
  if (hovered) {
    const float x = ImGui::GetIO().MousePos.x - plot_min.x;
    if (x >= 0) hovered_bar = std::min(static_cast<int>(n) - 1, static_cast<int>(x / slot));
  }
  const int64_t dot_top = dots ? std::max<int64_t>(1, *std::max_element(dots->begin(), dots->end())) : 1;
  // Label every k-th bar so that labels do not overlap.
  float label_w = 0;
  for (const std::string& label : labels) label_w = std::max(label_w, ImGui::CalcTextSize(label.c_str()).x);
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((label_w + em(0.8f)) / slot)));
  for (size_t i = 0; i < n; ++i) {
    const float x0 = plot_min.x + slot * static_cast<float>(i) + gap * 0.5f, x1 = x0 + slot - gap;
    const float y0 = plot_max.y - (plot_max.y - plot_min.y) * static_cast<float>(values[i]) / static_cast<float>(top);
    const bool lit = static_cast<int>(i) == hovered_bar;
    if (lit)
      draw->AddRectFilled(ImVec2(x0 - gap * 0.5f, plot_min.y), ImVec2(x1 + gap * 0.5f, plot_max.y),
                          palette().accent_soft);
    draw->AddRectFilled(ImVec2(x0, std::min(y0, plot_max.y - (values[i] > 0 ? 1.0f : 0.0f))), ImVec2(x1, plot_max.y),
                        lit ? palette().notice : palette().accent);
    ctx.widgets.record(std::string("bar:") + chart + ":" + keys[i],
                       ImRect(ImVec2(x0, plot_min.y), ImVec2(std::max(x1, x0 + 1), plot_max.y)));
    if (dots) {
      const float dy =
          plot_max.y - (plot_max.y - plot_min.y) * static_cast<float>((*dots)[i]) / static_cast<float>(dot_top);
      draw->AddCircleFilled(ImVec2((x0 + x1) * 0.5f, dy), std::max(2.0f, em(0.18f)), palette().warning);
    }
    if (i % every == 0) {
      ctx.glyphs.count(labels[i]);
      draw->AddText(ImVec2(x0, plot_max.y + em(0.2f)), palette().text_muted, labels[i].c_str());
    }
  }
  if (hovered_bar >= 0) {
    tooltip(ctx, describe(static_cast<size_t>(hovered_bar)), Text::click_to_filter);
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  return clicked ? hovered_bar : -1;
}

// Horizontal bars with their names (categories, authors, top articles): each row is its
// own click target "bar:<chart>:<key>". Returns the clicked row or -1.
int horizontal_bars(UiContext& ctx, const char* chart, const std::vector<std::string>& names,
                    const std::vector<int64_t>& values, const std::vector<std::string>& keys,
                    const std::function<std::string(size_t)>& describe, Text hint) {
  const float width = ImGui::CalcItemWidth();
  const float label_w = std::min(em(16.0f), width * 0.42f), row_h = em(1.6f);
  const int64_t top = std::max<int64_t>(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  int clicked_row = -1;
  for (size_t i = 0; i < names.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushID(chart);
    const bool clicked = ImGui::InvisibleButton("row", ImVec2(width, row_h));
    ImGui::PopID();
    ImGui::PopID();
    ctx.widgets.record_last_item(std::string("bar:") + chart + ":" + keys[i]);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool lit = ImGui::IsItemHovered();
    if (lit) draw->AddRectFilled(min, max, palette().accent_soft);
    ctx.glyphs.count(names[i]);
    draw->PushClipRect(min, ImVec2(min.x + label_w - em(0.4f), max.y), true);
    draw->AddText(ImVec2(min.x, min.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f), palette().text, names[i].c_str());
    draw->PopClipRect();
    const std::string value = with_thousands(values[i]);
    const float value_w = ImGui::CalcTextSize(value.c_str()).x;
    const float room = width - label_w - value_w - em(0.6f);
    const float bar = std::max(1.0f, room * static_cast<float>(values[i]) / static_cast<float>(top));
    draw->AddRectFilled(ImVec2(min.x + label_w, min.y + row_h * 0.2f),
                        ImVec2(min.x + label_w + bar, max.y - row_h * 0.2f), lit ? palette().notice : palette().accent);
    draw->AddText(ImVec2(min.x + label_w + bar + em(0.3f), min.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f),
                  palette().text_muted, value.c_str());
    if (lit) {
      tooltip(ctx, describe(i), hint);
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    if (clicked) clicked_row = static_cast<int>(i);
  }
  return clicked_row;
}

// Age (days, across) against views (the histogram's bins, up): a cell's shade says how
// many articles it holds. A click filters to that publication period and view range.
void draw_age_grid(AppState& app, UiContext& ctx, const Analytics& a) {
  const size_t bins = a.histogram.size();
  if (a.age_columns <= 0 || bins == 0) return;
  const float width = ImGui::CalcItemWidth(), height = em(11.0f);
  const float axis = em(4.0f), bottom = em(1.6f);
  ImGui::PushID("age");
  const bool clicked = ImGui::InvisibleButton("chart", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ctx.widgets.record_last_item("chart:age");
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 plot_min(min.x + axis, min.y + em(0.4f)), plot_max(min.x + width, min.y + height - bottom);
  const float cell_w = (plot_max.x - plot_min.x) / static_cast<float>(a.age_columns);
  const float cell_h = (plot_max.y - plot_min.y) / static_cast<float>(bins);
  const int64_t most = std::max<int64_t>(1, *std::max_element(a.age_grid.begin(), a.age_grid.end()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(plot_min, plot_max, palette().rule);
  int hovered_col = -1, hovered_bin = -1;
  if (hovered) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x >= plot_min.x && m.y <= plot_max.y && m.y >= plot_min.y) {
      hovered_col = std::min(a.age_columns - 1, static_cast<int>((m.x - plot_min.x) / cell_w));
      hovered_bin = std::min(static_cast<int>(bins) - 1, static_cast<int>((plot_max.y - m.y) / cell_h));
    }
  }
  const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(palette().accent);
  for (int c = 0; c < a.age_columns; ++c) {
    for (size_t b = 0; b < bins; ++b) {
      const int64_t count = a.age_grid[static_cast<size_t>(c) * bins + b];
      const ImVec2 p0(plot_min.x + cell_w * static_cast<float>(c), plot_max.y - cell_h * static_cast<float>(b + 1));
      const ImVec2 p1(p0.x + cell_w, p0.y + cell_h);
      if (count > 0) {
        const float shade =
            0.15f + 0.85f * std::log1p(static_cast<float>(count)) / std::log1p(static_cast<float>(most));
        draw->AddRectFilled(p0, p1, ImGui::ColorConvertFloat4ToU32(ImVec4(accent.x, accent.y, accent.z, shade)));
        ctx.widgets.record("cell:age:" + std::to_string(c) + ":" + std::to_string(b), ImRect(p0, p1));
      }
      if (c == hovered_col && static_cast<int>(b) == hovered_bin)
        draw->AddRect(p0, p1, palette().notice, 0, 0, std::max(1.0f, ctx.dpr * 1.5f));
    }
  }
  for (size_t b = 0; b < bins; b += std::max<size_t>(1, bins / 4)) {  // a few view ticks
    const std::string tick = with_thousands(a.histogram[b].low);
    const float y = plot_max.y - cell_h * static_cast<float>(b) - ImGui::GetTextLineHeight();
    draw->AddText(ImVec2(plot_min.x - ImGui::CalcTextSize(tick.c_str()).x - em(0.3f), y), palette().text_muted,
                  tick.c_str());
  }
  const std::string right = with_thousands(a.age_columns * a.age_step_days) + tr(Text::axis_age);
  ctx.glyphs.count(right);
  draw->AddText(ImVec2(plot_min.x, plot_max.y + em(0.2f)), palette().text_muted, "0");
  draw->AddText(ImVec2(plot_max.x - ImGui::CalcTextSize(right.c_str()).x, plot_max.y + em(0.2f)), palette().text_muted,
                right.c_str());
  if (hovered_col < 0) return;
  const Analytics::Bin& bin = a.histogram[static_cast<size_t>(hovered_bin)];
  const int64_t count = a.age_grid[static_cast<size_t>(hovered_col) * bins + static_cast<size_t>(hovered_bin)];
  const int64_t young = hovered_col * a.age_step_days, old = (hovered_col + 1) * a.age_step_days;
  tooltip(ctx,
          tr(Text::tooltip_cell, {std::to_string(young), std::to_string(old - 1), with_thousands(bin.low),
                                  with_thousands(bin.high - 1), with_thousands(count)}),
          Text::click_to_filter);
  if (clicked && count > 0) {
    // Ages [young, old) days: published in (as_of - old days, as_of - young days].
    const bool changed_period =
        app.set_period(seoul_day(a.as_of - (old - 1) * 86400 - 86399), seoul_day(a.as_of - young * 86400));
    const bool changed_views = app.set_views(bin.low, bin.high);
    if (changed_period || changed_views) ctx.requests.route_changed = true;
  }
}

// The filters the search bar does not show (author, view range), each removable.
void draw_extra_filters(AppState& app, UiContext& ctx) {
  const ListView& list = app.list();
  bool any = false;
  const auto chip = [&](const std::string& label, const char* name) {
    if (any) ImGui::SameLine();
    any = true;
    return named_button(ctx, (label + "  ×##" + name).c_str(), name);
  };
  if (!list.author.empty() && chip(tr(Text::filter_author, {list.author}), "clear-author") && app.set_author("")) {
    ctx.requests.route_changed = true;
  }
  if (list.views_min) {
    const std::string label =
        list.views_max ? tr(Text::filter_views, {with_thousands(*list.views_min), with_thousands(*list.views_max - 1)})
                       : tr(Text::filter_views_open, {with_thousands(*list.views_min)});
    if (chip(label, "clear-views") && app.set_views(std::nullopt, std::nullopt)) ctx.requests.route_changed = true;
  }
}

// Views gained between the manifest's dated exports, what is rising, and what looks wrong.
void draw_trends(AppState& app, UiContext& ctx) {
  const Trends& t = app.trends();
  const Board& board = app.board();
  section(ctx, Text::chart_trends, "trends");
  if (t.dates.empty()) {
    text_wrapped(ctx, tr(Text::trends_none), palette().text_muted);
    return;
  }
  std::vector<std::string> keys, labels;
  for (size_t i = 1; i < t.dates.size(); ++i) {
    keys.push_back(seoul_day(t.dates[i]));
    labels.push_back(seoul_day(t.dates[i]).substr(2));
  }
  std::vector<int64_t> gains(t.gains.begin(), t.gains.end());
  for (int64_t& g : gains) g = std::max<int64_t>(g, 0);
  vertical_bars(ctx, "trends", gains, nullptr, keys, labels, [&](size_t i) {
    return tr(Text::tooltip_gain, {seoul_day(t.dates[i]), seoul_day(t.dates[i + 1]), with_thousands(t.gains[i])});
  });
  for (const ViewChange& jump : t.jumps) {
    const auto row = board.find(jump.id);
    text_wrapped(ctx, tr(Text::jump_flag, {row ? board.title(*row) : std::string_view("?"), with_thousands(jump.gain)}),
                 palette().notice);
    ctx.widgets.record_last_item("jump:" + std::to_string(jump.id));
  }
  if (!t.down.empty()) text_wrapped(ctx, tr(Text::down_flag, {std::to_string(t.down.size())}), palette().warning);
  if (t.rising.empty()) return;
  section(ctx, Text::chart_rising, "rising");
  std::vector<std::string> names, ids;
  std::vector<int64_t> values;
  for (const Trends::Rising& r : t.rising) {
    names.emplace_back(board.title(r.row));
    ids.push_back(std::to_string(board.id(r.row)));
    values.push_back(r.gain);
  }
  const int hit = horizontal_bars(
      ctx, "rising", names, values, ids,
      [&](size_t i) {
        return tr(Text::tooltip_rising, {names[i], with_thousands(values[i]), decimal(t.rising[i].per_day)});
      },
      Text::click_to_open);
  if (hit >= 0 && app.open(board.id(t.rising[static_cast<size_t>(hit)].row))) {
    ctx.requests.opened(true);  // 목록 goes back here
  }
}

}  // namespace

void draw_analytics(AppState& app, UiContext& ctx) {
  // The search bar may change the result: read the analysis only after it.
  draw_search_bar(app, ctx);
  draw_extra_filters(app, ctx);
  if (ctx.requests.route_changed) return;  // this pass is discarded; the next one draws the new result
  const Analytics& a = app.analytics();
  const Board& board = app.board();

  ImGui::Dummy(ImVec2(0, em(0.3f)));
  text_sized(ctx, tr(Text::analytics_title), 1.3f);
  text(ctx, tr(Text::analytics_scope, {with_thousands(a.articles), format_full_datetime(a.as_of)}),
       palette().text_muted);
  if (named_button(ctx, tr(Text::to_list), "to-list") && app.back_to_list()) {
    ctx.requests.route_changed = true;
    return;
  }
  ImGui::SameLine();
  if (named_button(ctx, tr(Text::csv_articles), "csv:articles")) ctx.requests.download_table = "articles";
  ImGui::Dummy(ImVec2(0, em(0.4f)));
  if (a.articles == 0) {
    text_wrapped(ctx, tr(app.search_pending() ? Text::search_pending : Text::analytics_empty), palette().text_muted);
    return;
  }
  draw_figures(ctx, a);

  section(ctx, Text::chart_months, "months");
  {
    std::vector<int64_t> views, articles;
    std::vector<std::string> keys, labels;
    for (const Analytics::Month& m : a.months) {
      views.push_back(m.views);
      articles.push_back(m.articles);
      keys.push_back(month_key(m));
      labels.push_back(month_key(m).substr(2));  // "23-05", as the board writes years
    }
    text(ctx, std::string(tr(Text::legend_views)) + "   " + tr(Text::legend_articles), palette().text_muted);
    const int hit = vertical_bars(ctx, "months", views, &articles, keys, labels, [&](size_t i) {
      return tr(Text::tooltip_group, {keys[i], with_thousands(articles[i]), with_thousands(views[i])});
    });
    if (hit >= 0 && app.set_period(keys[static_cast<size_t>(hit)], keys[static_cast<size_t>(hit)]))
      ctx.requests.route_changed = true;
  }
  if (ctx.requests.route_changed) return;

  section(ctx, Text::chart_categories, "categories");
  {
    std::vector<std::string> names;
    std::vector<int64_t> views;
    for (const Analytics::Group& g : a.categories) {
      names.push_back(g.name);
      views.push_back(g.views);
    }
    const int hit = horizontal_bars(
        ctx, "category", names, views, names,
        [&](size_t i) {
          return tr(Text::tooltip_group,
                    {names[i], with_thousands(a.categories[i].articles), with_thousands(views[i])});
        },
        Text::click_to_filter);
    if (hit >= 0 && app.set_category(names[static_cast<size_t>(hit)])) ctx.requests.route_changed = true;
  }
  if (ctx.requests.route_changed) return;

  const auto article_bars = [&](Text title, const char* table, const char* chart, const std::vector<uint32_t>& rows,
                                bool by_downloads) {
    section(ctx, title, table);
    std::vector<std::string> names, keys;
    std::vector<int64_t> values, downloads;
    for (const uint32_t row : rows) {
      names.emplace_back(board.title(row));
      keys.push_back(std::to_string(board.id(row)));
      const int64_t total = std::max<int64_t>(0, downloads_of(board, row));
      downloads.push_back(total);
      values.push_back(by_downloads ? total : board.views(row));
    }
    const int hit = horizontal_bars(
        ctx, chart, names, values, keys,
        [&](size_t i) {
          return tr(Text::tooltip_article,
                    {names[i], with_thousands(board.views(rows[i])), with_thousands(downloads[i])});
        },
        Text::click_to_open);
    if (hit >= 0 && app.open(board.id(rows[static_cast<size_t>(hit)]))) {
      ctx.requests.opened(true);  // 목록 goes back here
    }
  };
  article_bars(Text::chart_top, "top", "top", a.top, false);
  if (ctx.requests.route_changed) return;

  section(ctx, Text::chart_views, "views");
  {
    std::vector<int64_t> counts;
    std::vector<std::string> keys, labels;
    for (const Analytics::Bin& bin : a.histogram) {
      counts.push_back(bin.articles);
      keys.push_back(std::to_string(bin.low));
      labels.push_back(with_thousands(bin.low));
    }
    const int hit = vertical_bars(ctx, "views", counts, nullptr, keys, labels, [&](size_t i) {
      const Analytics::Bin& bin = a.histogram[i];
      return tr(Text::tooltip_bin,
                {with_thousands(bin.low), with_thousands(bin.high - 1), with_thousands(bin.articles)});
    });
    if (hit >= 0 && counts[static_cast<size_t>(hit)] > 0 &&
        app.set_views(a.histogram[static_cast<size_t>(hit)].low, a.histogram[static_cast<size_t>(hit)].high)) {
      ctx.requests.route_changed = true;
    }
  }
  if (ctx.requests.route_changed) return;

  section(ctx, Text::chart_age, "age");
  draw_age_grid(app, ctx, a);
  if (ctx.requests.route_changed) return;

  // Authors and tags: a bar per group, a click filters the list by it.
  const auto group_bars = [&](Text title, const char* table, const char* chart,
                              const std::vector<Analytics::Group>& groups, const char* prefix,
                              bool (AppState::*filter)(std::string_view)) {
    section(ctx, title, table);
    std::vector<std::string> names;
    std::vector<int64_t> views;
    for (const Analytics::Group& g : groups) {
      names.push_back(g.name.empty() ? "-" : prefix + g.name);
      views.push_back(g.views);
    }
    const int hit = horizontal_bars(
        ctx, chart, names, views, names,
        [&](size_t i) {
          return tr(Text::tooltip_group, {names[i], with_thousands(groups[i].articles), with_thousands(views[i])});
        },
        Text::click_to_filter);
    if (hit >= 0 && (app.*filter)(groups[static_cast<size_t>(hit)].name)) ctx.requests.route_changed = true;
  };
  group_bars(Text::chart_authors, "authors", "author", a.authors, "", &AppState::set_author);
  if (ctx.requests.route_changed) return;
  if (!a.tags.empty()) group_bars(Text::chart_tags, "tags", "tag", a.tags, "#", &AppState::set_tag);
  if (ctx.requests.route_changed) return;

  if (!a.top_downloads.empty()) article_bars(Text::chart_downloads, "downloads", "downloads", a.top_downloads, true);
  if (ctx.requests.route_changed) return;
  draw_trends(app, ctx);
}

}  // namespace newsroom::ui
