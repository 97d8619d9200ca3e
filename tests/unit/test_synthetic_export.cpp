// The synthetic export is what every benchmark figure is measured on: it must be the same
// file for the same seed on every platform, load cleanly, and look like the real board.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "io/importer.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

constexpr size_t kArticles = 2000;

const std::string& sample_export() {
  static const std::string bytes = make_synthetic_export(kArticles, 42);
  return bytes;
}

const ImportResult& sample_import() {
  static const ImportResult result = import_export(sample_export(), "synthetic");
  return result;
}

size_t code_points(std::string_view text) {
  size_t count = 0, pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) count += decode_utf8(text, pos, cp) ? 1 : 0;
  return count;
}

bool has_hangul(std::string_view text) {
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    if (decode_utf8(text, pos, cp) && cp >= 0xAC00 && cp <= 0xD7A3) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the same seed gives the same bytes, another seed another file") {
  const std::string a = make_synthetic_export(300, 7);
  CHECK(a == make_synthetic_export(300, 7));
  CHECK(a != make_synthetic_export(300, 8));
  CHECK(make_synthetic_export(300, 7).size() != make_synthetic_export(301, 7).size());
}

TEST_CASE("a synthetic export loads with no problems and exactly the articles asked for") {
  const ImportResult& result = sample_import();
  INFO((result.report.problems.empty() ? std::string()
                                       : result.report.problems[0].field + ": " + result.report.problems[0].message));
  CHECK(result.report.usable);
  CHECK(result.report.format == "newsroom-export");
  CHECK(result.report.problems.empty());
  CHECK(result.report.skipped == 0);
  CHECK(result.board.size() == kArticles);
  CHECK(result.board.info.site == "전북국제협력진흥원");
  CHECK(result.board.info.exported_at.has_value());

  const ImportResult empty = import_export(make_synthetic_export(0, 1), "synthetic");
  CHECK(empty.report.usable);
  CHECK(empty.report.problems.empty());
  CHECK(empty.board.size() == 0);
}

TEST_CASE("ids are unique and are not the board numbers; pinned notices carry number 0") {
  const Board& board = sample_import().board;
  std::set<int64_t> ids, numbers;
  size_t pinned = 0;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleView a = board.article(i);
    CHECK(a.id > 0);
    CHECK(a.id != a.number);
    ids.insert(a.id);
    if (a.pinned) {
      ++pinned;
      CHECK(a.number == 0);
      CHECK(a.category == "공지사항");
    } else {
      numbers.insert(a.number);
    }
  }
  CHECK(ids.size() == board.size());
  CHECK(numbers.size() == board.size() - pinned);  // numbers unique among the rest
  CHECK(pinned >= 1);
  CHECK(pinned <= 1 + board.size() / 1000);
  CHECK(board.pinned(board.board_order()[0]));  // the pinned notice heads the list
}

TEST_CASE("views are long-tailed and never negative") {
  const Board& board = sample_import().board;
  std::vector<int64_t> views;
  for (uint32_t i = 0; i < board.size(); ++i) views.push_back(board.views(i));
  std::sort(views.begin(), views.end());
  const int64_t median = views[views.size() / 2];
  INFO("median " << median << ", max " << views.back());
  CHECK(views.front() >= 0);
  CHECK(median >= 80);
  CHECK(median <= 300);
  CHECK(views.back() > 50 * median);
  CHECK(views[views.size() / 10] < median / 3);  // plenty of barely-read posts too
}

TEST_CASE("dates lie between 2010 and 2024 in Seoul time and follow the board numbers") {
  const Board& board = sample_import().board;
  std::map<int64_t, int64_t> date_by_number;
  std::set<int> years;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleView a = board.article(i);
    CHECK(a.published_at >= kSyntheticFirstInstant);
    CHECK(a.published_at < kSyntheticEndInstant);
    years.insert(static_cast<int>((a.published_at - kSyntheticFirstInstant) / (365 * 86400)));
    if (!a.pinned) date_by_number[a.number] = a.published_at;
  }
  CHECK(years.size() >= 14);  // spread over the whole period, not bunched
  int64_t previous = 0;
  for (const auto& [number, date] : date_by_number) {
    CHECK(date >= previous);  // a later number is never older
    previous = date;
  }
  CHECK(sample_export().find("+09:00\"") != std::string::npos);
}

TEST_CASE("categories are the board's five, with skewed frequencies") {
  const Board& board = sample_import().board;
  std::map<std::string_view, size_t> counts;
  for (uint32_t i = 0; i < board.size(); ++i) ++counts[board.article(i).category];
  CHECK(counts.size() >= 4);
  for (const auto& [name, count] : counts) {
    const std::set<std::string_view> known = {"보도자료", "공지사항", "행사소식", "사업안내", "교류소식"};
    CHECK(known.count(name) == 1);
  }
  CHECK(counts["보도자료"] > 2 * counts["행사소식"]);
}

TEST_CASE("titles are valid UTF-8 Hangul text of 15 to 45 characters") {
  const Board& board = sample_import().board;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const std::string_view title = board.title(i);
    INFO(title);
    CHECK(find_invalid_utf8(title) == std::string_view::npos);
    CHECK(has_hangul(title));
    CHECK(code_points(title) >= 15);
    CHECK(code_points(title) <= 45);
  }
}

TEST_CASE("bodies have 3 to 13 paragraphs and the file has the intended size") {
  const ImportResult& result = sample_import();
  const Board& board = result.board;
  size_t with_attachments = 0, with_source = 0;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const ArticleView a = board.article(i);
    const size_t paragraphs = split_paragraphs(a.body).size();
    CHECK(paragraphs >= 3);
    CHECK(paragraphs <= 13);  // 3–12, plus a contact line on some notices
    CHECK(has_hangul(a.summary));
    CHECK_FALSE(a.author.empty());
    with_attachments += board.attachments_of(i).empty() ? 0 : 1;
    with_source += a.source_name.empty() ? 0 : 1;
  }
  CHECK(with_attachments > board.size() / 5);
  CHECK(with_attachments < board.size() * 2 / 5);
  CHECK(with_source > board.size() / 5);
  CHECK(with_source < board.size() * 2 / 5);
  // 100k articles make a file of roughly 200–250 MB.
  const double per_article = static_cast<double>(sample_export().size()) / kArticles;
  CHECK(per_article > 2000);
  CHECK(per_article < 2500);
}
