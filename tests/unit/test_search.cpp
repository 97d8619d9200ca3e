// The query engine (issue 4), checked against a brute-force reference written here from
// the rules in core/search.h and docs: fold the text, look for every term with find, filter,
// count the facets, sort with comparators. The reference shares nothing with the engine but
// the board and the core helpers it is built on (UTF-8 decoding, dates). Random queries
// come from a fixed-seed generator, so every run (native and wasm) asks the same ones.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"
#include "core/dates.h"
#include "core/search.h"
#include "core/text.h"
#include "io/importer.h"
#include "io/text_normalize.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

// ---------------------------------------------------------------------------------------
// Randomness: splitmix64, the same numbers on every platform (std:: distributions differ
// between libstdc++ and libc++).
// ---------------------------------------------------------------------------------------

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return n == 0 ? 0 : static_cast<uint32_t>(next() % n); }
  bool chance(uint32_t percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(static_cast<uint32_t>(items.size()))];
  }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------------------------------
// The reference.
// ---------------------------------------------------------------------------------------

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) out.push_back(decode_utf8(text, pos, cp) ? cp : kReplacementCharacter);
  return out;
}

std::string utf8(const std::vector<char32_t>& cps, size_t from = 0, size_t count = std::string::npos) {
  std::string out;
  for (size_t i = from; i < cps.size() && i - from < count; ++i) append_utf8(out, cps[i]);
  return out;
}

bool ref_space(char32_t cp) {
  static const std::set<char32_t> spaces = {' ',    '\t',   '\n',   '\v',   '\f',   '\r',   0xA0,   0x1680,
                                            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
                                            0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  return spaces.count(cp) != 0;
}

// ASCII and Latin-1 capitals to small letters, code point by code point.
std::string ref_fold(std::string_view text) {
  std::vector<char32_t> cps = code_points(text);
  for (char32_t& cp : cps) {
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
  }
  return utf8(cps);
}

bool is_consonant(char32_t cp) { return cp >= 0x3131 && cp <= 0x314E; }

// 초성: each syllable's initial consonant, spaces dropped, other characters kept.
std::string ref_choseong(std::string_view text) {
  static const char32_t initials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145,
                                        0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
  std::vector<char32_t> out;
  for (const char32_t cp : code_points(text)) {
    if (ref_space(cp)) continue;
    out.push_back(cp >= 0xAC00 && cp <= 0xD7A3 ? initials[(cp - 0xAC00) / (21 * 28)] : cp);
  }
  return utf8(out);
}

bool ref_consonants_only(std::string_view text) {
  const auto cps = code_points(text);
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), is_consonant);
}

struct RefQuery {
  std::vector<std::string> terms, phrases, excluded, choseong;
  bool has_text() const { return !terms.empty() || !phrases.empty() || !excluded.empty() || !choseong.empty(); }
};

// The query grammar as documented: whitespace separates terms; "…" is a phrase (to the
// next quote or the end, ends trimmed, empty ones dropped); a leading - excludes the
// term or phrase after it; a term of consonants only is a 초성 term; all folded.
RefQuery ref_parse(std::string_view raw) {
  const std::vector<char32_t> cps = code_points(sanitize_utf8(raw));
  RefQuery q;
  size_t i = 0;
  while (i < cps.size()) {
    if (ref_space(cps[i])) {
      ++i;
      continue;
    }
    bool negate = false;
    if (cps[i] == '-' && i + 1 < cps.size() && !ref_space(cps[i + 1])) {
      negate = true;
      ++i;
    }
    if (cps[i] == '"') {
      size_t end = i + 1;
      while (end < cps.size() && cps[end] != '"') ++end;
      size_t first = i + 1, last = end;
      while (first < last && ref_space(cps[first])) ++first;
      while (last > first && ref_space(cps[last - 1])) --last;
      if (last > first) (negate ? q.excluded : q.phrases).push_back(ref_fold(utf8(cps, first, last - first)));
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < cps.size() && cps[end] != '"' && !ref_space(cps[end])) ++end;
    const std::string term = ref_fold(utf8(cps, i, end - i));
    i = end;
    if (negate)
      q.excluded.push_back(term);
    else if (ref_consonants_only(term))
      q.choseong.push_back(term);
    else
      q.terms.push_back(term);
  }
  return q;
}

// 가나다 order of titles: code point by code point by (group, value) — punctuation,
// symbols and spaces; digits; Hangul; Latin letters, case-folded; everything else.
int ref_group(char32_t cp) {
  if (cp >= '0' && cp <= '9') return 1;
  if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF))
    return 2;
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
    return 3;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return 0;
  return 4;
}

std::vector<std::pair<int, char32_t>> ref_collation_keys(std::string_view title) {
  std::vector<std::pair<int, char32_t>> keys;
  for (char32_t cp : code_points(title)) {
    const int group = ref_group(cp);
    if (group == 3 && ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))) cp += 32;
    keys.emplace_back(group, cp);
  }
  return keys;
}

class Reference {
 public:
  const Board& board() const { return board_; }
  explicit Reference(const Board& board) : board_(board) {
    const size_t n = board.size();
    for (uint32_t i = 0; i < n; ++i) {
      const ArticleView a = board.article(i);
      title_.push_back(ref_fold(a.title));
      body_.push_back(ref_fold(a.body));
      author_.push_back(ref_fold(a.author));
      title_initials_.push_back(ref_choseong(a.title));
      author_initials_.push_back(ref_choseong(a.author));
      year_.push_back(civil_from_seconds(a.published_at + kSeoulOffsetSeconds).year);
      collation_.push_back(ref_collation_keys(a.title));
    }
    board_position_.resize(n);
    for (size_t k = 0; k < n; ++k) board_position_[board.board_order()[k]] = k;
  }

  SearchResult run(const Query& q) const {
    const RefQuery parsed = ref_parse(q.text);
    const Board& b = board_;
    const auto has = [](const std::string& text, const std::string& needle) {
      return text.find(needle) != std::string::npos;
    };
    // One required piece: does article i have it, and is it a title hit?
    const auto literal = [&](uint32_t i, const std::string& t, bool& in_title) {
      in_title = false;
      switch (q.field) {
        case SearchField::title_body: in_title = has(title_[i], t); return in_title || has(body_[i], t);
        case SearchField::title: in_title = true; return has(title_[i], t);
        case SearchField::body: return has(body_[i], t);
        case SearchField::author: return has(author_[i], t);
      }
      return false;
    };
    const auto initials = [&](uint32_t i, const std::string& t, bool& in_title) {
      in_title = q.field == SearchField::title_body || q.field == SearchField::title;
      switch (q.field) {
        case SearchField::body: return has(body_[i], t);
        case SearchField::author: return has(author_initials_[i], t) || has(author_[i], t);
        default: return has(title_initials_[i], t);
      }
    };
    std::vector<uint32_t> matches;
    std::vector<int> title_hits(b.size(), 0);
    for (uint32_t i = 0; i < b.size(); ++i) {
      if (!q.author.empty() && b.article(i).author != q.author) continue;
      if (q.with_attachments && b.attachments_of(i).empty()) continue;
      if (q.pinned_only && !b.pinned(i)) continue;
      bool ok = true, in_title = false;
      for (const auto* list : {&parsed.terms, &parsed.phrases}) {
        for (const std::string& t : *list) {
          ok = ok && literal(i, t, in_title);
          title_hits[i] += ok && in_title;
        }
      }
      for (const std::string& t : parsed.choseong) {
        ok = ok && initials(i, t, in_title);
        title_hits[i] += ok && in_title;
      }
      for (const std::string& t : parsed.excluded)
        ok = ok && !(ref_consonants_only(t) ? initials(i, t, in_title) : literal(i, t, in_title));
      if (ok) matches.push_back(i);
    }
    const auto category_ok = [&](uint32_t i) {
      return q.categories.empty() ||
             std::find(q.categories.begin(), q.categories.end(), b.category_of(i)) != q.categories.end();
    };
    const auto date_ok = [&](uint32_t i) {
      return (!q.from || b.published_at(i) >= *q.from) && (!q.to || b.published_at(i) < *q.to);
    };
    SearchResult r;
    r.per_category.assign(b.category_names().size(), 0);
    std::vector<uint32_t> rows;
    for (const uint32_t i : matches) {
      if (date_ok(i)) ++r.per_category[b.category_of(i)];
      if (category_ok(i)) ++r.per_year[year_[i]];
      if (category_ok(i) && date_ok(i)) rows.push_back(i);
    }
    const bool pinned_rule = !parsed.has_text() && q.categories.empty();
    if (pinned_rule) {
      for (const uint32_t i : b.board_order())
        if (b.pinned(i) && std::find(rows.begin(), rows.end(), i) != rows.end()) r.rows.push_back(i);
      r.pinned_on_top = r.rows.size();
      rows.erase(std::remove_if(rows.begin(), rows.end(), [&](uint32_t i) { return b.pinned(i); }), rows.end());
    }
    const auto newer = [&](uint32_t x, uint32_t y) {
      if (b.published_at(x) != b.published_at(y)) return b.published_at(x) > b.published_at(y);
      return b.id(x) > b.id(y);
    };
    SortOrder sort = q.sort;
    if (sort == SortOrder::relevance && !parsed.has_text()) sort = SortOrder::newest;
    switch (sort) {
      case SortOrder::newest: std::sort(rows.begin(), rows.end(), newer); break;
      case SortOrder::oldest:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) { return newer(y, x); });
        break;
      case SortOrder::most_viewed:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return b.views(x) != b.views(y) ? b.views(x) > b.views(y) : newer(x, y);
        });
        break;
      case SortOrder::least_viewed:  // exactly the reverse of most viewed
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return b.views(x) != b.views(y) ? b.views(x) < b.views(y) : newer(y, x);
        });
        break;
      case SortOrder::title:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          if (collation_[x] != collation_[y]) return collation_[x] < collation_[y];
          if (b.title(x) != b.title(y)) return b.title(x) < b.title(y);
          return newer(x, y);
        });
        break;
      case SortOrder::number:
        std::sort(rows.begin(), rows.end(),
                  [&](uint32_t x, uint32_t y) { return board_position_[x] < board_position_[y]; });
        break;
      case SortOrder::relevance:
        std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) {
          return title_hits[x] != title_hits[y] ? title_hits[x] > title_hits[y] : newer(x, y);
        });
        break;
    }
    r.rows.insert(r.rows.end(), rows.begin(), rows.end());
    return r;
  }

 private:
  const Board& board_;
  std::vector<std::string> title_, body_, author_, title_initials_, author_initials_;
  std::vector<int> year_;
  std::vector<std::vector<std::pair<int, char32_t>>> collation_;
  std::vector<size_t> board_position_;
};

// ---------------------------------------------------------------------------------------
// Boards: the synthetic export plus articles written for the rules under test.
// ---------------------------------------------------------------------------------------

int64_t seoul(int year, int month, int day, int hour = 10) {
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
std::vector<Special> specials() {
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
std::string trimmed(const std::string& body, size_t limit) {
  if (body.size() <= limit) return body;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  return body.substr(0, cut);
}

Board make_board(size_t synthetic, uint64_t seed, size_t body_limit, bool with_specials = true) {
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

const Board& small_board() {
  static const Board board = make_board(600, 11, 320);
  return board;
}

std::optional<uint32_t> row_of_title(const Board& board, std::string_view title) {
  for (uint32_t i = 0; i < board.size(); ++i)
    if (board.title(i) == title) return i;
  return std::nullopt;
}

std::vector<std::string_view> titles_of(const Board& board, const std::vector<uint32_t>& rows) {
  std::vector<std::string_view> out;
  for (const uint32_t r : rows) out.push_back(board.title(r));
  return out;
}

bool contains(const std::vector<uint32_t>& rows, std::optional<uint32_t> row) {
  return row && std::find(rows.begin(), rows.end(), *row) != rows.end();
}

std::string describe(const Query& q) {
  std::string out = "query [" + q.text + "] field " + std::to_string(static_cast<int>(q.field)) + " sort " +
                    std::to_string(static_cast<int>(q.sort)) + " categories";
  for (const uint16_t c : q.categories) out += " " + std::to_string(c);
  if (q.from) out += " from " + std::to_string(*q.from);
  if (q.to) out += " to " + std::to_string(*q.to);
  if (!q.author.empty()) out += " author " + q.author;
  if (q.with_attachments) out += " with attachments";
  if (q.pinned_only) out += " pinned only";
  return out;
}

// Compares everything a visitor sees; reports the first difference in a readable way.
void check_same(const SearchIndex& index, const Reference& reference, const Query& q) {
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

}  // namespace

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
size_t agreeing_queries(const SearchIndex& index, const Reference& reference, uint64_t seed, int count) {
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
}

// Text no vocabulary of ours resembles: random syllables over the whole Hangul block,
// hanja, hex and base64 (make_high_entropy_export). Such a board has a new gram every few
// bytes; the index leaves out what it cannot afford and verifies in the text instead, so it
// stays within the size of the text and answers exactly as before.
TEST_CASE("on high-entropy text the index stays within the text's size and answers exactly") {
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
  CHECK(index.memory_bytes() <= index.text_bytes());
  const Reference reference(board);
  // Random pieces of random text: a quarter or so find something.
  CHECK(agreeing_queries(index, reference, 4242, 300) > 40);
  // The same board indexed in small slices, as the page does, gives the same answers.
  SearchIndex sliced(board, SearchIndex::InSlices{});
  while (!sliced.build(16 << 10)) {
  }
  agreeing_queries(sliced, reference, 4242, 100);
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
