#include "io/importer.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <simdjson.h>

#include "core/dates.h"
#include "core/text.h"
#include "io/json_diagnostics.h"
#include "io/text_normalize.h"

namespace newsroom {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// Views above this are not a count but a broken export (the agency's most read post has
// a few tens of thousands).
constexpr int64_t kMaxPlausibleViews = 1'000'000'000;

std::string describe(element value) {
  switch (value.type()) {
    case element_type::ARRAY: return "a list";
    case element_type::OBJECT: return "an object";
    case element_type::STRING: {
      std::string_view s;
      if (value.get(s) != simdjson::SUCCESS) return "text";
      std::string shown(s.substr(0, 40));
      return "the text \"" + sanitize_utf8(trim_truncated_tail(shown)) + (s.size() > 40 ? "…\"" : "\"");
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

// Reads one article record, reporting each field it cannot use.
class RecordReader {
 public:
  RecordReader(object record, int64_t index, ImportReport& report) : record_(record), index_(index), report_(report) {}

  // Returns false when the record cannot become an article (it is then counted as skipped).
  bool read(ArticleDraft& draft) {
    bool ok = read_id(draft.id);
    ok = read_title(draft) && ok;
    ok = read_published_at(draft.published_at) && ok;
    if (!ok) return false;
    read_integer("number", draft.number, 0, INT32_MAX);
    read_views(draft.views);
    read_pinned(draft.pinned);
    draft.category = read_line("category");
    if (draft.category.empty()) draft.category = category_from_title(draft.title);
    if (draft.category.empty()) draft.category = "미분류";
    draft.author = read_line("author");
    draft.body = read_body();
    draft.summary = read_line("summary");
    read_source(draft);
    read_links(draft);
    read_attachments(draft);
    read_tags(draft);
    return true;
  }

  const std::string& id_text() const { return id_text_; }

 private:
  void problem(Severity severity, std::string field, std::string message) {
    report_.add(severity, index_, id_text_, std::move(field), std::move(message));
  }

  bool field(std::string_view key, element& out) {
    if (record_[key].get(out) != simdjson::SUCCESS) return false;
    return !out.is_null();
  }

  bool read_id(int64_t& id) {
    element value;
    if (!field("id", value)) {
      problem(Severity::error, "id", "the record has no id; it is skipped");
      return false;
    }
    std::string_view text;
    if (value.get(id) == simdjson::SUCCESS) {
      id_text_ = std::to_string(id);
    } else if (value.get(text) == simdjson::SUCCESS && !text.empty() && text.size() < 19 &&
               text.find_first_not_of("0123456789") == std::string_view::npos) {
      id = std::stoll(std::string(text));
      id_text_ = std::string(text);
    } else {
      problem(Severity::error, "id", "id must be a whole number, found " + describe(value) + "; the record is skipped");
      return false;
    }
    if (id <= 0) {
      problem(Severity::error, "id", "id must be positive, found " + id_text_ + "; the record is skipped");
      return false;
    }
    return true;
  }

  bool read_title(ArticleDraft& draft) {
    element value;
    std::string_view text;
    if (!field("title", value)) {
      problem(Severity::error, "title", "the record has no title; it is skipped");
      return false;
    }
    if (value.get(text) != simdjson::SUCCESS) {
      problem(Severity::error, "title", "title must be text, found " + describe(value) + "; the record is skipped");
      return false;
    }
    draft.title = normalize_line(trim_truncated_tail(text));
    if (draft.title.empty()) {
      problem(Severity::error, "title", "title is empty; the record is skipped");
      return false;
    }
    return true;
  }

  bool read_published_at(int64_t& out) {
    element value;
    if (!field("published_at", value)) {
      problem(Severity::error, "published_at", "the record has no published_at date; it is skipped");
      return false;
    }
    std::string_view text;
    int64_t epoch = 0;
    std::optional<int64_t> parsed;
    if (value.get(text) == simdjson::SUCCESS) parsed = parse_date(text);
    else if (value.get(epoch) == simdjson::SUCCESS) parsed = parse_date(std::to_string(epoch));
    if (!parsed) {
      problem(Severity::error, "published_at",
              "published_at is not a date (expected e.g. 2023-12-20T13:14:00+09:00), found " + describe(value) +
                  "; the record is skipped");
      return false;
    }
    out = *parsed;
    return true;
  }

  // A whole number in [min, max], from a JSON number or a numeric string ("1,254").
  // Leaves `out` alone and reports when the value is unusable.
  bool read_integer(std::string_view key, int64_t& out, int64_t min, int64_t max) {
    element value;
    if (!field(key, value)) return false;
    int64_t integer = 0;
    double real = 0;
    std::string_view text;
    bool ok = false;
    if (value.get(integer) == simdjson::SUCCESS) {
      ok = true;
    } else if (value.get(real) == simdjson::SUCCESS) {
      ok = std::isfinite(real) && real == std::floor(real) && std::fabs(real) < 9e15;
      integer = ok ? static_cast<int64_t>(real) : 0;
    } else if (value.get(text) == simdjson::SUCCESS) {
      std::string digits;
      const std::string_view trimmed = trim(text);
      const bool negative = !trimmed.empty() && trimmed[0] == '-';
      for (size_t i = negative ? 1 : 0; i < trimmed.size(); ++i) {
        const char c = trimmed[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ',') {
          digits.clear();
          break;
        }
      }
      ok = !digits.empty() && digits.size() < 16;
      integer = ok ? (negative ? -1 : 1) * std::stoll(digits) : 0;
    }
    if (!ok) {
      problem(Severity::error, std::string(key), std::string(key) + " must be a whole number, found " + describe(value) + "; ignored");
      return false;
    }
    if (integer < min || integer > max) {
      problem(Severity::error, std::string(key),
              std::string(key) + " " + std::to_string(integer) + " is out of range (" + std::to_string(min) + " to " +
                  std::to_string(max) + "); ignored");
      return false;
    }
    out = integer;
    return true;
  }

  void read_views(int64_t& views) {
    int64_t value = 0;
    if (read_integer("views", value, 0, kMaxPlausibleViews)) views = value;
  }

  void read_pinned(bool& pinned) {
    element value;
    if (!field("pinned", value)) return;
    bool flag = false;
    std::string_view text;
    int64_t number = 0;
    if (value.get(flag) == simdjson::SUCCESS) pinned = flag;
    else if (value.get(number) == simdjson::SUCCESS && (number == 0 || number == 1)) pinned = number == 1;
    else if (value.get(text) == simdjson::SUCCESS && (text == "1" || text == "true" || text == "0" || text == "false" || text.empty()))
      pinned = text == "1" || text == "true";
    else problem(Severity::error, "pinned", "pinned must be true or false, found " + describe(value) + "; ignored");
  }

  std::string read_string(std::string_view key, const std::string& field_name) {
    element value;
    if (!field(key, value)) return {};
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) {
      problem(Severity::error, field_name, field_name + " must be text, found " + describe(value) + "; ignored");
      return {};
    }
    return std::string(text);
  }

  std::string read_line(std::string_view key) { return normalize_line(read_string(key, std::string(key))); }

  static std::string category_from_title(std::string& title) {
    // "[보도자료] 제목": the board's habit of putting the category in the subject.
    if (title.size() < 3 || title[0] != '[') return {};
    const size_t close = title.find(']');
    if (close == std::string::npos || close > 40) return {};
    std::string category = normalize_line(std::string_view(title).substr(1, close - 1));
    std::string rest = normalize_line(std::string_view(title).substr(close + 1));
    if (category.empty() || rest.empty()) return {};
    title = std::move(rest);
    return category;
  }

  std::string read_body() {
    const std::string body = read_string("body", "body");
    std::string format = read_string("body_format", "body_format");
    if (format.empty()) format = body.find('<') != std::string::npos && body.find('>') != std::string::npos ? "html" : "text";
    if (format == "html") return normalize_text(html_to_text(body));
    if (format != "text") problem(Severity::warning, "body_format", "body_format \"" + normalize_line(format) + "\" is not text or html; read as text");
    return normalize_text(body);
  }

  std::string read_url(element value, const std::string& field_name) {
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) {
      problem(Severity::error, field_name, field_name + " must be text, found " + describe(value) + "; ignored");
      return {};
    }
    std::string url = normalize_line(text);
    if (!url.empty() && !is_safe_link(url) && url.find("://") == std::string::npos && url.rfind("javascript:", 0) != 0 &&
        url.rfind("data:", 0) != 0) {
      return url;  // a relative address (attachments/12/사진1.jpg) stays
    }
    if (!url.empty() && !is_safe_link(url)) {
      problem(Severity::warning, field_name, field_name + " is not an http(s) or mailto address; shown as text, not a link");
    }
    return url;
  }

  void read_source(ArticleDraft& draft) {
    element value;
    if (!field("source", value)) return;
    std::string_view text;
    object source;
    if (value.get(text) == simdjson::SUCCESS) {
      draft.source_name = normalize_line(text);
      return;
    }
    if (value.get(source) != simdjson::SUCCESS) {
      problem(Severity::error, "source", "source must be an object {name, url}, found " + describe(value) + "; ignored");
      return;
    }
    element part;
    if (source["name"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS) draft.source_name = normalize_line(text);
    if (source["url"].get(part) == simdjson::SUCCESS && !part.is_null()) draft.source_url = read_url(part, "source.url");
  }

  void read_links(ArticleDraft& draft) {
    element value;
    if (!field("links", value)) return;
    simdjson::dom::array links;
    if (value.get(links) != simdjson::SUCCESS) {
      problem(Severity::error, "links", "links must be a list, found " + describe(value) + "; ignored");
      return;
    }
    size_t i = 0;
    for (element link : links) {
      const std::string name = "links[" + std::to_string(i++) + "]";
      std::string_view text;
      object entry;
      element part;
      if (link.get(text) == simdjson::SUCCESS) {
        draft.links.emplace_back("", read_url(link, name));
      } else if (link.get(entry) == simdjson::SUCCESS && entry["url"].get(part) == simdjson::SUCCESS) {
        std::string title;
        element title_value;
        if (entry["title"].get(title_value) == simdjson::SUCCESS && title_value.get(text) == simdjson::SUCCESS) title = normalize_line(text);
        draft.links.emplace_back(std::move(title), read_url(part, name + ".url"));
      } else {
        problem(Severity::error, name, name + " must be an address or {title, url}, found " + describe(link) + "; ignored");
      }
    }
  }

  void read_attachments(ArticleDraft& draft) {
    element value;
    if (!field("attachments", value)) return;
    simdjson::dom::array attachments;
    if (value.get(attachments) != simdjson::SUCCESS) {
      problem(Severity::error, "attachments", "attachments must be a list, found " + describe(value) + "; ignored");
      return;
    }
    size_t i = 0;
    for (element entry_value : attachments) {
      const std::string name = "attachments[" + std::to_string(i++) + "]";
      object entry;
      std::string_view text;
      ArticleDraft::Attachment attachment;
      if (entry_value.get(text) == simdjson::SUCCESS) {
        attachment.name = normalize_line(text);
      } else if (entry_value.get(entry) == simdjson::SUCCESS) {
        RecordReader nested(entry, index_, report_);
        nested.id_text_ = id_text_;
        attachment.name = nested.read_line_as("name", name + ".name");
        element url;
        if (entry["url"].get(url) == simdjson::SUCCESS && !url.is_null()) attachment.url = read_url(url, name + ".url");
        nested.read_integer_as("size", name + ".size", attachment.size);
        nested.read_integer_as("downloads", name + ".downloads", attachment.downloads);
      }
      if (attachment.name.empty()) {
        problem(Severity::error, name, name + " has no file name; ignored");
        continue;
      }
      draft.attachments.push_back(std::move(attachment));
    }
  }

  void read_tags(ArticleDraft& draft) {
    element value;
    if (!field("tags", value)) return;
    simdjson::dom::array tags;
    if (value.get(tags) != simdjson::SUCCESS) {
      problem(Severity::error, "tags", "tags must be a list of words, found " + describe(value) + "; ignored");
      return;
    }
    for (element tag : tags) {
      std::string_view text;
      if (tag.get(text) == simdjson::SUCCESS) {
        std::string word = normalize_line(text);
        if (!word.empty()) draft.tags.push_back(std::move(word));
      }
    }
  }

  std::string read_line_as(std::string_view key, const std::string& field_name) {
    return normalize_line(read_string(key, field_name));
  }

  void read_integer_as(std::string_view key, const std::string& field_name, int64_t& out) {
    element value;
    if (!field(key, value)) return;
    // Reuse the number rules, reporting under the nested field's name.
    int64_t parsed = 0;
    const size_t before = report_.problems.size();
    if (read_integer(key, parsed, 0, INT64_MAX / 2)) out = parsed;
    for (size_t p = before; p < report_.problems.size(); ++p) report_.problems[p].field = field_name;
  }

  object record_;
  int64_t index_;
  ImportReport& report_;
  std::string id_text_;
};

BoardInfo read_board_info(object root, ImportReport& report) {
  BoardInfo info;
  element value;
  std::string_view text;
  object board;
  if (root["board"].get(board) == simdjson::SUCCESS) {
    if (board["site"].get(value) == simdjson::SUCCESS && value.get(text) == simdjson::SUCCESS) info.site = normalize_line(text);
    if (board["title"].get(value) == simdjson::SUCCESS && value.get(text) == simdjson::SUCCESS) info.title = normalize_line(text);
    simdjson::dom::array crumbs;
    if (board["breadcrumb"].get(crumbs) == simdjson::SUCCESS) {
      info.breadcrumb.clear();
      for (element crumb : crumbs) {
        if (crumb.get(text) == simdjson::SUCCESS) info.breadcrumb.push_back(normalize_line(text));
      }
    }
  }
  if (root["exported_at"].get(value) == simdjson::SUCCESS && !value.is_null()) {
    std::optional<int64_t> when;
    int64_t epoch = 0;
    if (value.get(text) == simdjson::SUCCESS) when = parse_date(text);
    else if (value.get(epoch) == simdjson::SUCCESS) when = parse_date(std::to_string(epoch));
    if (when) info.exported_at = when;
    else report.add(Severity::warning, -1, "", "exported_at", "exported_at is not a date, found " + describe(value) + "; the export's age is unknown");
  }
  return info;
}

void read_records(simdjson::dom::array records, BoardBuilder& builder, ImportReport& report) {
  int64_t index = 0;
  for (element record_value : records) {
    object record;
    if (record_value.get(record) != simdjson::SUCCESS) {
      report.add(Severity::error, index, "", "", "record must be an object, found " + describe(record_value) + "; it is skipped");
      ++report.skipped;
    } else {
      RecordReader reader(record, index, report);
      ArticleDraft draft;
      if (reader.read(draft)) {
        if (builder.add(std::move(draft))) {
          report.add(Severity::warning, index, reader.id_text(), "id",
                     "id " + reader.id_text() + " appears again; this record replaces the earlier one");
        }
      } else {
        ++report.skipped;
      }
    }
    ++index;
  }
}

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
  return high > 0 && pairs * 10 >= high * 9;
}

}  // namespace

ImportResult import_export(std::string_view bytes, std::string source) {
  ImportResult result;
  ImportReport& report = result.report;
  report.source = std::move(source);

  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (trim(bytes).empty()) {
    report.fail("the file is empty: expected a JSON export of articles");
    return result;
  }
  std::string sanitized;
  const size_t invalid_at = find_invalid_utf8(bytes);
  if (invalid_at != std::string_view::npos) {
    if (looks_like_cp949(bytes)) {
      report.fail("the file is not UTF-8 (first bad byte at offset " + std::to_string(invalid_at) +
                  "); it looks like EUC-KR/CP949 from an old board: re-export it as UTF-8");
      return result;
    }
    report.add(Severity::warning, -1, "", "",
               "the file has bytes that are not UTF-8 (first at offset " + std::to_string(invalid_at) +
                   "); they are shown as \xEF\xBF\xBD");
    sanitized = sanitize_utf8(bytes);
    bytes = sanitized;
  }

  simdjson::dom::parser parser;
  const simdjson::padded_string padded(bytes.data(), bytes.size());
  element root;
  if (const auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    report.fail(describe_json_failure(bytes, simdjson::error_message(error)));
    return result;
  }

  BoardBuilder builder;
  simdjson::dom::array records;
  object root_object;
  BoardInfo info;
  if (root.get(records) == simdjson::SUCCESS) {
    report.format = "article-array";
  } else if (root.get(root_object) == simdjson::SUCCESS && root_object["articles"].get(records) == simdjson::SUCCESS) {
    report.format = "newsroom-export";
    info = read_board_info(root_object, report);
  } else {
    report.fail("this is JSON but not an article export: expected an object with an \"articles\" list, or a list of articles");
    return result;
  }
  read_records(records, builder, report);
  result.board = std::move(builder).build(std::move(info));
  report.loaded = result.board.size();
  if (report.loaded == 0 && report.skipped > 0) report.usable = false;
  return result;
}

}  // namespace newsroom
