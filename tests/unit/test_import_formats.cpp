// The shapes of export the data team drops in, detected without being told, and the
// normalization rules applied to each.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/dates.h"
#include "io/importer.h"
#include "io/manifest.h"

using namespace newsroom;

namespace {

const Problem* find_problem(const ImportReport& report, int64_t record, const std::string& field) {
  for (const Problem& p : report.problems) {
    if (p.record == record && p.field == field) return &p;
  }
  return nullptr;
}

bool any_message_contains(const ImportReport& report, const std::string& text) {
  return std::any_of(report.problems.begin(), report.problems.end(),
                     [&](const Problem& p) { return p.message.find(text) != std::string::npos; });
}

// A phpMyAdmin JSON export of a Gnuboard5 g5_write_ table: every value a string.
const char* kGnuboardExport = R"J([
{"type":"header","version":"5.2.1","comment":"Export to JSON plugin for PHPMyAdmin"},
{"type":"database","name":"jbcf"},
{"type":"table","name":"g5_write_news","database":"jbcf","data":
[
{"wr_id":"388","wr_num":"-351","wr_reply":"","wr_parent":"388","wr_is_comment":"0","wr_comment":"0","ca_name":"보도자료",
 "wr_option":"html1","wr_subject":"전북과 카자흐스탄 경제포럼","wr_content":"<p>첫 문단&amp;소식</p><p>둘째 <a href=\"https://www.pressian.com/x\">기사</a></p>",
 "wr_link1":"https://www.pressian.com/pages/articles/2023120512433707527","wr_link2":"javascript:alert(1)",
 "wr_link1_hit":"17","wr_link2_hit":"0","wr_hit":"254","wr_good":"0","wr_nogood":"0","mb_id":"admin",
 "wr_password":"*8A1B2C3D4E","wr_name":"관리자","wr_email":"press@example.org","wr_homepage":"",
 "wr_datetime":"2023-12-20 13:14:05","wr_file":"1","wr_last":"2023-12-20 13:14:05","wr_ip":"203.0.113.7",
 "wr_facebook_user":"","wr_twitter_user":"","wr_1":"","wr_2":null},
{"wr_id":"389","wr_num":"-351","wr_reply":"","wr_parent":"388","wr_is_comment":"1","wr_comment":"1","ca_name":"",
 "wr_option":"","wr_subject":"","wr_content":"좋은 소식이네요","wr_link1":"","wr_link2":"","wr_hit":"0","mb_id":"",
 "wr_password":"","wr_name":"방문자","wr_email":"","wr_homepage":"","wr_datetime":"2023-12-21 09:00:00","wr_ip":"198.51.100.2"},
{"wr_id":"390","wr_num":"-352","wr_is_comment":"0","ca_name":"공지사항","wr_option":"secret","wr_subject":"비밀글",
 "wr_content":"비공개","wr_hit":"3","wr_name":"관리자","wr_datetime":"2024-01-02 10:00:00","wr_ip":"203.0.113.7"},
{"wr_id":"391","wr_num":"-353","wr_is_comment":"0","ca_name":"","wr_option":"","wr_subject":"[행사소식] 아카데미 수료식",
 "wr_content":"첫 줄\r\n둘째 줄","wr_hit":"1,254","wr_name":"홍보팀","wr_datetime":"0000-00-00 00:00:00","wr_ip":""},
{"wr_id":"392","wr_num":"-354","wr_is_comment":"0","ca_name":"","wr_option":"","wr_subject":"[행사소식] 아카데미 수료식",
 "wr_content":"첫 줄\r\n둘째 줄","wr_hit":"1,254","wr_name":"홍보팀","wr_datetime":"2024-02-01 15:30:00","wr_ip":""}
]
}
])J";

}  // namespace

TEST_CASE("Gnuboard5 tables exported by phpMyAdmin become articles, without comments, secrets or personal data") {
  const auto result = import_export(kGnuboardExport, "g5_write_news.json");
  const ImportReport& report = result.report;
  CHECK(report.format == "gnuboard-phpmyadmin");
  REQUIRE(report.usable);
  CHECK(result.board.size() == 2);  // 388 and 392: 389 is a comment, 390 secret, 391 undated
  CHECK(report.skipped == 1);
  CHECK_FALSE(result.board.find(389));
  CHECK_FALSE(result.board.find(390));

  const auto seed = result.board.find(388);
  REQUIRE(seed);
  const ArticleView a = result.board.article(*seed);
  CHECK(a.title == "전북과 카자흐스탄 경제포럼");
  CHECK(a.category == "보도자료");
  CHECK(a.author == "관리자");
  CHECK(a.views == 254);
  CHECK(a.number == 351);
  CHECK(format_board_datetime(a.published_at) == "23-12-20 13:14");  // wr_datetime is Seoul time
  CHECK(a.body == "첫 문단&소식\n\n둘째 기사");                      // html1: an HTML body
  const auto& links = result.board.links_of(*seed);
  REQUIRE(links.size() == 3);  // the body's link, then wr_link1 and wr_link2 (shown as text)
  CHECK(result.board.text(links[1].url) == "https://www.pressian.com/pages/articles/2023120512433707527");
  CHECK(links[1].clicks == 17);
  CHECK(find_problem(report, 0, "wr_link2"));  // javascript: is never a link

  const auto later = result.board.find(392);
  REQUIRE(later);
  CHECK(result.board.article(*later).category == "행사소식");
  CHECK(result.board.article(*later).title == "아카데미 수료식");
  CHECK(result.board.article(*later).views == 1254);
  CHECK(result.board.article(*later).body == "첫 줄\n둘째 줄");

  CHECK(find_problem(report, 3, "wr_datetime"));
  CHECK(any_message_contains(report, "1 comment rows"));
  CHECK(any_message_contains(report, "1 secret posts"));
  // The checker names every personal column the file publishes.
  CHECK(report.personal_columns == std::set<std::string>{"mb_id", "wr_email", "wr_ip", "wr_password"});
  CHECK(any_message_contains(report, "mb_id, wr_email, wr_ip, wr_password"));
}

TEST_CASE("JSON Lines: one article per line, a bad line costs only itself") {
  const auto result = import_export(
      "{\"id\":1,\"title\":\"첫째\",\"published_at\":\"2024-01-01 09:00\"}\n"
      "{\"id\":2,\"title\":\"둘째\",\"published_at\":\"2024-01-02 09:00\",\"views\":\"12\"}\n"
      "{\"id\":3,\"title\":\"셋째\",\"published_at\":\"어제\"}\n"
      "\n"
      "{\"id\":4,\"title\":\"넷째\",\"published_at\":\"2024-01-04 09:00\"}\n",
      "articles.jsonl");
  CHECK(result.report.format == "json-lines");
  CHECK(result.board.size() == 3);
  CHECK(result.report.skipped == 1);
  REQUIRE(find_problem(result.report, 2, "published_at"));
  CHECK(find_problem(result.report, 2, "published_at")->id == "3");
}

TEST_CASE("members of the export may come in any order, and unknown ones are ignored") {
  const auto result = import_export(
      R"({"articles":[{"id":5,"title":"t","published_at":"2024-01-01","extra":{"deep":[1,2]}}],
          "generator":"board-export 2.1","exported_at":"2024-03-15 09:00","board":{"title":"보도자료실"}})",
      "reordered.json");
  REQUIRE(result.report.usable);
  CHECK(result.report.problems.empty());
  CHECK(result.board.info.title == "보도자료실");
  REQUIRE(result.board.info.exported_at);
  CHECK(format_full_datetime(*result.board.info.exported_at) == "2024-03-15 09:00");
}

TEST_CASE("a category field wins over a [분류] prefix, which leaves the title only when used or repeated") {
  const auto result = import_export(R"([
      {"id":1,"title":"[보도자료] 접두어만","published_at":"2024-01-01"},
      {"id":2,"title":"[보도자료] 같은 분류","category":"보도자료","published_at":"2024-01-01"},
      {"id":3,"title":"[안내] 다른 분류","category":"공지사항","published_at":"2024-01-01"},
      {"id":4,"title":"[] 빈 괄호","published_at":"2024-01-01"}])",
                                    "categories.json");
  const Board& b = result.board;
  CHECK(b.article(*b.find(1)).category == "보도자료");
  CHECK(b.article(*b.find(1)).title == "접두어만");
  CHECK(b.article(*b.find(2)).title == "같은 분류");
  CHECK(b.article(*b.find(3)).category == "공지사항");
  CHECK(b.article(*b.find(3)).title == "[안내] 다른 분류");
  CHECK(b.article(*b.find(4)).category == "미분류");
}

TEST_CASE("a title cut inside a Hangul syllable is repaired and reported") {
  std::string title = "카자흐스탄 경제포럼";
  title.resize(title.size() - 1);  // a 255-byte limit cut the last syllable
  const auto result =
      import_export("[{\"id\":1,\"title\":\"" + title + "\",\"published_at\":\"2024-01-01\"}]", "cut.json");
  REQUIRE(result.board.size() == 1);
  CHECK(result.board.title(0) == "카자흐스탄 경제포");
  REQUIRE(find_problem(result.report, 0, "title"));
  CHECK(find_problem(result.report, 0, "title")->severity == Severity::warning);
}

TEST_CASE("a file cut inside deep nesting and trailing content are whole-file failures with an offset") {
  std::string deep = "[";
  for (int i = 0; i < 200; ++i) deep += "[";
  const auto too_deep = import_export(deep, "deep.json").report;
  CHECK_FALSE(too_deep.usable);
  CHECK(too_deep.problems.at(0).message.find("truncated") != std::string::npos);
  CHECK(too_deep.problems.at(0).message.find("byte 201") != std::string::npos);

  const auto trailing =
      import_export("[{\"id\":1,\"title\":\"t\",\"published_at\":\"2024-01-01\"}] x", "tail.json").report;
  CHECK_FALSE(trailing.usable);
  CHECK(trailing.problems.at(0).message.find("byte 51") != std::string::npos);

  const auto scalar = import_export("\"just text\"", "scalar.json").report;
  CHECK_FALSE(scalar.usable);
  CHECK(scalar.problems.at(0).message.find("byte 0") != std::string::npos);
}

TEST_CASE("a manifest lists the files of an archive; parts merge, later files win, a bad part is named") {
  std::string error;
  CHECK_FALSE(read_manifest(R"({"articles":[]})", error));  // an export, not a manifest
  const auto manifest = read_manifest(
      R"({"format":"newsroom-manifest","version":1,"exports":["2022.json",{"url":"parts/2023.json"}]})", error);
  REQUIRE(manifest);
  CHECK(error.empty());
  CHECK(manifest->files == std::vector<std::string>{"2022.json", "parts/2023.json"});
  read_manifest(R"({"format":"newsroom-manifest","exports":["https://elsewhere.example/x.json"]})", error);
  CHECK(error.find("exports[0]") != std::string::npos);

  const std::string first = R"({"exported_at":"2022-12-31 18:00","articles":[
      {"id":1,"title":"하나","published_at":"2022-01-01"},{"id":2,"title":"둘","published_at":"2022-02-01"}]})";
  const std::string second = R"J({"exported_at":"2023-12-31 18:00","articles":[
      {"id":2,"title":"둘 (고침)","published_at":"2022-02-01"},{"id":3,"title":"셋","published_at":"2023-01-01"}]})J";
  const auto result = import_parts({{"2022.json", first, ""},
                                    {"2023.json", second, ""},
                                    {"2024.json", "{\"articles\": [", ""},
                                    {"2025.json", "", "HTTP 404 Not Found"}},
                                   "data/manifest.json");
  REQUIRE(result.report.usable);
  CHECK(result.board.size() == 3);
  CHECK(result.board.title(*result.board.find(2)) == "둘 (고침)");
  CHECK(format_full_datetime(*result.board.info.exported_at) == "2023-12-31 18:00");
  const auto named = [&](const std::string& file) {
    return std::any_of(result.report.problems.begin(), result.report.problems.end(),
                       [&](const Problem& p) { return p.file == file; });
  };
  CHECK(named("2023.json"));  // the replaced id 2
  CHECK(named("2024.json"));  // truncated
  CHECK(named("2025.json"));  // not fetched
}

TEST_CASE("relative attachment addresses work from the page: resolved against the file they came from") {
  const std::string part = R"({"articles":[{"id":7,"title":"사진","published_at":"2023-12-20 13:14",
      "attachments":[{"name":"사진1.jpg","url":"attachments/7/사진1.jpg"},{"name":"root.pdf","url":"/files/root.pdf"},
                     {"name":"far.png","url":"https://elsewhere.example/far.png"}],
      "body_format":"html","body":"<p><img src=\"inline/7.png\" alt=\"그림\"></p>"}]})";
  const auto urls = [](const ImportResult& r) {
    std::vector<std::string> out;
    for (const AttachmentRef& a : r.board.attachments_of(0)) out.emplace_back(r.board.text(a.url));
    return out;
  };
  // The checker reads files from disk: addresses stay as written (images of an HTML body
  // come first).
  CHECK(urls(import_export(part, "articles.json")) ==
        std::vector<std::string>{"inline/7.png", "attachments/7/사진1.jpg", "/files/root.pdf",
                                 "https://elsewhere.example/far.png"});
  // The page fetched data/articles.json: the file's folder comes first; rooted and absolute
  // addresses are left alone.
  CHECK(urls(import_export(part, "data/articles.json", "data/articles.json")) ==
        std::vector<std::string>{"data/inline/7.png", "data/attachments/7/사진1.jpg", "/files/root.pdf",
                                 "https://elsewhere.example/far.png"});
  // A manifest's part resolves against its own address, not the manifest's.
  const auto merged =
      import_parts({{"2023/part.json", part, ""}}, "data/manifest.json", "https://host.example/data/manifest.json?v=2");
  CHECK(urls(merged)[1] == "https://host.example/data/2023/attachments/7/사진1.jpg");
}
