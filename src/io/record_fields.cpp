// RecordReader's readers of one field each (record_reader.h). The dialects
// (record_reader.cpp) name the keys; these read the value, report what cannot be used, and
// keep every limit of io/limits.h.
#include "io/record_reader.h"

#include <cmath>

#include "core/text.h"
#include "io/limits.h"
#include "io/text_normalize.h"

namespace newsroom {

using simdjson::dom::element;
using simdjson::dom::object;

namespace {

// At most `bytes` bytes of UTF-8 text, cut before a character.
std::string_view first_bytes(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

// "254", "1,254" or "-3": digits, with commas only between groups of three. Empty when the
// text is anything else ("1,2,3", ",5", "12,34", "+5", "0x10").
std::string plain_digits(std::string_view text, bool& negative) {
  negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  const bool commas = text.find(',') != std::string_view::npos;
  std::string digits;
  size_t group = 0;
  bool first_group = true;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if (c == ',' && group > 0 && (first_group ? group <= 3 : group == 3)) {
      group = 0;
      first_group = false;
    } else {
      return {};
    }
  }
  if (commas && group != 3) return {};
  return digits;
}

}  // namespace

// [SECTION] Fields -------------------------------------------------------------------------

std::string FieldName::str() const {
  std::string name(head_);
  if (index_ != kNoIndex) name.append("[").append(std::to_string(index_)).append("]");
  if (!member_.empty()) name.append(".").append(member_);
  return name;
}

std::string RecordReader::line(std::string_view text, const FieldName& field_name) {
  size_t cut_from = 0;
  std::string out = limited_line(text, cut_from);
  if (cut_from) {
    const std::string name = field_name.str();
    problem(Severity::warning, name, limit_message(name, cut_from));
  }
  return out;
}

// An address kept only within limits::kAddressBytes (a longer one is no address anyone takes).
std::optional<std::string> RecordReader::address(std::string_view text, const FieldName& field_name) {
  if (text.size() <= limits::kAddressBytes) return normalize_line(text);
  const std::string name = field_name.str();
  problem(Severity::error, name,
          name + " is " + with_thousands(static_cast<int64_t>(text.size())) + " bytes long, over the limit of " +
              with_thousands(limits::kAddressBytes) + " for an address; ignored");
  return std::nullopt;
}

bool RecordReader::list_has_room(size_t index, size_t size, const FieldName& field_name) {
  if (index < limits::kListEntries) return true;
  if (index == limits::kListEntries) {
    const std::string name = field_name.str();
    problem(Severity::warning, name,
            name + " has " + with_thousands(size) + " entries; the first " + with_thousands(limits::kListEntries) +
                " are read");
  }
  return false;
}

std::string_view without_broken_tail(std::string_view text) {
  std::string_view whole = trim_truncated_tail(text);
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  while (whole.size() >= 3 && whole.substr(whole.size() - 3) == kReplacement) whole.remove_suffix(3);
  return whole;
}

TitlePrefix title_prefix(const std::string& title) {
  if (title.size() <= 2 || title[0] != '[') return {};
  const size_t close = title.find(']');
  if (close == std::string::npos || close >= 40) return {};
  TitlePrefix prefix{normalize_line(std::string_view(title).substr(1, close - 1)),
                     normalize_line(std::string_view(title).substr(close + 1))};
  if (prefix.category.empty() || prefix.rest.empty()) return {};
  return prefix;
}

void settle_category(std::string_view field_value, TitlePrefix prefix, ArticleDraft& draft) {
  const std::string_view category = field_value.empty() ? std::string_view(prefix.category) : field_value;
  if (!prefix.category.empty() && category == prefix.category) draft.title = std::move(prefix.rest);
  draft.category.assign(category.empty() ? std::string_view("미분류") : category);
}

bool usable_address(std::string_view url) { return url.empty() || is_safe_link(url) || is_relative_address(url); }

bool RecordReader::read_id(std::string_view key, int64_t& id) {
  const std::string name(key);
  element value;
  if (!field(key, value)) {
    problem(Severity::error, name, "the record has no " + name + "; it is skipped");
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
    problem(Severity::error, name,
            name + " must be a whole number, found " + describe(value) + "; the record is skipped");
    return false;
  }
  if (id <= 0) {
    problem(Severity::error, name, name + " must be positive, found " + id_text_ + "; the record is skipped");
    return false;
  }
  return true;
}

bool RecordReader::read_title(std::string_view key, ArticleDraft& draft) {
  const std::string name(key);
  element value;
  std::string_view text;
  if (!field(key, value)) {
    problem(Severity::error, name, "the record has no " + name + "; it is skipped");
    return false;
  }
  if (value.get(text) != simdjson::SUCCESS) {
    problem(Severity::error, name, name + " must be text, found " + describe(value) + "; the record is skipped");
    return false;
  }
  const std::string_view whole = without_broken_tail(text);
  if (whole.size() != text.size()) {
    problem(Severity::warning, name,
            name + " ends inside a character (cut at a byte limit?); the broken character was removed");
  }
  draft.title = line(whole, name);
  title_prefix_ = title_prefix(draft.title);  // "[보도자료] 제목"
  if (draft.title.empty()) {
    problem(Severity::error, name, name + " is empty; the record is skipped");
    return false;
  }
  return true;
}

bool RecordReader::read_published_at(std::string_view key, int64_t& out) {
  const std::string name(key);
  element value;
  if (!field(key, value)) {
    problem(Severity::error, name, "the record has no " + name + " date; it is skipped");
    return false;
  }
  const std::optional<int64_t> parsed = date_of(value);
  if (!parsed) {
    problem(Severity::error, name,
            name + " is not a date (expected e.g. 2023-12-20T13:14:00+09:00), found " + describe(value) +
                "; the record is skipped");
    return false;
  }
  out = *parsed;
  return true;
}

// A whole number in [min, max], from a JSON number or a numeric string ("1,254").
// Leaves `out` alone and reports when the value is unusable; never clamps or wraps.
bool RecordReader::read_integer(std::string_view key, const FieldName& field_name, int64_t& out, int64_t min,
                                int64_t max) {
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
    bool negative = false;
    const std::string digits = plain_digits(trim(text), negative);
    ok = !digits.empty() && digits.size() < 16;
    integer = ok ? (negative ? -1 : 1) * std::stoll(digits) : 0;
  }
  if (!ok) {
    const std::string name = field_name.str();
    problem(Severity::error, name, name + " must be a whole number, found " + describe(value) + "; ignored");
    return false;
  }
  if (integer < min || integer > max) {
    const std::string name = field_name.str();
    problem(Severity::error, name,
            name + " " + std::to_string(integer) + " is out of range (" + std::to_string(min) + " to " +
                std::to_string(max) + "); ignored");
    return false;
  }
  out = integer;
  return true;
}

void RecordReader::read_pinned(bool& pinned) {
  element value;
  if (!field("pinned", value)) return;
  bool flag = false;
  std::string_view text;
  int64_t number = 0;
  if (value.get(flag) == simdjson::SUCCESS) {
    pinned = flag;
  } else if (value.get(number) == simdjson::SUCCESS && (number == 0 || number == 1)) {
    pinned = number == 1;
  } else if (value.get(text) == simdjson::SUCCESS &&
             (text == "1" || text == "true" || text == "0" || text == "false" || text.empty())) {
    pinned = text == "1" || text == "true";
  } else {
    problem(Severity::error, "pinned", "pinned must be true or false, found " + describe(value) + "; ignored");
  }
}

std::string_view RecordReader::read_string(std::string_view key, const FieldName& field_name) {
  element value;
  if (!field(key, value)) return {};
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    const std::string name = field_name.str();
    problem(Severity::error, name, name + " must be text, found " + describe(value) + "; ignored");
    return {};
  }
  return text;
}

std::string RecordReader::read_line(std::string_view key, const FieldName& field_name) {
  return line(read_string(key, field_name), field_name);
}

std::string RecordReader::read_url(element value, const FieldName& field_name) {
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    const std::string name = field_name.str();
    problem(Severity::error, name, name + " must be text, found " + describe(value) + "; ignored");
    return {};
  }
  std::optional<std::string> kept = address(text, field_name);
  if (!kept) return {};
  std::string url = std::move(*kept);
  if (!usable_address(url)) {
    const std::string name = field_name.str();
    problem(Severity::warning, name, name + " is not an http(s) or mailto address; shown as text, not a link");
  }
  return url;
}

void RecordReader::read_body(std::string_view key, std::string_view format, ArticleDraft& draft) {
  const std::string_view body = read_string(key, std::string(key));
  std::string kind(format);
  if (kind.empty()) kind = looks_like_html(body) ? "html" : "text";
  if (kind == "html") {
    HtmlText html = html_to_text(body);
    draft.body = normalize_text(html.text);
    keep_body_within_limit(key, draft);
    const std::string links_name = std::string(key) + " links", images_name = std::string(key) + " images";
    for (auto& link : html.links) {
      if (!list_has_room(draft.links.size(), html.links.size(), links_name)) break;
      std::optional<std::string> url = address(link.url, links_name);
      if (!url) continue;
      draft.links.push_back({line(link.title, links_name), std::move(*url), -1});
    }
    for (auto& image : html.images) {
      if (!list_has_room(draft.attachments.size(), html.images.size(), images_name)) break;
      std::optional<std::string> url = address(image.url, images_name);
      if (!url) continue;
      draft.attachments.push_back(
          {line(image.title, images_name), resolve_address(address_base_, std::move(*url)), -1, -1});
    }
    return;
  }
  if (kind != "text") {
    problem(Severity::warning, "body_format",
            "body_format \"" + normalize_line(kind) + "\" is not text or html; read as text");
  }
  if (body.size() <= limits::kBodyBytes && text_detail::already_normal_utf8(body, false)) {
    draft.body_as_read = body;  // the record's text, valid while the builder takes it
    return;
  }
  draft.body = normalize_text(body);
  keep_body_within_limit(key, draft);
}

void RecordReader::keep_body_within_limit(std::string_view key, ArticleDraft& draft) {
  if (draft.body.size() <= limits::kBodyBytes) return;
  const std::string name(key);
  problem(Severity::warning, name,
          name + " is " + with_thousands(draft.body.size()) + " bytes of text; the first " +
              with_thousands(limits::kBodyBytes) + " bytes are kept");
  draft.body.resize(first_bytes(draft.body, limits::kBodyBytes).size());
}

void RecordReader::read_source(ArticleDraft& draft) {
  element value;
  if (!field("source", value)) return;
  std::string_view text;
  object source;
  if (value.get(text) == simdjson::SUCCESS) {
    draft.source_name = line(text, "source");
    return;
  }
  if (value.get(source) != simdjson::SUCCESS) {
    problem(Severity::error, "source", "source must be an object {name, url}, found " + describe(value) + "; ignored");
    return;
  }
  element part;
  if (source["name"].get(part) == simdjson::SUCCESS && part.get(text) == simdjson::SUCCESS) {
    draft.source_name = line(text, "source.name");
  }
  if (source["url"].get(part) == simdjson::SUCCESS && !part.is_null()) draft.source_url = read_url(part, "source.url");
}

void RecordReader::read_links(ArticleDraft& draft) {
  element value;
  if (!field("links", value)) return;
  simdjson::dom::array links;
  if (value.get(links) != simdjson::SUCCESS) {
    problem(Severity::error, "links", "links must be a list, found " + describe(value) + "; ignored");
    return;
  }
  const size_t count = links.size();
  draft.links.reserve(std::min(count, limits::kListEntries));
  size_t i = 0;
  for (element link_value : links) {
    if (!list_has_room(i, count, "links")) break;
    const FieldName name = FieldName("links").entry(i++);
    std::string_view text;
    object entry;
    element part;
    ArticleDraft::Link link;
    if (link_value.get(text) == simdjson::SUCCESS) {
      link.url = read_url(link_value, name);
    } else if (link_value.get(entry) == simdjson::SUCCESS && entry["url"].get(part) == simdjson::SUCCESS) {
      element title;
      if (entry["title"].get(title) == simdjson::SUCCESS && title.get(text) == simdjson::SUCCESS) {
        link.title = line(text, name.member("title"));
      }
      link.url = read_url(part, name.member("url"));
      RecordReader nested(entry, index_, report_);
      nested.id_text_ = id_text_;
      int64_t clicks = 0;
      if (nested.read_integer("clicks", name.member("clicks"), clicks, 0, kMaxPlausibleViews)) link.clicks = clicks;
    } else {
      const std::string shown = name.str();
      problem(Severity::error, shown,
              shown + " must be an address or {title, url}, found " + describe(link_value) + "; ignored");
      continue;
    }
    if (!link.url.empty()) draft.links.push_back(std::move(link));
  }
}

void RecordReader::read_attachments(ArticleDraft& draft) {
  element value;
  if (!field("attachments", value)) return;
  simdjson::dom::array attachments;
  if (value.get(attachments) != simdjson::SUCCESS) {
    problem(Severity::error, "attachments", "attachments must be a list, found " + describe(value) + "; ignored");
    return;
  }
  const size_t count = attachments.size();
  draft.attachments.reserve(std::min(count, limits::kListEntries));
  size_t i = 0;
  for (element entry_value : attachments) {
    if (!list_has_room(i, count, "attachments")) break;
    const FieldName name = FieldName("attachments").entry(i++);
    object entry;
    std::string_view text;
    ArticleDraft::Attachment attachment;
    if (entry_value.get(text) == simdjson::SUCCESS) {
      attachment.name = line(text, name);
    } else if (entry_value.get(entry) == simdjson::SUCCESS) {
      RecordReader nested(entry, index_, report_);
      nested.id_text_ = id_text_;
      attachment.name = nested.read_line("name", name.member("name"));
      element url;
      if (entry["url"].get(url) == simdjson::SUCCESS && !url.is_null()) {
        attachment.url = resolve_address(address_base_, read_url(url, name.member("url")));
      }
      int64_t number = 0;
      if (nested.read_integer("size", name.member("size"), number, 0, INT64_MAX / 2)) attachment.size = number;
      if (nested.read_integer("downloads", name.member("downloads"), number, 0, kMaxPlausibleViews))
        attachment.downloads = number;
    }
    if (attachment.name.empty()) {
      const std::string shown = name.str();
      problem(Severity::error, shown, shown + " has no file name; ignored");
      continue;
    }
    draft.attachments.push_back(std::move(attachment));
  }
}

void RecordReader::read_tags(ArticleDraft& draft) {
  element value;
  if (!field("tags", value)) return;
  simdjson::dom::array tags;
  if (value.get(tags) != simdjson::SUCCESS) {
    problem(Severity::error, "tags", "tags must be a list of words, found " + describe(value) + "; ignored");
    return;
  }
  const size_t count = tags.size();
  draft.tags.reserve(std::min(count, limits::kListEntries));
  size_t i = 0;
  for (element tag : tags) {
    if (!list_has_room(i, count, "tags")) break;
    std::string_view text;
    if (tag.get(text) == simdjson::SUCCESS) {
      std::string word = line(text, FieldName("tags").entry(i));
      if (!word.empty()) draft.tags.push_back(std::move(word));
    }
    ++i;
  }
}

}  // namespace newsroom
