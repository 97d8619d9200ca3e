#include "ui/strings.h"

#include <algorithm>
#include <iterator>

namespace newsroom::ui {
namespace {

constexpr size_t kCount = static_cast<size_t>(Text::count);

// Order must follow enum Text.
constexpr const char* kKorean[] = {
    "불러오는 중…",
    "자료를 내려받는 중… {}",
    "게시물을 읽는 중… {}건 · {}%",
    "게시물을 읽는 중… {}건 · {} 받음",
    "검색 색인을 만드는 중… {}%",
    "검색 준비가 끝나는 대로 결과가 나옵니다. 목록과 분류는 지금 바로 볼 수 있습니다.",
    "게시물을 불러오지 못했습니다. 아래 자료 상태를 확인하세요.",
    "< 목록",
    "링크 복사",
    "페이스북",
    "X",
    "인쇄",
    "없음",
    "이전 글",
    "다음 글",
    "관련 기사",
    "요청하신 게시물({})을 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었습니다.",
    "공지 · ",
    "작성자 {}   ·   등록일 {}   ·   조회 {}",
    "(본문 없음)",
    "출처",
    "첨부파일",
    "링크",
    "첨부파일",
    "처음",
    "이전",
    "다음",
    "끝",
    "조건에 맞는 게시물이 없습니다.",
    " 검색어 '{}'를 지우거나 바꿔 보세요.",
    " 분류 '{}' 선택을 풀어 보세요.",
    " 기간을 넓혀 보세요.",
    "검색어 지우기",
    "분류 전체 보기",
    "{}개씩",
    " · 조회 {}",
    "검색 결과 {}건, {} / {} 페이지",
    "전체 {}건, {} / {} 페이지",
    "번호",
    "분류",
    "제목",
    "작성자",
    "등록일",
    "조회",
    "공지",
    "자료 {}  ·  게시물 {}건",
    "  ·  자료 기준 {}",
    "문제 {}건",
    "불러오기 실패 · 문제 {}건",
    ", 제외 {}건",
    "{}: 게시물 {}건 불러옴, {}건 제외, 문제 {}건",
    "파일 전체",
    "레코드 {}",
    "… 외 {}건",
    "글자 작게",
    "글자 크게",
    "제목+내용",
    "제목",
    "내용",
    "글쓴이",
    "검색어를 입력하세요 (초성 검색: ㅋㅈㅎ)",
    "전체",
    "기간",
    "전체",
    "첨부파일 있는 글",
    "정렬",
    "정확도순",
    "최신순",
    "오래된순",
    "조회 많은순",
    "조회 적은순",
    "제목순",
    "번호순",
    "미리보기 불러오는 중…",
    "더 보기 ({} / {})",
    "조회 분석",
    "조회 분석",
    "{}건의 게시물 · 조회는 {} 기준",
    "목록 보기",
    "게시물",
    "총 조회",
    "조회 중앙값",
    "조회 평균",
    "하루 평균 조회",
    "다운로드",
    "링크 클릭",
    "월별 조회와 게시물",
    "분류별 조회",
    "조회 상위 10",
    "조회수 분포 (로그 눈금)",
    "게시 후 경과일과 조회",
    "작성자별 조회",
    "다운로드 상위 10",
    "막대: 조회",
    "점: 게시물 수",
    "{}\n게시물 {}건 · 조회 {}",
    "조회 {}–{}\n게시물 {}건",
    "게시 후 {}–{}일 · 조회 {}–{}\n게시물 {}건",
    "{}\n조회 {} · 다운로드 {}",
    "누르면 이 조건으로 거릅니다",
    "누르면 글을 엽니다",
    "경과일 →",
    "조회 ↑",
    "작성자 {}",
    "조회 {}–{}",
    "조회 {} 이상",
    "거르기 해제",
    "CSV",
    "게시물 표 CSV",
    "분석할 게시물이 없습니다. 검색어나 거르기 조건을 줄여 보세요.",
    "내보내기 사이 조회 증가",
    "상승 중 (최근 두 내보내기 사이)",
    "{} → {}\n조회 +{}",
    "{}\n조회 +{} (하루 {})",
    "급증 의심: {} (+{}) — 집계 오류나 자동 조회가 아닌지 확인하세요",
    "조회가 줄어든 글 {}건 — 조회수는 줄지 않아야 합니다",
    "추이를 보려면 manifest에 내보낸 시각(exported_at)이 있는 이전 내보내기를 두 개 이상 두세요.",
    "화면을 터치하면 둘러볼 수 있습니다",
    "자료 기준 {}",
    " · 자료가 {} 전 것입니다 (기준 {}시간): 갱신을 확인하세요",
    "{} / {}",
    "휴대폰으로 보기",
    "휴대폰 카메라로 QR 코드를 찍어 여세요",
    "닫기",
    "QR 코드를 만들 수 없습니다: {}",
    "설정 문제 {}건",
    "주소의 설정(?mode=kiosk ...) 중 잘못된 값이 있어 기본값을 썼습니다",
    "자료 기준 시각을 알 수 없습니다 (내보내기에 exported_at이 없음)",
    "새 자료 {}을(를) 쓸 수 없어 이전 게시판을 그대로 보여 줍니다: {}",
    "네트워크에 연결할 수 없어 저장된 자료({} 저장)를 보여 줍니다",
    "새 자료를 확인하지 못했습니다 ({}): {}",
    "저장해 둔 게시판으로 바로 열었습니다",
    "저장본 지우기",
    "파일 미리보기…",
    "로컬 미리보기 · {} · 업로드되지 않고 이 브라우저에서만 읽었습니다",
    "게시 중인 자료와 비교: 추가 {} · 삭제 {} · 수정 {} · 조회수 {} → {} · 감소 {} · 급증 {}",
    "비교할 게시 중인 자료가 없습니다",
    "이 파일은 쓸 수 없어 게시 중인 자료를 그대로 보여 줍니다",
    "서버 자료로 돌아가기",
    "게시 중인 자료({})와 비교",
    "추가 {}건: {}",
    "삭제 {}건: {}",
    "수정 {}건: {}",
    "조회수 감소 {}건: {}",
    "조회수 급증 {}건: {}",
    "1시간",
    "{}시간",
    "{}일",
    "{}개월",
    "1년",
    "{}년",
    "검색어 입력",
    "주요 수치",
    "항목",
    "값",
    "월",
    "조회수 구간",
    "게시 후 경과일",
    "내보내기 사이",
    "조회 증가",
    "태그",
    "태그별 조회",
    "태그",
    "태그: #{}",
};

constexpr const char* kEnglish[] = {
    "Loading…",
    "Downloading the data… {}",
    "Reading articles… {} · {}%",
    "Reading articles… {} · {} received",
    "Building the search index… {}%",
    "Results appear as soon as the search is ready. The list and categories work now.",
    "The articles could not be loaded; see the data status below.",
    "< List",
    "Copy link",
    "Facebook",
    "X",
    "Print",
    "none",
    "Previous",
    "Next",
    "Related articles",
    "Article {} was not found. It was removed or the address is wrong.",
    "Notice · ",
    "By {}   ·   {}   ·   {} views",
    "(no text)",
    "Source",
    "Files",
    "Link",
    "Attached files",
    "First",
    "Prev",
    "Next",
    "Last",
    "No articles match.",
    " Remove or change the search '{}'.",
    " Leave the category '{}'.",
    " Widen the period.",
    "Clear search",
    "All categories",
    "{} per page",
    " · {} views",
    "{} results, page {} of {}",
    "{} articles, page {} of {}",
    "No.",
    "Category",
    "Title",
    "Author",
    "Date",
    "Views",
    "Notice",
    "Data {}  ·  {} articles",
    "  ·  exported {}",
    "Problems: {}",
    "Not loaded · problems: {}",
    ", {} skipped",
    "{}: articles loaded {}, skipped {}, problems {}",
    "whole file",
    "record {}",
    "… and {} more",
    "Smaller text",
    "Larger text",
    "Title+text",
    "Title",
    "Text",
    "Author",
    "Search (initials work: ㅋㅈㅎ)",
    "All",
    "Period",
    "All",
    "With attachments",
    "Sort",
    "Relevance",
    "Newest",
    "Oldest",
    "Most viewed",
    "Least viewed",
    "Title",
    "Number",
    "Loading preview…",
    "More ({} of {})",
    "Analytics",
    "View analytics",
    "{} articles · views as of {}",
    "Show list",
    "Articles",
    "Total views",
    "Median views",
    "Mean views",
    "Views per day",
    "Downloads",
    "Link clicks",
    "Views and articles by month",
    "Views by category",
    "Top 10 by views",
    "Distribution of views (log scale)",
    "Views against age",
    "Views by author",
    "Top 10 by downloads",
    "Bars: views",
    "Dots: articles",
    "{}\n{} articles · {} views",
    "{}–{} views\n{} articles",
    "{}–{} days old · {}–{} views\n{} articles",
    "{}\n{} views · {} downloads",
    "Click to filter by this",
    "Click to open the article",
    "days since publication →",
    "views ↑",
    "Author {}",
    "{}–{} views",
    "{}+ views",
    "Remove filter",
    "CSV",
    "Articles as CSV",
    "No articles to analyse. Remove a search term or a filter.",
    "Views gained between exports",
    "Rising (between the last two exports)",
    "{} → {}\n+{} views",
    "{}\n+{} views ({} a day)",
    "Suspicious jump: {} (+{}): check for a counting error or automated views",
    "{} article(s) lost views: counts should never go down",
    "For trends, list two or more earlier exports with exported_at in the manifest.",
    "Touch the screen to browse",
    "Data as of {}",
    " · the data is {} old (limit {} hours): check the updates",
    "{} / {}",
    "Open on your phone",
    "Scan the QR code with your phone's camera",
    "Close",
    "No QR code can be made: {}",
    "Setting problems: {}",
    "Some settings in the address (?mode=kiosk ...) were wrong; their defaults are used",
    "The data's date is unknown (the export has no exported_at)",
    "The new export {} could not be used; the previous board is still shown: {}",
    "No network: showing the saved data (saved {})",
    "Could not check for new data ({}): {}",
    "Opened at once from the saved board",
    "Clear saved boards",
    "Preview a file…",
    "Local preview · {} · read in this browser only, not uploaded",
    "Compared with the served data: added {} · removed {} · edited {} · views {} → {} · views down {} · jumps {}",
    "No served data to compare with",
    "This file cannot be used: the served data stays on screen",
    "Back to the served data",
    "Compared with the served data ({})",
    "{} added: {}",
    "{} removed: {}",
    "{} edited: {}",
    "{} with views down: {}",
    "{} suspicious jumps: {}",
    "1 hour",
    "{} hours",
    "{} days",
    "{} months",
    "1 year",
    "{} years",
    "Search",
    "Key figures",
    "Figure",
    "Value",
    "Month",
    "Views",
    "Days since publication",
    "Between exports",
    "Views gained",
    "Tags",
    "Views by tag",
    "Tag",
    "Tag: #{}",
};

static_assert(std::size(kKorean) == kCount, "every Text needs its Korean string");
static_assert(std::size(kEnglish) == kCount, "every Text needs its English string");

Language g_language = Language::korean;

}  // namespace

void set_language(Language value) { g_language = value; }
Language language() { return g_language; }
const char* language_code() { return g_language == Language::english ? "en" : "ko"; }

const char* tr(Text text, Language in) {
  const auto index = static_cast<size_t>(text);
  if (index >= kCount) return "";
  return (in == Language::english ? kEnglish : kKorean)[index];
}

const char* tr(Text text) { return tr(text, g_language); }

std::string tr(Text text, std::initializer_list<std::string_view> values) { return tr(text, values, g_language); }

std::string tr(Text text, std::initializer_list<std::string_view> values, Language in) {
  const std::string_view pattern = tr(text, in);
  std::string out;
  out.reserve(pattern.size() + 32);
  auto value = values.begin();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && value != values.end()) {
      out.append(*value++);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string age_text(int64_t hours) { return age_text(hours, g_language); }

std::string age_text(int64_t hours, Language in) {
  constexpr double kDaysPerMonth = 30.436875, kDaysPerYear = 365.2425;
  hours = std::max<int64_t>(hours, 0);
  if (hours < 48) return hours == 1 ? tr(Text::age_hour, in) : tr(Text::age_hours, {std::to_string(hours)}, in);
  const double days = static_cast<double>(hours) / 24.0;
  const auto months = static_cast<int64_t>(days / kDaysPerMonth);
  if (months < 2) return tr(Text::age_days, {std::to_string(hours / 24)}, in);
  if (months < 12) return tr(Text::age_months, {std::to_string(months)}, in);
  const auto years = static_cast<int64_t>(days / kDaysPerYear);
  return years == 1 ? tr(Text::age_year, in) : tr(Text::age_years, {std::to_string(years)}, in);
}

MirrorWords mirror_words() {
  MirrorWords w;
  w.views = tr(Text::column_views);
  w.figures = tr(Text::mirror_figures);
  w.figure = tr(Text::mirror_figure);
  w.value = tr(Text::mirror_value);
  w.articles = tr(Text::figure_articles);
  w.views_total = tr(Text::figure_views);
  w.median = tr(Text::figure_median);
  w.mean = tr(Text::figure_mean);
  w.per_day = tr(Text::figure_per_day);
  w.downloads = tr(Text::figure_downloads);
  w.clicks = tr(Text::figure_clicks);
  w.months = tr(Text::chart_months);
  w.categories = tr(Text::chart_categories);
  w.top = tr(Text::chart_top);
  w.histogram = tr(Text::chart_views);
  w.age = tr(Text::chart_age);
  w.authors = tr(Text::chart_authors);
  w.tags = tr(Text::chart_tags);
  w.related = tr(Text::related_articles);
  w.top_downloads = tr(Text::chart_downloads);
  w.trends = tr(Text::chart_trends);
  w.preview = tr(Text::preview_title);
  w.rising = tr(Text::chart_rising);
  w.month = tr(Text::mirror_month);
  w.category = tr(Text::column_category);
  w.author = tr(Text::column_author);
  w.tag = tr(Text::column_tag);
  w.title = tr(Text::column_title);
  w.view_range = tr(Text::mirror_view_range);
  w.days_old = tr(Text::mirror_days_old);
  w.between = tr(Text::mirror_between);
  w.gain = tr(Text::mirror_gain);
  return w;
}

}  // namespace newsroom::ui
