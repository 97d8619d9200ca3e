// Seeded generators of the importer's inputs: text and JSON values likely to find a
// mistake (generated_values.cpp) and whole exports of every shape the importer detects,
// fields valid and not (generated_exports.cpp). The mutations splice their values in too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "fuzz/rng.h"

namespace newsroom::fuzz {

// [SECTION] Text ---------------------------------------------------------------------------

// `chars` Hangul syllables, with a space now and then.
std::string hangul(Rng& rng, size_t chars);

// Text of some kind and length, to go inside a JSON string (escaped as JSON needs).
std::string some_text(Rng& rng, size_t chars);

// A length for text: mostly short, sometimes around the one-line limit (1,000 characters,
// read up to 4,000), sometimes past the body's 1 MB.
size_t text_length(Rng& rng);

// `text` between quotes, as it is: callers pass text already escaped for JSON, or text
// meant to break it.
std::string json_string(std::string_view text);

// [SECTION] Values -----------------------------------------------------------------------

// A number as JSON or as text, in range or far past it, well formed or not.
std::string number_value(Rng& rng);

// A date in every shape an export may hold one, valid or not.
std::string date_value(Rng& rng);

// An address, as text to go inside a JSON string: usual, unsafe, relative, huge or broken.
std::string url_text(Rng& rng);

// An HTML body: paragraphs, links, images, entities, scripts, and sometimes more links or
// images than a record's list may hold, or link text far past a line's length.
std::string html_body(Rng& rng);

// A list of the kind a record's `field` holds (links, attachments or tags): mostly a few
// entries, sometimes around the limit of entries read.
std::string list_length(Rng& rng, std::string_view field);

// A JSON value or fragment likely to find a mistake: extreme numbers, dates, text of every
// kind and length, deep nesting, repeated empty objects, and bytes that break the syntax.
std::string interesting_value(Rng& rng);

// [SECTION] Whole exports ------------------------------------------------------------------

// A whole export of a random shape: the export object, a bare list, JSON Lines, or a
// phpMyAdmin dump of a Gnuboard table. It stops adding records once past `max_size`.
std::string generated_export(Rng& rng, size_t max_size);

}  // namespace newsroom::fuzz
