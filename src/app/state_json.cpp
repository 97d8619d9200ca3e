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
  state["query"] = "";
  state["page"] = app.route().page;
  state["pages"] = app.page_count();
  state["results"] = {{"total", app.results().size()}, {"ids", frame.drawn_ids}};
  if (auto index = app.open_article()) {
    state["article"] = {{"id", board.id(*index)}, {"title", board.title(*index)}};
  } else {
    state["article"] = nullptr;
  }
  const ImportReport& report = app.report();
  state["data"] = {{"source", report.source},
                   {"format", report.format},
                   {"usable", report.usable},
                   {"articles", board.size()},
                   {"skipped", report.skipped},
                   {"problem_count", report.problems.size()},
                   {"problems", problems_json(report, 100)},
                   {"exported_at", board.info.exported_at ? nlohmann::json(format_iso_seoul(*board.info.exported_at))
                                                          : nlohmann::json(nullptr)}};
  state["glyphs_missing"] = frame.glyphs_missing;
  state["font_loaded"] = frame.font_loaded;
  state["frame"] = frame.frame;
  return dump(state);
}

std::string report_json(const ImportReport& report, size_t max_problems) {
  const nlohmann::json out = {{"file", report.source},
                              {"format", report.format},
                              {"loaded", report.loaded},
                              {"skipped", report.skipped},
                              {"problems", problems_json(report, max_problems)}};
  return dump(out);
}

}  // namespace newsroom
