// The synthetic export's words: the agency's world as lists, most frequent first, and
// the templates that make sentences and titles of them.
#pragma once

#include <string>

#include "tools/synthetic/random.h"
#include "tools/synthetic/templates.h"

namespace newsroom::synthetic {

// The agency's world, each list most frequent first. Written for this project.
struct Vocabulary {
  Vocabulary();  // the lists (vocabulary.cpp)

  ZipfList organizations, teams, countries;
  ZipfList regions;  // a foreign partner: country and city or province
  ZipfList venues, topics, events, people, verbal_nouns, press_endings, notice_endings, openers, programs,
      title_endings, durations, counted_units;
  TemplateList press_sentences, notice_sentences;
  TemplateList contact_sentences;  // the closing line of most notices
  TemplateList titles;

  // Fills one slot. Numbers and dates are drawn fresh; words come from the Zipf lists.
  void fill(std::string& out, char slot, const Context& context, Rng& rng) const;
  void render(std::string& out, const Template& tokens, const Context& context, Rng& rng) const;
  void sentence(std::string& out, const Context& context, Rng& rng) const;
};

const Vocabulary& vocabulary();

// A title of 15–45 characters: a few tries, then the last try cut at a word boundary.
void make_title(std::string& title, const Context& context, Rng& rng);

}  // namespace newsroom::synthetic
