// The text and values the generated exports and the mutations are made of (generators.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "fuzz/generators.h"

namespace newsroom::fuzz {

// [SECTION] Text ---------------------------------------------------------------------------

std::string hangul(Rng& rng, size_t chars) {
  std::string out;
  out.reserve(chars * 3);
  for (size_t i = 0; i < chars; ++i) {
    if (i > 0 && rng.one_in(6)) out += ' ';
    append_utf8(out, static_cast<char32_t>(0xAC00 + rng.below(0xD7A3 - 0xAC00 + 1)));
  }
  return out;
}

namespace {

std::string hanja(Rng& rng, size_t chars) {
  std::string out;
  for (size_t i = 0; i < chars; ++i) append_utf8(out, static_cast<char32_t>(0x4E00 + rng.below(0x9FFF - 0x4E00 + 1)));
  return out;
}

// Syllables spelled as conjoining jamo (a macOS export): NFC joins each into one character,
// so a title of many of them is several times longer before normalization than after.
std::string decomposed_hangul(Rng& rng, size_t syllables) {
  std::string out;
  for (size_t i = 0; i < syllables; ++i) {
    append_utf8(out, static_cast<char32_t>(0x1100 + rng.below(19)));
    append_utf8(out, static_cast<char32_t>(0x1161 + rng.below(21)));
    if (rng.one_in(2)) append_utf8(out, static_cast<char32_t>(0x11A8 + rng.below(27)));
  }
  return out;
}

// Code points that grow under NFC (one becomes two) and combining marks without a base.
std::string odd_unicode(Rng& rng, size_t chars) {
  // clang-format off
  static const std::vector<char32_t> kOdd = {0x0344, 0x0F73, 0x0F75, 0x1D15E, 0x1D160, 0x0301, 0x0308, 0x200B,
                                             0xFEFF, 0x2028, 0x2029, 0x0085, 0xFFFD, 0x10FFFF, 0xE000, 0x1F600};
  // clang-format on
  std::string out;
  for (size_t i = 0; i < chars; ++i) append_utf8(out, rng.pick(kOdd));
  return out;
}

std::string base64(Rng& rng, size_t chars) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(chars + 2);
  for (size_t i = 0; i < chars; ++i) out += kAlphabet[rng.below(kAlphabet.size())];
  out.append((4 - chars % 4) % 4, '=');
  return out;
}

// Byte sequences that are not UTF-8: stray continuations, overlong forms, surrogates, cut
// sequences, bytes that never occur, and EUC-KR pairs.
std::string invalid_utf8(Rng& rng, size_t count) {
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

}  // namespace

std::string some_text(Rng& rng, size_t chars) {
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

size_t text_length(Rng& rng) {
  switch (rng.below(12)) {
    case 0: return 995 + rng.below(10);
    case 1: return 3990 + rng.below(20);
    case 2: return 5000 + rng.below(20000);
    case 3: return rng.one_in(8) ? 350000 + rng.below(20000) : rng.size_up_to(100000);
    default: return rng.size_up_to(60);
  }
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// [SECTION] Values -----------------------------------------------------------------------

namespace {

// A list of `count` entries of the kind a record's links, attachments or tags hold.
std::string list_value(Rng& rng, std::string_view field, size_t count) {
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

// Nesting: lists or objects around a value, balanced or cut off.
std::string nested(Rng& rng) {
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

}  // namespace

std::string number_value(Rng& rng) {
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

std::string date_value(Rng& rng) {
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

std::string url_text(Rng& rng) {
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

std::string html_body(Rng& rng) {
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

std::string list_length(Rng& rng, std::string_view field) {
  const size_t count = rng.one_in(10) ? 995 + rng.below(20) : rng.size_up_to(8);
  return list_value(rng, field, count);
}

std::string interesting_value(Rng& rng) {
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

}  // namespace newsroom::fuzz
