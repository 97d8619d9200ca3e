// The page keeps drawing while a large export loads: it imports (ImportJob) and indexes
// (SearchIndex::InSlices) a slice per frame. Both must give exactly what the one-shot
// import and index give, for every shape of export and breakage, whatever the slice size.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "core/search.h"
#include "io/importer.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

// Everything a visitor or the data team could see of an import, as text.
std::string describe(const ImportResult& result) {
  const ImportReport& report = result.report;
  std::string out = report.format + " usable=" + std::to_string(report.usable) +
                    " loaded=" + std::to_string(report.loaded) + " skipped=" + std::to_string(report.skipped) + "\n";
  for (const Problem& p : report.problems) {
    out += std::to_string(static_cast<int>(p.severity)) + " " + std::to_string(p.record) + " " + p.id + " " + p.field +
           ": " + p.message + "\n";
  }
  const Board& board = result.board;
  out += board.info.site + " / " + board.info.title + " @" + std::to_string(board.info.exported_at.value_or(-1)) + "\n";
  for (const uint32_t i : board.board_order()) {
    const ArticleView a = board.article(i);
    out += std::to_string(a.id) + " " + std::string(a.title) + " " + std::to_string(a.views) + " " +
           std::to_string(a.published_at) + " " + std::string(a.category) + " " + std::to_string(a.body.size()) + "\n";
  }
  return out;
}

struct Sliced {
  ImportResult result;
  int steps = 0;
  bool progress_ok = true;  // bytes read never went back, and grew at every step but the last
};

Sliced import_in_slices(const std::string& bytes, size_t budget) {
  ImportJob job(bytes, "sliced.json");
  Sliced out;
  size_t last = job.bytes_read();
  int64_t last_articles = job.articles_read();
  while (!job.step(budget)) {
    ++out.steps;
    if (job.bytes_read() <= last || job.articles_read() < last_articles || job.bytes_read() > job.bytes_total()) {
      out.progress_ok = false;
    }
    last = job.bytes_read();
    last_articles = job.articles_read();
  }
  if (job.bytes_read() != job.bytes_total()) out.progress_ok = false;
  out.result = std::move(job).finish();
  return out;
}

// The file fed to a streamed import in pieces of `piece` bytes (0: pieces of varying
// sizes), a step of `budget` bytes after each piece, as a page does with its download.
struct Streamed {
  ImportResult result;
  bool progress_ok = true;  // bytes read never went back nor past what was given
  size_t most_held = 0;     // the most bytes of the file held at once
};

Streamed import_streamed(const std::string& bytes, size_t piece, size_t budget, size_t expected = 0) {
  ImportJob job(ImportJob::Streamed{expected}, "sliced.json");
  Streamed out;
  size_t at = 0, last = 0, round = 0;
  while (at < bytes.size()) {
    const size_t size = std::min(bytes.size() - at, piece ? piece : 1 + (round++ * 7919) % 5000);
    std::copy_n(bytes.data() + at, size, job.input_space(size));
    job.input_added(size);
    at += size;
    out.most_held = std::max(out.most_held, job.bytes_held());
    while (!job.step(budget) && !job.waiting()) {
    }
    if (job.bytes_read() < last || job.bytes_read() > at) out.progress_ok = false;
    // The size is the one said at the start (at least what came), or not known (0).
    if (job.bytes_total() != (expected ? std::max(expected, at) : 0)) out.progress_ok = false;
    last = job.bytes_read();
  }
  job.input_ended();
  while (!job.step(budget)) {
  }
  if (job.bytes_read() != bytes.size() || job.bytes_total() != bytes.size()) out.progress_ok = false;
  out.result = std::move(job).finish();
  return out;
}

std::string record(int id, const std::string& title, int views = 0) {
  return R"({"id":)" + std::to_string(id) + R"(,"title":")" + title + R"(","published_at":"2024-01-0)" +
         std::to_string(id % 9 + 1) + R"(T10:00:00+09:00","views":)" + std::to_string(views) + R"(,"body":"본문 )" +
         title + "\"}";
}

// "[items]" (built by appending: GCC 12 warns falsely on "[" + std::string).
std::string list_of(const std::string& items, const std::string& after = "]") {
  std::string out = "[";
  out += items;
  out += after;
  return out;
}

}  // namespace

TEST_CASE("an import in slices gives what the import in one go gives, for every shape and breakage") {
  const std::string two = record(1, "첫 글", 10) + ",\n" + record(2, "둘째 글", 20);
  const std::vector<std::pair<const char*, std::string>> files = {
      {"export, board after the articles",
       R"({"articles":[)" + two +
           R"(],"board":{"site":"전북국제협력진흥원","title":"뉴스룸"},"exported_at":"2024-03-15T09:00:00+09:00"})"},
      {"export, format first", R"({"format":"newsroom-export","version":1,"articles":[)" + two + "]}"},
      {"export, unknown member first", R"({"note":"x","articles":[)" + two + "]}"},
      {"bare list", list_of(two)},
      {"JSON Lines", record(1, "첫 글") + "\n" + record(2, "둘째 글") + "\n" + record(3, "셋째 글") + "\n"},
      {"phpMyAdmin",
       R"([{"type":"header","version":"5.2.1"},{"type":"table","name":"g5_write_news","data":[)"
       R"({"wr_id":"1","wr_num":"-1","wr_is_comment":"0","wr_subject":"제목","wr_content":"내용","wr_datetime":"2023-12-20 13:14:00","wr_hit":"5","wr_option":""},)"
       R"({"wr_id":"2","wr_num":"-1","wr_is_comment":"1","wr_subject":"","wr_content":"댓글","wr_datetime":"2023-12-20 13:15:00","wr_hit":"0","wr_option":""}]}])"},
      {"a broken record in the middle",
       list_of(record(1, "a") + R"(,{"id":2,"title":"b","published_at":"2024-13-45"},)" + record(3, "c"))},
      {"a record that is not JSON", list_of(record(1, "a") + R"(,{"id":2,"title":tru},)" + record(3, "c"))},
      {"a duplicate id", list_of(record(1, "a") + "," + record(1, "a again"))},
      {"truncated", list_of(record(1, "a") + ",", record(2, "b").substr(0, 20))},
      {"garbage after the list", list_of(record(1, "a"), "] x")},
      {"JSON Lines with a bad line",
       record(1, "a") + "\n{'id':2}\n" + record(3, "c") + "\n{\"id\":4,}\n" + record(5, "e")},
      {"JSON Lines, the first line bad", "{\"id\":1 \"title\":\"a\"}\n" + record(2, "b") + "\n" + record(3, "c")},
      {"a number too large",
       list_of(record(1, "a") +
               R"(,{"id":2,"title":"b","published_at":"2024-01-02","views":1e400,"x":[99999999999999999999999]})")},
      {"deep inside a record", list_of(record(1, "a") + R"(,{"id":2,"title":"b","published_at":"2024-01-02","x":)" +
                                       std::string(1100, '[') + std::string(1100, ']') + "}")},
      {"a broken member", R"({"board":{"title":},"articles":[)" + two + "]}"},
      {"no articles", R"({"board":{"title":"뉴스룸"}})"},
      {"not an export", "\"just text\""},
      {"empty", "  \n"},
      {"a byte order mark", "\xEF\xBB\xBF" + list_of(two)},
      {"EUC-KR",
       list_of(
           R"({"id":1,"title":"\xC0\xFC\xBA\xCF \xB1\xB9\xC1\xA6 \xC7\xF9\xB7\xC2 \xC1\xF8\xC8\xEF\xBF\xF8","published_at":"2024-01-01"})")},
      {"bytes that are not UTF-8 in one record", list_of(record(1, "a\xFF") + "," + record(2, "b"))},
      {"the sample data", test::read_file(test::source_dir() + "/data/articles.json").value_or("")},
  };
  for (const auto& [name, bytes] : files) {
    CAPTURE(name);
    const std::string whole = describe(import_export(bytes, "sliced.json"));
    for (const size_t budget : {size_t{1}, size_t{37}, size_t{4096}}) {
      CAPTURE(budget);
      const Sliced sliced = import_in_slices(bytes, budget);
      CHECK(describe(sliced.result) == whole);
      CHECK(sliced.progress_ok);
    }
    // Streamed while it downloads: the same board and report, the same byte offsets.
    for (const size_t piece : {size_t{1}, size_t{7}, size_t{4096}, size_t{0}}) {
      CAPTURE(piece);
      const Streamed streamed = import_streamed(bytes, piece, piece == 1 ? 3 : 4096);
      CHECK(describe(streamed.result) == whole);
      CHECK(streamed.progress_ok);
    }
  }
}

TEST_CASE("a streamed import holds the part of the file not read yet, not the whole file") {
  const std::string bytes = make_synthetic_export(2000, 11);
  const std::string whole = describe(import_export(bytes, "sliced.json"));
  const size_t piece = 64 * 1024;
  const Streamed streamed = import_streamed(bytes, piece, SIZE_MAX, bytes.size());
  CHECK(describe(streamed.result) == whole);
  CHECK(streamed.result.report.loaded == 2000);
  CHECK(streamed.progress_ok);
  // Read as it comes: about a piece and a record unread, and read bytes kept until they
  // are half the window.
  CHECK(streamed.most_held < 4 * piece);
  CHECK(bytes.size() > 40 * piece);

  // Given faster than it is read, the unread part is held and said (the page waits).
  ImportJob job(ImportJob::Streamed{}, "ahead.json");
  for (size_t at = 0; at < bytes.size(); at += piece) {
    const size_t size = std::min(piece, bytes.size() - at);
    std::copy_n(bytes.data() + at, size, job.input_space(size));
    job.input_added(size);
  }
  CHECK(job.bytes_buffered() == bytes.size());
  CHECK_FALSE(job.waiting());
  while (!job.step(piece) && !job.waiting()) {
  }
  CHECK(job.waiting());  // all read, the end not said yet
  CHECK_FALSE(job.done());
  CHECK(job.bytes_buffered() < 8192);  // at most the last record, held back until the end
  job.input_ended();
  CHECK(job.step(piece));
  CHECK(describe(std::move(job).finish()) == whole);
}

TEST_CASE("a large export is read in many slices, each a bounded part of the file") {
  const std::string bytes = make_synthetic_export(2000, 7);
  ImportJob job(bytes, "synthetic.json");
  const size_t budget = 64 * 1024;
  int steps = 0;
  size_t largest = 0, before = 0;
  while (!job.step(budget)) {
    ++steps;
    largest = std::max(largest, job.bytes_read() - before);
    before = job.bytes_read();
  }
  CHECK(steps >= static_cast<int>(bytes.size() / budget) - 1);
  CHECK(largest < 2 * budget);  // a slice ends at the first record past its budget
  const ImportResult result = std::move(job).finish();
  CHECK(result.report.loaded == 2000);
  CHECK(describe(result) == describe(import_export(bytes, "synthetic.json")));
}

TEST_CASE("an index built in slices answers every query as the index built in one go") {
  const ImportResult imported = import_export(make_synthetic_export(1500, 11), "synthetic.json");
  const Board& board = imported.board;
  const SearchIndex whole(board);
  SearchIndex sliced(board, SearchIndex::InSlices{});
  CHECK_FALSE(sliced.complete());
  Query by_views;  // browsing without search text: a category, sorted by views
  by_views.categories = {1};
  by_views.sort = SortOrder::most_viewed;
  Query search;
  search.text = "협력";
  // While the postings are built, search text is answered by reading the text: the same
  // rows, facets and order as the finished index gives, in every field, 초성 too.
  std::vector<Query> early;
  for (const char* text : {"협력", "국제 교류", "ㅈㅂ", "-협력", "\"전북 국제\""}) {
    for (const SearchField field : {SearchField::title_body, SearchField::title, SearchField::body}) {
      Query q;
      q.text = text;
      q.field = field;
      q.sort = SortOrder::relevance;
      early.push_back(q);
    }
  }
  CHECK_FALSE(sliced.can_run(by_views));
  int steps = 0;
  double last = sliced.progress();
  bool progress_ok = last >= 0 && last < 0.01;
  bool browsed_early = false, searched_early = false;
  size_t scanned = 0, compared = 0;
  while (!sliced.build(2000)) {
    ++steps;
    if (sliced.can_run(by_views) && !browsed_early) {
      browsed_early = true;  // the first slices build the orders: browsing works from then on
      CHECK(sliced.progress() < 0.15);
      CHECK(sliced.run(by_views).rows == whole.run(by_views).rows);
    }
    if (sliced.can_run(search) && !searched_early) {
      searched_early = true;  // the orders and the 초성 of the titles: searching works from then on
      CHECK(sliced.progress() < 0.15);
    }
    if (searched_early && steps % 97 == 0) {
      const Query& q = early[compared++ % early.size()];
      CAPTURE(q.text, static_cast<int>(q.field), sliced.progress());
      const SearchResult got = sliced.run(q), want = whole.run(q);
      CHECK(got.rows == want.rows);
      CHECK(got.per_category == want.per_category);
      CHECK(got.per_year == want.per_year);
      CHECK_FALSE(want.scanned);
      scanned += got.scanned;
      // The same read a slice of documents per call, as the page does it.
      sliced.start(q);
      std::optional<SearchResult> stepped;
      int calls = 0;
      while (!(stepped = sliced.step(4096)) && calls < 100000) ++calls;
      REQUIRE(stepped);
      CHECK(calls > 0);
      CHECK(stepped->rows == want.rows);
      CHECK(stepped->per_category == want.per_category);
      CHECK(stepped->per_year == want.per_year);
      CHECK(stepped->scanned == got.scanned);
    }
    const double now = sliced.progress();
    if (now < last || now > 1) progress_ok = false;
    last = now;
  }
  CHECK(browsed_early);
  CHECK(searched_early);
  CHECK(compared > 20);
  CHECK(scanned > 10);  // most of those were read in the text, the postings not built yet
  CHECK_FALSE(sliced.run(search).scanned);
  CHECK(sliced.complete());
  CHECK(sliced.can_run(search));
  CHECK(sliced.progress() == 1.0);
  CHECK(progress_ok);
  CHECK(steps > 100);  // 1,500 articles' text in 2 kB slices
  CHECK(sliced.memory_bytes() == whole.memory_bytes());

  // The bodies' postings in two shards (a second thread may build one, SearchIndex::help):
  // the same answers.
  SearchIndex sharded(board, SearchIndex::InSlices{2});
  while (!sharded.build(64 << 10)) {
  }
  for (const Query& q : early) {
    CAPTURE(q.text, static_cast<int>(q.field));
    CHECK(sharded.run(q).rows == whole.run(q).rows);
  }

  std::vector<Query> queries;
  for (const char* text : {"", "협력", "국제 교류", "\"전북 국제\"", "-협력", "ㅈㅂ", "ko", "2023"}) {
    for (const SortOrder sort :
         {SortOrder::relevance, SortOrder::newest, SortOrder::most_viewed, SortOrder::title, SortOrder::number}) {
      Query q;
      q.text = text;
      q.sort = sort;
      queries.push_back(q);
    }
    Query in_titles;
    in_titles.text = text;
    in_titles.field = SearchField::title;
    in_titles.categories = {0};
    in_titles.views_min = 100;
    queries.push_back(in_titles);
  }
  for (const Query& q : queries) {
    CAPTURE(q.text, static_cast<int>(q.sort), static_cast<int>(q.field));
    const SearchResult a = whole.run(q), b = sliced.run(q);
    CHECK(a.rows == b.rows);
    CHECK(a.per_category == b.per_category);
    CHECK(a.per_year == b.per_year);
  }
  // The queries above found something, so the comparison means something.
  Query any;
  any.text = "협력";
  CHECK_FALSE(whole.run(any).rows.empty());
}

TEST_CASE("a large board is browsable and searchable after the first slices, on the page it asked for") {
  const std::string bytes = make_synthetic_export(AppState::kIndexInSlicesFrom + 500, 5);
  AppState whole_app, app;
  // The reference: the same board indexed at once (what a small board gets).
  {
    ImportResult imported = import_export(bytes, "synthetic.json");
    whole_app.load(std::move(imported));
    while (whole_app.indexing()) whole_app.continue_indexing(SIZE_MAX);
  }
  REQUIRE(whole_app.apply_hash("#/?q=%ED%98%91%EB%A0%A5&page=3"));  // 협력, page 3
  REQUIRE(whole_app.list().page == 3);

  app.apply_hash("#/?q=%ED%98%91%EB%A0%A5&page=3");
  app.load(import_export(bytes, "synthetic.json"));
  CHECK(app.indexing());
  CHECK(app.search_pending());
  CHECK(app.results().empty());
  CHECK(app.list().page == 3);  // not clamped to the empty result
  CHECK(app.index() == nullptr);

  // After the first slices (the orders, the titles' 초성) the search is read in the text, a
  // slice per call too, and answered long before the index is complete.
  const auto slices_until_answered = [&app] {
    int calls = 0;
    while (app.search_pending() && calls < 10000) {
      app.continue_indexing(64 * 1024);
      ++calls;
    }
    return calls;
  };
  CHECK(slices_until_answered() > 2);
  CHECK_FALSE(app.search_pending());
  CHECK(app.indexing());
  CHECK(app.index_progress() < 0.5);
  CHECK(app.results_scanned());
  CHECK(app.results() == whole_app.results());
  CHECK(app.list().page == 3);
  // Browsing without search text, and back to the search.
  REQUIRE(app.set_search_text(""));
  CHECK_FALSE(app.search_pending());
  CHECK(app.results().size() == AppState::kIndexInSlicesFrom + 500);
  REQUIRE(app.set_search_text("협력"));
  CHECK(app.search_pending());
  CHECK(slices_until_answered() > 2);
  CHECK(app.results() == whole_app.results());
  REQUIRE(app.go_to_page(3));

  double progress = app.index_progress();
  int slices = 0;
  while (app.indexing()) {
    app.continue_indexing(64 * 1024);
    CHECK(app.index_progress() >= progress);
    progress = app.index_progress();
    ++slices;
  }
  CHECK(slices > 10);
  CHECK_FALSE(app.search_pending());
  CHECK_FALSE(app.results_scanned());  // found again by the postings once they were built
  CHECK(app.results() == whole_app.results());
  CHECK(app.list().page == 3);
  CHECK(app.hash() == whole_app.hash());
}

TEST_CASE("the board's text grows by blocks and every text reads back whole, however long") {
  TextArena arena;
  CHECK(arena.view(TextRef{}).empty());  // an empty text of a board that has none
  std::vector<std::pair<TextRef, std::string>> stored;
  const std::string long_text(TextArena::kBlock + 12345, 'x');  // longer than a block: one of its own
  for (int i = 0; i < 40000; ++i) {
    std::string text =
        "글 " + std::to_string(i) + std::string(static_cast<size_t>(i % 997), static_cast<char>('a' + i % 26));
    if (i == 20000) text = long_text;
    const char* before = stored.empty() ? nullptr : arena.view(stored.front().first).data();
    stored.emplace_back(arena.store(text), std::move(text));
    REQUIRE((before == nullptr || arena.view(stored.front().first).data() == before));  // nothing moved
  }
  size_t total = 0;
  for (const auto& [ref, text] : stored) {
    REQUIRE(arena.view(ref) == text);
    total += text.size();
  }
  CHECK(arena.size() == total);
  CHECK(total > 2 * TextArena::kBlock);  // several blocks, and the long text
}
