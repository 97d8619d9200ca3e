// The naive full scan of newsroom-search-bench: what the engine replaces, written with
// nothing of the engine but its query parser and the core text helpers.
#include "tools/naive_search.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/search.h"
#include "core/text.h"

namespace newsroom::bench {
namespace {

// Only Hangul compatibility consonants ㄱ..ㅎ: a 초성 term.
bool consonants_only(std::string_view text) {
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size())
    if (!decode_utf8(text, pos, cp) || cp < 0x3131 || cp > 0x314E) return false;
  return !text.empty();
}

}  // namespace

std::vector<uint32_t> naive_scan(const Board& board, const Query& q) {
  const ParsedQuery parsed = parse_query(q.text);
  std::vector<uint32_t> rows;
  std::string title, body, author;
  for (uint32_t doc = 0; doc < board.size(); ++doc) {
    const ArticleView a = board.article(doc);
    if (!q.categories.empty() &&
        std::find(q.categories.begin(), q.categories.end(), board.category_of(doc)) == q.categories.end())
      continue;
    if ((q.from && a.published_at < *q.from) || (q.to && a.published_at >= *q.to)) continue;
    if (!q.author.empty() && a.author != q.author) continue;
    if (q.with_attachments && board.attachments_of(doc).empty()) continue;
    if (q.pinned_only && !a.pinned) continue;
    if (!q.tag.empty() && std::none_of(board.tags_of(doc).begin(), board.tags_of(doc).end(),
                                       [&](TextRef t) { return board.text(t) == q.tag; }))
      continue;
    title = fold_case(a.title);
    body = fold_case(a.body);
    author = fold_case(a.author);
    const auto has = [&](const std::string& term) {
      switch (q.field) {
        case SearchField::title_body:
          return title.find(term) != std::string::npos || body.find(term) != std::string::npos;
        case SearchField::title: return title.find(term) != std::string::npos;
        case SearchField::body: return body.find(term) != std::string::npos;
        case SearchField::author: return author.find(term) != std::string::npos;
      }
      return false;
    };
    const auto initials = [&](const std::string& term) {
      switch (q.field) {
        case SearchField::body: return body.find(term) != std::string::npos;
        case SearchField::author:
          return choseong_of(a.author).find(term) != std::string::npos || author.find(term) != std::string::npos;
        default: return choseong_of(a.title).find(term) != std::string::npos;
      }
    };
    bool ok = true;
    for (const std::string& t : parsed.terms) ok = ok && has(t);
    for (const std::string& t : parsed.phrases) ok = ok && has(t);
    for (const std::string& t : parsed.choseong) ok = ok && initials(t);
    for (const std::string& t : parsed.excluded) {
      ok = ok && !(consonants_only(t) ? initials(t) : has(t));
    }
    if (ok) rows.push_back(doc);
  }
  std::sort(rows.begin(), rows.end(), [&board](uint32_t x, uint32_t y) {
    return board.published_at(x) != board.published_at(y) ? board.published_at(x) > board.published_at(y)
                                                          : board.id(x) > board.id(y);
  });
  return rows;
}

}  // namespace newsroom::bench
