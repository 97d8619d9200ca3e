// Glyphs rasterized a frame's share at a time. ImGui 1.92 rasterizes a glyph into the atlas
// the first time it is drawn, so the first screen of Korean text (a few hundred syllables
// never drawn before: the page's words, then the list's titles) cost one frame 25–30 ms of
// rasterizing plus the atlas's upload, over 50 ms in all. With a budget, a frame stops
// loading glyphs once it has spent its share: the rest of its text is laid out with the
// fallback glyph, the frame is not shown (the canvas keeps the last one), and the next
// frame goes on where it stopped. A screen appears once every glyph it needs is in.
#pragma once

#include <vector>

struct ImFont;
struct ImFontAtlas;
struct ImFontLoader;

namespace newsroom::ui {

class GlyphBudget {
 public:
  using Clock = double (*)(void*);  // milliseconds

  // `milliseconds` of glyph loading per frame, read from `clock`.
  GlyphBudget(Clock clock, void* clock_data, double milliseconds);
  ~GlyphBudget();
  GlyphBudget(const GlyphBudget&) = delete;
  GlyphBudget& operator=(const GlyphBudget&) = delete;

  // The loader a font's ImFontConfig::FontLoader takes to be budgeted: ImGui's own
  // (stb_truetype), counted and stopped by the budget of the frame under way.
  static const ImFontLoader* loader();

  // Around the drawing of one frame (both passes of a discarded view): glyph loading
  // counts against this budget from begin_frame() until end_frame(), and is free outside.
  void begin_frame();
  void end_frame();

  // False when the frame just ended ran out of budget: some glyph may have been drawn as
  // the fallback, so the frame is not to be shown, and another is to be drawn at once.
  bool complete() const { return complete_; }
  int loaded_last_frame() const { return loaded_last_frame_; }

 private:
  friend struct GlyphBudgetLoader;
  void loaded(ImFontAtlas* atlas);

  Clock clock_;
  void* clock_data_;
  double milliseconds_;
  double started_ = 0;
  bool complete_ = true;
  int loaded_ = 0, loaded_last_frame_ = 0;
  std::vector<ImFont*> stopped_;  // the fonts told to load no more glyphs this frame
};

}  // namespace newsroom::ui
