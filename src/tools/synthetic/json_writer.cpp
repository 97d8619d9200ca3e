// Numbers and JSON text appended to a string (json_writer.h).
#include "tools/synthetic/json_writer.h"

#include <charconv>

namespace newsroom::synthetic {

void append_int(std::string& out, int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_padded(std::string& out, uint64_t value, int width) {
  char buffer[24];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<size_t>(width));
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + start, i - start);
    start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(text.data() + start, text.size() - start);
  out += '"';
}

void append_key(std::string& out, int indent, std::string_view key) {
  out.append(static_cast<size_t>(indent), ' ');
  out += '"';
  out += key;
  out += "\": ";
}

void append_string_field(std::string& out, int indent, std::string_view key, std::string_view value, bool last) {
  append_key(out, indent, key);
  append_json_string(out, value);
  out += last ? "\n" : ",\n";
}

void append_int_field(std::string& out, int indent, std::string_view key, int64_t value, bool last) {
  append_key(out, indent, key);
  append_int(out, value);
  out += last ? "\n" : ",\n";
}

}  // namespace newsroom::synthetic
