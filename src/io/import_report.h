// What the importer found wrong in an export, in words the data team understands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace newsroom {

enum class Severity : uint8_t {
  warning,  // handled, nothing lost (duplicate id replaced, unknown value ignored)
  error,    // a value or a whole record could not be used
};

struct Problem {
  Severity severity = Severity::error;
  int64_t record = -1;  // 0-based index of the record in the file; -1: the file as a whole
  std::string id;       // the record's id as written, when it has one
  std::string field;    // "published_at", "source.url", "attachments[1].size", ... or "" for the record
  std::string message;
  std::string file;  // which file of a manifest, when there are several
};

// Problems past the ones listed in full, counted by severity and field ("attachments[].size":
// list indices folded), so that a file with millions of bad records costs a few counters.
struct UnlistedProblems {
  Severity severity = Severity::error;
  std::string field;
  size_t count = 0;
};

struct ImportReport {
  std::string source;  // file name or URL
  std::string format;  // "newsroom-export", "article-array", ...
  size_t loaded = 0;   // articles on the board
  size_t skipped = 0;  // records that could not become articles
  bool usable = true;  // false: nothing could be read (the last good board stays)
  // The first limits::kListedProblems problems in full (a whole-file failure always, first).
  std::vector<Problem> problems;
  std::vector<UnlistedProblems> unlisted;  // the rest, counted
  // Gnuboard columns holding personal data that the file publishes (dropped at import).
  std::set<std::string> personal_columns;

  size_t count(Severity severity) const;  // listed and unlisted
  size_t total_problems() const;          // listed and unlisted
  size_t unlisted_count() const;
  bool clean() const { return problems.empty() && unlisted.empty(); }
  void add(Severity severity, int64_t record, std::string id, std::string field, std::string message);
  void add(Problem problem);
  void fail(std::string message);  // a whole-file failure
  // Takes another report's problems (a manifest's part), each marked with its file.
  void absorb(ImportReport&& part, const std::string& file);
};

// "… and 2,999,000 more: 999,000 errors in id, 999,000 errors in title, …" for the unlisted
// problems; empty when every problem is listed.
std::string unlisted_summary(const ImportReport& report);

const char* to_string(Severity severity);

}  // namespace newsroom
