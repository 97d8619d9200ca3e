#include "core/related.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/text.h"

namespace newsroom {
namespace {

enum class Script : uint8_t { none, hangul, han, latin, other };

Script script_of(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return alnum ? Script::latin : Script::none;
  }
  if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E))
    return Script::hangul;
  if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x3FFFF))
    return Script::han;
  // Punctuation, symbols, arrows, shapes, CJK punctuation, private use, emoji, U+FFFD:
  // between words, never in one.
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
      (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
    return Script::none;
  return Script::other;
}

// What follows a Korean noun without changing what it is about: particles (은/는, 이/가,
// 을/를, 의, 에, 에서, 으로, 와/과, 도, 만, 까지, 부터, 에게, 께서 and their pairs) and the
// endings that make a verb of it (하는, 했다, 한다, 되었다…). Stripped only when two syllables
// or more remain, so 회의, 국가, 제도 and 결과 stay whole.
constexpr std::string_view kEndings[] = {
    "은",     "는",     "이",       "가",       "을",       "를",         "의",        "에",     "로",     "와",
    "과",     "도",     "만",       "한",       "된",       "할",         "함",        "해",     "에서",   "으로",
    "까지",   "부터",   "에게",     "께서",     "하는",     "했다",       "한다",      "하고",   "하며",   "하여",
    "해서",   "하기",   "하게",     "하면",     "된다",     "되는",       "됐다",      "되어",   "에는",   "에도",
    "와의",   "과의",   "로는",     "로도",     "로서",     "로써",       "이며",      "이고",   "이다",   "이나",
    "처럼",   "보다",   "마다",     "라는",     "에서는",   "에서도",     "에서의",    "으로는", "으로도", "으로서",
    "으로써", "에게는", "까지는",   "부터는",   "했으며",   "하였다",     "되었다",    "입니다", "합니다", "됩니다",
    "이라는", "이라고", "하였으며", "되었으며", "했습니다", "되었습니다", "하였습니다"};
constexpr size_t kLongestEnding = 5;  // syllables
constexpr size_t kSyllableBytes = 3;  // every Hangul code point is three bytes of UTF-8

// The code point of a three-byte UTF-8 sequence.
char32_t three_byte_code_point(std::string_view three) {
  return ((three[0] & 0x0Fu) << 12) | ((three[1] & 0x3Fu) << 6) | (three[2] & 0x3Fu);
}

struct Endings {
  std::unordered_set<std::string_view> all{std::begin(kEndings), std::end(kEndings)};
  std::vector<bool> last_syllable = std::vector<bool>(0x10000);  // some ending ends with it: most words end otherwise
  Endings() {
    for (const std::string_view ending : kEndings)
      last_syllable[three_byte_code_point(ending.substr(ending.size() - 3))] = true;
  }
};

const Endings& endings() {
  static const Endings table;
  return table;
}

// A Hangul word without its ending, or empty when fewer than two syllables remain.
std::string_view hangul_stem(std::string_view word) {
  const size_t syllables = word.size() / kSyllableBytes;
  if (syllables < 2) return {};
  const auto strip = [](std::string_view w) {
    const size_t count = w.size() / kSyllableBytes;
    if (count <= 2) return w;
    const Endings& table = endings();
    if (!table.last_syllable[three_byte_code_point(w.substr(w.size() - kSyllableBytes))]) return w;
    for (size_t n = std::min(kLongestEnding, count - 2); n > 0; --n) {
      if (table.all.count(w.substr(w.size() - n * kSyllableBytes))) return w.substr(0, w.size() - n * kSyllableBytes);
    }
    return w;
  };
  std::string_view stem = strip(word);
  // 기업들의 → 기업들 → 기업: the plural goes too.
  if (stem.size() >= 3 * kSyllableBytes && stem.substr(stem.size() - kSyllableBytes) == "들")
    stem.remove_suffix(kSyllableBytes);
  return stem;
}

// Calls emit(term) for each word of `text` as RelatedIndex compares them. `scratch` holds a
// folded Latin word for the call.
template <class Emit>
void for_each_term(std::string_view text, std::string& scratch, Emit&& emit) {
  Script run = Script::none;
  size_t begin = 0, code_points = 0;
  const auto finish = [&](size_t end) {
    const std::string_view word = text.substr(begin, end - begin);
    switch (run) {
      case Script::hangul:
        if (const std::string_view stem = hangul_stem(word); !stem.empty()) emit(stem);
        break;
      case Script::latin:
        // Hashes, base64 and serial numbers are long and never a topic.
        if (word.size() >= 2 && word.size() <= 24) {
          scratch.assign(word);
          for (char& c : scratch) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
          emit(std::string_view(scratch));
        }
        break;
      case Script::han:
        if (code_points <= 16) emit(word);
        break;
      case Script::other:
        if (code_points >= 2 && code_points <= 24) emit(word);
        break;
      case Script::none: break;
    }
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    // ASCII and three-byte sequences (Hangul, hanja: most of a board) are read here, the
    // rest by decode_utf8. Board text is valid UTF-8; were it not, a malformed three-byte
    // sequence would only be read as some letter or separator.
    const auto lead = static_cast<unsigned char>(text[pos]);
    char32_t cp = 0;
    Script script = Script::none;
    if (lead < 0x80) {
      script = script_of(lead);
      ++pos;
    } else if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size() && (text[pos + 1] & 0xC0) == 0x80 &&
               (text[pos + 2] & 0xC0) == 0x80) {
      script = script_of(three_byte_code_point(text.substr(pos, 3)));
      pos += 3;
    } else {
      script = decode_utf8(text, pos, cp) ? script_of(cp) : Script::none;
    }
    if (script != run) {
      finish(at);
      run = script;
      begin = at;
      code_points = 0;
    }
    ++code_points;
  }
  finish(text.size());
}

uint64_t hash_term(std::string_view term) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a finalizer so both halves are well mixed
  for (const char c : term) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::string_view body_lead(std::string_view body) { return body.substr(0, RelatedIndex::kBodyBytes); }

// Scores are integers, so that their sums are the same in any order: a word weighs up to
// kUnit in each article (whose whole vector has unit length), a shared word kUnit² at most.
constexpr uint32_t kUnit = 4095;
constexpr double kFull = static_cast<double>(kUnit) * kUnit;
constexpr size_t kMaxTags = 16;  // per article: bounds the score's sum

}  // namespace

std::vector<std::string> related_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::string scratch;
  for_each_term(text, scratch, [&](std::string_view term) { terms.emplace_back(term); });
  return terms;
}

struct RelatedIndex::Impl {
  enum class Stage { counting, choosing, counting_postings, filling, done };

  const Board* board = nullptr;
  uint32_t size = 0;
  Stage stage = Stage::counting;
  uint32_t next = 0;  // the next article of the stage
  size_t text_bytes = 0, bytes_read = 0;

  // While building: document frequencies in a count-min sketch (two rows of saturating
  // counts, the smaller of the two read): bounded memory whatever the vocabulary (pasted
  // codes and names add a new word every few bytes), never below the true count.
  std::vector<uint16_t> sketch;
  uint64_t sketch_mask = 0;
  std::unordered_map<uint64_t, uint32_t> term_ids, tag_ids;
  std::vector<std::pair<uint64_t, uint32_t>> counted;  // one article's words: hash, weight in tf
  std::vector<uint64_t> hashes;
  std::string scratch;

  // Each article's kept words (id, weight), sorted by hash, and its tags' ids, sorted by hash.
  std::vector<uint32_t> term_offsets{0}, terms;
  std::vector<uint16_t> weights;
  std::vector<uint32_t> tag_offsets{0}, tags;
  // The postings: for each word or tag, the articles that keep it.
  std::vector<uint32_t> posting_offsets, posting_articles;
  std::vector<uint16_t> posting_weights;
  std::vector<uint32_t> tag_posting_offsets, tag_posting_articles, tag_weights;

  uint32_t df(uint64_t hash) const {
    const uint32_t a = sketch[hash & sketch_mask], b = sketch[(sketch_mask + 1) + ((hash >> 32) & sketch_mask)];
    return std::min({a, b, size});
  }

  void start() {
    size = static_cast<uint32_t>(board->size());
    for (uint32_t i = 0; i < size; ++i) text_bytes += board->title(i).size() + body_lead(board->body(i)).size();
    // About a bucket per four bytes of text, so that collisions stay rare on ordinary text.
    size_t width = 1024;
    while (width < (size_t{1} << 21) && width < text_bytes / 4) width <<= 1;
    sketch.assign(2 * width, 0);
    sketch_mask = width - 1;
    term_offsets.reserve(size + 1);
    tag_offsets.reserve(size + 1);
    terms.reserve(size_t{size} * kTermsPerArticle / 2);
    weights.reserve(size_t{size} * kTermsPerArticle / 2);
  }

  size_t read_article(uint32_t article) {
    hashes.clear();
    counted.clear();
    const std::string_view title = board->title(article), body = body_lead(board->body(article));
    for_each_term(title, scratch, [&](std::string_view term) { counted.emplace_back(hash_term(term), 3); });
    for_each_term(body, scratch, [&](std::string_view term) { counted.emplace_back(hash_term(term), 1); });
    std::sort(counted.begin(), counted.end());
    // Runs of one word become one entry with its count.
    size_t out = 0;
    for (size_t i = 0; i < counted.size(); ++out) {
      uint32_t count = 0;
      const uint64_t hash = counted[i].first;
      for (; i < counted.size() && counted[i].first == hash; ++i) count += counted[i].second;
      counted[out] = {hash, count};
    }
    counted.resize(out);
    return title.size() + body.size();
  }

  void count_article(uint32_t article) {
    bytes_read += read_article(article);
    for (const auto& [hash, count] : counted) {
      uint16_t& a = sketch[hash & sketch_mask];
      uint16_t& b = sketch[(sketch_mask + 1) + ((hash >> 32) & sketch_mask)];
      if (a < UINT16_MAX) ++a;
      if (b < UINT16_MAX) ++b;
    }
    // Tags: exact ids (a board has few distinct tags), each article's distinct ones.
    hashes.clear();
    for (const TextRef& tag : board->tags_of(article)) {
      std::string folded(board->text(tag));
      for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (!folded.empty()) hashes.push_back(hash_term(folded));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.size() > kMaxTags) hashes.resize(kMaxTags);
    for (const uint64_t hash : hashes) {
      tags.push_back(tag_ids.emplace(hash, static_cast<uint32_t>(tag_ids.size())).first->second);
    }
    tag_offsets.push_back(static_cast<uint32_t>(tags.size()));
  }

  void choose_terms(uint32_t article) {
    bytes_read += read_article(article);
    struct Candidate {
      double weight;
      uint64_t hash;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(counted.size());
    // The length is the whole article's, words in no other article included: an article
    // whose only shared words are ones every article has stays far from the others.
    const double documents = static_cast<double>(size) + 1;
    double norm = 0;
    for (const auto& [hash, count] : counted) {
      const uint32_t frequency = df(hash);
      const double weight = (1 + std::log(static_cast<double>(count))) * std::log(documents / std::max(1u, frequency));
      norm += weight * weight;
      if (frequency >= 2) candidates.push_back({weight, hash});  // else in no other article: relates nothing
    }
    norm = std::sqrt(norm);
    const size_t keep = std::min(candidates.size(), kTermsPerArticle);
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                      [](const Candidate& x, const Candidate& y) {
                        return x.weight != y.weight ? x.weight > y.weight : x.hash < y.hash;
                      });
    candidates.resize(keep);
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& x, const Candidate& y) { return x.hash < y.hash; });
    for (const Candidate& c : candidates) {
      const auto weight = static_cast<uint16_t>(std::lround(kUnit * c.weight / norm));
      if (weight == 0) continue;
      terms.push_back(term_ids.emplace(c.hash, static_cast<uint32_t>(term_ids.size())).first->second);
      weights.push_back(weight);
    }
    term_offsets.push_back(static_cast<uint32_t>(terms.size()));
  }

  // Postings are laid out by counting: a pass that counts each word's articles, then one
  // that writes them, both a range of articles per step.
  void finish_choosing() {
    posting_offsets.assign(term_ids.size() + 1, 0);
    tag_posting_offsets.assign(tag_ids.size() + 1, 0);
    std::vector<uint16_t>().swap(sketch);
    std::unordered_map<uint64_t, uint32_t>().swap(term_ids);
    std::unordered_map<uint64_t, uint32_t>().swap(tag_ids);
    std::vector<std::pair<uint64_t, uint32_t>>().swap(counted);
    std::vector<uint64_t>().swap(hashes);
  }

  void count_postings(uint32_t article) {
    for (uint32_t slot = term_offsets[article]; slot < term_offsets[article + 1]; ++slot)
      ++posting_offsets[terms[slot] + 1];
    for (uint32_t slot = tag_offsets[article]; slot < tag_offsets[article + 1]; ++slot)
      ++tag_posting_offsets[tags[slot] + 1];
  }

  void finish_counting_postings() {
    for (size_t i = 1; i < posting_offsets.size(); ++i) posting_offsets[i] += posting_offsets[i - 1];
    for (size_t i = 1; i < tag_posting_offsets.size(); ++i) tag_posting_offsets[i] += tag_posting_offsets[i - 1];
    posting_articles.resize(terms.size());
    posting_weights.resize(terms.size());
    tag_posting_articles.resize(tags.size());
    // A tag weighs by its rarity: ln((N+1)/df) / ln(N+1), 1 for a tag of two articles on a large
    // board, near 0 for a tag every article has.
    const size_t tag_count = tag_posting_offsets.size() - 1;
    tag_weights.resize(tag_count);
    const double documents = static_cast<double>(size) + 1;
    for (size_t tag = 0; tag < tag_count; ++tag) {
      const double frequency = tag_posting_offsets[tag + 1] - tag_posting_offsets[tag];
      const double rarity = std::log(documents / frequency) / std::log(documents);
      tag_weights[tag] = static_cast<uint32_t>(std::lround(kTagShare * kFull * rarity));
    }
    cursor = posting_offsets;
    tag_cursor = tag_posting_offsets;
  }
  std::vector<uint32_t> cursor, tag_cursor;

  void fill_postings(uint32_t article) {
    for (uint32_t slot = term_offsets[article]; slot < term_offsets[article + 1]; ++slot) {
      const uint32_t at = cursor[terms[slot]]++;
      posting_articles[at] = article;
      posting_weights[at] = weights[slot];
    }
    for (uint32_t slot = tag_offsets[article]; slot < tag_offsets[article + 1]; ++slot)
      tag_posting_articles[tag_cursor[tags[slot]]++] = article;
  }

  bool step(size_t byte_budget) {
    size_t spent = 0;
    // Laying out postings costs about what reading this many bytes of text does.
    constexpr size_t kSlotCost = 64;
    while (stage != Stage::done && spent < byte_budget) {
      if (next == size) {
        next = 0;
        switch (stage) {
          case Stage::counting: stage = Stage::choosing; break;
          case Stage::choosing:
            finish_choosing();
            stage = Stage::counting_postings;
            break;
          case Stage::counting_postings:
            finish_counting_postings();
            stage = Stage::filling;
            break;
          case Stage::filling:
            std::vector<uint32_t>().swap(cursor);
            std::vector<uint32_t>().swap(tag_cursor);
            stage = Stage::done;
            break;
          case Stage::done: break;
        }
        continue;
      }
      const uint32_t article = next++;
      const size_t before = bytes_read;
      switch (stage) {
        case Stage::counting: count_article(article); break;
        case Stage::choosing: choose_terms(article); break;
        case Stage::counting_postings: count_postings(article); break;
        case Stage::filling: fill_postings(article); break;
        case Stage::done: break;
      }
      spent += stage == Stage::counting || stage == Stage::choosing ? bytes_read - before + 1 : kSlotCost;
    }
    return stage == Stage::done;
  }
};

RelatedIndex::RelatedIndex(const Board& board, InSlices) : impl_(std::make_unique<Impl>()) {
  impl_->board = &board;
  impl_->start();
}

RelatedIndex::RelatedIndex(const Board& board) : RelatedIndex(board, InSlices{}) {
  while (!build(SIZE_MAX)) {
  }
}

RelatedIndex::~RelatedIndex() = default;

bool RelatedIndex::build(size_t byte_budget) { return impl_->step(byte_budget); }

bool RelatedIndex::complete() const { return impl_->stage == Impl::Stage::done; }

double RelatedIndex::progress() const {
  if (complete()) return 1.0;
  return 0.95 * static_cast<double>(impl_->bytes_read) /
         static_cast<double>(std::max<size_t>(1, 2 * impl_->text_bytes));
}

std::vector<uint32_t> RelatedIndex::related(uint32_t article, size_t count) const {
  const Impl& x = *impl_;
  if (!complete() || article >= x.size || count == 0) return {};
  std::vector<uint32_t> score(x.size, 0);
  for (uint32_t slot = x.term_offsets[article]; slot < x.term_offsets[article + 1]; ++slot) {
    const uint32_t term = x.terms[slot], weight = x.weights[slot];
    for (uint32_t at = x.posting_offsets[term]; at < x.posting_offsets[term + 1]; ++at)
      score[x.posting_articles[at]] += weight * x.posting_weights[at];
  }
  for (uint32_t slot = x.tag_offsets[article]; slot < x.tag_offsets[article + 1]; ++slot) {
    const uint32_t tag = x.tags[slot], weight = x.tag_weights[tag];
    for (uint32_t at = x.tag_posting_offsets[tag]; at < x.tag_posting_offsets[tag + 1]; ++at)
      score[x.tag_posting_articles[at]] += weight;
  }
  score[article] = 0;

  // The best `count` by score, then the newer: a handful kept sorted as the scores go by.
  const Board& board = *x.board;
  const uint16_t category = board.category_of(article);
  const auto category_bonus = static_cast<uint32_t>(std::lround(kCategoryShare * kFull));
  struct Candidate {
    uint32_t score, article;
  };
  std::vector<Candidate> best;
  best.reserve(count + 1);
  const auto better = [&board](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : board.newer(a.article, b.article);
  };
  for (uint32_t other = 0; other < x.size; ++other) {
    if (score[other] == 0) continue;
    Candidate c{score[other] + (board.category_of(other) == category ? category_bonus : 0), other};
    if (best.size() == count && !better(c, best.back())) continue;
    best.insert(std::upper_bound(best.begin(), best.end(), c, better), c);
    if (best.size() > count) best.pop_back();
  }
  std::vector<uint32_t> out;
  out.reserve(best.size());
  for (const Candidate& c : best) out.push_back(c.article);
  return out;
}

size_t RelatedIndex::memory_bytes() const {
  const Impl& x = *impl_;
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return sizeof(Impl) + bytes(x.sketch) + bytes(x.term_offsets) + bytes(x.terms) + bytes(x.weights) +
         bytes(x.tag_offsets) + bytes(x.tags) + bytes(x.posting_offsets) + bytes(x.posting_articles) +
         bytes(x.posting_weights) + bytes(x.tag_posting_offsets) + bytes(x.tag_posting_articles) +
         bytes(x.tag_weights) + (x.term_ids.size() + x.tag_ids.size()) * 32;
}

}  // namespace newsroom
