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

struct ImportReport {
  std::string source;  // file name or URL
  std::string format;  // "newsroom-export", "article-array", ...
  size_t loaded = 0;   // articles on the board
  size_t skipped = 0;  // records that could not become articles
  bool usable = true;  // false: nothing could be read (the last good board stays)
  std::vector<Problem> problems;
  // Gnuboard columns holding personal data that the file publishes (dropped at import).
  std::set<std::string> personal_columns;

  size_t count(Severity severity) const;
  void add(Severity severity, int64_t record, std::string id, std::string field, std::string message);
  void fail(std::string message);  // a whole-file failure
};

const char* to_string(Severity severity);

}  // namespace newsroom
