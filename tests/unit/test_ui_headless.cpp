// The real panels (ui::draw_app) drawing the sample export headless (headless_screen.h), at a
// desktop's and a kiosk's sizes: the right rows and widgets drawn, with an area, inside the
// screen, and no ImGui check failing on the way (IM_ASSERT goes to a handler:
// ui/assert_handler.h). Phones: test_ui_headless_phone.cpp.
#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

#include "headless_screen.h"

using namespace newsroom;
using namespace newsroom::headless_test;

TEST_CASE("headless UI: a broken ImGui rule fails the check instead of aborting") {
  // The other cases' "no ImGui check failed" means something only if the checks are live
  // in this build (release, NDEBUG): a Pop without a Push must reach the handler.
  Screen screen({1280, 800, 1});
  screen.frame();
  REQUIRE(failed_checks().empty());
  ImGui::NewFrame();
  ImGui::PopStyleColor();
  ImGui::EndFrame();
  CHECK(failed_checks().size() == 1);
  failed_checks().clear();
}

// Where every vertex of the last frame is drawn, and in what colour (not the atlas
// coordinates: glyphs may be packed elsewhere).
std::vector<std::tuple<float, float, ImU32>> drawn_vertices() {
  std::vector<std::tuple<float, float, ImU32>> out;
  for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) {
    for (const ImDrawVert& v : list->VtxBuffer) out.emplace_back(v.pos.x, v.pos.y, v.col);
  }
  return out;
}

TEST_CASE("headless UI: new glyphs are loaded a frame's budget at a time, and the screen is shown whole") {
  std::vector<std::tuple<float, float, ImU32>> reference;
  {
    Screen plain({1280, 1400, 1});
    if (!plain.korean_font()) {
      WARN("skipped: no Korean font at " << kKoreanFont);
      return;
    }
    for (int i = 0; i < 3; ++i) REQUIRE(plain.frame());
    check_frame(plain);
    reference = drawn_vertices();
  }
  // A clock that moves a millisecond each time it is read: once when the frame begins,
  // once after each glyph loaded. A budget of 20 ms is then 20 glyphs.
  double now = 0;
  constexpr double kBudget = 20;
  ui::GlyphBudget budget([](void* at) { return ++*static_cast<double*>(at); }, &now, kBudget);
  Screen screen({1280, 1400, 1}, &budget);
  int hidden = 0, loaded = 0;
  while (!screen.frame()) {
    ++hidden;
    INFO("frame " << hidden);
    CHECK(budget.loaded_last_frame() == kBudget);  // each frame goes on where the last stopped
    loaded += budget.loaded_last_frame();
    REQUIRE(hidden < 200);
  }
  loaded += budget.loaded_last_frame();
  CHECK(budget.loaded_last_frame() < kBudget);
  INFO(loaded << " glyphs over " << hidden + 1 << " frames");
  CHECK(hidden >= 5);  // the first screen needs well over a hundred glyphs
  CHECK(hidden == (loaded - 1) / static_cast<int>(kBudget));
  check_frame(screen);
  CHECK(screen.frame());  // nothing new to load: shown at once
  CHECK(budget.loaded_last_frame() == 0);
  screen.frame();
  // The screen shown is the one drawn without a budget: every glyph in place, none left
  // as the fallback the hidden frames drew.
  CHECK(drawn_vertices() == reference);
  // Outside a frame glyphs load without a budget (a text measured between frames).
  ImFontBaked* baked = ImGui::GetIO().FontDefault->GetFontBaked(31.0f);
  CHECK(baked->FindGlyphNoFallback(U'햏') != nullptr);
}

TEST_CASE("headless UI: the desktop list draws the first page's rows in order, on screen") {
  Screen screen({1280, 1400, 1});
  screen.frames(3);
  check_frame(screen);
  for (const char* name : {"search", "field", "to-analytics", "per-page", "sort:number", "sort:title", "sort:date",
                           "sort:views", "text-smaller", "text-larger", "tab:all"}) {
    require_on_screen(screen, name);
  }
  CHECK(screen.widget("sort-menu") == nullptr);  // the phone's sort menu is not on a desktop
  CHECK(screen.widget("load-more") == nullptr);

  const std::vector<int64_t> page = screen.ids(screen.app.page_rows());
  REQUIRE(page.size() == static_cast<size_t>(AppState::kDefaultPerPage));
  CHECK(screen.ctx.drawn_ids == page);  // every row of the page is drawn, in the list's order
  const ImRect* search = screen.widget("search");
  REQUIRE(search);
  float above = search->Max.y;
  for (const int64_t id : page) {
    const std::string name = "row:" + std::to_string(id);
    require_on_screen(screen, name);
    const ImRect* row = screen.widget(name);
    REQUIRE(row);
    INFO(name);
    CHECK(row->Min.y >= above - 0.5f);                       // each row below the one before it, none overlapping
    CHECK(row->GetWidth() > screen.display().width * 0.5f);  // a row spans the table
    above = row->Max.y;
  }
  // The pages, under the rows: 45 articles at 15 a page.
  for (const char* name : {"page:1", "page:2", "page:3", "next", "last"}) {
    require_on_screen(screen, name);
    CHECK(screen.widget(name)->Min.y > above);
  }
  CHECK(screen.widget("page:4") == nullptr);
}

TEST_CASE("headless UI: an article shows its title, its actions and the way back") {
  Screen screen({1280, 2400, 1});
  screen.frame();
  const int64_t id = middle_article(screen.app);
  screen.go("#/article/" + std::to_string(id));
  REQUIRE(screen.app.open_article());
  REQUIRE(screen.app.board().id(*screen.app.open_article()) == id);
  check_frame(screen);
  for (const char* name :
       {"back", "article-title", "copy-link", "share-facebook", "share-x", "print", "prev", "next", "back-bottom"}) {
    require_on_screen(screen, name);
  }
  // Top to bottom: the back button, the title (large), the actions.
  const ImRect* back = screen.widget("back");
  const ImRect* title = screen.widget("article-title");
  const ImRect* copy = screen.widget("copy-link");
  REQUIRE((back && title && copy));
  CHECK(title->Min.y >= back->Max.y);
  CHECK(copy->Min.y >= title->Max.y);
  CHECK(title->GetHeight() >= ui::kBaseFontCssPx * screen.display().dpr * 1.4f);
  CHECK(screen.widget("back-bottom")->Min.y > copy->Max.y);
  // 관련 기사 under the body, above 이전 글 / 다음 글, as many as AppState::related says.
  const size_t related = screen.app.related(*screen.app.open_article()).size();
  CHECK(related > 0);
  CHECK(screen.widgets_named("related:").size() == related);
  for (size_t i = 0; i < related; ++i) require_on_screen(screen, "related:" + std::to_string(i));
  if (related > 0)
    CHECK(screen.widget("related:" + std::to_string(related - 1))->Max.y <= screen.widget("prev")->Min.y);
  const auto& attachments = screen.app.board().attachments_of(*screen.app.open_article());
  for (size_t i = 0; i < attachments.size(); ++i) {
    if (!screen.app.board().text(attachments[i].url).empty())
      require_on_screen(screen, "attachment:" + std::to_string(i));
  }
  CHECK(screen.widgets_named("row:").empty());  // the list is not drawn under an article
  CHECK(screen.widget("search") == nullptr);
}

TEST_CASE("headless UI: analytics draws every chart of the sample, its bars inside it") {
  Screen screen({1280, 6000, 1});  // tall enough for the whole analysis without scrolling
  screen.frame();
  screen.go("#/analytics");
  REQUIRE(screen.app.route().view == Route::View::analytics);
  check_frame(screen);
  for (const char* name : {"to-list", "csv:articles", "csv:months"}) require_on_screen(screen, name);
  CHECK_FALSE(screen.widgets_named("figure:").empty());
  for (const auto& [name, rect] : screen.widgets_named("figure:")) require_on_screen(screen, name);

  const Analytics& analysis = screen.app.analytics();
  REQUIRE(analysis.articles > 0);
  // Each section: its heading's CSV button, then its chart: a plot ("chart:" with a bar
  // per value inside it) or a bar per row. Sections follow one another down the page, and
  // each chart lies under its own heading, above the next one.
  struct Section {
    const char* csv;
    const char* plot;  // or nullptr: rows of horizontal bars only
    const char* bars;
    size_t count;
  };
  std::vector<Section> sections = {{"csv:months", "chart:months", "bar:months:", analysis.months.size()},
                                   {"csv:categories", nullptr, "bar:category:", analysis.categories.size()},
                                   {"csv:top", nullptr, "bar:top:", analysis.top.size()},
                                   {"csv:views", "chart:views", "bar:views:", analysis.histogram.size()},
                                   {"csv:age", "chart:age", "cell:age:", 0},
                                   {"csv:authors", nullptr, "bar:author:", analysis.authors.size()}};
  if (!analysis.top_downloads.empty()) {
    sections.push_back({"csv:downloads", nullptr, "bar:downloads:", analysis.top_downloads.size()});
  }
  for (size_t i = 0; i < sections.size(); ++i) {
    const Section& section = sections[i];
    INFO("section " << section.csv);
    require_on_screen(screen, section.csv);
    const float top = screen.widget(section.csv)->Max.y;
    const float bottom = i + 1 < sections.size() ? screen.widget(sections[i + 1].csv)->Min.y : screen.display().height;
    const ImRect* plot = section.plot ? screen.widget(section.plot) : nullptr;
    if (section.plot) {
      require_on_screen(screen, section.plot);
      CHECK(plot->Min.y >= top);
      CHECK(plot->Max.y <= bottom);
    }
    const auto bars = screen.widgets_named(section.bars);
    if (section.count)
      CHECK(bars.size() == section.count);
    else
      CHECK_FALSE(bars.empty());
    for (const auto& [name, bar] : bars) {
      INFO(name);
      CHECK(screen.on_screen(bar));
      CHECK(bar.Min.y >= top);
      CHECK(bar.Max.y <= bottom);
      if (plot) CHECK(plot->Contains(bar));
    }
  }
  CHECK(screen.widgets_named("row:").empty());
}

TEST_CASE("headless UI: a kiosk has finger-sized rows and no keyboard widgets, then its attract screen") {
  Screen screen({1920, 1080, 1});
  constexpr float kScale = 1.5f;  // the kiosk's default `scale`
  screen.kiosk(kScale);
  screen.frames(3);
  check_frame(screen);

  // A visitor at the kiosk: the list, large, without the search box or the office's tools.
  CHECK(screen.widget("search") == nullptr);
  CHECK(screen.widget("to-analytics") == nullptr);
  CHECK(screen.widget("text-larger") == nullptr);
  require_on_screen(screen, "tab:all");
  require_on_screen(screen, "kiosk:freshness");
  const float finger = 48.0f * screen.display().dpr - 0.5f;  // 48 CSS px
  CHECK(screen.widget("tab:all")->GetHeight() >= finger);
  const auto page = screen.ids(screen.app.page_rows());
  REQUIRE_FALSE(screen.ctx.drawn_ids.empty());
  for (const int64_t id : screen.ctx.drawn_ids) {
    const std::string name = "row:" + std::to_string(id);
    INFO(name);
    CHECK(std::find(page.begin(), page.end(), id) != page.end());
    const ImRect* row = screen.widget(name);
    REQUIRE(row);
    CHECK(row->GetHeight() >= finger);
  }

  // Nobody there: the attract loop shows an article, large, with its progress and the hint.
  const int64_t id = page.front();
  REQUIRE(screen.app.open(id));
  screen.ctx.kiosk.playing = true;
  screen.ctx.kiosk.progress = 0.25f;
  screen.ctx.kiosk.position = 0;
  screen.ctx.kiosk.length = page.size();
  screen.frames(2);
  check_frame(screen);
  require_on_screen(screen, "kiosk:hint");
  require_on_screen(screen, "kiosk:progress");
  require_on_screen(screen, "kiosk:freshness");
  CHECK(screen.widgets_named("row:").empty());
  CHECK(screen.widget("back") == nullptr);
}
