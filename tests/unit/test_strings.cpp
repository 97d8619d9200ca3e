// The interface's wording (ui/strings.h): how a kiosk says how old its data is, in Korean
// and in English, from the export's date and the kiosk's clock to the line on screen; and
// the screen-reader mirror's own words, which come from the same table.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "app/app_state.h"
#include "app/kiosk_driver.h"
#include "app/page_json.h"
#include "core/analytics.h"
#include "core/text.h"
#include "test_support.h"
#include "ui/panels.h"
#include "ui/strings.h"

using namespace newsroom;
using ui::Language;

namespace {

// The kiosk's freshness line `hours` after the sample was exported, as the screen shows it.
// The screen-reader mirror of the view, in `language`.
nlohmann::json mirror_of(const AppState& app, Language language) {
  const Language before = ui::language();
  ui::set_language(language);
  nlohmann::json mirror = nlohmann::json::parse(mirror_json(app, ui::mirror_words()));
  ui::set_language(before);
  return mirror;
}

bool has_hangul(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xEA && lead <= 0xED) return true;  // U+A000..U+DFFF, where the Hangul syllables are
  }
  return false;
}

std::string stale_line(double hours, Language language) {
  AppState app;
  app.load(import_export(test::read_file(test::source_dir() + "/data/articles.json").value(), "data/articles.json"));
  const KioskDriver kiosk(parse_kiosk_options("?mode=kiosk&stale=2"));
  const double exported = static_cast<double>(*app.board().info.exported_at);
  const KioskView shown = kiosk.view(app, exported + hours * 3600.0);
  ui::KioskUi view;
  view.exported_at = shown.exported_at;
  view.age_hours = shown.age_hours;
  view.stale = shown.stale;
  view.stale_hours = static_cast<int>(kiosk.options().stale_hours);
  const Language before = ui::language();
  ui::set_language(language);
  std::string line = ui::kiosk_freshness_line(view);
  ui::set_language(before);
  return line;
}

}  // namespace

TEST_CASE("a kiosk says how old its data is as people do: hours, then days, months and years") {
  constexpr double kDay = 24, kMonth = 30.436875 * kDay, kYear = 365.2425 * kDay;
  CHECK(stale_line(5.5, Language::korean) ==
        "자료 기준 24-03-15 09:00 · 자료가 5시간 전 것입니다 (기준 2시간): 갱신을 확인하세요");
  CHECK(stale_line(3 * kDay + 2, Language::korean) ==
        "자료 기준 24-03-15 09:00 · 자료가 3일 전 것입니다 (기준 2시간): 갱신을 확인하세요");
  CHECK(stale_line(2 * kMonth + 5 * kDay, Language::korean) ==
        "자료 기준 24-03-15 09:00 · 자료가 2개월 전 것입니다 (기준 2시간): 갱신을 확인하세요");
  CHECK(stale_line(2 * kYear + 40 * kDay, Language::korean) ==
        "자료 기준 24-03-15 09:00 · 자료가 2년 전 것입니다 (기준 2시간): 갱신을 확인하세요");
  // The screen of issue 18: "자료가 23903시간 전 것입니다".
  CHECK(stale_line(23903, Language::korean).find("자료가 2년 전") != std::string::npos);

  CHECK(stale_line(5.5, Language::english) ==
        "Data as of 24-03-15 09:00 · the data is 5 hours old (limit 2 hours): check the updates");
  CHECK(stale_line(3 * kDay + 2, Language::english) ==
        "Data as of 24-03-15 09:00 · the data is 3 days old (limit 2 hours): check the updates");
  CHECK(stale_line(2 * kMonth + 5 * kDay, Language::english) ==
        "Data as of 24-03-15 09:00 · the data is 2 months old (limit 2 hours): check the updates");
  CHECK(stale_line(2 * kYear + 40 * kDay, Language::english) ==
        "Data as of 24-03-15 09:00 · the data is 2 years old (limit 2 hours): check the updates");
  // Not yet stale: the date alone.
  CHECK(stale_line(1.5, Language::korean) == "자료 기준 24-03-15 09:00");
}

TEST_CASE("an age changes its unit at two days, two months and a year, rounded down") {
  using ui::age_text;
  constexpr int64_t kDay = 24;
  CHECK(age_text(1, Language::korean) == "1시간");
  CHECK(age_text(1, Language::english) == "1 hour");
  CHECK(age_text(47, Language::korean) == "47시간");
  CHECK(age_text(48, Language::korean) == "2일");
  CHECK(age_text(48, Language::english) == "2 days");
  CHECK(age_text(60 * kDay, Language::korean) == "60일");  // two months are 60.87 days
  CHECK(age_text(61 * kDay, Language::korean) == "2개월");
  CHECK(age_text(365 * kDay, Language::english) == "11 months");
  CHECK(age_text(366 * kDay, Language::korean) == "1년");
  CHECK(age_text(366 * kDay, Language::english) == "1 year");
  CHECK(age_text(731 * kDay, Language::english) == "2 years");
}

TEST_CASE("the mirror's own words are the interface's language: a row's views, the analytics tables") {
  AppState app;
  app.load(import_export(test::read_file(test::source_dir() + "/data/articles.json").value(), "data/articles.json"));
  nlohmann::json list = mirror_of(app, Language::english);
  REQUIRE(list["items"].size() == 15);
  for (const auto& item : list["items"]) {
    const std::string meta = item["meta"];
    CHECK(meta.find("조회") == std::string::npos);
    CHECK(meta.find(" · Views ") != std::string::npos);
  }
  CHECK(list.contains("analytics") == false);  // the list has no tables
  CHECK(std::string(mirror_of(app, Language::korean)["items"][0]["meta"]).find(" · 조회 ") != std::string::npos);

  REQUIRE(app.apply_hash("#/analytics"));
  const Analytics& a = app.analytics();
  const nlohmann::json english = mirror_of(app, Language::english)["analytics"];
  REQUIRE(english.size() >= 7);  // figures, months, categories, top 10, views, age, authors
  for (const auto& table : english) {
    CHECK_FALSE(has_hangul(table["caption"]));
    for (const auto& head : table["head"]) CHECK_FALSE(has_hangul(head));
    for (const auto& row : table["rows"]) CHECK(row.size() == table["head"].size());
  }
  const nlohmann::json& figures = english[0];
  CHECK(figures["caption"] == "Key figures");
  CHECK(figures["rows"][0] == nlohmann::json({"Articles", "45"}));
  CHECK(figures["rows"][1] == nlohmann::json({"Total views", with_thousands(a.views_total)}));
  const nlohmann::json& months = english[1];
  CHECK(months["caption"] == "Views and articles by month");
  REQUIRE(months["rows"].size() == a.months.size());
  CHECK(months["rows"][0][0] == month_key(a.months[0]));
  CHECK(months["rows"][0][1] == with_thousands(a.months[0].views));
  const nlohmann::json& categories = english[2];
  REQUIRE(categories["rows"].size() == a.categories.size());
  CHECK(categories["rows"][0] == nlohmann::json({a.categories[0].name, with_thousands(a.categories[0].views),
                                                 with_thousands(a.categories[0].articles)}));
  int64_t in_age_cells = 0;
  for (const auto& row : english[5]["rows"]) in_age_cells += std::stoll(std::string(row[2]));
  CHECK(in_age_cells == a.articles);  // the age chart's cells hold every article once

  const nlohmann::json korean = mirror_of(app, Language::korean)["analytics"];
  CHECK(korean[0]["caption"] == "주요 수치");
  CHECK(korean[0]["rows"][1][0] == "총 조회");
}
