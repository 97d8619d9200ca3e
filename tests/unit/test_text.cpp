#include <catch2/catch.hpp>

#include "core/text.h"
#include "io/text_normalize.h"

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
