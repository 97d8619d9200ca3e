#include "io/importer.h"

#include <algorithm>
#include <memory>

#include <simdjson.h>

#include "core/dates.h"
#include "core/text.h"
#include "io/json_diagnostics.h"
#include "io/json_scan.h"
#include "io/limits.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"
#include "io/unreadable_numbers.h"

namespace newsroom {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// The record parser's own depth limit is the one stated for records.
static_assert(limits::kRecordDepth == simdjson::DEFAULT_MAX_DEPTH);

// The first bytes of a file tell its encoding.
constexpr size_t kHeadBytes = 1 << 16;

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

// One import: the shape of the file decides which records are articles; each record is
// parsed on its own with one reused simdjson parser. The walk over the records is a state
// machine, so that a large file can be imported a slice at a time (ImportJob::step).
//
// The walk reads a window of the file: the whole file, or (a streamed import) the part
// that has arrived and is not yet read. Positions are in the window; `base_` is the
// window's offset in the file, so that every byte offset reported is the file's. While
// more of the file may come, an item that reaches the window's end is not read: the walk
// goes back to where that item began and waits (waiting()), so a streamed import reads
// exactly what the import of the whole file reads.
class Import {
 public:
  Import(std::string_view text, ImportReport& report, std::string_view address_base, size_t size_hint)
      : text_(text), scan_(text), report_(report), address_base_(address_base), size_hint_(size_hint) {
    builder_.reserve_text(size_hint - size_hint / 8);  // text is most of an export
  }

  // The part of the file the walk reads from now on (the same bytes at the same place,
  // then more after them), and whether more of the file may still come after it.
  void set_window(std::string_view window, bool more) {
    text_ = window;
    scan_ = JsonScanner(window);
    more_ = more;
  }
  // Where the walk could go back to: the window's bytes before it are no longer needed.
  size_t needed_from() const;
  // The window's first `count` bytes are gone: positions move back by as many.
  void drop_front(size_t count);

  // Walks on until about `budget` bytes further; true once the walk ended (see ok()).
  bool step(size_t budget, BoardInfo& info);
  bool ok() const { return stage_ == Stage::done; }
  bool waiting() const { return waiting_; }
  bool ended() const { return stage_ == Stage::done || stage_ == Stage::failed; }
  size_t position() const { return base_ + position_; }  // in the file
  int64_t records() const { return index_; }
  Board finish(BoardInfo info) && {
    if (builder_.folded_categories() > 0) {
      report_.add(Severity::warning, -1, "", "category",
                  "the file names more than " + with_thousands(BoardBuilder::kMaxCategories - 1) + " categories; " +
                      with_thousands(static_cast<int64_t>(builder_.folded_categories())) + " articles are listed under \"" +
                      BoardBuilder::kMoreCategories + "\"");
    }
    return std::move(builder_).build(std::move(info));
  }

 private:
  enum class Dialect { article, gnuboard };
  enum class Stage { detect, object, object_articles, array, lines, done, failed };

  bool fail(const ScanError& error, const std::string& context) {
    if (more_ && error.offset >= text_.size()) return wait();  // the rest has not arrived yet
    report_.fail(context + ": not valid JSON at " + where(error) + ": expected " + error.expected);
    return stop(false);
  }
  bool stop(bool ok) {
    stage_ = ok ? Stage::done : Stage::failed;
    return true;
  }
  // The walk before the item it is about to read, to go back to when that item is cut off
  // by the window's end.
  struct Mark {
    Stage stage;
    size_t position;
    JsonScanner::Cursor outer, list;
  };
  Mark mark() const { return {stage_, position_, outer_, list_}; }
  bool wait() {
    stage_ = mark_.stage;
    position_ = mark_.position;
    outer_ = mark_.outer;
    list_ = mark_.list;
    waiting_ = true;
    return false;
  }
  // True when an item ending at `end` may go on past the window (more bytes may follow).
  bool cut_off(size_t end) const { return more_ && end >= text_.size(); }
  std::string where(const ScanError& error) const;
  std::string where(size_t offset) const { return where(ScanError{offset, {}}); }
  bool parse(size_t begin, size_t end, element& out, int64_t record);
  void record(size_t begin, size_t end, Dialect dialect);
  bool over_budget();
  size_t next_line_with_object(size_t from) const;
  void detect();
  bool object_step(size_t until, BoardInfo& info);
  bool object_member(std::string_view key, size_t value_begin, size_t value_end, BoardInfo& info);
  bool object_end();
  bool array_step(size_t until);
  void phpmyadmin_element(size_t begin, ScanError& error);
  bool lines_step(size_t until);
  void read_board_info(element value, BoardInfo& info);

  std::string_view text_;
  JsonScanner scan_;
  ImportReport& report_;
  std::string_view address_base_;
  simdjson::dom::parser parser_;
  std::string repaired_;  // a record whose invalid UTF-8 was replaced
  BoardBuilder builder_;
  Stage stage_ = Stage::detect;
  size_t position_ = 0;     // how far the walk got (in the window)
  size_t base_ = 0;         // the window's offset in the file
  size_t base_line_ = 1, base_column_ = 1;  // the line and column at base_
  bool more_ = false;       // more of the file may follow the window
  bool waiting_ = false;    // the walk stopped at the window's end
  Mark mark_{};
  JsonScanner::Cursor outer_, list_;  // the export's members / the list of records
  bool has_articles_ = false, broken_member_ = false, phpmyadmin_ = false;
  int64_t index_ = 0;     // records seen
  size_t comments_ = 0, secret_ = 0;
  size_t size_hint_ = 0;  // the file's size, when known (the memory budget grows with what arrived)
  BlankedNumbers blanked_;  // numbers too large to read in the record being read
  bool refused_ = false;    // the board went past its memory budget
  bool line_start_ = false; // JSON Lines: the walk went on at a line's start after a bad line
};

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

// "byte N (line L, column C)" of a position in the window.
std::string Import::where(const ScanError& error) const {
  size_t line = base_line_, column = base_column_;
  advance(text_.substr(0, error.offset), line, column);
  return "byte " + std::to_string(base_ + error.offset) + " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
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
  // The export's own cursor may point below the window while its articles are read; it
  // is set again before it is read.
  const auto back = [count](size_t& pos) { pos = pos > count ? pos - count : 0; };
  back(position_);
  back(outer_.pos);
  back(list_.pos);
  text_.remove_prefix(std::min(count, text_.size()));
  scan_ = JsonScanner(text_);
}

bool Import::parse(size_t begin, size_t end, element& out, int64_t record_index) {
  std::string_view bytes = text_.substr(begin, end - begin);
  blanked_ = {};
  if (bytes.size() > limits::kRecordBytes) {
    report_.add(Severity::error, record_index, "", "",
                "the record is " + std::to_string(bytes.size() >> 20) + " MB (" + std::to_string(bytes.size()) +
                    " bytes, from " + where(begin) + "), over the limit of " + std::to_string(limits::kRecordBytes >> 20) +
                    " MB for one record; it is skipped");
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
    report_.add(Severity::warning, record_index, "", "",
                "bytes that are not UTF-8 at byte " + std::to_string(base_ + begin + bad) + " were replaced by \xEF\xBF\xBD");
    repaired_ = sanitize_utf8(bytes);
    repaired = true;
    error = parser_.parse(repaired_.data(), repaired_.size(), true).get(out);
  }
  if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE) {
    // A number no 64-bit reader holds costs that value, not the record (record() names it).
    if (!repaired) repaired_.assign(bytes);
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
    const std::string detail = describe_json_failure(bytes, simdjson::error_message(error), base_ + begin);
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
  if (!article) return;
  if (builder_.add(std::move(draft))) {
    report_.add(Severity::warning, record_index, reader.id_text(), "id",
                "id " + reader.id_text() + " appears again; this record replaces the earlier one");
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
               std::to_string(file >> 20) + " MB (records so far: " + std::to_string(index_) +
               "); the limit is " + std::to_string(limits::kBoardBytesPerFileByte) + " times the file's size plus " +
               std::to_string(limits::kBoardBytesBase >> 20) + " MB, and at most " +
               std::to_string(limits::kBoardBytesAtMost >> 20) + " MB: split the export, or remove records that are empty");
  return true;
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
  if (scan_.next_member(peek, key, value_begin, error) && (key == "format" || key == "version" || key == "articles" || key == "board" || key == "exported_at")) {
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
    if (line_end != std::string_view::npos && error.offset <= line_end && second < text_.size()) {
      report_.format = "json-lines";
      position_ = start;
      stage_ = Stage::lines;
    }
    return;
  }
  // (A second value on the first line is that line's mistake when more lines follow.)
  const bool next_line = text_.substr(first_end, next - first_end).find('\n') != std::string_view::npos;
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
    report_.fail("this is JSON but not an article export: expected an object with an \"articles\" list, a list of "
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
    size_t begin = 0, end = 0;
    if (!scan_.next_element(list_, begin, end, error)) {
      if (!error.ok()) return fail(error, "the list of articles");
      const size_t rest = scan_.skip_whitespace(list_.pos);
      if (rest < text_.size()) return fail(ScanError{rest, "nothing after the end of the list"}, "the list of articles");
      if (more_) return wait();
      if (phpmyadmin_) {
        if (comments_) report_.add(Severity::warning, -1, "", "wr_is_comment", std::to_string(comments_) + " comment rows are not articles and were left out");
        if (secret_) report_.add(Severity::warning, -1, "", "wr_option", std::to_string(secret_) + " secret posts were left out: they are never shown");
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
          first.get(fields) == simdjson::SUCCESS &&
          fields["type"].get(type) == simdjson::SUCCESS && (type == "header" || type == "database" || type == "table")) {
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
      report_.add(Severity::error, record_index, "", "",
                  "record " + std::to_string(record_index + 1) + " (from " + where(pos) + ") is not valid JSON at " +
                      where(error) + ": expected " + error.expected + "; the line is skipped");
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

}  // namespace

struct ImportJob::State {
  ImportResult result;
  BoardInfo info;
  std::string address_base;
  std::unique_ptr<Import> import;  // null until the walk starts, and once the file was refused or finished
  size_t total = 0;
  bool done = false;
  // A streamed import: the part of the file given and not yet dropped (the window);
  // `received` counts all the bytes given, `bom` the byte order mark dropped first.
  bool streamed = false, ended = false, bom_checked = false, refused = false;
  std::string window;
  size_t bom = 0, received = 0, expected = 0;
  size_t space_at = 0;  // where input_space() put the room it gave
  // Streamed: the walk waits for an item cut off by the window's end; it is tried again once
  // this many bytes were received (the unread part doubled), so an item of any size is
  // scanned a few times, not once per piece.
  size_t retry_at = 0;

  // The checks made on the file's first bytes (empty, EUC-KR); false when they refused it.
  bool check_head(std::string_view head);
  // Starts the walk over `bytes` (the file, or the start of a streamed one).
  void start(std::string_view bytes, size_t size_hint) {
    import = std::make_unique<Import>(bytes, result.report, address_base, size_hint);
  }
  bool walk_ended() const { return import && import->ended(); }
  // Streamed: starts the walk once the file's first 64 KB (or all of it) arrived, and
  // gives it the window; false while it cannot start yet.
  bool prepare_stream();
};

bool ImportJob::State::check_head(std::string_view bytes) {
  ImportReport& report = result.report;
  if (trim(bytes).empty()) {
    report.fail("the file is empty (" + std::to_string(bytes.size()) +
                " byte(s) of white space, no value at byte 0): expected a JSON export of articles");
    return false;
  }
  // Old boards export EUC-KR/CP949: say so instead of a pile of per-record errors.
  const std::string_view head = bytes.substr(0, kHeadBytes);
  if (find_invalid_utf8(trim_truncated_tail(head)) != std::string_view::npos && looks_like_cp949(head)) {
    report.fail("the file is not UTF-8 (first bad byte at offset " + std::to_string(find_invalid_utf8(head)) +
                "); it looks like EUC-KR/CP949 from an old board: re-export it as UTF-8");
    return false;
  }
  return true;
}

bool ImportJob::State::prepare_stream() {
  if (refused) {
    done = ended;
    return false;
  }
  if (!import) {
    if (!bom_checked) {
      if (window.size() < 3 && !ended) return false;
      if (window.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        window.erase(0, 3);
        bom = 3;
      }
      bom_checked = true;
    }
    // Enough to tell the encoding and see a value begin (white space alone says nothing).
    if (!ended && (window.size() < kHeadBytes || trim(window).empty())) return false;
    if (!check_head(window)) {
      refused = true;
      done = ended;
      window = {};
      return false;
    }
    start(window, expected > bom ? expected - bom : window.size());
  }
  import->set_window(window, !ended);
  return true;
}

ImportJob::ImportJob(std::string_view bytes, std::string source, std::string_view address_base)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  st.result.report.source = std::move(source);
  st.address_base = address_base;
  st.total = bytes.size();
  st.done = true;
  if (bytes.size() > limits::kExportBytes) {
    st.result.report.fail(limits::export_too_large(bytes.size()));
    return;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (!st.check_head(bytes)) return;
  st.start(bytes, bytes.size());
  st.done = false;
}

ImportJob::ImportJob(Streamed streamed, std::string source, std::string_view address_base)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  st.result.report.source = std::move(source);
  st.address_base = address_base;
  st.streamed = true;
  st.expected = streamed.expected_size;
}

ImportJob::~ImportJob() = default;
ImportJob::ImportJob(ImportJob&&) noexcept = default;
ImportJob& ImportJob::operator=(ImportJob&&) noexcept = default;

char* ImportJob::input_space(size_t bytes) {
  State& st = *state_;
  if (st.import && !st.walk_ended()) {
    // Bytes already read go, when they are at least half the window (so each byte is
    // moved at most about once).
    st.import->set_window(st.window, !st.ended);  // the window may have moved since the last step
    const size_t needed = st.import->needed_from();
    if (needed > 0 && needed >= st.window.size() / 2) {
      st.window.erase(0, needed);
      st.import->drop_front(needed);
    }
  } else if (st.walk_ended() || st.refused) {
    st.window.clear();  // a file refused early: the rest is not read
  }
  st.space_at = st.window.size();
  st.window.resize(st.space_at + bytes);
  return st.window.data() + st.space_at;
}

void ImportJob::input_added(size_t bytes) {
  State& st = *state_;
  st.window.resize(std::min(st.window.size(), st.space_at + bytes));
  st.received += bytes;
  if (st.received > limits::kExportBytes && !st.refused) {  // the rest is not read
    st.result.report.fail(limits::export_too_large(st.received));
    st.refused = true;
    st.import.reset();
    st.window = {};
  }
}

void ImportJob::input_ended() {
  State& st = *state_;
  st.ended = true;
  st.total = st.received;
}

bool ImportJob::step(size_t byte_budget) {
  State& st = *state_;
  if (st.done) return true;
  if (st.streamed) {
    if (st.import && st.import->waiting() && !st.ended && st.received < st.retry_at) return false;
    if (!st.walk_ended() && !st.prepare_stream()) return st.done;
    const bool walk_ended = st.walk_ended() || st.import->step(std::max<size_t>(1, byte_budget), st.info);
    if (walk_ended) st.window = {};
    if (!walk_ended && st.import->waiting()) {
      st.retry_at = st.received + (st.window.size() - std::min(st.window.size(), st.import->needed_from()));
    }
    st.done = walk_ended && st.ended;
    return st.done;
  }
  st.done = st.import->step(std::max<size_t>(1, byte_budget), st.info);
  return st.done;
}

bool ImportJob::done() const { return state_->done; }
bool ImportJob::streamed() const { return state_->streamed; }
bool ImportJob::waiting() const {
  const State& st = *state_;
  if (!st.streamed || st.done || st.ended) return false;
  if (!st.import) return st.window.size() < kHeadBytes;  // the walk starts with the file's head
  return st.walk_ended() || st.import->waiting();
}
size_t ImportJob::bytes_buffered() const {
  const State& st = *state_;
  // Bytes the walk waits on (an item not yet whole) are not unread: more must come first.
  if (st.walk_ended() || waiting()) return 0;
  return st.received - std::min(st.received, bytes_read());
}
size_t ImportJob::bytes_held() const { return state_->window.size(); }
size_t ImportJob::bytes_total() const {
  const State& st = *state_;
  if (!st.streamed || st.ended) return st.total;
  return st.expected ? std::max(st.expected, st.received) : 0;  // 0: not known until the end
}
size_t ImportJob::bytes_read() const {
  const State& st = *state_;
  if (st.done) return st.total;
  if (!st.import) return 0;
  if (st.walk_ended()) return st.streamed ? st.received : st.total;
  const size_t read = st.bom + st.import->position();
  return bytes_total() ? std::min(bytes_total(), read) : read;
}
int64_t ImportJob::records_read() const { return state_->import ? state_->import->records() : 0; }
int64_t ImportJob::articles_read() const { return records_read() - state_->result.report.skipped; }

ImportResult ImportJob::finish() && {
  if (state_->streamed && !state_->ended) input_ended();  // what was given is the file
  while (!step(SIZE_MAX)) {
  }
  State& st = *state_;
  ImportReport& report = st.result.report;
  if (!st.import || !st.import->ok()) return std::move(st.result);
  st.result.board = std::move(*st.import).finish(std::move(st.info));
  st.import.reset();
  report.loaded = st.result.board.size();
  if (!report.personal_columns.empty()) {
    std::string names;
    for (const std::string& column : report.personal_columns) names += (names.empty() ? "" : ", ") + column;
    report.add(Severity::warning, -1, "", "", "this file publishes personal data in " + names +
                                                  ": the viewer dropped them, but remove them from the file before publishing it");
  }
  if (report.loaded == 0 && report.skipped > 0) report.usable = false;
  return std::move(st.result);
}

ImportResult import_export(std::string_view bytes, std::string source, std::string_view address_base) {
  return ImportJob(bytes, std::move(source), address_base).finish();
}

}  // namespace newsroom
