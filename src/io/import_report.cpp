#include "io/import_report.h"

#include <algorithm>

namespace newsroom {

size_t ImportReport::count(Severity severity) const {
  return static_cast<size_t>(std::count_if(problems.begin(), problems.end(),
                                           [severity](const Problem& p) { return p.severity == severity; }));
}

void ImportReport::add(Severity severity, int64_t record, std::string id, std::string field, std::string message) {
  problems.push_back({severity, record, std::move(id), std::move(field), std::move(message)});
}

void ImportReport::fail(std::string message) {
  usable = false;
  // The reason the file could not be used comes first, before any record's problems.
  problems.insert(problems.begin(), Problem{Severity::error, -1, "", "", std::move(message)});
}

const char* to_string(Severity severity) { return severity == Severity::warning ? "warning" : "error"; }

}  // namespace newsroom
