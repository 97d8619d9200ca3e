#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "app/kiosk.h"
#include "app/qr.h"
#include "io/importer.h"

using namespace newsroom;

namespace {

// Six articles: ids, dates, views, categories and one pinned notice chosen so that each
// playlist kind gives a different order.
Board sample_board() {
  const std::string json = R"({"exported_at":"2024-03-15T09:00:00+09:00","articles":[
    {"id":1,"title":"a","published_at":"2024-01-01 10:00","views":50,"category":"보도자료"},
    {"id":2,"title":"b","published_at":"2024-03-01 10:00","views":10,"category":"행사소식"},
    {"id":3,"title":"c","published_at":"2024-02-01 10:00","views":900,"category":"보도자료","pinned":true},
    {"id":4,"title":"d","published_at":"2024-03-10 10:00","views":300,"category":"공지사항"},
    {"id":5,"title":"e","published_at":"2023-12-01 10:00","views":300,"category":"보도자료"},
    {"id":6,"title":"f","published_at":"2024-03-01 10:00","views":0,"category":"행사소식"}]})";
  ImportResult result = import_export(json, "kiosk.json");
  REQUIRE(result.report.usable);
  return std::move(result.board);
}

KioskOptions kiosk(const std::string& query) { return parse_kiosk_options(query); }

}  // namespace

TEST_CASE("kiosk options: defaults, every option, and mode off without mode=kiosk") {
  const KioskOptions none = kiosk("");
  CHECK_FALSE(none.kiosk);
  CHECK(none.problems.empty());
  const KioskOptions plain = kiosk("?mode=kiosk");
  CHECK(plain.kiosk);
  CHECK(plain.rotate == 15);
  CHECK(plain.idle == 90);
  CHECK(plain.scale == 1.5);
  CHECK(plain.count == 20);
  CHECK(plain.stale_hours == 72);
  CHECK(plain.playlist == PlaylistKind::latest);
  CHECK(plain.problems.empty());

  const KioskOptions all = kiosk(
      "?mode=kiosk&rotate=20&idle=45.5&scale=2&count=7&stale=24&playlist=category:%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C"
      "&lang=en&theme=dark&data=data/other.json");
  CHECK(all.rotate == 20);
  CHECK(all.idle == 45.5);
  CHECK(all.scale == 2);
  CHECK(all.count == 7);
  CHECK(all.stale_hours == 24);
  CHECK(all.playlist == PlaylistKind::category);
  CHECK(all.category == "보도자료");
  CHECK(all.lang == "en");
  CHECK(all.theme == "dark");
  CHECK(all.problems.empty());
  CHECK(kiosk("mode=kiosk&playlist=category:%EA%B5%90%EB%A5%98+%EC%86%8C%EC%8B%9D").category == "교류 소식");
  CHECK(kiosk("mode=kiosk&playlist=views").playlist == PlaylistKind::views);
  CHECK(kiosk("mode=kiosk&playlist=pinned").playlist == PlaylistKind::pinned);
  // Kiosk options without the kiosk are not read.
  CHECK(kiosk("rotate=20").rotate == 15);
}

TEST_CASE("kiosk options: a bad value names the option and falls back to the default") {
  const KioskOptions bad =
      kiosk("?mode=kiosk&rotate=fast&idle=-5&scale=9&count=2.5&stale=&playlist=random&lang=fr&theme=blue");
  CHECK(bad.kiosk);
  CHECK(bad.rotate == 15);
  CHECK(bad.idle == 90);
  CHECK(bad.scale == 1.5);
  CHECK(bad.count == 20);
  CHECK(bad.stale_hours == 72);
  CHECK(bad.playlist == PlaylistKind::latest);
  CHECK(bad.lang == "ko");
  CHECK(bad.theme.empty());
  REQUIRE(bad.problems.size() == 8);
  const auto mentions = [&bad](const std::string& start, const std::string& also) {
    return std::any_of(bad.problems.begin(), bad.problems.end(), [&](const std::string& p) {
      return p.rfind(start, 0) == 0 && p.find(also) != std::string::npos;
    });
  };
  CHECK(mentions("rotate=fast:", "using the default 15"));
  CHECK(mentions("idle=-5:", "from 10 to 86400"));
  CHECK(mentions("scale=9:", "using the default 1.5"));
  CHECK(mentions("count=2.5:", "a whole number"));
  CHECK(mentions("stale=:", "using the default 72"));
  CHECK(mentions("playlist=random:", "latest, views, pinned or category:<name>"));
  CHECK(mentions("lang=fr:", "ko or en"));
  CHECK(mentions("theme=blue:", "light or dark"));
  CHECK(kiosk("mode=museum").problems.at(0).rfind("mode=museum:", 0) == 0);
  CHECK_FALSE(kiosk("mode=museum").kiosk);
  CHECK(kiosk("mode=kiosk&rotate=12abc").problems.size() == 1);
}

TEST_CASE("kiosk options: numbers are plain decimals; hex, exponents, spaces and inf are bad values") {
  const KioskOptions plain = kiosk("mode=kiosk&rotate=20&idle=45.5&scale=0.75&stale=1.5");
  CHECK(plain.rotate == 20);
  CHECK(plain.idle == 45.5);
  CHECK(plain.scale == 0.75);
  CHECK(plain.stale_hours == 1.5);
  CHECK(plain.problems.empty());
  // Each of these is a number to strtod; none is what a person means by hours or seconds.
  for (const char* text : {"0x10", "1e2", "inf", "nan", "%205", "5%20", "%2B5", "1.", ".5", "1.2.3", "--5", ""}) {
    const KioskOptions bad = kiosk(std::string("mode=kiosk&stale=") + text);
    INFO("stale=" << text);
    CHECK(bad.stale_hours == 72);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].rfind("stale=", 0) == 0);
    CHECK(bad.problems[0].find("using the default 72") != std::string::npos);
  }
  // '+' in a query string is a space: "rotate=+5" is " 5".
  CHECK(kiosk("mode=kiosk&rotate=+5").rotate == 15);
  CHECK(kiosk("mode=kiosk&count=0x10").count == 20);
  CHECK(kiosk("mode=kiosk&idle=1e2").idle == 90);
  // A negative number is a number, out of range.
  const KioskOptions negative = kiosk("mode=kiosk&count=-1");
  REQUIRE(negative.problems.size() == 1);
  CHECK(negative.problems[0] == "count=-1: expected a whole number of articles from 1 to 500; using the default 20");
}

TEST_CASE("kiosk options: a repeated option keeps its first value, as the browser does, and names the others") {
  const KioskOptions twice = kiosk("mode=kiosk&count=5&count=-1");
  CHECK(twice.count == 5);
  REQUIRE(twice.problems.size() == 1);
  CHECK(twice.problems[0] == "count=-1: count is given more than once; the first (count=5) is used");
  // The default named for a bad value is the option's own, whatever came before.
  for (const auto& problem : kiosk("mode=kiosk&count=7&count=0&rotate=abc").problems) {
    CHECK(problem.find("default 7") == std::string::npos);
  }
  CHECK(kiosk("mode=kiosk&count=abc&count=5").count == 20);  // the first is bad: the default, not the second

  const KioskOptions all = kiosk(
      "mode=kiosk&lang=en&theme=dark&rotate=20&idle=30&scale=2&count=9&stale=24&playlist=views"
      "&lang=ko&theme=light&rotate=5&idle=60&scale=1&count=3&stale=48&playlist=pinned&mode=museum");
  CHECK(all.kiosk);
  CHECK(all.lang == "en");
  CHECK(all.theme == "dark");
  CHECK(all.rotate == 20);
  CHECK(all.idle == 30);
  CHECK(all.scale == 2);
  CHECK(all.count == 9);
  CHECK(all.stale_hours == 24);
  CHECK(all.playlist == PlaylistKind::views);
  CHECK(all.problems.size() == 9);
  for (const char* name : {"mode", "lang", "theme", "rotate", "idle", "scale", "count", "stale", "playlist"}) {
    const std::string option = name;
    INFO(option);
    CHECK(std::count_if(all.problems.begin(), all.problems.end(), [&option](const std::string& p) {
            return p.rfind(option + "=", 0) == 0 && p.find(option + " is given more than once") != std::string::npos;
          }) == 1);
  }
  // The first mode decides: a board, and the kiosk's options (repeated or not) are not read.
  const KioskOptions board = kiosk("mode=museum&mode=kiosk&count=3&count=4");
  CHECK_FALSE(board.kiosk);
  CHECK(board.count == 20);
  REQUIRE(board.problems.size() == 2);
  CHECK(board.problems[0].rfind("mode=museum: expected kiosk", 0) == 0);
  CHECK(board.problems[1] == "mode=kiosk: mode is given more than once; the first (mode=museum) is used");
}

TEST_CASE("playlists: latest, most viewed, pinned, a category, and the count") {
  const Board board = sample_board();
  const auto ids = [&board](const std::string& query) { return make_playlist(board, kiosk(query)).ids; };
  // Equal dates (2 and 6): the larger id first.
  CHECK(ids("mode=kiosk") == std::vector<int64_t>{4, 6, 2, 3, 1, 5});
  // Equal views (4 and 5): the newer first.
  CHECK(ids("mode=kiosk&playlist=views") == std::vector<int64_t>{3, 4, 5, 1, 2, 6});
  CHECK(ids("mode=kiosk&playlist=pinned") == std::vector<int64_t>{3});
  CHECK(ids("mode=kiosk&playlist=category:%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C") == std::vector<int64_t>{3, 1, 5});
  CHECK(ids("mode=kiosk&count=2") == std::vector<int64_t>{4, 6});
  CHECK(ids("mode=kiosk&playlist=views&count=1") == std::vector<int64_t>{3});

  const Playlist unknown = make_playlist(board, kiosk("mode=kiosk&playlist=category:없는분류"));
  CHECK(unknown.ids == std::vector<int64_t>{4, 6, 2, 3, 1, 5});
  CHECK(unknown.problem.find("category:없는분류") != std::string::npos);
  CHECK(unknown.problem.find("showing the latest") != std::string::npos);
}

TEST_CASE("the attract loop rotates every `rotate` seconds and wraps") {
  KioskLoop loop(15, 90);
  loop.set_playlist({4, 6, 2});
  auto step = loop.tick(1000);
  CHECK(step.event == KioskLoop::Event::show);
  CHECK(step.id == 4);
  CHECK(loop.tick(1014.9).event == KioskLoop::Event::none);
  CHECK(loop.progress(1007.5) == Approx(0.5));
  step = loop.tick(1015);
  CHECK(step.event == KioskLoop::Event::show);
  CHECK(step.id == 6);
  CHECK(loop.progress(1015) == Approx(0.0));
  CHECK(loop.tick(1030).id == 2);
  CHECK(loop.tick(1045).id == 4);  // wrapped
  CHECK(loop.rotations() == 3);
  // A jump of the clock moves as many steps as fit; the phase is kept.
  step = loop.tick(1045 + 15 * 4 + 3);
  CHECK(step.id == 6);  // 4 steps from position 0 of 3
  CHECK(loop.rotations() == 7);
  CHECK(loop.progress(1045 + 15 * 4 + 3) == Approx(3.0 / 15));
  // A clock that goes back restarts the wait instead of freezing the loop.
  CHECK(loop.tick(500).event == KioskLoop::Event::none);
  CHECK(loop.tick(514).event == KioskLoop::Event::none);
  CHECK(loop.tick(515).id == 2);
}

TEST_CASE("input pauses the loop; idle seconds later it resets to the start") {
  KioskLoop loop(15, 90);
  loop.set_playlist({4, 6, 2});
  loop.tick(0);
  loop.tick(15);  // showing 6
  CHECK(loop.input(20));
  CHECK_FALSE(loop.playing());
  CHECK(loop.progress(20) == 0);
  CHECK_FALSE(loop.input(25));  // already paused
  // No rotation while the visitor has control, however long it is.
  CHECK(loop.tick(100).event == KioskLoop::Event::none);
  CHECK(loop.idle_in(100) == Approx(15));
  CHECK(loop.paused_for(100) == Approx(80));
  loop.input(110);  // each input restarts the idle wait
  CHECK(loop.tick(199).event == KioskLoop::Event::none);
  const auto step = loop.tick(200);
  CHECK(step.event == KioskLoop::Event::reset);
  CHECK(step.id == 4);
  CHECK(loop.playing());
  CHECK(loop.resets() == 1);
  CHECK(loop.tick(214).event == KioskLoop::Event::none);
  CHECK(loop.tick(215).id == 6);
}

TEST_CASE("a new playlist keeps the article on screen when it is still listed") {
  KioskLoop loop(10, 60);
  loop.set_playlist({1, 2, 3});
  loop.tick(0);
  loop.tick(10);  // 2
  loop.set_playlist({9, 2, 1});
  CHECK(loop.current() == 2);
  CHECK(loop.tick(11).event == KioskLoop::Event::none);
  CHECK(loop.tick(20).id == 1);
  loop.set_playlist({7, 8});  // 1 is gone: the first one is shown at once
  const auto step = loop.tick(21);
  CHECK(step.event == KioskLoop::Event::show);
  CHECK(step.id == 7);
  KioskLoop empty(10, 60);
  CHECK(empty.tick(0).event == KioskLoop::Event::none);
}

TEST_CASE("data age and the stale warning") {
  const int64_t exported = 1710460800;  // 2024-03-15T00:00:00Z
  CHECK(data_age_hours(exported, exported + 36 * 3600.0) == Approx(36));
  CHECK_FALSE(is_stale(exported, exported + 72 * 3600.0, 72));
  CHECK(is_stale(exported, exported + 72 * 3600.0 + 1, 72));
}

TEST_CASE("QR codes: a URL gives a square code with the three finder patterns; too long is an error") {
  const QrMatrix code = encode_qr("https://www.jbicf.or.kr/board/view?id=1906");
  REQUIRE(code.error.empty());
  REQUIRE(code.size >= 21);
  CHECK((code.size - 17) % 4 == 0);  // version v is 17 + 4v modules
  CHECK(code.modules.size() == static_cast<size_t>(code.size * code.size));
  // Finder patterns: dark 7×7 outlines with a dark 3×3 centre at three corners.
  for (const auto& [x0, y0] : {std::pair{0, 0}, std::pair{code.size - 7, 0}, std::pair{0, code.size - 7}}) {
    CHECK(code.dark(x0, y0));
    CHECK(code.dark(x0 + 6, y0 + 6));
    CHECK_FALSE(code.dark(x0 + 1, y0 + 1));
    CHECK(code.dark(x0 + 3, y0 + 3));
  }
  const QrMatrix longer = encode_qr(std::string(600, 'a'));
  CHECK(longer.size > code.size);
  const QrMatrix too_long = encode_qr(std::string(kQrMaxBytes + 1, 'a'));
  CHECK(too_long.size == 0);
  CHECK(too_long.error.find("too long") != std::string::npos);
  CHECK(encode_qr("").size == 0);
}
