// The real panels (ui::draw_app) drawing the sample export with ImGui's core and no
// backend: a frame is driven the way the platform's main loop drives it, the draw data is
// "rendered" by marking the atlas's texture requests done, and the checks are about what a
// visitor would see: the right rows and widgets drawn, with an area, inside the screen,
// and no ImGui check failing on the way (IM_ASSERT goes to a handler: ui/assert_handler.h).
// Widget names are those window.newsroom.locate() answers for the browser tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "io/importer.h"
#include "test_support.h"
#include "ui/assert_handler.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"

#if !defined(NEWSROOM_IMGUI_CHECKS)
#error "The headless UI tests link the checked ImGui core (newsroom_ui_checked): IM_ASSERT must reach their handler"
#endif

using namespace newsroom;

namespace {

constexpr const char* kKoreanFont = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

// ImGui's failed checks since the screen was made: "file:line: expression".
std::vector<std::string>& failed_checks() {
  static std::vector<std::string> failures;
  return failures;
}

void record_failed_check(const char* expression, const char* file, int line) {
  failed_checks().push_back(std::string(file) + ":" + std::to_string(line) + ": " + expression);
}

// The canvas as the platform sizes it: framebuffer pixels and the device pixel ratio.
struct Display {
  float width = 1280, height = 800, dpr = 1;
};

// One ImGui context with the page's font and style, the sample export on an AppState, and
// the frame loop of platform/main_web.cpp without the browser.
class Screen {
 public:
  explicit Screen(Display display) : display_(display) {
    failed_checks().clear();
    previous_handler_ = ui::set_imgui_assert_handler(record_failed_check);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // A recoverable misuse (a missing End, a Pop too many) goes to IM_ASSERT too, so it
    // fails the test instead of being only logged.
    io.ConfigErrorRecovery = true;
    io.ConfigErrorRecoveryEnableAssert = true;
    // As with the page's WebGL renderer: glyphs are rasterized into the atlas when first
    // drawn, at any size, and the "renderer" (serve_textures) takes the atlas's requests.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    io.BackendRendererName = "newsroom-headless";
    ImFont* font = nullptr;
    if (std::filesystem::exists(kKoreanFont)) font = io.Fonts->AddFontFromFileTTF(kKoreanFont, 0.0f);
    korean_font_ = font != nullptr;
    if (!font) font = io.Fonts->AddFontDefault();  // Hangul is then drawn as '?'
    io.FontDefault = font;
    ctx.font_loaded = true;
    ctx.glyphs.font_changed();
    ctx.dpr = display.dpr;
    ctx.css_width = display.width / display.dpr;
    ui::apply_style(display.dpr);

    const auto bytes = test::read_file(test::source_dir() + "/data/articles.json");
    REQUIRE(bytes);
    app.load(import_export(*bytes, "data/articles.json", "data/"));
    REQUIRE(app.has_board());
    REQUIRE(app.board().size() > 0);
  }

  ~Screen() {
    ImGui::DestroyContext();
    ui::set_imgui_assert_handler(previous_handler_);
    ui::set_kiosk_style(false, 1.5f);  // the style's globals back to a visitor's
  }

  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  // Kiosk mode as newsroom_set_options turns it on: the kiosk's text scale and styling.
  void kiosk(float scale) {
    ctx.kiosk.on = true;
    ctx.text_scale = scale;
    ImGui::GetStyle().FontScaleMain = scale;
    ui::set_kiosk_style(true, scale);
    ui::apply_style(display_.dpr);
  }

  // One turn of the main loop: a view changed by a click is discarded and drawn again at
  // once; the draw data is then handed to the "renderer".
  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(display_.width, display_.height);
    io.DeltaTime = 1.0f / 60.0f;
    ctx.images.now = ImGui::GetTime();
    for (int pass = 0; pass < 2; ++pass) {
      if (pass > 0) ImGui::EndFrame();
      ImGui::NewFrame();
      ctx.widgets.begin_frame();
      ctx.glyphs.begin_frame();
      ctx.drawn_ids.clear();
      ctx.cut_ids.clear();
      ctx.tooltip.clear();
      const ViewRequests requests = ui::draw_app(app, ctx);
      ctx.glyphs.end_frame();
      const bool view_changed = requests.route_changed;
      ctx.images.requests.clear();  // the page would fetch them
      if (!view_changed) break;
    }
    ImGui::Render();
    serve_textures();
  }

  void frames(int count) {
    for (int i = 0; i < count; ++i) frame();
  }

  void go(std::string_view hash) {
    app.apply_hash(hash);
    frames(2);
  }

  // A key pressed and let go, over two frames, as a visitor types it.
  void press(ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    frame();
    ImGui::GetIO().AddKeyEvent(key, false);
    frame();
  }

  // The mouse wheel turned over the page, `steps` notches down, in one frame. The pointer
  // comes over the page first, in a frame of its own: ImGui's input queue would apply a
  // move and a wheel given together in two frames.
  void wheel_down(float steps) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 middle(display_.width * 0.5f, display_.height * 0.5f);
    if (io.MousePos.x != middle.x || io.MousePos.y != middle.y) {
      io.AddMousePosEvent(middle.x, middle.y);
      frame();
    }
    io.AddMouseWheelEvent(0.0f, -steps);
    frame();
  }

  const ImRect* widget(std::string_view name) const { return ctx.widgets.find(name); }

  // The widgets drawn in the last frame whose names begin with `prefix`.
  std::vector<std::pair<std::string, ImRect>> widgets_named(std::string_view prefix) const {
    std::vector<std::pair<std::string, ImRect>> found;
    for (const auto& [name, rect] : ctx.widgets.all()) {
      if (std::string_view(name).substr(0, prefix.size()) == prefix) found.emplace_back(name, rect);
    }
    return found;
  }

  // Fully inside the display, with an area: a visitor sees all of it and can touch it.
  bool on_screen(const ImRect& r) const {
    return r.GetWidth() > 0 && r.GetHeight() > 0 && r.Min.x >= 0 && r.Min.y >= 0 && r.Max.x <= display_.width &&
           r.Max.y <= display_.height;
  }

  const Display& display() const { return display_; }
  bool korean_font() const { return korean_font_; }

  // The page's article ids in the order of the current list view.
  std::vector<int64_t> ids(std::span<const uint32_t> rows) const {
    std::vector<int64_t> out;
    for (const uint32_t row : rows) out.push_back(app.board().id(row));
    return out;
  }

  AppState app;
  ui::UiContext ctx;

 private:
  // The renderer's side of ImGui 1.92's texture protocol, with no GPU: a texture asked
  // for is "made" (any id but the invalid one), updates are taken, destroys are done.
  void serve_textures() {
    for (ImTextureData* texture : ImGui::GetPlatformIO().Textures) {
      switch (texture->Status) {
        case ImTextureStatus_WantCreate:
          texture->SetTexID(static_cast<ImTextureID>(++textures_made_));
          texture->SetStatus(ImTextureStatus_OK);
          break;
        case ImTextureStatus_WantUpdates: texture->SetStatus(ImTextureStatus_OK); break;
        case ImTextureStatus_WantDestroy:
          if (texture->UnusedFrames > 0) {
            texture->SetTexID(ImTextureID_Invalid);
            texture->SetStatus(ImTextureStatus_Destroyed);
          }
          break;
        default: break;
      }
    }
    // Every draw command names a texture the renderer has (GetTexID checks it).
    const ImDrawData* data = ImGui::GetDrawData();
    for (const ImDrawList* list : data->CmdLists) {
      for (const ImDrawCmd& command : list->CmdBuffer) (void)command.GetTexID();
    }
  }

  Display display_;
  bool korean_font_ = false;
  int textures_made_ = 0;
  ui::ImGuiAssertHandler previous_handler_ = nullptr;
};

// What every frame must satisfy: no ImGui check failed, every character had a glyph, and
// every widget drawn is on the screen across (nothing cut off at the sides) and at least
// partly within it down (the page scrolls: the last row may be half under the status bar).
void check_frame(const Screen& screen) {
  for (const std::string& failure : failed_checks()) FAIL_CHECK("ImGui check failed: " << failure);
  if (screen.korean_font()) CHECK(screen.ctx.glyphs.missing_last_frame() == 0);
  for (const auto& [name, r] : screen.ctx.widgets.all()) {
    INFO("widget " << name << " at " << r.Min.x << "," << r.Min.y << " - " << r.Max.x << "," << r.Max.y);
    CHECK(r.GetWidth() > 0);
    CHECK(r.GetHeight() > 0);
    CHECK(r.Min.x >= 0);
    CHECK(r.Max.x <= screen.display().width);
    CHECK(r.Max.y > 0);
    CHECK(r.Min.y < screen.display().height);
  }
}

void require_on_screen(const Screen& screen, std::string_view name) {
  INFO("widget " << name);
  const ImRect* r = screen.widget(name);
  REQUIRE(r != nullptr);
  INFO("at " << r->Min.x << "," << r->Min.y << " - " << r->Max.x << "," << r->Max.y);
  CHECK(screen.on_screen(*r));
}

// An article in the middle of the list (so it has both neighbours), with attachments when
// the sample has such an article there.
int64_t middle_article(const AppState& app) {
  const auto& rows = app.results();
  REQUIRE(rows.size() >= 3);
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    if (!app.board().attachments_of(rows[i]).empty()) return app.board().id(rows[i]);
  }
  return app.board().id(rows[rows.size() / 2]);
}

}  // namespace

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
