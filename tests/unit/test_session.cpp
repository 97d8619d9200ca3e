// A whole visit through app/Session alone, as the page drives it: files over the byte
// channel (whole, streamed, a manifest and its parts), live swaps, the history rules of
// 목록 and back, a kiosk's day, and the effects the page is asked to carry out. A small
// fake page below keeps the browser's history and hears the effects.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "app/session.h"
#include "test_support.h"
#include "tools/synthetic_export.h"

using namespace newsroom;
using nlohmann::json;

namespace {

std::string sample() { return test::read_file(test::source_dir() + "/data/articles.json").value(); }

struct FakeClock {
  double now = 0;
  static double read(void* self) { return static_cast<FakeClock*>(self)->now += 1; }
};

// The page's side: the history stack and what each effect did to it.
struct FakePage {
  Session session;
  std::vector<std::string> history{"#/"};
  size_t at = 0;  // the current entry
  std::vector<json> loaded;
  std::vector<json> all;  // every effect, in order
  std::string title;
  FakeClock clock;

  void carry_out(Effects& effects) {
    for (const json& effect : effects.take()) {
      all.push_back(effect);
      const std::string& name = effect.begin().key();
      const json& value = effect.begin().value();
      if (name == "push_hash") {
        history.resize(at + 1);
        history.push_back(value.get<std::string>());
        ++at;
      } else if (name == "replace_hash") {
        history[at] = value.get<std::string>();
      } else if (name == "back") {  // history.back(): popstate tells the session the hash
        REQUIRE(at > 0);
        --at;
        command("hash", history[at]);
      } else if (name == "loaded") {
        loaded.push_back(value);
      } else if (name == "title") {
        title = value.get<std::string>();
      }
    }
  }
  // The visitor follows a link or types an address: a new entry, then hashchange.
  void visit(const std::string& hash) {
    history.resize(at + 1);
    history.push_back(hash);
    ++at;
    command("hash", hash);
  }
  void command(const std::string& name, const json& arg) {
    Effects out;
    REQUIRE(session.command(name, arg, out));
    carry_out(out);
  }
  // A file handed over in pieces of `piece` bytes, then closed with `how`.
  json hand_over(const std::string& bytes, json open, json how = json::object(), size_t piece = 64 << 10) {
    const int channel = session.open(open);
    REQUIRE(channel != Session::kNoChannel);
    for (size_t done = 0; done < bytes.size(); done += piece) {
      const size_t size = std::min(piece, bytes.size() - done);
      char* room = session.space(channel, size);
      REQUIRE(room);
      std::memcpy(room, bytes.data() + done, size);
      session.commit(channel, size);
      work(8);
      session.commit(channel, 0);  // as the page asks again while it waits for the import
    }
    Effects out;
    Session::Closed closed = session.close(channel, how, out);
    carry_out(out);
    return closed.answer;
  }
  void work(double budget) {
    Effects out;
    session.work(budget, FakeClock::read, &clock, out);
    carry_out(out);
  }
  void work_until_loaded(size_t loads) {
    for (int turn = 0; turn < 100000 && loaded.size() < loads; ++turn) work(40);
    REQUIRE(loaded.size() == loads);
  }
  void frame(ViewRequests requests = {}) {
    Effects out;
    session.after_frame(std::move(requests), out);
    carry_out(out);
  }
  size_t count(const std::string& name) const {
    return static_cast<size_t>(std::count_if(all.begin(), all.end(), [&](const json& e) { return e.contains(name); }));
  }
};

}  // namespace

TEST_CASE("an export handed over in pieces is on the board, and the page hears one end") {
  FakePage page;
  const json answer = page.hand_over(sample(), {{"kind", "data"}, {"name", "data/articles.json"}}, {}, 1000);
  CHECK(answer.is_null());  // not a manifest: imported as the export
  REQUIRE(page.loaded.size() == 1);
  CHECK(page.loaded[0]["usable"] == true);
  CHECK(page.session.app().board().size() == 45);
  CHECK(page.session.open_channels() == 0);
  page.frame();
  CHECK(page.title.find(page.session.app().board().info.title) != std::string::npos);
  CHECK(page.count("mirror") == 1);
  page.frame();  // nothing changed: nothing is sent again
  CHECK(page.count("mirror") == 1);
  CHECK(page.count("title") == 1);
}

TEST_CASE("a stream given up half way keeps the board; a broken stream keeps it and says why") {
  FakePage page;
  page.hand_over(sample(), {{"kind", "export"}, {"name", "data/articles.json"}});
  REQUIRE(page.loaded.size() == 1);
  const std::string large = make_synthetic_export(3000, 7);  // ~7 MB

  const int channel =
      page.session.open({{"kind", "stream"}, {"name", "data/articles.json"}, {"expected", large.size()}});
  for (size_t done = 0; done < large.size() / 2; done += 64 << 10) {
    std::memcpy(page.session.space(channel, 64 << 10), large.data() + done, 64 << 10);
    page.session.commit(channel, 64 << 10);
    page.work(8);
  }
  CHECK(page.session.loader().streaming());
  Effects out;
  page.session.close(channel, {{"error", "the download broke off"}}, out);
  page.carry_out(out);
  CHECK_FALSE(page.session.loader().importing());
  CHECK(page.loaded.size() == 1);  // abandoned: no second end
  CHECK(page.session.app().board().size() == 45);

  // A stream cut in the middle of a record: imported to its end, refused, the board stays.
  page.hand_over(large.substr(0, large.size() / 2), {{"kind", "stream"}, {"name", "data/articles.json"}});
  page.work_until_loaded(2);
  CHECK(page.loaded[1]["usable"] == false);
  CHECK(page.session.app().board().size() == 45);
  CHECK_FALSE(page.session.app().report().usable);
}

TEST_CASE("a manifest's files arrive over the channel; one that failed is named, the others load") {
  FakePage page;
  const json files = page.hand_over(R"({"format": "newsroom-manifest", "exports": ["2024.json", "2025.json"]})",
                                    {{"kind", "data"}, {"name", "m.json"}});
  REQUIRE(files.is_object());
  REQUIRE(files["files"].size() == 2);
  CHECK(page.loaded.empty());
  page.hand_over(sample(), {{"kind", "part"}, {"name", "2024.json"}});
  page.hand_over("", {{"kind", "part"}, {"name", "2025.json"}}, {{"error", "HTTP 404 Not Found"}});
  page.command("finish_parts", "data/manifest.json");
  REQUIRE(page.loaded.size() == 1);
  CHECK(page.loaded[0]["usable"] == true);
  CHECK(page.session.app().board().size() == 45);
  bool named = false;
  for (const Problem& p : page.session.app().report().problems)
    named |= p.file == "2025.json" && p.message.find("404") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a live poll swaps in a new board and keeps the open article; a failed one keeps the board") {
  FakePage page;
  page.hand_over(sample(), {{"kind", "export"}, {"name", "data/articles.json"}});
  const int64_t id = page.session.app().board().id(0);
  page.command("hash", "#/article/" + std::to_string(id));
  REQUIRE(page.session.app().open_article());
  page.command("live", {{"poll_seconds", 300}, {"polls", 3}, {"swaps", 0}, {"last_checked", 1710000000}});
  CHECK(page.session.live().polls == 3);

  const std::string large = make_synthetic_export(3000, 11);
  page.hand_over(large, {{"kind", "stream"}, {"name", "data/articles.json"}, {"expected", large.size()}});
  page.work_until_loaded(2);
  CHECK(page.loaded[1]["usable"] == true);
  CHECK(page.session.app().board().size() == 3000);
  CHECK(page.history[page.at] == page.session.app().hash());  // the URL says what is shown

  page.command("load_failed", {{"source", "data/articles.json"}, {"message", "HTTP 503"}});
  REQUIRE(page.loaded.size() == 3);
  CHECK(page.loaded[2]["usable"] == false);
  CHECK(page.session.app().board().size() == 3000);
}

TEST_CASE("목록 after an article opened from the list goes back in history; otherwise it adds the list") {
  FakePage page;
  page.hand_over(sample(), {{"kind", "export"}, {"name", "data/articles.json"}});
  AppState& app = page.session.app();
  page.visit("#/?page=2");
  const std::string list = app.hash();

  // Opened from a row: 목록 is the browser's back, and the article stays forward.
  REQUIRE(app.open(app.board().id(app.results().at(20))));
  ViewRequests opened;
  opened.opened(true);
  page.frame(opened);
  REQUIRE(page.history.size() == 3);
  REQUIRE(page.at == 2);
  ViewRequests back;
  back.back = true;
  page.frame(back);
  CHECK(page.count("back") == 1);
  CHECK(page.at == 1);
  CHECK(page.history.size() == 3);
  CHECK(app.hash() == list);

  // Opened by its address (a shared link): 목록 pushes the list as a new entry.
  page.visit("#/article/" + std::to_string(app.board().id(3)));
  page.frame(back);
  CHECK(page.count("back") == 1);
  CHECK(page.count("push_hash") == 2);
  CHECK(app.route().view == Route::View::list);
  CHECK(page.history[page.at] == app.hash());

  // Escape clears a search, as a new entry.
  page.visit("#/?q=%EA%B5%90%EB%A5%98");
  REQUIRE_FALSE(app.list().q.empty());
  page.command("escape", true);
  CHECK(app.list().q.empty());
  CHECK(page.history[page.at] == app.hash());
}

TEST_CASE("the views' requests become effects: links, actions, downloads, text size") {
  FakePage page;
  page.hand_over(sample(), {{"kind", "export"}, {"name", "data/articles.json"}});
  page.command("hash", "#/article/" + std::to_string(page.session.app().board().id(0)));
  ViewRequests asked;
  asked.open_url = "https://example.org/a";
  asked.article_action = "share-x";
  asked.download_table = "months";
  asked.text_scale = 1.25f;
  page.frame(asked);
  const json* action = nullptr;
  for (const json& e : page.all) {
    if (e.contains("article_action")) action = &e["article_action"];
  }
  REQUIRE(action);
  CHECK((*action)["action"] == "share-x");
  CHECK((*action)["article"]["id"] == page.session.app().board().id(0));
  CHECK(page.count("open_url") == 1);
  CHECK(page.count("download") == 1);
  CHECK(page.count("save_setting") == 1);
  ViewRequests unknown;
  unknown.download_table = "no-such-table";
  page.frame(unknown);
  CHECK(page.count("download") == 1);
}

TEST_CASE("a kiosk's day through the session: rotations replace the URL, links become QR codes") {
  FakePage page;
  page.command("options", "?mode=kiosk&rotate=20&idle=90&count=10&playlist=bogus");
  REQUIRE(page.session.kiosk());
  page.hand_over(sample(), {{"kind", "export"}, {"name", "data/articles.json"}});
  const double start = 1'710'000'000;
  for (double now = start; now <= start + 24 * 3600; now += 1) {
    Effects out;
    page.session.before_frame(now, true, out);
    page.carry_out(out);
  }
  CHECK(page.session.kiosk()->loop().rotations() == 24 * 3600 / 20);
  CHECK(page.history.size() == 1);  // a day of rotations, no history entries
  CHECK(page.history[0] == page.session.app().hash());
  CHECK(page.count("warn") >= 1);  // the playlist option it could not use is named
  ViewRequests link;
  link.open_url = "/files/a.pdf";
  page.frame(link);
  CHECK(page.count("open_url") == 0);
  CHECK(page.count("qr") == 1);
  page.command("advance_clock", 3600.0);
  FrameFacts facts;
  page.session.add_facts(facts, start + 24 * 3600);
  REQUIRE(facts.kiosk);
  CHECK(facts.kiosk->clock_offset == 3600.0);
  CHECK(facts.mode == "kiosk");
}

TEST_CASE("the channel refuses what it does not know and grows for a file of many pieces") {
  FakePage page;
  CHECK(page.session.space(42, 10) == nullptr);
  CHECK(page.session.commit(42, 10) == 0);
  Effects out;
  CHECK(page.session.close(42, json::object(), out).kind.empty());
  // A font comes back whole to the caller (the platform owns the atlas).
  std::string font(3 << 20, '\0');
  for (size_t i = 0; i < font.size(); ++i) font[i] = static_cast<char>(i * 7);
  const int channel = page.session.open({{"kind", "font"}});
  for (size_t done = 0; done < font.size(); done += 4096) {
    std::memcpy(page.session.space(channel, 4096), font.data() + done, 4096);
    page.session.commit(channel, 4096);
  }
  Session::Closed closed = page.session.close(channel, json::object(), out);
  CHECK(closed.kind == "font");
  REQUIRE(closed.bytes.size == font.size());
  CHECK(closed.bytes.view() == font);
  // Bytes whose kind is said at the end, and bytes dropped.
  const int later = page.session.open(json::object());
  CHECK(page.session.close(later, {{"discard", true}}, out).kind.empty());
  // Bytes cannot pass for a stream at their end: the stream under way is not ended by them.
  const int stream = page.session.open({{"kind", "stream"}, {"name", "s.json"}});
  const int impostor = page.session.open(json::object());
  page.session.close(impostor, {{"as", "stream"}}, out);
  CHECK(page.session.loader().streaming());
  CHECK(out.count("warn") == 1);
  page.session.close(stream, {{"discard", true}}, out);
  CHECK(page.session.open_channels() == 0);
  CHECK_FALSE(page.session.command("no_such_command", true, out));
}
