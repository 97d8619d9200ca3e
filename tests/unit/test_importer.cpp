#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "core/dates.h"
#include "io/importer.h"
#include "test_support.h"

using namespace newsroom;

namespace {

std::string export_with(const std::string& articles) {
  return R"({"format":"newsroom-export","version":1,"exported_at":"2024-03-15T09:00:00+09:00",)"
         R"("board":{"site":"전북국제협력진흥원","title":"뉴스룸","breadcrumb":["Home","홍보마당","뉴스룸"]},)"
         R"("articles":[)" +
         articles + "]}";
}

const Problem* find_problem(const ImportReport& report, int64_t record, const std::string& field) {
  for (const Problem& p : report.problems) {
    if (p.record == record && p.field == field) return &p;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a canonical export becomes a board with every field") {
  const auto result = import_export(export_with(R"({"id":1201,"number":35,"category":"보도자료",
      "title":"전북과 카자흐스탄","author":"관리자","published_at":"23-12-20 13:14","views":254,
      "body_format":"text","body":"첫 문단\n\n둘째 문단","summary":"요약",
      "source":{"name":"프레시안","url":"https://www.pressian.com/pages/articles/2023120512433707527"},
      "attachments":[{"name":"사진1.jpg","url":"attachments/1201/사진1.jpg","size":351234,"downloads":7}],
      "links":[{"title":"기사","url":"https://example.org"}],"tags":["카자흐스탄"]})"),
                                    "articles.json");
  REQUIRE(result.report.usable);
  CHECK(result.report.problems.empty());
  CHECK(result.report.format == "newsroom-export");
  REQUIRE(result.board.size() == 1);
  const ArticleView a = result.board.article(0);
  CHECK(a.id == 1201);
  CHECK(a.number == 35);
  CHECK(a.category == "보도자료");
  CHECK(a.title == "전북과 카자흐스탄");
  CHECK(a.author == "관리자");
  CHECK(format_board_datetime(a.published_at) == "23-12-20 13:14");
  CHECK(a.views == 254);
  CHECK(a.body == "첫 문단\n\n둘째 문단");
  CHECK(a.source_name == "프레시안");
  CHECK(a.source_url == "https://www.pressian.com/pages/articles/2023120512433707527");
  REQUIRE(result.board.attachments_of(0).size() == 1);
  CHECK(result.board.text(result.board.attachments_of(0)[0].name) == "사진1.jpg");
  CHECK(result.board.attachments_of(0)[0].size == 351234);
  CHECK(result.board.info.site == "전북국제협력진흥원");
  CHECK(result.board.info.breadcrumb == std::vector<std::string>{"Home", "홍보마당", "뉴스룸"});
  REQUIRE(result.board.info.exported_at);
  CHECK(format_iso_seoul(*result.board.info.exported_at) == "2024-03-15T09:00:00+09:00");
}

TEST_CASE("bad records are reported by record, id and field while good ones load") {
  const auto result = import_export(export_with(R"J(
      {"id":1,"title":"좋은 글","published_at":"2023-01-02 10:00","views":"1,254"},
      {"id":2,"title":"날짜 없음","views":3},
      {"id":3,"title":"조회수 음수","published_at":"2023-01-03 10:00","views":-5},
      {"id":"abc","title":"아이디 오류","published_at":"2023-01-03 10:00"},
      {"id":5,"title":"","published_at":"2023-01-03 10:00"},
      "not an object",
      {"id":7,"title":"소수 조회수","published_at":"0000-00-00 00:00:00"},
      {"id":8,"title":"[행사소식] 분류가 제목에","published_at":1703045640,"views":12.5,
       "source":{"name":"이상한 링크","url":"javascript:alert(1)"}})J"),
                                    "mixed.json");
  const ImportReport& report = result.report;
  REQUIRE(report.usable);
  CHECK(report.loaded == 3);
  CHECK(report.skipped == 5);
  CHECK(result.board.size() == 3);

  const auto first = result.board.find(1);
  REQUIRE(first);
  CHECK(result.board.views(*first) == 1254);

  const Problem* no_date = find_problem(report, 1, "published_at");
  REQUIRE(no_date);
  CHECK(no_date->id == "2");
  CHECK(no_date->severity == Severity::error);

  const Problem* negative = find_problem(report, 2, "views");
  REQUIRE(negative);
  CHECK(negative->message.find("-5") != std::string::npos);
  const auto third = result.board.find(3);
  REQUIRE(third);
  CHECK(result.board.views(*third) == 0);  // dropped, not clamped or wrapped

  CHECK(find_problem(report, 3, "id"));
  CHECK(find_problem(report, 4, "title"));
  CHECK(find_problem(report, 5, ""));
  REQUIRE(find_problem(report, 6, "published_at"));
  CHECK(find_problem(report, 6, "published_at")->message.find("0000-00-00") != std::string::npos);

  const auto eighth = result.board.find(8);
  REQUIRE(eighth);
  const ArticleView a = result.board.article(*eighth);
  CHECK(a.category == "행사소식");
  CHECK(a.title == "분류가 제목에");
  CHECK(find_problem(report, 7, "views"));  // 12.5 is not a count
  REQUIRE(find_problem(report, 7, "source.url"));
  CHECK(find_problem(report, 7, "source.url")->severity == Severity::warning);
}

TEST_CASE("a repeated id keeps the last record and reports the earlier one") {
  const auto result = import_export(R"([
      {"id":9,"title":"처음","published_at":"2023-01-01 09:00"},
      {"id":9,"title":"나중","published_at":"2023-01-02 09:00"}])",
                                    "dup.json");
  CHECK(result.report.format == "article-array");
  REQUIRE(result.board.size() == 1);
  CHECK(result.board.title(0) == "나중");
  const Problem* dup = find_problem(result.report, 1, "id");
  REQUIRE(dup);
  CHECK(dup->severity == Severity::warning);
}

TEST_CASE("a record's members are read in any order, unknown ones skipped, a repeated name by its first member") {
  // Unknown members (one holding a "title" of its own) before and between the known ones;
  // "title" and "views" given twice. The reader looks a member up by name, which finds the
  // first (JSON.parse would keep the last): a reader that walks the record once must too.
  const auto result = import_export(export_with(R"({"tags":["농업"],"extra":{"title":"안쪽 제목","views":7},
      "views":3,"title":"처음 제목","wr_name":"무시","published_at":"2023-01-01 09:00","id":5,
      "title":"둘째 제목","views":99,"author":"국제협력팀"})"),
                                    "order.json");
  REQUIRE(result.report.usable);
  REQUIRE(result.board.size() == 1);
  const ArticleView a = result.board.article(0);
  CHECK(a.id == 5);
  CHECK(a.title == "처음 제목");
  CHECK(a.views == 3);
  CHECK(a.author == "국제협력팀");
  REQUIRE(result.board.tags_of(0).size() == 1);
  CHECK(result.board.text(result.board.tags_of(0)[0]) == "농업");
  CHECK(result.report.problems.empty());
}

TEST_CASE("whole-file failures say where and what was expected") {
  SECTION("empty") {
    const auto r = import_export("  \n", "empty.json").report;
    CHECK_FALSE(r.usable);
    CHECK(r.problems.at(0).message.find("empty") != std::string::npos);
  }
  SECTION("truncated") {
    const std::string text = export_with(R"({"id":1,"title":"잘린 파일","published_at":"2023-01-01"})");
    const auto r = import_export(text.substr(0, text.size() - 10), "cut.json").report;
    CHECK_FALSE(r.usable);
    CHECK(r.problems.at(0).message.find("byte " + std::to_string(text.size() - 10)) != std::string::npos);
    CHECK(r.problems.at(0).message.find("truncated") != std::string::npos);
  }
  SECTION("syntax error in the middle names line and column") {
    const auto r = import_export("[\n  {\"id\": 1,,}\n]", "bad.json").report;
    CHECK_FALSE(r.usable);
    CHECK(r.problems.at(0).message.find("byte 13 (line 2, column 12)") != std::string::npos);
  }
  SECTION("JSON that is not an export") {
    const auto r = import_export(R"({"hello":"world"})", "other.json").report;
    CHECK_FALSE(r.usable);
    CHECK(r.problems.at(0).message.find("\"articles\"") != std::string::npos);
  }
  SECTION("EUC-KR from an old board") {
    // "뉴스룸 뉴스룸 뉴스룸" in EUC-KR
    const std::string word = "\xB4\xBA\xBD\xBA\xB7\xEB";
    const std::string euckr =
        "[{\"id\":1,\"title\":\"" + word + " " + word + " " + word + "\",\"published_at\":\"2023-01-01\"}]";
    const auto r = import_export(euckr, "old.json").report;
    CHECK_FALSE(r.usable);
    CHECK(r.problems.at(0).message.find("EUC-KR") != std::string::npos);
  }
  SECTION("a BOM is accepted") {
    const auto r =
        import_export("\xEF\xBB\xBF[{\"id\":1,\"title\":\"t\",\"published_at\":\"2023-01-01\"}]", "bom.json");
    CHECK(r.report.usable);
    CHECK(r.board.size() == 1);
  }
}

TEST_CASE("a stray invalid byte inside one title does not cost the other records") {
  const auto result = import_export(
      "[{\"id\":1,\"title\":\"깨진 \xFF 글자\",\"published_at\":\"2023-01-01\"},"
      "{\"id\":2,\"title\":\"멀쩡한 글\",\"published_at\":\"2023-01-02\"}]",
      "stray.json");
  REQUIRE(result.report.usable);
  CHECK(result.board.size() == 2);
  CHECK(result.board.title(*result.board.find(1)) == "깨진 \xEF\xBF\xBD 글자");
  CHECK(result.report.count(Severity::warning) == 1);
}

TEST_CASE("JSONTestSuite: the importer never crashes and refuses every invalid file") {
  const auto corpora = test::corpora_dir();
  if (!corpora) {
    WARN("NEWSROOM_CORPORA is not set: skipping the JSONTestSuite corpus test");
    return;
  }
  const std::filesystem::path dir = std::filesystem::path(*corpora) / "JSONTestSuite" / "test_parsing";
  REQUIRE(std::filesystem::is_directory(dir));
  size_t refused = 0, checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const auto bytes = test::read_file(entry.path().string());
    REQUIRE(bytes);
    const ImportReport report = import_export(*bytes, name).report;
    ++checked;
    if (name.rfind("n_", 0) == 0) {
      INFO(name);
      CHECK_FALSE(report.usable);
      // Refused with a place in the file: some problem names a byte offset.
      CHECK(std::any_of(report.problems.begin(), report.problems.end(),
                        [](const Problem& p) { return p.message.find("byte") != std::string::npos; }));
      ++refused;
    }
  }
  CHECK(checked > 300);
  CHECK(refused > 180);
}

// The page's two wasm modules differ in one thing: the SIMD one parses with simdjson's
// westmere kernel on wasm SIMD. Every other test here runs in both; this one checks that the
// SIMD module really uses that kernel, and that no build is left without a usable one.
TEST_CASE("the importer parses with a usable simdjson kernel; the SIMD build's is westmere") {
  const std::string kernel(json_kernel());
  INFO("kernel: " << kernel);
  CHECK(kernel != "unsupported");
#if defined(NEWSROOM_WASM_SIMD)
  CHECK(kernel == "westmere");
#endif
  const ImportResult result =
      import_export(test::read_file(test::source_dir() + "/data/articles.json").value(), "data/articles.json");
  REQUIRE(result.report.usable);
  CHECK(result.board.size() == 45);
}
