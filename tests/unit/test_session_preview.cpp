// A local preview through app/Session alone, as the page drives it: the served export on
// screen, then an export file from the data team's disk handed over as a preview (compared
// with the served board, shown with its own report), the way back to the served data, and
// what a preview never does (its board is not written as the served export's image).
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "app/diff_json.h"
#include "app/session.h"
#include "app/state_json.h"
#include "test_support.h"

using namespace newsroom;
using nlohmann::json;

namespace {

std::string sample() { return test::read_file(test::source_dir() + "/data/articles.json").value(); }

// The sample export as the data team changed it: one article removed, one added, a title
// edited, one article's views lowered, one with a jump, and a record without a title (an
// error naming its record, id and field; the record is skipped).
std::string changed_export() {
  json doc = json::parse(sample(), nullptr, false);
  json& articles = doc["articles"];
  REQUIRE(articles.size() == 45);
  articles[1]["title"] = articles[1]["title"].get<std::string>() + " (수정)";
  articles[2]["views"] = articles[2]["views"].get<int64_t>() - 5;
  articles[3]["views"] = articles[3]["views"].get<int64_t>() + 10000;
  json added = articles[4];
  added["id"] = 99999;
  added["number"] = 99;
  added["title"] = "새로 추가된 보도자료";
  articles.erase(articles.begin());
  articles.push_back(added);
  json bad = articles[5];
  bad["id"] = 99998;
  bad.erase("title");
  articles.push_back(bad);
  return doc.dump();
}

struct Clock {
  double now = 0;
  static double read(void* self) { return static_cast<Clock*>(self)->now += 1; }
};

struct Page {
  Session session;
  Clock clock;
  json effects = json::array();

  void take(Effects& out) {
    for (json& effect : out.take()) effects.push_back(std::move(effect));
  }
  // A file handed over as the page does: one channel, the bytes, closed with `how`.
  void hand_over(const std::string& bytes, const json& open, const json& how) {
    const int channel = session.open(open);
    REQUIRE(channel != Session::kNoChannel);
    char* room = session.space(channel, bytes.size());
    REQUIRE(room);
    std::memcpy(room, bytes.data(), bytes.size());
    session.commit(channel, bytes.size());
    Effects out;
    session.close(channel, how, out);
    take(out);
    for (int turn = 0; turn < 1000 && (session.loader().busy() || session.app().indexing()); ++turn) {
      Effects worked;
      session.work(40, Clock::read, &clock, worked);
      take(worked);
    }
  }
  void serve(const std::string& bytes) {
    hand_over(bytes, {{"kind", "data"}, {"name", "data/articles.json"}}, json::object());
  }
  void preview(const std::string& bytes, const std::string& file) {
    // As web/js/api.js hands a File over: read locally into one block, closed as an export.
    hand_over(bytes, {{"preview", true}, {"name", file}, {"expected", bytes.size()}},
              {{"as", "export"}, {"name", file}, {"preview", true}});
  }
  json state() const {
    FrameFacts facts;
    session.add_facts(facts, 0);
    return json::parse(state_json(session.app(), facts), nullptr, false);
  }
  json command(const std::string& name, const json& arg) {
    Effects out;
    REQUIRE(session.command(name, arg, out));
    const json list = out.list();
    take(out);
    return list;
  }
  json after_frame(ViewRequests requests = {}) {
    Effects out;
    session.after_frame(std::move(requests), out);
    const json list = out.list();
    take(out);
    return list;
  }
};

const json* find_effect(const json& list, const std::string& name) {
  for (const json& effect : list) {
    if (effect.contains(name)) return &effect[name];
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a local preview is the board with its report and what it changes on the served export, until back") {
  Page page;
  MirrorWords words;
  words.preview = "local preview {}";
  page.session.set_mirror_words(words);
  page.serve(sample());
  REQUIRE(page.session.app().board().size() == 45);
  CHECK(page.state()["data"]["preview"].is_null());

  // What newsroom-check NEW --previous OLD says of the same two files.
  const std::string changed = changed_export();
  const ImportResult served = import_export(sample(), "data/articles.json");
  const ImportResult file = import_export(changed, "checked.json");
  const BoardDiff expected = diff_boards(served.board, file.board);
  REQUIRE(expected.added.size() == 1);
  REQUIRE(expected.removed.size() == 1);
  REQUIRE(expected.edited.size() == 1);
  REQUIRE(expected.views_down.size() == 1);
  REQUIRE(expected.jumps.size() == 1);

  page.preview(changed, "checked.json");
  const Board& board = page.session.app().board();
  CHECK(board.size() == 45);  // 45 - 1 removed + 1 added; the record without a title skipped
  CHECK(board.find(99999).has_value());
  CHECK_FALSE(board.find(served.board.id(0)).has_value());

  const json state = page.state();
  const json& data = state["data"];
  CHECK(data["source"] == "checked.json");
  CHECK(data["board_source"] == "checked.json");
  CHECK(data["skipped"] == 1);
  REQUIRE(data["problems"].size() == 1);
  CHECK(data["problems"][0]["record"] == 45);
  CHECK(data["problems"][0]["id"] == "99998");
  CHECK(data["problems"][0]["field"] == "title");
  const json& preview = data["preview"];
  REQUIRE(preview.is_object());
  CHECK(preview["file"] == "checked.json");
  CHECK(preview["served"] == "data/articles.json");
  CHECK(preview["usable"] == true);
  // The same JSON as newsroom-check --json --previous data/articles.json gives as "diff".
  CHECK(preview["diff"] == diff_json("data/articles.json", file.board, expected));
  CHECK(preview["diff"]["added_ids"] == json::array({99999}));
  CHECK(preview["diff"]["removed_ids"] == json::array({served.board.id(0)}));
  CHECK(preview["diff"]["views_before"] == expected.views_before);
  CHECK(preview["diff"]["views_after"] == expected.views_after);
  CHECK(preview["diff"]["jumps"].size() == 1);
  CHECK(preview["diff"]["views_down"].size() == 1);
  REQUIRE(page.session.preview());
  CHECK(page.session.preview()->diff->edited.size() == 1);

  // The screen reader hears it is a local file.
  const json frame = page.after_frame();
  const json* mirror = find_effect(frame, "mirror");
  REQUIRE(mirror);
  CHECK((*mirror)["notice"] == "local preview checked.json");

  // A local file is never written as the served export's board image.
  const json refused = page.command("write_image", {{"address", "data/articles.json"}});
  const json* image = find_effect(refused, "image");
  REQUIRE(image);
  CHECK(image->contains("error"));
  CHECK_FALSE(page.session.writing_image());

  // The bar's buttons become effects for the page.
  ViewRequests back;
  back.preview_back = true;
  const json backed = page.after_frame(back);
  CHECK(find_effect(backed, "preview_back"));
  ViewRequests pick;
  pick.pick_file = true;
  const json picked = page.after_frame(pick);
  CHECK(find_effect(picked, "pick_file"));

  // Back: the page delivers the served export again; the view is kept as in a live swap.
  page.session.app().open(served.board.id(2));
  page.serve(sample());
  CHECK(page.session.preview() == nullptr);
  const json after = page.state();
  CHECK(after["data"]["preview"].is_null());
  CHECK(after["data"]["source"] == "data/articles.json");
  CHECK(after["data"]["problems"].empty());
  CHECK(page.session.app().board().size() == 45);
  CHECK_FALSE(page.session.app().board().find(99999).has_value());
  CHECK(after["article"]["id"] == served.board.id(2));
  const json frame_back = page.after_frame();
  const json* mirror_back = find_effect(frame_back, "mirror");
  REQUIRE(mirror_back);
  CHECK_FALSE(mirror_back->contains("notice"));
  // The served board may be stored again.
  const json writing = page.command("write_image", {{"address", "data/articles.json"}});
  const json* written = find_effect(writing, "image");
  REQUIRE(written);
  CHECK(written->contains("writing"));
}

TEST_CASE("a preview file that cannot be used leaves the served board, named with its report, until back") {
  Page page;
  page.serve(sample());
  page.preview("{\"format\": \"newsroom-export\", \"articles\": [", "broken.json");
  CHECK(page.session.app().board().size() == 45);  // the served board stays
  json state = page.state();
  CHECK(state["data"]["source"] == "broken.json");
  CHECK(state["data"]["usable"] == false);
  CHECK(state["data"]["board_source"] == "data/articles.json");
  REQUIRE(state["data"]["preview"].is_object());
  CHECK(state["data"]["preview"]["usable"] == false);
  CHECK(state["data"]["preview"]["diff"].is_null());

  // A usable file next is still compared with the served board (the one on screen).
  page.preview(changed_export(), "second.json");
  state = page.state();
  CHECK(state["data"]["source"] == "second.json");
  CHECK(state["data"]["preview"]["diff"]["added"] == 1);
  CHECK(state["data"]["preview"]["served"] == "data/articles.json");

  // A preview over that preview has no served board on screen to compare with.
  page.preview(sample(), "third.json");
  state = page.state();
  CHECK(state["data"]["preview"]["file"] == "third.json");
  CHECK(state["data"]["preview"]["diff"].is_null());
  CHECK(state["data"]["preview"]["served"].is_null());

  page.serve(sample());
  CHECK(page.state()["data"]["preview"].is_null());
}

TEST_CASE("a streamed preview is compared as a whole one, and an abandoned one changes nothing") {
  Page page;
  page.serve(sample());
  const std::string changed = changed_export();
  page.hand_over(changed, {{"kind", "stream"}, {"preview", true}, {"name", "streamed.json"}}, json::object());
  json state = page.state();
  CHECK(state["data"]["source"] == "streamed.json");
  CHECK(state["data"]["preview"]["diff"]["removed"] == 1);

  page.serve(sample());
  page.hand_over(changed.substr(0, 1000), {{"kind", "stream"}, {"preview", true}, {"name", "cut.json"}},
                 {{"error", "the file could not be read"}});
  state = page.state();
  CHECK(state["data"]["preview"].is_null());
  CHECK(state["data"]["source"] == "data/articles.json");
}
