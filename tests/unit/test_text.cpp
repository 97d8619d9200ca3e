#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "io/text_normalize.h"
#include "test_support.h"

using namespace newsroom;

TEST_CASE("malformed UTF-8 is found and replaced, valid text is kept byte for byte") {
  const std::string korean = "전북국제협력진흥원 뉴스룸 😀";
  CHECK(find_invalid_utf8(korean) == std::string::npos);
  CHECK(sanitize_utf8(korean) == korean);

  CHECK(find_invalid_utf8("ab\x80"
                          "cd") == 2);                // stray continuation byte
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong '/'
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // UTF-16 surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // beyond U+10FFFF
  CHECK(find_invalid_utf8("\xEC\xA0") == 0);          // truncated Hangul
  CHECK(sanitize_utf8("a\xFFz") == "a\xEF\xBF\xBDz");
}

TEST_CASE("a subject cut inside a Hangul syllable loses only the broken syllable") {
  const std::string title = "카자흐스탄";  // 5 syllables x 3 bytes
  CHECK(trim_truncated_tail(title.substr(0, 14)) == "카자흐스");
  CHECK(trim_truncated_tail(title.substr(0, 13)) == "카자흐스");
  CHECK(trim_truncated_tail(title) == title);
  CHECK(trim_truncated_tail("abc") == "abc");
  CHECK(trim_truncated_tail("") == "");
}

TEST_CASE("bodies split into the paragraphs a reader sees") {
  const auto paragraphs = split_paragraphs("  첫 문단입니다.\n같은 문단.\n\n\n둘째 문단\n \n셋째\n");
  REQUIRE(paragraphs.size() == 3);
  CHECK(paragraphs[0] == "첫 문단입니다.\n같은 문단.");
  CHECK(paragraphs[1] == "둘째 문단");
  CHECK(paragraphs[2] == "셋째");
  CHECK(split_paragraphs("").empty());
  CHECK(split_paragraphs("\n\n  \n").empty());
  CHECK(split_paragraphs("한 줄") == std::vector<std::string_view>{"한 줄"});
}

TEST_CASE("decomposed Hangul from macOS exports is composed (NFC)") {
  // 한 as ᄒ + ᅡ + ᆫ (U+1112 U+1161 U+11AB)
  CHECK(normalize_line("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xEA\xB5\xAD") == "한국");
  CHECK(normalize_line("Cafe\xCC\x81") == "Caf\xC3\xA9");
  CHECK(normalize_line("  여러   칸\n줄바꿈\t탭 ") == "여러 칸 줄바꿈 탭");
  CHECK(normalize_text("a\r\nb\x01"
                       "c") == "a\nbc");
}

TEST_CASE("only http(s) and mailto addresses may become links") {
  CHECK(is_safe_link("https://www.pressian.com/pages/articles/1"));
  CHECK(is_safe_link("HTTP://example.org"));
  CHECK(is_safe_link("mailto:press@example.org"));
  CHECK_FALSE(is_safe_link("javascript:alert(1)"));
  CHECK_FALSE(is_safe_link("data:text/html,<script>"));
  CHECK_FALSE(is_safe_link("https://"));
  CHECK_FALSE(is_safe_link("attachments/1/a.jpg"));
}

TEST_CASE("HTML bodies become paragraphs with entities decoded and scripts gone") {
  const HtmlText html = html_to_text(
      "<p>전북&amp;카자흐 &lt;포럼&gt;</p><script>alert('x')</script><P>둘째<BR>줄 &#xD55C;&#44544;</P>"
      "<style>p{}</style><!-- <p>주석</p> --><div>셋째&nbsp;문단</div>");
  const auto paragraphs = split_paragraphs(html.text);
  REQUIRE(paragraphs.size() == 3);
  CHECK(paragraphs[0] == "전북&카자흐 <포럼>");
  CHECK(paragraphs[1] == "둘째\n줄 한글");
  CHECK(paragraphs[2] == "셋째 문단");
  CHECK(html.text.find("alert") == std::string::npos);
  CHECK(html.text.find("주석") == std::string::npos);
}

TEST_CASE("HTML links and images survive as text, and only safe links become links") {
  const HtmlText html = html_to_text(
      "<p>기사 <a href=\"https://www.pressian.com/a?b=1&amp;c=2\">원문 보기</a> 및 "
      "<a href='javascript:alert(1)'>위험한 링크</a></p>"
      "<p><img src=\"/data/editor/2312/photo.jpg\" alt=\"포럼 현장\"><IMG SRC=data:image/png;base64,xx></p>");
  REQUIRE(html.links.size() == 1);
  CHECK(html.links[0].title == "원문 보기");
  CHECK(html.links[0].url == "https://www.pressian.com/a?b=1&c=2");
  CHECK(html.text.find("위험한 링크") != std::string::npos);  // its text stays, not as a link
  REQUIRE(html.images.size() == 1);
  CHECK(html.images[0].title == "포럼 현장");
  CHECK(html.images[0].url == "/data/editor/2312/photo.jpg");
  CHECK(html.text.find("[이미지: 포럼 현장]") != std::string::npos);
}

// The import keeps text it is sure normalization would not change without decoding it
// (text_detail::already_normal, 16 bytes at a time natively and in the wasm SIMD build).
// It must say exactly what the byte-at-a-time rule says, whatever the text and wherever
// the 16-byte blocks fall: a wrong "normal" would put controls, decomposed Hangul or
// broken UTF-8 on screen.
TEST_CASE("the fast check for normal text agrees with the byte-at-a-time rule on any text and any cut") {
  // Every range edge of the rule, as bytes, with broken and random pieces between.
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "  ",
                                           "\n",
                                           "\t",
                                           "\r",
                                           std::string(1, '\0'),
                                           "\x1F",
                                           "\x7E",
                                           "\x7F",
                                           "\"",
                                           "\xC2\x9F",
                                           "\xC2\xA0",
                                           "\xC3\xA9",
                                           "\xCB\xBF",
                                           "\xCC\x80",
                                           "\xC1\xBF",
                                           "\xC0\x80",
                                           "\xE2\x80\x80",
                                           "\xE2\xBF\xBF",
                                           "\xE3\x80\x80",
                                           "\xE3\x82\x98",
                                           "\xE3\x82\x99",
                                           "\xE3\x83\x80",
                                           "\xE4\xB7\xBF",
                                           "\xE4\xB8\x80",
                                           "\xE9\xBF\xBF",
                                           "\xEA\x80\x80",
                                           "\xEA\xAF\xBF",
                                           "\xEA\xB0\x80",
                                           "\xEB\x80\x80",
                                           "\xEC\xBF\xBF",
                                           "\xED\x9D\xBF",
                                           "\xED\x9E\xA3",
                                           "\xED\x9E\xA4",
                                           "\xED\x9F\xBF",
                                           "\xED\xA0\x80",
                                           "\xEF\xBB\xBF",
                                           "\xEF\xBC\x80",
                                           "\xEF\xBF\xAF",
                                           "\xEF\xBF\xB0",
                                           "\xE0\xA0\x80",
                                           "\xE1\x84\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\x80",
                                           "\xBF",
                                           "\xEA\xB0",
                                           "\xED",
                                           "\xF8\x88\x80\x80\x80",
                                           "전북국제협력진흥원",
                                           "하힣퀀",
                                           "大韓民國",
                                           "0x3fa9c2",
                                           "QmFzZTY0+/=="};
  fuzz::Rng rng(20261206);
  const auto random_syllable = [&rng] {
    std::string s;
    append_utf8(s, static_cast<char32_t>(0xAC00 + rng.below(11172)));
    return s;
  };
  size_t compared = 0, normal = 0, compared_utf8 = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const size_t parts = 1 + rng.size_up_to(60);
    for (size_t i = 0; i < parts; ++i) {
      if (rng.chance(50))
        text += random_syllable();
      else if (rng.chance(90))
        text += rng.pick(pieces);
      else
        text += static_cast<char>(rng.below(256));
    }
    // Every start within the first 20 bytes and a random end: the blocks fall everywhere.
    for (size_t start = 0; start < std::min<size_t>(text.size(), 20); ++start) {
      const std::string_view view = std::string_view(text).substr(start, rng.below(text.size() - start + 1));
      for (const bool line : {false, true}) {
        const bool fast = text_detail::already_normal(view, line);
        INFO("line " << line << ", bytes " << view.size());
        REQUIRE(fast == text_detail::already_normal_scalar(view, line));
        // The check for a parser's strings, on every view that is valid UTF-8.
        if (find_invalid_utf8(view) == std::string_view::npos) {
          REQUIRE(text_detail::already_normal_utf8(view, line) == fast);
          ++compared_utf8;
        }
        ++compared;
        normal += fast;
      }
    }
  }
  // The generator reaches both answers often: a check that always said "careful" would pass
  // the comparison above only if the rule did too.
  CHECK(normal > compared / 20);
  CHECK(normal < compared - compared / 20);
  CHECK(compared_utf8 > compared / 10);

  // Long normal text (whole blocks of Hangul, hanja, hex, base64) is normal, and one bad
  // character anywhere in it makes it not, block edges included.
  std::string long_text;
  while (long_text.size() < 4096) long_text += rng.chance(80) ? random_syllable() : std::string(" 0x3fa9 大韓 QmFz");
  REQUIRE(text_detail::already_normal(long_text, false));
  REQUIRE(normalize_text(long_text) == long_text);
  // A carriage return, a control, a stray continuation byte (all changed by normalizing), a
  // combining mark and an unassigned Hangul code point (left to the careful path).
  const std::vector<std::pair<std::string, bool>> spoilers = {
      {"\r", true},          {"\x01", true}, {"\x80", true}, {"\xCC\x80", false}, {"\xED\x9E\xA4", false},
      {"\xED\xB0\x80", true}};  // a lone low surrogate, as simdjson writes \uDC00
  for (const auto& [bad, changes] : spoilers) {
    for (size_t at = 0; at < 200; ++at) {
      std::string spoiled = long_text;
      size_t cut = at;  // moved to the next character's start
      while (cut < spoiled.size() && (static_cast<unsigned char>(spoiled[cut]) & 0xC0) == 0x80) ++cut;
      spoiled.insert(cut, bad);
      CHECK_FALSE(text_detail::already_normal(spoiled, false));
      // A parser's string has no stray continuation byte; every other spoiler is refused.
      if (bad != "\x80") CHECK_FALSE(text_detail::already_normal_utf8(spoiled, false));
      if (changes) CHECK(normalize_text(spoiled) != spoiled);
    }
  }
}
