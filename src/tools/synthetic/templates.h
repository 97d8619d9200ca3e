// Sentence and title templates for the synthetic export: literal text with slots that
// the vocabulary fills (vocabulary.h), and the article's register and date they may use.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "tools/synthetic/particles.h"
#include "tools/synthetic/random.h"

namespace newsroom::synthetic {

// A sentence or title template: literal text and slots such as {O:은} (an organization
// followed by 은/는). Slots are letters; see Vocabulary::fill for what each one means.
struct Token {
  std::string_view literal;
  char slot = 0;
  Particle particle = Particle::none;
};
using Template = std::vector<Token>;

// Splits a template's text into literals and slots.
Template parse_template(std::string_view text);

class TemplateList {
 public:
  TemplateList(std::initializer_list<std::string_view> texts) : ranks_(texts.size()) {
    for (std::string_view text : texts) templates_.push_back(parse_template(text));
  }
  const Template& pick(Rng& rng) const { return templates_[ranks_.pick(rng)]; }

 private:
  ZipfIndex ranks_;
  std::vector<Template> templates_;
};

enum class Style : uint8_t { press, notice };  // 보도 "~했다" or 안내 "~합니다"

// What a sentence may refer to: the article's own date and register.
struct Context {
  Style style = Style::press;
  int year = 2020, month = 1;
};

}  // namespace newsroom::synthetic
