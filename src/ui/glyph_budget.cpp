#include "ui/glyph_budget.h"

#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ImFontLoader

namespace newsroom::ui {

namespace {
GlyphBudget* active = nullptr;  // the budget of the frame being drawn (one UI thread)
}  // namespace

// ImGui's stb_truetype loader with its glyph loading counted: the loader packs a glyph into
// the atlas and rasterizes it, which is the cost being spread.
struct GlyphBudgetLoader {
  static bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void* loader_data,
                         ImWchar codepoint, ImFontGlyph* out_glyph, float* out_advance_x) {
    const ImFontLoader* stb = ImFontAtlasGetFontLoaderForStbTruetype();
    const bool found = stb->FontBakedLoadGlyph(atlas, src, baked, loader_data, codepoint, out_glyph, out_advance_x);
    if (active) active->loaded(atlas);
    return found;
  }

  static ImFontLoader make() {
    ImFontLoader loader = *ImFontAtlasGetFontLoaderForStbTruetype();
    loader.Name = "stb_truetype, budgeted";
    loader.FontBakedLoadGlyph = load_glyph;
    return loader;
  }
};

GlyphBudget::GlyphBudget(Clock clock, void* clock_data, double milliseconds)
    : clock_(clock), clock_data_(clock_data), milliseconds_(milliseconds) {}

GlyphBudget::~GlyphBudget() {
  if (active == this) end_frame();
}

const ImFontLoader* GlyphBudget::loader() {
  static const ImFontLoader instance = GlyphBudgetLoader::make();
  return &instance;
}

void GlyphBudget::begin_frame() {
  active = this;
  started_ = clock_(clock_data_);
  complete_ = true;
  loaded_ = 0;
}

void GlyphBudget::end_frame() {
  // ImGui loads a glyph whenever it is asked for outside a frame, and in the next frame.
  for (ImFont* font : stopped_) font->Flags &= ~ImFontFlags_NoLoadGlyphs;
  stopped_.clear();
  if (active == this) active = nullptr;
  loaded_last_frame_ = loaded_;
}

// After each glyph loaded in the frame: once the budget is spent, no font of the atlas
// loads another (ImGui then draws the fallback, without remembering the glyph as missing).
void GlyphBudget::loaded(ImFontAtlas* atlas) {
  ++loaded_;
  if (!complete_ || clock_(clock_data_) - started_ < milliseconds_) return;
  complete_ = false;
  for (ImFont* font : atlas->Fonts) {
    if (font->Flags & ImFontFlags_NoLoadGlyphs) continue;  // ImGui's own stop: not ours to lift
    font->Flags |= ImFontFlags_NoLoadGlyphs;
    stopped_.push_back(font);
  }
}

}  // namespace newsroom::ui
