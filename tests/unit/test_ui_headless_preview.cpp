// The real panels drawing a local preview headless (headless_screen.h): its bar above the
// page, on a desktop and on phones 320 to 430 CSS px wide, in Korean and English, with the
// way back, the summary and the data status bar's buttons all on the screen.
#include <catch2/catch.hpp>

#include "app/diff_json.h"
#include "headless_screen.h"

using namespace newsroom;
using namespace newsroom::headless_test;

TEST_CASE("headless UI: a local preview's bar and its way back fit the screen from phones to a desktop") {
  const std::string sample = *test::read_file(test::source_dir() + "/data/articles.json");
  nlohmann::json changed = nlohmann::json::parse(sample);
  changed["articles"][3]["views"] = changed["articles"][3]["views"].get<int64_t>() + 10000;
  changed["articles"].erase(changed["articles"].begin());
  const ImportResult served = import_export(sample, "data/articles.json", "data/");
  ImportResult file = import_export(changed.dump(), "a-rather-long-export-file-name-2024-03-15.json", "data/");
  LocalPreview preview{file.report.source, "data/articles.json", true};
  preview.diff = diff_boards(served.board, file.board);
  preview.diff_json = diff_json(preview.served, file.board, *preview.diff);
  REQUIRE(preview.diff->removed.size() == 1);

  for (const ui::Language language : {ui::Language::korean, ui::Language::english}) {
    ui::set_language(language);
    for (const float css_width : {320.0f, 390.0f, 430.0f, 1280.0f}) {
      INFO(css_width << " CSS px, " << ui::language_code());
      const float dpr = css_width < 700 ? 3.0f : 1.0f;
      Screen screen({css_width * dpr, 844 * dpr, dpr});
      screen.app.load(import_export(changed.dump(), preview.file, "data/"));
      screen.ctx.preview = &preview;
      screen.frames(3);
      check_frame(screen);  // every widget drawn inside the screen, every glyph in the font
      for (const char* name : {"preview-title", "preview-summary", "preview-back", "data-pick-file", "data-source"})
        require_on_screen(screen, name);
      // The page starts below the bar: nothing of it is drawn under the way back.
      const ImRect* back = screen.widget("preview-back");
      const ImRect* tab = screen.widget("tab:all");
      REQUIRE((back && tab));
      CHECK(tab->Min.y > back->Max.y);
    }
  }
  ui::set_language(ui::Language::korean);
}
