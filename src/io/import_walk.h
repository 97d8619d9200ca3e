// The walk over an export's records, one dialect at a time: an export object, a bare list
// of articles, phpMyAdmin's export of a Gnuboard table, JSON Lines. Only io/importer.cpp
// includes this: ImportJob owns the walk and hands it the file, whole or as it arrives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "core/board.h"
#include "io/import_report.h"
#include "io/json_scan.h"
#include "io/unreadable_numbers.h"

namespace newsroom::import_detail {

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
// simdjson's kernel for this build, chosen once: the SIMD web build carries only westmere
// (on wasm SIMD's SSE emulation), which simdjson's CPU detection, made for x86, would not
// pick. Other builds keep simdjson's own choice.
void choose_parser_kernel();

class Import {
 public:
  Import(std::string_view text, ImportReport& report, std::string_view address_base, size_t size_hint)
      : text_(text), scan_(text), report_(report), address_base_(address_base), size_hint_(size_hint) {
    builder_.reserve_text(size_hint - size_hint / 8);  // text is most of an export
    choose_parser_kernel();
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
  int64_t records_in_stretches() const { return quick_; }
  Board finish(BoardInfo info) &&;  // the board, once ok()

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
  bool parse(size_t begin, size_t end, simdjson::dom::element& out, int64_t record);
  void record(size_t begin, size_t end, Dialect dialect);
  void add_article(const ArticleDraft& draft, int64_t record_index, const std::string& id_text);
  // Reads on in the list of articles (list_) from a stretch of up to a megabyte in one simdjson
  // On-Demand pass (import_stretch.cpp); the records it took, 0 when the careful walk must
  // read the next one. Each record is read as record() reads it: the same board and report.
  size_t stretch(size_t until);
  bool stretch_here() const;
  bool over_budget();
  size_t next_line_with_object(size_t from) const;
  void detect();
  bool object_step(size_t until, BoardInfo& info);
  bool object_member(std::string_view key, size_t value_begin, size_t value_end, BoardInfo& info);
  bool object_end();
  bool array_step(size_t until);
  void phpmyadmin_element(size_t begin, ScanError& error);
  bool lines_step(size_t until);
  void read_board_info(simdjson::dom::element value, BoardInfo& info);

  std::string_view text_;
  JsonScanner scan_;
  ImportReport& report_;
  std::string_view address_base_;
  simdjson::dom::parser parser_;
  std::string repaired_;  // a record whose invalid UTF-8 was replaced
  BoardBuilder builder_;
  Stage stage_ = Stage::detect;
  size_t position_ = 0;                     // how far the walk got (in the window)
  size_t base_ = 0;                         // the window's offset in the file
  size_t base_line_ = 1, base_column_ = 1;  // the line and column at base_
  struct Place {
    size_t offset = 0, line = 1, column = 1;  // in the window; line and column in the file
    bool valid = false;
  };
  mutable Place last_place_;  // the last place where() counted to
  bool more_ = false;         // more of the file may follow the window
  bool waiting_ = false;      // the walk stopped at the window's end
  Mark mark_{};
  JsonScanner::Cursor outer_, list_;  // the export's members / the list of records
  bool has_articles_ = false, broken_member_ = false, phpmyadmin_ = false;
  int64_t index_ = 0;  // records seen
  size_t comments_ = 0, secret_ = 0;
  size_t size_hint_ = 0;     // the file's size, when known (the memory budget grows with what arrived)
  BlankedNumbers blanked_;   // numbers too large to read in the record being read
  bool refused_ = false;     // the board went past its memory budget
  bool line_start_ = false;  // JSON Lines: the walk went on at a line's start after a bad line
  // Stretches: the On-Demand parser and its copy of the stretch (a list of the records, padded);
  // after a stretch the pass could not read, the careful walk reads up to its end.
  simdjson::ondemand::parser stretch_parser_;
  std::string stretch_text_;
  size_t slow_until_ = 0;
  int64_t quick_ = 0;  // records the one-pass reader took
};

}  // namespace newsroom::import_detail
