// The query engine: a Query run on the index of a board (search_build.cpp builds it).
//
//  - A query narrows a bit set of articles term by term, cheapest term first. A term of
//    up to three characters is answered by its postings alone; a longer one gets the
//    intersection of its grams' postings as candidates, each confirmed by a real
//    case-insensitive substring search (search_detail::Finder) in the text, starting where
//    its rarest bigram first occurs. So is any term with a gram an overflowed index left
//    out (GramIndex::overflowed()). Excluded terms then remove their matches. Filters
//    are applied around that, and the facets counted, in one pass over the matches.
//  - Display order walks a prebuilt permutation keeping matches: no comparison sort at
//    query time. Relevance is a counting sort by title hits along the newest-first order.
//    The matches of the last query are kept, so changing only the sort costs one walk.
#include "core/search.h"

#include <algorithm>
#include <mutex>

#include "core/search_internal.h"

namespace newsroom {

using search_detail::Bitset;
using search_detail::consonants_only;
using search_detail::Finder;
using search_detail::GramIndex;
using search_detail::GramRef;
using search_detail::Item;
using search_detail::MatchKey;
using search_detail::Needle;
using search_detail::next_code_point;
using search_detail::shadow_code;

namespace {

Needle make_needle(std::string_view text, bool shadow) {
  Needle needle;
  std::string codes;
  size_t pos = 0;
  while (pos < text.size()) {
    needle.offsets.push_back(static_cast<uint32_t>(shadow ? codes.size() : pos));
    const char32_t cp = next_code_point(text, pos);
    if (shadow) codes += static_cast<char>(shadow_code(cp));
    needle.symbols.push_back(shadow ? shadow_code(cp) : cp);
  }
  needle.finder = Finder(shadow ? std::string_view(codes) : text);
  return needle;
}

Item make_item(std::string text, bool choseong) {
  Item item;
  item.choseong = choseong;
  item.literal = make_needle(text, false);
  if (choseong) item.initials = make_needle(text, true);
  item.text = std::move(text);
  return item;
}

MatchKey key_of(const Query& q) {
  return MatchKey{q.text,        q.field,     q.categories, q.from, q.to, q.author, q.tag, q.with_attachments,
                  q.pinned_only, q.views_min, q.views_max};
}

}  // namespace

// The most documents a term's rarest gram may leave, for choosing the order of terms.
uint64_t SearchIndex::Impl::estimate(const Item& item, SearchField field) const {
  const auto rarest = [](const GramIndex& index, const std::vector<char32_t>& symbols) -> uint64_t {
    // A gram the index does not know: none has it, or (overflowed) it was not indexed.
    const uint64_t unknown = index.overflowed() ? index.documents() : 0;
    if (symbols.empty()) return index.documents();
    if (symbols.size() == 1) {
      const GramIndex::Entry* e = index.find(GramIndex::key(symbols[0]));
      return e ? e->df() : unknown;
    }
    uint64_t best = index.documents();
    for (size_t i = 0; i + 1 < symbols.size(); ++i) {
      const GramIndex::Entry* e = index.find(GramIndex::key(symbols[i], symbols[i + 1]));
      best = std::min<uint64_t>(best, e ? e->df() : unknown);
    }
    return best;
  };
  // Postings not built yet: the term will be read in every candidate's text.
  const auto rarest_of = [&](const GramIndex& index, Stage built_after, const std::vector<char32_t>& symbols) {
    return ready(index, built_after) ? rarest(index, symbols) : uint64_t{n};
  };
  if (field == SearchField::author) return 0;
  if (item.choseong && field != SearchField::body) return rarest_of(initials, Stage::initials, item.initials.symbols);
  uint64_t cost = 0;
  if (field != SearchField::body) cost += rarest_of(titles, Stage::titles, item.literal.symbols);
  if (field != SearchField::title) {
    uint64_t in_bodies = 0;
    for (int k = 0; k < body_shards; ++k)
      in_bodies += rarest_of(bodies[static_cast<size_t>(k)], Stage::bodies, item.literal.symbols);
    cost += std::min<uint64_t>(in_bodies, n);
  }
  return cost;
}

// m &= documents whose text (text_of) contains the needle. Reads the text of every
// document in m when that is cheaper than the postings; otherwise combines the postings of
// the needle's grams, which is the answer up to three characters, and confirms longer
// needles in each candidate, from the first occurrence of their rarest bigram if known.
void SearchIndex::Impl::narrow_text(const GramIndex* built, const Needle& needle, Bitset& m, size_t average_bytes,
                                    std::string_view (Impl::*text_of)(uint32_t) const) const {
  const std::vector<char32_t>& s = needle.symbols;
  if (s.empty()) return;
  if (!built) {  // the postings are being built: every candidate's text is read
    scanned_ = true;
    m.retain_if([&](uint32_t doc) { return needle.finder.in((this->*text_of)(doc)); });
    return;
  }
  const GramIndex& index = *built;
  using Gram = GramRef;
  std::vector<Gram> grams, trigrams;
  if (s.size() == 1) grams.push_back({index.find(GramIndex::key(s[0])), 0});
  for (size_t i = 0; i + 1 < s.size(); ++i)
    grams.push_back({index.find(GramIndex::key(s[i], s[i + 1])), needle.offsets[i]});
  if (index.has_trigrams()) {
    for (size_t i = 0; i + 2 < s.size(); ++i)
      trigrams.push_back({index.find(GramIndex::key(s[i], s[i + 1], s[i + 2])), 0});
  }
  const auto missing = [](const Gram& g) { return g.entry == nullptr; };
  const bool unknown =
      std::any_of(grams.begin(), grams.end(), missing) || std::any_of(trigrams.begin(), trigrams.end(), missing);
  if (unknown && !index.overflowed()) {
    m.clear();  // a gram no document has
    return;
  }
  // An overflowed index left some grams out: the others narrow, the text decides.
  grams.erase(std::remove_if(grams.begin(), grams.end(), missing), grams.end());
  trigrams.erase(std::remove_if(trigrams.begin(), trigrams.end(), missing), trigrams.end());
  const auto by_df = [](const Gram& a, const Gram& b) { return a.entry->df() < b.entry->df(); };
  std::stable_sort(grams.begin(), grams.end(), by_df);
  std::stable_sort(trigrams.begin(), trigrams.end(), by_df);
  const Finder& finder = needle.finder;
  // Postings cost about a step per listed document or per four bitmap words; reading the
  // text about a Horspool step per needle length. Few documents left: read them.
  uint64_t postings = 0;
  for (const Gram& g : grams) postings += index.cost(*g.entry);
  for (const Gram& g : trigrams) postings += index.cost(*g.entry);
  const uint64_t per_doc =
      std::max<uint64_t>(1, average_bytes / std::max<size_t>(1, std::min<size_t>(finder.size(), 24)));
  if (grams.empty() || m.count() * per_doc < postings) {
    m.retain_if([&](uint32_t doc) { return finder.in((this->*text_of)(doc)); });
    return;
  }
  // Trigrams stored directly are the smallest sets: first. Those stored as exceptions
  // need both their bigrams applied first.
  for (const Gram& g : trigrams)
    if (!g.entry->exceptions()) index.intersect(*g.entry, m, scratch);
  const GramIndex::Entry* previous = nullptr;
  for (const Gram& g : grams) {
    if (g.entry != previous) index.intersect(*g.entry, m, scratch);
    previous = g.entry;
  }
  for (const Gram& g : trigrams)
    if (g.entry->exceptions()) index.intersect(*g.entry, m, scratch);
  if (!unknown && s.size() <= (index.has_trigrams() ? 3u : 2u)) return;  // the postings are the answer
  confirm(index, grams, m, text_of, finder);
}

// Keeps the documents of m whose text holds the needle. With a bigram that has positions,
// each text is searched from where the needle could first start; otherwise from its start.
void SearchIndex::Impl::confirm(const GramIndex& index, const std::vector<GramRef>& grams, Bitset& m,
                                std::string_view (Impl::*text_of)(uint32_t) const, const Finder& finder) const {
  const GramRef* hint = nullptr;
  for (const GramRef& g : grams) {
    if (g.entry->has_positions()) {
      hint = &g;
      break;
    }
  }
  Bitset& confirmed = scratch;
  confirmed.assign(m.size(), false);
  // Candidates are confirmed in batches: the texts are scattered over the board's arena,
  // so the first byte of each batch member is loaded up front, letting the processor
  // fetch them from memory in parallel rather than one cache miss after another.
  constexpr size_t kBatch = 32;
  struct Pending {
    uint32_t doc;
    uint32_t from;
    std::string_view text;
  };
  Pending batch[kBatch];
  size_t pending = 0;
  const auto flush = [&] {
    unsigned sum = 0;
    for (size_t i = 0; i < pending; ++i)
      if (batch[i].from < batch[i].text.size()) sum += static_cast<unsigned char>(batch[i].text[batch[i].from]);
    touched_ += sum;
    for (size_t i = 0; i < pending; ++i)
      if (finder.find(batch[i].text, batch[i].from) != std::string_view::npos) confirmed.set(batch[i].doc);
    pending = 0;
  };
  const auto add = [&](uint32_t doc, size_t from) {
    batch[pending++] = {doc, static_cast<uint32_t>(from), (this->*text_of)(doc)};
    if (pending == kBatch) flush();
  };
  if (hint) {
    index.for_each_position(*hint->entry, m, [&](uint32_t doc, uint32_t stored) {
      // The hint first occurs at or after stored << shift, so no match of the needle
      // starts before that minus the hint's place in the needle.
      const size_t from = size_t{stored} << search_detail::position_shift((this->*text_of)(doc).size());
      add(doc, from > hint->at ? from - hint->at : 0);
    });
  } else {
    m.for_each([&](uint32_t doc) { add(doc, 0); });
  }
  flush();
  m.words().swap(confirmed.words());
}

void SearchIndex::Impl::narrow_author(const Item& item, Bitset& m) const {
  std::vector<uint8_t> hit(authors.size());
  for (size_t a = 0; a < authors.size(); ++a) {
    hit[a] = item.literal.finder.in(folded_authors[a]) || (item.choseong && item.initials.finder.in(author_shadows[a]));
  }
  m.retain_if([&](uint32_t doc) { return hit[author_of[doc]] != 0; });
}

// m &= documents the item matches in the field; score counts title hits.
void SearchIndex::Impl::narrow(const Item& item, SearchField field, Bitset& m, std::vector<uint16_t>* score) const {
  if (field == SearchField::author) return narrow_author(item, m);
  const size_t n_docs = std::max<size_t>(1, n);
  const size_t title_avg = title_bytes / n_docs + 1, body_avg = body_bytes / n_docs + 1;
  const auto add_score = [score](const Bitset& hits) {
    if (!score) return;
    hits.for_each([score](uint32_t doc) {
      if ((*score)[doc] != UINT16_MAX) ++(*score)[doc];
    });
  };
  if (item.choseong && field != SearchField::body) {  // 초성 of titles
    narrow_text(ready(initials, Stage::initials), item.initials, m, shadow.size() / n_docs + 1, &Impl::title_shadow);
    add_score(m);
    return;
  }
  const GramIndex* title_postings = ready(titles, Stage::titles);
  if (field == SearchField::title) {
    narrow_text(title_postings, item.literal, m, title_avg, &Impl::title);
    add_score(m);
    return;
  }
  if (field == SearchField::body) {  // (a 초성 term too, as plain text)
    narrow_bodies(item.literal, m, body_avg);
    return;
  }
  // Title or body: the title first (short), then the body of the rest.
  Bitset in_title = m;
  narrow_text(title_postings, item.literal, in_title, title_avg, &Impl::title);
  add_score(in_title);
  m.and_not(in_title);
  narrow_bodies(item.literal, m, body_avg);
  m.or_with(in_title);
}

// narrow_text over the bodies: each shard's postings for the documents of its range.
void SearchIndex::Impl::narrow_bodies(const Needle& needle, Bitset& m, size_t average_bytes) const {
  const GramIndex* built = ready(bodies[0], Stage::bodies);
  if (!built || body_shards == 1) return narrow_text(built, needle, m, average_bytes, &Impl::body);
  Bitset matched(n, false);
  for (int k = 0; k < body_shards; ++k) {
    // The shard's documents of m: whole words, as shards begin at multiples of 64.
    Bitset part(n, false);
    const size_t first = shard_begin(k) / 64, last = (shard_end(k) + 63) / 64;
    std::copy(m.words().begin() + static_cast<std::ptrdiff_t>(first),
              m.words().begin() + static_cast<std::ptrdiff_t>(last),
              part.words().begin() + static_cast<std::ptrdiff_t>(first));
    if (part.none()) continue;
    narrow_text(&bodies[static_cast<size_t>(k)], needle, part, average_bytes, &Impl::body);
    matched.or_with(part);
  }
  m = std::move(matched);
}

// Which categories the query keeps (all when it names none).
std::vector<uint8_t> SearchIndex::Impl::category_mask(const Query& q) const {
  std::vector<uint8_t> ok(board->category_names().size(), q.categories.empty() ? 1 : 0);
  for (const uint16_t c : q.categories)
    if (c < ok.size()) ok[c] = 1;
  return ok;
}

bool SearchIndex::Impl::in_period(const Query& q, uint32_t doc) const {
  const int64_t t = board->published_at(doc);
  return (!q.from || t >= *q.from) && (!q.to || t < *q.to);
}

// The documents any count can include: every filter but category and date, and at least
// one of those two (the facets lift one each).
Bitset SearchIndex::Impl::filtered(const Query& q) const {
  const Board& b = *board;
  std::optional<uint32_t> author;
  bool author_missing = false;
  if (!q.author.empty()) {
    const auto it = std::find(authors.begin(), authors.end(), q.author);
    if (it == authors.end())
      author_missing = true;
    else
      author = static_cast<uint32_t>(it - authors.begin());
  }
  const std::vector<uint8_t> category_ok = category_mask(q);
  const bool category_filter = !q.categories.empty(), date_filter = q.from || q.to;
  Bitset m(n, !author_missing);
  const bool views_filter = q.views_min || q.views_max;
  if (!author_missing &&
      (author || q.with_attachments || q.pinned_only || views_filter || (category_filter && date_filter))) {
    m.retain_if([&](uint32_t doc) {
      if (author && author_of[doc] != *author) return false;
      if (views_filter &&
          ((q.views_min && b.views(doc) < *q.views_min) || (q.views_max && b.views(doc) >= *q.views_max)))
        return false;
      if (q.with_attachments && !(flags[doc] & kAttachments)) return false;
      if (q.pinned_only && !(flags[doc] & kPinned)) return false;
      if (category_filter && date_filter) return category_ok[b.category_of(doc)] || in_period(q, doc);
      return true;
    });
  }
  return m;
}

// m &= documents matching the text: required items, cheapest first, then exclusions among
// what is left; title hits counted in `score`.
void SearchIndex::Impl::match_text(const Query& q, const ParsedQuery& parsed, Bitset& m,
                                   std::vector<uint16_t>& score) const {
  std::vector<Item> items;
  for (const std::string& t : parsed.terms) items.push_back(make_item(t, false));
  for (const std::string& t : parsed.phrases) items.push_back(make_item(t, false));
  for (const std::string& t : parsed.choseong) items.push_back(make_item(t, true));
  for (Item& item : items) item.cost = estimate(item, q.field);
  std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.cost < y.cost; });
  for (const Item& item : items) {
    if (m.none()) break;
    narrow(item, q.field, m, &score);
  }
  for (const std::string& t : parsed.excluded) {
    if (m.none()) break;
    const Item item = make_item(t, consonants_only(t));
    Bitset hit = m;
    narrow(item, q.field, hit, nullptr);
    m.and_not(hit);
  }
}

// Filters and facets in one pass over the matches: the state a query leaves. Category,
// dates and tag are applied here, each facet counting with its own filter lifted.
void SearchIndex::Impl::count(const Query& q, const Bitset& m, State& s) const {
  const Board& b = *board;
  const std::vector<uint8_t> category_ok = category_mask(q);
  const std::optional<uint32_t> tag = q.tag.empty() ? std::nullopt : tags.find(q.tag);
  const bool tag_filter = !q.tag.empty();
  s.key = key_of(q);
  s.has_text = parse_query(q.text).has_text();
  s.pinned_rule = !s.has_text && q.categories.empty() && !tag_filter;
  s.per_category.assign(category_ok.size(), 0);
  s.per_tag.assign(tags.size(), 0);
  std::vector<uint32_t> per_year_slot(years.size(), 0);
  s.rows.assign(n, false);
  s.count = 0;
  m.for_each([&](uint32_t doc) {
    const uint16_t category = b.category_of(doc);
    const bool in_category = category_ok[category] != 0, in_dates = in_period(q, doc);
    const bool in_tag = !tag_filter || (tag && tags.has(doc, *tag));
    if (in_dates && in_tag) ++s.per_category[category];
    if (in_category && in_tag) ++per_year_slot[year_slot[doc]];
    if (in_category && in_dates) {
      for (const uint32_t t : tags.of(doc)) ++s.per_tag[t];
      if (in_tag) {
        s.rows.set(doc);
        ++s.count;
      }
    }
  });
  s.per_year.clear();
  for (size_t y = 0; y < years.size(); ++y)
    if (per_year_slot[y]) s.per_year[years[y]] = per_year_slot[y];
}

void SearchIndex::Impl::compute(const Query& q, State& s) const {
  scanned_ = false;
  Bitset m = filtered(q);
  s.score.assign(n, 0);
  match_text(q, parse_query(q.text), m, s.score);
  count(q, m, s);
  s.scanned = scanned_;
}

// A query read a slice of documents per call (SearchIndex::start).
bool SearchIndex::Impl::scan_step(size_t byte_budget) const {
  Scan& p = *scan;
  const uint32_t from = p.next;
  size_t read = 0;
  while (p.next < n && read < byte_budget) {
    if (p.candidates.test(p.next)) read += title(p.next).size() + body(p.next).size();
    ++read;
    ++p.next;
  }
  Bitset chunk(n, false);
  for (uint32_t doc = from; doc < p.next; ++doc)
    if (p.candidates.test(doc)) chunk.set(doc);
  scanned_ = false;
  match_text(p.query, p.parsed, chunk, p.score);
  p.scanned = p.scanned || scanned_;
  p.matched.or_with(chunk);
  return p.next == n;
}

SearchResult SearchIndex::Impl::order(const State& s, SortOrder sort) const {
  SearchResult result;
  result.scanned = s.scanned;
  result.per_category = s.per_category;
  result.per_year = s.per_year;
  result.per_tag = s.per_tag;
  result.rows.reserve(s.count);
  const uint64_t* rows = s.rows.words().data();
  const auto member = [rows](uint32_t doc) { return (rows[doc >> 6] >> (doc & 63)) & 1; };
  if (s.pinned_rule) {
    for (const uint32_t doc : pinned_on_top)
      if (member(doc)) result.rows.push_back(doc);
    result.pinned_on_top = result.rows.size();
  }
  const bool skip_pinned = s.pinned_rule && !pinned_on_top.empty();
  const auto keep = [&](uint32_t doc) {
    if (member(doc) && !(skip_pinned && (flags[doc] & kPinned))) result.rows.push_back(doc);
  };
  const auto walk = [&](const std::vector<uint32_t>& permutation) {
    for (const uint32_t doc : permutation) keep(doc);
  };
  const auto walk_back = [&](const std::vector<uint32_t>& permutation) {
    for (auto it = permutation.rbegin(); it != permutation.rend(); ++it) keep(*it);
  };
  if (sort == SortOrder::relevance && !s.has_text) sort = SortOrder::newest;
  switch (sort) {
    case SortOrder::newest: walk(newest); break;
    case SortOrder::oldest: walk_back(newest); break;
    case SortOrder::most_viewed: walk(most_viewed); break;
    case SortOrder::least_viewed: walk_back(most_viewed); break;
    case SortOrder::title: walk(by_title); break;
    case SortOrder::number: walk(board->board_order()); break;
    case SortOrder::relevance: {
      // Counting sort by title hits (most first), newest first within each count.
      uint16_t top = 0;
      s.rows.for_each([&](uint32_t doc) { top = std::max(top, s.score[doc]); });
      std::vector<size_t> start(size_t{top} + 2, 0);
      s.rows.for_each([&](uint32_t doc) { ++start[top - s.score[doc] + 1]; });
      for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
      result.rows.resize(s.count);
      for (const uint32_t doc : newest)
        if (member(doc)) result.rows[start[top - s.score[doc]]++] = doc;
      break;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// SearchIndex: running a query
// ---------------------------------------------------------------------------------------

void SearchIndex::start(const Query& query) {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  impl.scan = Impl::Scan{query, parse_query(query.text), impl.filtered(query), Bitset(impl.n, false),
                         std::vector<uint16_t>(impl.n, 0)};
}

std::optional<SearchResult> SearchIndex::step(size_t byte_budget) {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  if (!impl.scan || !impl.scan_step(std::max<size_t>(1, byte_budget))) return std::nullopt;
  Impl::Scan& done = *impl.scan;
  impl.count(done.query, done.matched, impl.state);
  impl.state.score = std::move(done.score);
  impl.state.scanned = done.scanned;
  impl.state_valid = true;
  SearchResult result = impl.order(impl.state, done.query.sort);
  impl.scan.reset();
  return result;
}

SearchResult SearchIndex::run(const Query& query) const {
  const Impl& impl = *impl_;
  std::lock_guard<std::mutex> lock(impl.mutex);
  if (!impl.state_valid || !(impl.state.key == key_of(query))) {
    impl.state_valid = false;
    impl.compute(query, impl.state);
    impl.state_valid = true;
  }
  return impl.order(impl.state, query.sort);
}

}  // namespace newsroom
