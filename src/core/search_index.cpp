#include "core/search_index.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>

namespace newsroom::search_detail {

// ---------------------------------------------------------------------------------------
// GramIndex
// ---------------------------------------------------------------------------------------

GramIndex::Table::Table() : direct_(kDirect, 0), slots_(1024), mask_(1023) {}

uint32_t GramIndex::Table::insert(uint64_t k, size_t slot) {
  if (hashed_ >= kMaxHashedGrams) {
    overflowed_ = true;
    return kDropped;
  }
  if ((hashed_ + 1) * 2 > slots_.size()) {
    grow();
    slot = static_cast<size_t>((k * 0x9E3779B97F4A7C15ULL) >> 40) & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
  }
  const auto id = static_cast<uint32_t>(by_id_.size());
  slots_[slot] = Slot{k + 1, id};
  by_id_.push_back(k);
  ++hashed_;
  return id;
}

void GramIndex::Table::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t slot = static_cast<size_t>(((s.key - 1) * 0x9E3779B97F4A7C15ULL) >> 40) & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = s;
  }
}

void GramIndex::Table::renumber(const std::vector<uint32_t>& new_id) {
  for (uint32_t& d : direct_)
    if (d != 0) d = new_id[d - 1] == kDropped ? kDroppedSlot : new_id[d - 1] + 1;
  for (Slot& s : slots_)
    if (s.key != 0) s.id = new_id[s.id];  // kDropped for a gram left out: not inserted again
  std::vector<uint64_t> keys(by_id_.size());
  for (size_t id = 0; id < by_id_.size(); ++id) {
    if (new_id[id] != kDropped) keys[new_id[id]] = by_id_[id];
  }
  by_id_.swap(keys);
}

std::vector<GramIndex::Writer> GramIndex::plan(Building& b, Options options) {
  Table& table = b.table;
  std::vector<Counting>& counts = b.counts;
  const std::vector<uint32_t>& order = b.order;
  const uint64_t text_bytes = b.read;
  const std::vector<uint64_t>& keys = table.keys_by_id();
  counts.resize(keys.size());
  // Text that filled the table, or that has a distinct gram every few bytes, is mostly
  // grams of one document each (random syllables, hanja, hashes): such an index keeps only
  // its most frequent grams, one for every 64 bytes of text at most, each in two documents
  // or more (a query finds a gram left out in the text of the candidates the others leave),
  // and no positions. Small indexes are kept whole: they cost little.
  constexpr size_t kThinFrom = 4096, kBytesPerGramAtMost = 16, kBytesPerKeptGram = 64;
  const bool thin = table.overflowed() || (keys.size() > kThinFrom && keys.size() > text_bytes / kBytesPerGramAtMost);
  overflowed_ = table.overflowed();
  uint32_t df_above = 0;  // a gram stays when its df is above this (thin indexes)
  if (thin) {
    std::vector<uint32_t> dfs(keys.size());
    for (uint32_t id = 0; id < keys.size(); ++id) dfs[id] = counts[id].df;
    const size_t budget = text_bytes / kBytesPerKeptGram;
    df_above = 1;
    if (dfs.size() > budget) {
      std::nth_element(dfs.begin(), dfs.begin() + static_cast<std::ptrdiff_t>(budget), dfs.end(), std::greater<>());
      df_above = std::max(df_above, dfs[budget]);
    }
  }
  const size_t bitmap_bytes = words_per_bitmap_ * sizeof(uint64_t);
  const auto set_bytes = [&](const Counting& c) { return std::min<size_t>(c.bytes, bitmap_bytes); };
  // A thin index's trigrams only spare reading the text of documents that hold both their
  // bigrams; on such text they were most of the index (100k articles of random syllables:
  // 100 MB of 193). It keeps them within a share of the text, the rarest first (they narrow
  // the most for their size), the others left to the bigrams and the text.
  constexpr uint64_t kTextPerTrigramByte = 32;
  uint32_t trigram_df_at_most = UINT32_MAX;
  if (thin && options.trigrams) {
    std::vector<uint64_t> bytes_by_df(size_t{documents_} + 1, 0);
    for (uint32_t id = 0; id < keys.size(); ++id) {
      if ((keys[id] & kTrigram) && counts[id].df > df_above) bytes_by_df[counts[id].df] += set_bytes(counts[id]);
    }
    uint64_t total = 0;
    trigram_df_at_most = 0;
    for (uint32_t df = 1; df <= documents_ && total + bytes_by_df[df] <= text_bytes / kTextPerTrigramByte; ++df) {
      total += bytes_by_df[df];
      trigram_df_at_most = df;
    }
  }
  const auto kept = [&](uint32_t id) {
    return !thin || (counts[id].df > df_above && ((keys[id] & kTrigram) == 0 || counts[id].df <= trigram_df_at_most));
  };
  size_t kept_count = 0;
  for (const uint32_t id : order) kept_count += kept(id);
  keys_.resize(kept_count);
  entries_.resize(kept_count);
  std::vector<Writer> writers(kept_count);
  std::vector<uint32_t> slot_of_id(keys.size(), Table::kDropped);
  size_t words = 0, bytes = 0, stored = 0;
  // Trigram keys sort last, so their sets (rewritten by finish_trigrams) end each array.
  uint32_t slot = 0;
  for (const uint32_t id : order) {
    if (!kept(id)) {
      overflowed_ = true;  // find() no longer knows every gram that occurs
      continue;
    }
    const Counting& c = counts[id];
    slot_of_id[id] = slot;
    keys_[slot] = keys[id];
    Entry& e = entries_[slot];
    Writer& w = writers[slot];
    ++slot;
    const bool bitmap = c.bytes > bitmap_bytes;  // a bitmap is smaller than the delta list
    const bool positions =
        !thin && is_bigram(keys[id]) && c.df >= (bitmap ? options.positions_from : options.list_positions_from);
    e.df_and_flags = c.df | (positions ? Entry::kPositions : 0);
    if (bitmap) {
      e.df_and_flags |= Entry::kBitmap;
      e.offset = w.words = static_cast<uint32_t>(words);
      words += words_per_bitmap_;
      if (positions) {
        e.aux = w.cursor = static_cast<uint32_t>(stored);
        stored += c.df;
      }
    } else {
      e.offset = w.cursor = static_cast<uint32_t>(bytes);
      bytes += c.bytes + (positions ? c.df : 0);
    }
    w.flags = e.df_and_flags & (Entry::kBitmap | Entry::kPositions);
  }
  // The kept trigrams' filter: only a thin index leaves trigrams out (otherwise the filter
  // would say yes to every trigram asked), and only when they are few enough for it to say
  // no to most others (at most one bit in sixteen set).
  size_t kept_trigrams = 0;
  for (uint32_t s = 0; s < kept_count; ++s) kept_trigrams += (keys_[s] & kTrigram) != 0;
  b.kept_trigrams.clear();
  if (thin && options.trigrams && kept_trigrams <= (size_t{1} << Building::kKeptTrigramBits) / 16) {
    b.kept_trigrams.assign((size_t{1} << Building::kKeptTrigramBits) / 64, 0);
    for (uint32_t s = 0; s < kept_count; ++s) {
      if (!(keys_[s] & kTrigram)) continue;
      const uint64_t bit = Building::kept_trigram_bit(keys_[s]);
      b.kept_trigrams[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }
  std::vector<Counting>().swap(counts);
  table.renumber(slot_of_id);
  // Reserved now, zeroed a piece per call after (Building::Pass::allocate).
  for (auto* v : {&lists_, &positions_}) {
    v->clear();
    v->shrink_to_fit();
  }
  bitmaps_.clear();
  bitmaps_.shrink_to_fit();
  bitmaps_.reserve(words);
  lists_.reserve(bytes);
  positions_.reserve(stored);
  b.words = words;
  b.bytes = bytes;
  b.stored = stored;
  return writers;
}

const GramIndex::Entry* GramIndex::find(uint64_t gram_key) const {
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), gram_key);
  if (it == keys_.end() || *it != gram_key) return nullptr;
  return &entries_[static_cast<size_t>(it - keys_.begin())];
}

namespace {

// Calls f(doc) for each document of a delta list of `count` entries, each followed by a
// position byte when `positions`.
template <class F>
void decode_list(const uint8_t* p, uint32_t count, bool positions, F&& f) {
  uint32_t doc = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t v = *p & 0x7Fu;
    for (int shift = 7; *p++ & 0x80; shift += 7) v |= uint32_t{*p & 0x7Fu} << shift;
    doc = i == 0 ? v : doc + v;
    p += positions;
    f(doc);
  }
}

void append_varint(std::vector<uint8_t>& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

}  // namespace

void GramIndex::intersect(const Entry& entry, Bitset& inout, Bitset& scratch) const {
  std::vector<uint64_t>& words = inout.words();
  const uint32_t count = entry.exceptions() ? entry.aux : entry.df();
  if (entry.exceptions()) {  // inout &= not(exceptions)
    if (entry.bitmap()) {
      const uint64_t* bits = bitmaps_.data() + entry.offset;
      for (size_t w = 0; w < words.size(); ++w) words[w] &= ~bits[w];
    } else {
      decode_list(lists_.data() + entry.offset, count, false,
                  [&](uint32_t doc) { words[doc / 64] &= ~(uint64_t{1} << (doc % 64)); });
    }
    return;
  }
  if (entry.bitmap()) {
    const uint64_t* bits = bitmaps_.data() + entry.offset;
    for (size_t w = 0; w < words.size(); ++w) words[w] &= bits[w];
    return;
  }
  scratch.assign(inout.size(), false);
  std::vector<uint64_t>& out = scratch.words();
  decode_list(lists_.data() + entry.offset, count, entry.has_positions(),
              [&](uint32_t doc) { out[doc / 64] |= words[doc / 64] & (uint64_t{1} << (doc % 64)); });
  words.swap(out);
}

void GramIndex::members(const Entry& entry, Bitset& out) const {
  out.assign(documents_, false);
  std::vector<uint64_t>& words = out.words();
  if (entry.bitmap()) {
    std::copy_n(bitmaps_.begin() + entry.offset, words_per_bitmap_, words.begin());
    return;
  }
  decode_list(lists_.data() + entry.offset, entry.df(), entry.has_positions(),
              [&](uint32_t doc) { words[doc / 64] |= uint64_t{1} << (doc % 64); });
}

// Bytes of a set stored as a delta list, or as a bitmap if that is smaller.
size_t GramIndex::stored_size(const Bitset& set) const {
  size_t bytes = 0;
  uint32_t previous = 0;
  bool first = true;
  set.for_each([&](uint32_t doc) {
    bytes += varint_size(first ? doc : doc - previous);
    previous = doc;
    first = false;
  });
  return std::min(bytes, words_per_bitmap_ * sizeof(uint64_t) + 1);
}

// Writes a set as a delta list or, when that is larger, as a bitmap.
void GramIndex::store(const Bitset& set, Entry& entry, std::vector<uint64_t>& bitmaps,
                      std::vector<uint8_t>& lists) const {
  if (stored_size(set) > words_per_bitmap_ * sizeof(uint64_t)) {
    entry.df_and_flags |= Entry::kBitmap;
    entry.offset = static_cast<uint32_t>(bitmaps.size());
    bitmaps.insert(bitmaps.end(), set.words().begin(), set.words().end());
    return;
  }
  entry.offset = static_cast<uint32_t>(lists.size());
  uint32_t previous = 0;
  bool first = true;
  set.for_each([&](uint32_t doc) {
    append_varint(lists, first ? doc : doc - previous);
    previous = doc;
    first = false;
  });
}

// Each trigram's set, written directly by the build, is replaced by the smaller of itself
// and its exceptions (documents with both bigrams but not the trigram).
bool GramIndex::finish_trigrams(Trigrams& t, size_t slots) {
  if (!t.started) {
    t.started = true;
    const auto first = std::lower_bound(keys_.begin(), keys_.end(), kTrigram);
    t.next = static_cast<size_t>(first - keys_.begin());
    // Where the trigrams' sets begin in each array (they were laid out last).
    t.words_end = bitmaps_.size();
    t.bytes_end = lists_.size();
    for (size_t slot = t.next; slot < keys_.size(); ++slot) {
      const Entry& e = entries_[slot];
      if (e.bitmap())
        t.words_end = std::min<size_t>(t.words_end, e.offset);
      else
        t.bytes_end = std::min<size_t>(t.bytes_end, e.offset);
    }
    // The rewritten sets take about what the sets they replace took (never more in all):
    // room for that at once, where growing by doubling would leave the smaller blocks
    // behind as holes in the heap.
    t.bitmaps.reserve(bitmaps_.size() - t.words_end);
    t.lists.reserve(lists_.size() - t.bytes_end);
  }
  for (const size_t until = std::min(keys_.size(), t.next + slots); t.next < until; ++t.next) {
    const uint64_t k = keys_[t.next];
    const Entry* ab = find(key((k >> 42) & kNone, (k >> 21) & kNone));
    const Entry* bc = find(key((k >> 21) & kNone, k & kNone));
    Entry& e = entries_[t.next];
    const uint32_t df = e.df();
    members(e, t.direct);
    bool use_exceptions = false;
    if (ab && bc) {  // always, as both bigrams occur wherever the trigram does
      if (ab != t.first_seen) members(*ab, t.first_bigram);
      t.first_seen = ab;
      members(*bc, t.second_bigram);
      t.exceptions.assign(documents_, false);
      std::vector<uint64_t>& w = t.exceptions.words();
      for (size_t i = 0; i < w.size(); ++i)
        w[i] = t.first_bigram.words()[i] & t.second_bigram.words()[i] & ~t.direct.words()[i];
      use_exceptions = stored_size(t.exceptions) < stored_size(t.direct);
    }
    e = Entry{};
    if (use_exceptions) {
      e.df_and_flags = df | Entry::kExceptions;
      e.aux = static_cast<uint32_t>(t.exceptions.count());
      store(t.exceptions, e, t.bitmaps, t.lists);
    } else {
      e.df_and_flags = df;
      store(t.direct, e, t.bitmaps, t.lists);
    }
    e.offset += static_cast<uint32_t>(e.bitmap() ? t.words_end : t.bytes_end);
  }
  if (t.next < keys_.size()) return false;
  // The rewritten sets replace the old ones at each array's end: over them where they fit
  // (no second block of the array at once), else in one block of the exact size.
  const auto replace_end = [](auto& array, size_t keep, auto& rewritten) {
    if (keep + rewritten.size() <= array.capacity()) {
      array.resize(keep);
      array.insert(array.end(), rewritten.begin(), rewritten.end());
    } else {
      std::remove_reference_t<decltype(array)> whole;
      whole.reserve(keep + rewritten.size());
      whole.insert(whole.end(), array.begin(), array.begin() + static_cast<std::ptrdiff_t>(keep));
      whole.insert(whole.end(), rewritten.begin(), rewritten.end());
      array.swap(whole);
    }
    std::remove_reference_t<decltype(rewritten)>().swap(rewritten);
  };
  replace_end(bitmaps_, t.words_end, t.bitmaps);
  replace_end(lists_, t.bytes_end, t.lists);
  return true;
}

// ---------------------------------------------------------------------------------------
// Finder
// ---------------------------------------------------------------------------------------

namespace {

// Case-equivalence classes of bytes: a capital ASCII letter with its small letter, and the
// second byte of a Latin-1 capital (C3 80..C3 9E, not × C3 97) with the small letter's.
// Coarser than real matching (a continuation byte is grouped whatever precedes it), which
// only makes Horspool's skips shorter, never wrong.
struct ByteClasses {
  uint8_t of[256];
  constexpr ByteClasses() : of() {
    for (int b = 0; b < 256; ++b) of[b] = static_cast<uint8_t>(b);
    for (int b = 'A'; b <= 'Z'; ++b) of[b] = static_cast<uint8_t>(b + 0x20);
    for (int b = 0x80; b <= 0x9E; ++b)
      if (b != 0x97) of[b] = static_cast<uint8_t>(b + 0x20);
  }
};
constexpr ByteClasses kClasses;

}  // namespace

Finder::Finder(std::string_view folded_needle) : needle_(folded_needle) {
  const size_t m = needle_.size();
  const auto* n = reinterpret_cast<const unsigned char*>(needle_.data());
  for (size_t j = 0; j < m; ++j) {
    if ((n[j] >= 'a' && n[j] <= 'z') || (j > 0 && n[j - 1] == 0xC3 && n[j] >= 0xA0 && n[j] <= 0xBE && n[j] != 0xB7)) {
      folds_ = true;
    }
  }
  const uint8_t longest = static_cast<uint8_t>(std::min<size_t>(m, 255));
  std::memset(skip_, longest, sizeof skip_);
  for (size_t j = 0; j + 1 < m; ++j) {
    const uint8_t cls = folds_ ? kClasses.of[n[j]] : n[j];
    skip_[cls] = static_cast<uint8_t>(std::min<size_t>(m - 1 - j, 255));
  }
}

bool Finder::matches_at(const unsigned char* at) const {
  const auto* n = reinterpret_cast<const unsigned char*>(needle_.data());
  const size_t m = needle_.size();
  if (!folds_) return std::memcmp(at, n, m) == 0;
  for (size_t j = 0; j < m; ++j) {
    const unsigned char t = at[j];
    if (t == n[j]) continue;
    if (t >= 'A' && t <= 'Z' && t + 0x20 == n[j]) continue;
    if (j > 0 && n[j - 1] == 0xC3 && t >= 0x80 && t <= 0x9E && t != 0x97 && t + 0x20 == n[j]) continue;
    return false;
  }
  return true;
}

size_t Finder::find(std::string_view text, size_t from) const {
  const size_t m = needle_.size();
  if (from > text.size()) return std::string_view::npos;
  if (m == 0) return from;
  if (text.size() - from < m) return std::string_view::npos;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const auto* n = reinterpret_cast<const unsigned char*>(needle_.data());
  const unsigned char last = n[m - 1];
  const size_t end = text.size();
  if (!folds_) {
    for (size_t i = from + m - 1; i < end; i += skip_[t[i]]) {
      if (t[i] == last && std::memcmp(t + i + 1 - m, n, m - 1) == 0) return i + 1 - m;
    }
    return std::string_view::npos;
  }
  const uint8_t last_class = kClasses.of[last];
  for (size_t i = from + m - 1; i < end; i += skip_[kClasses.of[t[i]]]) {
    if (kClasses.of[t[i]] == last_class && matches_at(t + i + 1 - m)) return i + 1 - m;
  }
  return std::string_view::npos;
}

}  // namespace newsroom::search_detail
