// The data's way in (app/loader.h), with no browser: the page's calls for an export given
// whole, one streamed while it downloads, a manifest's parts, a failure, and the work done
// between frames against a clock the test moves.
#include <catch2/catch.hpp>

#include <string>

#include "app/app_state.h"
#include "app/loader.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;

namespace {

std::string sample() { return test::read_file(test::source_dir() + "/data/articles.json").value(); }

// A clock that moves `step` ms each time it is read.
struct FakeClock {
  double now = 0, step = 1;
  static double read(void* self) {
    auto& clock = *static_cast<FakeClock*>(self);
    return clock.now += clock.step;
  }
};

// Feeds `bytes` to a streamed load in pieces, with a little work after each, up to `until`.
void stream(Loader& loader, const std::string& bytes, size_t until, FakeClock& clock) {
  for (size_t at = 0; at < until; at += 64 << 10) {
    const size_t size = std::min<size_t>(64 << 10, until - at);
    std::copy_n(bytes.data() + at, size, loader.stream_space(size));
    loader.stream_added(size);
    loader.work(8, FakeClock::read, &clock);
  }
}

// Work until a load is applied; fails the test if it never is.
Loader::Applied work_until_applied(Loader& loader, FakeClock& clock) {
  for (int turn = 0; turn < 100000; ++turn) {
    const Loader::Worked worked = loader.work(40, FakeClock::read, &clock);
    if (worked.applied) return *worked.applied;
  }
  FAIL("the load was never applied");
  return {};
}

}  // namespace

TEST_CASE("a small export is on the board in the call that gives it") {
  AppState app;
  Loader loader(app);
  CHECK_FALSE(loader.settled());
  const auto applied = loader.whole(OwnedBytes::copy_of(sample()), "data/articles.json");
  REQUIRE(applied);
  CHECK(applied->usable);
  CHECK(applied->generation == app.loads());
  CHECK(app.board().size() == 45);
  CHECK(loader.settled());
  CHECK_FALSE(loader.importing());
}

TEST_CASE("a streamed load given up half way leaves the board on screen as it was") {
  AppState app;
  Loader loader(app);
  loader.whole(OwnedBytes::copy_of(sample()), "data/articles.json");
  const int64_t loads = app.loads();
  const std::string large = make_synthetic_export(3000, 7);  // ~7 MB
  FakeClock clock;
  loader.begin_stream("data/articles.json", large.size());
  CHECK(loader.streams() == 1);
  stream(loader, large, large.size() / 2, clock);
  CHECK(loader.streaming());
  CHECK(loader.progress().phase == LoadProgress::Phase::importing);
  CHECK(loader.progress().articles > 0);
  loader.abort();
  CHECK_FALSE(loader.importing());
  CHECK(loader.progress().phase == LoadProgress::Phase::none);
  CHECK(app.loads() == loads);  // nothing applied, nothing to wait for
  CHECK(app.board().size() == 45);
}

TEST_CASE("a streamed export that cannot be used keeps the last good board and says why") {
  AppState app;
  Loader loader(app);
  loader.whole(OwnedBytes::copy_of(sample()), "data/articles.json");
  std::string broken = make_synthetic_export(3000, 8);
  broken.resize(broken.size() - 100);  // cut off: truncated
  FakeClock clock;
  loader.begin_stream("data/articles.json", 0);
  stream(loader, broken, broken.size(), clock);
  loader.stream_end();
  const Loader::Applied applied = work_until_applied(loader, clock);
  CHECK_FALSE(applied.usable);
  CHECK(app.board().size() == 45);
  CHECK_FALSE(app.report().usable);
  CHECK(app.report().problems.at(0).message.find("truncated") != std::string::npos);
}

TEST_CASE("a large streamed export is swapped in and keeps the visitor's view") {
  AppState app;
  Loader loader(app);
  const std::string first = make_synthetic_export(3000, 9);
  FakeClock clock;
  loader.begin_stream("data/articles.json", first.size());
  stream(loader, first, first.size(), clock);
  loader.stream_end();
  REQUIRE(work_until_applied(loader, clock).usable);
  REQUIRE(app.board().size() == 3000);
  const int64_t open_id = app.board().id(app.board().board_order().at(5));
  app.open(open_id);

  const std::string second = make_synthetic_export(3100, 9);  // the same articles and a hundred more
  loader.begin_stream("data/articles.json", second.size());
  stream(loader, second, second.size(), clock);
  loader.stream_end();
  const Loader::Applied applied = work_until_applied(loader, clock);
  CHECK(applied.usable);
  CHECK(app.board().size() == 3100);
  REQUIRE(app.open_article());
  CHECK(app.board().id(*app.open_article()) == open_id);
  CHECK(loader.streams() == 2);
}

TEST_CASE("a manifest with one file that failed loads the others and names it") {
  AppState app;
  Loader loader(app);
  loader.add_part("2024.json", OwnedBytes::copy_of(sample()), "");
  loader.add_part("2025.json", {}, "HTTP 404 Not Found");
  const Loader::Applied applied = loader.finish_parts("data/manifest.json");
  CHECK(applied.usable);
  CHECK(app.board().size() == 45);
  bool named = false;
  for (const Problem& p : app.report().problems)
    named |= p.file == "2025.json" && p.message.find("404") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a failed fetch keeps the board, and the page hears that the load ended") {
  AppState app;
  Loader loader(app);
  loader.whole(OwnedBytes::copy_of(sample()), "data/articles.json");
  const Loader::Applied applied = loader.failed("data/articles.json", "abandoned: no data came for 60 s");
  CHECK_FALSE(applied.usable);
  CHECK(applied.generation == app.loads());
  CHECK(app.board().size() == 45);
  CHECK(app.report().problems.at(0).message.find("abandoned") != std::string::npos);
}

TEST_CASE("work between frames keeps to its budget, then builds the index in slices") {
  AppState app;
  Loader loader(app);
  const std::string large = make_synthetic_export(6000, 11);  // ~14 MB: imported in slices
  REQUIRE_FALSE(loader.whole(OwnedBytes::copy_of(large), "large.json"));
  CHECK(loader.progress().phase == LoadProgress::Phase::importing);
  FakeClock clock;
  int turns = 0;
  uint64_t last_done = 0;
  bool progressed = true;
  for (;; ++turns) {
    const double before = clock.now;
    const Loader::Worked worked = loader.work(10, FakeClock::read, &clock);
    CHECK(clock.now - before <= 10 + 3);  // a slice past the budget at most
    if (worked.applied) break;
    progressed &= loader.progress().done >= last_done;
    last_done = loader.progress().done;
    REQUIRE(turns < 100000);
  }
  CHECK(progressed);
  CHECK(turns > 3);  // it took several frames, not one
  CHECK(app.board().size() == 6000);
  bool indexed = false;
  for (int turn = 0; turn < 100000 && !indexed; ++turn) indexed = loader.work(10, FakeClock::read, &clock).indexed;
  CHECK(indexed);
  CHECK_FALSE(app.indexing());
  CHECK(loader.progress().phase == LoadProgress::Phase::none);
  CHECK_FALSE(loader.busy());
}
