// The importer reads clean stretches of a list of articles in one simdjson On-Demand pass
// and hands every other record to its careful reader (io/import_stretch.cpp). Whatever the
// file holds, the data team must get the same board and the same report, problem for
// problem, as from the careful reader alone: these tests import every file both ways.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "io/importer.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

// Everything the board and the report say, field by field, as text.
std::string everything(const ImportResult& result) {
  const ImportReport& report = result.report;
  std::string out = report.format + " usable=" + std::to_string(report.usable) +
                    " loaded=" + std::to_string(report.loaded) + " skipped=" + std::to_string(report.skipped) +
                    " unlisted=" + std::to_string(report.unlisted.size()) + "\n";
  for (const Problem& p : report.problems) {
    out += std::to_string(static_cast<int>(p.severity)) + " " + std::to_string(p.record) + " " + p.id + " " + p.field +
           ": " + p.message + "\n";
  }
  const Board& board = result.board;
  out += board.info.site + " / " + board.info.title + " @" + std::to_string(board.info.exported_at.value_or(-1)) + "\n";
  for (uint32_t row = 0; row < board.size(); ++row) {
    const ArticleDraft a = board.draft(row);
    out += std::to_string(a.id) + " #" + std::to_string(a.number) + " " + a.category + " | " + a.title + " | " +
           a.author + " " + std::to_string(a.published_at) + " " + std::to_string(a.views) +
           (a.pinned ? " pinned" : "") + " | " + a.summary + " | " + a.source_name + " " + a.source_url + "\n" +
           a.body + "\n";
    for (const auto& link : a.links)
      out += " link " + link.title + " " + link.url + " " + std::to_string(link.clicks) + "\n";
    for (const auto& file : a.attachments) {
      out += " file " + file.name + " " + file.url + " " + std::to_string(file.size) + " " +
             std::to_string(file.downloads) + "\n";
    }
    for (const auto& tag : a.tags) out += " tag " + tag + "\n";
  }
  return out;
}

struct BothWays {
  std::string careful, stretches;
  int64_t in_stretches = 0;  // records the one-pass reader took
};

BothWays import_both_ways(const std::string& bytes, const std::string& base = "data/2024.json") {
  BothWays out;
  read_lists_in_stretches(false);
  out.careful = everything(import_export(bytes, "f.json", base));
  read_lists_in_stretches(true);
  ImportJob job(bytes, "f.json", base);
  ImportResult result = std::move(job).finish();
  out.in_stretches = job.records_in_stretches();
  out.stretches = everything(result);
  return out;
}

// A clean record of the project's export, with every member the viewer reads.
std::string clean(int id) {
  const std::string n = std::to_string(id);
  return R"({"id":)" + n + R"(,"number":)" + n + R"(,"category":"보도자료","title":"전북국제협력진흥원 소식 )" + n +
         R"(","author":"홍보팀","published_at":"2023-12-20T13:14:00+09:00","views":254,"pinned":false,)"
         R"("body_format":"text","body":"첫 문단입니다.\n\n둘째 문단 )" +
         n +
         R"(.","summary":"요약","source":{"name":"전북일보","url":"https://example.org/a"},)"
         R"("links":[{"title":"원문","url":"https://example.org/b","clicks":3},"https://example.org/c"],)"
         R"("attachments":[{"name":"사진.jpg","url":"files/1.jpg","size":1024,"downloads":7},"안내.hwp"],)"
         R"("tags":["국제협력","전북"]})";
}

// Records that ask for the careful reader, one way or another: every kind of value the
// quick reader does not take, and records that are not valid JSON.
const std::vector<std::string>& odd_records() {
  static const std::vector<std::string> records = [] {
    const std::string head = R"({"id":900,"title":"제목","published_at":"2024-01-02")";
    std::vector<std::string> r = {
        head + "}",
        head + R"(,"views":null,"number":null,"pinned":null,"category":null,"author":null,"summary":null})",
        head + R"(,"body":null,"body_format":null,"source":null,"links":null,"attachments":null,"tags":null})",
        R"({"id":"901","title":"글","published_at":"2024-01-02"})",
        R"({"id":0,"title":"글","published_at":"2024-01-02"})",
        R"({"id":-3,"title":"글","published_at":"2024-01-02"})",
        R"({"id":5.0,"title":"글","published_at":"2024-01-02"})",
        R"({"id":99999999999999999999,"title":"글","published_at":"2024-01-02"})",
        R"({"id":902,"title":"","published_at":"2024-01-02"})",
        R"({"id":903,"title":"   ","published_at":"2024-01-02"})",
        R"({"id":904,"title":null,"published_at":"2024-01-02"})",
        R"({"id":905,"title":"잘린 글자 )"
        "\xEA\xB0"
        R"(","published_at":"2024-01-02"})",
        R"({"id":906,"title":")" + std::string(1200, 'x') + R"(","published_at":"2024-01-02"})",
        R"({"id":907,"title":"[공지] 제목","published_at":"2024-01-02"})",
        R"({"id":908,"title":"[공지] 제목","category":"공지","published_at":"2024-01-02"})",
        R"({"id":909,"title":"[공지] 제목","category":"행사","published_at":"2024-01-02"})",
        R"({"id":910,"title":"글","published_at":"2024-13-45"})",
        R"({"id":911,"title":"글","published_at":1703045640})",
        R"({"id":912,"title":"글","published_at":1.5})",
        R"({"id":913,"title":"글"})",
        head + R"(,"views":"1,254","number":"12"})",
        head + R"(,"views":12.0,"number":3e2})",
        head + R"(,"views":-1})",
        head + R"(,"views":2000000000})",
        head + R"(,"views":1e400})",
        head + R"(,"views":-0})",
        head + R"(,"number":2147483648})",
        head + R"(,"pinned":1})",
        head + R"(,"pinned":"true"})",
        head + R"(,"pinned":"yes"})",
        head +
            R"(,"body_format":"html","body":"<p>문단 <a href=\"https://e.org\">링크</a></p><img src=\"a.png\" alt=\"그림\">"})",
        head + R"(,"body":"<p>형식 없이 HTML</p>"})",
        head + R"(,"body_format":"markdown","body":"# 제목"})",
        head + R"(,"body_format":"text","body":"<p>글로 읽는 태그</p>"})",
        head + R"(,"body":"가\r\n나\u0001다"})",
        head + R"(,"body":"분해된 한글: )"
               "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"
               R"("})",
        head + R"(,"body":")" + std::string((size_t{1} << 20) + 10, 'b') + R"("})",
        head + R"(,"category":"  여러   칸  "})",
        head + R"(,"author":")" + std::string(1001, 'a') + R"("})",
        head + R"(,"source":"전북일보"})",
        head + R"(,"source":{"name":"전북일보"}})",
        head + R"(,"source":{"url":null}})",
        head + R"(,"source":{"name":null,"url":"https://e.org"}})",
        head + R"x(,"source":{"name":"a","url":"javascript:alert(1)"}})x",
        head + R"(,"source":{"name":"a","url":"https://e.org","lang":"ko"}})",
        head + R"(,"source":{"name":"a","name":"b"}})",
        head + R"(,"source":["a"]})",
        head + R"(,"links":["https://e.org", {"url":"mailto:a@e.org"}, {"title":"제목","url":"/files/a"}]})",
        head + R"(,"links":[{"title":"no url"}]})",
        head + R"(,"links":[{"url":"   "}]})",
        head + R"(,"links":[{"url":"https://e.org","clicks":-1}]})",
        head + R"(,"links":[{"url":"https://e.org","clicks":"5"}]})",
        head + R"(,"links":[{"url":"https://e.org","title":null}]})",
        head + R"(,"links":[{"url":"https://e.org","rel":"x"}]})",
        head + R"(,"links":[3]})",
        head + R"(,"links":"https://e.org"})",
        head + R"(,"links":[")" + std::string(9000, 'u') + R"("]})",
        head + R"(,"attachments":[{"name":"","url":"a.pdf"}]})",
        head + R"(,"attachments":[{"url":"a.pdf"}]})",
        head + R"(,"attachments":[{"name":"a.pdf","url":null,"size":null,"downloads":null}]})",
        head + R"(,"attachments":[{"name":"a.pdf","size":-5}]})",
        head + R"(,"attachments":[{"name":"a.pdf","url":"ftp://e.org/a.pdf"}]})",
        head + R"(,"attachments":[{"name":"a.pdf","url":"../up/a.pdf"}]})",
        head + R"(,"attachments":[7]})",
        head + R"(,"tags":["a", 3, null, "", "  b  "]})",
        head + R"(,"tags":["한국어", "日本語", "漢字"]})",
        head + R"(,"tags":"a"})",
        head + R"(,"extra":{"deep":[1,2,{"x":null}]}})",
        head + R"(,"title":"둘째 제목"})",
        R"({"id":914,"ti\u0074le":"이스케이프된 이름","published_at":"2024-01-02"})",
        R"({"id":915,"title":"\ud55c\uae00 \ud83d\ude00","published_at":"2024-01-02"})",
        R"({"id":916,"title":"\ud800 홀로","published_at":"2024-01-02"})",
        R"({"id":917,"title":"bad \x escape","published_at":"2024-01-02"})",
        R"({"id":918,"title":"raw	tab","published_at":"2024-01-02"})",
        R"({"id":919,"title":"bytes )"
        "\xFF\xFE"
        R"(","published_at":"2024-01-02"})",
        R"({"id":920,"title":"글","published_at":"2024-01-02","views":01})",
        R"({"id":921,"title":"글","published_at":"2024-01-02","views":1.})",
        R"({"id":922,"title":"글","published_at":"2024-01-02","x":[)" + std::string(1100, '[') +
            std::string(1100, ']') + "]}",
        R"({"id":923,"title":"글","published_at":"2024-01-02","pinned":tru})",
        R"({"id":924,"title":"글","published_at":"2024-01-02","views":nul})",
        R"({"id":925,"title":"글","published_at":"2024-01-02",})",
        R"({"id":926,"title":"글" "published_at":"2024-01-02"})",
        R"({"id":927,"title":"글","published_at":"2024-01-02"}})",
        R"([1,2,3])",
        R"("a record as text")",
        R"(12)",
        R"(null)",
        "{\"id\":928,\f\"title\":\"글\",\"published_at\":\"2024-01-02\"}",
        R"({"id":1,"title":"id 1 again","published_at":"2024-01-02"})",
    };
    std::string many_links = head + R"(,"links":[)";
    for (int i = 0; i < 1002; ++i)
      many_links += std::string(i ? "," : "") + "\"https://e.org/" + std::to_string(i) + "\"";
    r.push_back(many_links + "]}");
    std::string many_tags = head + R"(,"tags":[)";
    for (int i = 0; i < 1001; ++i) many_tags += std::string(i ? "," : "") + "\"t" + std::to_string(i) + "\"";
    r.push_back(many_tags + "]}");
    return r;
  }();
  return records;
}

std::string list(const std::vector<std::string>& records, const std::string& separator = ",") {
  std::string out = "[";
  for (size_t i = 0; i < records.size(); ++i) out += (i ? separator : "") + records[i];
  out += "]";
  return out;
}

std::string export_of(const std::string& list_text) {
  std::string out = R"({"format":"newsroom-export","version":1,"articles":)";
  out += list_text;
  out += R"(,"board":{"site":"전북국제협력진흥원","title":"뉴스룸"},"exported_at":"2024-03-15T09:00:00+09:00"})";
  return out;
}

}  // namespace

TEST_CASE("records the one-pass reader takes give the careful reader's board") {
  std::vector<std::string> records;
  for (int id = 1; id <= 40; ++id) records.push_back(clean(id));
  for (const std::string& file : {export_of(list(records)), list(records, ",\n  "), export_of(list(records, " , "))}) {
    const BothWays both = import_both_ways(file);
    CHECK(both.stretches == both.careful);
    // All but a bare list's first record (read alone, to tell phpMyAdmin's export apart).
    CHECK(both.in_stretches >= 39);
  }
}

TEST_CASE("every record the one-pass reader does not take is read carefully, with the same problems") {
  const std::vector<std::string>& odd = odd_records();
  for (size_t k = 0; k < odd.size(); ++k) {
    CAPTURE(k, odd[k].substr(0, 200));
    // The odd record between clean ones, in an export and in a bare list.
    const std::vector<std::string> records = {clean(1), clean(2), odd[k], clean(3), clean(4)};
    for (const std::string& file : {export_of(list(records)), list(records, ",\n")}) {
      const BothWays both = import_both_ways(file);
      CHECK(both.stretches == both.careful);
    }
  }
  // All of them in one list: each record costs only itself.
  std::vector<std::string> all = {clean(1)};
  for (size_t k = 0; k < odd.size(); ++k) {
    all.push_back(odd[k]);
    all.push_back(clean(static_cast<int>(10 + k)));
  }
  const BothWays both = import_both_ways(export_of(list(all)));
  CHECK(both.stretches == both.careful);
}

TEST_CASE("a file cut at any byte, or broken anywhere, is reported as the careful reader reports it") {
  std::vector<std::string> records;
  for (int id = 1; id <= 6; ++id) records.push_back(id == 4 ? odd_records()[20] : clean(id));
  const std::string file = export_of(list(records, ",\n"));
  for (size_t cut = 0; cut <= file.size(); cut += cut < 200 || file.size() - cut < 400 ? 1 : 13) {
    CAPTURE(cut);
    const BothWays both = import_both_ways(file.substr(0, cut));
    REQUIRE(both.stretches == both.careful);
  }
  // One byte changed, at many places, to each of the bytes that matter to JSON.
  for (size_t at = 0; at < file.size(); at += 7) {
    for (const char c : {'"', ',', '}', ']', '\\', '\0', 'x'}) {
      std::string broken = file;
      broken[at] = c;
      CAPTURE(at, c);
      const BothWays both = import_both_ways(broken);
      REQUIRE(both.stretches == both.careful);
    }
  }
}

TEST_CASE("large exports of any text read in stretches give the careful reader's board, sliced or streamed") {
  for (const bool high_entropy : {false, true}) {
    CAPTURE(high_entropy);
    const std::string file = high_entropy ? make_high_entropy_export(1500, 11) : make_synthetic_export(3000, 7);
    REQUIRE(file.size() > (size_t{3} << 20));  // several stretches of a megabyte
    const BothWays both = import_both_ways(file);
    CHECK(both.stretches == both.careful);
    CHECK(both.in_stretches > 0);
    // In the page's slices, and while it downloads: the same again.
    ImportJob sliced(file, "f.json", "data/2024.json");
    while (!sliced.step(size_t{256} << 10)) {
    }
    CHECK(everything(std::move(sliced).finish()) == both.careful);
    ImportJob streamed(ImportJob::Streamed{file.size()}, "f.json", "data/2024.json");
    for (size_t at = 0; at < file.size();) {
      const size_t piece = std::min(file.size() - at, size_t{1} + (at * 7919) % (size_t{300} << 10));
      std::copy_n(file.data() + at, piece, streamed.input_space(piece));
      streamed.input_added(piece);
      at += piece;
      while (!streamed.step(size_t{256} << 10) && !streamed.waiting()) {
      }
    }
    streamed.input_ended();
    CHECK(everything(std::move(streamed).finish()) == both.careful);
  }
}

TEST_CASE("text no generator writes (random syllables, hanja, hex, base64, naughty strings) reads the same both ways") {
  test::Rng rng(20261207);
  const auto random_text = [&rng](size_t chars) {
    std::string out;
    for (size_t i = 0; i < chars; ++i) {
      const size_t kind = rng.below(8);
      char32_t cp = 0;
      if (kind < 3)
        cp = 0xAC00 + static_cast<char32_t>(rng.below(11172));  // any Hangul syllable
      else if (kind == 3)
        cp = 0x4E00 + static_cast<char32_t>(rng.below(0x5200));  // hanja
      else if (kind == 4)
        cp = static_cast<char32_t>("0123456789abcdef"[rng.below(16)]);
      else if (kind == 5)
        cp = static_cast<char32_t>("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/="[rng.below(55)]);
      else if (kind == 6)
        cp = rng.one_in(4) ? U'\n' : U' ';
      else
        cp = 0x1100 + static_cast<char32_t>(rng.below(0x100));  // conjoining jamo: not NFC
      if (cp == '\n') {
        out += "\\n";
      } else if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    return out;
  };
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(random_text(rng.size_up_to(i % 50 == 0 ? 3000 : 120)));
  const char* blns_path = std::getenv("NEWSROOM_BLNS");  // blns.json, unpacked by scripts/test.sh
  if (const auto naughty = test::corpora_dir() && blns_path ? test::read_file(blns_path) : std::nullopt) {
    const nlohmann::json strings = nlohmann::json::parse(*naughty, nullptr, false);
    REQUIRE(strings.is_array());
    for (const nlohmann::json& text : strings) {
      const std::string written = text.dump();  // as JSON text, quotes and all
      texts.push_back(written.substr(1, written.size() - 2));
    }
  } else {
    WARN("NEWSROOM_CORPORA / NEWSROOM_BLNS not set: the naughty strings are left out");
  }
  std::vector<std::string> records;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& t = texts[i];
    const std::string& u = texts[(i * 31 + 7) % texts.size()];
    records.push_back(R"({"id":)" + std::to_string(i + 1) + R"(,"title":")" + t + R"(","category":")" + u +
                      R"(","published_at":"2024-01-02","author":")" + u + R"(","body":")" + t + u + R"(","summary":")" +
                      t + R"(","tags":[")" + t + R"(",")" + u + R"("],"attachments":[")" + u + R"("],"links":[")" + t +
                      R"("],"source":")" + u + R"("})");
  }
  const BothWays both = import_both_ways(export_of(list(records, ",\n")));
  CHECK(both.stretches == both.careful);
  CHECK(both.in_stretches > 0);
}

TEST_CASE("JSONTestSuite, each file whole and as a record or a value in a list, reads the same both ways") {
  const auto corpora = test::corpora_dir();
  if (!corpora) {
    WARN("NEWSROOM_CORPORA is not set: skipping the JSONTestSuite comparison");
    return;
  }
  const std::filesystem::path dir = std::filesystem::path(*corpora) / "JSONTestSuite" / "test_parsing";
  REQUIRE(std::filesystem::is_directory(dir));
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string bytes = test::read_file(entry.path().string()).value();
    CAPTURE(name);
    const std::string head = R"({"id":2,"title":"글","published_at":"2024-01-02",)";
    for (const std::string& file :
         {bytes, list({clean(1), bytes, clean(3)}), list({clean(1), head + R"("views":)" + bytes + "}", clean(3)}),
          list({clean(1), head + R"("tags":[)" + bytes + "]}", clean(3)})}) {
      const BothWays both = import_both_ways(file);
      REQUIRE(both.stretches == both.careful);
    }
    ++files;
  }
  CHECK(files > 300);
}
