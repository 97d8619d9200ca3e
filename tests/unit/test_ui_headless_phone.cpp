// The real panels drawing the sample export headless (headless_screen.h) on phones: cards
// of one height where the list puts them, and nothing past the screen's edge from 320 to
// 430 CSS px; and on a desktop, long titles cut with "…" inside their column.
#include <catch2/catch.hpp>

#include "headless_screen.h"

using namespace newsroom;
using namespace newsroom::headless_test;

TEST_CASE("headless UI: a phone gets cards of one height, drawn where the list puts them") {
  // 390 × 844 CSS px at 3 device pixels per CSS pixel, as the browser's phone test.
  Screen screen({390 * 3, 844 * 3, 3});
  REQUIRE(screen.ctx.css_width < ui::kCardsBelowCssWidth);
  screen.frames(3);
  check_frame(screen);
  require_on_screen(screen, "search");
  require_on_screen(screen, "sort-menu");
  CHECK(screen.widget("page:2") == nullptr);      // no page numbers on a phone
  CHECK(screen.widget("sort:views") == nullptr);  // nor the table's headers

  const std::vector<int64_t> loaded = screen.ids(screen.app.rows_through_page());
  const auto& drawn = screen.ctx.drawn_ids;
  REQUIRE(drawn.size() >= 3);
  // The first cards of the list, in its order, each as wide as the screen nearly.
  REQUIRE(drawn.size() <= loaded.size());
  CHECK(std::equal(drawn.begin(), drawn.end(), loaded.begin()));
  const ImRect* first = screen.widget("row:" + std::to_string(drawn.front()));
  REQUIRE(first);
  const float height = first->GetHeight();
  CHECK(height > 40.0f * screen.display().dpr);  // a title over a meta line
  float above = 0;
  const float line = ui::kBaseFontCssPx * screen.display().dpr;
  bool two_line_title = false;
  for (const int64_t id : drawn) {
    const std::string name = "row:" + std::to_string(id);
    INFO(name);
    const ImRect* card = screen.widget(name);
    REQUIRE(card);
    CHECK(card->GetWidth() > screen.display().width * 0.85f);
    CHECK(card->GetHeight() == Approx(height).margin(0.5));
    CHECK(card->Min.y >= above);
    above = card->Max.y;
    // The title (two lines at most) over the meta line, neither overlapping the other nor
    // leaving the card.
    const ImRect* title = screen.widget("card-title:" + std::to_string(id));
    const ImRect* meta = screen.widget("card-meta:" + std::to_string(id));
    if (card->Max.y > screen.display().height - line * 2) continue;  // under the status bar
    REQUIRE((title && meta));
    CHECK(card->Contains(*title));
    CHECK(card->Contains(*meta));
    CHECK(title->Max.y <= meta->Min.y);
    CHECK(title->GetHeight() <= 2 * line + 0.5f);
    if (title->GetHeight() > 1.5f * line) two_line_title = true;
  }
  CHECK(two_line_title);  // the sample's titles wrap at this width: the case above is covered

  SECTION("at the largest text size the cards keep one height, titles two lines at most") {
    screen.ctx.text_scale = 1.75f;  // 가+ to the end
    ImGui::GetStyle().FontScaleMain = screen.ctx.text_scale;
    screen.frames(2);
    check_frame(screen);
    const float big_line = line * screen.ctx.text_scale;
    REQUIRE_FALSE(screen.ctx.drawn_ids.empty());
    std::optional<float> card_height;
    for (const int64_t id : screen.ctx.drawn_ids) {
      INFO("card " << id);
      const ImRect* card = screen.widget("row:" + std::to_string(id));
      REQUIRE(card);
      if (!card_height) card_height = card->GetHeight();
      CHECK(card->GetHeight() == Approx(*card_height).margin(0.5));
      CHECK(card->GetHeight() > height);  // grown with the text
      const ImRect* title = screen.widget("card-title:" + std::to_string(id));
      const ImRect* meta = screen.widget("card-meta:" + std::to_string(id));
      if (!title || !meta) continue;  // under the status bar
      CHECK(card->Contains(*title));
      CHECK(card->Contains(*meta));
      CHECK(title->Max.y <= meta->Min.y);
      CHECK(title->GetHeight() <= 2 * big_line + 0.5f);
    }
  }

  SECTION("three pages of cards: each notch of the wheel moves every card by the same distance") {
    // Cards the clipper skipped above the screen still take their room: a card placed
    // from a wrong step would make the list jump as the skipped count changes.
    screen.go("#/?page=3");
    const std::vector<int64_t> all = screen.ids(screen.app.rows_through_page());
    REQUIRE(all.size() == screen.app.results().size());  // every page so far, as cards
    const float step = [&] {
      const ImRect* a = screen.widget("row:" + std::to_string(all[0]));
      const ImRect* b = screen.widget("row:" + std::to_string(all[1]));
      REQUIRE((a && b));
      return b->Min.y - a->Min.y;
    }();
    const auto tops = [&] {
      std::map<int64_t, float> found;
      for (const int64_t id : screen.ctx.drawn_ids) found[id] = screen.widget("row:" + std::to_string(id))->Min.y;
      return found;
    };
    // Past the header first: ImGui truncates positions toward zero, so the items above the
    // cards (sizes in em) shift by a pixel each as they leave the top, whatever the cards do.
    for (int i = 0; i < 6; ++i) screen.wheel_down(1.0f);
    REQUIRE(screen.widget("sort-menu") == nullptr);
    std::map<int64_t, float> before = tops();
    std::optional<float> notch;  // how far one notch moves the page
    for (int i = 0; i < 12; ++i) {
      screen.wheel_down(1.0f);
      check_frame(screen);
      const auto& shown = screen.ctx.drawn_ids;
      REQUIRE(shown.size() >= 3);
      // The cards on screen are consecutive ones of the list, one step apart.
      const auto start = std::find(all.begin(), all.end(), shown.front());
      REQUIRE(start != all.end());
      CHECK(std::equal(shown.begin(), shown.end(), start));
      const std::map<int64_t, float> after = tops();
      for (size_t k = 0; k < shown.size(); ++k) {
        CHECK(after.at(shown[k]) == Approx(after.at(shown.front()) + step * static_cast<float>(k)).margin(0.5));
      }
      for (const auto& [id, y] : after) {
        if (!before.count(id)) continue;
        INFO("notch " << i << ", card " << id);
        if (!notch) notch = before.at(id) - y;
        CHECK(before.at(id) - y == Approx(*notch).margin(0.5));  // not even a pixel's jump
      }
      before = after;
    }
    REQUIRE(notch);
    CHECK(*notch > 0);
    CHECK(std::find(screen.ctx.drawn_ids.begin(), screen.ctx.drawn_ids.end(), all.front()) ==
          screen.ctx.drawn_ids.end());
  }

  SECTION("after the wheel took the cards away, ↓ brings the next card back into view") {
    screen.go("#/?page=3");
    const std::vector<int64_t> all = screen.ids(screen.app.rows_through_page());
    screen.press(ImGuiKey_DownArrow);  // the first card
    REQUIRE(screen.ctx.keyboard_row == 0);
    for (int i = 0; i < 15; ++i) screen.wheel_down(1.0f);
    const auto& shown = screen.ctx.drawn_ids;
    REQUIRE(std::find(shown.begin(), shown.end(), all[1]) == shown.end());  // far above the screen now
    screen.press(ImGuiKey_DownArrow);
    screen.frame();
    check_frame(screen);
    CHECK(screen.ctx.keyboard_row == 1);
    require_on_screen(screen, "row:" + std::to_string(all[1]));
  }
}

TEST_CASE("headless UI: on a desktop a title longer than its column ends in \"…\" inside it; one that fits does not") {
  nlohmann::json sample = nlohmann::json::parse(*test::read_file(test::source_dir() + "/data/articles.json"));
  Screen screen({1280, 900, 1});
  screen.frames(2);
  REQUIRE(screen.ctx.drawn_ids.size() >= 3);
  CHECK(screen.ctx.cut_ids.empty());  // the sample's titles fit a desktop's column
  const int64_t id = screen.ctx.drawn_ids[1];
  for (auto& article : sample["articles"]) {
    if (article["id"] == id) article["title"] = std::string(article["title"]) + std::string(40, '.') + " 끝";
  }
  screen.app.load(import_export(sample.dump(), "data/articles.json", "data/"));
  screen.frames(2);
  check_frame(screen);
  CHECK(screen.ctx.cut_ids == std::vector<int64_t>{id});  // check_frame: the title stays inside the screen
}

TEST_CASE("headless UI: on phones 320 to 430 CSS px wide, eight year chips and the search hint fit the screen") {
  // The sample with every other article four years earlier: 2017–2024, eight year chips.
  nlohmann::json sample = nlohmann::json::parse(*test::read_file(test::source_dir() + "/data/articles.json"));
  for (size_t i = 1; i < sample["articles"].size(); i += 2) {
    std::string date = sample["articles"][i]["published_at"];
    date.replace(0, 4, std::to_string(std::stoi(date.substr(0, 4)) - 4));
    sample["articles"][i]["published_at"] = date;
  }
  const std::string eight_years = sample.dump();
  for (const float css_width : {320.0f, 390.0f, 430.0f}) {
    INFO(css_width << " CSS px");
    Screen screen({css_width * 3, 844 * 3, 3});
    screen.app.load(import_export(eight_years, "data/articles.json", "data/"));
    REQUIRE(screen.app.search().per_year.size() == 8);
    screen.frames(3);
    check_frame(screen);  // every widget drawn, the chips among them, inside the screen
    for (const auto& [year, count] : screen.app.search().per_year)
      require_on_screen(screen, "year:" + std::to_string(year));
    require_on_screen(screen, "tab:all");
    require_on_screen(screen, "attachments-only");
    require_on_screen(screen, "data-source");  // the status bar's line, cut with "…" when longer
    // The whole hint inside the box: the short one where the long one would be cut.
    const ImRect* box = screen.widget("search");
    const ImRect* hint = screen.widget("search-hint");
    REQUIRE((box && hint));
    CHECK(box->Contains(*hint));
  }
}

TEST_CASE("headless UI: an article's tags are chips under it that wrap inside a phone's screen") {
  // The sample's article with the most tags, each made long enough that four do not fit a line.
  nlohmann::json sample = nlohmann::json::parse(*test::read_file(test::source_dir() + "/data/articles.json"));
  nlohmann::json* most = nullptr;
  for (auto& article : sample["articles"])
    if (!most || article.value("tags", nlohmann::json::array()).size() > (*most)["tags"].size()) most = &article;
  REQUIRE(most);
  REQUIRE((*most)["tags"].size() >= 2);
  for (auto& tag : (*most)["tags"]) tag = tag.get<std::string>() + "국제개발협력";
  const int64_t id = (*most)["id"];
  const std::string json = sample.dump();
  for (const auto& [css_width, dpr] : {std::pair{320.0f, 3.0f}, std::pair{390.0f, 3.0f}, std::pair{1280.0f, 1.0f}}) {
    INFO(css_width << " CSS px");
    Screen screen({css_width * dpr, 2400 * dpr, dpr});
    screen.app.load(import_export(json, "data/articles.json", "data/"));
    screen.go("#/article/" + std::to_string(id));
    screen.frames(2);
    check_frame(screen);  // every chip inside the screen across
    float lowest = 0;
    for (const auto& tag : (*most)["tags"]) {
      const std::string name = "tag:" + tag.get<std::string>();
      require_on_screen(screen, name);
      lowest = std::max(lowest, screen.widget(name)->Max.y);
      CHECK(screen.widget(name)->Min.y > screen.widget("article-title")->Max.y);  // under the article
    }
    CHECK(screen.widget("back-bottom")->Min.y > lowest);
  }
}
