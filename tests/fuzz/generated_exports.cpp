// Whole exports of every shape the importer detects, records valid and not (generators.h).
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/generators.h"

// GCC 12 warns falsely on "literal" + std::string once it is inlined (a bug of the compiler's).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace newsroom::fuzz {

namespace {

// The value as given, or (one time in six) one likely to find a mistake in its place.
std::string maybe_odd(Rng& rng, std::string value) { return rng.one_in(6) ? interesting_value(rng) : value; }

// One record of the project's export, fields present or not, valid or not.
std::string article_record(Rng& rng, size_t ids) {
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
std::string gnuboard_row(Rng& rng, size_t ids) {
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

std::string small_record(Rng& rng, size_t ids, Shape shape) {
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

}  // namespace

std::string generated_export(Rng& rng, size_t max_size) {
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

}  // namespace newsroom::fuzz
