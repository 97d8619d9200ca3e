// Board images (io/board_image.h): a board and its index saved and read back are the same
// board and answer every query the same; an image that is cut, changed, of another format
// or of another export is refused with a reason, and the page's session then keeps what it
// shows and says why.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "app/session.h"
#include "core/image_io.h"
#include "io/board_image.h"
#include "search_fixtures.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;
using namespace newsroom::search_test;

namespace {

std::string sample() { return test::read_file(test::source_dir() + "/data/articles.json").value(); }

// Every field of every article, the board order and the board's own facts.
void check_same_board(const Board& got, const Board& want) {
  REQUIRE(got.size() == want.size());
  CHECK(got.info.site == want.info.site);
  CHECK(got.info.title == want.info.title);
  CHECK(got.info.breadcrumb == want.info.breadcrumb);
  CHECK(got.info.exported_at == want.info.exported_at);
  CHECK(got.category_names() == want.category_names());
  CHECK(got.board_order() == want.board_order());
  for (uint32_t row = 0; row < want.size(); ++row) {
    const ArticleDraft a = got.draft(row), b = want.draft(row);
    INFO("row " << row << " id " << b.id);
    REQUIRE(a.id == b.id);
    CHECK(got.find(b.id) == row);
    CHECK((a.number == b.number && a.published_at == b.published_at && a.views == b.views && a.pinned == b.pinned));
    CHECK((a.category == b.category && a.title == b.title && a.author == b.author && a.body == b.body));
    CHECK((a.summary == b.summary && a.source_name == b.source_name && a.source_url == b.source_url));
    CHECK(a.tags == b.tags);
    REQUIRE(a.attachments.size() == b.attachments.size());
    for (size_t k = 0; k < a.attachments.size(); ++k) {
      CHECK((a.attachments[k].name == b.attachments[k].name && a.attachments[k].url == b.attachments[k].url &&
             a.attachments[k].size == b.attachments[k].size &&
             a.attachments[k].downloads == b.attachments[k].downloads));
    }
    REQUIRE(a.links.size() == b.links.size());
    for (size_t k = 0; k < a.links.size(); ++k) {
      CHECK((a.links[k].title == b.links[k].title && a.links[k].url == b.links[k].url &&
             a.links[k].clicks == b.links[k].clicks));
    }
  }
}

void check_same_report(const ImportReport& got, const ImportReport& want) {
  CHECK(got.source == want.source);
  CHECK(got.format == want.format);
  CHECK(got.loaded == want.loaded);
  CHECK(got.skipped == want.skipped);
  CHECK(got.usable == want.usable);
  REQUIRE(got.problems.size() == want.problems.size());
  for (size_t k = 0; k < got.problems.size(); ++k) {
    const Problem &a = got.problems[k], &b = want.problems[k];
    CHECK((a.severity == b.severity && a.record == b.record && a.id == b.id && a.field == b.field &&
           a.message == b.message && a.file == b.file));
  }
  REQUIRE(got.unlisted.size() == want.unlisted.size());
  CHECK(got.personal_columns == want.personal_columns);
}

// The same rows in the same order, the same pinned rows and facets, for random queries.
void check_same_answers(const SearchIndex& got, const SearchIndex& want, const Board& board, int queries) {
  QueryMaker maker(board, 5150);
  for (int k = 0; k < queries; ++k) {
    Query q = maker.make();
    // Every third query also filters by one of the board's tags (read back as numbered).
    if (k % 3 == 0 && want.tags().size()) q.tag = want.tags().name(static_cast<uint32_t>(k) % want.tags().size());
    const SearchResult a = got.run(q), b = want.run(q);
    INFO(describe(q) << " tag " << q.tag);
    REQUIRE(a.rows == b.rows);
    CHECK(a.pinned_on_top == b.pinned_on_top);
    CHECK(a.per_category == b.per_category);
    CHECK(a.per_year == b.per_year);
    CHECK(a.per_tag == b.per_tag);
  }
}

// An export imported and indexed as the page does, saved, read back and checked whole.
void round_trip(const std::string& bytes, const std::string& name, int body_shards = 1) {
  INFO(name);
  const ImportResult fresh = import_export(bytes, name);
  REQUIRE(fresh.report.usable);
  SearchIndex index(fresh.board, SearchIndex::InSlices{body_shards});
  while (!index.build(64 << 10)) {
  }
  const ExportIdentity identity{name, "\"etag-1\"", "", bytes.size(), export_digest(bytes)};
  const std::string image = write_board_image(fresh.board, index, fresh.report, identity);
  BoardImage read = read_board_image(image, &identity);
  REQUIRE(read.refused.empty());
  CHECK(read.identity == identity);
  CHECK(read.writer == image_writer());
  check_same_board(read.board, fresh.board);
  check_same_report(read.report, fresh.report);
  ImageReader in(read.index_bytes);
  const std::unique_ptr<SearchIndex> back = SearchIndex::from_image(read.board, in);
  REQUIRE(back);
  CHECK(back->complete());
  CHECK(back->text_bytes() == index.text_bytes());
  if (!fresh.board.empty()) check_same_answers(*back, index, read.board, fresh.board.size() > 5000 ? 150 : 300);
  // The image is about the board and its index, not several times either.
  INFO("image " << image.size() << " bytes, export " << bytes.size());
  CHECK(image.size() <= fresh.board.arena_bytes() + index.memory_bytes() + fresh.board.size() * 200 + 4096);
}

// An export imported and indexed at once, and its image: what a first visit leaves.
struct Saved {
  Saved(const std::string& bytes, const std::string& source, const ExportIdentity& identity)
      : fresh(import_export(bytes, source)),
        index(fresh.board),
        image(write_board_image(fresh.board, index, fresh.report, identity)) {}
  ImportResult fresh;
  SearchIndex index;
  std::string image;
};

}  // namespace

TEST_CASE("a board image read back is the same board and answers every query the same") {
  round_trip(sample(), "data/articles.json");
  for (const char* fixture : {"check_clean", "check_bad_record", "check_current", "check_previous"}) {
    const std::string path = test::source_dir() + "/tests/fixtures/" + fixture + ".json";
    round_trip(test::read_file(path).value(), path);
  }
  round_trip(make_synthetic_export(10000, 77), "synthetic 10k");
  round_trip(make_synthetic_export(6000, 78), "synthetic 6k, bodies in two shards", 2);
  round_trip(make_high_entropy_export(1200, 79), "high-entropy 1.2k");
  round_trip("[]", "an empty board");
}

TEST_CASE("a board read back with its image's owner keeps its text in the image, as long as the board lives") {
  const std::string bytes = make_synthetic_export(700, 4);
  const Saved saved(bytes, "x", {"x", "", "", bytes.size(), export_digest(bytes)});
  auto image = std::make_shared<std::string>(saved.image);
  const std::weak_ptr<std::string> alive = image;
  std::optional<Board> board;
  {
    BoardImage read = read_board_image(*image, nullptr, nullptr, image);
    REQUIRE(read.refused.empty());
    board = std::move(read.board);
  }
  const std::string_view text = board->body(0);
  CHECK(text.data() >= image->data());  // not copied: the image's own bytes
  CHECK(text.data() + text.size() <= image->data() + image->size());
  image.reset();
  CHECK_FALSE(alive.expired());  // the board keeps the image
  check_same_board(*board, saved.fresh.board);
  {
    const Board copy = *board;  // a copy shares it
    board.reset();
    CHECK_FALSE(alive.expired());
    check_same_board(copy, saved.fresh.board);
  }
  CHECK(alive.expired());  // the last board gone, the image goes

  // Text added to such an arena goes into a block of its own, the image's blocks copied first.
  const std::string first(300, 'a');
  TextArena arena;
  TextRef a, b;
  {
    TextArena built;
    a = built.store(first);
    ImageWriter out;
    built.save(out);
    auto blocks = std::make_shared<std::string>();
    out.copy_into(*blocks, SIZE_MAX);
    ImageReader in(*blocks);
    REQUIRE(arena.load(in, blocks));
    CHECK(arena.view(a).data() >= blocks->data());
    b = arena.store("나중에 더한 글");
  }
  CHECK(arena.view(a) == first);  // its image gone: the copy answers
  CHECK(arena.view(b) == "나중에 더한 글");
  CHECK(arena.size() == first.size() + std::string_view("나중에 더한 글").size());
}

TEST_CASE("an image written a slice at a time is the same image") {
  const std::string bytes = make_synthetic_export(800, 3);
  const ExportIdentity identity{"x", "", "", bytes.size(), export_digest(bytes)};
  const Saved saved(bytes, "x", identity);
  const ImportResult& fresh = saved.fresh;
  const SearchIndex& index = saved.index;
  const std::string& whole = saved.image;
  for (const size_t slice : {size_t{1}, size_t{7}, size_t{31}, size_t{4096}, size_t{65537}}) {
    BoardImageJob job(fresh.board, index, fresh.report, identity);
    CHECK(job.size() == whole.size());
    std::string pieces;
    size_t count = 0;
    while (!job.done()) {
      const std::string_view piece = job.next(slice);
      REQUIRE(piece.size() <= slice);
      pieces.append(piece);
      ++count;
    }
    INFO("pieces of " << slice);
    CHECK(count >= whole.size() / slice);
    CHECK(pieces.substr(28) == whole.substr(28));  // the header's length and checksum come last
    CHECK(job.header() + pieces.substr(28) == whole);
  }
}

TEST_CASE("a cut, changed, foreign or other export's image is refused with a reason") {
  const std::string bytes = sample();
  const ExportIdentity identity{"https://example.org/data/articles.json", "", "Tue, 01 Dec 2026 00:00:00 GMT",
                                bytes.size(), export_digest(bytes)};
  const std::string image = Saved(bytes, "data/articles.json", identity).image;
  REQUIRE(read_board_image(image, &identity).refused.empty());
  const auto refusal = [&identity](const std::string& other) { return read_board_image(other, &identity).refused; };

  SECTION("cut anywhere") {
    for (size_t cut = 0; cut < image.size(); cut += cut < 256 ? 1 : 997) {
      INFO("cut at " << cut);
      CHECK_FALSE(refusal(image.substr(0, cut)).empty());
    }
    CHECK_THAT(refusal(image.substr(0, image.size() / 2)), Catch::Contains("cut"));
    CHECK_THAT(refusal(image + "x"), Catch::Contains("cut or padded"));
  }
  SECTION("any byte changed") {
    Rng rng(31);
    for (int k = 0; k < 400; ++k) {
      std::string changed = image;
      const size_t at = k < 64 ? static_cast<size_t>(k) : rng.below(static_cast<uint32_t>(image.size()));
      changed[at] = static_cast<char>(changed[at] ^ (1 + rng.below(255)));
      INFO("byte " << at);
      CHECK_FALSE(refusal(changed).empty());
    }
    std::string changed = image;
    changed[image.size() - 3] ^= 0x20;
    CHECK_THAT(refusal(changed), Catch::Contains("checksum"));
  }
  SECTION("another format") {
    std::string other = image;
    other[8] = static_cast<char>(kImageFormat + 1);
    CHECK_THAT(refusal(other), Catch::Contains("format " + std::to_string(kImageFormat + 1)));
    CHECK_THAT(refusal("{\"articles\": []}"), Catch::Contains("not a board image"));
  }
  SECTION("another export") {
    ExportIdentity changed = identity;
    changed.digest = export_digest(bytes + " ");
    CHECK_THAT(read_board_image(image, &changed).refused, Catch::Contains("another export"));
    changed = identity;
    changed.address = "https://example.org/data/other.json";
    CHECK_THAT(read_board_image(image, &changed).refused, Catch::Contains("another export"));
  }
}

TEST_CASE("an image with forged bytes and a matching checksum is refused or read safely, never out of bounds") {
  // Run under ASan in every test run: a read past any array would stop it.
  const std::string image = Saved(make_synthetic_export(300, 9), "x", {}).image;
  Rng rng(77);
  size_t refused = 0, read = 0;
  for (int k = 0; k < 600; ++k) {
    std::string forged = image;
    for (uint32_t n = 1 + rng.below(4); n > 0; --n) {
      const size_t at = 28 + rng.below(static_cast<uint32_t>(image.size() - 28));
      forged[at] = static_cast<char>(rng.chance(50) ? rng.below(256) : forged[at] ^ (1u << rng.below(8)));
    }
    if (rng.chance(10)) forged.resize(28 + rng.below(static_cast<uint32_t>(image.size() - 28)));
    seal_board_image(forged);
    BoardImage back = read_board_image(forged, nullptr);
    if (!back.refused.empty()) {
      ++refused;
      continue;
    }
    ImageReader in(back.index_bytes);
    const std::unique_ptr<SearchIndex> loaded = SearchIndex::from_image(back.board, in);
    if (!loaded) {
      ++refused;
      continue;
    }
    ++read;  // what a visitor would then do: list, search, open
    for (const char* text : {"", "협력", "a", "ㅈㅂ", "\"국제 교류\""}) {
      Query q;
      q.text = text;
      for (const uint32_t row : loaded->run(q).rows) REQUIRE(row < back.board.size());
    }
    for (uint32_t row = 0; row < back.board.size(); ++row) (void)back.board.draft(row);
  }
  INFO(refused << " refused, " << read << " read");
  CHECK(refused > 0);
  CHECK(refused + read == 600);
}

TEST_CASE("an export's identity: digests decide, then ETags, then Last-Modified and the length") {
  const ExportIdentity image{"/a.json", "\"1\"", "Mon, 30 Nov 2026 10:00:00 GMT", 100, "100:abc"};
  CHECK(same_export(image, image));
  CHECK_FALSE(same_export(image, {"/b.json", "\"1\"", "", 100, "100:abc"}));  // another address
  CHECK(same_export(image, {"", "", "", 0, "100:abc"}));                      // a published image names none
  CHECK_FALSE(same_export(image, {"/a.json", "\"1\"", "", 100, "100:abd"}));  // the bytes changed
  CHECK(same_export(image, {"/a.json", "\"1\"", "", 100, ""}));
  CHECK_FALSE(same_export(image, {"/a.json", "\"2\"", "", 100, ""}));
  CHECK_FALSE(same_export(image, {"/a.json", "", "Mon, 30 Nov 2026 10:00:00 GMT", 101, ""}));
  CHECK(same_export(image, {"/a.json", "", "Mon, 30 Nov 2026 10:00:00 GMT", 0, ""}));
  CHECK(same_export(image, {"/a.json", "", "", 0, ""}));  // the address alone: checked with the server after
  CHECK(
      same_export({"", "", "Mon, 30 Nov 2026 10:00:00 GMT", 100, "100:abc"}, {"/a.json", "", "", 0, ""}));  // published
  CHECK_FALSE(same_export(image, {"", "", "", 0, ""}));
  // The page's digest (web/js/downloads.js): the length, then FNV-1a 32 in hex.
  CHECK(export_digest("") == "0:811c9dc5");
  CHECK(export_digest("a") == "1:e40c292c");
}

TEST_CASE("the page's session shows an image at once, says so, and keeps its board when one is refused") {
  // The first visit: the export over the channel, its index, then the image the page stores.
  Session first;
  Effects out;
  const std::string bytes = make_synthetic_export(5000, 12);
  int channel = first.open({{"kind", "export"}, {"name", "/data/articles.json"}});
  std::memcpy(first.space(channel, bytes.size()), bytes.data(), bytes.size());
  first.commit(channel, bytes.size());
  first.close(channel, {}, out);
  double now = 0;
  const auto clock = [](void* t) { return *static_cast<double*>(t) += 1; };
  for (int turn = 0; turn < 100000 && (first.loader().busy() || !first.app().index()); ++turn)
    first.work(40, clock, &now, out);
  const nlohmann::json identity = {{"address", "/data/articles.json"}, {"etag", "\"v1\""}, {"length", bytes.size()}};
  out.take();
  REQUIRE(first.command("write_image", identity, out));
  REQUIRE(out.count("image") == 2);  // {writing}, then the first piece
  const size_t size = out.list()[0]["image"]["writing"].get<size_t>();
  CHECK(size > Session::kImageSlice);  // in pieces, a frame each
  // The page takes each piece (as it would copy it out of the heap), then the header.
  std::string image;
  int turns = 0;
  for (; turns < 1000; ++turns) {
    const nlohmann::json said = *out.last("image");
    out.take();
    if (said.contains("done")) {
      const std::vector<uint8_t> header = said["done"]["header"];
      image.replace(0, header.size(), std::string(header.begin(), header.end()));
      CHECK(said["done"]["length"] == image.size());
      break;
    }
    REQUIRE(said.contains("piece"));
    image.append(reinterpret_cast<const char*>(said["piece"]["at"].get<uintptr_t>()),
                 said["piece"]["length"].get<size_t>());
    first.work(40, clock, &now, out);
    CHECK(out.count("image") == 0);  // no next piece before this one is taken
    first.command("image_taken", true, out);
    first.work(40, clock, &now, out);
  }
  CHECK(turns > 1);
  REQUIRE(image.size() == size);
  CHECK_FALSE(first.image_facts().saved == first.app().board_generation());
  first.command("image_status", {{"saved", true}}, out);
  CHECK(first.image_facts().saved == first.app().board_generation());

  // The next visit: the image is the board at once, its search complete, the same list.
  Session next;
  out.take();
  const auto hand_image = [&out](Session& session, const std::string& given, const std::string& address) {
    const int id = session.open({});
    std::memcpy(session.space(id, given.size()), given.data(), given.size());
    session.commit(id, given.size());
    return session.close(id, {{"as", "image"}, {"export", {{"address", address}}}}, out).answer;
  };
  const nlohmann::json answer = hand_image(next, image, "/data/articles.json");
  REQUIRE(answer.contains("identity"));
  CHECK(answer["identity"]["etag"] == "\"v1\"");
  CHECK(out.count("loaded") == 1);
  REQUIRE(next.app().index());
  CHECK(next.app().board().size() == first.app().board().size());
  CHECK(next.app().results() == first.app().results());
  FrameFacts facts;
  next.add_facts(facts, 0);
  const nlohmann::json state = nlohmann::json::parse(state_json(next.app(), facts));
  CHECK(state["data"]["from_image"] == true);
  CHECK(state["data"]["image_saved"] == true);
  CHECK(state["data"]["source"] == "/data/articles.json");

  // A changed image, or one of another address, is refused: the board on screen stays.
  std::string changed = image;
  changed[changed.size() / 2] ^= 1;
  const uint64_t generation = next.app().board_generation();
  CHECK_THAT(hand_image(next, changed, "/data/articles.json")["refused"].get<std::string>(),
             Catch::Contains("checksum"));
  CHECK_THAT(hand_image(next, image, "/data/other.json")["refused"].get<std::string>(),
             Catch::Contains("another export"));
  CHECK(next.app().board_generation() == generation);
  next.add_facts(facts, 0);
  CHECK_THAT(facts.image.refused, Catch::Contains("another export"));
  CHECK(facts.image.from_image);
  // A board that replaces the one being written ends the job: nothing is read of the old one.
  out.take();
  next.command("write_image", {{"address", "/data/articles.json"}}, out);
  CHECK(out.list()[0]["image"].contains("writing"));
  hand_image(next, image, "/data/articles.json");
  next.work(40, clock, &now, out);
  CHECK_THAT((*out.last("image"))["error"].get<std::string>(), Catch::Contains("another board"));
}

// A saved image is read from storage a part at a time, and the page commits the parts in
// place from the first on as they land: the checksum is taken then (ImageSum), and reading
// the image trusts it instead of going over every byte once more (issue 17). It must still
// refuse exactly what the whole-image check refuses.
TEST_CASE("an image's checksum taken as its parts arrive refuses what the whole check refuses") {
  const std::string bytes = make_synthetic_export(600, 21);
  const ExportIdentity identity{"/data/articles.json", "\"v2\"", "", bytes.size(), export_digest(bytes)};
  const Saved saved(bytes, "data/articles.json", identity);
  const std::string& image = saved.image;
  Rng rng(77);
  // The image given to a session in uneven parts, each committed as it lands.
  const auto in_parts = [&rng](Session& session, const std::string& given, Effects& out) {
    const int id = session.open({{"expected", given.size()}, {"image", true}});
    char* at = session.space(id, given.size());
    REQUIRE(at);
    for (size_t done = 0; done < given.size();) {
      const size_t part = std::min(given.size() - done, size_t{1} + rng.below(rng.chance(50) ? 40 : 70000));
      std::memcpy(at + done, given.data() + done, part);
      session.commit(id, part);
      done += part;
    }
    return session.close(id, {{"as", "image"}, {"export", {{"address", "/data/articles.json"}}}}, out).answer;
  };
  Effects out;
  Session session;
  const nlohmann::json shown = in_parts(session, image, out);
  REQUIRE(shown.contains("identity"));
  check_same_board(session.app().board(), saved.fresh.board);
  check_same_answers(*session.app().index(), saved.index, saved.fresh.board, 100);

  // Changed bytes are refused as the whole check refuses them, wherever they are: in the
  // fixed fields, the header, the board, the index, the last bytes.
  for (int k = 0; k < 120; ++k) {
    std::string changed = image;
    const size_t at = k < 40   ? static_cast<size_t>(k)
                      : k < 44 ? image.size() - 1 - (k - 40)
                               : rng.below(static_cast<uint32_t>(image.size()));
    changed[at] = static_cast<char>(changed[at] ^ (1 + rng.below(255)));
    INFO("byte " << at);
    Session other;
    const nlohmann::json answer = in_parts(other, changed, out);
    CHECK(answer.contains("refused"));
    CHECK(answer.value("refused", std::string()) == read_board_image(changed, &identity).refused);
  }

  // The sum stands for the bytes only when it saw all of them: a sum of other bytes makes
  // good bytes refused, and a sum of part of them leaves the bytes to be checked.
  ImageSum other_bytes, half;
  std::string forged = image;
  forged[image.size() / 2] ^= 4;
  other_bytes.add(forged);
  CHECK_THAT(read_board_image(image, &identity, &other_bytes).refused, Catch::Contains("checksum"));
  half.add(std::string_view(image).substr(0, image.size() / 2));
  CHECK(read_board_image(image, &identity, &half).refused.empty());
  CHECK_THAT(read_board_image(forged, &identity, &half).refused, Catch::Contains("checksum"));
}
