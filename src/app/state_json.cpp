#include "app/state_json.h"

#include <nlohmann/json.hpp>

#include "core/dates.h"

namespace newsroom {
namespace {

nlohmann::json problems_json(const ImportReport& report, size_t max_problems) {
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& p : report.problems) {
    if (problems.size() >= max_problems) break;
    nlohmann::json problem = {{"severity", to_string(p.severity)},
                              {"record", p.record},
                              {"id", p.id},
                              {"field", p.field},
                              {"message", p.message}};
    if (!p.file.empty()) problem["file"] = p.file;
    problems.push_back(std::move(problem));
  }
  return problems;
}

// The problems past the ones listed in full, counted by severity and field.
nlohmann::json unlisted_json(const ImportReport& report) {
  nlohmann::json unlisted = nlohmann::json::array();
  for (const UnlistedProblems& u : report.unlisted) {
    unlisted.push_back({{"severity", to_string(u.severity)}, {"field", u.field}, {"count", u.count}});
  }
  return unlisted;
}

// Views across the manifest's dated exports, or null without them.
nlohmann::json trends_json(const AppState& app) {
  const Trends& t = app.trends();
  if (t.dates.empty()) return nullptr;
  nlohmann::json dates = nlohmann::json::array(), rising = nlohmann::json::array(), jumps = nlohmann::json::array(),
                 down = nlohmann::json::array();
  for (const int64_t date : t.dates) dates.push_back(format_iso_seoul(date));
  for (const Trends::Rising& r : t.rising) rising.push_back({{"id", app.board().id(r.row)}, {"gain", r.gain}});
  for (const ViewChange& j : t.jumps) jumps.push_back({{"id", j.id}, {"gain", j.gain}});
  for (const ViewChange& d : t.down) down.push_back({{"id", d.id}, {"gain", d.gain}});
  return {{"dates", dates}, {"gains", t.gains}, {"rising", rising}, {"jumps", jumps}, {"down", down}};
}

// The analysed result's figures and the numbers of its charts (months in Seoul time).
nlohmann::json analytics_json(const AppState& app) {
  const Analytics& a = app.analytics();
  const Board& board = app.board();
  nlohmann::json by_category = nlohmann::json::object(), by_month = nlohmann::json::object(),
                 articles_by_month = nlohmann::json::object(), by_author = nlohmann::json::object(),
                 by_tag = nlohmann::json::object();
  for (const Analytics::Group& g : a.categories) by_category[g.name] = g.views;
  for (const Analytics::Group& g : a.authors) by_author[g.name] = g.views;
  for (const Analytics::Group& g : a.tags) by_tag[g.name] = {{"views", g.views}, {"articles", g.articles}};
  for (const Analytics::Month& m : a.months) {
    const std::string key = month_key(m);
    by_month[key] = m.views;
    articles_by_month[key] = m.articles;
  }
  nlohmann::json top = nlohmann::json::array(), histogram = nlohmann::json::array();
  for (const uint32_t row : a.top) top.push_back(board.id(row));
  for (const Analytics::Bin& bin : a.histogram) histogram.push_back({bin.low, bin.high, bin.articles});
  return {{"articles", a.articles},
          {"views_total", a.views_total},
          {"views_median", a.views_median},
          {"views_mean", a.views_mean},
          {"views_per_day", a.views_per_day},
          {"as_of", format_iso_seoul(a.as_of)},
          {"views_by_category", by_category},
          {"views_by_month", by_month},
          {"articles_by_month", articles_by_month},
          {"views_by_author", by_author},
          {"views_by_tag", by_tag},
          {"top", top},
          {"histogram", histogram},
          {"downloads_total", a.downloads_total},
          {"link_clicks_total", a.link_clicks_total},
          {"trends", trends_json(app)}};
}

// Text from an export may hold anything; dump() must never fail on it.
std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string state_json(const AppState& app, const FrameFacts& frame) {
  const Board& board = app.board();
  nlohmann::json state;
  state["route"] = route_name(app.route().view);
  state["hash"] = app.hash();
  state["mode"] = frame.mode;
  state["build"] = frame.build;
  state["json_kernel"] = frame.json_kernel;
  const ListView& list = app.list();
  state["query"] = list.q;
  state["filters"] = {{"field", field_name(list.field)},
                      {"categories", list.categories},
                      {"from", list.from},
                      {"to", list.to},
                      {"author", list.author},
                      {"tag", list.tag},
                      {"with_attachments", list.with_attachments},
                      {"pinned_only", list.pinned_only},
                      {"views_min", list.views_min ? nlohmann::json(*list.views_min) : nlohmann::json(nullptr)},
                      {"views_max", list.views_max ? nlohmann::json(*list.views_max) : nlohmann::json(nullptr)},
                      {"sort", sort_name(list.effective_sort())},
                      {"per_page", list.per_page}};
  state["page"] = list.page;
  state["pages"] = app.page_count();
  nlohmann::json fresh = nlohmann::json::array(), hot = nlohmann::json::array();
  for (const int64_t id : frame.drawn_ids) {
    const auto index = board.find(id);
    if (index && app.is_new(*index)) fresh.push_back(id);
    if (index && app.is_hot(*index)) hot.push_back(id);
  }
  state["tooltip"] = frame.tooltip.empty() ? nlohmann::json(nullptr) : nlohmann::json(frame.tooltip);
  state["results"] = {{"total", app.results().size()}, {"ids", frame.drawn_ids},          {"new", fresh}, {"hot", hot},
                      {"cut", frame.cut_ids},          {"scanned", app.results_scanned()}};
  // Facet counts under the current query: per category name and per Seoul year.
  nlohmann::json per_category = nlohmann::json::object();
  const SearchResult& search = app.search();
  for (size_t i = 0; i < search.per_category.size() && i < board.category_names().size(); ++i) {
    per_category[board.category_names()[i]] = search.per_category[i];
  }
  nlohmann::json per_year = nlohmann::json::object();
  for (const auto& [year, count] : search.per_year) per_year[std::to_string(year)] = count;
  // Tags with an article under the current query (its tag filter lifted).
  nlohmann::json per_tag = nlohmann::json::object();
  const TagTable& tags = app.tags();
  for (uint32_t t = 0; t < search.per_tag.size() && t < tags.size(); ++t) {
    if (search.per_tag[t]) per_tag[tags.name(t)] = search.per_tag[t];
  }
  state["facets"] = {{"categories", per_category}, {"years", per_year}, {"tags", per_tag}};
  state["analytics"] = app.route().view == Route::View::analytics ? analytics_json(app) : nlohmann::json(nullptr);
  if (auto index = app.open_article()) {
    nlohmann::json previews = nlohmann::json::array();
    for (const FrameFacts::Preview& p : frame.previews) {
      previews.push_back({{"url", p.url}, {"status", p.status}, {"width", p.width}, {"height", p.height}});
    }
    nlohmann::json article_tags = nlohmann::json::array();
    for (const uint32_t t : app.tags().of(*index)) article_tags.push_back(app.tags().name(t));
    nlohmann::json related = nlohmann::json::array();
    for (const uint32_t row : app.related(*index)) related.push_back(board.id(row));
    state["article"] = {{"id", board.id(*index)},
                        {"title", board.title(*index)},
                        {"tags", article_tags},
                        {"previews", previews},
                        {"related", related}};
  } else {
    state["article"] = nullptr;
  }
  const ImportReport& report = app.report();
  state["data"] = {{"source", report.source},
                   {"format", report.format},
                   {"usable", report.usable},
                   {"articles", board.size()},
                   {"skipped", report.skipped},
                   {"problem_count", report.total_problems()},
                   {"problems", problems_json(report, 100)},
                   {"unlisted", unlisted_json(report)},
                   {"exported_at", board.info.exported_at ? nlohmann::json(format_iso_seoul(*board.info.exported_at))
                                                          : nlohmann::json(nullptr)},
                   {"board_source", app.board_source()},
                   {"showing_previous", app.showing_previous_board()}};
  const LiveStatus& live = frame.live;
  const auto time_or_null = [](int64_t t) { return t ? nlohmann::json(format_iso_seoul(t)) : nlohmann::json(nullptr); };
  state["data"]["live"] = {
      {"poll_seconds", live.poll_seconds},
      {"polls", live.polls},
      {"swaps", live.swaps},
      {"last_checked", time_or_null(live.last_checked)},
      {"last_error", live.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(live.last_error)},
      {"saved_at", time_or_null(live.saved_at)}};
  // A local preview of an export file: the board and report are the file's (source names
  // it), compared with the served export (diff: newsroom-check --json's "diff").
  if (const LocalPreview* preview = frame.local_preview) {
    state["data"]["preview"] = {
        {"file", preview->file},
        {"served", preview->served.empty() ? nlohmann::json(nullptr) : nlohmann::json(preview->served)},
        {"usable", preview->usable},
        {"diff", preview->diff_json}};
  } else {
    state["data"]["preview"] = nullptr;
  }
  const FrameFacts::Image& image = frame.image;
  state["data"]["from_image"] = image.from_image;
  state["data"]["image_saved"] = image.saved;
  state["data"]["image"] = {
      {"bytes", image.bytes},
      {"refused", image.refused.empty() ? nlohmann::json(nullptr) : nlohmann::json(image.refused)},
      {"error", image.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(image.error)}};
  state["gl"] = {{"lost", frame.gl_lost}, {"restored", frame.gl_restored}};
  state["memory"] = {{"heap_bytes", frame.heap_bytes}, {"used_bytes", frame.used_bytes}};
  state["glyphs_missing"] = frame.glyphs_missing;
  state["font_loaded"] = frame.font_loaded;
  state["text_scale"] = frame.text_scale;
  state["theme"] = frame.theme;
  state["lang"] = frame.lang;
  state["frame"] = frame.frame;
  state["drawn"] = frame.drawn;
  state["image_textures"] = frame.image_textures;
  state["load"] = {{"phase", frame.load.phase},
                   {"done", frame.load.done},
                   {"total", frame.load.total},
                   {"articles", frame.load.articles},
                   {"streamed", frame.load.streamed},
                   {"held", frame.load.held},
                   {"streams", frame.load.streams},
                   {"index_progress", app.index() ? 1.0 : app.index_progress()},
                   {"search_pending", app.search_pending()}};
  if (frame.kiosk) {
    const KioskFacts& k = *frame.kiosk;
    state["kiosk"] = {
        {"playing", k.playing},
        {"paused_for", k.paused_for},
        {"idle_in", k.idle_in},
        {"playlist", k.playlist},
        {"playlist_kind", k.playlist_kind},
        {"current", k.current ? nlohmann::json(*k.current) : nlohmann::json(nullptr)},
        {"position", k.position},
        {"progress", k.progress},
        {"rotations", k.rotations},
        {"resets", k.resets},
        {"stale", k.stale},
        {"data_age_hours", k.data_age_hours ? nlohmann::json(*k.data_age_hours) : nlohmann::json(nullptr)},
        {"options",
         {{"rotate", k.rotate}, {"idle", k.idle}, {"scale", k.scale}, {"count", k.count}, {"stale", k.stale_hours}}},
        {"problems", k.problems},
        {"qr", k.qr.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.qr)},
        {"clock_offset", k.clock_offset}};
  } else {
    state["kiosk"] = nullptr;
  }
  return dump(state);
}

std::string report_json(const ImportReport& report, size_t max_problems) {
  const nlohmann::json out = {{"file", report.source},
                              {"format", report.format},
                              {"loaded", report.loaded},
                              {"skipped", report.skipped},
                              {"problem_count", report.total_problems()},
                              {"problems", problems_json(report, max_problems)},
                              {"unlisted", unlisted_json(report)}};
  return dump(out);
}

}  // namespace newsroom
