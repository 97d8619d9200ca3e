// Stretches of a list of articles read in one simdjson On-Demand pass (io/import_walk.h).
//
// The careful walk finds each record's end with its own scanner, then parses the record
// alone into a DOM and reads it field by field: three passes over every byte, and a
// parser's setup per record. Most records of a real export are clean, so the walk copies
// up to a megabyte of the list at a time into a padded buffer, as a list of its own, and
// reads it in one On-Demand pass: every member of a record read in document order, with
// simdjson's own checks. A record is taken only when this quick reader read all of it and
// found nothing a problem would name; any other record (a field it does not know, a value
// of another type or past a limit, HTML to convert) is read by record(), the careful
// reader, from the file itself. So the board and the report are exactly the careful walk's.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <string>

#include "core/dates.h"
#include "io/import_walk.h"
#include "io/importer.h"
#include "io/limits.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"

namespace newsroom {

namespace {
std::atomic<bool> stretches_on{true};
}  // namespace

void read_lists_in_stretches(bool on) { stretches_on = on; }

namespace import_detail {

namespace {

namespace od = simdjson::ondemand;
using simdjson::SUCCESS;

// A stretch: at most this much of the list at once (the parser's memory is about six times
// it), and at least this much left before the step's end (a smaller one saves nothing).
constexpr size_t kStretchBytes = size_t{1} << 20, kLeastStretchBytes = size_t{16} << 10;

bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The members of an article the quick reader knows: one bit each, to see a member twice.
enum Member : unsigned {
  kId,
  kTitle,
  kPublishedAt,
  kNumber,
  kViews,
  kPinned,
  kCategory,
  kAuthor,
  kBodyFormat,
  kBody,
  kSummary,
  kSource,
  kLinks,
  kAttachments,
  kTags,
  kUnknown
};

// A member by its name: the length and the first letter leave one name at most to
// compare, a byte at a time (memcmp is a call and a byte loop on wasm).
Member member_of(std::string_view key) {
  const auto is = [key](std::string_view name, Member member) {
    for (size_t i = 0; i < name.size(); ++i) {
      if (key[i] != name[i]) return kUnknown;
    }
    return member;
  };
  if (key.empty()) return kUnknown;
  const char first = key[0];
  switch (key.size()) {
    case 2: return is("id", kId);
    case 4: return first == 'b' ? is("body", kBody) : is("tags", kTags);
    case 5: return first == 't' ? is("title", kTitle) : first == 'v' ? is("views", kViews) : is("links", kLinks);
    case 6:
      if (first == 'n') return is("number", kNumber);
      if (first == 'p') return is("pinned", kPinned);
      return first == 'a' ? is("author", kAuthor) : is("source", kSource);
    case 7: return is("summary", kSummary);
    case 8: return is("category", kCategory);
    case 11: return first == 'b' ? is("body_format", kBodyFormat) : is("attachments", kAttachments);
    case 12: return is("published_at", kPublishedAt);
    default: return kUnknown;
  }
}

// Reads one record of the project's export as RecordReader::read_article does, or says it
// cannot (false): whenever the careful reader would report a problem, or the value is one
// this reader does not read whole. Then nothing it read counts.
class QuickReader {
 public:
  explicit QuickReader(std::string_view address_base) : address_base_(address_base) {}

  bool read(od::object record, ArticleDraft& draft) {
    unsigned seen = 0;
    category_.clear();
    std::string_view body, body_format;
    for (auto field : record) {
      std::string_view key;
      od::value value;
      if (!key_of(field, key) || field.value().get(value) != SUCCESS) return false;
      const Member member = member_of(key);
      if (member == kUnknown || (seen >> member & 1)) return false;  // read first, as the careful reader does
      seen |= 1u << member;
      if (null(value)) {  // a missing field, to the careful reader
        if (member == kId || member == kTitle || member == kPublishedAt) return false;
        continue;
      }
      bool ok = false;
      switch (member) {
        case kId: ok = value.get_int64().get(draft.id) == SUCCESS && draft.id > 0; break;
        case kTitle: ok = title(value, draft); break;
        case kPublishedAt: ok = date(value, draft.published_at); break;
        case kNumber: ok = integer(value, draft.number, 0, INT32_MAX); break;
        case kViews: ok = integer(value, draft.views, 0, kMaxPlausibleViews); break;
        case kPinned: ok = value.get_bool().get(draft.pinned) == SUCCESS; break;
        case kCategory: ok = line(value, category_); break;
        case kAuthor: ok = line(value, draft.author); break;
        case kBodyFormat: ok = string_of(value, body_format); break;
        case kBody: ok = string_of(value, body); break;
        case kSummary: ok = line(value, draft.summary); break;
        case kSource: ok = source(value, draft); break;
        case kLinks: ok = links(value, draft); break;
        case kAttachments: ok = attachments(value, draft); break;
        case kTags: ok = tags(value, draft); break;
        case kUnknown: break;
      }
      if (!ok) return false;
    }
    const unsigned required = 1u << kId | 1u << kTitle | 1u << kPublishedAt;
    if ((seen & required) != required) return false;
    settle_category(category_, title_prefix(draft.title), draft);
    return text_body(body, body_format, draft);
  }

 private:
  static bool string_of(od::value value, std::string_view& out) { return value.get_string().get(out) == SUCCESS; }
  // A member's name as written, when it has no escape (a name with one is never one this
  // reader knows: the careful reader reads it), without a copy.
  static bool key_of(simdjson::simdjson_result<od::field>& field, std::string_view& out) {
    od::raw_json_string raw;
    if (field.key().get(raw) != SUCCESS) return false;
    const char* const begin = raw.raw();
    const char* end = begin;
    while (*end != '"') {
      if (*end++ == '\\') return false;
    }
    out = std::string_view(begin, static_cast<size_t>(end - begin));
    return true;
  }
  // Whether the value is null (then it is read). One that only begins like null ("nul") is
  // left to its field's reader, which fails on it.
  static bool null(od::value value) {
    bool is_null = false;
    return value.is_null().get(is_null) == SUCCESS && is_null;
  }
  static bool integer(od::value value, int64_t& out, int64_t min, int64_t max) {
    int64_t number = 0;
    if (value.get_int64().get(number) != SUCCESS || number < min || number > max) return false;
    out = number;
    return true;
  }
  // Text within limits::kLineChars, normalized (null: empty).
  static bool line(od::value value, std::string& out) {
    std::string_view text;
    if (null(value)) return true;
    if (!string_of(value, text)) return false;
    size_t cut_from = 0;
    limited_line(text, cut_from, out);
    return cut_from == 0;
  }
  static bool date(od::value value, int64_t& out) {
    std::string_view text;
    int64_t epoch = 0;
    std::optional<int64_t> when;
    if (string_of(value, text)) {
      when = parse_date(text);
    } else if (value.get_int64().get(epoch) == SUCCESS) {
      when = parse_date(std::to_string(epoch));
    }
    if (!when) return false;
    out = *when;
    return true;
  }
  static bool title(od::value value, ArticleDraft& draft) {
    std::string_view text;
    if (!string_of(value, text) || without_broken_tail(text).size() != text.size()) return false;
    size_t cut_from = 0;
    limited_line(text, cut_from, draft.title);
    return cut_from == 0 && !draft.title.empty();
  }
  // An address as RecordReader::read_url keeps it (with no warning to give).
  static bool address(od::value value, std::string& out) {
    std::string_view text;
    if (!string_of(value, text) || text.size() > limits::kAddressBytes) return false;
    if (text_detail::already_normal(text, true)) {
      out.assign(text);  // normalize_line's own quick case, into the memory `out` has
    } else {
      out = normalize_line(text);
    }
    return usable_address(out);
  }
  // Each member of an object by its place among `names`: read(place, value). A name not
  // among them, or one given twice, and the reader gives up; `seen` has a bit per place read.
  template <typename Read>
  static bool each_member(od::value value, std::initializer_list<std::string_view> names, unsigned& seen, Read&& read) {
    od::object object;
    if (value.get_object().get(object) != SUCCESS) return false;
    for (auto field : object) {
      std::string_view key;
      od::value part;
      if (!key_of(field, key) || field.value().get(part) != SUCCESS) return false;
      const unsigned place = static_cast<unsigned>(std::find(names.begin(), names.end(), key) - names.begin());
      if (place == names.size() || (seen >> place & 1)) return false;
      seen |= 1u << place;
      if (!read(place, part)) return false;
    }
    return true;
  }
  static bool source(od::value value, ArticleDraft& draft) {
    od::json_type type;
    if (value.type().get(type) != SUCCESS) return false;
    if (type == od::json_type::string) return line(value, draft.source_name);
    unsigned seen = 0;
    return each_member(value, {"name", "url"}, seen, [&draft](unsigned place, od::value part) {
      if (place == 0) return !null(part) && line(part, draft.source_name);
      return null(part) || address(part, draft.source_url);
    });
  }
  // Each entry of a list of links or attachments: a string read by `text`, an object by
  // `object`. An entry `named` turns down (the careful reader counts it among the entries, or
  // names a problem), or one past limits::kListEntries, and the reader gives up.
  template <typename Entry, typename Text, typename Object, typename Named>
  static bool entries(od::value value, std::vector<Entry>& out, Text&& text, Object&& object, Named&& named) {
    od::array list;
    if (value.get_array().get(list) != SUCCESS) return false;
    for (auto entry : list) {
      od::value item;
      od::json_type type;
      if (entry.get(item) != SUCCESS || item.type().get(type) != SUCCESS) return false;
      if (out.size() == limits::kListEntries) return false;  // one to leave out, and say so
      Entry read;
      if (!(type == od::json_type::string ? text(item, read) : object(item, read)) || !named(read)) return false;
      out.push_back(std::move(read));
    }
    return true;
  }
  static bool links(od::value value, ArticleDraft& draft) {
    using Link = ArticleDraft::Link;
    return entries(
        value, draft.links, [](od::value item, Link& link) { return address(item, link.url); }, link_object,
        [](const Link& link) { return !link.url.empty(); });
  }
  static bool link_object(od::value item, ArticleDraft::Link& link) {
    unsigned seen = 0;
    return each_member(item, {"url", "title", "clicks"}, seen,
                       [&link](unsigned place, od::value part) {
                         if (place == 0) return address(part, link.url);
                         if (place == 1) return !null(part) && line(part, link.title);
                         return null(part) || integer(part, link.clicks, 0, kMaxPlausibleViews);
                       }) &&
           (seen & 1);
  }
  bool attachments(od::value value, ArticleDraft& draft) const {
    using Attachment = ArticleDraft::Attachment;
    return entries(
        value, draft.attachments, [](od::value item, Attachment& attachment) { return line(item, attachment.name); },
        [this](od::value item, Attachment& attachment) { return attachment_object(item, attachment); },
        [](const Attachment& attachment) { return !attachment.name.empty(); });
  }
  bool attachment_object(od::value item, ArticleDraft::Attachment& attachment) const {
    unsigned seen = 0;
    return each_member(item, {"name", "url", "size", "downloads"}, seen,
                       [this, &attachment](unsigned place, od::value part) {
                         if (place == 0) return line(part, attachment.name);
                         if (null(part)) return true;
                         if (place == 2) return integer(part, attachment.size, 0, INT64_MAX / 2);
                         if (place == 3) return integer(part, attachment.downloads, 0, kMaxPlausibleViews);
                         std::string url;
                         const bool ok = address(part, url);
                         attachment.url = resolve_address(address_base_, std::move(url));
                         return ok;
                       });
  }
  static bool tags(od::value value, ArticleDraft& draft) {
    od::array list;
    if (value.get_array().get(list) != SUCCESS) return false;
    size_t count = 0;
    for (auto entry : list) {
      od::value item;
      std::string word;
      if (++count > limits::kListEntries || entry.get(item) != SUCCESS || null(item) || !line(item, word)) return false;
      if (!word.empty()) draft.tags.push_back(std::move(word));
    }
    return true;
  }
  // A plain-text body as RecordReader::read_body keeps it; HTML goes to the careful reader.
  static bool text_body(std::string_view body, std::string_view format, ArticleDraft& draft) {
    if (format.empty() ? looks_like_html(body) : format != "text") return false;
    if (body.size() <= limits::kBodyBytes && text_detail::already_normal_utf8(body, false)) {
      draft.body_as_read = body;  // the parser's copy, valid until the builder takes it
      return true;
    }
    draft.body = normalize_text(body);
    return draft.body.size() <= limits::kBodyBytes;
  }

  std::string_view address_base_;
  std::string category_;  // kept from record to record, with its memory
};

}  // namespace

bool Import::stretch_here() const { return stretches_on && position_ >= slow_until_; }

size_t Import::stretch(size_t until) {
  // The list goes on after its '[', or after the comma that follows the record read last.
  size_t from = list_.pos;
  if (list_.started) {
    from = scan_.skip_whitespace(from);
    if (from >= text_.size() || text_[from] != ',') return 0;
  }
  ++from;
  // The stretch ends after a '}' (the last record in it may be cut: it is read next time);
  // while more of the file may come, never at the window's end (cut_off).
  const size_t limit = std::min({until, from + kStretchBytes, text_.size() - (more_ ? 1 : 0)});
  if (limit < from + kLeastStretchBytes && limit < text_.size()) return 0;
  const size_t close = text_.substr(from, limit - from).rfind('}');
  if (close == std::string_view::npos) return 0;
  const size_t cut = from + close + 1;

  // "[" the stretch "]", and the padding the parser reads ahead into.
  const size_t length = cut - from + 2;
  stretch_text_.resize(length + simdjson::SIMDJSON_PADDING);
  stretch_text_[0] = '[';
  std::memcpy(stretch_text_.data() + 1, text_.data() + from, cut - from);
  std::memset(stretch_text_.data() + length - 1, ' ', simdjson::SIMDJSON_PADDING + 1);
  stretch_text_[length - 1] = ']';
  const auto in_window = [this, from](const char* at) {  // where a byte of the copy is in the window
    return from + static_cast<size_t>(at - (stretch_text_.data() + 1));
  };
  // The parser's buffers (about six bytes per byte) are made once for the largest stretch,
  // not again each time a stretch is a little longer than the last.
  if (stretch_parser_.capacity() < length &&
      stretch_parser_.allocate(std::max(length, std::min(kStretchBytes, text_.size()) + 2)) != SUCCESS) {
    return 0;
  }
  od::document document;
  od::array list;
  if (stretch_parser_.iterate(stretch_text_.data(), length, stretch_text_.size()).get(document) != SUCCESS ||
      document.get_array().get(list) != SUCCESS) {
    slow_until_ = cut;  // cut inside a string, bytes that are not UTF-8, ...: the careful walk reads it
    return 0;
  }

  QuickReader reader(address_base_);
  ArticleDraft draft;
  size_t taken = 0, expected = 0;  // expected: where the next record begins, after one read carefully
  for (auto element : list) {
    od::value value;
    const char* at = nullptr;
    if (element.get(value) != SUCCESS || value.current_location().get(at) != SUCCESS) {
      slow_until_ = cut;
      break;
    }
    const size_t begin = in_window(at);
    if (expected && begin != expected) {  // the pass and the careful walk do not agree where it begins
      slow_until_ = cut;
      break;
    }
    draft.clear();
    od::object fields;
    const char* next = nullptr;
    bool quick = value.get_object().get(fields) == SUCCESS && reader.read(fields, draft) &&
                 value.current_location().get(next) == SUCCESS;
    size_t end = 0;
    if (quick) {
      end = in_window(next);
      while (end > begin && json_space(text_[end - 1])) --end;
      quick = end - begin <= limits::kRecordBytes;
    }
    if (quick) {
      const std::string id_text = std::to_string(draft.id);
      add_article(draft, index_++, id_text);
      ++quick_;
      expected = 0;
    } else {
      ScanError error;
      end = scan_.skip_value(begin, error);
      if (!error.ok()) {  // the careful walk says where the file breaks
        slow_until_ = cut;
        break;
      }
      if (end > cut) break;  // the record the stretch cut: read next time
      record(begin, end, Dialect::article);
      expected = scan_.skip_whitespace(end);
      if (expected < text_.size() && text_[expected] == ',') expected = scan_.skip_whitespace(expected + 1);
    }
    list_ = {end, true};
    position_ = end;
    ++taken;
    if (refused_ || position_ >= until) break;
  }
  return taken;
}

}  // namespace import_detail
}  // namespace newsroom
