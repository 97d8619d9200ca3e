#include "io/importer.h"

#include <simdjson.h>

#include "core/dates.h"
#include "core/text.h"
#include "io/json_diagnostics.h"
#include "io/json_scan.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"

namespace newsroom {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Bytes that are not UTF-8 but pair up as EUC-KR / CP949 Hangul (lead 0x81-0xFE, trail 0x41-0xFE).
bool looks_like_cp949(std::string_view bytes) {
  size_t pairs = 0, high = 0;
  for (size_t i = 0; i + 1 < bytes.size() && high < 4096; ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) continue;
    ++high;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    if (lead >= 0x81 && lead <= 0xFE && trail >= 0x41 && trail <= 0xFE) {
      ++pairs;
      ++i;
    }
  }
  return high >= 8 && pairs * 10 >= high * 9;  // a few stray bytes are not an encoding
}

std::string where(const ScanError& error, std::string_view text) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < error.offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      line = 1 + line, column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "byte " + std::to_string(error.offset) + " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
}

// One import: the shape of the file decides which records are articles; each record is
// parsed on its own with one reused simdjson parser.
class Import {
 public:
  Import(std::string_view text, ImportReport& report, std::string_view address_base)
      : text_(text), scan_(text), report_(report), address_base_(address_base) {
    builder_.reserve_text(text.size() - text.size() / 8);  // text is most of an export
  }

  bool run(BoardInfo& info);
  Board finish(BoardInfo info) && { return std::move(builder_).build(std::move(info)); }

 private:
  enum class Dialect { article, gnuboard };

  bool fail(const ScanError& error, const std::string& context) {
    report_.fail(context + ": not valid JSON at " + where(error, text_) + ": expected " + error.expected);
    return false;
  }
  bool parse(size_t begin, size_t end, element& out, int64_t record);
  void record(size_t begin, size_t end, Dialect dialect);
  bool canonical_object(size_t begin, BoardInfo& info);
  bool top_level_array(size_t begin);
  bool json_lines(size_t first_end);
  void read_board_info(element value, BoardInfo& info);

  std::string_view text_;
  JsonScanner scan_;
  ImportReport& report_;
  std::string_view address_base_;
  simdjson::dom::parser parser_;
  std::string repaired_;  // a record whose invalid UTF-8 was replaced
  BoardBuilder builder_;
  int64_t index_ = 0;     // records seen
  size_t comments_ = 0, secret_ = 0;
};

bool Import::parse(size_t begin, size_t end, element& out, int64_t record_index) {
  std::string_view bytes = text_.substr(begin, end - begin);
  // simdjson reads up to SIMDJSON_PADDING bytes past a record: inside the file those
  // bytes exist (their content is ignored), so only the file's tail needs a padded copy.
  const bool needs_copy = end + simdjson::SIMDJSON_PADDING > text_.size();
  auto error = parser_.parse(bytes.data(), bytes.size(), needs_copy).get(out);
  if (error == simdjson::UTF8_ERROR) {
    // One bad byte costs one character, not the record.
    const size_t bad = find_invalid_utf8(bytes);
    report_.add(Severity::warning, record_index, "", "",
                "bytes that are not UTF-8 at byte " + std::to_string(begin + bad) + " were replaced by \xEF\xBF\xBD");
    repaired_ = sanitize_utf8(bytes);
    error = parser_.parse(repaired_.data(), repaired_.size(), true).get(out);
  }
  if (error != simdjson::SUCCESS) {
    const std::string detail = describe_json_failure(bytes, simdjson::error_message(error), begin);
    report_.add(Severity::error, record_index, "", "", "the record is " + detail + "; it is skipped");
    return false;
  }
  return true;
}

void Import::record(size_t begin, size_t end, Dialect dialect) {
  const int64_t record_index = index_++;
  element value;
  object fields;
  if (!parse(begin, end, value, record_index)) {
    ++report_.skipped;
    return;
  }
  if (value.get(fields) != simdjson::SUCCESS) {
    report_.add(Severity::error, record_index, "", "", "the record must be an object, found " + describe(value) + "; it is skipped");
    ++report_.skipped;
    return;
  }
  RecordReader reader(fields, record_index, report_, address_base_);
  ArticleDraft draft;
  if (dialect == Dialect::gnuboard) {
    switch (reader.read_gnuboard_row(draft)) {
      case RecordReader::RowKind::comment: ++comments_; return;
      case RecordReader::RowKind::secret: ++secret_; return;
      case RecordReader::RowKind::unusable: ++report_.skipped; return;
      case RecordReader::RowKind::article: break;
    }
  } else if (!reader.read_article(draft)) {
    ++report_.skipped;
    return;
  }
  if (builder_.add(std::move(draft))) {
    report_.add(Severity::warning, record_index, reader.id_text(), "id",
                "id " + reader.id_text() + " appears again; this record replaces the earlier one");
  }
}

void Import::read_board_info(element value, BoardInfo& info) {
  std::string_view text;
  object board;
  if (value.get(board) != simdjson::SUCCESS) return;
  element part;
  if (board["site"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS) info.site = normalize_line(text);
  if (board["title"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS) info.title = normalize_line(text);
  simdjson::dom::array crumbs;
  if (board["breadcrumb"].get(crumbs) == simdjson::SUCCESS) {
    info.breadcrumb.clear();
    for (element crumb : crumbs) {
      if (crumb.get(text) == simdjson::SUCCESS) info.breadcrumb.push_back(normalize_line(text));
    }
  }
}

// {"board": {...}, "exported_at": "...", "articles": [...]}, members in any order.
bool Import::canonical_object(size_t begin, BoardInfo& info) {
  ScanError error;
  bool has_articles = false;
  bool broken_member = false;
  const size_t end = scan_.members(begin, error, [&](std::string_view key, size_t value_begin) -> size_t {
    if (key == "articles" && value_begin < text_.size() && text_[value_begin] == '[') {
      has_articles = true;
      return scan_.elements(value_begin, error, [&](size_t b, size_t e) { record(b, e, Dialect::article); });
    }
    const size_t value_end = scan_.skip_value(value_begin, error);
    if (!error.ok()) return value_end;
    element value;
    if (!parse(value_begin, value_end, value, -1)) {  // small members are checked whole
      broken_member = true;
      return value_end;
    }
    if (key == "board") {
      read_board_info(value, info);
    } else if (key == "exported_at") {
      std::string_view text;
      int64_t epoch = 0;
      std::optional<int64_t> when;
      if (value.get(text) == simdjson::SUCCESS) when = parse_date(text);
      else if (value.get(epoch) == simdjson::SUCCESS) when = parse_date(std::to_string(epoch));
      if (when) {
        info.exported_at = when;
      } else if (!value.is_null()) {
        report_.add(Severity::warning, -1, "", "exported_at",
                    "exported_at is not a date, found " + describe(value) + "; the export's age is unknown");
      }
    }
    return value_end;
  });
  if (!error.ok()) return fail(error, "the export");
  if (scan_.skip_whitespace(end) < text_.size()) {
    return fail(ScanError{scan_.skip_whitespace(end), "nothing after the end of the export"}, "the export");
  }
  if (broken_member) {
    report_.usable = false;  // the member's own problem (with its byte offset) is reported
    return false;
  }
  if (!has_articles) {
    report_.fail("this is JSON but not an article export: expected an object with an \"articles\" list, a list of "
                 "articles, JSON Lines, or a phpMyAdmin export of a Gnuboard table");
    return false;
  }
  report_.format = "newsroom-export";
  return true;
}

// A bare list of articles, or phpMyAdmin's [{"type":"header"}, {"type":"table","data":[rows]}].
bool Import::top_level_array(size_t begin) {
  ScanError error;
  bool phpmyadmin = false;
  report_.format = "article-array";
  const size_t end = scan_.elements(begin, error, [&](size_t b, size_t e) {
    if (index_ == 0 && !phpmyadmin) {
      // phpMyAdmin's export opens with {"type":"header", ...}.
      element first;
      object fields;
      std::string_view type;
      const std::string_view bytes = text_.substr(b, e - b);
      if (parser_.parse(bytes.data(), bytes.size(), true).get(first) == simdjson::SUCCESS &&
          first.get(fields) == simdjson::SUCCESS &&
          fields["type"].get(type) == simdjson::SUCCESS && (type == "header" || type == "database" || type == "table")) {
        phpmyadmin = true;
        report_.format = "gnuboard-phpmyadmin";
      }
    }
    if (!phpmyadmin) {
      record(b, e, Dialect::article);
      return;
    }
    // Inside a phpMyAdmin element: only a table's "data" list holds rows.
    ScanError inner;
    if (text_[b] != '{') return;
    scan_.members(b, inner, [&](std::string_view key, size_t value_begin) -> size_t {
      if (key == "data" && text_[value_begin] == '[') {
        return scan_.elements(value_begin, inner, [&](size_t rb, size_t re) { record(rb, re, Dialect::gnuboard); });
      }
      return scan_.skip_value(value_begin, inner);
    });
    if (!inner.ok() && error.ok()) error = inner;
  });
  if (!error.ok()) return fail(error, "the list of articles");
  const size_t rest = scan_.skip_whitespace(end);
  if (rest < text_.size()) return fail(ScanError{rest, "nothing after the end of the list"}, "the list of articles");
  if (phpmyadmin) {
    if (comments_) report_.add(Severity::warning, -1, "", "wr_is_comment", std::to_string(comments_) + " comment rows are not articles and were left out");
    if (secret_) report_.add(Severity::warning, -1, "", "wr_option", std::to_string(secret_) + " secret posts were left out: they are never shown");
  }
  return true;
}

// One article per line. `first_end` is where the first value ended.
bool Import::json_lines(size_t first_end) {
  report_.format = "json-lines";
  size_t pos = 0;
  (void)first_end;
  while (true) {
    pos = scan_.skip_whitespace(pos);
    if (pos >= text_.size()) return true;
    ScanError error;
    const size_t end = scan_.skip_value(pos, error);
    if (!error.ok()) return fail(error, "line " + std::to_string(index_ + 1));
    record(pos, end, Dialect::article);
    const size_t next = scan_.skip_whitespace(end);
    if (next < text_.size() && text_.substr(end, next - end).find('\n') == std::string_view::npos) {
      return fail(ScanError{next, "a line break before the next article"}, "line " + std::to_string(index_));
    }
    pos = next;
  }
}

bool Import::run(BoardInfo& info) {
  const size_t start = scan_.skip_whitespace(0);
  const char first = text_[start];
  if (first == '[') return top_level_array(start);
  if (first != '{') {
    return fail(ScanError{start, "'{' or '[' (an export starts with an object or a list)"}, "the file");
  }
  // An object followed by another object on a later line is JSON Lines.
  ScanError error;
  const size_t first_end = scan_.skip_value(start, error);
  if (error.ok()) {
    const size_t next = scan_.skip_whitespace(first_end);
    if (next < text_.size() && text_[next] == '{' && text_.substr(first_end, next - first_end).find('\n') != std::string_view::npos) {
      return json_lines(first_end);
    }
  }
  return canonical_object(start, info);
}

}  // namespace

ImportResult import_export(std::string_view bytes, std::string source, std::string_view address_base) {
  ImportResult result;
  ImportReport& report = result.report;
  report.source = std::move(source);

  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (trim(bytes).empty()) {
    report.fail("the file is empty (" + std::to_string(bytes.size()) +
                " byte(s) of white space, no value at byte 0): expected a JSON export of articles");
    return result;
  }
  // Old boards export EUC-KR/CP949: say so instead of a pile of per-record errors.
  const std::string_view head = bytes.substr(0, 1 << 16);
  if (find_invalid_utf8(trim_truncated_tail(head)) != std::string_view::npos && looks_like_cp949(head)) {
    report.fail("the file is not UTF-8 (first bad byte at offset " + std::to_string(find_invalid_utf8(head)) +
                "); it looks like EUC-KR/CP949 from an old board: re-export it as UTF-8");
    return result;
  }

  BoardInfo info;
  Import import(bytes, report, address_base);
  if (!import.run(info)) return result;
  result.board = std::move(import).finish(std::move(info));
  report.loaded = result.board.size();
  if (!report.personal_columns.empty()) {
    std::string names;
    for (const std::string& column : report.personal_columns) names += (names.empty() ? "" : ", ") + column;
    report.add(Severity::warning, -1, "", "", "this file publishes personal data in " + names +
                                                  ": the viewer dropped them, but remove them from the file before publishing it");
  }
  if (report.loaded == 0 && report.skipped > 0) report.usable = false;
  return result;
}

}  // namespace newsroom
