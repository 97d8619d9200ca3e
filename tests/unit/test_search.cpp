// The query engine (issue 4), checked against a brute-force reference (search_reference.h)
// on hand-written cases: what a visitor types, what it finds, facets, sorts, highlights.
// The random-query properties are in test_search_properties.cpp.
#include <catch2/catch.hpp>

#include "search_fixtures.h"

using namespace newsroom;
using namespace newsroom::search_test;

// ---------------------------------------------------------------------------------------
// What a visitor types.
// ---------------------------------------------------------------------------------------

TEST_CASE("queries split into terms, quoted phrases, exclusions and 초성 terms, folded") {
  const ParsedQuery p = parse_query("  ODA 카자흐  \"전북 국제 \" -하노이 ㅋㅈㅎ -\"참가자 모집\" -ㄱㄴ - ");
  CHECK(p.terms == std::vector<std::string>{"oda", "카자흐", "-"});
  CHECK(p.phrases == std::vector<std::string>{"전북 국제"});
  CHECK(p.excluded == std::vector<std::string>{"하노이", "참가자 모집", "ㄱㄴ"});
  CHECK(p.choseong == std::vector<std::string>{"ㅋㅈㅎ"});
  CHECK(p.has_text());

  CHECK(parse_query("\"끝나지 않은 인용").phrases == std::vector<std::string>{"끝나지 않은 인용"});
  CHECK(parse_query("전북\"국제 협력\"포럼").terms == std::vector<std::string>{"전북", "포럼"});
  CHECK(parse_query("\"\" \"  \"").has_text() == false);
  CHECK(parse_query("").has_text() == false);
  CHECK(parse_query(" \u3000 ").has_text() == false);                    // an ideographic space is a space
  CHECK(parse_query("ㅋ가").terms == std::vector<std::string>{"ㅋ가"});  // not consonants only
  // Bytes that are not UTF-8 become U+FFFD; nothing crashes.
  CHECK(parse_query("a\xFF").terms == std::vector<std::string>{"a\xEF\xBF\xBD"});
}

TEST_CASE("fold_case lowers ASCII and Latin-1 capitals without changing byte lengths") {
  CHECK(fold_case("ODA K-Food ÀÉÎ Ø Þ × ß ÿ 전북") == "oda k-food àéî ø þ × ß ÿ 전북");
  const std::string text = "CAFÉ ÀÉÎ ÖÜ 카자흐스탄 ODA";
  CHECK(fold_case(text).size() == text.size());
}

TEST_CASE("choseong_of gives initial consonants, spaces removed, other characters kept") {
  CHECK(choseong_of("전북 국제") == "ㅈㅂㄱㅈ");
  CHECK(choseong_of("카자흐스탄") == "ㅋㅈㅎㅅㅌ");
  CHECK(choseong_of("ODA 사업, 2024") == "ODAㅅㅇ,2024");
  CHECK(choseong_of("") == "");
}

// ---------------------------------------------------------------------------------------
// Named cases from the issue.
// ---------------------------------------------------------------------------------------

TEST_CASE("카자흐 finds titles with particles attached (카자흐스탄과, 카자흐스탄의)") {
  const Board& board = small_board();
  const SearchIndex index(board);
  Query q;
  q.text = "카자흐";
  q.field = SearchField::title;
  const auto rows = index.run(q).rows;
  CHECK(contains(rows, row_of_title(board, "카자흐스탄과 업무협약 체결")));
  CHECK(contains(rows, row_of_title(board, "카자흐스탄의 청년 대표단 방문")));
  CHECK(contains(rows, row_of_title(board, "카자흐 음식 체험")));
  CHECK_FALSE(contains(rows, row_of_title(board, "우즈베키스탄 연수단")));
  CHECK_FALSE(contains(rows, row_of_title(board, "제목에는 없음")));  // only in its body
  for (const auto title : titles_of(board, rows)) CHECK(title.find("카자흐") != std::string_view::npos);

  // In title+body, a title hit comes before a body hit under relevance.
  q.field = SearchField::title_body;
  q.sort = SortOrder::relevance;
  const auto ranked = index.run(q).rows;
  REQUIRE(contains(ranked, row_of_title(board, "제목에는 없음")));
  const auto body_only = std::find(ranked.begin(), ranked.end(), *row_of_title(board, "제목에는 없음"));
  const auto title_hit = std::find(ranked.begin(), ranked.end(), *row_of_title(board, "카자흐스탄과 업무협약 체결"));
  CHECK(title_hit < body_only);
}

TEST_CASE("초성 search: ㅋㅈㅎ finds 카자흐스탄, ㅈㅂㄱㅈ finds 전북 국제 across the space") {
  const Board& board = small_board();
  const SearchIndex index(board);
  Query q;
  q.text = "ㅋㅈㅎ";
  auto rows = index.run(q).rows;
  CHECK(contains(rows, row_of_title(board, "카자흐스탄과 업무협약 체결")));
  CHECK(contains(rows, row_of_title(board, "카자흐 음식 체험")));
  CHECK_FALSE(contains(rows, row_of_title(board, "제목에는 없음")));  // 초성 looks at titles
  q.text = "ㅈㅂㄱㅈ";
  rows = index.run(q).rows;
  CHECK(contains(rows, row_of_title(board, "전북 국제협력 포럼 개최")));
  for (const uint32_t r : rows) CHECK(choseong_of(board.title(r)).find("ㅈㅂㄱㅈ") != std::string::npos);
  // Consonants typed as such in a title match too.
  q.text = "ㅋㅋ";
  CHECK(contains(index.run(q).rows, row_of_title(board, "ㅋㅋ 이벤트 안내")));
}

TEST_CASE("Latin letters match whatever their case: oda finds ODA, café finds CAFÉ") {
  const Board& board = small_board();
  const SearchIndex index(board);
  Query q;
  q.text = "oda";
  const auto lower = index.run(q).rows;
  CHECK(contains(lower, row_of_title(board, "ODA 사업 설명회")));
  q.text = "ODA";
  CHECK(index.run(q).rows == lower);
  q.text = "àéî";
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  q.text = "CAFÉ";
  q.field = SearchField::title;
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  q.text = "édith";
  q.field = SearchField::author;
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  // Capitals in the text, small letters typed, in terms long enough to be read in the text.
  q.text = "\"àéî 문화\"";
  q.field = SearchField::title;
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  q.text = "café";
  q.field = SearchField::body;
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  q.text = "ß와";
  CHECK(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
  q.text = "ss와";  // ß is not folded to ss
  CHECK_FALSE(contains(index.run(q).rows, row_of_title(board, "Café ÀÉÎ 문화 행사")));
}

TEST_CASE("a decomposed (NFD) query, normalized as the app does, finds what the NFC one finds") {
  const Board& board = small_board();
  const SearchIndex index(board);
  // 카자흐 as conjoining jamo: ᄏ ᅡ ᄌ ᅡ ᄒ ᅳ; Café with a combining acute accent.
  const std::string nfd = "\u110F\u1161\u110C\u1161\u1112\u1173 Cafe\u0301";
  const std::string nfc = "카자흐 Café";
  REQUIRE(nfd != nfc);
  CHECK(normalize_line(nfd) == nfc);
  Query a, b;
  a.text = normalize_line(nfd);
  b.text = nfc;
  a.field = b.field = SearchField::title;
  CHECK(index.run(a).rows == index.run(b).rows);
  CHECK(parse_query(normalize_line(nfd)).terms == parse_query(nfc).terms);
}

TEST_CASE("the empty query lists everything in the chosen order, pinned notices on top as on the board") {
  const Board& board = small_board();
  const SearchIndex index(board);
  const Reference reference(board);
  size_t pinned = 0;
  for (uint32_t i = 0; i < board.size(); ++i) pinned += board.pinned(i);
  REQUIRE(pinned >= 2);
  for (int s = 0; s <= static_cast<int>(SortOrder::number); ++s) {
    Query q;
    q.sort = static_cast<SortOrder>(s);
    const SearchResult r = index.run(q);
    CHECK(r.rows.size() == board.size());
    CHECK(r.pinned_on_top == pinned);
    for (size_t k = 0; k < pinned; ++k) CHECK(r.rows[k] == board.board_order()[k]);  // board order
    std::set<uint32_t> unique(r.rows.begin(), r.rows.end());
    CHECK(unique.size() == board.size());  // pinned ones are not repeated below
    check_same(index, reference, q);
  }
  // A category filter or search text: pinned notices are ordinary rows.
  Query q;
  q.categories = {0};
  CHECK(index.run(q).pinned_on_top == 0);
  q.categories.clear();
  q.text = "안내";
  CHECK(index.run(q).pinned_on_top == 0);
  q.text.clear();
  q.pinned_only = true;
  const SearchResult only = index.run(q);
  CHECK(only.rows.size() == pinned);
  CHECK(only.pinned_on_top == pinned);
}

TEST_CASE("a query longer than any text finds nothing; a gram no article has finds nothing") {
  const Board& board = small_board();
  const SearchIndex index(board);
  size_t longest = 0;
  for (uint32_t i = 0; i < board.size(); ++i) longest = std::max(longest, board.article(i).body.size());
  Query q;
  q.text = std::string(board.title(0));
  while (q.text.size() <= longest + 10) q.text += board.title(0);
  q.text = "\"" + q.text + "\"";
  const SearchResult r = index.run(q);
  CHECK(r.rows.empty());
  CHECK(std::all_of(r.per_category.begin(), r.per_category.end(), [](uint32_t n) { return n == 0; }));
  CHECK(r.per_year.empty());
  q.text = "뷁";
  CHECK(index.run(q).rows.empty());
  q.text = "ㅃㅉㄸㄲ";
  CHECK(index.run(q).rows.empty());
}

TEST_CASE("facets count under the query with everything but their own filter") {
  const Board& board = small_board();
  const SearchIndex index(board);
  Query q;
  q.text = "협력";
  q.categories = {0};
  q.from = seoul(2020, 1, 1, 0);
  q.to = seoul(2021, 1, 1, 0);
  const SearchResult r = index.run(q);
  Query all_categories = q;
  all_categories.categories.clear();
  Query all_dates = q;
  all_dates.from.reset();
  all_dates.to.reset();
  // per category: as if no category were chosen; per year: as if no period were.
  std::vector<uint32_t> per_category(board.category_names().size(), 0);
  for (const uint32_t row : index.run(all_categories).rows) ++per_category[board.category_of(row)];
  CHECK(r.per_category == per_category);
  std::map<int, uint32_t> per_year;
  for (const uint32_t row : index.run(all_dates).rows)
    ++per_year[civil_from_seconds(board.published_at(row) + kSeoulOffsetSeconds).year];
  CHECK(r.per_year == per_year);
  CHECK(r.per_category[0] == r.rows.size());
  const auto year = r.per_year.find(2020);
  REQUIRE(year != r.per_year.end());
  CHECK(year->second == r.rows.size());
}

TEST_CASE("titles that agree over a long start are put in 가나다 order by where they differ") {
  // Series titles share dozens of characters; the order is decided after them, by any
  // group of character, by length, and by id when the titles are the same.
  const std::string series = "전북국제협력진흥원 2024년 국제개발협력 아카데미 제";
  const std::vector<std::string> endings = {"1기 수료식", "10기 수료식", "1기", "2기 모집", "A기",         "a기",
                                            "(1)기",      "1기 수료식 ", "ㄱ",  "가",       "👩‍💻", "",
                                            "1기 수료식", "Ⅱ기"};
  BoardBuilder builder;
  int64_t id = 0;
  for (const std::string& prefix : {series, series + series, std::string("짧은 제목 ")}) {
    for (const std::string& ending : endings) {
      ArticleDraft d;
      d.id = ++id;
      d.number = id;
      d.title = prefix + ending;
      d.published_at = 1700000000 + (id % 3) * 60;
      builder.add(std::move(d));
    }
  }
  const Board board = std::move(builder).build({});
  const SearchIndex index(board);
  const Reference reference(board);
  Query q;
  q.sort = SortOrder::title;
  const std::vector<uint32_t> rows = index.run(q).rows;
  CHECK(rows == reference.run(q).rows);
  REQUIRE(rows.size() == 3 * endings.size());
  const auto titles = titles_of(board, rows);
  const auto at = [&titles](const std::string& t) {
    return std::find(titles.begin(), titles.end(), t) - titles.begin();
  };
  CHECK(at(series + "(1)기") < at(series + "1기"));
  CHECK(at(series + "1기") < at(series + "1기 수료식"));
  CHECK(at(series + "10기 수료식") < at(series + "1기 수료식"));  // digits before Hangul
  CHECK(at(series + "가") < at(series + "A기"));
  CHECK(at(series + series + "1기") < at(series + series + "2기 모집"));
}

TEST_CASE("sorts: 가나다 title order, views, number, and changing only the sort keeps the rows") {
  const Board& board = small_board();
  const SearchIndex index(board);
  Query q;
  q.text = "프로그램 -없는";
  q.field = SearchField::title;
  q.sort = SortOrder::title;
  const auto titles = titles_of(board, index.run(q).rows);
  // Hangul before Latin; Latin case-folded (alpha, Alpha, then Zeta), capitals first on a tie.
  const auto at = [&titles](std::string_view t) { return std::find(titles.begin(), titles.end(), t) - titles.begin(); };
  CHECK(at("Alpha 프로그램") < at("alpha 프로그램"));
  CHECK(at("alpha 프로그램") < at("Zeta 프로그램"));
  Query notices;
  notices.categories = {
      static_cast<uint16_t>(std::find(board.category_names().begin(), board.category_names().end(), "공지사항") -
                            board.category_names().begin())};
  notices.sort = SortOrder::title;
  const auto order = titles_of(board, index.run(notices).rows);
  const auto pos = [&order](std::string_view t) { return std::find(order.begin(), order.end(), t) - order.begin(); };
  // Punctuation, then digits, then Hangul, ..., then other scripts.
  CHECK(pos("(공지) 서버 점검 안내") < pos("2024년 새해 인사"));
  CHECK(pos("2024년 새해 인사") < pos("ㅋㅋ 이벤트 안내"));
  CHECK(pos("고정 공지: 개인정보 처리방침") < pos("본문 없는 글"));
  CHECK(pos("본문 없는 글") < pos("👩‍💻 개발자 모집 \u202E되돌림"));

  // Same views and time: the higher id first (newest), and least viewed is the exact reverse.
  Query ties;
  ties.text = "\"같은 시각 같은 조회수\"";
  ties.sort = SortOrder::most_viewed;
  const auto most = index.run(ties).rows;
  ties.sort = SortOrder::least_viewed;
  auto least = index.run(ties).rows;
  std::reverse(least.begin(), least.end());
  CHECK(most == least);
  REQUIRE(most.size() == 2);
  CHECK(board.id(most[0]) > board.id(most[1]));

  // Changing only the sort: the same rows and facets, another order.
  Query a;
  a.text = "진흥원";
  a.sort = SortOrder::newest;
  const SearchResult first = index.run(a);
  a.sort = SortOrder::oldest;
  const SearchResult second = index.run(a);
  CHECK(std::set<uint32_t>(first.rows.begin(), first.rows.end()) ==
        std::set<uint32_t>(second.rows.begin(), second.rows.end()));
  CHECK(first.per_year == second.per_year);
  std::vector<uint32_t> reversed(second.rows.rbegin(), second.rows.rend());
  CHECK(first.rows == reversed);
  a.sort = SortOrder::number;
  const auto numbered = index.run(a).rows;
  for (size_t k = 1; k < numbered.size(); ++k) {
    if (!board.pinned(numbered[k - 1]) && !board.pinned(numbered[k]))
      CHECK(board.number(numbered[k - 1]) >= board.number(numbered[k]));
  }
}

TEST_CASE("highlight ranges point at the matched bytes, merged and sorted") {
  const SearchIndex index(small_board());
  const std::string text = "ODA 사업과 oda, 카자흐스탄 Café";
  const ParsedQuery p = parse_query("oda 카자 자흐 café 없음");
  const HighlightRanges ranges = index.highlights(p, text);
  REQUIRE(ranges.size() == 4);
  const auto piece = [&text](const std::pair<uint32_t, uint32_t>& r) {
    return text.substr(r.first, r.second - r.first);
  };
  CHECK(piece(ranges[0]) == "ODA");
  CHECK(piece(ranges[1]) == "oda");
  CHECK(piece(ranges[2]) == "카자흐");  // 카자 and 자흐 overlap: one range
  CHECK(piece(ranges[3]) == "Café");
  for (size_t k = 1; k < ranges.size(); ++k) CHECK(ranges[k - 1].second < ranges[k].first);
  CHECK(index.highlights(parse_query(""), text).empty());
  CHECK(index.highlights(parse_query("\"사업과 oda\""), text) == HighlightRanges{{4, 17}});
  // 초성 terms mark the title's syllables, the space between them included.
  const std::string title = "2023 전북 국제협력 포럼";
  const HighlightRanges initials = index.title_highlights(parse_query("ㅈㅂㄱㅈ"), title);
  REQUIRE(initials.size() == 1);
  CHECK(title.substr(initials[0].first, initials[0].second - initials[0].first) == "전북 국제");
  CHECK(index.highlights(parse_query("ㅈㅂㄱㅈ"), title).empty());
}
