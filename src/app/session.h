// One page's session, with no browser in it: the board and its view (AppState), the loads
// (Loader), the kiosk's loop, the page's live-polling report and the history rules. The
// page's calls arrive as commands and as bytes over one channel; what the page must do in
// return comes back as Effects. The clock is a parameter everywhere, so a whole visit (a
// streamed import, a manifest with a failed part, a live swap, a day of kiosk time) runs in
// a unit test. The platform layer keeps only what needs a browser or GL.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/effects.h"
#include "app/kiosk_driver.h"
#include "app/live_status.h"
#include "app/loader.h"
#include "app/local_preview.h"
#include "app/page_json.h"
#include "app/state_json.h"
#include "app/view_requests.h"

namespace newsroom {

class Session {
 public:
  Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // --- commands: the page's low-rate calls, {"name": argument} -------------------------
  // Carries out one the session knows (false for the others: the platform's own, such as
  // the theme). A malformed argument is ignored.
  bool command(std::string_view name, const nlohmann::json& arg, Effects& out);

  // --- the byte channel: every file the page hands over ----------------------------------
  // open({"kind": ..., "name": ..., "expected": bytes}) gives a channel; space() gives room
  // for the next bytes (valid until the next call), commit() says how many were written,
  // close() ends it. Kinds:
  //   "export"   an export given whole: imported when closed
  //   "stream"   an export imported while it downloads (commit answers the bytes unread,
  //              above which the page pauses its download)
  //   "manifest" closed with the manifest's files as the answer ({"files": [...]} or
  //              {"error": ...}), or null when the bytes are an export after all
  //   "part"     a file of a manifest, imported with the others by "finish_parts"
  //   "font"     handed back by close() to the platform, which owns the font atlas
  //   "bytes"    held until close() says what they are ({"as": "export"|"manifest"|...})
  //   "image"    a board image (io/board_image.h), closed with {"export": {address, etag,
  //              last_modified, length, digest}} naming the export it must be of: shown at
  //              once when it is, answered {"identity": {...}}; else {"refused": why}
  // A channel opened or closed with {"preview": true} (an "export", bytes closed as one, or a
  // "stream") is a local preview (app/local_preview.h), named by its "name".
  // close({"error": "..."}) says the download failed (a part is then named in the report;
  // a stream is abandoned and the board on screen stays); {"discard": true} drops it.
  static constexpr int kNoChannel = 0;
  int open(const nlohmann::json& how);
  char* space(int channel, size_t bytes);
  size_t commit(int channel, size_t bytes);
  struct Closed {
    std::string kind;       // what the bytes turned out to be
    OwnedBytes bytes;       // a font's bytes, for the platform
    nlohmann::json answer;  // a manifest's files
  };
  Closed close(int channel, const nlohmann::json& how, Effects& out);
  size_t open_channels() const { return channels_.size(); }

  // --- time --------------------------------------------------------------------------
  // Import, then index, for about `budget_ms` by `clock`; true when the index became
  // complete (the searches waiting for it are answered: draw again), or the related
  // articles' index after it (the open article's list appears).
  bool work(double budget_ms, Loader::Clock clock, void* clock_context, Effects& out);
  // Before a frame in kiosk mode (`now` in UTC seconds, before the test offset): the loop
  // moves on. Nothing happens outside kiosk mode.
  KioskDriver::Tick before_frame(double now, bool can_draw, Effects& out);
  // After a frame: the views' requests as effects, then the title and the screen-reader
  // mirror brought in step with the view.
  void after_frame(ViewRequests requests, Effects& out);

  // --- board images ------------------------------------------------------------------
  // Commands: "write_image" {export identity} starts the image of the board on screen, once
  // its index is complete (effect "image" {"writing": bytes}, or {"error"}); it comes a
  // piece per work() call, each as the effect "image" {"piece": {at, length}} (valid until
  // the page says "image_taken"), then {"done": {length, header}} (the image's first bytes,
  // its length and checksum now known), or {"error"} when another board came first;
  // "image_status" {"saved", "error"} is what the page's store made of it
  // (state().data.image_saved).
  struct ImageFacts {
    uint64_t from_image = 0;          // the board generation shown from an image (0: none)
    uint64_t written = 0, saved = 0;  // board generations written, and stored by the page
    std::string refused, error;       // the last image refused; the last store's failure
    uint64_t bytes = 0;               // the size of the last image read or written
  };
  const ImageFacts& image_facts() const { return image_; }
  static constexpr size_t kImageSlice = size_t{4} << 20;  // bytes of image per piece (per work() call)
  bool board_from_image() const;                          // the board on screen came from an image
  bool board_image_saved() const;                         // the board on screen is stored as one
  bool writing_image() const { return image_job_ != nullptr; }

  // --- a local preview ------------------------------------------------------------------
  // A preview's import, once read, is compared with the board on screen (the served one)
  // just before it replaces it, then shown with its own report; an unusable file leaves the
  // served board on screen (its report shown). A preview while another is shown has no
  // served board to compare with (the page goes back to the served board first). The next
  // load that is not a preview and is usable ends it (the page's 서버 자료로 돌아가기: the
  // served export delivered again). While a preview is shown, "write_image" is refused: a
  // local file is never stored as the served export's board image.
  const LocalPreview* preview() const { return preview_ ? &*preview_ : nullptr; }

  // --- what the views and state() read -----------------------------------------------
  AppState& app() { return app_; }
  const AppState& app() const { return app_; }
  Loader& loader() { return loader_; }
  const Loader& loader() const { return loader_; }
  KioskDriver* kiosk() { return kiosk_.get(); }
  const KioskDriver* kiosk() const { return kiosk_.get(); }
  const LiveStatus& live() const { return live_; }
  double kiosk_now(double utc_seconds) const { return utc_seconds + clock_offset_; }
  // The load, kiosk and live parts of state() (the platform adds what only it knows).
  void add_facts(FrameFacts& facts, double utc_seconds) const;
  const std::string& title() const { return title_; }
  // The mirror's own words in the interface's language (the drawing layer's string table);
  // the mirror is sent again after the next frame, in those words.
  void set_mirror_words(MirrorWords words) {
    mirror_words_ = std::move(words);
    mirror_key_.clear();
  }

 private:
  struct Channel {
    std::string kind, name;
    bool preview = false;      // a local preview (see above)
    ExportIdentity export_of;  // an image's export, said at close
    OwnedBytes bytes;          // what was written, for every kind but "stream"
    size_t capacity = 0;
    size_t expected = 0;
    std::optional<ImageSum> sum;  // {"image": true}: its checksum taken as bytes are committed
  };
  void set_options(const std::string& query, Effects& out);
  void set_hash(const std::string& hash, Effects& out);
  void set_live(const nlohmann::json& status);
  void escape(Effects& out);
  void loaded(const Loader::Applied& applied, Effects& out);
  void finish(Channel channel, std::string kind, const std::string& error, Closed& closed, Effects& out);
  void in_step(Effects& out);
  void write_image(const nlohmann::json& identity, Effects& out);
  void write_image_piece(Effects& out);
  void compare(const ImportResult& incoming);
  void begin_load(bool preview, const std::string& name);

  AppState app_;
  Loader loader_{app_};
  std::unique_ptr<KioskDriver> kiosk_;
  LiveStatus live_;
  double clock_offset_ = 0;  // seconds the tests added (advance_clock)
  // The history entry before this one is the list the article was opened from: 목록 then
  // goes back in history instead of adding an entry.
  bool list_is_previous_entry_ = false;
  std::string title_, mirror_key_;
  MirrorWords mirror_words_;
  std::map<int, Channel> channels_;
  int next_channel_ = 1;
  int stream_channel_ = kNoChannel;  // the channel feeding the Loader's stream, if any
  ImageFacts image_;
  std::unique_ptr<BoardImageJob> image_job_;  // the image being written, of board generation:
  uint64_t image_job_board_ = 0;
  bool image_piece_taken_ = true;            // the page took the last piece: the next may be written
  std::optional<std::string> preview_load_;  // the load under way is a preview of this file
  std::optional<LocalPreview> compared_;     // that load's import, compared before it was applied
  std::optional<LocalPreview> preview_;      // the preview on screen
};

}  // namespace newsroom
