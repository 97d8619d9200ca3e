#include "io/json_diagnostics.h"

#include <nlohmann/json.hpp>

namespace newsroom {
namespace {

// Accepts every event; remembers the first syntax error.
struct ErrorLocator : nlohmann::json_sax<nlohmann::json> {
  bool failed = false;
  size_t position = 0;
  std::string what;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
    failed = true;
    position = pos;
    what = ex.what();
    return false;
  }
};

}  // namespace

std::string describe_json_failure(std::string_view bytes, std::string_view fast_parser_message, size_t base_offset) {
  ErrorLocator locator;
  nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &locator, nlohmann::json::input_format_t::json, true);
  if (!locator.failed) {
    return "not readable at byte " + std::to_string(base_offset) + ": " + std::string(fast_parser_message);
  }
  // nlohmann counts the offending character; report the byte where it starts.
  const size_t offset = locator.position > 0 ? locator.position - 1 : 0;
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  // "...syntax error while parsing value - unexpected end of input; expected '[', ..."
  std::string detail = locator.what;
  const size_t colon = detail.find(": ");
  if (colon != std::string::npos) detail = detail.substr(colon + 2);
  const std::string ending = offset >= bytes.size() ? " (the file ends too early: truncated?)" : "";
  // Line and column only make sense for the whole file, not for one record of it.
  const std::string position =
      base_offset > 0 ? std::string() : " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
  return "not valid JSON at byte " + std::to_string(base_offset + offset) + position + ": " + detail + ending;
}

}  // namespace newsroom
