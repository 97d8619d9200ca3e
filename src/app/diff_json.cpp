#include "app/diff_json.h"

#include <optional>
#include <vector>

namespace newsroom {
namespace {

nlohmann::json ids_json(const std::vector<int64_t>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < ids.size() && i < kMaxIdsInDiffJson; ++i) out.push_back(ids[i]);
  return out;
}

}  // namespace

nlohmann::json diff_json(const std::string& previous, const Board& current, const BoardDiff& diff) {
  std::vector<int64_t> edited_ids;
  edited_ids.reserve(diff.edited.size());
  for (const EditedArticle& e : diff.edited) edited_ids.push_back(e.id);
  nlohmann::json views_down = nlohmann::json::array();
  for (size_t i = 0; i < diff.views_down.size() && i < kMaxIdsInDiffJson; ++i) {
    const ViewChange& c = diff.views_down[i];
    views_down.push_back({{"id", c.id}, {"before", c.before}, {"after", c.after}, {"gain", c.gain}});
  }
  nlohmann::json jumps = nlohmann::json::array();
  for (const ViewChange& c : diff.jumps) {
    const std::optional<uint32_t> index = current.find(c.id);
    jumps.push_back({{"id", c.id},
                     {"title", index ? std::string(current.title(*index)) : std::string()},
                     {"before", c.before},
                     {"after", c.after},
                     {"gain", c.gain}});
  }
  const std::optional<double> per_day = diff.views_per_day();
  return {{"previous", previous},
          {"added", diff.added.size()},
          {"removed", diff.removed.size()},
          {"edited", diff.edited.size()},
          {"added_ids", ids_json(diff.added)},
          {"removed_ids", ids_json(diff.removed)},
          {"edited_ids", ids_json(edited_ids)},
          {"common", diff.common},
          {"views_before", diff.views_before},
          {"views_after", diff.views_after},
          {"view_gain", diff.view_gain},
          {"days", diff.elapsed_seconds ? nlohmann::json(static_cast<double>(*diff.elapsed_seconds) / 86400.0)
                                        : nlohmann::json(nullptr)},
          {"views_per_day", per_day ? nlohmann::json(*per_day) : nlohmann::json(nullptr)},
          {"views_down", views_down},
          {"jumps", jumps}};
}

}  // namespace newsroom
