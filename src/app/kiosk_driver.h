// Kiosk mode before each frame: a new board gets its playlist, the attract loop opens the
// next article or, once the visitor has left, resets the list to its defaults; what the
// views and state() show of it comes from here. The clock is a parameter (UTC seconds), so
// days of rotations run in a unit test.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/kiosk.h"
#include "app/state_json.h"

namespace newsroom {

// What the kiosk's screen shows of the loop and the data's age.
struct KioskView {
  bool playing = false;
  double progress = 0;  // 0..1 of the current article's time
  size_t position = 0, length = 0;
  std::string exported_at;  // "23-12-20 13:14", or "" without exported_at
  int age_hours = 0;
  bool stale = false;
  std::vector<std::string> problems;  // bad options, and a playlist that could not be used
};

class KioskDriver {
 public:
  explicit KioskDriver(KioskOptions options);

  // What a tick did: `reset` asks the caller to forget the visitor's view state too
  // (search box, scroll, open menus); `opened` means the route changed (replace the URL,
  // not push: weeks of rotations add no history).
  struct Tick {
    bool reset = false;
    bool opened = false;
    std::string warning;  // a playlist the new board could not fill (for the console)
  };
  // Before a frame, with the board's font ready to draw it.
  Tick tick(AppState& app, double now, bool can_draw);
  // A visitor's touch, click, wheel or key: the loop pauses.
  void input(double now) { loop_.input(now); }

  KioskView view(const AppState& app, double now) const;
  KioskFacts facts(const AppState& app, double now) const;  // state().kiosk
  const KioskOptions& options() const { return options_; }
  const KioskLoop& loop() const { return loop_; }

 private:
  KioskOptions options_;
  KioskLoop loop_;
  uint64_t board_generation_ = 0;  // the board the playlist was made from
  std::string playlist_kind_;
  std::vector<std::string> problems_;
};

}  // namespace newsroom
