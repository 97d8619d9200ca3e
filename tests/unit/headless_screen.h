// The headless screen the UI tests draw on: the real panels (ui::draw_app) with ImGui's core
// and no backend, a frame driven the way the platform's main loop drives it, the draw data
// "rendered" by marking the atlas's texture requests done, and the checks every frame must
// pass (no failed ImGui check, every glyph, every widget on the screen). Widget names are
// those window.newsroom.locate() answers for the browser tests.
#pragma once

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
#include "ui/glyph_budget.h"
#include "ui/panels.h"
#include "ui/strings.h"
#include "ui/theme.h"

#if !defined(NEWSROOM_IMGUI_CHECKS)
#error "The headless UI tests link the checked ImGui core (newsroom_ui_checked): IM_ASSERT must reach their handler"
#endif

namespace newsroom::headless_test {

inline constexpr const char* kKoreanFont = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

// ImGui's failed checks since the screen was made: "file:line: expression".
inline std::vector<std::string>& failed_checks() {
  static std::vector<std::string> failures;
  return failures;
}

inline void record_failed_check(const char* expression, const char* file, int line) {
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
  // `budget`: new glyphs are loaded within it, a frame at a time, as the page does
  // (ui/glyph_budget.h); `frame()` then tells whether the frame would be shown.
  explicit Screen(Display display, ui::GlyphBudget* budget = nullptr) : display_(display), budget_(budget) {
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
    ImFontConfig config;
    if (budget) config.FontLoader = ui::GlyphBudget::loader();
    if (std::filesystem::exists(kKoreanFont)) font = io.Fonts->AddFontFromFileTTF(kKoreanFont, 0.0f, &config);
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
  // once; the draw data is then handed to the "renderer". False when the glyph budget ran
  // out: the page would not show this frame.
  bool frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(display_.width, display_.height);
    io.DeltaTime = 1.0f / 60.0f;
    ctx.images.now = ImGui::GetTime();
    if (budget_) budget_->begin_frame();
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
    if (budget_) budget_->end_frame();
    ImGui::Render();
    serve_textures();
    return !budget_ || budget_->complete();
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
  ui::GlyphBudget* budget_ = nullptr;
  bool korean_font_ = false;
  int textures_made_ = 0;
  ui::ImGuiAssertHandler previous_handler_ = nullptr;
};

// What every frame must satisfy: no ImGui check failed, every character had a glyph, and
// every widget drawn is on the screen across (nothing cut off at the sides) and at least
// partly within it down (the page scrolls: the last row may be half under the status bar).
inline void check_frame(const Screen& screen) {
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

inline void require_on_screen(const Screen& screen, std::string_view name) {
  INFO("widget " << name);
  const ImRect* r = screen.widget(name);
  REQUIRE(r != nullptr);
  INFO("at " << r->Min.x << "," << r->Min.y << " - " << r->Max.x << "," << r->Max.y);
  CHECK(screen.on_screen(*r));
}

// An article in the middle of the list (so it has both neighbours), with attachments when
// the sample has such an article there.
inline int64_t middle_article(const AppState& app) {
  const auto& rows = app.results();
  REQUIRE(rows.size() >= 3);
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    if (!app.board().attachments_of(rows[i]).empty()) return app.board().id(rows[i]);
  }
  return app.board().id(rows[rows.size() / 2]);
}

}  // namespace newsroom::headless_test
