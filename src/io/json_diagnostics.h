// Whole-file JSON failures described for people: where in the file, and what was expected.
#pragma once

#include <string>
#include <string_view>

namespace newsroom {

// simdjson says *that* a document is broken; this re-reads the bytes with nlohmann's SAX
// parser (only on failure) to say *where*: byte offset, line and column, and what it expected.
// `base_offset` is where `bytes` starts in the file (for a single record).
std::string describe_json_failure(std::string_view bytes, std::string_view fast_parser_message, size_t base_offset = 0);

}  // namespace newsroom
