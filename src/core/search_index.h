// Internals of the query engine (core/search.cpp): bit sets over articles, the n-gram
// postings, and a case-insensitive substring finder. Not part of the engine's interface.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsroom {
class ImageReader;
class ImageWriter;
}  // namespace newsroom

namespace newsroom::search_detail {

// ---------------------------------------------------------------------------------------
// Code points
// ---------------------------------------------------------------------------------------

// Whitespace that separates query terms and that 초성 matching ignores: ASCII whitespace,
// no-break space, the Unicode space separators and the ideographic space of Korean IMEs.
constexpr bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// fold_case for one code point: A–Z and À–Þ (not ×) to lower case; the byte length stays.
constexpr char32_t fold_code_point(char32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
  return cp;
}

// Decodes the code point at `pos` of text the board holds (valid UTF-8, normalized at
// import) and advances past it. Never reads out of bounds; a malformed byte decodes as
// itself and advances by one, so even unchecked input cannot trap it.
inline char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = p[pos];
  const size_t left = text.size() - pos;
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  if (lead >= 0xE0 && lead < 0xF0 && left >= 3) {
    const char32_t cp = (char32_t{lead & 0x0Fu} << 12) | (char32_t{p[pos + 1] & 0x3Fu} << 6) | (p[pos + 2] & 0x3Fu);
    pos += 3;
    return cp;
  }
  if (lead >= 0xC0 && lead < 0xE0 && left >= 2) {
    const char32_t cp = (char32_t{lead & 0x1Fu} << 6) | (p[pos + 1] & 0x3Fu);
    pos += 2;
    return cp;
  }
  if (lead >= 0xF0 && left >= 4) {
    const char32_t cp = (char32_t{lead & 0x07u} << 18) | (char32_t{p[pos + 1] & 0x3Fu} << 12) |
                        (char32_t{p[pos + 2] & 0x3Fu} << 6) | (p[pos + 3] & 0x3Fu);
    pos += 4;
    return cp & 0x1FFFFF;
  }
  ++pos;
  return lead;
}

// ---------------------------------------------------------------------------------------
// A set of article indices, one bit each.
// ---------------------------------------------------------------------------------------

class Bitset {
 public:
  Bitset() = default;
  Bitset(size_t size, bool value) { assign(size, value); }

  void assign(size_t size, bool value) {
    size_ = size;
    words_.assign((size + 63) / 64, value ? ~uint64_t{0} : 0);
    if (value && size_ % 64 && !words_.empty()) words_.back() &= (uint64_t{1} << (size_ % 64)) - 1;
  }
  size_t size() const { return size_; }
  bool test(size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  void set(size_t i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void clear() { std::fill(words_.begin(), words_.end(), 0); }

  void and_not(const Bitset& other) {
    for (size_t w = 0; w < words_.size(); ++w) words_[w] &= ~other.words_[w];
  }
  void or_with(const Bitset& other) {
    for (size_t w = 0; w < words_.size(); ++w) words_[w] |= other.words_[w];
  }
  size_t count() const {
    size_t n = 0;
    for (uint64_t w : words_) n += static_cast<size_t>(std::popcount(w));
    return n;
  }
  bool none() const {
    for (uint64_t w : words_)
      if (w) return false;
    return true;
  }
  // Calls f(index) for every member, in increasing order.
  template <class F>
  void for_each(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t bits = words_[w]; bits; bits &= bits - 1) f(static_cast<uint32_t>(w * 64 + std::countr_zero(bits)));
    }
  }
  // Keeps the members for which keep(index) is true.
  template <class F>
  void retain_if(F&& keep) {
    for (size_t w = 0; w < words_.size(); ++w) {
      uint64_t kept = words_[w];
      for (uint64_t bits = words_[w]; bits; bits &= bits - 1) {
        const int bit = std::countr_zero(bits);
        if (!keep(static_cast<uint32_t>(w * 64 + static_cast<size_t>(bit)))) kept &= ~(uint64_t{1} << bit);
      }
      words_[w] = kept;
    }
  }
  std::vector<uint64_t>& words() { return words_; }
  const std::vector<uint64_t>& words() const { return words_; }
  size_t memory_bytes() const { return words_.capacity() * sizeof(uint64_t); }

 private:
  size_t size_ = 0;
  std::vector<uint64_t> words_;
};

// A sort a piece per call (a page keeps drawing): sorted chunks, then merges of
// neighbouring runs. The orders' comparisons are total, so the result is std::sort's.
struct SortInSlices {
  static constexpr size_t kChunk = 8192;
  size_t width = 0, at = 0;  // width 0: still sorting chunks
  template <class Less>
  bool step(std::vector<uint32_t>& v, Less less) {
    if (width == 0) {
      const size_t end = std::min(v.size(), at + kChunk);
      std::sort(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(end), less);
      at = end;
      if (at < v.size()) return false;
      width = kChunk;
      at = 0;
    } else {
      const size_t mid = std::min(v.size(), at + width), end = std::min(v.size(), at + 2 * width);
      std::inplace_merge(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(mid),
                         v.begin() + static_cast<std::ptrdiff_t>(end), less);
      at = end;
      if (at >= v.size()) {
        width *= 2;
        at = 0;
      }
    }
    if (width < v.size()) return false;
    *this = {};
    return true;
  }
};

// ---------------------------------------------------------------------------------------
// Postings of the unigrams, bigrams and (optionally) trigrams of a sequence of symbols per
// document: the case-folded code points of titles or bodies, or the consonant codes of
// titles' 초성 shadows. A query term of one, two or three symbols is answered exactly by
// its postings; a longer one gets candidates that the caller confirms in the text.
//
// Every set of documents is stored in whichever form is smaller: a bitmap over all
// documents (dense grams such as 진흥 or 다.) or document-number deltas as LEB128 varints.
// A trigram ABC is usually (nearly) implied by its bigrams — most documents that hold AB
// and BC hold ABC — so it is stored either as its own set or, when smaller, as the
// exceptions: documents holding AB and BC but not ABC.
//
// The gram table holds at most kMaxHashedGrams grams beyond the Basic Multilingual Plane's
// unigrams. Realistic Korean text stays far below it; text of high entropy (random
// syllables over the whole Hangul block, hanja, hashes, base64) would otherwise give every
// document hundreds of grams no other has, and an index many times the text. Grams first
// seen once the table is full are not indexed, nor, then, grams of a single document:
// overflowed() says so, and a query that needs one verifies its candidates in the text
// instead (exact all the same).
//
// A bigram found in at least `positions_from` documents also keeps, per document, where it
// first occurs: one byte, the byte offset shifted right by position_shift(text length)
// (exact in texts under 256 bytes, within 2^k bytes in longer ones), so that a long term
// is confirmed at the first occurrence of its rarest bigram rather than by reading the
// text from the start.
// ---------------------------------------------------------------------------------------

// Shift that brings every byte offset of a text of `length` bytes under 256.
inline uint32_t position_shift(size_t length) {
  const int width = std::bit_width(length);
  return width > 8 ? static_cast<uint32_t>(width - 8) : 0;
}

class GramIndex {
 public:
  static constexpr uint32_t kBreak = 0xFFFFFFFFu;  // a symbol no gram may contain
  static constexpr uint64_t kNone = 0x1FFFFFu;     // second half of a unigram's key
  static constexpr uint64_t kTrigram = uint64_t{1} << 63;
  static constexpr size_t kMaxHashedGrams = size_t{1} << 18;

  struct Entry {
    uint32_t df_and_flags = 0;  // documents containing the gram; flags in the top bits
    uint32_t offset = 0;        // of the stored set in bitmaps_ (words) or lists_ (bytes)
    uint32_t aux = 0;           // positions: offset in positions_ (bitmaps); exceptions: their count
    static constexpr uint32_t kBitmap = 0x80000000u, kPositions = 0x40000000u, kExceptions = 0x20000000u;
    uint32_t df() const { return df_and_flags & 0x1FFFFFFFu; }
    bool bitmap() const { return (df_and_flags & kBitmap) != 0; }
    bool has_positions() const { return (df_and_flags & kPositions) != 0; }
    bool exceptions() const { return (df_and_flags & kExceptions) != 0; }
  };

  struct Options {
    uint32_t positions_from = UINT32_MAX;       // bigrams in at least this many documents keep positions
    uint32_t list_positions_from = UINT32_MAX;  // ... the same for bigrams stored as delta lists
    bool trigrams = false;
  };

  // length_of(doc): the byte length of document doc's text. for_each_symbol(doc, emit)
  // calls emit(symbol, byte_offset) for each of its symbols in order (each < 2^21, or
  // kBreak, which no gram spans); it is called twice per document, the same both times.
  template <class LengthOf, class ForEachSymbol>
  void build(uint32_t documents, LengthOf&& length_of, ForEachSymbol&& for_each_symbol, Options options) {
    while (!build_step(documents, length_of, for_each_symbol, options, SIZE_MAX)) {
    }
  }
  // The same build in slices: each call reads documents until about `byte_budget` bytes of
  // text were read (the first call starts the build; the same arguments every call);
  // true once the index is complete. The two steps between the passes (sorting the grams,
  // rewriting trigram sets) are each taken whole.
  template <class LengthOf, class ForEachSymbol>
  bool build_step(uint32_t documents, LengthOf&& length_of, ForEachSymbol&& for_each_symbol, Options options,
                  size_t byte_budget);
  // Bytes of text a build in slices has read so far, over both passes.
  uint64_t build_position() const { return building_ ? building_->read : 0; }

  static uint64_t key(uint64_t a) { return (a << 21) | kNone; }
  static uint64_t key(uint64_t a, uint64_t b) { return (a << 21) | b; }
  static uint64_t key(uint64_t a, uint64_t b, uint64_t c) { return kTrigram | (a << 42) | (b << 21) | c; }
  const Entry* find(uint64_t gram_key) const;
  uint32_t documents() const { return documents_; }
  size_t grams() const { return keys_.size(); }
  // Grams were left out (the table was full, or the text had a new gram every few bytes):
  // a gram find() does not know may still occur.
  bool overflowed() const { return overflowed_; }
  bool has_trigrams() const { return trigrams_; }
  // Work to combine a set with this entry, in rough steps.
  uint64_t cost(const Entry& e) const { return e.bitmap() ? words_per_bitmap_ / 4 : (e.exceptions() ? e.aux : e.df()); }

  // inout &= documents containing the gram. For a trigram stored as exceptions, inout must
  // already be within its two bigrams' documents. scratch is working space.
  void intersect(const Entry& entry, Bitset& inout, Bitset& scratch) const;
  // For each document of `among` that has the bigram (in increasing order), calls
  // visit(doc, stored) with its stored first-occurrence position. Needs has_positions().
  template <class Visit>
  void for_each_position(const Entry& entry, const Bitset& among, Visit&& visit) const;

  // A built index in a board image (core/search_image.cpp); load() checks that every set
  // it reads lies within its arrays.
  void save(ImageWriter& out) const;
  bool load(ImageReader& in);

  size_t memory_bytes() const {
    return keys_.capacity() * sizeof(uint64_t) + entries_.capacity() * sizeof(Entry) +
           bitmaps_.capacity() * sizeof(uint64_t) + lists_.capacity() + positions_.capacity();
  }

 private:
  // The builder's gram table: key -> dense id in order of first sight. Unigrams of the
  // Basic Multilingual Plane by direct lookup, the rest by open addressing.
  class Table {
   public:
    Table();
    static constexpr uint32_t kDropped = UINT32_MAX;  // a gram the full table did not take
    uint32_t unigram(uint32_t a) {
      if (a < kDirect) {
        uint32_t& slot = direct_[a];
        if (slot == kDroppedSlot) return kDropped;
        if (slot == 0) {
          by_id_.push_back(key(a));
          slot = static_cast<uint32_t>(by_id_.size());
        }
        return slot - 1;
      }
      return id(key(a));
    }
    uint32_t id(uint64_t k) {
      size_t slot = static_cast<size_t>((k * 0x9E3779B97F4A7C15ULL) >> 40) & mask_;
      for (;;) {
        const Slot& here = slots_[slot];
        if (here.key == k + 1) return here.id;
        if (here.key == 0) return insert(k, slot);
        slot = (slot + 1) & mask_;
      }
    }
    const std::vector<uint64_t>& keys_by_id() const { return by_id_; }
    bool overflowed() const { return overflowed_; }
    // Renumbers every id through new_id (after the ids were sorted by key).
    void renumber(const std::vector<uint32_t>& new_id);

   private:
    static constexpr uint32_t kDirect = 0x10000;
    static constexpr uint32_t kDroppedSlot = UINT32_MAX;  // in direct_: a unigram left out
    struct Slot {
      uint64_t key = 0;  // key + 1; 0 is empty
      uint32_t id = 0;
    };
    uint32_t insert(uint64_t k, size_t slot);
    void grow();
    std::vector<uint32_t> direct_;  // id + 1 of BMP unigrams; 0: unseen
    std::vector<Slot> slots_;
    std::vector<uint64_t> by_id_;
    size_t hashed_ = 0, mask_ = 0;
    bool overflowed_ = false;
  };
  struct Counting {                        // pass 1
    uint32_t df = 0, bytes = 0, last = 0;  // last: document + 1 of the last posting
  };
  // Pass 2 writes each set through its writer: a bitmap's word, or a list's next bytes, are
  // gathered in `word` and stored once full (or at the pass's end). A set is written a
  // posting at a time, the sets of a document lying far apart, so a store straight into
  // the set costs a cache miss at nearly every posting; this way, one per word.
  struct Writer {         // pass 2: all it needs in one place
    uint32_t last = 0;    // document + 1 of the last posting
    uint32_t cursor = 0;  // a list's next byte in lists_ (after those held), or next position in positions_
    uint32_t words = 0;   // a bitmap's offset in bitmaps_; a list's bytes held in `word`
    uint32_t flags = 0;   // Entry's
    uint64_t word = 0;    // a bitmap: the word of the last posting; a list: its bytes held, first lowest
  };
  struct Trigrams {  // finish_trigrams() between its calls
    bool started = false;
    size_t next = 0;                      // the next trigram slot
    size_t words_end = 0, bytes_end = 0;  // where the trigrams' sets began in each array
    std::vector<uint64_t> bitmaps;
    std::vector<uint8_t> lists;
    Bitset direct, first_bigram, second_bigram, exceptions;
    const Entry* first_seen = nullptr;  // trigrams sort by their first bigram: decoded once
  };
  struct Building {  // a build in slices between its calls
    enum class Pass { count, sort, allocate, write, trigrams } pass = Pass::count;
    uint32_t next = 0;  // the next document of the pass
    uint64_t read = 0;  // bytes of text read, both passes
    Table table;
    std::vector<Counting> counts;
    std::vector<uint32_t> order;  // gram ids, sorted by key a piece per call
    SortInSlices sorting;
    size_t words = 0, bytes = 0, stored = 0;  // the sizes plan() laid out, zeroed a piece per call
    std::vector<Writer> writers;
    // The write pass's filter of the trigrams plan() kept, when few (a thin index keeps
    // about one in a thousand): a bit per hashed key, so most trigrams are never looked up
    // in the table (a cache miss each). Empty: every trigram is looked up.
    std::vector<uint64_t> kept_trigrams;
    static constexpr unsigned kKeptTrigramBits = 20;  // 128 KB: within a core's cache
    static uint64_t kept_trigram_bit(uint64_t trigram_key) {
      return (trigram_key * 0xC2B2AE3D27D4EB4FULL) >> (64 - kKeptTrigramBits);
    }
    bool may_be_kept(uint64_t trigram_key) const {
      const uint64_t bit = kept_trigram_bit(trigram_key);
      return kept_trigrams.empty() || ((kept_trigrams[bit >> 6] >> (bit & 63)) & 1);
    }
    Trigrams trigrams;
  };
  // A list writer's held bytes into lists_ (Writer).
  void store_held(Writer& w) {
    for (uint32_t i = 0; i < w.words; ++i) lists_[w.cursor++] = static_cast<uint8_t>(w.word >> (8 * i));
    w.word = 0;
    w.words = 0;
  }
  static uint32_t varint_size(uint32_t v) {
    return v < (1u << 7) ? 1 : v < (1u << 14) ? 2 : v < (1u << 21) ? 3 : v < (1u << 28) ? 4 : 5;
  }
  static bool is_bigram(uint64_t k) { return (k & kTrigram) == 0 && (k & kNone) != kNone; }
  // The layout of every set, from the counts, in key order (b.order: ids sorted by key).
  std::vector<Writer> plan(Building& b, Options options);
  void members(const Entry& entry, Bitset& out) const;
  size_t stored_size(const Bitset& set) const;
  void store(const Bitset& set, Entry& entry, std::vector<uint64_t>& bitmaps, std::vector<uint8_t>& lists) const;
  // Rewrites up to `slots` trigram sets; true once all are done.
  bool finish_trigrams(Trigrams& t, size_t slots);

  uint32_t documents_ = 0;
  bool trigrams_ = false;
  bool overflowed_ = false;
  size_t words_per_bitmap_ = 0;
  std::vector<uint64_t> keys_;  // sorted
  std::vector<Entry> entries_;  // parallel to keys_
  std::vector<uint64_t> bitmaps_;
  std::vector<uint8_t> lists_;          // per document: varint delta, then the position byte if any
  std::vector<uint8_t> positions_;      // of bitmap bigrams, one byte per member in document order
  std::unique_ptr<Building> building_;  // while a build in slices goes on
};

template <class LengthOf, class ForEachSymbol>
bool GramIndex::build_step(uint32_t documents, LengthOf&& length_of, ForEachSymbol&& for_each_symbol, Options options,
                           size_t byte_budget) {
  if (!building_) {
    building_ = std::make_unique<Building>();
    documents_ = documents;
    trigrams_ = options.trigrams;
    words_per_bitmap_ = (documents + 63) / 64;
  }
  Building& b = *building_;
  Table& table = b.table;
  // Visits the grams of a document at each occurrence, in document order.
  const auto each_gram = [&](uint32_t doc, auto&& visit) {
    const uint32_t shift = position_shift(length_of(doc));
    uint32_t p1 = kBreak, p2 = kBreak, o1 = 0;
    bool pair_kept = false;  // the bigram (p2, p1) has an id (so neither is kBreak)
    for_each_symbol(doc, [&](uint32_t s, uint32_t offset) {
      if (s == kBreak) {
        p1 = p2 = kBreak;
        pair_kept = false;
        return;
      }
      const auto keep = [&](uint32_t id, uint32_t position) {
        if (id != Table::kDropped) visit(id, position);
      };
      keep(table.unigram(s), 0u);
      bool kept_now = false;
      if (p1 != kBreak) {
        const uint32_t bigram = table.id(key(p1, s));
        kept_now = bigram != Table::kDropped;
        keep(bigram, o1 >> shift);
        // A trigram has an id only if both its bigrams have one: they were seen first (a
        // full table took neither it nor the trigram after), and are in at least as many
        // documents (plan() never keeps it without them). So the lookup, a cache miss on
        // high-entropy text, is spared when either has none.
        if (options.trigrams && pair_kept && kept_now) {
          const uint64_t trigram = key(p2, p1, s);
          if (b.may_be_kept(trigram)) keep(table.id(trigram), 0u);
        }
      }
      pair_kept = kept_now;
      p2 = p1;
      p1 = s;
      o1 = offset;
    });
  };
  // Reads documents of the current pass until the budget: true once the pass is done.
  size_t read = 0;
  const auto pass = [&](auto&& visit) {
    for (; b.next < documents && read < byte_budget; ++b.next) {
      const uint32_t doc = b.next;
      const size_t length = length_of(doc) + 1;
      read += length;
      b.read += length;
      each_gram(doc, [&](uint32_t id, uint32_t position) { visit(doc, id, position); });
    }
    return b.next == documents;
  };
  if (b.pass == Building::Pass::count) {
    // Pass 1: document frequency and the size of each delta list.
    std::vector<Counting>& counts = b.counts;
    const bool counted = pass([&](uint32_t doc, uint32_t id, uint32_t) {
      if (id >= counts.size()) counts.resize(id + 1);
      Counting& c = counts[id];
      if (c.last == doc + 1) return;
      c.bytes += varint_size(c.df == 0 ? doc : doc - (c.last - 1));
      ++c.df;
      c.last = doc + 1;
    });
    if (!counted) return false;
    b.order.resize(table.keys_by_id().size());
    for (uint32_t id = 0; id < b.order.size(); ++id) b.order[id] = id;
    b.pass = Building::Pass::sort;
    return false;
  }
  if (b.pass == Building::Pass::sort) {
    // The grams in key order, a piece per call: with the table full, one sort of it all
    // would hold the page for longer than a frame.
    const std::vector<uint64_t>& keys = table.keys_by_id();
    if (!b.sorting.step(b.order, [&keys](uint32_t x, uint32_t y) { return keys[x] < keys[y]; })) return false;
    b.writers = plan(b, options);  // from here on, ids are slots of entries_
    std::vector<uint32_t>().swap(b.order);
    b.pass = Building::Pass::allocate;
    return false;
  }
  if (b.pass == Building::Pass::allocate) {
    // The sets' zeroed space, a few MB per call (for a large board it is hundreds of MB,
    // whose zeroing alone would hold a frame).
    constexpr size_t kZeroedPerCall = size_t{8} << 20;
    size_t budget = kZeroedPerCall;
    const auto grow = [&budget](auto& v, size_t size) {
      // The whole size at once (zeroed a piece at a time): grown a piece at a time, the
      // array would be copied at each doubling and leave its smaller blocks as holes.
      v.reserve(size);
      const size_t add = std::min(size - v.size(), budget / sizeof(v[0]));
      v.resize(v.size() + add);
      budget -= add * sizeof(v[0]);
      return v.size() == size;
    };
    const bool allocated = grow(bitmaps_, b.words) && grow(lists_, b.bytes) && grow(positions_, b.stored);
    if (!allocated) return false;
    b.pass = Building::Pass::write;
    b.next = 0;
    return false;
  }
  if (b.pass == Building::Pass::write) {
    // Pass 2: write the sets (the first visit in a document is the first occurrence).
    std::vector<Writer>& writers = b.writers;
    const bool written = pass([&](uint32_t doc, uint32_t id, uint32_t position) {
      Writer& w = writers[id];
      if (w.last == doc + 1) return;
      if (w.flags & Entry::kBitmap) {
        if (w.last != 0 && (w.last - 1) / 64 != doc / 64) {
          bitmaps_[w.words + (w.last - 1) / 64] = w.word;
          w.word = 0;
        }
        w.word |= uint64_t{1} << (doc % 64);
        if (w.flags & Entry::kPositions) positions_[w.cursor++] = static_cast<uint8_t>(position);
      } else {
        const auto put = [this, &w](uint32_t byte) {
          w.word |= uint64_t{byte & 0xFF} << (8 * w.words);
          if (++w.words == 8) store_held(w);
        };
        uint32_t v = w.last == 0 ? doc : doc - (w.last - 1);
        while (v >= 0x80) {
          put(v | 0x80);
          v >>= 7;
        }
        put(v);
        if (w.flags & Entry::kPositions) put(position);
      }
      w.last = doc + 1;
    });
    if (!written) return false;
    for (Writer& w : writers) {
      if (!(w.flags & Entry::kBitmap)) {
        store_held(w);
      } else if (w.last != 0) {
        bitmaps_[w.words + (w.last - 1) / 64] = w.word;
      }
    }
    b.pass = Building::Pass::trigrams;
    // The gram table and the writers are done with: the trigram sets are rewritten from
    // the stored sets alone, so their memory goes before that pass needs its own.
    b.table = Table();
    std::vector<Writer>().swap(b.writers);
    std::vector<uint64_t>().swap(b.kept_trigrams);
  }
  // Each trigram's set is compared with its bigrams' over every document: slices of work
  // in proportion to the budget.
  const size_t slots = std::max<size_t>(1, byte_budget / (32 * std::max<size_t>(1, words_per_bitmap_)));
  if (options.trigrams && !finish_trigrams(b.trigrams, slots)) return false;
  building_.reset();
  return true;
}

template <class Visit>
void GramIndex::for_each_position(const Entry& entry, const Bitset& among, Visit&& visit) const {
  const std::vector<uint64_t>& wanted = among.words();
  if (entry.bitmap()) {
    const uint64_t* bits = bitmaps_.data() + entry.offset;
    const uint8_t* stored = positions_.data() + entry.aux;
    uint32_t rank = 0;
    for (size_t w = 0; w < wanted.size(); ++w) {
      const uint64_t have = bits[w];
      for (uint64_t hit = wanted[w] & have; hit; hit &= hit - 1) {
        const int bit = std::countr_zero(hit);
        const uint64_t below = have & ((uint64_t{1} << bit) - 1);
        visit(static_cast<uint32_t>(w * 64 + static_cast<size_t>(bit)),
              uint32_t{stored[rank + static_cast<uint32_t>(std::popcount(below))]});
      }
      rank += static_cast<uint32_t>(std::popcount(have));
    }
    return;
  }
  const uint8_t* p = lists_.data() + entry.offset;
  uint32_t doc = 0;
  for (uint32_t i = 0, count = entry.df(); i < count; ++i) {
    uint32_t v = *p & 0x7Fu;
    for (int shift = 7; *p++ & 0x80; shift += 7) v |= uint32_t{*p & 0x7Fu} << shift;
    doc = i == 0 ? v : doc + v;
    const uint32_t position = *p++;
    if (among.test(doc)) visit(doc, position);
  }
}

// ---------------------------------------------------------------------------------------
// Finds a case-folded needle in text as the board stores it (not folded), comparing the
// way fold_case folds (ASCII and Latin-1 capitals), without allocating. Horspool's
// algorithm over bytes; skips are computed on case-equivalence classes.
// ---------------------------------------------------------------------------------------

class Finder {
 public:
  Finder() = default;
  explicit Finder(std::string_view folded_needle);
  size_t find(std::string_view text, size_t from = 0) const;
  bool in(std::string_view text) const { return find(text) != std::string_view::npos; }
  size_t size() const { return needle_.size(); }

 private:
  bool matches_at(const unsigned char* at) const;
  std::string needle_;
  bool folds_ = false;  // the needle holds letters with a capital form
  uint8_t skip_[256] = {};
};

}  // namespace newsroom::search_detail
