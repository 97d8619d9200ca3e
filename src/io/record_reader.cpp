// RecordReader's two dialects (which keys make an article or a Gnuboard row) and the helpers
// the importer shares with it; the readers of one field each are in record_fields.cpp.
#include "io/record_reader.h"

#include <cstdio>

#include "core/dates.h"
#include "core/text.h"
#include "io/limits.h"
#include "io/text_normalize.h"

namespace newsroom {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string describe(element value) {
  switch (value.type()) {
    case element_type::ARRAY: return "a list";
    case element_type::OBJECT: return "an object";
    case element_type::STRING: {
      std::string_view s;
      if (value.get(s) != simdjson::SUCCESS) return "text";
      const std::string_view shown = trim_truncated_tail(s.substr(0, 40));
      return "the text \"" + sanitize_utf8(shown) + (s.size() > 40 ? "…\"" : "\"");
    }
    case element_type::BOOL: {
      bool flag = false;
      return value.get(flag) == simdjson::SUCCESS && flag ? "true" : "false";
    }
    case element_type::NULL_VALUE: return "null";
    default: {
      double d = 0;
      if (value.get(d) != simdjson::SUCCESS) return "a number";
      char buffer[40];
      std::snprintf(buffer, sizeof buffer, "the number %.15g", d);
      return buffer;
    }
  }
}

void RecordReader::problem(Severity severity, std::string field_name, std::string message) {
  report_.add(severity, index_, id_text_, std::move(field_name), std::move(message));
}

bool RecordReader::field(std::string_view key, element& out) {
  if (record_[key].get(out) != simdjson::SUCCESS) return false;
  return !out.is_null();
}

namespace {

// The fields each dialect reads (read_article, read_gnuboard_row).
constexpr std::string_view kFieldsRead[] = {"id",       "title",      "published_at", "number",      "views",
                                            "pinned",   "category",   "author",       "body_format", "body",
                                            "summary",  "source",     "links",        "attachments", "tags",
                                            "wr_id",    "wr_subject", "wr_datetime",  "wr_num",      "wr_hit",
                                            "ca_name",  "wr_name",    "wr_content",   "wr_option",   "wr_is_comment",
                                            "wr_link1", "wr_link2",   "wr_link1_hit", "wr_link2_hit"};

size_t utf8_chars(std::string_view text) {
  size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// The first `chars` characters of UTF-8 text (never cutting one).
std::string_view first_chars(std::string_view text, size_t chars) {
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars-- == 0) return text.substr(0, i);
  }
  return text;
}

}  // namespace

std::optional<int64_t> date_of(element value) {
  std::string_view text;
  int64_t epoch = 0;
  if (value.get(text) == simdjson::SUCCESS) return parse_date(text);
  if (value.get(epoch) == simdjson::SUCCESS) return parse_date(std::to_string(epoch));
  return std::nullopt;
}

bool RecordReader::reads(std::string_view key) {
  for (const std::string_view field : kFieldsRead) {
    if (field == key) return true;
  }
  return false;
}

void RecordReader::report_blanked_numbers(const BlankedNumbers& blanked) {
  size_t named = 0;
  for (const UnreadableNumber& number : blanked.first) {
    const std::string_view top = std::string_view(number.path).substr(0, number.path.find_first_of(".["));
    if (!reads(top)) continue;
    ++named;
    problem(Severity::error, number.path,
            number.path + " is the number " + number.text + ", too large to read; ignored");
  }
  if (blanked.count > blanked.first.size() && named > 0) {
    problem(Severity::error, "",
            with_thousands(blanked.count - blanked.first.size()) + " more numbers too large to read were ignored");
  }
}

std::string limited_line(std::string_view text, size_t& cut_from_chars) {
  std::string out;
  limited_line(text, cut_from_chars, out);
  return out;
}

void limited_line(std::string_view text, size_t& cut_from_chars, std::string& out) {
  // Normalizing may join characters (decomposed Hangul): read a few times the limit's worth,
  // never the whole of a huge value, and count after.
  cut_from_chars = 0;
  // No more bytes than the limit's characters, and nothing to normalize: kept as it is.
  if (text.size() <= limits::kLineChars && text_detail::already_normal(text, true)) {
    out.assign(text);
    return;
  }
  const std::string_view head = first_chars(text, 4 * limits::kLineChars);
  out = normalize_line(head);
  if (head.size() == text.size() && utf8_chars(out) <= limits::kLineChars) return;
  out.resize(first_chars(out, limits::kLineChars - 1).size());
  out += "\u2026";
  cut_from_chars = utf8_chars(text);
}

std::string limit_message(const std::string& name, size_t chars) {
  return name + " is " + with_thousands(static_cast<int64_t>(chars)) + " characters long; the first " +
         with_thousands(limits::kLineChars - 1) + " are kept";
}

// [SECTION] The project's export ---------------------------------------------------------

bool RecordReader::read_article(ArticleDraft& draft) {
  bool ok = read_id("id", draft.id);
  ok = read_title("title", draft) && ok;
  ok = read_published_at("published_at", draft.published_at) && ok;
  if (!ok) return false;
  read_integer("number", "number", draft.number, 0, INT32_MAX);
  int64_t views = 0;
  if (read_integer("views", "views", views, 0, kMaxPlausibleViews)) draft.views = views;
  read_pinned(draft.pinned);
  settle_category(read_line("category"), std::move(title_prefix_), draft);
  draft.author = read_line("author");
  read_body("body", read_string("body_format", "body_format"), draft);
  draft.summary = read_line("summary");
  read_source(draft);
  read_links(draft);
  read_attachments(draft);
  read_tags(draft);
  return true;
}

// [SECTION] Gnuboard5 rows (every value a string, SQL NULL as null) --------------------

namespace {
// Columns that identify people; never kept, and the checker names them.
constexpr std::string_view kPersonalColumns[] = {"wr_password", "wr_email",         "wr_homepage",    "wr_ip",
                                                 "mb_id",       "wr_facebook_user", "wr_twitter_user"};
}  // namespace

RecordReader::RowKind RecordReader::read_gnuboard_row(ArticleDraft& draft) {
  for (const std::string_view column : kPersonalColumns) {
    element value;
    std::string_view text;
    if (field(column, value) && value.get(text) == simdjson::SUCCESS && !trim(text).empty()) {
      report_.personal_columns.insert(std::string(column));
    }
  }
  const std::string_view is_comment = read_string("wr_is_comment", "wr_is_comment");
  if (is_comment == "1") return RowKind::comment;
  const std::string_view options = read_string("wr_option", "wr_option");
  if (options.find("secret") != std::string_view::npos) return RowKind::secret;

  bool ok = read_id("wr_id", draft.id);
  ok = read_title("wr_subject", draft) && ok;
  ok = read_published_at("wr_datetime", draft.published_at) && ok;
  if (!ok) return RowKind::unusable;
  // wr_num runs negative, newest lowest: the board's 번호 is its magnitude.
  int64_t wr_num = 0;
  if (read_integer("wr_num", "wr_num", wr_num, -INT32_MAX, INT32_MAX)) draft.number = wr_num < 0 ? -wr_num : wr_num;
  int64_t views = 0;
  if (read_integer("wr_hit", "wr_hit", views, 0, kMaxPlausibleViews)) draft.views = views;
  settle_category(read_line("ca_name"), std::move(title_prefix_), draft);
  draft.author = read_line("wr_name");
  const bool html = options.find("html1") != std::string::npos || options.find("html2") != std::string::npos;
  read_body("wr_content", html ? "html" : "text", draft);
  for (int n = 1; n <= 2; ++n) {
    const std::string key = "wr_link" + std::to_string(n);
    element value;
    if (!field(key, value)) continue;
    ArticleDraft::Link link;
    link.url = read_url(value, key);
    if (link.url.empty()) continue;
    int64_t clicks = 0;
    if (read_integer(key + "_hit", key + "_hit", clicks, 0, kMaxPlausibleViews)) link.clicks = clicks;
    draft.links.push_back(std::move(link));
  }
  return RowKind::article;
}

}  // namespace newsroom
