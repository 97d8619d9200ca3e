// Reading one record (a simdjson DOM object) into an ArticleDraft, field by field, with a
// problem reported for every value that cannot be used. Two dialects: the project's own
// export (and bare arrays, JSON Lines) and Gnuboard5 rows as phpMyAdmin exports them.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/board.h"
#include "io/import_report.h"
#include "io/unreadable_numbers.h"

namespace newsroom {

// A subject cut at a byte limit may end inside a Hangul syllable: the text without that
// broken tail (nor the U+FFFD it became when the record's UTF-8 was repaired).
std::string_view without_broken_tail(std::string_view text);

// "[보도자료] 제목": a title that begins with its category in brackets (the board's habit): the
// category and the rest of the title, both empty when the title has no such prefix.
struct TitlePrefix {
  std::string category, rest;
};
TitlePrefix title_prefix(const std::string& title);
// The category field wins; without one, the title's prefix is the category. The prefix
// leaves the title when it became the category or repeats the field.
void settle_category(std::string_view field_value, TitlePrefix prefix, ArticleDraft& draft);

// Whether an address may stand as it is: shown as a link (http(s), mailto) or a file of
// the site; any other is shown as text, with a warning.
bool usable_address(std::string_view url);

// "the text \"abc\"", "a list", "the number 12.5": how a value is named in a message.
std::string describe(simdjson::dom::element value);

// A date written as text (every shape core/dates.h reads) or as epoch seconds, in UTC seconds.
std::optional<int64_t> date_of(simdjson::dom::element value);

// Views above this are not a count but a broken export (the agency's most read post has
// a few tens of thousands).
inline constexpr int64_t kMaxPlausibleViews = 1'000'000'000;

// A one-line field normalized and kept to limits::kLineChars characters (the first
// kLineChars - 1 and "…"); `cut_from_chars` is the text's length when it was cut, else 0.
std::string limited_line(std::string_view text, size_t& cut_from_chars);
// The same into `out`, whose memory it reuses.
void limited_line(std::string_view text, size_t& cut_from_chars, std::string& out);
// "title is 1,000,000 characters long; the first 999 are kept"
std::string limit_message(const std::string& name, size_t chars);

// A field's name as a problem names it ("title", "tags[3]", "attachments[2].url"), put
// together only when a problem is reported: a clean record's lists build no names. It
// refers to the texts it is made of, which outlive it (keys, literals).
class FieldName {
 public:
  FieldName(const char* name) : head_(name) {}
  FieldName(std::string_view name) : head_(name) {}
  FieldName(const std::string& name) : head_(name) {}
  // An entry of the list this names, and a member of the entry this names.
  FieldName entry(size_t index) const {
    FieldName name = *this;
    name.index_ = index;
    return name;
  }
  FieldName member(std::string_view key) const {
    FieldName name = *this;
    name.member_ = key;
    return name;
  }
  std::string str() const;

 private:
  static constexpr size_t kNoIndex = SIZE_MAX;
  std::string_view head_;
  size_t index_ = kNoIndex;
  std::string_view member_;
};

class RecordReader {
 public:
  // `address_base`: where the file came from; relative attachment addresses are resolved
  // against it (see resolve_address), so that they work from the page.
  RecordReader(simdjson::dom::object record, int64_t index, ImportReport& report, std::string_view address_base = {})
      : record_(record), index_(index), report_(report), address_base_(address_base) {}

  // The project's export: false when the record cannot become an article.
  bool read_article(ArticleDraft& draft);

  // What a Gnuboard5 row turned out to be.
  enum class RowKind { article, comment, secret, unusable };
  RowKind read_gnuboard_row(ArticleDraft& draft);

  const std::string& id_text() const { return id_text_; }

  // Names the numbers too large to read that were blanked in this record, when they are in
  // a field the viewer reads (an unknown field is ignored, whatever it holds).
  void report_blanked_numbers(const BlankedNumbers& blanked);
  // Whether the viewer reads this member of a record (either dialect).
  static bool reads(std::string_view key);

 private:
  void problem(Severity severity, std::string field, std::string message);
  bool field(std::string_view key, simdjson::dom::element& out);

  bool read_id(std::string_view key, int64_t& id);
  bool read_title(std::string_view key, ArticleDraft& draft);
  bool read_published_at(std::string_view key, int64_t& out);
  bool read_integer(std::string_view key, const FieldName& field_name, int64_t& out, int64_t min, int64_t max);
  void read_pinned(bool& pinned);
  // The field's text as the record holds it (valid while the record's parse is), empty
  // when it is missing or not text (a problem says which).
  std::string_view read_string(std::string_view key, const FieldName& field_name);
  std::string read_line(std::string_view key) { return read_line(key, key); }
  std::string read_line(std::string_view key, const FieldName& field_name);
  std::string read_url(simdjson::dom::element value, const FieldName& field_name);
  std::optional<std::string> address(std::string_view text, const FieldName& field_name);
  // A one-line field, normalized and kept to limits::kLineChars characters (then "…").
  std::string line(std::string_view text, const FieldName& field_name);
  // True while a list has room for its `index`th entry; past limits::kListEntries, says once
  // how many entries were left out.
  bool list_has_room(size_t index, size_t size, const FieldName& field_name);
  void read_body(std::string_view key, std::string_view format, ArticleDraft& draft);
  void keep_body_within_limit(std::string_view key, ArticleDraft& draft);
  void read_source(ArticleDraft& draft);
  void read_links(ArticleDraft& draft);
  void read_attachments(ArticleDraft& draft);
  void read_tags(ArticleDraft& draft);

  simdjson::dom::object record_;
  int64_t index_;
  ImportReport& report_;
  std::string_view address_base_;
  std::string id_text_;
  TitlePrefix title_prefix_;  // "[분류] 제목" split by read_title
};

}  // namespace newsroom
