#include "fuzz/oracle.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "fuzz/rng.h"
#include "fuzz/runners.h"
#include "io/importer.h"
#include "io/limits.h"
#include "io/record_reader.h"
#include "io/text_normalize.h"

namespace newsroom::fuzz {

namespace {

// Everything an import tells, as text: the report whole, the board's header, categories
// and order, and every article with every field.
std::string describe(const ImportResult& result) {
  std::ostringstream out;
  const ImportReport& r = result.report;
  out << "report " << r.source << " format=" << r.format << " usable=" << r.usable << " loaded=" << r.loaded
      << " skipped=" << r.skipped << "\n";
  for (const Problem& p : r.problems) {
    out << "problem " << to_string(p.severity) << " record=" << p.record << " id=" << p.id << " field=" << p.field
        << " file=" << p.file << ": " << p.message << "\n";
  }
  for (const UnlistedProblems& u : r.unlisted)
    out << "unlisted " << to_string(u.severity) << " " << u.field << " " << u.count << "\n";
  for (const std::string& column : r.personal_columns) out << "personal " << column << "\n";
  const Board& board = result.board;
  out << "board " << board.info.site << " / " << board.info.title << " @" << board.info.exported_at.value_or(-1)
      << "\n";
  for (const std::string& crumb : board.info.breadcrumb) out << "crumb " << crumb << "\n";
  for (const std::string& name : board.category_names()) out << "category " << name << "\n";
  out << "order";
  for (const uint32_t i : board.board_order()) out << " " << i;
  out << "\n";
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleDraft a = board.draft(i);
    out << "article " << a.id << " #" << a.number << " [" << a.category << "] " << a.title << " by " << a.author
        << " at " << a.published_at << " views " << a.views << " pinned " << a.pinned << "\n  summary " << a.summary
        << "\n  source " << a.source_name << " " << a.source_url << "\n  body " << a.body << "\n";
    for (const auto& link : a.links) out << "  link " << link.title << " " << link.url << " " << link.clicks << "\n";
    for (const auto& file : a.attachments) {
      out << "  file " << file.name << " " << file.url << " " << file.size << " " << file.downloads << "\n";
    }
    for (const std::string& tag : a.tags) out << "  tag " << tag << "\n";
  }
  return out.str();
}

// "problem — line 12: in one go «…», here «…»": where two descriptions part, led by what
// the line describes (the failure's kind).
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (size_t line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la)), more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "no difference";
    if (!more_a) la = "(nothing)";
    if (!more_b) lb = "(nothing)";
    if (la != lb || !more_a || !more_b) {
      const auto cut = [](const std::string& text) { return text.size() > 300 ? text.substr(0, 300) + "…" : text; };
      const std::string& named = more_a ? la : lb;
      return named.substr(0, named.find(' ')) + " — line " + std::to_string(line) + ": in one go «" + cut(la) +
             "», here «" + cut(lb) + "»";
    }
  }
}

size_t chars_in(std::string_view text) {
  size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// What is wrong with a one-line field (title, names, tags), or nothing.
std::string line_trouble(std::string_view text) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (chars_in(text) > limits::kLineChars) return "has " + std::to_string(chars_in(text)) + " characters";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return "begins or ends with a space";
  if (text.find("  ") != std::string_view::npos) return "holds two spaces in a row";
  if (normalize_line(text) != text) return "changes when normalized again";
  return {};
}

// What is wrong with an article's text (body), or nothing.
std::string text_trouble(std::string_view text) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (text.size() > limits::kBodyBytes) return "has " + std::to_string(text.size()) + " bytes";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  if (normalize_text(text) != text) return "changes when normalized again";
  return {};
}

// What is wrong with an address kept on the board (resolved against `base_bytes` of the
// file's own address at most), or nothing.
std::string address_trouble(std::string_view text, size_t base_bytes) {
  if (find_invalid_utf8(text) != std::string_view::npos) return "is not valid UTF-8";
  if (text.size() > limits::kAddressBytes + base_bytes) return "has " + std::to_string(text.size()) + " bytes";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return "holds the control byte " + std::to_string(b);
  }
  return {};
}

// The rules every import result keeps, whatever the file. `records`: how many the walk saw.
std::string check_result(const ImportResult& result, int64_t records, std::string_view base) {
  const ImportReport& r = result.report;
  const Board& board = result.board;
  if (r.source != kSource) return say("the report names another source — ", r.source);
  if (r.loaded != board.size()) return say("report.loaded is not the board's size — ", r.loaded, " and ", board.size());
  if (r.problems.size() > limits::kListedProblems + 1) return say(r.problems.size(), " problems listed");
  if (r.problems.size() == limits::kListedProblems + 1 && (r.usable || r.problems.front().record != -1)) {
    return "a problem past the listed limit that is not the whole file's failure, first";
  }
  if (!r.unlisted.empty() && r.problems.size() < limits::kListedProblems) {
    return say("problems counted unlisted while fewer are listed than the limit — ", r.problems.size());
  }
  for (const Problem& p : r.problems) {
    if (p.record < -1 || p.record >= records) {
      return say("a problem names a record out of range — record ", p.record, " of ", records, ": ", p.message);
    }
    if (p.severity != Severity::warning && p.severity != Severity::error) return "a problem of no known severity";
    if (p.message.empty()) return say("a problem without a message — record ", p.record, " field ", p.field);
    if (find_invalid_utf8(p.message) != std::string::npos || find_invalid_utf8(p.id) != std::string::npos ||
        find_invalid_utf8(p.field) != std::string::npos) {
      return say("a problem's text is not valid UTF-8 — record ", p.record, " ", p.field, ": ",
                 sanitize_utf8(p.message));
    }
  }
  if (r.total_problems() < r.skipped) {
    return say("records skipped without a problem — ", r.skipped, " skipped, ", r.total_problems(), " problems");
  }
  if (static_cast<int64_t>(r.loaded + r.skipped) > records) {
    return say("more loaded and skipped than records — ", r.loaded, " loaded and ", r.skipped, " skipped of ", records);
  }
  if (!r.usable && (!board.empty() || r.total_problems() == 0)) {
    return say("not usable, yet articles or no problem — ", board.size(), " articles and ", r.total_problems(),
               " problems");
  }
  static const std::set<std::string> kFormats = {"newsroom-export", "article-array", "json-lines",
                                                 "gnuboard-phpmyadmin"};
  if (r.usable && !kFormats.count(r.format)) return say("usable, of an unknown format — ", r.format);

  for (const std::string* text : {&board.info.site, &board.info.title}) {
    if (const std::string t = line_trouble(*text); !t.empty())
      return say("the board's name ", t, " — ", text->substr(0, 80));
  }
  const std::vector<std::string>& categories = board.category_names();
  if (std::set<std::string>(categories.begin(), categories.end()).size() != categories.size())
    return "a category named twice";
  std::vector<uint32_t> order = board.board_order();
  std::sort(order.begin(), order.end());
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] != i) return "the board order is not each article once";
  }
  if (order.size() != board.size())
    return say("the board order misses articles — ", order.size(), " of ", board.size());

  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleDraft a = board.draft(i);
    const auto at = [&](const std::string& what, const std::string& trouble) {
      return say("article ", a.id, " (row ", i, "): ", what, " ", trouble);
    };
    if (a.id <= 0 || board.find(a.id) != i) return at("id", "is not positive or not found as itself");
    if (a.views < 0 || a.views > kMaxPlausibleViews) return at("views", std::to_string(a.views));
    if (a.number < 0 || a.number > INT32_MAX) return at("number", std::to_string(a.number));
    if (board.category_of(i) >= categories.size()) return at("category", "index past the names");
    if (a.title.empty()) return at("title", "is empty");
    if (a.category.empty()) return at("category", "is empty");
    for (const auto& [name, text] : {std::pair<const char*, const std::string*>{"title", &a.title},
                                     {"author", &a.author},
                                     {"category", &a.category},
                                     {"summary", &a.summary},
                                     {"source", &a.source_name}}) {
      if (const std::string t = line_trouble(*text); !t.empty()) return at(name, t);
    }
    if (const std::string t = text_trouble(a.body); !t.empty()) return at("body", t);
    if (const std::string t = address_trouble(a.source_url, 0); !t.empty()) return at("source url", t);
    // A record's own list, and for links and images an HTML body's: each up to the limit.
    if (a.tags.size() > limits::kListEntries) return at("tags", say("has ", a.tags.size(), " entries"));
    if (a.links.size() > 2 * limits::kListEntries) return at("links", say("has ", a.links.size(), " entries"));
    if (a.attachments.size() > 2 * limits::kListEntries)
      return at("attachments", say("has ", a.attachments.size(), " entries"));
    for (const std::string& tag : a.tags) {
      if (tag.empty()) return at("a tag", "is empty");
      if (const std::string t = line_trouble(tag); !t.empty()) return at("a tag", t);
    }
    for (const auto& link : a.links) {
      if (link.url.empty()) return at("a link", "has no address");
      if (const std::string t = line_trouble(link.title); !t.empty()) return at("a link's title", t);
      if (const std::string t = address_trouble(link.url, 0); !t.empty()) return at("a link's address", t);
      if (link.clicks < -1 || link.clicks > kMaxPlausibleViews)
        return at("a link's clicks", std::to_string(link.clicks));
    }
    for (const auto& file : a.attachments) {
      if (const std::string t = line_trouble(file.name); !t.empty()) return at("an attachment's name", t);
      if (const std::string t = address_trouble(file.url, base.size()); !t.empty())
        return at("an attachment's address", t);
      if (file.size < -1 || file.downloads < -1 || file.downloads > kMaxPlausibleViews) {
        return at("an attachment's numbers", say(file.size, " bytes, ", file.downloads, " downloads"));
      }
    }
  }
  return {};
}

}  // namespace

Verdict examine(const std::string& bytes, uint64_t plan_seed) {
  Rng plan(plan_seed);
  const std::string base = plan.one_in(3) ? "https://www.jbicp.or.kr/data/2024/articles.json" : "";
  ImportResult whole = import_export(bytes, kSource, base);
  Verdict verdict;
  verdict.articles = whole.board.size();
  const auto trouble = [&]() -> std::string {
    Run sliced = import_in_slices(bytes, base, plan);
    if (!sliced.trouble.empty()) return "in slices: " + sliced.trouble;
    if (std::string t = check_result(whole, sliced.records, base); !t.empty()) return "import_export: " + t;
    const std::string expected = describe(whole);
    if (const std::string d = describe(sliced.result); d != expected) {
      return "in slices, not what import_export gives: " + first_difference(expected, d);
    }
    Run streamed = import_streamed(bytes, base, plan);
    if (!streamed.trouble.empty()) return "streamed: " + streamed.trouble;
    if (const std::string d = describe(streamed.result); d != expected) {
      return "streamed, not what import_export gives: " + first_difference(expected, d);
    }
    if (streamed.records != sliced.records) {
      return say("streamed and in slices saw different records — ", streamed.records, " and ", sliced.records);
    }
    // Every record by the careful reader, no stretch read in one pass: the same again.
    read_lists_in_stretches(false);
    const std::string careful = describe(import_export(bytes, kSource, base));
    read_lists_in_stretches(true);
    if (careful != expected) {
      return "the careful reader alone, not what the stretches give: " + first_difference(expected, careful);
    }
    return {};
  };
  verdict.trouble = trouble();
  verdict.report = std::move(whole.report);
  return verdict;
}

}  // namespace newsroom::fuzz
