// Inputs for the importer's fuzz target: a seeded generator of exports (every shape the
// importer detects, fields valid and not) and mutations of those and of real files. Its
// own generator and arithmetic, so that a seed names the same inputs on every machine.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace newsroom::fuzz {

// splitmix64: small, fast, and the same sequence everywhere (std:: distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  bool one_in(size_t n) { return below(n) == 0; }
  // 0..most, small values far more often than large ones (the bit length is uniform), so
  // both the one-byte edit and the megabyte string come up.
  size_t size_up_to(size_t most) {
    size_t bits = 0;
    while (bits < 63 && (size_t{1} << bits) <= most) ++bits;
    const size_t top = size_t{1} << below(bits + 1);
    return below(std::min(most, top) + 1);
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  uint64_t state_;
};

// A 64-bit FNV-1a hash: names a failing input's file and seeds how it is sliced.
inline uint64_t hash_bytes(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

// [SECTION] Text ---------------------------------------------------------------------------

inline std::string hangul(Rng& rng, size_t chars) {
  std::string out;
  out.reserve(chars * 3);
  for (size_t i = 0; i < chars; ++i) {
    if (i > 0 && rng.one_in(6)) out += ' ';
    append_utf8(out, static_cast<char32_t>(0xAC00 + rng.below(0xD7A3 - 0xAC00 + 1)));
  }
  return out;
}

inline std::string hanja(Rng& rng, size_t chars) {
  std::string out;
  for (size_t i = 0; i < chars; ++i) append_utf8(out, static_cast<char32_t>(0x4E00 + rng.below(0x9FFF - 0x4E00 + 1)));
  return out;
}

// Syllables spelled as conjoining jamo (a macOS export): NFC joins each into one character,
// so a title of many of them is several times longer before normalization than after.
inline std::string decomposed_hangul(Rng& rng, size_t syllables) {
  std::string out;
  for (size_t i = 0; i < syllables; ++i) {
    append_utf8(out, static_cast<char32_t>(0x1100 + rng.below(19)));
    append_utf8(out, static_cast<char32_t>(0x1161 + rng.below(21)));
    if (rng.one_in(2)) append_utf8(out, static_cast<char32_t>(0x11A8 + rng.below(27)));
  }
  return out;
}

// Code points that grow under NFC (one becomes two) and combining marks without a base.
inline std::string odd_unicode(Rng& rng, size_t chars) {
  // clang-format off
  static const std::vector<char32_t> kOdd = {0x0344, 0x0F73, 0x0F75, 0x1D15E, 0x1D160, 0x0301, 0x0308, 0x200B,
                                             0xFEFF, 0x2028, 0x2029, 0x0085, 0xFFFD, 0x10FFFF, 0xE000, 0x1F600};
  // clang-format on
  std::string out;
  for (size_t i = 0; i < chars; ++i) append_utf8(out, rng.pick(kOdd));
  return out;
}

inline std::string base64(Rng& rng, size_t chars) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(chars + 2);
  for (size_t i = 0; i < chars; ++i) out += kAlphabet[rng.below(kAlphabet.size())];
  out.append((4 - chars % 4) % 4, '=');
  return out;
}

// Byte sequences that are not UTF-8: stray continuations, overlong forms, surrogates, cut
// sequences, bytes that never occur, and EUC-KR pairs.
inline std::string invalid_utf8(Rng& rng, size_t count) {
  // clang-format off
  static const std::vector<std::string> kBad = {"\xFF", "\xFE", "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80",
                                                "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
                                                "\xEA\xB0", "\xF0\x9F\x98", "\xC3", "\xB0\xA1", "\xC7\xD1"};
  // clang-format on
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    out += rng.pick(kBad);
    if (rng.one_in(3)) out += hangul(rng, 1);
  }
  return out;
}

// Text of some kind and length, to go inside a JSON string (escaped as JSON needs).
inline std::string some_text(Rng& rng, size_t chars) {
  switch (rng.below(8)) {
    case 0: return hanja(rng, chars);
    case 1: return decomposed_hangul(rng, chars);
    case 2: return odd_unicode(rng, chars);
    case 3: return base64(rng, chars);
    case 4: return invalid_utf8(rng, std::max<size_t>(1, chars / 4));
    case 5: {
      std::string out = hangul(rng, chars / 2 + 1);
      out += "\\n\\t\\r\\u0000\\u001f\\\"\\\\\\/\\u00e9\\uD55C\\uD800\\uDC00 ";
      out += hangul(rng, chars / 2);
      return out;
    }
    default: return hangul(rng, chars);
  }
}

// A length for text: mostly short, sometimes around the one-line limit (1,000 characters,
// read up to 4,000), sometimes past the body's 1 MB.
inline size_t text_length(Rng& rng) {
  switch (rng.below(12)) {
    case 0: return 995 + rng.below(10);
    case 1: return 3990 + rng.below(20);
    case 2: return 5000 + rng.below(20000);
    case 3: return rng.one_in(8) ? 350000 + rng.below(20000) : rng.size_up_to(100000);
    default: return rng.size_up_to(60);
  }
}

// `text` between quotes, as it is: callers pass text already escaped for JSON, or text
// meant to break it.
inline std::string json_string(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// [SECTION] Values -----------------------------------------------------------------------

inline std::string number_value(Rng& rng) {
  // clang-format off
  static const std::vector<std::string> kNumbers = {
      "0", "-0", "1", "-1", "12", "1.5", "-1.5", "1e3", "1E+2", "2e-1", "0.0", "-0.0", "1e400", "-1e400", "1e-400",
      "18446744073709551616", "18446744073709551615", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "-9223372036854775809", "4294967296", "2147483647", "2147483648", "-2147483648",
      "1000000000", "1000000001", "9007199254740993", "9e15", "8999999999999999", "123456789012345678901234567890",
      "1703045640", "-62135596800", "253402300800", "99999999999999", "00012", "01", "1.", ".5", "+5", "1e", "-",
      "--1", "0x10", "NaN", "-NaN", "Infinity", "-Infinity", "1,254", "\"1,254\"", "\"12,34\"", "\"-3\"", "\"007\"",
      "\"99999999999999999999\"", "\"1e3\"", "\" 42 \"", "\"\""};
  // clang-format on
  return rng.pick(kNumbers);
}

inline std::string date_value(Rng& rng) {
  // clang-format off
  static const std::vector<std::string> kDates = {
      "\"2024-01-02T10:00:00+09:00\"", "\"2023-12-20 13:14:00\"", "\"2023-12-20 13:14\"", "\"2024-02-01\"",
      "\"2024-02-30\"", "\"2024-13-45\"", "\"2024-01-01T25:61:61+09:00\"", "\"2024-01-01T00:00:00+99:99\"",
      "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00.123456789+09:00\"", "\"0000-00-00 00:00:00\"",
      "\"1900-01-01\"", "\"1969-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59+09:00\"", "\"99999-01-01\"",
      "\"20231220\"", "\"1703045640\"", "\"2024년 1월 2일\"", "\"\"", "1703045640", "-1", "0", "99999999999999",
      "-99999999999999", "1.5", "null", "true", "[]", "{}"};
  // clang-format on
  return rng.pick(kDates);
}

inline std::string url_text(Rng& rng) {
  // clang-format off
  static const std::vector<std::string> kUrls = {
      "https://www.jbicp.or.kr/bbs/board.php?bo_table=news&wr_id=1", "http://example.org/a b", "mailto:a@b.kr",
      "javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "attachments/12/사진1.jpg",
      "../../etc/passwd", "/files/a.pdf", "?q=1", "#top", "https://", "http:", "HTTPS://EXAMPLE.ORG/대문.png",
      "file:///c:/x.hwp", "https://例え.jp/パス", ""};
  // clang-format on
  std::string url = rng.pick(kUrls);
  if (rng.one_in(10)) {
    url = "data:image/png;base64,";
    url += base64(rng, rng.one_in(2) ? 8190 + rng.below(8) : rng.size_up_to(20000));
  } else if (rng.one_in(10)) {
    url += some_text(rng, rng.size_up_to(3000));
  }
  return url;
}

// An HTML body: paragraphs, links, images, entities, scripts, and sometimes more links or
// images than a record's list may hold, or link text far past a line's length.
inline std::string html_body(Rng& rng) {
  // clang-format off
  static const std::vector<std::string> kBits = {
      "<p>", "</p>", "<br>", "<BR/>", "<div class=\\\"x\\\">", "</div>", "<h2>", "<li>", "<tr>", "<blockquote>",
      "&amp;", "&lt;b&gt;", "&#xD55C;", "&#54620;", "&#xD800;", "&#1114112;", "&#0;", "&#x;", "&nbsp;", "&hellip;",
      "&unknown;", "&", "<!-- 주석 -->", "<!-- 열린 주석", "<script>alert(1)</script>", "<style>p{}</style>",
      "<script>", "<span>", "<", ">", "<a>", "</a>", "<img>", "<img src=>", "<a href=javascript:x>x</a>"};
  // clang-format on
  std::string out;
  const size_t parts = rng.size_up_to(40);
  for (size_t i = 0; i < parts; ++i) {
    switch (rng.below(5)) {
      case 0: out += rng.pick(kBits); break;
      case 1: {
        const size_t links = rng.one_in(10) ? 995 + rng.below(20) : 1 + rng.size_up_to(5);
        const size_t chars = rng.one_in(8) ? 1000 + rng.below(3000) : rng.size_up_to(20);
        const std::string title = hangul(rng, chars);
        for (size_t n = 0; n < links; ++n) {
          out += "<a href=\\\"https://ex.kr/";
          out += std::to_string(n);
          out += rng.one_in(20) ? base64(rng, 9000) : std::string();
          out += "\\\">";
          out += title;
          out += "</a>";
        }
        break;
      }
      case 2: {
        const size_t images = rng.one_in(10) ? 995 + rng.below(20) : 1 + rng.size_up_to(5);
        const std::string alt = rng.one_in(3) ? std::string() : hangul(rng, rng.one_in(8) ? 1500 : rng.size_up_to(20));
        for (size_t n = 0; n < images; ++n) {
          out += "<img src='";
          out += rng.one_in(2) ? "photo/" : "https://ex.kr/img/";
          out += std::to_string(n);
          out += ".jpg' alt='";
          out += alt;
          out += "'>";
        }
        break;
      }
      default: out += some_text(rng, rng.size_up_to(200)); break;
    }
  }
  return out;
}

// A list of `count` entries of the kind a record's links, attachments or tags hold.
inline std::string list_value(Rng& rng, std::string_view field, size_t count) {
  std::string out = "[";
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ',';
    if (field == "tags") {
      out += json_string(i % 7 == 3 ? std::string() : hangul(rng, 1 + rng.below(4)));
    } else if (field == "links") {
      if (i % 5 == 4) {
        out += json_string(url_text(rng));
      } else {
        out += R"({"title":")";
        out += hangul(rng, rng.size_up_to(12));
        out += R"(","url":")";
        out += i % 3 == 0 ? url_text(rng) : "https://ex.kr/" + std::to_string(i);
        out += R"(","clicks":)";
        out += rng.one_in(4) ? number_value(rng) : std::to_string(i);
        out += '}';
      }
    } else {
      if (i % 6 == 5) {
        out += json_string(hangul(rng, 3));
      } else {
        out += R"({"name":")";
        out += i % 9 == 8 ? std::string() : hangul(rng, 1 + rng.size_up_to(10));
        out += R"(.pdf","url":")";
        out += i % 4 == 0 ? url_text(rng) : "files/" + std::to_string(i) + ".pdf";
        out += R"(","size":)";
        out += rng.one_in(4) ? number_value(rng) : std::to_string(i * 1000);
        out += R"(,"downloads":)";
        out += rng.one_in(4) ? number_value(rng) : std::to_string(i);
        out += '}';
      }
    }
  }
  out += ']';
  return out;
}

inline std::string list_length(Rng& rng, std::string_view field) {
  const size_t count = rng.one_in(10) ? 995 + rng.below(20) : rng.size_up_to(8);
  return list_value(rng, field, count);
}

// Nesting: lists or objects around a value, balanced or cut off.
inline std::string nested(Rng& rng) {
  static const std::vector<size_t> kDepths = {2, 100, 1023, 1024, 1025, 2000, 5000, 100000};
  const size_t depth = rng.pick(kDepths);
  std::string out;
  const bool objects = rng.one_in(2);
  const bool balanced = !rng.one_in(4);
  for (size_t i = 0; i < depth; ++i) out += objects ? "{\"a\":" : "[";
  out += "1";
  if (balanced) out.append(depth, objects ? '}' : ']');
  return out;
}

// A JSON value or fragment likely to find a mistake: extreme numbers, dates, text of every
// kind and length, deep nesting, repeated empty objects, and bytes that break the syntax.
inline std::string interesting_value(Rng& rng) {
  // clang-format off
  static const std::vector<std::string> kFragments = {
      "\"", "[", "]", "{", "}", ",", ":", "\\", "\"\\", "null", "true", "false", "tru", "nul", "undefined", "'single'",
      "/* comment */", "// comment\n", "\xEF\xBB\xBF", "\r\n", "\r", "\n", std::string(1, '\0'), "\t", "\f", "\x1F",
      "\"\\u0000\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\x41\"", "\"\\u12\"", "[,]", "{,}", "[1,]", "{\"a\":1,}",
      "{\"a\"}", "{\"a\" 1}", "[1 2]", "\"a\" \"b\"", "{}{}", "[][]", "{\"id\":1}\n{\"id\":2}"};
  // clang-format on
  switch (rng.below(11)) {
    case 0:
    case 1: return number_value(rng);
    case 2: return date_value(rng);
    case 3:
    case 4: return json_string(some_text(rng, text_length(rng)));
    case 5: return json_string(html_body(rng));
    case 6: return nested(rng);
    case 7: {
      std::string out = "[";
      const size_t count = 1 + rng.size_up_to(3000);
      for (size_t i = 0; i < count; ++i) out += i == 0 ? "{}" : rng.one_in(50) ? "{}" : ",{}";
      out += rng.one_in(5) ? "" : "]";
      return out;
    }
    case 8: {
      static const std::vector<std::string> kFields = {"tags", "links", "attachments"};
      const std::string& field = rng.pick(kFields);
      return list_length(rng, field);
    }
    case 9: return json_string(url_text(rng));
    default: return rng.pick(kFragments);
  }
}

// [SECTION] Whole exports ------------------------------------------------------------------

inline std::string maybe_odd(Rng& rng, std::string value) { return rng.one_in(6) ? interesting_value(rng) : value; }

// One record of the project's export, fields present or not, valid or not.
inline std::string article_record(Rng& rng, size_t ids) {
  std::string out = "{";
  bool first = true;
  const auto member = [&](std::string_view key, const std::string& value) {
    if (!first) out += rng.one_in(200) ? "" : ",";
    first = false;
    out += json_string(key);
    out += ':';
    out += value;
  };
  static const std::vector<std::string> kCategories = {"보도자료", "공지사항", "행사",  "채용",
                                                       "",         "  공지  ", "ＡＢＣ"};
  if (!rng.one_in(20))
    member("id", maybe_odd(rng, rng.one_in(5) ? json_string(std::to_string(1 + rng.below(ids)))
                                              : std::to_string(1 + rng.below(ids))));
  if (!rng.one_in(20)) {
    std::string title = rng.one_in(4) ? "[" + rng.pick(kCategories) + "] " : std::string();
    title += rng.one_in(5) ? some_text(rng, text_length(rng)) : hangul(rng, 1 + rng.size_up_to(40));
    member("title", maybe_odd(rng, json_string(title)));
  }
  if (!rng.one_in(20)) member("published_at", rng.one_in(4) ? date_value(rng) : "\"2024-01-02T10:00:00+09:00\"");
  if (rng.one_in(2)) member("number", maybe_odd(rng, std::to_string(rng.below(500))));
  if (rng.one_in(2)) member("views", maybe_odd(rng, std::to_string(rng.size_up_to(100000))));
  if (rng.one_in(4)) member("pinned", maybe_odd(rng, rng.one_in(2) ? "true" : "\"1\""));
  if (rng.one_in(2)) member("category", maybe_odd(rng, json_string(rng.pick(kCategories))));
  if (rng.one_in(2)) member("author", maybe_odd(rng, json_string(hangul(rng, 3))));
  if (rng.one_in(2)) {
    const bool html = rng.one_in(2);
    if (rng.one_in(2)) member("body_format", maybe_odd(rng, html ? "\"html\"" : "\"text\""));
    member("body", maybe_odd(rng, json_string(html ? html_body(rng) : some_text(rng, text_length(rng)))));
  }
  if (rng.one_in(4)) member("summary", maybe_odd(rng, json_string(some_text(rng, text_length(rng)))));
  if (rng.one_in(4)) {
    member("source",
           maybe_odd(rng, rng.one_in(3) ? json_string(hangul(rng, 4))
                                        : R"({"name":")" + hangul(rng, 4) + R"(","url":")" + url_text(rng) + "\"}"));
  }
  if (rng.one_in(3)) member("links", maybe_odd(rng, list_length(rng, "links")));
  if (rng.one_in(3)) member("attachments", maybe_odd(rng, list_length(rng, "attachments")));
  if (rng.one_in(3)) member("tags", maybe_odd(rng, list_length(rng, "tags")));
  if (rng.one_in(5)) member("extra", interesting_value(rng));
  if (rng.one_in(30)) member("id", std::to_string(1 + rng.below(ids)));  // a member twice
  out += '}';
  return out;
}

// One Gnuboard5 row as phpMyAdmin writes it: every value a string, SQL NULL as null.
inline std::string gnuboard_row(Rng& rng, size_t ids) {
  std::string out = "{";
  const auto member = [&](std::string_view key, const std::string& value) {
    if (out.size() > 1) out += ',';
    out += json_string(key);
    out += ':';
    out += maybe_odd(rng, value);
  };
  static const std::vector<std::string> kOptions = {"", "html1", "html2", "secret", "html1,secret", "mail"};
  const size_t id = 1 + rng.below(ids);
  member("wr_id", json_string(std::to_string(id)));
  member("wr_num", json_string("-" + std::to_string(id)));
  member("wr_is_comment", rng.one_in(5) ? "\"1\"" : "\"0\"");
  member("wr_subject",
         json_string(rng.one_in(5) ? some_text(rng, text_length(rng)) : hangul(rng, 1 + rng.size_up_to(30))));
  const std::string& options = rng.pick(kOptions);
  member("wr_option", json_string(options));
  member("wr_content",
         json_string(options.find("html") != std::string::npos ? html_body(rng) : hangul(rng, rng.size_up_to(400))));
  member("wr_datetime", rng.one_in(4) ? date_value(rng) : "\"2023-12-20 13:14:00\"");
  member("wr_hit", json_string(std::to_string(rng.size_up_to(5000))));
  if (rng.one_in(2)) member("ca_name", json_string(hangul(rng, 2)));
  if (rng.one_in(2)) member("wr_name", json_string(hangul(rng, 3)));
  if (rng.one_in(3)) member("wr_link1", json_string(url_text(rng)));
  if (rng.one_in(3)) member("wr_link1_hit", json_string(std::to_string(rng.below(100))));
  if (rng.one_in(4)) member("wr_link2", rng.one_in(2) ? "null" : json_string(url_text(rng)));
  if (rng.one_in(4)) member("wr_email", "\"someone@example.kr\"");
  if (rng.one_in(4)) member("wr_ip", "\"203.0.113.7\"");
  if (rng.one_in(6)) member("wr_password", "\"*A4B6157319038724E3560894F7F932C8886EBFCF\"");
  out += '}';
  return out;
}

// A short record, most often one the importer reports on (or skips): thousands of them
// fill a report past the problems it lists in full.
enum class Shape { export_object, array, lines, gnuboard };

inline std::string small_record(Rng& rng, size_t ids, Shape shape) {
  const std::string id = std::to_string(1 + rng.below(ids));
  if (shape == Shape::lines && rng.one_in(3)) return R"({"id":)" + id + R"( "title":"글"})";  // a line that is not JSON
  if (shape == Shape::gnuboard) {
    switch (rng.below(3)) {
      case 0: return R"({"wr_id":")" + id + R"("})";
      case 1:
        return R"({"wr_id":")" + id + R"(","wr_subject":"제목","wr_datetime":"2023-12-20 13:14:00","wr_hit":"x"})";
      default: return R"({"wr_id":")" + id + R"(","wr_is_comment":"1"})";
    }
  }
  switch (rng.below(7)) {
    case 0: return R"({"id":)" + id + "}";
    case 1: return R"({"id":"x)" + id + R"(","title":"글","published_at":"2024-01-01"})";
    case 2: return R"({"id":)" + id + R"(,"title":"글","published_at":"2024-01-01","views":-5,"tags":[1]})";
    case 3: return R"({"id":)" + id + R"(,"title":"글","published_at":"2024-01-01"})";
    case 4: return rng.one_in(2) ? "[]" : "\"글\"";
    case 5: return R"({"id":)" + id + R"(,"title":"","published_at":"어제"})";
    default: return R"({"id":)" + id + R"(,"title":"글","published_at":"2024-01-01","views":1e400})";
  }
}

// A whole export of a random shape: the export object, a bare list, JSON Lines, or a
// phpMyAdmin dump of a Gnuboard table.
inline std::string generated_export(Rng& rng, size_t max_size) {
  // Mostly a few records; sometimes enough that a streamed import reads past its first
  // 64 KB (the part it waits for before it starts), or thousands of short ones.
  const bool small = rng.one_in(6);
  const size_t records = small ? 900 + rng.below(2500) : rng.one_in(5) ? rng.size_up_to(400) : rng.size_up_to(60);
  const size_t ids = 1 + rng.size_up_to(small ? 4000 : 200);
  const auto shape = static_cast<Shape>(rng.below(4));
  const auto record = [&] {
    if (small) return small_record(rng, ids, shape);
    return shape == Shape::gnuboard ? gnuboard_row(rng, ids) : article_record(rng, ids);
  };
  std::string out;
  switch (shape) {
    case Shape::export_object: {
      out = "{";
      if (rng.one_in(2)) out += R"("format":"newsroom-export","version":1,)";
      if (rng.one_in(3)) out += "\"note\":" + interesting_value(rng) + ",";
      if (rng.one_in(2))
        out += R"("board":{"site":"전북국제협력진흥원","title":"뉴스룸","breadcrumb":["Home","홍보마당"]},)";
      if (rng.one_in(2))
        out += "\"exported_at\":" + (rng.one_in(3) ? date_value(rng) : "\"2024-03-15T09:00:00+09:00\"") + ",";
      out += "\"articles\":[\n";
      for (size_t i = 0; i < records && out.size() < max_size; ++i) {
        if (i > 0) out += ",\n";
        out += record();
      }
      out += "]";
      if (rng.one_in(3)) out += R"(,"board":{"title":)" + maybe_odd(rng, "\"뉴스룸\"") + "}";
      out += "}\n";
      break;
    }
    case Shape::array:
      out = "[";
      for (size_t i = 0; i < records && out.size() < max_size; ++i) {
        if (i > 0) out += ",";
        out += record();
      }
      out += "]";
      break;
    case Shape::lines:
      for (size_t i = 0; i < records + 1 && out.size() < max_size; ++i) {
        out += record();
        out += rng.one_in(10) ? "\r\n" : "\n";
      }
      break;
    case Shape::gnuboard:
      out = R"([{"type":"header","version":"5.2.1","comment":"Export to JSON plugin for PHPMyAdmin"},)"
            R"({"type":"database","name":"gnuboard"},)"
            R"({"type":"table","name":"g5_write_news","database":"gnuboard","data":[)";
      for (size_t i = 0; i < records && out.size() < max_size; ++i) {
        if (i > 0) out += ",\n";
        out += record();
      }
      out += "]}]";
      break;
  }
  return out;
}

// [SECTION] Mutations -----------------------------------------------------------------------

// Where the JSON token at or after `from` begins and ends: a string, a number or literal, or
// a whole list or object (brackets counted outside strings). False when none follows.
inline bool find_token(std::string_view bytes, size_t from, size_t& begin, size_t& end) {
  size_t at = from;
  while (at < bytes.size() && std::string_view(" \t\r\n,:]}").find(bytes[at]) != std::string_view::npos) ++at;
  if (at >= bytes.size()) return false;
  begin = at;
  const char c = bytes[at];
  if (c == '"') {
    for (end = at + 1; end < bytes.size(); ++end) {
      if (bytes[end] == '\\')
        ++end;
      else if (bytes[end] == '"')
        break;
    }
    end = std::min(end + 1, bytes.size());
    return true;
  }
  if (c == '[' || c == '{') {
    size_t depth = 0;
    bool in_string = false;
    for (end = at; end < bytes.size(); ++end) {
      const char b = bytes[end];
      if (in_string) {
        if (b == '\\')
          ++end;
        else if (b == '"')
          in_string = false;
      } else if (b == '"') {
        in_string = true;
      } else if (b == '[' || b == '{') {
        ++depth;
      } else if ((b == ']' || b == '}') && --depth == 0) {
        break;
      }
    }
    end = std::min(end + 1, bytes.size());
    return true;
  }
  end = at + 1;
  while (end < bytes.size() && std::string_view(" \t\r\n,:]}[{\"").find(bytes[end]) == std::string_view::npos) ++end;
  return true;
}

// The object that begins at the first '{' at or after `from`, when there is one.
inline bool find_object(std::string_view bytes, size_t from, size_t& begin, size_t& end) {
  const size_t open = bytes.find('{', from);
  if (open == std::string_view::npos) return false;
  return find_token(bytes, open, begin, end) && end > begin;
}

// One edit of `bytes`; `corpus` gives another file to splice in. The result may be larger
// than `max_size`: the caller keeps the input as it was then.
inline void mutate_once(std::string& bytes, const std::vector<std::string>& corpus, Rng& rng, size_t max_size) {
  const size_t size = bytes.size();
  const size_t at = rng.below(size + 1);
  switch (rng.below(15)) {
    case 0:  // a bit flipped
      if (size > 0) bytes[rng.below(size)] ^= static_cast<char>(1u << rng.below(8));
      break;
    case 1: {  // a byte set to one that matters to JSON or UTF-8
      static constexpr char kBytes[] = "\0\x01\x1F\x7F\x80\xBF\xC0\xED\xFF\"\\{}[],: \r\n\t-0e.";
      if (size > 0) bytes[rng.below(size)] = kBytes[rng.below(sizeof kBytes - 1)];
      break;
    }
    case 2: {  // random bytes inserted
      std::string random(1 + rng.size_up_to(16), '\0');
      for (char& c : random) c = static_cast<char>(rng.below(256));
      bytes.insert(at, random);
      break;
    }
    case 3:  // a range deleted
      bytes.erase(at, 1 + rng.size_up_to(size / 4 + 1));
      break;
    case 4: {  // a range repeated
      const std::string range = bytes.substr(at, 1 + rng.size_up_to(4096));
      const size_t times = 1 + rng.size_up_to(8);
      for (size_t i = 0; i < times; ++i) bytes.insert(std::min(at + range.size(), bytes.size()), range);
      break;
    }
    case 5:  // cut short at any byte
      bytes.resize(rng.below(size + 1));
      break;
    case 6: {  // the start of one file joined to the end of another
      const std::string& other = rng.pick(corpus);
      bytes = bytes.substr(0, at) + other.substr(rng.below(other.size() + 1));
      break;
    }
    case 7:
    case 8: {  // a token (or a whole value) replaced
      size_t begin = 0, end = 0;
      if (find_token(bytes, at, begin, end)) bytes.replace(begin, end - begin, interesting_value(rng));
      break;
    }
    case 9:  // a value inserted anywhere
      bytes.insert(at, interesting_value(rng));
      break;
    case 10: {  // a member added to an object, as a record's field
      // clang-format off
      static const std::vector<std::string> kKeys = {"id", "title", "published_at", "views", "number", "pinned",
                                                     "category", "author", "body", "body_format", "summary", "source",
                                                     "links", "attachments", "tags", "wr_subject", "wr_id", "articles",
                                                     "board", "exported_at", "format", "type", "data", "x"};
      // clang-format on
      const size_t open = bytes.find('{', at);
      if (open == std::string::npos) break;
      const std::string& key = rng.pick(kKeys);
      std::string value = key == "links" || key == "attachments" || key == "tags" ? list_length(rng, key)
                          : key == "body" && rng.one_in(2)                        ? json_string(html_body(rng))
                                                                                  : interesting_value(rng);
      bytes.insert(open + 1, json_string(key) + ":" + value + ",");
      break;
    }
    case 11: {  // a record repeated many times, as a list's elements or as lines
      size_t begin = 0, end = 0;
      if (!find_object(bytes, at, begin, end)) break;
      const std::string record = bytes.substr(begin, end - begin);
      const size_t room = max_size > size ? (max_size - size) / (record.size() + 1) : 0;
      const size_t times = std::min(room, 1 + rng.size_up_to(3000));
      const std::string separator = rng.one_in(4) ? "\n" : ",";
      std::string copies;
      for (size_t i = 0; i < times; ++i) copies += separator + record;
      bytes.insert(end, copies);
      break;
    }
    case 12: {  // line ends, NUL, a byte order mark
      static const std::vector<std::string> kBreaks = {"\r\n",         "\r",    "\n", std::string(1, '\0'),
                                                       "\xEF\xBB\xBF", "\n\n\n"};
      const std::string& what = rng.pick(kBreaks);
      if (what == "\xEF\xBB\xBF" && rng.one_in(2))
        bytes.insert(0, what);
      else
        bytes.insert(at, what);
      break;
    }
    case 13:  // white space past the 64 KB a streamed import reads before it starts
      bytes.insert(at, std::string(rng.one_in(2) ? 65536 + rng.below(64) : 1 + rng.size_up_to(70000),
                                   rng.one_in(4) ? '\n' : ' '));
      break;
    default: {  // a bracket or quote swapped for another
      static constexpr std::string_view kSwaps = "[]{}\"',:";
      const size_t pos = bytes.find_first_of(kSwaps, at);
      if (pos != std::string::npos) bytes[pos] = kSwaps[rng.below(kSwaps.size())];
      break;
    }
  }
}

// Several edits in a row, each kept only while the input stays under `max_size`.
inline void mutate(std::string& bytes, const std::vector<std::string>& corpus, Rng& rng, size_t max_size) {
  const size_t edits = 1 + rng.size_up_to(7);
  for (size_t i = 0; i < edits; ++i) {
    std::string before = bytes;
    mutate_once(bytes, corpus, rng, max_size);
    if (bytes.size() > max_size) bytes = std::move(before);
  }
}

}  // namespace newsroom::fuzz
