// The synthetic export's word lists and sentence templates, and how a template is filled
// (vocabulary.h).
#include "tools/synthetic/vocabulary.h"

#include <algorithm>

#include "tools/synthetic/json_writer.h"

namespace newsroom::synthetic {

// clang-format off
Vocabulary::Vocabulary()
    : organizations{
          "전북국제협력진흥원", "진흥원", "전북특별자치도", "전라북도", "전주시", "한국국제협력단", "한국국제교류재단",
          "외교부", "군산시", "익산시", "전북대학교", "정읍시", "남원시", "김제시", "완주군", "전북테크노파크",
          "전북경제통상진흥원", "농림축산식품부", "행정안전부", "중소벤처기업부", "원광대학교", "군산대학교",
          "전주대학교", "우석대학교", "전북연구원", "전북여성가족재단", "전북청년허브센터", "한국무역협회 전북지역본부",
          "코트라 전북지원단", "전북자원봉사센터", "전북국제교류센터", "새만금개발청", "국립농업과학원", "농촌진흥청",
          "한국농수산식품유통공사", "고창군", "부안군", "순창군", "임실군", "진안군", "무주군", "장수군",
          "전북상공회의소협의회", "세계한인무역협회"},
      teams{
          "국제교류팀", "국제개발협력팀", "경영지원팀", "기획홍보팀", "글로벌인재팀", "통상협력팀"},
      countries{
          "베트남", "우즈베키스탄", "일본", "중국", "몽골", "카자흐스탄", "캄보디아", "필리핀", "인도네시아", "라오스",
          "미국", "키르기스스탄", "네팔", "미얀마", "태국", "스리랑카", "르완다", "탄자니아", "방글라데시", "타지키스탄",
          "에티오피아", "케냐", "가나", "페루", "과테말라", "파라과이", "콜롬비아", "캐나다", "독일", "프랑스", "호주",
          "튀르키예", "아제르바이잔", "말레이시아", "동티모르"},
      // A foreign partner: country and city or province, the pairs the agency works with.
      regions{
          "베트남 타이빈성", "우즈베키스탄 타슈켄트", "일본 이시카와현", "중국 장쑤성", "몽골 울란바토르",
          "베트남 하노이", "카자흐스탄 알마티", "캄보디아 프놈펜", "우즈베키스탄 사마르칸트", "베트남 호찌민",
          "라오스 비엔티안", "필리핀 마닐라", "인도네시아 자카르타", "중국 산둥성", "일본 가나가와현",
          "키르기스스탄 비슈케크", "네팔 카트만두", "미얀마 양곤", "태국 방콕", "스리랑카 콜롬보", "르완다 키갈리",
          "탄자니아 다르에스살람", "방글라데시 다카", "타지키스탄 두샨베", "에티오피아 아디스아바바", "케냐 나이로비",
          "가나 아크라", "페루 리마", "미국 워싱턴주", "호주 퀸즐랜드주"},
      venues{
          "진흥원 세미나실", "도청 대회의실", "전주 한옥마을", "도청 공연장", "새만금 컨벤션센터", "전북대학교 진수당",
          "진흥원 교육장", "익산 국가식품클러스터", "군산 새만금 홍보관", "전주 라한호텔", "온라인 화상회의실",
          "완주 혁신도시", "도의회 세미나실", "한국전통문화전당", "전주월드컵경기장", "국립무형유산원", "전북도립미술관",
          "전주 팔복예술공장", "군산 근대역사박물관", "전북테크노파크 회의실", "원광대학교 숭산기념관", "남원 광한루원",
          "정읍 내장산 일원"},
      topics{
          "국제교류", "국제개발협력", "공공외교", "농업협력", "ODA", "스마트팜", "청년 해외봉사", "글로벌 인재",
          "외국인 주민", "다문화", "수출 지원", "농식품", "K-푸드", "교육협력", "새만금", "지방외교", "우호교류",
          "자매결연", "통상 협력", "투자 유치", "관광 홍보", "전통문화", "한지", "한식", "탄소중립", "기후변화 대응",
          "재생에너지", "수소경제", "디지털 전환", "ICT", "보건의료", "직업훈련", "새마을운동", "청소년교류", "이차전지",
          "농생명", "식품산업", "K-컬처", "태권도", "ESG", "SDGs", "공정무역", "문화예술", "유학생 유치", "해외 인턴십",
          "지역개발", "농촌개발", "물 관리", "스마트시티", "공공행정", "역량강화", "민관협력", "시민사회", "인도적 지원",
          "글로벌 시민교육", "국제기구 진출", "해외 마케팅", "바이오", "탄소소재", "전기차", "수산업", "축산", "종자산업",
          "의료관광", "한국어 교육", "청년 창업", "여성 역량강화", "재난 대응", "기록물 교류", "MOU 후속 협력"},
      events{
          "간담회", "협약식", "설명회", "워크숍", "세미나", "포럼", "발대식", "수료식", "성과보고회", "교육과정",
          "아카데미", "토론회", "상담회", "수출상담회", "연수", "초청 연수", "박람회", "공모전", "캠프", "기념행사",
          "업무협의", "실무회의", "현장 방문", "교류회", "네트워킹 행사", "전시회", "시상식", "페스티벌", "온라인 강좌",
          "컨퍼런스", "라운드테이블", "사업설명회", "오리엔테이션", "팸투어", "문화체험", "홍보관 운영", "공청회",
          "청년 포럼", "정책 토론회"},
      people{
          "도민", "청년", "대학생", "관계자", "전문가", "외국인 유학생", "결혼이민자", "기업인", "대표단", "실무자",
          "공무원", "농업인", "청소년", "교사", "자원봉사자", "수강생", "참가자", "연수생", "해외 바이어",
          "시민단체 활동가", "연구자", "외국인 근로자", "귀국 봉사단원", "학부모", "통번역 전문가"},
      verbal_nouns{
          "개최", "추진", "지원", "운영", "진행", "마련", "논의", "체결", "실시", "참여", "모집", "선정", "협의", "발표",
          "점검", "확대", "강화", "홍보", "공유", "소개", "안내", "교류", "방문", "육성", "발굴", "연계", "평가", "지정",
          "접수", "기획", "개설", "제공", "출범", "협력", "검토"},
      press_endings{
          "했다", "했다고 밝혔다", "할 계획이다", "할 예정이다", "하고 있다", "해 왔다", "했다고 전했다", "하기로 했다",
          "해 눈길을 끌었다"},
      notice_endings{
          "합니다", "할 예정입니다", "하고 있습니다", "할 계획입니다", "해 드립니다", "하고자 합니다",
          "하오니 많은 관심 바랍니다"},
      openers{
          "또한", "이와 함께", "특히", "한편", "아울러", "이에 따라", "앞으로", "올해", "이날", "이어", "그동안", "최근",
          "무엇보다", "이를 위해", "이번 사업으로", "이와 관련해", "마지막으로", "이 밖에도", "다만", "지난해에는"},
      programs{
          "우리 동네 외교관", "글로벌 청년 리더", "함께 여는 세계", "전북 세계로", "찾아가는 국제교류 교실",
          "지구촌 한마당", "새만금 글로벌 포럼", "세계시민 첫걸음", "전북 맛 세계 맛", "청년 글로벌 챌린지",
          "다문화 이웃과 함께", "K-푸드 수출길", "도민 공공외교단", "국제협력 아카데미", "ODA 청년 서포터즈"},
      title_endings{
          "개최", "성료", "추진", "개최 안내", "참가자 모집", "결과 발표", "업무협약 체결", "성황리 마무리", "본격 추진",
          "첫 운영", "신청 접수", "선정 결과 안내", "참가 신청 안내", "운영 계획 안내", "일정 변경 안내", "결과 보고",
          "확대 운영", "공동 개최", "열려"},
      durations{
          "사흘간", "이틀간", "5일간", "일주일간", "나흘간", "2주간", "10주간", "한 달간", "6개월간", "하루 동안"},
      counted_units{
          "개 기관", "개국", "곳", "개 기업", "개 단체", "개 대학"},

      // Sentences in the press register (보도자료, 행사소식, 교류소식): {V} is a verbal noun
      // with a "~했다" ending. Slots: O organization, G team, C country, R foreign city,
      // L venue, T topic, E event, P people, A opener, D date, N head count, M money,
      // K counted group, H duration, Y the article's year, B an earlier year, Q programme.
      // R is a country with one of its cities or provinces ("베트남 타이빈성").
      press_sentences{
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
          "{A} '{Q}' 프로그램에 참여한 {P:은} {T:과} {T:을} 주제로 {E:을} {V}."},
      // Sentences in the notice register (공지사항, 사업안내): "~합니다".
      notice_sentences{
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
          "'{Q}' 과정은 {T:과} {T:을} 중심으로 {H} 운영하며, 우수 참가자는 {C} 현지 연수 기회를 {V}."},
      // The closing line of most notices.
      contact_sentences{
          "자세한 내용은 첨부된 공고문을 참고하시고, 궁금한 점은 {G:로} 문의해 주시기 바랍니다.",
          "그 밖에 궁금한 점은 {G:로} 전화나 전자우편을 주시면 자세히 안내해 드리겠습니다.",
          "문의: {O} {G}"},
      titles{
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
          "{T} 활성화를 위한 {E} {S}"} {}
// clang-format on

void Vocabulary::fill(std::string& out, char slot, const Context& context, Rng& rng) const {
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

void Vocabulary::render(std::string& out, const Template& tokens, const Context& context, Rng& rng) const {
  for (const Token& token : tokens) {
    if (token.slot == 0) {
      out += token.literal;
    } else {
      fill(out, token.slot, context, rng);
      append_particle(out, token.particle);
    }
  }
}

void Vocabulary::sentence(std::string& out, const Context& context, Rng& rng) const {
  render(out, (context.style == Style::press ? press_sentences : notice_sentences).pick(rng), context, rng);
}

const Vocabulary& vocabulary() {
  static const Vocabulary words;
  return words;
}

namespace {

size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

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

}  // namespace newsroom::synthetic
