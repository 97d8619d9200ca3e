// The interface's wording (ui/strings.h): how a kiosk says how old its data is, in Korean
// and in English, from the export's date and the kiosk's clock to the line on screen.
#include <catch2/catch.hpp>

#include <string>

#include "app/app_state.h"
#include "app/kiosk_driver.h"
#include "test_support.h"
#include "ui/panels.h"
#include "ui/strings.h"

using namespace newsroom;
using ui::Language;

namespace {

// The kiosk's freshness line `hours` after the sample was exported, as the screen shows it.
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
