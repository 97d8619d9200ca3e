// A kiosk left alone for hours, then touched, then left again (app/kiosk_driver.h), on a
// clock the test moves a second at a time, as the page's frames would.
#include <catch2/catch.hpp>

#include <string>

#include "app/app_state.h"
#include "app/kiosk_driver.h"
#include "test_support.h"

using namespace newsroom;

namespace {

void load_sample(AppState& app) {
  app.load(import_export(test::read_file(test::source_dir() + "/data/articles.json").value(), "data/articles.json"));
}

}  // namespace

TEST_CASE("a kiosk rotates for hours, pauses for a visitor, and resets after they leave") {
  AppState app;
  load_sample(app);
  KioskDriver kiosk(parse_kiosk_options("?mode=kiosk&rotate=20&idle=90&count=10&playlist=views"));
  const double start = 1'710'000'000;  // UTC seconds
  double now = start;
  int opened = 0;
  // Six hours untouched, a frame a second.
  for (; now <= start + 6 * 3600; now += 1) opened += kiosk.tick(app, now, true).opened;
  CHECK(kiosk.loop().rotations() == 6 * 3600 / 20);
  CHECK(opened == 6 * 3600 / 20 + 1);  // the first article, then one per rotation
  CHECK(kiosk.loop().playlist().size() == 10);
  REQUIRE(app.open_article());
  CHECK(app.route().view == Route::View::article);
  const KioskView view = kiosk.view(app, now);
  CHECK(view.playing);
  CHECK(view.length == 10);

  // A visitor touches the screen and browses the list with a search: the loop waits.
  kiosk.input(now);
  app.navigate(Route{});
  app.set_search_text("교류");
  const uint64_t rotations = kiosk.loop().rotations();
  bool touched_reset = false;
  for (const double until = now + 89; now < until; now += 1) touched_reset |= kiosk.tick(app, now, true).reset;
  CHECK_FALSE(touched_reset);
  CHECK(kiosk.loop().rotations() == rotations);
  CHECK_FALSE(kiosk.view(app, now).playing);
  CHECK(app.list().q == "교류");

  // Past the idle time: the list is reset and the loop starts again from the first article.
  bool reset = false;
  for (const double until = now + 5; now < until; now += 1) reset |= kiosk.tick(app, now, true).reset;
  CHECK(reset);
  CHECK(kiosk.loop().resets() == 1);
  CHECK(app.list().q.empty());
  REQUIRE(app.open_article());
  CHECK(app.board().id(*app.open_article()) == kiosk.loop().playlist().front());
  const KioskFacts facts = kiosk.facts(app, now);
  CHECK(facts.playing);
  CHECK(facts.playlist_kind == "views");
  // The data's age counts on the same clock: days after the export it is stale.
  CHECK(kiosk.facts(app, now + 30 * 86400).stale);
}

TEST_CASE("a kiosk waits for its font before it starts, and names a playlist it cannot fill") {
  AppState app;
  load_sample(app);
  KioskDriver kiosk(parse_kiosk_options("?mode=kiosk&playlist=category:없는분류"));
  const KioskDriver::Tick waiting = kiosk.tick(app, 1000, false);
  CHECK_FALSE(waiting.opened);
  CHECK(waiting.warning.find("category:없는분류") != std::string::npos);
  CHECK_FALSE(app.open_article());
  CHECK(kiosk.tick(app, 1001, true).opened);
  CHECK(kiosk.facts(app, 1001).playlist_kind == "latest");
  CHECK(kiosk.view(app, 1001).problems.size() == 1);
}
