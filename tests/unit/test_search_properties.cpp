// The query engine against its reference (search_reference.h) on thousands of random
// queries from a fixed-seed generator: small and full-length boards, high-entropy text,
// naughty strings, an empty board.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "search_fixtures.h"

using namespace newsroom;
using namespace newsroom::search_test;

// ---------------------------------------------------------------------------------------
// Properties: thousands of random queries against the reference.
// ---------------------------------------------------------------------------------------

TEST_CASE("random queries give exactly the reference's rows, order, pinned rows and facets") {
  const Board& board = small_board();
  const SearchIndex index(board);
  const Reference reference(board);
  QueryMaker maker(board, 20240315);
  Rng rng(7);
  Query previous;
  size_t found = 0, total_rows = 0;
  for (int k = 0; k < 2500; ++k) {
    Query q = maker.make();
    // Now and then the same query in another order (the kept matches are reused), or with
    // one thing changed (they must not be).
    if (k > 0 && rng.chance(25)) {
      q = previous;
      switch (rng.below(9)) {
        case 0: q.text += " " + maker.piece(); break;
        case 1: q.field = static_cast<SearchField>(rng.below(4)); break;
        case 2: q.categories.push_back(static_cast<uint16_t>(rng.below(5))); break;
        case 3: q.from = seoul(2015 + static_cast<int>(rng.below(8)), 1, 1, 0); break;
        case 4: q.to = seoul(2016 + static_cast<int>(rng.below(8)), 7, 1, 0); break;
        case 5:
          q.author =
              q.author.empty() ? std::string(board.article(rng.below(static_cast<uint32_t>(board.size()))).author) : "";
          break;
        case 6: q.with_attachments = !q.with_attachments; break;
        case 7: q.pinned_only = !q.pinned_only; break;
        default: q.sort = static_cast<SortOrder>(rng.below(7)); break;
      }
    }
    check_same(index, reference, q);
    const size_t rows = index.run(q).rows.size();
    found += rows > 0;
    total_rows += rows;
    previous = q;
  }
  // The generator asks real questions: most find something, none finds everything.
  INFO("queries with results: " << found << ", rows in all: " << total_rows);
  CHECK(found > 1000);
  CHECK(total_rows < 2500 * small_board().size() / 4);
}

// `count` random queries compared with the reference; how many found something.
static size_t agreeing_queries(const SearchIndex& index, const Reference& reference, uint64_t seed, int count) {
  QueryMaker maker(reference.board(), seed);
  size_t found = 0;
  for (int k = 0; k < count; ++k) {
    const Query q = maker.make();
    check_same(index, reference, q);
    found += !index.run(q).rows.empty();
  }
  return found;
}

TEST_CASE("random queries on full-length bodies (positions, long texts) agree with the reference") {
  static const Board board = make_board(1200, 5, 1'000'000, false);
  const SearchIndex index(board);
  const Reference reference(board);
  CHECK(agreeing_queries(index, reference, 99, 250) > 100);
  // The bodies' postings in two shards (the threaded build's index) answer the same.
  SearchIndex sharded(board, SearchIndex::InSlices{2});
  while (!sharded.build(256 << 10)) {
  }
  CHECK(agreeing_queries(sharded, reference, 99, 250) > 100);
}

// Text no vocabulary of ours resembles: random syllables over the whole Hangul block,
// hanja, hex and base64 (make_high_entropy_export). Such a board has a new gram every few
// bytes; the index leaves out what it cannot afford (most of its trigrams too) and verifies
// in the text instead, so it stays within two thirds of the text and answers exactly.
TEST_CASE("on high-entropy text the index stays within two thirds of the text's size and answers exactly") {
  const ImportResult imported = import_export(make_high_entropy_export(1500, 11), "entropy");
  REQUIRE(imported.board.size() == 1500);
  BoardBuilder builder;
  for (uint32_t i = 0; i < imported.board.size(); ++i) {
    ArticleDraft d = imported.board.draft(i);
    d.body = trimmed(d.body, 1200);  // keeps the reference fast; still ~1,000 new grams an article
    builder.add(std::move(d));
  }
  static const Board board = std::move(builder).build(imported.board.info);
  const SearchIndex index(board);
  INFO("index " << index.memory_bytes() << " bytes for " << index.text_bytes() << " bytes of text");
  // Its trigrams within a share of the text: with all of them it was about the text's size.
  CHECK(index.memory_bytes() * 3 <= index.text_bytes() * 2);
  const Reference reference(board);
  // Random pieces of random text: a quarter or so find something.
  CHECK(agreeing_queries(index, reference, 4242, 300) > 40);
  // The same board indexed in small slices, as the page does, gives the same answers.
  SearchIndex sliced(board, SearchIndex::InSlices{});
  while (!sliced.build(16 << 10)) {
  }
  agreeing_queries(sliced, reference, 4242, 100);
  SearchIndex sharded(board, SearchIndex::InSlices{2});  // and with the bodies in two shards
  while (!sharded.build(16 << 10)) {
  }
  INFO("sharded " << sharded.memory_bytes() << " bytes");
  CHECK(sharded.memory_bytes() * 3 <= sharded.text_bytes() * 2);
  agreeing_queries(sharded, reference, 4242, 100);
}

TEST_CASE("naughty strings as queries never crash and agree with the reference") {
  std::vector<std::string> strings = {"",
                                      " ",
                                      "\"",
                                      "-",
                                      "--",
                                      "- -",
                                      "\"\"\"",
                                      "<script>alert(1)</script>",
                                      "'; DROP TABLE articles; --",
                                      "\u202E전북 RTL override",
                                      "👩‍💻",
                                      "a\u200Db",
                                      "\u200B",
                                      "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳",
                                      "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
                                      "%s%s%s%n",
                                      "\\\\\\",
                                      "\xFF\xFE",
                                      "\xED\xA0\x80",
                                      std::string("nul\0byte", 8),
                                      "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ",
                                      "ㆍ",
                                      "가\u3000나"};
  if (const char* path = std::getenv("NEWSROOM_BLNS"); path && *path) {
    const auto text = test::read_file(path);
    REQUIRE(text);
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    REQUIRE(json.is_array());
    for (const auto& item : json)
      if (item.is_string()) strings.push_back(item.get<std::string>());
  } else {
    WARN("NEWSROOM_BLNS not set: naughty strings limited to the inline list");
  }
  const Board& board = small_board();
  const SearchIndex index(board);
  const Reference reference(board);
  for (const std::string& s : strings) {
    for (const SearchField field :
         {SearchField::title_body, SearchField::title, SearchField::body, SearchField::author}) {
      Query q;
      q.text = s;
      q.field = field;
      q.sort = SortOrder::relevance;
      check_same(index, reference, q);
    }
    const ParsedQuery parsed = parse_query(s);
    for (const uint32_t row : {0u, 1u, static_cast<uint32_t>(board.size() - 1)}) {
      const std::string_view title = board.title(row);
      for (const auto& ranges : {index.highlights(parsed, title), index.title_highlights(parsed, title)}) {
        for (size_t k = 0; k < ranges.size(); ++k) {
          CHECK(ranges[k].first < ranges[k].second);
          CHECK(ranges[k].second <= title.size());
          if (k > 0) CHECK(ranges[k - 1].second < ranges[k].first);
        }
      }
    }
  }
}

TEST_CASE("an index over an empty board answers every query with nothing") {
  const Board empty = std::move(BoardBuilder()).build(BoardInfo{});
  const SearchIndex index(empty);
  Query q;
  CHECK(index.run(q).rows.empty());
  q.text = "전북 ㅈㅂ \"국제\" -협력";
  q.sort = SortOrder::relevance;
  const SearchResult r = index.run(q);
  CHECK(r.rows.empty());
  CHECK(r.per_category.empty());
  CHECK(index.memory_bytes() > 0);
}
