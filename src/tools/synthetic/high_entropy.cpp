// The high-entropy export (tools/synthetic_export.h): text no vocabulary of ours resembles,
// the way real boards also carry it (pasted hanja, file hashes, base64, mixed scripts).
// Every body mixes a few common words with random syllables over the whole Hangul block,
// hanja, hex and base64 runs, so the number of distinct bigrams grows with the board.
#include <string_view>

#include "core/text.h"
#include "tools/synthetic/json_writer.h"
#include "tools/synthetic/random.h"
#include "tools/synthetic_export.h"

namespace newsroom {
namespace synthetic {
namespace {

constexpr std::string_view kCommon[] = {"전북",       "국제",   "협력", "진흥원", "교류", "사업",   "지원",
                                        "카자흐스탄", "베트남", "청년", "기업",   "해외", "설명회", "개최"};
constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// One word: common (40 %), random Hangul syllables (35 %), hanja (10 %), hex (8 %), base64 (7 %).
void append_word(std::string& out, Rng& rng) {
  const uint32_t kind = rng.below(100);
  if (kind < 40) {
    out += kCommon[rng.below(std::size(kCommon))];
  } else if (kind < 75) {
    for (uint32_t i = rng.between(2, 4); i > 0; --i) append_utf8(out, 0xAC00 + rng.below(11172));
  } else if (kind < 85) {
    for (uint32_t i = rng.between(2, 4); i > 0; --i) append_utf8(out, 0x4E00 + rng.below(0x5200));
  } else if (kind < 93) {
    for (uint32_t i = rng.between(16, 40); i > 0; --i) out += kHex[rng.below(16)];
  } else {
    for (uint32_t i = rng.between(24, 64); i > 0; --i) out += kBase64[rng.below(64)];
    out += "==";
  }
}

}  // namespace
}  // namespace synthetic

std::string make_high_entropy_export(size_t article_count, uint64_t seed) {
  using namespace synthetic;
  std::string out = "{\n  \"format\": \"newsroom-export\",\n  \"version\": 1,\n  \"articles\": [";
  out.reserve(64 + article_count * 2400);
  std::string title, body;
  for (size_t i = 0; i < article_count; ++i) {
    Rng rng(mix64(seed * 0x100000001B3ULL + i));
    title.clear();
    for (uint32_t w = rng.between(3, 7); w > 0; --w) {
      append_word(title, rng);
      if (w > 1) title += ' ';
    }
    if (title.size() > 900) title.resize(900);  // under the one-line limit, at a word (ASCII or whole characters)
    body.clear();
    while (body.size() < 2200) {
      append_word(body, rng);
      body += rng.percent(3) ? "\n\n" : " ";
    }
    const int64_t id = static_cast<int64_t>(article_count - i);
    const int64_t published = kSyntheticEndInstant - 1 - static_cast<int64_t>(i) * 600;
    out += i ? ",\n    {" : "\n    {";
    out += "\"id\": ";
    append_int(out, id);
    out += ", \"published_at\": ";
    append_int(out, published);
    out += ", \"views\": ";
    append_int(out, rng.below(5000));
    out += ", \"title\": ";
    append_json_string(out, title);
    out += ", \"body\": ";
    append_json_string(out, body);
    out += "}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace newsroom
