// The synthetic board's shape: its categories and how often each occurs, who posts what,
// the press outlets, links, attachments and tags an article may carry, and the plan of the
// board (ids, numbers, categories, pinned notices) decided before any text is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "tools/synthetic/random.h"

namespace newsroom::synthetic {

enum Category : uint8_t { kPress, kNotice, kExchange, kProgramme, kEvent, kCategoryCount };
inline constexpr std::string_view kCategoryNames[kCategoryCount] = {"보도자료", "공지사항", "교류소식", "사업안내",
                                                                    "행사소식"};
inline constexpr uint32_t kCategoryPercent[kCategoryCount] = {40, 22, 16, 12, 10};
// Who posts what, and how often a category carries a press source or attachments.
inline constexpr std::string_view kAuthors[kCategoryCount][3] = {{"홍보팀", "홍보팀", "관리자"},
                                                                 {"관리자", "관리자", "경영지원팀"},
                                                                 {"국제교류팀", "국제교류팀", "홍보팀"},
                                                                 {"국제개발협력팀", "글로벌인재팀", "관리자"},
                                                                 {"홍보팀", "국제교류팀", "관리자"}};
inline constexpr uint32_t kSourcePercent[kCategoryCount] = {55, 10, 18, 8, 15};
inline constexpr uint32_t kAttachmentPercent[kCategoryCount] = {12, 60, 15, 55, 25};
inline constexpr uint32_t kPinnedOneIn = 1100;  // of notices (22% of articles): ~1 per 5,000 articles

inline constexpr std::string_view kCategoryTags[kCategoryCount][3] = {{"보도자료", "언론보도", "성과"},
                                                                      {"공지", "채용", "안내"},
                                                                      {"국제교류", "자매결연", "방문"},
                                                                      {"공모", "지원사업", "모집"},
                                                                      {"행사", "축제", "초청"}};

struct Outlet {
  std::string_view name, prefix;
  int kind;  // how the outlet numbers its articles; see append_source_url
};
inline constexpr Outlet kOutlets[] = {{"전북일보", "https://www.jjan.kr/article/", 0},
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
inline constexpr Link kLinks[] = {{"한국국제협력단(KOICA)", "https://www.koica.go.kr"},
                                  {"ODA 통합 홈페이지", "https://www.odakorea.go.kr"},
                                  {"전북특별자치도 누리집", "https://www.jeonbuk.go.kr"},
                                  {"한국국제교류재단 공공외교 안내", "https://www.kf.or.kr"},
                                  {"하이코리아(외국인 체류 안내)", "https://www.hikorea.go.kr"},
                                  {"외교부", "https://www.mofa.go.kr"},
                                  {"코트라 해외시장뉴스", "https://dream.kotra.or.kr"},
                                  {"월드프렌즈코리아", "https://www.worldfriendskorea.or.kr"}};

inline constexpr std::string_view kDocuments[] = {"공고문",     "신청서",   "사업계획서_양식", "공모안내서",
                                                  "결과보고서", "행사사진", "참가신청서",      "개인정보_수집_동의서",
                                                  "안내문",     "일정표",   "홍보물",          "발표자료"};
struct FileKind {
  std::string_view extension;
  uint32_t min_kb, max_kb;
};
inline constexpr FileKind kFileKinds[] = {{"hwp", 20, 300},  {"hwp", 20, 300},    {"pdf", 80, 5000},
                                          {"hwpx", 20, 300}, {"jpg", 300, 6000},  {"zip", 1000, 30000},
                                          {"xlsx", 15, 400}, {"pptx", 500, 12000}};

// A press outlet's address for one article, numbered as that outlet numbers them.
void append_source_url(std::string& out, const Outlet& outlet, const CivilTime& local, Rng& rng);

// One article's fixed facts, decided in chronological order before any text is written.
struct Skeleton {
  int64_t id = 0, number = 0;
  Category category = kPress;
  bool pinned = false;
};

// The board's articles in chronological order, oldest first.
std::vector<Skeleton> plan_board(size_t count, uint64_t seed);

// Weekdays from 2010-01-01 to 2024-12-31, as days since the epoch: the agency posts in
// office hours.
std::vector<int32_t> working_days();

}  // namespace newsroom::synthetic
