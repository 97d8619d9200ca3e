#include "io/manifest.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "io/text_normalize.h"

namespace newsroom {

std::optional<Manifest> read_manifest(std::string_view bytes, std::string& error) {
  // Cheap test first: exports are large, manifests small and say what they are.
  if (bytes.size() > (1 << 20) || bytes.find("newsroom-manifest") == std::string_view::npos) return std::nullopt;
  const nlohmann::json doc = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != "newsroom-manifest") return std::nullopt;
  Manifest manifest;
  const auto exports = doc.find("exports");
  if (exports == doc.end() || !exports->is_array() || exports->empty()) {
    error = "the manifest has no \"exports\" list of files";
    return manifest;
  }
  for (size_t i = 0; i < exports->size(); ++i) {
    const nlohmann::json& entry = (*exports)[i];
    std::string url;
    if (entry.is_string())
      url = entry.get<std::string>();
    else if (entry.is_object() && entry.contains("url") && entry["url"].is_string())
      url = entry["url"].get<std::string>();
    if (url.empty() || url.find("://") != std::string::npos || url.rfind("//", 0) == 0) {
      error = "exports[" + std::to_string(i) + "] must be a relative file address";
      return manifest;
    }
    manifest.files.push_back(std::move(url));
  }
  return manifest;
}

ImportResult import_parts(const std::vector<ExportPart>& parts, std::string source, std::string_view address_base) {
  ImportResult merged;
  ImportReport& report = merged.report;
  report.source = std::move(source);
  report.format = "newsroom-manifest";
  BoardBuilder builder;
  BoardInfo info;
  bool any_usable = false;
  // While every file read so far says when it was made and each is newer than the last,
  // the files are snapshots of one board: a newer copy of an article is expected, not
  // worth a warning.
  bool snapshot_series = true;  // the first kListedCopies replacements named, then one summary line
  constexpr size_t kListedCopies = 10;
  int64_t newest_so_far = INT64_MIN;
  for (const ExportPart& part : parts) {
    if (!part.fetch_error.empty()) {
      report.add({Severity::error, -1, "", "", "the file could not be fetched: " + part.fetch_error, part.name});
      continue;
    }
    const std::string part_address = address_base.empty() ? std::string() : resolve_address(address_base, part.name);
    ImportResult one = import_export(part.bytes, part.name, part_address);
    const bool usable = one.report.usable;
    report.absorb(std::move(one.report), part.name);
    if (!usable) continue;
    const std::optional<int64_t> made = one.board.info.exported_at;
    snapshot_series = snapshot_series && made && *made > newest_so_far;
    if (made) newest_so_far = std::max(newest_so_far, *made);
    if (made) {
      Snapshot snapshot{part.name, *one.board.info.exported_at, {}};
      snapshot.views.reserve(one.board.size());
      for (uint32_t row = 0; row < one.board.size(); ++row)
        snapshot.views.emplace_back(one.board.id(row), one.board.views(row));
      std::sort(snapshot.views.begin(), snapshot.views.end());
      merged.snapshots.push_back(std::move(snapshot));
    }
    if (!any_usable) info = one.board.info;
    if (one.board.info.exported_at && (!info.exported_at || *one.board.info.exported_at > *info.exported_at)) {
      info.exported_at = one.board.info.exported_at;
    }
    any_usable = true;
    size_t newer_copies = 0;
    for (uint32_t row = 0; row < one.board.size(); ++row) {
      if (!builder.add(one.board.draft(row))) continue;
      if (snapshot_series && ++newer_copies > kListedCopies) continue;
      report.add({Severity::warning, row, std::to_string(one.board.id(row)), "id",
                  "id " + std::to_string(one.board.id(row)) + " is also in an earlier file; this one replaces it",
                  part.name});
    }
    if (newer_copies > kListedCopies) {  // one line for the rest of a snapshot, not one per article
      report.add({Severity::warning, -1, "", "",
                  std::to_string(newer_copies - kListedCopies) +
                      " more article(s) are also in an earlier, older export; this newer export replaces them",
                  part.name});
    }
  }
  merged.board = std::move(builder).build(std::move(info));
  report.loaded = merged.board.size();
  std::stable_sort(merged.snapshots.begin(), merged.snapshots.end(),
                   [](const Snapshot& a, const Snapshot& b) { return a.exported_at < b.exported_at; });
  if (merged.snapshots.size() < 2) merged.snapshots.clear();
  report.usable = any_usable;
  if (!any_usable) report.fail("none of the " + std::to_string(parts.size()) + " files of the manifest could be read");
  return merged;
}

}  // namespace newsroom
