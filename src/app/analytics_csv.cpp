#include "app/analytics_csv.h"

#include <algorithm>
#include <cstdio>

#include "core/dates.h"

namespace newsroom {
namespace {

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

class Csv {
 public:
  Csv() : text_("\xEF\xBB\xBF") {}
  Csv& cell(std::string_view value) {
    if (!first_) text_ += ',';
    first_ = false;
    text_ += csv_cell(value);
    return *this;
  }
  Csv& cell(int64_t value) { return cell(std::to_string(value)); }
  Csv& end() {
    text_ += "\r\n";
    first_ = true;
    return *this;
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  bool first_ = true;
};

void article_rows(Csv& csv, const Board& board, std::span<const uint32_t> rows) {
  csv.cell("id")
      .cell("번호")
      .cell("분류")
      .cell("제목")
      .cell("작성자")
      .cell("등록일")
      .cell("조회")
      .cell("다운로드")
      .cell("링크 클릭")
      .end();
  for (const uint32_t row : rows) {
    csv.cell(board.id(row))
        .cell(board.number(row))
        .cell(board.category_names()[board.category_of(row)])
        .cell(board.title(row));
    csv.cell(board.author(row)).cell(format_full_datetime(board.published_at(row))).cell(board.views(row));
    csv.cell(std::max<int64_t>(0, downloads_of(board, row)))
        .cell(std::max<int64_t>(0, link_clicks_of(board, row)))
        .end();
  }
}

}  // namespace

const std::vector<std::string_view>& analytics_tables() {
  static const std::vector<std::string_view> kTables = {"figures",   "months", "categories", "top",
                                                        "views",     "age",    "authors",    "tags",
                                                        "downloads", "trends", "rising",     "articles"};
  return kTables;
}

std::string csv_cell(std::string_view text) {
  std::string value;
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@')) {
    // A negative number is a number, not a formula.
    const bool numeric =
        text.front() == '-' && text.size() > 1 && text.find_first_not_of("0123456789.", 1) == std::string_view::npos;
    if (!numeric) value += '\'';
  }
  value += text;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string analytics_csv(const Board& board, const Analytics& a, const Trends& trends, std::span<const uint32_t> rows,
                          std::string_view table) {
  Csv csv;
  if (table == "figures") {
    csv.cell("항목").cell("값").end();
    csv.cell("게시물").cell(a.articles).end();
    csv.cell("총 조회").cell(a.views_total).end();
    csv.cell("조회 중앙값").cell(number(a.views_median)).end();
    csv.cell("조회 평균").cell(number(a.views_mean)).end();
    csv.cell("하루 평균 조회").cell(number(a.views_per_day)).end();
    csv.cell("첨부파일 있는 글").cell(a.with_attachments).end();
    csv.cell("다운로드").cell(a.downloads_total).end();
    csv.cell("링크 클릭").cell(a.link_clicks_total).end();
    csv.cell("기준 시각").cell(format_full_datetime(a.as_of)).end();
  } else if (table == "months") {
    csv.cell("월").cell("게시물").cell("조회").end();
    for (const Analytics::Month& m : a.months) csv.cell(month_key(m)).cell(m.articles).cell(m.views).end();
  } else if (table == "categories" || table == "authors" || table == "tags") {
    csv.cell(table == "categories" ? "분류" : table == "authors" ? "작성자" : "태그").cell("게시물").cell("조회").end();
    for (const Analytics::Group& g : table == "categories" ? a.categories : table == "authors" ? a.authors : a.tags) {
      csv.cell(g.name).cell(g.articles).cell(g.views).end();
    }
  } else if (table == "top" || table == "downloads") {
    article_rows(csv, board, table == "top" ? a.top : a.top_downloads);
  } else if (table == "views") {
    csv.cell("조회 이상").cell("조회 미만").cell("게시물").end();
    for (const Analytics::Bin& bin : a.histogram) csv.cell(bin.low).cell(bin.high).cell(bin.articles).end();
  } else if (table == "age") {
    csv.cell("경과일 이상").cell("경과일 미만").cell("조회 이상").cell("조회 미만").cell("게시물").end();
    for (int c = 0; c < a.age_columns; ++c) {
      for (size_t b = 0; b < a.histogram.size(); ++b) {
        const int64_t count = a.age_grid[static_cast<size_t>(c) * a.histogram.size() + b];
        if (count == 0) continue;
        csv.cell(c * a.age_step_days)
            .cell((c + 1) * a.age_step_days)
            .cell(a.histogram[b].low)
            .cell(a.histogram[b].high)
            .cell(count)
            .end();
      }
    }
  } else if (table == "trends") {
    csv.cell("이전 내보내기").cell("다음 내보내기").cell("조회 증가").end();
    for (size_t i = 0; i < trends.gains.size(); ++i) {
      csv.cell(format_full_datetime(trends.dates[i]))
          .cell(format_full_datetime(trends.dates[i + 1]))
          .cell(trends.gains[i])
          .end();
    }
  } else if (table == "rising") {
    csv.cell("id").cell("제목").cell("조회 증가").cell("하루 평균 증가").end();
    for (const Trends::Rising& r : trends.rising) {
      csv.cell(board.id(r.row)).cell(board.title(r.row)).cell(r.gain).cell(number(r.per_day)).end();
    }
  } else if (table == "articles") {
    article_rows(csv, board, rows);
  } else {
    return {};
  }
  return csv.take();
}

}  // namespace newsroom
