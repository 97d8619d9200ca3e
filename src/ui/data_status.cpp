#include <algorithm>

#include "core/dates.h"
#include "core/text.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace newsroom::ui {

float data_status_height() { return ImGui::GetFontSize() * 1.9f; }

namespace {

// A small coloured button of the status bar; the label's "###id" suffix is not drawn.
bool status_button(UiContext& ctx, const std::string& label, ImU32 color, const std::string& name) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.4f), 0));
  ctx.glyphs.count(std::string_view(label).substr(0, label.find("###")));
  const bool pressed = ImGui::SmallButton(label.c_str());
  ctx.widgets.record_last_item(name);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return pressed;
}

// At most `max` ids of a list, "…" after them.
std::string some_ids(const std::vector<int64_t>& ids, size_t max = 20) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < max; ++i) {
    if (i) out += ", ";
    out += std::to_string(ids[i]);
  }
  if (ids.size() > max) out += ", …";
  return out;
}

std::string view_changes(const std::vector<ViewChange>& changes, size_t max = 20) {
  std::string out;
  for (size_t i = 0; i < changes.size() && i < max; ++i) {
    const ViewChange& c = changes[i];
    if (i) out += ", ";
    out += std::to_string(c.id);
    out += " (" + with_thousands(c.before) + " → " + with_thousands(c.after) + ")";
  }
  if (changes.size() > max) out += ", …";
  return out;
}

// The preview bar's two lines: what the file is, and what it changes on the served data.
std::string preview_title(const LocalPreview& preview) { return tr(Text::preview_title, {preview.file}); }
std::string preview_summary(const LocalPreview& preview) {
  if (!preview.usable) return tr(Text::preview_unusable);
  if (!preview.diff) return tr(Text::preview_no_compare);
  const BoardDiff& d = *preview.diff;
  const auto count = [](size_t n) { return std::to_string(n); };
  return tr(Text::preview_summary,
            {count(d.added.size()), count(d.removed.size()), count(d.edited.size()), with_thousands(d.views_before),
             with_thousands(d.views_after), count(d.views_down.size()), count(d.jumps.size())});
}

// The comparison in the report window: which articles, by id.
void draw_preview_report(UiContext& ctx, const LocalPreview& preview) {
  const BoardDiff& d = *preview.diff;
  text(ctx, tr(Text::report_compared, {preview.served}));
  ImGui::Indent(em(1));
  const auto line = [&ctx](Text which, size_t count, const std::string& ids, ImU32 color) {
    text_wrapped(ctx, tr(which, {std::to_string(count), count ? std::string_view(ids) : std::string_view("-")}), color);
  };
  line(Text::report_added, d.added.size(), some_ids(d.added), 0);
  line(Text::report_removed, d.removed.size(), some_ids(d.removed), 0);
  std::string edited;
  for (size_t i = 0; i < d.edited.size() && i < 20; ++i) {
    if (i) edited += ", ";
    edited += std::to_string(d.edited[i].id);
    edited += " (";
    for (size_t f = 0; f < d.edited[i].fields.size(); ++f) {
      if (f) edited += " ";
      edited += d.edited[i].fields[f];
    }
    edited += ")";
  }
  if (d.edited.size() > 20) edited += ", …";
  line(Text::report_edited, d.edited.size(), edited, 0);
  line(Text::report_down, d.views_down.size(), view_changes(d.views_down), d.views_down.empty() ? 0 : palette().notice);
  line(Text::report_jumps, d.jumps.size(), view_changes(d.jumps), d.jumps.empty() ? 0 : palette().warning);
  ImGui::Unindent(em(1));
  ImGui::Separator();
}

}  // namespace

float preview_bar_height(const UiContext& ctx) {
  if (!ctx.preview) return 0;
  const float width = ImGui::GetMainViewport()->Size.x - 2 * em(0.8f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  return 2 * em(0.5f) + ImGui::CalcTextSize(preview_title(*ctx.preview).c_str(), nullptr, false, width).y + spacing +
         ImGui::CalcTextSize(preview_summary(*ctx.preview).c_str(), nullptr, false, width).y + spacing +
         ImGui::GetFrameHeight();
}

void draw_preview_bar(UiContext& ctx) {
  if (!ctx.preview) return;
  const LocalPreview& preview = *ctx.preview;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, preview_bar_height(ctx)));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().highlight);  // the search matches' yellow: it stands out
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.8f), em(0.5f)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("local preview", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushItemWidth(viewport->Size.x - 2 * em(0.8f));
  text_wrapped(ctx, preview_title(preview));
  ctx.widgets.record_last_item("preview-title");
  text_wrapped(ctx, preview_summary(preview));
  ctx.widgets.record_last_item("preview-summary");
  if (named_button(ctx, (std::string(tr(Text::preview_back)) + "##preview-back").c_str(), "preview-back"))
    ctx.requests.preview_back = true;
  ImGui::PopItemWidth();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void draw_data_status(const AppState& app, UiContext& ctx) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float height = data_status_height();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.8f), em(0.45f)));
  ImGui::Begin("data status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);

  const ImportReport& report = app.report();
  const Board& board = app.board();
  const size_t problems = report.total_problems();
  const bool compared = ctx.preview && ctx.preview->diff;  // the report lists the preview's changes too
  const std::string problems_label =
      problems > 0 || report.skipped > 0 || compared
          ? tr(report.usable ? Text::status_problems : Text::status_failed, {std::to_string(problems)}) +
                (report.skipped ? tr(Text::status_skipped, {std::to_string(report.skipped)}) : "")
          : "";
  if (ctx.kiosk.on) {  // a lobby screen says how fresh its data is, and warns when it is not
    draw_kiosk_freshness(ctx);
    if (!ctx.kiosk.problems.empty()) {
      ImGui::SameLine(0, em(1.0f));
      const std::string label = tr(Text::status_options, {std::to_string(ctx.kiosk.problems.size())}) + "###options";
      if (status_button(ctx, label, palette().warning, "kiosk:options")) ImGui::OpenPopup("options");
    }
    if (ImGui::BeginPopup("options")) {
      text(ctx, tr(Text::options_title));
      ImGui::Separator();
      for (const std::string& problem : ctx.kiosk.problems) text_wrapped(ctx, problem, palette().warning);
      ImGui::EndPopup();
    }
  } else {
    // The board's own source: a refused import names itself in the notice below.
    const std::string& source = app.has_board() ? app.board_source() : report.source;
    std::string line = tr(Text::status_source, {source.empty() ? std::string_view("-") : source,
                                                with_thousands(static_cast<int64_t>(board.size()))});
    if (board.info.exported_at) line += tr(Text::status_exported, {format_full_datetime(*board.info.exported_at)});
    // One line on a phone too: it ends in "…" before the problems button rather than running
    // off the screen, and hovering it shows it whole.
    float room = ImGui::GetContentRegionAvail().x;
    if (!problems_label.empty()) {
      room -= ImGui::CalcTextSize(problems_label.c_str()).x + 2 * em(0.4f) + ImGui::GetStyle().ItemSpacing.x;
    }
    room -= ImGui::CalcTextSize(tr(Text::status_pick_file)).x + 2 * em(0.4f) + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushItemWidth(std::max(room, em(4.0f)));
    const bool cut = text_clamped(ctx, line, {}, palette().text_muted, 1);
    ImGui::PopItemWidth();
    ctx.widgets.record_last_item("data-source");
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", line.c_str());
  }

  if (!problems_label.empty()) {
    ImGui::SameLine();
    const std::string label = problems_label + "###problems";
    if (status_button(ctx, label, report.usable ? palette().warning : palette().notice, "data-status")) {
      ImGui::OpenPopup("problems");
    }
  }
  // An export file from the data team's disk, shown as a local preview (never uploaded).
  if (!ctx.kiosk.on) {
    ImGui::SameLine();
    if (status_button(ctx, std::string(tr(Text::status_pick_file)) + "###pick-file", palette().accent,
                      "data-pick-file"))
      ctx.requests.pick_file = true;
  }

  // Live data (web/newsroom.js): a saved copy shown offline, a new export that could not
  // be used, or a check that failed. The board on screen stays in every case.
  const LiveStatus& live = ctx.live;
  if (live.saved_at) {
    ImGui::SameLine();
    text(ctx, tr(Text::status_saved, {format_full_datetime(live.saved_at)}), palette().warning);
    ctx.widgets.record_last_item("data-saved");
  }
  if (ctx.from_image && !ctx.kiosk.on) {
    ImGui::SameLine();
    text(ctx, tr(Text::status_image), palette().text_muted);
    ctx.widgets.record_last_item("data-from-image");
  }
  if (ctx.from_image && !ctx.kiosk.on) {  // the board the visitor sees is a stored one: offer to drop them
    ImGui::SameLine();
    if (status_button(ctx, std::string(tr(Text::status_clear_images)) + "###clear-images", palette().text_muted,
                      "data-clear-images"))
      ctx.requests.clear_images = true;
  }
  if (app.showing_previous_board()) {
    std::string first = report.problems.empty() ? std::string() : report.problems.front().message;
    if (first.size() > 160) first = std::string(trim_truncated_tail(std::string_view(first).substr(0, 160))) + "…";
    ImGui::SameLine();
    text(ctx, tr(Text::status_kept_previous, {report.source, first}), palette().notice);
    ctx.widgets.record_last_item("data-kept-previous");
  } else if (!live.last_error.empty() && !live.saved_at) {
    ImGui::SameLine();
    text(ctx, tr(Text::status_check_failed, {format_full_datetime(live.last_checked), live.last_error}),
         palette().text_muted);
    ctx.widgets.record_last_item("data-check-failed");
  }

  // The full report, for the data team: record, id, field and what is wrong.
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0),
                                      ImVec2(std::min(viewport->Size.x, em(50)), viewport->Size.y * 0.7f));
  if (ImGui::BeginPopup("problems")) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.8f), em(0.8f)));
    if (compared) draw_preview_report(ctx, *ctx.preview);
    text(ctx, tr(Text::report_summary, {report.source, std::to_string(report.loaded), std::to_string(report.skipped),
                                        std::to_string(problems)}));
    ImGui::Separator();
    const size_t shown = std::min<size_t>(report.problems.size(), 500);
    for (size_t i = 0; i < shown; ++i) {
      const Problem& p = report.problems[i];
      std::string where = p.file.empty() ? std::string() : p.file + " · ";
      where +=
          p.record < 0 ? std::string(tr(Text::report_whole_file)) : tr(Text::report_record, {std::to_string(p.record)});
      if (!p.id.empty()) where += " (id " + p.id + ")";
      if (!p.field.empty()) where += " · " + p.field;
      text(ctx, where, p.severity == Severity::error ? palette().notice : palette().warning);
      ImGui::Indent(em(1));
      text_wrapped(ctx, p.message);
      ImGui::Unindent(em(1));
    }
    if (shown < problems) text(ctx, tr(Text::report_more, {std::to_string(problems - shown)}), palette().text_muted);
    ImGui::PopStyleVar();
    ImGui::EndPopup();
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace newsroom::ui
