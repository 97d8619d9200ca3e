// The walk over an export's records (io/import_walk.h): what the file is, then each record
// parsed on its own with one reused simdjson parser and handed to the board's builder, a
// problem reported for each one it cannot use.
#include "io/import_walk.h"

#include <algorithm>
#include <optional>

#include "core/dates.h"
#include "core/text.h"
#include "io/json_diagnostics.h"
#include "io/limits.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"

namespace newsroom::import_detail {

using simdjson::dom::element;
using simdjson::dom::object;

// The record parser's own depth limit is the one stated for records.
static_assert(limits::kRecordDepth == simdjson::DEFAULT_MAX_DEPTH);

namespace {

// Moves a line and column (columns count characters) over `text`.
void advance(std::string_view text, size_t& line, size_t& column) {
  for (const char c : text) {
    if (c == '\n') {
      line = 1 + line, column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

}  // namespace

void choose_parser_kernel() {
#if defined(NEWSROOM_WASM_SIMD)
  static const bool chosen = [] {
    const simdjson::implementation* westmere = simdjson::get_available_implementations()["westmere"];
    if (westmere) simdjson::get_active_implementation() = westmere;
    return westmere != nullptr;
  }();
  (void)chosen;
#endif
}

// "byte N (line L, column C)" of a position in the window.
// Counting goes on from the last place asked for (problems come in file order), so a file
// with a bad line every few bytes is counted through once, not once per problem.
std::string Import::where(const ScanError& error) const {
  Place& at = last_place_;
  if (!at.valid || error.offset < at.offset) at = {0, base_line_, base_column_, true};
  advance(text_.substr(at.offset, error.offset - at.offset), at.line, at.column);
  at.offset = error.offset;
  return "byte " + std::to_string(base_ + error.offset) + " (line " + std::to_string(at.line) + ", column " +
         std::to_string(at.column) + ")";
}

size_t Import::needed_from() const {
  switch (stage_) {
    case Stage::detect: return 0;
    case Stage::object: return std::min(position_, outer_.pos);
    case Stage::object_articles:
    case Stage::array: return std::min(position_, list_.pos);
    case Stage::lines: return position_;
    case Stage::done:
    case Stage::failed: return text_.size();
  }
  return 0;
}

void Import::drop_front(size_t count) {
  advance(text_.substr(0, count), base_line_, base_column_);
  base_ += count;
  if (last_place_.offset >= count)
    last_place_.offset -= count;
  else
    last_place_.valid = false;
  // The export's own cursor may point below the window while its articles are read; it
  // is set again before it is read.
  const auto back = [count](size_t& pos) { pos = pos > count ? pos - count : 0; };
  back(position_);
  back(outer_.pos);
  back(list_.pos);
  back(slow_until_);
  text_.remove_prefix(std::min(count, text_.size()));
  scan_ = JsonScanner(text_);
}

bool Import::parse(size_t begin, size_t end, element& out, int64_t record_index) {
  std::string_view bytes = text_.substr(begin, end - begin);
  blanked_ = {};
  if (bytes.size() > limits::kRecordBytes) {
    report_.add(Severity::error, record_index, "", "",
                "the record is " + std::to_string(bytes.size() >> 20) + " MB (" + std::to_string(bytes.size()) +
                    " bytes, from " + where(begin) + "), over the limit of " +
                    std::to_string(limits::kRecordBytes >> 20) + " MB for one record; it is skipped");
    return false;
  }
  // simdjson reads up to SIMDJSON_PADDING bytes past a record: inside the file those
  // bytes exist (their content is ignored), so only the file's tail needs a padded copy.
  const bool needs_copy = end + simdjson::SIMDJSON_PADDING > text_.size();
  auto error = parser_.parse(bytes.data(), bytes.size(), needs_copy).get(out);
  bool repaired = false;
  if (error == simdjson::UTF8_ERROR) {
    // One bad byte costs one character, not the record.
    const size_t bad = find_invalid_utf8(bytes);
    report_.add(
        Severity::warning, record_index, "", "",
        "bytes that are not UTF-8 at byte " + std::to_string(base_ + begin + bad) + " were replaced by \xEF\xBF\xBD");
    repaired_ = sanitize_utf8(bytes);
    repaired = true;
    error = parser_.parse(repaired_.data(), repaired_.size(), true).get(out);
  }
  if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE) {
    // A number no 64-bit reader holds costs that value, not the record (record() names it).
    if (!repaired) repaired_.assign(bytes);
    repaired = true;
    blanked_ = blank_unreadable_numbers(repaired_);
    if (blanked_.count > 0) error = parser_.parse(repaired_.data(), repaired_.size(), true).get(out);
  }
  if (error == simdjson::DEPTH_ERROR) {
    report_.add(Severity::error, record_index, "", "",
                "the record nests lists and objects more than " + std::to_string(limits::kRecordDepth) +
                    " levels deep (from " + where(begin) + "); it is skipped");
    return false;
  }
  if (error != simdjson::SUCCESS) {
    // Named in the bytes the parser last read (a repaired copy has the same offsets).
    const std::string_view parsed = repaired ? std::string_view(repaired_) : bytes;
    const std::string detail = describe_json_failure(parsed, simdjson::error_message(error), base_ + begin);
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
    report_.add(Severity::error, record_index, "", "",
                "the record must be an object, found " + describe(value) + "; it is skipped");
    ++report_.skipped;
    return;
  }
  RecordReader reader(fields, record_index, report_, address_base_);
  ArticleDraft draft;
  bool article = true;
  if (dialect == Dialect::gnuboard) {
    const RecordReader::RowKind kind = reader.read_gnuboard_row(draft);
    if (kind == RecordReader::RowKind::comment) ++comments_;
    if (kind == RecordReader::RowKind::secret) ++secret_;
    if (kind == RecordReader::RowKind::unusable) ++report_.skipped;
    article = kind == RecordReader::RowKind::article;
  } else if (!reader.read_article(draft)) {
    ++report_.skipped;
    article = false;
  }
  reader.report_blanked_numbers(blanked_);
  if (article) add_article(draft, record_index, reader.id_text());
}

void Import::add_article(const ArticleDraft& draft, int64_t record_index, const std::string& id_text) {
  if (builder_.add(draft)) {
    report_.add(Severity::warning, record_index, id_text, "id",
                "id " + id_text + " appears again; this record replaces the earlier one");
  }
  over_budget();
}

// The board may take limits::board_budget() of the file's size (the part that arrived, for
// a streamed file of unknown size); past it the file is refused rather than the page's
// memory exhausted. Checked every few records: the estimate walks no text.
bool Import::over_budget() {
  if (index_ % 256 != 0) return false;
  const size_t file = std::max(size_hint_, base_ + text_.size());
  const size_t budget = limits::board_budget(file);
  const size_t used = builder_.memory_bytes();
  if (used <= budget) return false;
  refused_ = true;
  report_.fail("the file would need more than " + std::to_string(budget >> 20) + " MB of memory for its " +
               std::to_string(file >> 20) + " MB (records so far: " + std::to_string(index_) + "); the limit is " +
               std::to_string(limits::kBoardBytesPerFileByte) + " times the file's size plus " +
               std::to_string(limits::kBoardBytesBase >> 20) + " MB, and at most " +
               std::to_string(limits::kBoardBytesAtMost >> 20) +
               " MB: split the export, or remove records that are empty");
  return true;
}

void Import::read_board_info(element value, BoardInfo& info) {
  std::string_view text;
  object board;
  if (value.get(board) != simdjson::SUCCESS) return;
  // The board's names are one-line fields with the articles' limit.
  const auto line = [this](std::string_view raw, const std::string& name) {
    size_t cut_from = 0;
    std::string out = limited_line(raw, cut_from);
    if (cut_from) report_.add(Severity::warning, -1, "", name, limit_message(name, cut_from));
    return out;
  };
  element part;
  if (board["site"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS)
    info.site = line(text, "board.site");
  if (board["title"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS)
    info.title = line(text, "board.title");
  simdjson::dom::array crumbs;
  if (board["breadcrumb"].get(crumbs) == simdjson::SUCCESS) {
    info.breadcrumb.clear();
    for (element crumb : crumbs) {
      if (info.breadcrumb.size() == limits::kListEntries) break;
      if (crumb.get(text) == simdjson::SUCCESS) info.breadcrumb.push_back(line(text, "board.breadcrumb"));
    }
  }
}

// What the file is: an export object, a list of articles (or phpMyAdmin's), or JSON Lines.
void Import::detect() {
  mark_ = mark();
  const size_t start = scan_.skip_whitespace(0);
  if (start >= text_.size()) {  // the job starts the walk only once a value has begun
    wait();
    return;
  }
  const char first = text_[start];
  if (first == '[') {
    report_.format = "article-array";
    list_ = {start};
    stage_ = Stage::array;
    return;
  }
  if (first != '{') {
    fail(ScanError{start, "'{' or '[' (an export starts with an object or a list)"}, "the file");
    return;
  }
  // An export object names its parts first; otherwise an object followed by another
  // object on a later line is JSON Lines (telling needs the first value's end).
  ScanError error;
  JsonScanner::Cursor peek{start};
  std::string_view key;
  size_t value_begin = 0;
  if (scan_.next_member(peek, key, value_begin, error) &&
      (key == "format" || key == "version" || key == "articles" || key == "board" || key == "exported_at")) {
    outer_ = {start};
    stage_ = Stage::object;
    return;
  }
  if (more_ && error.offset >= text_.size()) {
    wait();
    return;
  }
  error = {};
  const size_t first_end = scan_.skip_value(start, error);
  const size_t next = scan_.skip_whitespace(first_end);
  if ((!error.ok() && error.offset >= text_.size()) || cut_off(next)) {
    if (more_) {
      wait();
      return;
    }
  }
  outer_ = {start};
  stage_ = Stage::object;
  if (!error.ok()) {
    // A broken first line followed by a line that begins with '{': JSON Lines whose first
    // line costs only itself. Otherwise the object's walk reports where it breaks.
    const size_t line_end = text_.find('\n', start);
    const size_t second = next_line_with_object(start);
    // Telling needs the first line's end and the next object line: a streamed file waits.
    if (more_ && (line_end == std::string_view::npos || (error.offset <= line_end && second >= text_.size()))) {
      wait();
      return;
    }
    if (line_end != std::string_view::npos && error.offset <= line_end && second < text_.size()) {
      report_.format = "json-lines";
      position_ = start;
      stage_ = Stage::lines;
    }
    return;
  }
  // (A second value on the first line is that line's mistake when more lines follow.)
  const bool next_line = text_.substr(first_end, next - first_end).find('\n') != std::string_view::npos;
  if (more_ && !next_line && next < text_.size() && text_[next] == '{' && next_line_with_object(next) >= text_.size()) {
    wait();
    return;
  }
  if (next < text_.size() && text_[next] == '{' && (next_line || next_line_with_object(next) < text_.size())) {
    report_.format = "json-lines";
    position_ = start;
    stage_ = Stage::lines;
  }
}

// {"board": {...}, "exported_at": "...", "articles": [...]}, members in any order.
bool Import::object_step(size_t until, BoardInfo& info) {
  ScanError error;
  while (position_ < until) {
    mark_ = mark();
    if (stage_ == Stage::object_articles) {
      if (stretch_here() && stretch(until) > 0) {
        if (refused_) return stop(false);
        continue;
      }
      size_t begin = 0, end = 0;
      if (scan_.next_element(list_, begin, end, error)) {
        if (cut_off(end)) return wait();
        record(begin, end, Dialect::article);
        if (refused_) return stop(false);
        position_ = end;
        continue;
      }
      if (!error.ok()) return fail(error, "the export");
      outer_.pos = position_ = list_.pos;
      stage_ = Stage::object;
      continue;
    }
    std::string_view key;
    size_t value_begin = 0;
    if (!scan_.next_member(outer_, key, value_begin, error)) {
      if (!error.ok()) return fail(error, "the export");
      return object_end();
    }
    if (key == "articles" && value_begin < text_.size() && text_[value_begin] == '[') {
      has_articles_ = true;
      list_ = {value_begin};
      position_ = value_begin;
      stage_ = Stage::object_articles;
      continue;
    }
    const size_t value_end = scan_.skip_value(value_begin, error);
    if (!error.ok()) return fail(error, "the export");
    if (cut_off(value_end)) return wait();
    if (!object_member(key, value_begin, value_end, info)) broken_member_ = true;
    outer_.pos = position_ = value_end;
  }
  return false;
}

// A member other than the articles: the two the viewer reads are checked whole; the others
// are not read at all (an unknown member costs nothing, whatever it holds).
bool Import::object_member(std::string_view key, size_t value_begin, size_t value_end, BoardInfo& info) {
  if (key != "board" && key != "exported_at") return true;
  element value;
  if (!parse(value_begin, value_end, value, -1)) return false;
  if (key == "board") {
    read_board_info(value, info);
  } else if (key == "exported_at") {
    if (const std::optional<int64_t> when = date_of(value)) {
      info.exported_at = when;
    } else if (!value.is_null()) {
      report_.add(Severity::warning, -1, "", "exported_at",
                  "exported_at is not a date, found " + describe(value) + "; the export's age is unknown");
    }
  }
  return true;
}

bool Import::object_end() {
  const size_t rest = scan_.skip_whitespace(outer_.pos);
  if (rest < text_.size()) return fail(ScanError{rest, "nothing after the end of the export"}, "the export");
  if (more_) return wait();  // nothing may follow: known at the file's end
  if (broken_member_) {
    report_.usable = false;  // the member's own problem (with its byte offset) is reported
    return stop(false);
  }
  if (!has_articles_) {
    report_.fail(
        "this is JSON but not an article export: expected an object with an \"articles\" list, a list of "
        "articles, JSON Lines, or a phpMyAdmin export of a Gnuboard table");
    return stop(false);
  }
  report_.format = "newsroom-export";
  return stop(true);
}

// A bare list of articles, or phpMyAdmin's [{"type":"header"}, {"type":"table","data":[rows]}].
bool Import::array_step(size_t until) {
  ScanError error;
  while (position_ < until) {
    mark_ = mark();
    if (index_ > 0 && !phpmyadmin_ && stretch_here() && stretch(until) > 0) {
      if (refused_) return stop(false);
      continue;
    }
    size_t begin = 0, end = 0;
    if (!scan_.next_element(list_, begin, end, error)) {
      if (!error.ok()) return fail(error, "the list of articles");
      const size_t rest = scan_.skip_whitespace(list_.pos);
      if (rest < text_.size())
        return fail(ScanError{rest, "nothing after the end of the list"}, "the list of articles");
      if (more_) return wait();
      if (phpmyadmin_) {
        if (comments_)
          report_.add(Severity::warning, -1, "", "wr_is_comment",
                      std::to_string(comments_) + " comment rows are not articles and were left out");
        if (secret_)
          report_.add(Severity::warning, -1, "", "wr_option",
                      std::to_string(secret_) + " secret posts were left out: they are never shown");
      }
      return stop(true);
    }
    if (cut_off(end)) return wait();
    position_ = end;
    if (index_ == 0 && !phpmyadmin_) {
      // phpMyAdmin's export opens with {"type":"header", ...}.
      element first;
      object fields;
      std::string_view type;
      const std::string_view bytes = text_.substr(begin, end - begin);
      if (parser_.parse(bytes.data(), bytes.size(), true).get(first) == simdjson::SUCCESS &&
          first.get(fields) == simdjson::SUCCESS && fields["type"].get(type) == simdjson::SUCCESS &&
          (type == "header" || type == "database" || type == "table")) {
        phpmyadmin_ = true;
        report_.format = "gnuboard-phpmyadmin";
      }
    }
    if (!phpmyadmin_) {
      record(begin, end, Dialect::article);
      if (refused_) return stop(false);
      continue;
    }
    phpmyadmin_element(begin, error);
    if (refused_) return stop(false);
    if (!error.ok()) return fail(error, "the list of articles");
  }
  return false;
}

// Inside a phpMyAdmin element: only a table's "data" list holds rows (read in one go).
void Import::phpmyadmin_element(size_t begin, ScanError& error) {
  if (text_[begin] != '{') return;
  ScanError inner;
  scan_.members(begin, inner, [&](std::string_view key, size_t value_begin) -> size_t {
    if (key == "data" && text_[value_begin] == '[') {
      return scan_.elements(value_begin, inner, [&](size_t rb, size_t re) {
        if (!refused_) record(rb, re, Dialect::gnuboard);
      });
    }
    return scan_.skip_value(value_begin, inner);
  });
  if (!inner.ok()) error = inner;
}

// One article per line. A line that is not JSON costs only itself: the walk goes on at the
// next line that begins with '{'.
bool Import::lines_step(size_t until) {
  while (position_ < until) {
    mark_ = mark();
    const size_t pos = scan_.skip_whitespace(position_);
    if (pos >= text_.size()) return more_ ? wait() : stop(true);
    ScanError error;
    if (index_ > 0 && !line_start_ && text_.substr(position_, pos - position_).find('\n') == std::string_view::npos) {
      error = ScanError{pos, "a line break before the next article"};
    }
    const size_t end = error.ok() ? scan_.skip_value(pos, error) : pos;
    if (!error.ok()) {
      if (more_ && error.offset >= text_.size()) return wait();  // the rest has not arrived yet
      const size_t next = next_line_with_object(pos);
      if (next >= text_.size() && more_) return wait();
      const int64_t record_index = index_++;
      ++report_.skipped;
      // In file order: where() counts on from the last place it was asked for.
      const std::string from = where(pos), at = where(error);
      report_.add(Severity::error, record_index, "", "",
                  "record " + std::to_string(record_index + 1) + " (from " + from + ") is not valid JSON at " + at +
                      ": expected " + error.expected + "; the line is skipped");
      position_ = next;
      line_start_ = true;
      continue;
    }
    if (cut_off(end)) return wait();
    record(pos, end, Dialect::article);
    if (refused_) return stop(false);
    position_ = end;
    line_start_ = false;
  }
  return false;
}

// Where the next line that begins with '{' (after blanks) begins, or the window's end.
size_t Import::next_line_with_object(size_t from) const {
  size_t pos = from;
  for (;;) {
    const size_t newline = text_.find('\n', pos);
    if (newline == std::string_view::npos) return text_.size();
    pos = newline + 1;
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t' || text_[pos] == '\r')) ++pos;
    if (pos < text_.size() && text_[pos] == '{') return pos;
  }
}

bool Import::step(size_t budget, BoardInfo& info) {
  waiting_ = false;
  if (stage_ == Stage::detect) {
    detect();
    if (waiting_) return false;
  }
  const size_t until = budget >= text_.size() - position_ ? text_.size() + 1 : position_ + budget;
  switch (stage_) {
    case Stage::object:
    case Stage::object_articles: return object_step(until, info);
    case Stage::array: return array_step(until);
    case Stage::lines: return lines_step(until);
    case Stage::detect:
    case Stage::done:
    case Stage::failed: return true;
  }
  return true;
}

Board Import::finish(BoardInfo info) && {
  if (builder_.folded_categories() > 0) {
    report_.add(Severity::warning, -1, "", "category",
                "the file names more than " + with_thousands(BoardBuilder::kMaxCategories - 1) + " categories; " +
                    with_thousands(static_cast<int64_t>(builder_.folded_categories())) +
                    " articles are listed under \"" + BoardBuilder::kMoreCategories + "\"");
  }
  return std::move(builder_).build(std::move(info));
}

}  // namespace newsroom::import_detail
