#include "tools/synthetic_export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "core/dates.h"

namespace newsroom {
namespace {

// ---------------------------------------------------------------------------------------
// Randomness. splitmix64 (Steele, Lea & Flood 2014) is tiny, fast and statistically good
// enough for test data. Everything derived from it uses integer arithmetic or the basic
// IEEE operations (+ - * / sqrt, exact rounding), so results are bit-identical under
// libstdc++/glibc and libc++/musl (wasm). The target is compiled with -ffp-contract=off so
// that a build for a CPU with FMA cannot fuse a*b+c and round differently.
// ---------------------------------------------------------------------------------------

uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n) by multiply-shift; the bias (< n / 2^32) is irrelevant here.
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
  uint32_t between(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool percent(uint32_t p) { return below(100) < p; }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  uint64_t state_;
};

constexpr double kLn2 = 0.69314718055994530942;

// exp and log from series, not libm: libm implementations may differ in the last bit, and
// a view count that flips at a rounding boundary would make native and wasm files differ.
double det_exp(double x) {
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;  // |r| <= ln2 / 2: the series converges in ~16 terms
  double term = 1, sum = 1;
  for (int i = 1; i < 20; ++i) {
    term *= r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double det_log(double x) {  // x > 0
  int e = 0;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  // ln m = 2 atanh(t), t = (m-1)/(m+1), |t| < 0.172: 20 odd terms are far past double precision.
  const double t = (m - 1) / (m + 1), t2 = t * t;
  double power = t, sum = 0;
  for (int i = 1; i < 40; i += 2) {
    sum += power / i;
    power *= t2;
  }
  return e * kLn2 + 2 * sum;
}

// Standard normal by Marsaglia's polar method.
double standard_normal(Rng& rng) {
  for (;;) {
    const double u = 2 * rng.unit() - 1, v = 2 * rng.unit() - 1, s = u * u + v * v;
    if (s > 0 && s < 1) return u * std::sqrt(-2 * det_log(s) / s);
  }
}

// Ranks 0..n-1 with weight 1/(rank+1): Zipf's law with exponent 1, the shape of word
// frequencies in running text. Lists below are written most frequent first.
class ZipfIndex {
 public:
  explicit ZipfIndex(size_t n) {
    double total = 0;
    for (size_t r = 0; r < n; ++r) total += 1.0 / static_cast<double>(r + 1);
    double running = 0;
    for (size_t r = 0; r < n; ++r) {
      running += 1.0 / static_cast<double>(r + 1);
      thresholds_.push_back(r + 1 == n ? UINT32_MAX : static_cast<uint32_t>(running / total * 4294967296.0));
    }
  }
  size_t pick(Rng& rng) const {
    const auto u = static_cast<uint32_t>(rng.next() >> 32);
    const auto it = std::upper_bound(thresholds_.begin(), thresholds_.end(), u);
    return std::min(static_cast<size_t>(it - thresholds_.begin()), thresholds_.size() - 1);
  }

 private:
  std::vector<uint32_t> thresholds_;  // cumulative probability scaled to 2^32
};

class ZipfList {
 public:
  ZipfList(std::initializer_list<std::string_view> items) : items_(items), ranks_(items_.size()) {}
  std::string_view pick(Rng& rng) const { return items_[ranks_.pick(rng)]; }

 private:
  std::vector<std::string_view> items_;
  ZipfIndex ranks_;
};

// ---------------------------------------------------------------------------------------
// Korean. Particles depend on whether the preceding syllable ends in a consonant (받침):
// 진흥원은 / 도는, 협약식을 / 포럼을 / 세미나를, 전주시로 / 서울로 (ㄹ takes 로).
// ---------------------------------------------------------------------------------------

enum class Particle : uint8_t { none, topic, subject, object, with, toward };  // 은 이 을 과 로

struct Coda {
  bool consonant = false;
  bool rieul = false;
};

// The final sound of the text just written: a Hangul syllable's 받침, or how a digit or a
// Latin letter is read aloud (삼, 육, 일/칠/팔; 엘, 엠, 엔, 알). Closing quotes are skipped.
Coda final_coda(std::string_view text) {
  size_t end = text.size();
  for (int guard = 0; guard < 3 && end > 0; ++guard) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + start;
    char32_t cp = p[0];
    if (cp >= 0xE0 && end - start == 3) cp = ((cp & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp == '\'' || cp == '"' || cp == ')' || cp == 0x2019 || cp == 0x201D) {
      end = start;
      continue;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      const unsigned jong = (cp - 0xAC00) % 28;
      return {jong != 0, jong == 8};
    }
    if (cp >= '0' && cp <= '9') {
      static constexpr bool kConsonant[10] = {true, true, false, true, false, false, true, true, true, false};
      return {kConsonant[cp - '0'], cp == '1' || cp == '7' || cp == '8'};
    }
    const char32_t upper = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return {upper == 'L' || upper == 'M' || upper == 'N' || upper == 'R', upper == 'L' || upper == 'R'};
  }
  return {};
}

void append_particle(std::string& out, Particle particle) {
  if (particle == Particle::none) return;
  const Coda coda = final_coda(out);
  switch (particle) {
    case Particle::topic: out += coda.consonant ? "은" : "는"; break;
    case Particle::subject: out += coda.consonant ? "이" : "가"; break;
    case Particle::object: out += coda.consonant ? "을" : "를"; break;
    case Particle::with: out += coda.consonant ? "과" : "와"; break;
    case Particle::toward: out += coda.consonant && !coda.rieul ? "으로" : "로"; break;
    case Particle::none: break;
  }
}

void append_int(std::string& out, int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// Fixed-width zero-padded decimal, for dates and URL digits.
void append_padded(std::string& out, uint64_t value, int width) {
  char buffer[24];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<size_t>(width));
}

// A sentence or title template: literal text and slots such as {O:은} (an organization
// followed by 은/는). Slots are letters; see Vocabulary::fill for what each one means.
struct Token {
  std::string_view literal;
  char slot = 0;
  Particle particle = Particle::none;
};
using Template = std::vector<Token>;

Template parse_template(std::string_view text) {
  Template tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    if (open != pos) {
      tokens.push_back({text.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos)});
      if (open == std::string_view::npos) break;
    }
    const size_t close = text.find('}', open);
    const std::string_view inner = text.substr(open + 1, close - open - 1);
    Token token;
    token.slot = inner[0];
    if (inner.size() > 1) {
      const std::string_view name = inner.substr(2);
      token.particle = name == "은"   ? Particle::topic
                       : name == "이" ? Particle::subject
                       : name == "을" ? Particle::object
                       : name == "과" ? Particle::with
                                      : Particle::toward;
    }
    tokens.push_back(token);
    pos = close + 1;
  }
  return tokens;
}

class TemplateList {
 public:
  TemplateList(std::initializer_list<std::string_view> texts) : ranks_(texts.size()) {
    for (std::string_view text : texts) templates_.push_back(parse_template(text));
  }
  const Template& pick(Rng& rng) const { return templates_[ranks_.pick(rng)]; }

 private:
  ZipfIndex ranks_;
  std::vector<Template> templates_;
};

enum class Style : uint8_t { press, notice };  // 보도 "~했다" or 안내 "~합니다"

// What a sentence may refer to: the article's own date and register.
struct Context {
  Style style = Style::press;
  int year = 2020, month = 1;
};

// The agency's world, each list most frequent first. Written for this project.
struct Vocabulary {
  // clang-format off
  ZipfList organizations{
      "전북국제협력진흥원", "진흥원", "전북특별자치도", "전라북도", "전주시", "한국국제협력단", "한국국제교류재단",
      "외교부", "군산시", "익산시", "전북대학교", "정읍시", "남원시", "김제시", "완주군", "전북테크노파크",
      "전북경제통상진흥원", "농림축산식품부", "행정안전부", "중소벤처기업부", "원광대학교", "군산대학교",
      "전주대학교", "우석대학교", "전북연구원", "전북여성가족재단", "전북청년허브센터", "한국무역협회 전북지역본부",
      "코트라 전북지원단", "전북자원봉사센터", "전북국제교류센터", "새만금개발청", "국립농업과학원", "농촌진흥청",
      "한국농수산식품유통공사", "고창군", "부안군", "순창군", "임실군", "진안군", "무주군", "장수군",
      "전북상공회의소협의회", "세계한인무역협회"};
  ZipfList teams{
      "국제교류팀", "국제개발협력팀", "경영지원팀", "기획홍보팀", "글로벌인재팀", "통상협력팀"};
  ZipfList countries{
      "베트남", "우즈베키스탄", "일본", "중국", "몽골", "카자흐스탄", "캄보디아", "필리핀", "인도네시아", "라오스",
      "미국", "키르기스스탄", "네팔", "미얀마", "태국", "스리랑카", "르완다", "탄자니아", "방글라데시", "타지키스탄",
      "에티오피아", "케냐", "가나", "페루", "과테말라", "파라과이", "콜롬비아", "캐나다", "독일", "프랑스", "호주",
      "튀르키예", "아제르바이잔", "말레이시아", "동티모르"};
  // A foreign partner: country and city or province, the pairs the agency works with.
  ZipfList regions{
      "베트남 타이빈성", "우즈베키스탄 타슈켄트", "일본 이시카와현", "중국 장쑤성", "몽골 울란바토르",
      "베트남 하노이", "카자흐스탄 알마티", "캄보디아 프놈펜", "우즈베키스탄 사마르칸트", "베트남 호찌민",
      "라오스 비엔티안", "필리핀 마닐라", "인도네시아 자카르타", "중국 산둥성", "일본 가나가와현",
      "키르기스스탄 비슈케크", "네팔 카트만두", "미얀마 양곤", "태국 방콕", "스리랑카 콜롬보", "르완다 키갈리",
      "탄자니아 다르에스살람", "방글라데시 다카", "타지키스탄 두샨베", "에티오피아 아디스아바바", "케냐 나이로비",
      "가나 아크라", "페루 리마", "미국 워싱턴주", "호주 퀸즐랜드주"};
  ZipfList venues{
      "진흥원 세미나실", "도청 대회의실", "전주 한옥마을", "도청 공연장", "새만금 컨벤션센터", "전북대학교 진수당",
      "진흥원 교육장", "익산 국가식품클러스터", "군산 새만금 홍보관", "전주 라한호텔", "온라인 화상회의실",
      "완주 혁신도시", "도의회 세미나실", "한국전통문화전당", "전주월드컵경기장", "국립무형유산원", "전북도립미술관",
      "전주 팔복예술공장", "군산 근대역사박물관", "전북테크노파크 회의실", "원광대학교 숭산기념관", "남원 광한루원",
      "정읍 내장산 일원"};
  ZipfList topics{
      "국제교류", "국제개발협력", "공공외교", "농업협력", "ODA", "스마트팜", "청년 해외봉사", "글로벌 인재",
      "외국인 주민", "다문화", "수출 지원", "농식품", "K-푸드", "교육협력", "새만금", "지방외교", "우호교류",
      "자매결연", "통상 협력", "투자 유치", "관광 홍보", "전통문화", "한지", "한식", "탄소중립", "기후변화 대응",
      "재생에너지", "수소경제", "디지털 전환", "ICT", "보건의료", "직업훈련", "새마을운동", "청소년교류", "이차전지",
      "농생명", "식품산업", "K-컬처", "태권도", "ESG", "SDGs", "공정무역", "문화예술", "유학생 유치", "해외 인턴십",
      "지역개발", "농촌개발", "물 관리", "스마트시티", "공공행정", "역량강화", "민관협력", "시민사회", "인도적 지원",
      "글로벌 시민교육", "국제기구 진출", "해외 마케팅", "바이오", "탄소소재", "전기차", "수산업", "축산", "종자산업",
      "의료관광", "한국어 교육", "청년 창업", "여성 역량강화", "재난 대응", "기록물 교류", "MOU 후속 협력"};
  ZipfList events{
      "간담회", "협약식", "설명회", "워크숍", "세미나", "포럼", "발대식", "수료식", "성과보고회", "교육과정",
      "아카데미", "토론회", "상담회", "수출상담회", "연수", "초청 연수", "박람회", "공모전", "캠프", "기념행사",
      "업무협의", "실무회의", "현장 방문", "교류회", "네트워킹 행사", "전시회", "시상식", "페스티벌", "온라인 강좌",
      "컨퍼런스", "라운드테이블", "사업설명회", "오리엔테이션", "팸투어", "문화체험", "홍보관 운영", "공청회",
      "청년 포럼", "정책 토론회"};
  ZipfList people{
      "도민", "청년", "대학생", "관계자", "전문가", "외국인 유학생", "결혼이민자", "기업인", "대표단", "실무자",
      "공무원", "농업인", "청소년", "교사", "자원봉사자", "수강생", "참가자", "연수생", "해외 바이어",
      "시민단체 활동가", "연구자", "외국인 근로자", "귀국 봉사단원", "학부모", "통번역 전문가"};
  ZipfList verbal_nouns{
      "개최", "추진", "지원", "운영", "진행", "마련", "논의", "체결", "실시", "참여", "모집", "선정", "협의", "발표",
      "점검", "확대", "강화", "홍보", "공유", "소개", "안내", "교류", "방문", "육성", "발굴", "연계", "평가", "지정",
      "접수", "기획", "개설", "제공", "출범", "협력", "검토"};
  ZipfList press_endings{
      "했다", "했다고 밝혔다", "할 계획이다", "할 예정이다", "하고 있다", "해 왔다", "했다고 전했다", "하기로 했다",
      "해 눈길을 끌었다"};
  ZipfList notice_endings{
      "합니다", "할 예정입니다", "하고 있습니다", "할 계획입니다", "해 드립니다", "하고자 합니다",
      "하오니 많은 관심 바랍니다"};
  ZipfList openers{
      "또한", "이와 함께", "특히", "한편", "아울러", "이에 따라", "앞으로", "올해", "이날", "이어", "그동안", "최근",
      "무엇보다", "이를 위해", "이번 사업으로", "이와 관련해", "마지막으로", "이 밖에도", "다만", "지난해에는"};
  ZipfList programs{
      "우리 동네 외교관", "글로벌 청년 리더", "함께 여는 세계", "전북 세계로", "찾아가는 국제교류 교실",
      "지구촌 한마당", "새만금 글로벌 포럼", "세계시민 첫걸음", "전북 맛 세계 맛", "청년 글로벌 챌린지",
      "다문화 이웃과 함께", "K-푸드 수출길", "도민 공공외교단", "국제협력 아카데미", "ODA 청년 서포터즈"};
  ZipfList title_endings{
      "개최", "성료", "추진", "개최 안내", "참가자 모집", "결과 발표", "업무협약 체결", "성황리 마무리", "본격 추진",
      "첫 운영", "신청 접수", "선정 결과 안내", "참가 신청 안내", "운영 계획 안내", "일정 변경 안내", "결과 보고",
      "확대 운영", "공동 개최", "열려"};
  ZipfList durations{
      "사흘간", "이틀간", "5일간", "일주일간", "나흘간", "2주간", "10주간", "한 달간", "6개월간", "하루 동안"};
  ZipfList counted_units{
      "개 기관", "개국", "곳", "개 기업", "개 단체", "개 대학"};

  // Sentences in the press register (보도자료, 행사소식, 교류소식): {V} is a verbal noun
  // with a "~했다" ending. Slots: O organization, G team, C country, R foreign city,
  // L venue, T topic, E event, P people, A opener, D date, N head count, M money,
  // K counted group, H duration, Y the article's year, B an earlier year, Q programme.
  // R is a country with one of its cities or provinces ("베트남 타이빈성").
  TemplateList press_sentences{
      "{O:은} {D} {L}에서 {C} {T} {E:을} {V}.",
      "이번 {E:은} {O:과} {O:이} 함께 마련한 자리로, {C} {P} 등 {N:이} 참석했다.",
      "{A} {O:은} {T} 분야 {P} {N:을} 대상으로 {H} {E:을} {V}.",
      "{R}에서 온 {P:은} {H} 도내에 머물며 {T} 현장을 둘러보고 {O} 관계자들과 {T} 방안을 논의했다.",
      "{O} 관계자는 \"{T} 분야에서 {C:과}의 협력을 넓혀 도민이 체감할 수 있는 성과를 만들겠다\"고 말했다.",
      "{A} 두 기관은 {T:과} {T} 분야의 {E:을} 정례화하고 {T}까지 협력 범위를 넓히기로 했다.",
      "행사에는 {O}, {O}, {O} 등 {K}의 {P:이} 참여해 {T:과} {T}에 대한 의견을 나눴다.",
      "{D} 열린 {E}에서는 {T} 우수사례 발표와 {T} 관련 전문가 토론이 이어졌다.",
      "{O:은} 이를 위해 총사업비 {M:을} 들여 {R} 일대에서 {T} 사업을 {V}.",
      "{A} {O:은} {C} 정부와 함께 {T} {E:을} {V}.",
      "참가자들은 {L}에서 {T:과} {T:을} 주제로 한 {E}에 참여하며 {C}의 사례를 공유했다.",
      "{O:은} 그동안 {K}에 {P} {N:을} 파견해 {T} 사업을 {V}.",
      "{P} 대표로 참석한 한 참가자는 \"{T}에 대해 직접 배우고 {C} 친구들과 교류할 수 있어 뜻깊었다\"고 소감을 전했다.",
      "{O:은} 올해 {T} 분야 예산 {M:을} 확보해 {T} 사업을 단계적으로 {V}.",
      "{A} {O:과} {O:은} {T} 활성화를 위한 업무협약을 맺고 {T} 공동 사업을 {V}.",
      "이번 협약에 따라 양측은 {T}, {T}, {T} 등 세 분야에서 실질적인 협력을 이어 가기로 했다.",
      "{R} 현지에서 열린 {E}에는 도내 {K:이} 참가해 {M} 규모의 상담 실적을 올렸다.",
      "{O:은} {E} 결과를 바탕으로 {Y} 하반기 {T} 사업 계획을 {V}.",
      "{R:은} {O:과} {B}부터 우호교류 관계를 이어 오고 있다.",
      "{A} '{Q}' 프로그램에 참여한 {P:은} {T:과} {T:을} 주제로 {E:을} {V}."};
  // Sentences in the notice register (공지사항, 사업안내): "~합니다".
  TemplateList notice_sentences{
      "{O:은} {Y} {T} {E} 참가자를 다음과 같이 모집합니다.",
      "신청 기간은 {D}부터 {D}까지이며, 전자우편 또는 누리집을 통해 접수합니다.",
      "지원 대상은 도내에 주소를 둔 {P}, {P} 등이며 선정 결과는 누리집에 {V}.",
      "{A} {E} 기간에는 {L} 주변이 혼잡할 수 있으니 대중교통을 이용해 주시기 바랍니다.",
      "{T} {E:은} {L}에서 {H} 진행되며, 수료자에게는 {O} 명의의 수료증을 드립니다.",
      "{P:은} {N} 이내로 선발하며, 서류 심사와 면접을 거쳐 최종 합격자를 {V}.",
      "{O:은} {T} 분야 {P:을} 대상으로 {E:을} {V}.",
      "이번 {E:은} {T:과} {T:을} 주제로 {H} 운영되며, 참가비는 무료입니다.",
      "제출 서류는 참가신청서, 개인정보 수집·이용 동의서 등이며 서식은 첨부파일을 내려받아 작성해 주십시오.",
      "{T} 사업에 관심 있는 {P}의 많은 참여 바랍니다.",
      "{O:은} {R:과}의 {T} 교류를 위해 {E:을} {V}.",
      "선정된 {P:은} {D}에 열리는 {E}에 반드시 참석해야 합니다.",
      "사업 규모는 과제당 최대 {M}이며, 모두 {K} 안팎을 선정할 예정입니다.",
      "{L}에서 열리는 {E}에서는 {T} 관련 {P} 상담도 함께 {V}.",
      "시스템 점검으로 {D} 오전 9시부터 오후 6시까지 일부 서비스 이용이 제한되오니 양해 바랍니다.",
      "'{Q}' 과정은 {T:과} {T:을} 중심으로 {H} 운영하며, 우수 참가자는 {C} 현지 연수 기회를 {V}."};
  // The closing line of most notices.
  TemplateList contact_sentences{
      "자세한 내용은 첨부된 공고문을 참고하시고, 궁금한 점은 {G:로} 문의해 주시기 바랍니다.",
      "그 밖에 궁금한 점은 {G:로} 전화나 전자우편을 주시면 자세히 안내해 드리겠습니다.",
      "문의: {O} {G}"};
  TemplateList titles{
      "{Y} {T} {E} {S}",
      "{O}, {R:과} {T} {E} {S}",
      "{C} {P} 대표단, {O} 방문해 {T} 협력 논의",
      "{Y} {T} 아카데미 '{Q}' {P} 모집",
      "{L}서 '{Y} {T} {E}' 열려",
      "{Y} 하반기 {T} {E} {S}",
      "{O}-{C} {T} {E} {S}",
      "{T}·{T} 분야 {P} {E} {S}",
      "{Y} 상반기 {T} 사업 {S}",
      "{R} {T} {E}에 도내 {K} 참가",
      "{O}, '{Q}' {E} {S}",
      "{Y} {O} {T} 지원사업 공모 {S}",
      "{T} 활성화를 위한 {E} {S}"};
  // clang-format on

  // Fills one slot. Numbers and dates are drawn fresh; words come from the Zipf lists.
  void fill(std::string& out, char slot, const Context& context, Rng& rng) const {
    switch (slot) {
      case 'O': out += organizations.pick(rng); break;
      case 'G': out += teams.pick(rng); break;
      case 'C': out += countries.pick(rng); break;
      case 'R': out += regions.pick(rng); break;
      case 'L': out += venues.pick(rng); break;
      case 'T': out += topics.pick(rng); break;
      case 'E': out += events.pick(rng); break;
      case 'P': out += people.pick(rng); break;
      case 'A': out += openers.pick(rng); break;
      case 'Q': out += programs.pick(rng); break;
      case 'S': out += title_endings.pick(rng); break;
      case 'H': out += durations.pick(rng); break;
      case 'V':
        out += verbal_nouns.pick(rng);
        out += context.style == Style::press ? press_endings.pick(rng) : notice_endings.pick(rng);
        break;
      case 'Y':
        append_int(out, context.year);
        out += "년";
        break;
      case 'B':
        append_int(out, context.year - static_cast<int>(rng.between(1, 12)));
        out += "년";
        break;
      case 'D': {
        const uint32_t day = rng.between(1, 28), form = rng.below(3);
        if (form == 0)
          out += "지난 ";
        else if (form == 1)
          out += "오는 ";
        else {
          append_int(out, (context.month + static_cast<int>(rng.below(2)) - 1) % 12 + 1);
          out += "월 ";
        }
        append_int(out, day);
        out += "일";
        break;
      }
      case 'N':
        append_int(out, rng.percent(80) ? 5 * rng.between(2, 12) : rng.between(20, 300));
        out += "명";
        break;
      case 'M': {
        const uint32_t form = rng.below(3);
        append_int(out, rng.between(1, form == 1 ? 9 : 50));
        out += form == 0 ? "억 원" : form == 1 ? "천만 원" : "0만 달러";
        break;
      }
      case 'K':
        append_int(out, rng.between(3, 30));
        out += counted_units.pick(rng);
        break;
      default: break;
    }
  }

  void render(std::string& out, const Template& tokens, const Context& context, Rng& rng) const {
    for (const Token& token : tokens) {
      if (token.slot == 0) {
        out += token.literal;
      } else {
        fill(out, token.slot, context, rng);
        append_particle(out, token.particle);
      }
    }
  }

  void sentence(std::string& out, const Context& context, Rng& rng) const {
    render(out, (context.style == Style::press ? press_sentences : notice_sentences).pick(rng), context, rng);
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary words;
  return words;
}

size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A title of 15–45 characters: a few tries, then the last try cut at a word boundary.
void make_title(std::string& title, const Context& context, Rng& rng) {
  const Vocabulary& words = vocabulary();
  for (int attempt = 0; attempt < 6; ++attempt) {
    title.clear();
    words.render(title, words.titles.pick(rng), context, rng);
    if (count_code_points(title) <= 45) break;
  }
  while (count_code_points(title) > 45) {
    const size_t space = title.rfind(' ');
    title.resize(space == std::string::npos ? 0 : space);
    // Never leave a quoted programme name open: cut before its opening quote instead.
    if (std::count(title.begin(), title.end(), '\'') % 2 != 0) title.resize(title.rfind('\''));
    while (!title.empty() && (title.back() == ',' || title.back() == ' ')) title.pop_back();
  }
  if (count_code_points(title) < 15) {
    title += ' ';
    title += words.topics.pick(rng);
    title += " 안내";
  }
}

// JSON string as Python's json.dumps(ensure_ascii=False) writes it (data/articles.json).
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + start, i - start);
    start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(text.data() + start, text.size() - start);
  out += '"';
}

// Two-space indented "key": prefix, as in data/articles.json.
void append_key(std::string& out, int indent, std::string_view key) {
  out.append(static_cast<size_t>(indent), ' ');
  out += '"';
  out += key;
  out += "\": ";
}

void append_string_field(std::string& out, int indent, std::string_view key, std::string_view value,
                         bool last = false) {
  append_key(out, indent, key);
  append_json_string(out, value);
  out += last ? "\n" : ",\n";
}

void append_int_field(std::string& out, int indent, std::string_view key, int64_t value, bool last = false) {
  append_key(out, indent, key);
  append_int(out, value);
  out += last ? "\n" : ",\n";
}

// ---------------------------------------------------------------------------------------
// The board's shape.
// ---------------------------------------------------------------------------------------

enum Category : uint8_t { kPress, kNotice, kExchange, kProgramme, kEvent, kCategoryCount };
constexpr std::string_view kCategoryNames[kCategoryCount] = {"보도자료", "공지사항", "교류소식", "사업안내",
                                                             "행사소식"};
constexpr uint32_t kCategoryPercent[kCategoryCount] = {40, 22, 16, 12, 10};
// Who posts what, and how often a category carries a press source or attachments.
constexpr std::string_view kAuthors[kCategoryCount][3] = {{"홍보팀", "홍보팀", "관리자"},
                                                          {"관리자", "관리자", "경영지원팀"},
                                                          {"국제교류팀", "국제교류팀", "홍보팀"},
                                                          {"국제개발협력팀", "글로벌인재팀", "관리자"},
                                                          {"홍보팀", "국제교류팀", "관리자"}};
constexpr uint32_t kSourcePercent[kCategoryCount] = {55, 10, 18, 8, 15};
constexpr uint32_t kAttachmentPercent[kCategoryCount] = {12, 60, 15, 55, 25};
constexpr uint32_t kPinnedOneIn = 1100;  // of notices (22% of articles): ~1 per 5,000 articles

constexpr std::string_view kCategoryTags[kCategoryCount][3] = {{"보도자료", "언론보도", "성과"},
                                                               {"공지", "채용", "안내"},
                                                               {"국제교류", "자매결연", "방문"},
                                                               {"공모", "지원사업", "모집"},
                                                               {"행사", "축제", "초청"}};

struct Outlet {
  std::string_view name, prefix;
  int kind;  // how the outlet numbers its articles; see append_source_url
};
constexpr Outlet kOutlets[] = {{"전북일보", "https://www.jjan.kr/article/", 0},
                               {"새전북신문", "https://www.sjbnews.com/news/articleView.html?idxno=", 1},
                               {"전북도민일보", "https://www.domin.co.kr/news/articleView.html?idxno=", 1},
                               {"연합뉴스", "https://www.yna.co.kr/view/AKR", 0},
                               {"전라일보", "https://www.jeollailbo.com/news/articleView.html?idxno=", 1},
                               {"전북중앙", "https://www.jjn.co.kr/news/articleView.html?idxno=", 1},
                               {"프레시안", "https://www.pressian.com/pages/articles/", 0},
                               {"뉴시스", "https://www.newsis.com/view/?id=NISX", 2},
                               {"뉴스1", "https://www.news1.kr/articles/?", 1}};

struct Link {
  std::string_view title, url;
};
constexpr Link kLinks[] = {{"한국국제협력단(KOICA)", "https://www.koica.go.kr"},
                           {"ODA 통합 홈페이지", "https://www.odakorea.go.kr"},
                           {"전북특별자치도 누리집", "https://www.jeonbuk.go.kr"},
                           {"한국국제교류재단 공공외교 안내", "https://www.kf.or.kr"},
                           {"하이코리아(외국인 체류 안내)", "https://www.hikorea.go.kr"},
                           {"외교부", "https://www.mofa.go.kr"},
                           {"코트라 해외시장뉴스", "https://dream.kotra.or.kr"},
                           {"월드프렌즈코리아", "https://www.worldfriendskorea.or.kr"}};

constexpr std::string_view kDocuments[] = {"공고문",     "신청서",   "사업계획서_양식", "공모안내서",
                                           "결과보고서", "행사사진", "참가신청서",      "개인정보_수집_동의서",
                                           "안내문",     "일정표",   "홍보물",          "발표자료"};
struct FileKind {
  std::string_view extension;
  uint32_t min_kb, max_kb;
};
constexpr FileKind kFileKinds[] = {{"hwp", 20, 300},   {"hwp", 20, 300},     {"pdf", 80, 5000}, {"hwpx", 20, 300},
                                   {"jpg", 300, 6000}, {"zip", 1000, 30000}, {"xlsx", 15, 400}, {"pptx", 500, 12000}};

void append_date_digits(std::string& out, const CivilTime& t) {  // YYYYMMDD
  append_padded(out, static_cast<uint64_t>(t.year), 4);
  append_padded(out, static_cast<uint64_t>(t.month), 2);
  append_padded(out, static_cast<uint64_t>(t.day), 2);
}

void append_source_url(std::string& out, const Outlet& outlet, const CivilTime& local, Rng& rng) {
  out += outlet.prefix;
  switch (outlet.kind) {
    case 0:
      append_date_digits(out, local);
      append_padded(out, rng.next() % 1000000000ULL, 9);
      break;
    case 1: append_int(out, 100000 + rng.below(1400000)); break;
    default:
      append_date_digits(out, local);
      out += '_';
      append_padded(out, rng.next() % 10000000000ULL, 10);
  }
}

// One article's fixed facts, decided in chronological order before any text is written.
struct Skeleton {
  int64_t id = 0, number = 0;
  Category category = kPress;
  bool pinned = false;
};

std::vector<Skeleton> plan_board(size_t count, uint64_t seed) {
  Rng rng(mix64(seed ^ 0x5EED'B0A4'D000'0001ULL));
  std::vector<Skeleton> board(count);
  int64_t id = 1000;
  std::vector<size_t> notices;
  for (size_t k = 0; k < count; ++k) {
    Skeleton& s = board[k];
    uint32_t roll = rng.below(100), c = 0;
    while (roll >= kCategoryPercent[c]) roll -= kCategoryPercent[c++];
    s.category = static_cast<Category>(c);
    // Other boards of the site share the id sequence, so ids advance in uneven steps and
    // always run ahead of the board's own numbers.
    id += 1 + rng.below(9) + (rng.below(8) == 0 ? rng.below(60) : 0);
    s.id = id;
    if (s.category == kNotice) {
      notices.push_back(k);
      s.pinned = rng.below(kPinnedOneIn) == 0;
    }
  }
  // A board always has its current notice on top: the newest notice is pinned.
  if (count > 0) {
    if (notices.empty()) {
      board.back().category = kNotice;
      notices.push_back(count - 1);
    }
    board[notices.back()].pinned = true;
  }
  int64_t number = 0;
  for (Skeleton& s : board) s.number = s.pinned ? 0 : ++number;  // pinned notices show 공지, not a number
  return board;
}

// Weekdays from 2010-01-01 to 2024-12-31, as days since the epoch: the agency posts in
// office hours.
std::vector<int32_t> working_days() {
  std::vector<int32_t> days;
  const int64_t first = days_from_civil(2010, 1, 1), end = days_from_civil(2025, 1, 1);
  for (int64_t d = first; d < end; ++d) {
    const int64_t weekday = (d + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday != 0 && weekday != 6) days.push_back(static_cast<int32_t>(d));
  }
  return days;
}

class ExportWriter {
 public:
  ExportWriter(size_t count, uint64_t seed) : count_(count), seed_(seed), days_(working_days()) {}

  std::string write() {
    const std::vector<Skeleton> board = plan_board(count_, seed_);
    std::string out;
    out.reserve(512 + count_ * 2600);
    out +=
        "{\n"
        "  \"format\": \"newsroom-export\",\n"
        "  \"version\": 1,\n"
        "  \"board\": {\n"
        "    \"site\": \"전북국제협력진흥원\",\n"
        "    \"title\": \"뉴스룸\",\n"
        "    \"breadcrumb\": [\n"
        "      \"Home\",\n"
        "      \"홍보마당\",\n"
        "      \"뉴스룸\"\n"
        "    ]\n"
        "  },\n"
        "  \"exported_at\": \"2025-01-06T09:00:00+09:00\",\n";
    if (count_ == 0) {
      out += "  \"articles\": []\n}\n";
      return out;
    }
    out += "  \"articles\": [\n";
    // Newest first, as the board and data/articles.json list them.
    for (size_t k = count_; k-- > 0;) {
      write_article(out, board[k], k);
      out += k > 0 ? "    },\n" : "    }\n";
    }
    out += "  ]\n}\n";
    return out;
  }

 private:
  void write_article(std::string& out, const Skeleton& s, size_t k) {
    const Vocabulary& words = vocabulary();
    Rng rng(mix64(seed_ ^ mix64(k + 1)));  // each article from its own stream

    // Publication: position k of count along the working days, in office hours, so
    // dates grow with the number and id; minute resolution like the real board.
    const double position =
        (static_cast<double>(k) + rng.unit()) * static_cast<double>(days_.size()) / static_cast<double>(count_);
    const auto day_index = std::min(static_cast<size_t>(position), days_.size() - 1);
    const double fraction = position - std::floor(position);
    const int64_t minute = 9 * 60 + static_cast<int64_t>(fraction * 9.5 * 60);  // 09:00–18:29
    const int64_t published = int64_t{days_[day_index]} * 86400 + minute * 60 - kSeoulOffsetSeconds;
    const CivilTime local = civil_from_seconds(published + kSeoulOffsetSeconds);
    const Context context{s.category == kNotice || s.category == kProgramme ? Style::notice : Style::press, local.year,
                          local.month};

    // Views: log-normal, median 150, sigma 1.5 — most posts are read a few hundred
    // times, a handful tens of thousands. Pinned notices stay on top and are read more.
    double views = 150 * det_exp(1.5 * standard_normal(rng));
    if (s.pinned) views *= 4;
    const auto view_count = static_cast<int64_t>(std::min(views, 5'000'000.0));

    out += "    {\n";
    append_int_field(out, 6, "id", s.id);
    append_int_field(out, 6, "number", s.number);
    append_string_field(out, 6, "category", kCategoryNames[s.category]);
    make_title(scratch_, context, rng);
    append_string_field(out, 6, "title", scratch_);
    append_string_field(out, 6, "author", kAuthors[s.category][rng.below(3)]);
    append_key(out, 6, "published_at");
    out += '"';
    append_padded(out, static_cast<uint64_t>(local.year), 4);
    out += '-';
    append_padded(out, static_cast<uint64_t>(local.month), 2);
    out += '-';
    append_padded(out, static_cast<uint64_t>(local.day), 2);
    out += 'T';
    append_padded(out, static_cast<uint64_t>(local.hour), 2);
    out += ':';
    append_padded(out, static_cast<uint64_t>(local.minute), 2);
    out += ":00+09:00\",\n";
    append_int_field(out, 6, "views", view_count);
    out += s.pinned ? "      \"pinned\": true,\n" : "      \"pinned\": false,\n";
    out += "      \"body_format\": \"text\",\n";

    // Body: 3–12 paragraphs of 1–3 sentences, paragraphs separated by a blank line.
    scratch_.clear();
    const uint32_t paragraphs = 3 + std::min(rng.below(10), rng.below(10));  // short bodies are commoner
    for (uint32_t p = 0; p < paragraphs; ++p) {
      if (p > 0) scratch_ += "\n\n";
      const uint32_t roll = rng.below(100), sentences = roll < 35 ? 1 : roll < 80 ? 2 : 3;
      for (uint32_t i = 0; i < sentences; ++i) {
        if (i > 0) scratch_ += ' ';
        words.sentence(scratch_, context, rng);
      }
    }
    if (context.style == Style::notice && rng.percent(60)) {
      scratch_ += "\n\n";
      words.render(scratch_, words.contact_sentences.pick(rng), context, rng);
    }
    append_string_field(out, 6, "body", scratch_);
    scratch_.clear();
    words.sentence(scratch_, context, rng);
    append_string_field(out, 6, "summary", scratch_);

    if (rng.percent(kSourcePercent[s.category])) {
      const Outlet& outlet = kOutlets[rng.below(std::size(kOutlets))];
      out += "      \"source\": {\n";
      append_string_field(out, 8, "name", outlet.name);
      append_key(out, 8, "url");
      out += '"';
      append_source_url(out, outlet, local, rng);
      out += "\"\n      },\n";
    } else {
      out += "      \"source\": null,\n";
    }

    const uint32_t links = rng.percent(15) ? rng.between(1, 2) : 0;
    if (links == 0) {
      out += "      \"links\": [],\n";
    } else {
      out += "      \"links\": [\n";
      const uint32_t first = rng.below(std::size(kLinks));
      for (uint32_t i = 0; i < links; ++i) {
        const Link& link = kLinks[(first + i) % std::size(kLinks)];
        out += "        {\n";
        append_string_field(out, 10, "title", link.title);
        append_string_field(out, 10, "url", link.url, true);
        out += i + 1 < links ? "        },\n" : "        }\n";
      }
      out += "      ],\n";
    }

    const uint32_t attachments = rng.percent(kAttachmentPercent[s.category]) ? 1 + rng.below(3) : 0;
    if (attachments == 0) {
      out += "      \"attachments\": [],\n";
    } else {
      out += "      \"attachments\": [\n";
      for (uint32_t i = 0; i < attachments; ++i) {
        const FileKind& kind = kFileKinds[rng.below(std::size(kFileKinds))];
        std::string name;
        if (rng.percent(40)) {
          name += words.topics.pick(rng);
          std::replace(name.begin(), name.end(), ' ', '_');
          name += '_';
        }
        name += kDocuments[rng.below(std::size(kDocuments))];
        if (i > 0) append_int(name, i + 1);  // distinct names within the article
        name += '.';
        name += kind.extension;
        std::string url = "attachments/";
        append_int(url, s.id);
        url += '/';
        url += name;
        out += "        {\n";
        append_string_field(out, 10, "name", name);
        append_string_field(out, 10, "url", url);
        append_int_field(out, 10, "size", int64_t{rng.between(kind.min_kb, kind.max_kb)} * 1024 + rng.below(1024));
        append_int_field(out, 10, "downloads", static_cast<int64_t>(static_cast<double>(view_count) * 0.3 * rng.unit()),
                         true);
        out += i + 1 < attachments ? "        },\n" : "        }\n";
      }
      out += "      ],\n";
    }

    // Tags: the category's own word and a few from the article's world, no repeats.
    std::string_view tags[5];
    size_t tag_count = 0;
    const uint32_t wanted = rng.between(1, 5);
    tags[tag_count++] = kCategoryTags[s.category][rng.below(3)];
    for (uint32_t attempt = 0; tag_count < wanted && attempt < 8; ++attempt) {
      const uint32_t kind = rng.below(3);
      std::string_view tag = kind == 0   ? words.topics.pick(rng)
                             : kind == 1 ? words.countries.pick(rng)
                                         : words.events.pick(rng);
      if (tag.find(' ') != std::string_view::npos) continue;  // tags are single words
      if (std::find(tags, tags + tag_count, tag) == tags + tag_count) tags[tag_count++] = tag;
    }
    out += "      \"tags\": [\n";
    for (size_t i = 0; i < tag_count; ++i) {
      out += "        ";
      append_json_string(out, tags[i]);
      out += i + 1 < tag_count ? ",\n" : "\n";
    }
    out += "      ]\n";
  }

  size_t count_;
  uint64_t seed_;
  std::vector<int32_t> days_;
  std::string scratch_;
};

}  // namespace

std::string make_synthetic_export(size_t article_count, uint64_t seed) {
  return ExportWriter(article_count, seed).write();
}

}  // namespace newsroom
