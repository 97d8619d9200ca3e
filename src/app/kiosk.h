// Kiosk mode (?mode=kiosk): exhibition screens that run for weeks untouched. The options
// from the page's query string, the playlist they choose, and the attract loop: unattended
// it opens the playlist's articles one after another; input hands control to a visitor;
// after `idle` seconds without input it resets the list and returns to the loop.
// Pure C++: time is passed in as seconds, so the loop is tested without a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/board.h"

namespace newsroom {

enum class PlaylistKind : uint8_t { latest, views, pinned, category };

struct KioskOptions {
  static constexpr double kDefaultRotate = 15;      // seconds per article in the loop
  static constexpr double kDefaultIdle = 90;        // seconds without input before the reset
  static constexpr double kDefaultScale = 1.5;      // text scale
  static constexpr int kDefaultCount = 20;          // playlist length
  static constexpr double kDefaultStaleHours = 72;  // data older than this gets a warning

  bool kiosk = false;  // mode=kiosk
  double rotate = kDefaultRotate;
  double idle = kDefaultIdle;
  double scale = kDefaultScale;
  PlaylistKind playlist = PlaylistKind::latest;
  std::string category;  // for PlaylistKind::category
  int count = kDefaultCount;
  double stale_hours = kDefaultStaleHours;
  std::string lang = "ko";  // "ko" or "en"
  std::string theme;        // "light", "dark", or "" (the system's)
  // One message per bad value, naming the option, what was expected and the default used.
  std::vector<std::string> problems;
};

// Reads "?mode=kiosk&rotate=20&playlist=category:보도자료" (location.search; the leading '?'
// is optional, values are percent-decoded, '+' is a space). Unknown parameters are left to
// others (data=, ...). A bad value falls back to its default with a message. Numbers are
// plain decimals ("20", "1.5"). An option given twice keeps its first value, as the
// browser's URLSearchParams.get does, and each later one gets a message.
KioskOptions parse_kiosk_options(std::string_view query);

const char* playlist_name(PlaylistKind kind);  // "latest", "views", "pinned", "category"

struct Playlist {
  std::vector<int64_t> ids;  // article ids in loop order
  std::string problem;       // why the kind asked for could not be used ("" when it could)
};

// The articles the loop shows, at most options.count:
//   latest: newest first (by published_at, then the larger id)
//   views: most viewed first (ties: newer first)
//   pinned: the pinned notices, newest first
//   category:<name>: that category's articles, newest first
// A pinned or category playlist with no article falls back to the latest, with a problem.
Playlist make_playlist(const Board& board, const KioskOptions& options);

// The attract loop. `now` is seconds on any monotonic-enough clock (the platform's is real
// time plus the test offset); a clock that goes backwards restarts the current wait.
class KioskLoop {
 public:
  enum class Event : uint8_t { none, show, reset };
  struct Step {
    Event event = Event::none;
    int64_t id = 0;  // the article to open for show and reset
  };

  KioskLoop(double rotate_seconds, double idle_seconds) : rotate_(rotate_seconds), idle_(idle_seconds) {}

  // A new playlist (a new board). The article on screen stays current if it is still in
  // the list; otherwise the loop shows the first one at the next tick.
  void set_playlist(std::vector<int64_t> ids);
  const std::vector<int64_t>& playlist() const { return ids_; }

  // Once per frame: what to show now, if it changed. While playing, the article changes
  // every `rotate` seconds (several steps at once if the clock jumped), wrapping at the
  // end. While a visitor has control, `idle` seconds after the last input it returns to the
  // loop at the start of the playlist with Event::reset (the caller resets the list).
  Step tick(double now);
  // Touch, click, wheel or key. Returns true when this input paused the loop.
  bool input(double now);

  bool playing() const { return playing_; }
  size_t position() const { return position_; }
  std::optional<int64_t> current() const;
  double progress(double now) const;    // 0..1 of the current article's time; 0 while paused
  double paused_for(double now) const;  // seconds since the visitor took over; 0 while playing
  double idle_in(double now) const;     // seconds until the reset; 0 while playing
  uint64_t rotations() const { return rotations_; }
  uint64_t resets() const { return resets_; }
  double rotate_seconds() const { return rotate_; }
  double idle_seconds() const { return idle_; }

 private:
  double rotate_, idle_;
  std::vector<int64_t> ids_;
  bool started_ = false;
  bool playing_ = true;
  bool need_show_ = false;
  size_t position_ = 0;
  double shown_at_ = 0;    // when the current article started (playing)
  double last_input_ = 0;  // the visitor's last input (paused)
  double paused_at_ = 0;
  uint64_t rotations_ = 0, resets_ = 0;
};

// Whole hours from `exported_at` to `now` (UTC seconds), and whether that passes the limit.
double data_age_hours(int64_t exported_at, double now);
bool is_stale(int64_t exported_at, double now, double stale_hours);

}  // namespace newsroom
