#include "io/import_report.h"

#include <algorithm>

#include "core/text.h"
#include "io/limits.h"

namespace newsroom {
namespace {

// "attachments[12].size" -> "attachments[].size": one counter per field, not per entry.
std::string field_kind(std::string_view field) {
  std::string kind;
  kind.reserve(field.size());
  bool in_index = false;
  for (const char c : field) {
    if (c == '[')
      in_index = true;
    else if (c == ']')
      in_index = false;
    else if (in_index)
      continue;
    kind += c;
  }
  return kind;
}

// The counters are few (fields are a fixed set); a file that invents fields past this
// many shares one counter for the rest.
constexpr size_t kUnlistedKinds = 64;

void count_unlisted(std::vector<UnlistedProblems>& unlisted, Severity severity, std::string field, size_t count) {
  const auto same = [&](const UnlistedProblems& u) { return u.severity == severity && u.field == field; };
  auto it = std::find_if(unlisted.begin(), unlisted.end(), same);
  if (it == unlisted.end() && unlisted.size() >= kUnlistedKinds) {
    field = "(other fields)";
    it = std::find_if(unlisted.begin(), unlisted.end(), same);
  }
  if (it == unlisted.end()) {
    unlisted.push_back({severity, std::move(field), count});
  } else {
    it->count += count;
  }
}

}  // namespace

size_t ImportReport::count(Severity severity) const {
  size_t n = static_cast<size_t>(
      std::count_if(problems.begin(), problems.end(), [severity](const Problem& p) { return p.severity == severity; }));
  for (const UnlistedProblems& u : unlisted) {
    if (u.severity == severity) n += u.count;
  }
  return n;
}

size_t ImportReport::unlisted_count() const {
  size_t n = 0;
  for (const UnlistedProblems& u : unlisted) n += u.count;
  return n;
}

size_t ImportReport::total_problems() const { return problems.size() + unlisted_count(); }

void ImportReport::add(Severity severity, int64_t record, std::string id, std::string field, std::string message) {
  add(Problem{severity, record, std::move(id), std::move(field), std::move(message), {}});
}

void ImportReport::add(Problem problem) {
  // A message may quote the file (a parser's "last read"): it is shown and written as UTF-8.
  for (std::string* text : {&problem.id, &problem.field, &problem.message}) {
    if (find_invalid_utf8(*text) != std::string::npos) *text = sanitize_utf8(*text);
  }
  if (problems.size() < limits::kListedProblems) {
    problems.push_back(std::move(problem));
  } else {
    count_unlisted(unlisted, problem.severity,
                   field_kind(problem.field.empty() ? std::string_view("(record)") : problem.field), 1);
  }
}

void ImportReport::fail(std::string message) {
  usable = false;
  // The reason the file could not be used comes first, before any record's problems.
  problems.insert(problems.begin(), Problem{Severity::error, -1, "", "", std::move(message)});
}

void ImportReport::absorb(ImportReport&& part, const std::string& file) {
  for (Problem& p : part.problems) {
    p.file = file;
    add(std::move(p));
  }
  for (UnlistedProblems& u : part.unlisted) count_unlisted(unlisted, u.severity, std::move(u.field), u.count);
  skipped += part.skipped;
  personal_columns.insert(part.personal_columns.begin(), part.personal_columns.end());
}

std::string unlisted_summary(const ImportReport& report) {
  if (report.unlisted.empty()) return {};
  std::vector<UnlistedProblems> kinds = report.unlisted;
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  std::string text = "and " + with_thousands(report.unlisted_count()) + " more problems not listed:";
  const char* separator = " ";
  for (const UnlistedProblems& u : kinds) {
    text += separator + with_thousands(u.count) + " " + to_string(u.severity) + (u.count == 1 ? "" : "s") + " in " +
            u.field;
    separator = ", ";
  }
  return text;
}

std::string limits::export_too_large(size_t bytes) {
  return "the file is " + with_thousands(static_cast<int64_t>(bytes >> 20)) + " MB, over the limit of " +
         std::to_string(kExportBytes >> 20) + " MB for an export: split it into several files listed by a manifest";
}

const char* to_string(Severity severity) { return severity == Severity::warning ? "warning" : "error"; }

}  // namespace newsroom
