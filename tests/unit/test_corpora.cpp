// Outside data nobody on this project wrote: run when NEWSROOM_CORPORA points at
// ../shared/corpora (see its README), skipped with a visible warning otherwise.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "io/importer.h"
#include "io/text_normalize.h"
#include "test_support.h"

using namespace newsroom;

namespace {

// A JSON string literal holding raw bytes (malformed UTF-8 included) as they are.
std::string raw_json_string(std::string_view bytes) {
  std::string out = "\"";
  for (const char c : bytes) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

TEST_CASE("naughty strings as title, author and body survive a round trip") {
  const char* blns_path = std::getenv("NEWSROOM_BLNS");  // blns.json, unpacked by scripts/test.sh
  if (!test::corpora_dir() || !blns_path) {
    WARN("NEWSROOM_CORPORA / NEWSROOM_BLNS not set: skipping the naughty strings corpus test");
    return;
  }
  const auto text = test::read_file(blns_path);
  REQUIRE(text);
  const nlohmann::json strings = nlohmann::json::parse(*text, nullptr, false);
  REQUIRE(strings.is_array());
  REQUIRE(strings.size() > 500);

  nlohmann::json records = nlohmann::json::array();
  for (size_t i = 0; i < strings.size(); ++i) {
    const std::string& s = strings[i].get_ref<const std::string&>();
    records.push_back({{"id", i + 1},
                       {"title", s},
                       {"author", s},
                       {"body", s},
                       {"body_format", "text"},
                       {"published_at", "2024-01-01 09:00"},
                       {"category", s}});
  }
  const auto result = import_export(records.dump(), "blns.json");
  REQUIRE(result.report.usable);
  size_t loaded = 0;
  for (size_t i = 0; i < strings.size(); ++i) {
    const std::string& s = strings[i].get_ref<const std::string&>();
    const auto index = result.board.find(static_cast<int64_t>(i + 1));
    const std::string expected_title = normalize_line(trim_truncated_tail(s));
    INFO("string " << i << ": " << s);
    if (expected_title.empty()) {
      CHECK_FALSE(index);  // an empty title is reported, never shown as a blank row
      continue;
    }
    REQUIRE(index);
    ++loaded;
    const ArticleView a = result.board.article(*index);
    CHECK(a.title == expected_title);
    CHECK(a.author == normalize_line(s));
    CHECK(a.body == normalize_text(s));
    CHECK(find_invalid_utf8(a.title) == std::string::npos);
    // Script injection stays text: no field is ever executed or turned into a link.
    CHECK(result.board.links_of(*index).empty());
  }
  CHECK(loaded + result.report.skipped == strings.size());
}

TEST_CASE("Markus Kuhn's UTF-8 stress test: every malformed sequence becomes U+FFFD, valid lines are untouched") {
  const auto corpora = test::corpora_dir();
  if (!corpora) {
    WARN("NEWSROOM_CORPORA is not set: skipping the UTF-8 stress test");
    return;
  }
  const auto text = test::read_file(*corpora + "/utf8-stress/UTF-8-test.txt");
  REQUIRE(text);
  // Policy: each line becomes an article whose title is the line; malformed bytes are
  // replaced (one U+FFFD per broken sequence), the record loads, and a warning names it.
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    lines.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  std::string json = "[";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) json += ",\n";
    json += "{\"id\":" + std::to_string(i + 1) + ",\"title\":" + raw_json_string("줄 " + lines[i]) +
            ",\"published_at\":\"2024-01-01\"}";
  }
  json += "]";
  const auto result = import_export(json, "UTF-8-test.json");
  REQUIRE(result.report.usable);
  size_t malformed_lines = 0, warnings = 0;
  for (const Problem& p : result.report.problems) warnings += p.severity == Severity::warning ? 1 : 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i + 1);
    const auto index = result.board.find(static_cast<int64_t>(i + 1));
    REQUIRE(index);  // no line is lost
    const std::string_view title = result.board.title(*index);
    CHECK(find_invalid_utf8(title) == std::string_view::npos);
    if (find_invalid_utf8(lines[i]) == std::string::npos) {
      CHECK(title == normalize_line("줄 " + lines[i]));
    } else {
      ++malformed_lines;
    }
  }
  CHECK(malformed_lines > 50);
  CHECK(warnings >= malformed_lines);
}
