#include "fuzz/corpus.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "fuzz/generators.h"
#include "fuzz/mutations.h"
#include "tools/synthetic_export.h"
#include "unit/test_support.h"

namespace newsroom::fuzz {

namespace {

// One record of the project's export with every field set, as the seeds hold them.
std::string seed_record(int id, const std::string& title) {
  std::string out = R"({"id":)" + std::to_string(id) + R"(,"number":)" + std::to_string(id) + R"(,"title":")";
  out += title;
  out += R"(","published_at":"2024-01-0)" + std::to_string(id % 9 + 1) + R"(T10:00:00+09:00","views":)" +
         std::to_string(id * 7) + R"(,"category":"보도자료","author":"홍보팀",)";
  out +=
      R"("body":"첫 문단.\n\n둘째 문단.","tags":["교류"],"links":[{"title":"원문","url":"https://www.jbicp.or.kr/"}],)";
  out += R"("attachments":[{"name":"안내.pdf","url":"files/a.pdf","size":1024,"downloads":3}]})";
  return out;
}

}  // namespace

std::vector<std::string> load_corpus() {
  std::vector<std::string> corpus;
  const std::string root = test::source_dir();
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/tests/fixtures")) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  paths.push_back(root + "/data/articles.json");
  for (const std::string& path : paths) {
    if (auto bytes = test::read_file(path)) corpus.push_back(std::move(*bytes));
  }
  const std::string two = seed_record(1, "첫 글") + ",\n" + seed_record(2, "[행사] 둘째 글");
  corpus.push_back(R"({"format":"newsroom-export","version":1,"board":{"site":"전북국제협력진흥원","title":"뉴스룸"},)"
                   R"("exported_at":"2024-03-15T09:00:00+09:00","articles":[)" +
                   two + "]}");
  corpus.push_back("[" + two + "]");
  corpus.push_back(seed_record(1, "첫 글") + "\n" + seed_record(2, "둘째 글") + "\n" + seed_record(3, "셋째 글") +
                   "\n");
  corpus.push_back(
      R"([{"type":"header","version":"5.2.1"},{"type":"database","name":"gnuboard"},{"type":"table","name":"g5_write_news","data":[)"
      R"({"wr_id":"1","wr_num":"-1","wr_is_comment":"0","wr_subject":"[보도자료] 제목","wr_content":"<p>내용 <a href=\"https://a.kr\">링크</a></p>","wr_datetime":"2023-12-20 13:14:00","wr_hit":"5","wr_option":"html1","wr_link1":"https://b.kr","wr_link1_hit":"2","wr_email":"a@b.kr"},)"
      R"({"wr_id":"2","wr_num":"-2","wr_is_comment":"1","wr_subject":"","wr_content":"댓글","wr_datetime":"2023-12-20 13:15:00","wr_hit":"0","wr_option":""},)"
      R"({"wr_id":"3","wr_num":"-3","wr_is_comment":"0","wr_subject":"비밀","wr_content":"x","wr_datetime":"2023-12-21 09:00:00","wr_hit":"1","wr_option":"secret"}]}])");
  corpus.push_back(make_synthetic_export(12, 5));
  corpus.push_back(make_synthetic_export(60, 9));  // past the 64 KB a streamed import reads before it starts
  return corpus;
}

std::string make_input(Rng& rng, const std::vector<std::string>& corpus) {
  std::string bytes;
  switch (rng.below(10)) {
    case 0:
    case 1:
    case 2:
    case 3: bytes = rng.pick(corpus); break;
    case 4:
    case 5: return generated_export(rng, kMaxInput).substr(0, kMaxInput);
    default: bytes = generated_export(rng, kMaxInput).substr(0, kMaxInput); break;
  }
  mutate(bytes, corpus, rng, kMaxInput);
  return bytes;
}

}  // namespace newsroom::fuzz
