// Related articles (core/related.h): never the article itself, the same ids however the
// board was built or read back, articles sharing a tag first, particles never a reason.
// Boards are built from drafts of generated text: random syllables over the whole Hangul
// block, hanja and hex, with a few shared words and tags where a case needs them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "core/board.h"
#include "core/related.h"
#include "core/search.h"
#include "core/text.h"
#include "io/board_image.h"
#include "test_support.h"

using namespace newsroom;

namespace {

using test::Rng;

std::string syllables(Rng& rng, uint32_t count) {
  std::string out;
  for (uint32_t i = 0; i < count; ++i) append_utf8(out, 0xAC00 + rng.below(11172));
  return out;
}

// A word no vocabulary has: Hangul syllables (most), hanja or hex.
std::string random_word(Rng& rng) {
  const uint32_t kind = rng.below(10);
  std::string out;
  if (kind < 7) return syllables(rng, 2 + rng.below(3));
  if (kind < 9) {
    for (uint32_t i = 2 + rng.below(3); i > 0; --i) append_utf8(out, 0x4E00 + rng.below(0x5200));
    return out;
  }
  for (uint32_t i = 8 + rng.below(12); i > 0; --i) out += "0123456789abcdef"[rng.below(16)];
  return out;
}

std::string random_text(Rng& rng, uint32_t words) {
  std::string out;
  for (uint32_t i = 0; i < words; ++i) {
    if (i) out += rng.below(20) == 0 ? "\n\n" : " ";
    out += random_word(rng);
  }
  return out;
}

ArticleDraft draft(int64_t id, std::string title, std::string body, std::vector<std::string> tags = {},
                   std::string category = "공지사항") {
  ArticleDraft d;
  d.id = id;
  d.number = id;
  d.published_at = 1700000000 + id * 3600;
  d.category = std::move(category);
  d.title = std::move(title);
  d.body = std::move(body);
  d.tags = std::move(tags);
  return d;
}

Board build(std::vector<ArticleDraft> drafts) {
  BoardBuilder builder;
  for (ArticleDraft& d : drafts) builder.add(std::move(d));
  return std::move(builder).build({});
}

// A board of high-entropy articles that share a few words of a small pool and tags of a
// small pool, so that most of them have related ones.
std::vector<ArticleDraft> entropy_drafts(size_t count, uint64_t seed) {
  Rng rng(seed);
  std::vector<std::string> topics, tags;
  for (int i = 0; i < 40; ++i) topics.push_back(syllables(rng, 3));
  for (int i = 0; i < 25; ++i) tags.push_back(random_word(rng));
  const char* categories[] = {"공지사항", "보도자료", "교류소식", "사업안내"};
  std::vector<ArticleDraft> drafts;
  for (size_t i = 0; i < count; ++i) {
    std::string title = random_text(rng, 3) + " " + topics[rng.below(40)];
    std::string body = random_text(rng, 60 + rng.below(200));
    for (uint32_t k = rng.below(4); k > 0; --k) body += " " + topics[rng.below(40)] + "을";
    std::vector<std::string> article_tags;
    for (uint32_t k = rng.below(3); k > 0; --k) article_tags.push_back(tags[rng.below(25)]);
    drafts.push_back(draft(static_cast<int64_t>(1000 + i), std::move(title), std::move(body), std::move(article_tags),
                           categories[rng.below(4)]));
  }
  return drafts;
}

// Related ids of every article, by id: comparable across boards whatever their order.
std::map<int64_t, std::vector<int64_t>> related_ids(const Board& board, const RelatedIndex& index) {
  std::map<int64_t, std::vector<int64_t>> out;
  for (uint32_t i = 0; i < board.size(); ++i) {
    for (const uint32_t other : index.related(i)) out[board.id(i)].push_back(board.id(other));
  }
  return out;
}

std::vector<int64_t> related_of(const Board& board, const RelatedIndex& index, int64_t id) {
  std::vector<int64_t> out;
  for (const uint32_t other : index.related(*board.find(id))) out.push_back(board.id(other));
  return out;
}

}  // namespace

TEST_CASE("related terms drop particles, endings and one-syllable words", "[related]") {
  using Terms = std::vector<std::string>;
  CHECK(related_terms("사업을 지원하는 기업들의 카자흐스탄에서 회의") ==
        Terms{"사업", "지원", "기업", "카자흐스탄", "회의"});
  CHECK(related_terms("사업이 사업은 사업의 사업으로 사업까지 사업부터") == Terms(6, "사업"));
  CHECK(related_terms("설명회를 개최했다. 교류를 확대한다") == Terms{"설명회", "개최", "교류", "확대"});
  // What remains must keep two syllables: 국가, 제도, 결과 are words, not stems with 가, 도, 과.
  CHECK(related_terms("국가 제도 결과 회의") == Terms{"국가", "제도", "결과", "회의"});
  CHECK(related_terms("은 는 이 가 을 를 의 및 등 수") == Terms{});
  // A Latin word and its particle part at the script change; Latin is folded.
  CHECK(related_terms("ODA를 B2B의 K-푸드") == Terms{"oda", "b2b", "푸드"});
  // A hash is no topic.
  CHECK(related_terms("3f2a9c0d1e4b5a6f7c8d9e0f1a2b3c4d") == Terms{});
  CHECK(related_terms("韓國 交流") == Terms{"韓國", "交流"});
}

TEST_CASE("related articles exclude the article itself and are at most five, each sharing something", "[related]") {
  const Board board = build(entropy_drafts(400, 7));
  const RelatedIndex index(board);
  REQUIRE(index.complete());
  size_t with_related = 0;
  for (uint32_t i = 0; i < board.size(); ++i) {
    const std::vector<uint32_t> related = index.related(i);
    INFO("article " << board.id(i));
    CHECK(related.size() <= RelatedIndex::kMaxRelated);
    CHECK(std::find(related.begin(), related.end(), i) == related.end());
    std::vector<uint32_t> distinct = related;
    std::sort(distinct.begin(), distinct.end());
    CHECK(std::adjacent_find(distinct.begin(), distinct.end()) == distinct.end());
    with_related += !related.empty();
  }
  CHECK(with_related > board.size() * 9 / 10);  // the pools make nearly every article related to some
  CHECK(index.related(0, 2).size() <= 2);
  CHECK(index.related(static_cast<uint32_t>(board.size())).empty());  // no such article
}

TEST_CASE("related articles are the same however the board was built or read back", "[related]") {
  std::vector<ArticleDraft> drafts = entropy_drafts(300, 21);
  const Board first = build(drafts);
  const Board again = build(drafts);
  std::vector<ArticleDraft> shuffled = drafts;
  Rng rng(5);
  for (size_t i = shuffled.size(); i > 1; --i)
    std::swap(shuffled[i - 1], shuffled[rng.below(static_cast<uint32_t>(i))]);
  const Board reordered = build(shuffled);
  REQUIRE(reordered.id(0) != first.id(0));

  const RelatedIndex index(first);
  const auto expected = related_ids(first, index);
  CHECK(expected.size() > 250);
  CHECK(related_ids(again, RelatedIndex(again)) == expected);
  CHECK(related_ids(reordered, RelatedIndex(reordered)) == expected);
  for (const size_t budget : {size_t{1}, size_t{997}, size_t{64} << 10}) {
    INFO("built in slices of " << budget << " bytes");
    RelatedIndex sliced(first, RelatedIndex::InSlices{});
    CHECK_FALSE(sliced.complete());
    CHECK(sliced.related(0).empty());  // nothing before it is complete
    int steps = 0;
    while (!sliced.build(budget)) ++steps;
    CHECK((budget > 1000 || steps > 100));
    CHECK(related_ids(first, sliced) == expected);
  }

  SECTION("through AppState, and from a board image") {
    ImportResult result;
    result.board = build(drafts);
    result.report.usable = true;
    const SearchIndex search(result.board);
    const std::string image = write_board_image(result.board, search, result.report, {});
    AppState app;
    app.load(std::move(result));
    while (app.relating()) app.continue_related(4096);
    BoardImage read = read_board_image(image, nullptr);
    REQUIRE(read.refused.empty());
    AppState from_image;
    from_image.load(ImportResult{std::move(read.board), std::move(read.report), {}}, read.index_bytes);
    REQUIRE(from_image.index());
    CHECK(from_image.relating());  // not in the image: built again
    while (from_image.relating()) from_image.continue_related(4096);
    for (const AppState* state : {&app, &from_image}) {
      const Board& board = state->board();
      std::map<int64_t, std::vector<int64_t>> ids;
      for (uint32_t i = 0; i < board.size(); ++i) {
        for (const uint32_t other : state->related(i)) ids[board.id(i)].push_back(board.id(other));
      }
      CHECK(ids == expected);
    }
  }
}

TEST_CASE("an article sharing a rare tag ranks above ones sharing only common words and particles", "[related]") {
  Rng rng(99);
  std::vector<ArticleDraft> drafts;
  // Every article says 사업 and 지원 with particles, and has the tag every article has.
  const auto common = [] { return std::string(" 사업을 지원하는 사업의 지원은 사업이 지원과 "); };
  for (int64_t id = 1; id <= 60; ++id)
    drafts.push_back(draft(id, random_text(rng, 4), random_text(rng, 80) + common() + random_text(rng, 40), {"뉴스"}));
  const std::string rare_tag = random_word(rng);
  // The open article; one sharing its rare tag and nothing else; one sharing its particles and
  // common words word for word, in the same category.
  drafts.push_back(
      draft(100, random_text(rng, 4), random_text(rng, 80) + common() + random_text(rng, 40), {"뉴스", rare_tag}));
  drafts.push_back(draft(101, random_text(rng, 4), random_text(rng, 120), {rare_tag}, "보도자료"));
  drafts.push_back(draft(102, random_text(rng, 4), random_text(rng, 80) + common() + random_text(rng, 40), {"뉴스"}));
  const Board board = build(std::move(drafts));
  const RelatedIndex index(board);
  const std::vector<int64_t> related = related_of(board, index, 100);
  REQUIRE_FALSE(related.empty());
  CHECK(related.front() == 101);
  CHECK(related_of(board, index, 101) == std::vector<int64_t>{100});  // the tag is all they share
}

TEST_CASE("articles sharing only particles and endings are not related", "[related]") {
  Rng rng(3);
  const auto with_particles = [&rng] {
    std::string text;
    for (const char* particle : {"은", "는", "을", "를", "의", "에서", "으로", "와", "과", "도", "했다", "하는"}) {
      text += syllables(rng, 2 + rng.below(2)) + particle + " ";
    }
    return text;
  };
  std::vector<ArticleDraft> drafts;
  drafts.push_back(draft(1, with_particles(), with_particles() + with_particles(), {}, "보도자료"));
  drafts.push_back(draft(2, with_particles(), with_particles() + with_particles(), {}, "공지사항"));
  for (int64_t id = 3; id <= 20; ++id) drafts.push_back(draft(id, random_text(rng, 4), random_text(rng, 50)));
  const Board board = build(std::move(drafts));
  const RelatedIndex index(board);
  CHECK(related_of(board, index, 1).empty());
  CHECK(related_of(board, index, 2).empty());

  SECTION("the same category alone relates nothing either") {
    for (uint32_t i = 0; i < board.size(); ++i) CHECK(index.related(i).empty());
  }
}

TEST_CASE("an empty board and a board of one article have no related articles", "[related]") {
  const Board empty = build({});
  const RelatedIndex none(empty);
  CHECK(none.complete());
  CHECK(none.related(0).empty());
  Rng rng(11);
  const Board one = build({draft(7, "카자흐스탄 교류 " + random_text(rng, 3), random_text(rng, 100), {"교류"})});
  const RelatedIndex single(one);
  CHECK(single.complete());
  CHECK(single.related(0).empty());
  RelatedIndex sliced(empty, RelatedIndex::InSlices{});
  CHECK(sliced.build(1));
}

TEST_CASE("at most five related articles, the closest first, newer ones breaking ties", "[related]") {
  Rng rng(17);
  std::vector<ArticleDraft> drafts;
  const std::string tag = random_word(rng), topic = syllables(rng, 3);
  for (int64_t id = 1; id <= 12; ++id) drafts.push_back(draft(id, random_text(rng, 4), random_text(rng, 60), {tag}));
  // One more shares the tag and a word of the title.
  drafts.push_back(draft(50, topic + " " + random_text(rng, 3), random_text(rng, 60), {tag}));
  drafts.push_back(draft(51, topic + "은 " + random_text(rng, 3), random_text(rng, 60), {tag}));
  for (int64_t id = 60; id <= 80; ++id) drafts.push_back(draft(id, random_text(rng, 4), random_text(rng, 60)));
  const Board board = build(std::move(drafts));
  const RelatedIndex index(board);
  CHECK(related_of(board, index, 51) == std::vector<int64_t>{50, 12, 11, 10, 9});
  CHECK(related_of(board, index, 1) == std::vector<int64_t>{51, 50, 12, 11, 10});
  CHECK(related_of(board, index, 60).empty());
  CHECK(index.memory_bytes() > 0);
}
