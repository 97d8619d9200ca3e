// The Loader's background mode (app/loader.h): a large export imported and indexed on a
// worker thread while the page's thread keeps drawing, as in the browser's threaded build.
// What a visitor sees must be exactly what the sliced, single-threaded path gives: the same
// board, the same answers to a search asked at any moment, the same page of the list. The
// tests wait with a deadline (a hung worker fails them) but time nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "app/app_state.h"
#include "app/loader.h"
#include "core/search.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
TEST_CASE("the background mode needs threads: not in this build") {
  WARN("skipped: this wasm build has no threads (the web-threads preset runs these tests)");
}
#else

namespace {

double steady_ms(void*) {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Turns of the page's thread (a frame's worth of work, then a pause) until `done`, for at
// most two minutes of real time; fails the test if `done` never came.
template <class Done>
Loader::Worked turns_until(Loader& loader, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  Loader::Worked last;
  while (std::chrono::steady_clock::now() < deadline) {
    last = loader.work(8, steady_ms, nullptr);
    if (done(last)) return last;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  FAIL("the worker never got there");
  return last;
}

// Feeds `bytes` to a streamed load in pieces of 64 KB, with a turn of the page after each.
void stream(Loader& loader, const std::string& bytes) {
  for (size_t at = 0; at < bytes.size(); at += 64 << 10) {
    const size_t size = std::min<size_t>(64 << 10, bytes.size() - at);
    char* room = loader.stream_space(size);
    REQUIRE(room);
    std::copy_n(bytes.data() + at, size, room);
    loader.stream_added(size);
    loader.work(8, steady_ms, nullptr);
  }
}

// The reference: the same export imported and indexed at once.
void load_at_once(AppState& app, const std::string& bytes, std::string_view hash) {
  app.apply_hash(hash);
  app.load(import_export(bytes, "data/articles.json"));
  while (app.indexing()) app.continue_indexing(SIZE_MAX);
}

std::vector<int64_t> ids_in_board_order(const Board& board) {
  std::vector<int64_t> ids;
  for (const uint32_t i : board.board_order()) ids.push_back(board.id(i));
  return ids;
}

}  // namespace

TEST_CASE("on a worker, a large export gives the board and the search a visitor gets without one") {
  const std::string bytes = make_synthetic_export(AppState::kIndexInSlicesFrom * 2, 21);  // ~20 MB
  const char* hash = "#/?q=%ED%98%91%EB%A0%A5&page=2";                                    // 협력, page 2
  AppState reference;
  load_at_once(reference, bytes, hash);
  REQUIRE(reference.results().size() > 30);

  AppState app;
  app.apply_hash(hash);
  Loader loader(app);
  loader.set_background(true);
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(bytes), "data/articles.json"));
  CHECK(loader.importing());
  CHECK(loader.busy());
  // The page's thread only looks: each turn returns at once while the worker reads.
  const Loader::Worked applied = turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  CHECK(applied.applied->usable);
  CHECK(applied.applied->generation == app.loads());
  CHECK(ids_in_board_order(app.board()) == ids_in_board_order(reference.board()));
  CHECK(app.report().loaded == reference.report().loaded);

  // The search is answered while the worker builds the postings (read in the text, and
  // said so), then by the index; the same rows every time, on the page the URL asked for.
  turns_until(loader, [&](const Loader::Worked&) { return !app.search_pending(); });
  CHECK(app.results() == reference.results());
  CHECK(app.list().page == 2);
  const bool answered_before_the_index = app.indexing();
  if (answered_before_the_index) CHECK(app.results_scanned());
  turns_until(loader, [&](const Loader::Worked& w) { return w.indexed || !app.indexing(); });
  loader.work(8, steady_ms, nullptr);
  CHECK_FALSE(app.indexing());
  CHECK_FALSE(app.results_scanned());
  CHECK(app.results() == reference.results());
  CHECK(app.hash() == reference.hash());
  CHECK_FALSE(loader.busy());

  // Browsing and searching afterwards are the index's, as without a worker.
  REQUIRE(app.set_search_text("진흥원"));
  REQUIRE(reference.set_search_text("진흥원"));
  CHECK(app.results() == reference.results());
}

TEST_CASE("on a worker, the list comes with the board: it waits for no turn of the index's build") {
  const std::string bytes = make_synthetic_export(AppState::kIndexInSlicesFrom * 2, 22);
  const char* hash = "#/?sort=views&page=3";
  AppState reference;
  load_at_once(reference, bytes, hash);
  AppState app;
  app.apply_hash(hash);
  Loader loader(app);
  loader.set_background(true);
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(bytes), "data/articles.json"));
  turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  // In the turn that applied the board: the list in its order, on its page, and the
  // search text reading too (the titles' 초성 were made on the worker with the orders).
  CHECK_FALSE(app.search_pending());
  CHECK(app.indexing());
  CHECK(app.results() == reference.results());
  CHECK(app.list().page == 3);
  REQUIRE(app.set_search_text("ㅎㄹ"));
  REQUIRE(reference.set_search_text("ㅎㄹ"));
  turns_until(loader, [&](const Loader::Worked&) { return !app.search_pending(); });
  CHECK(app.results() == reference.results());
}

TEST_CASE("on a worker, a streamed export is read as it arrives and the page is told what is unread") {
  const std::string bytes = make_synthetic_export(AppState::kIndexInSlicesFrom + 1000, 22);
  AppState reference;
  load_at_once(reference, bytes, "#/");

  AppState app;
  Loader loader(app);
  loader.set_background(true);
  loader.begin_stream("data/articles.json", bytes.size());
  CHECK(loader.streaming());
  CHECK(loader.streams() == 1);
  stream(loader, bytes);
  // The worker reads the pieces as they come, not only once the stream has ended.
  turns_until(loader, [&](const Loader::Worked&) { return loader.progress().done + (1 << 20) >= bytes.size(); });
  CHECK(loader.unread() < (1 << 20));
  CHECK(loader.progress().articles > static_cast<int64_t>(AppState::kIndexInSlicesFrom));
  loader.stream_end();
  const Loader::Worked applied = turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  CHECK(applied.applied->usable);
  CHECK_FALSE(loader.streaming());
  CHECK(loader.unread() == 0);
  CHECK(ids_in_board_order(app.board()) == ids_in_board_order(reference.board()));
  turns_until(loader, [&](const Loader::Worked&) { return !app.indexing(); });
  REQUIRE(app.set_search_text("협력 -지원"));
  REQUIRE(reference.set_search_text("협력 -지원"));
  CHECK(app.results() == reference.results());
}

TEST_CASE("on a worker, a load given up or replaced half way leaves nothing of itself") {
  AppState app;
  Loader loader(app);
  loader.set_background(true);
  const std::string first = make_synthetic_export(AppState::kIndexInSlicesFrom + 500, 23);
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(first), "first.json"));
  turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  REQUIRE(app.board().size() == AppState::kIndexInSlicesFrom + 500);
  const int64_t loads = app.loads();

  // A stream given up half way (its download broke off) while the worker builds the index
  // of the board on screen: the board stays, and its index is finished all the same.
  const std::string second = make_synthetic_export(AppState::kIndexInSlicesFrom + 900, 24);
  loader.begin_stream("second.json", second.size());
  stream(loader, second.substr(0, second.size() / 2));
  loader.abort();
  CHECK_FALSE(loader.importing());
  CHECK(app.loads() == loads);
  CHECK(app.board().size() == AppState::kIndexInSlicesFrom + 500);
  turns_until(loader, [&](const Loader::Worked&) { return !app.indexing(); });
  CHECK_FALSE(loader.busy());

  // An export replaced by another before it was read: only the second is applied.
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(second), "second.json"));
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(first), "third.json"));
  const Loader::Worked applied = turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  CHECK(applied.applied->generation == loads + 1);
  CHECK(app.board().size() == AppState::kIndexInSlicesFrom + 500);
  CHECK(app.report().source == "third.json");

  // A failed fetch during an import ends it; the board stays.
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(second), "fourth.json"));
  CHECK_FALSE(loader.failed("fourth.json", "HTTP 500").usable);
  CHECK_FALSE(loader.importing());
  CHECK(app.board().size() == AppState::kIndexInSlicesFrom + 500);
  turns_until(loader, [&](const Loader::Worked&) { return !loader.busy(); });
}

TEST_CASE("on a worker, two threads building one index give the answers of an index built at once") {
  const ImportResult imported = import_export(make_synthetic_export(AppState::kIndexInSlicesFrom + 700, 26), "x.json");
  const Board& board = imported.board;
  const SearchIndex whole(board);
  SearchIndex shared(board, SearchIndex::InSlices{2});
  int helped = 0;
  std::thread helper([&] {
    for (;;) {
      const SearchIndex::Help help = shared.help(32 << 10);
      if (help == SearchIndex::Help::none_left) return;
      if (help == SearchIndex::Help::worked) ++helped;
      if (help == SearchIndex::Help::waiting) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  double progress = 0;
  bool monotonic = true;
  while (!shared.build(32 << 10)) {
    monotonic &= shared.progress() >= progress;
    progress = shared.progress();
  }
  helper.join();
  CHECK(monotonic);
  CHECK(shared.complete());
  CHECK(shared.memory_bytes() >= whole.memory_bytes());  // two shards of the bodies' postings
  INFO("slices built by the helper: " << helped);
  for (const char* text : {"협력", "국제 교류", "협력 -지원", "\"전북 국제\"", "ㅈㅂ", "진흥원 OR 센터", "2023"}) {
    for (const SearchField field : {SearchField::title_body, SearchField::title, SearchField::body}) {
      Query query;
      query.text = text;
      query.field = field;
      const SearchResult a = whole.run(query), b = shared.run(query);
      INFO(text << " in field " << static_cast<int>(field));
      CHECK(a.rows == b.rows);
      CHECK(a.per_category == b.per_category);
    }
  }
}

TEST_CASE("on a worker, a broken export is refused with its reasons and the last good board stays") {
  AppState app;
  Loader loader(app);
  loader.set_background(true);
  loader.whole(OwnedBytes::copy_of(test::read_file(test::source_dir() + "/data/articles.json").value()),
               "data/articles.json");
  REQUIRE(app.board().size() == 45);
  std::string broken = make_synthetic_export(3000, 25);
  broken.resize(broken.size() - 100);  // cut off
  loader.begin_stream("data/articles.json", 0);
  stream(loader, broken);
  loader.stream_end();
  const Loader::Worked applied = turns_until(loader, [](const Loader::Worked& w) { return w.applied.has_value(); });
  CHECK_FALSE(applied.applied->usable);
  CHECK(app.board().size() == 45);
  REQUIRE_FALSE(app.report().problems.empty());
  CHECK(app.report().problems.at(0).message.find("truncated") != std::string::npos);
}

#endif
