// Boards, comparisons and a random query generator for the search tests: the sample
// boards (synthetic, with hand-written specials), check_same() against the reference, and
// QueryMaker, whose fixed seeds make every run (native and wasm) ask the same questions.
#pragma once

#include "search_reference.h"

namespace newsroom::search_test {

// ---------------------------------------------------------------------------------------
// Boards: the synthetic export plus articles written for the rules under test.
// ---------------------------------------------------------------------------------------

inline int64_t seoul(int year, int month, int day, int hour = 10) {
  return days_from_civil(year, month, day) * 86400 + hour * 3600 - kSeoulOffsetSeconds;
}

struct Special {
  std::string title, body, author = "홍보팀", category = "보도자료";
  int64_t published_at = 0;
  int64_t views = 100;
  bool pinned = false;
  bool attachment = false;
};

// Articles whose text, ties and order exercise the rules. Ids from 9,000,000.
inline std::vector<Special> specials() {
  std::vector<Special> s = {
      {"카자흐스탄과 업무협약 체결", "진흥원은 카자흐스탄과 협약을 맺었다.", "국제교류팀", "교류소식",
       seoul(2021, 3, 2)},
      {"카자흐스탄의 청년 대표단 방문", "알마티에서 온 대표단이 전주를 찾았다.", "국제교류팀", "교류소식",
       seoul(2022, 5, 10)},
      {"카자흐 음식 체험", "카자흐 전통 음식을 나눴다.", "홍보팀", "행사소식", seoul(2019, 7, 1)},
      {"우즈베키스탄 연수단", "타슈켄트 연수단 소식.", "홍보팀", "교류소식", seoul(2020, 1, 15)},
      {"전북 국제협력 포럼 개최", "전북 국제 포럼을 열었다.", "관리자", "행사소식", seoul(2023, 9, 5)},
      {"ODA 사업 설명회", "Oda와 oda, ODA 모두 같은 말이다.", "관리자", "사업안내", seoul(2023, 2, 1)},
      {"Café ÀÉÎ 문화 행사", "CAFÉ àéî, ß와 ÿ는 그대로.", "Édith Piaf", "행사소식", seoul(2018, 4, 4)},
      {"ㅋㅋ 이벤트 안내", "자모를 글자로 쓴 제목.", "관리자", "공지사항", seoul(2024, 1, 3)},
      {"2024년 새해 인사", "숫자로 시작하는 제목.", "관리자", "공지사항", seoul(2024, 1, 2)},
      {"(공지) 서버 점검 안내", "괄호로 시작하는 제목.", "관리자", "공지사항", seoul(2024, 2, 2), 5, true},
      {"中國 교류 소식", "한자로 시작하는 제목.", "홍보팀", "교류소식", seoul(2017, 6, 6)},
      {"Zeta 프로그램", "라틴 문자 제목.", "홍보팀", "사업안내", seoul(2016, 6, 6)},
      {"alpha 프로그램", "라틴 문자 제목, 소문자.", "홍보팀", "사업안내", seoul(2016, 6, 6)},
      {"Alpha 프로그램", "라틴 문자 제목, 대문자.", "홍보팀", "사업안내", seoul(2016, 6, 6)},
      {"👩‍💻 개발자 모집 \u202E되돌림", "이모지와 ZWJ, 방향 제어 문자.", "홍보팀", "공지사항",
       seoul(2022, 12, 30), 7},
      {"본문 없는 글", "", "홍보팀", "공지사항", seoul(2015, 3, 3), 7},
      {"같은 시각 같은 조회수 가", "동률 1", "홍보팀", "보도자료", seoul(2020, 6, 1), 7},
      {"같은 시각 같은 조회수 나", "동률 2", "홍보팀", "보도자료", seoul(2020, 6, 1), 7},
      {"고정 공지: 개인정보 처리방침", "개인정보 처리방침 안내.", "관리자", "공지사항", seoul(2012, 1, 1), 900, true,
       true},
      {"제목에는 없음", "본문에만 카자흐스탄이 있다.", "홍보팀", "보도자료", seoul(2024, 11, 1)},
  };
  return s;
}

// A trimmed body keeps the reference fast; full bodies exercise long-text paths.
inline std::string trimmed(const std::string& body, size_t limit) {
  if (body.size() <= limit) return body;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  return body.substr(0, cut);
}

inline Board make_board(size_t synthetic, uint64_t seed, size_t body_limit, bool with_specials = true) {
  const ImportResult imported = import_export(make_synthetic_export(synthetic, seed), "synthetic");
  BoardBuilder builder;
  for (uint32_t i = 0; i < imported.board.size(); ++i) {
    ArticleDraft d = imported.board.draft(i);
    d.body = trimmed(d.body, body_limit);
    builder.add(std::move(d));
  }
  if (with_specials) {
    int64_t id = 9'000'000;
    for (const Special& s : specials()) {
      ArticleDraft d;
      d.id = ++id;
      d.number = s.pinned ? 0 : id - 8'000'000;
      d.title = normalize_line(s.title);
      d.body = normalize_text(s.body);
      d.author = normalize_line(s.author);
      d.category = s.category;
      d.published_at = s.published_at;
      d.views = s.views;
      d.pinned = s.pinned;
      if (s.attachment) d.attachments.push_back({"안내문.hwp", "attachments/1/안내문.hwp", 1024, 3});
      builder.add(std::move(d));
    }
  }
  return std::move(builder).build(imported.board.info);
}

inline const Board& small_board() {
  static const Board board = make_board(600, 11, 320);
  return board;
}

inline std::optional<uint32_t> row_of_title(const Board& board, std::string_view title) {
  for (uint32_t i = 0; i < board.size(); ++i)
    if (board.title(i) == title) return i;
  return std::nullopt;
}

inline std::vector<std::string_view> titles_of(const Board& board, const std::vector<uint32_t>& rows) {
  std::vector<std::string_view> out;
  for (const uint32_t r : rows) out.push_back(board.title(r));
  return out;
}

inline bool contains(const std::vector<uint32_t>& rows, std::optional<uint32_t> row) {
  return row && std::find(rows.begin(), rows.end(), *row) != rows.end();
}

inline std::string describe(const Query& q) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
  std::string out = "query [";
  out += q.text;
  out += "] field ";
  out += std::to_string(static_cast<int>(q.field));
  out += " sort ";
  out += std::to_string(static_cast<int>(q.sort));
  out += " categories";
  for (const uint16_t c : q.categories) {
    out += ' ';
    out += std::to_string(c);
  }
  if (q.from) out += " from " + std::to_string(*q.from);
  if (q.to) out += " to " + std::to_string(*q.to);
  if (!q.author.empty()) out += " author " + q.author;
  if (q.with_attachments) out += " with attachments";
  if (q.pinned_only) out += " pinned only";
  return out;
}

// Compares everything a visitor sees; reports the first difference in a readable way.
inline void check_same(const SearchIndex& index, const Reference& reference, const Query& q) {
  const SearchResult got = index.run(q);
  const SearchResult want = reference.run(q);
  INFO(describe(q));
  REQUIRE(got.rows.size() == want.rows.size());
  if (got.rows != want.rows) {
    for (size_t k = 0; k < got.rows.size(); ++k) {
      INFO("first difference at row " << k);
      REQUIRE(got.rows[k] == want.rows[k]);
    }
  }
  CHECK(got.pinned_on_top == want.pinned_on_top);
  CHECK(got.per_category == want.per_category);
  CHECK(got.per_year == want.per_year);
}

// ---------------------------------------------------------------------------------------
// Random queries built from the board's own text.
// ---------------------------------------------------------------------------------------

class QueryMaker {
 public:
  QueryMaker(const Board& board, uint64_t seed) : board_(board), rng_(seed) {
    for (uint32_t i = 0; i < board.size(); ++i) authors_.insert(std::string(board.article(i).author));
  }

  Query make() {
    Query q;
    const uint32_t pieces = 1 + rng_.below(3) * rng_.below(2);  // mostly one, up to three
    for (uint32_t k = 0; k < pieces; ++k) {
      if (k > 0) q.text += rng_.chance(90) ? " " : "  ";
      q.text += piece();
    }
    if (rng_.chance(5)) q.text = " " + q.text + "\t";
    const SearchField fields[] = {SearchField::title_body, SearchField::title, SearchField::body, SearchField::author};
    q.field = rng_.chance(55) ? SearchField::title_body : fields[rng_.below(4)];
    q.sort = static_cast<SortOrder>(rng_.below(7));
    filters(q);
    return q;
  }

  std::string piece() {
    switch (rng_.below(12)) {
      case 0:
      case 1:
      case 2: return substring(true, 1 + rng_.below(5));
      case 3:
      case 4: return substring(false, 1 + rng_.below(6));
      case 5: return syllables();
      case 6: return initials();
      case 7: return latin();
      case 8: return "\"" + substring(rng_.chance(50), 2 + rng_.below(8)) + (rng_.chance(85) ? "\"" : "");
      case 9:
        return "-" + (rng_.chance(25) ? "\"" + substring(false, 3 + rng_.below(5)) + "\""
                                      : substring(rng_.chance(50), 1 + rng_.below(3)));
      case 10: return "-" + initials();
      default: return noise();
    }
  }

 private:
  // Code points from a random title or body, spaces and all.
  std::string substring(bool title, uint32_t length) {
    const uint32_t i = rng_.below(static_cast<uint32_t>(board_.size()));
    const std::vector<char32_t> cps = code_points(title ? board_.title(i) : board_.article(i).body);
    if (cps.empty()) return "본문";
    const uint32_t start = rng_.below(static_cast<uint32_t>(cps.size()));
    std::string out = utf8(cps, start, length);
    // Flip the case of Latin letters now and then: matching must not care.
    for (char& c : out) {
      if (std::isalpha(static_cast<unsigned char>(c)) && rng_.chance(50)) c = static_cast<char>(c ^ 0x20);
    }
    return out;  // spaces in it make several terms, quotes a phrase: all fair game
  }
  std::string syllables() {
    std::vector<char32_t> cps;
    const uint32_t length = 1 + rng_.below(3);
    for (uint32_t k = 0; k < length; ++k) cps.push_back(0xAC00 + rng_.below(11172));
    return utf8(cps);
  }
  std::string initials() {
    const uint32_t i = rng_.below(static_cast<uint32_t>(board_.size()));
    std::vector<char32_t> cps;
    for (const char32_t cp : code_points(ref_choseong(board_.title(i))))
      if (is_consonant(cp)) cps.push_back(cp);
    if (cps.empty()) return "ㄱ";
    const uint32_t start = rng_.below(static_cast<uint32_t>(cps.size()));
    return utf8(cps, start, 1 + rng_.below(5));
  }
  std::string latin() {
    static const std::vector<std::string> words = {"oda",    "ODA", "Oda",   "ict",   "ESG",   "sdgs",
                                                   "k-푸드", "MOU", "mou",   "café",  "CAFÉ",  "ÀÉÎ",
                                                   "àéî",    "ß",   "Édith", "alpha", "ALPHA", "zeta"};
    return rng_.pick(words);
  }
  std::string noise() {
    static const std::vector<std::string> bits = {"-",  "\"", "--",  "\"\"",   "- 전북",     ".",
                                                  ",",  "·",  "'",   "(",      "다.",        "\u3000",
                                                  "ㄱ", "ㅏ", "-ㅋ", "\"전북", "전북\"국제", "a\"b c\"d"};
    return rng_.pick(bits);
  }

  void filters(Query& q) {
    const auto categories = static_cast<uint32_t>(board_.category_names().size());
    if (rng_.chance(30)) {
      const uint32_t count = 1 + rng_.below(2);
      for (uint32_t k = 0; k < count; ++k) q.categories.push_back(static_cast<uint16_t>(rng_.below(categories + 1)));
    }
    switch (rng_.below(6)) {
      case 0: {  // a year
        const int year = 2009 + static_cast<int>(rng_.below(17));
        q.from = seoul(year, 1, 1, 0);
        q.to = seoul(year + 1, 1, 1, 0);
        break;
      }
      case 1: {  // a month
        const int year = 2010 + static_cast<int>(rng_.below(15)), month = 1 + static_cast<int>(rng_.below(12));
        q.from = seoul(year, month, 1, 0);
        q.to = month == 12 ? seoul(year + 1, 1, 1, 0) : seoul(year, month + 1, 1, 0);
        break;
      }
      case 2: {  // a custom range, sometimes open at one end
        const int64_t a = seoul(2010, 1, 1) + static_cast<int64_t>(rng_.next() % (15ULL * 365 * 86400));
        const int64_t b = a + static_cast<int64_t>(rng_.next() % (3ULL * 365 * 86400));
        if (rng_.chance(80)) q.from = a;
        if (rng_.chance(80)) q.to = b;
        break;
      }
      default: break;
    }
    if (rng_.chance(8))
      q.author = rng_.chance(80) ? *std::next(authors_.begin(), rng_.below(static_cast<uint32_t>(authors_.size())))
                                 : "없는 사람";
    q.with_attachments = rng_.chance(10);
    q.pinned_only = rng_.chance(3);
  }

  const Board& board_;
  Rng rng_;
  std::set<std::string> authors_;
};

}  // namespace newsroom::search_test
