#include "app/kiosk_driver.h"

#include <cmath>

#include "core/dates.h"

namespace newsroom {

KioskDriver::KioskDriver(KioskOptions options)
    : options_(std::move(options)), loop_(options_.rotate, options_.idle), problems_(options_.problems) {}

KioskDriver::Tick KioskDriver::tick(AppState& app, double now, bool can_draw) {
  Tick tick;
  if (app.has_board() && app.board_generation() != board_generation_) {
    board_generation_ = app.board_generation();
    Playlist playlist = make_playlist(app.board(), options_);
    loop_.set_playlist(std::move(playlist.ids));
    problems_ = options_.problems;
    playlist_kind_ = playlist_name(options_.playlist);
    if (!playlist.problem.empty()) {
      problems_.push_back(playlist.problem);
      playlist_kind_ = "latest";
      tick.warning = playlist.problem;
    }
  }
  if (!app.has_board() || !can_draw) return tick;
  const KioskLoop::Step step = loop_.tick(now);
  if (step.event == KioskLoop::Event::reset) {
    app.navigate(Route{});  // the visitor left: the list's search, filters, sort and paging back to the defaults
    tick.reset = true;
  }
  if (step.event != KioskLoop::Event::none) {
    app.open(step.id);
    tick.opened = true;
  }
  return tick;
}

KioskView KioskDriver::view(const AppState& app, double now) const {
  KioskView view;
  view.playing = loop_.playing();
  view.progress = loop_.progress(now);
  view.position = loop_.position();
  view.length = loop_.playlist().size();
  view.problems = problems_;
  if (const auto exported = app.board().info.exported_at) {
    view.exported_at = format_board_datetime(*exported);
    view.age_hours = static_cast<int>(std::floor(data_age_hours(*exported, now)));
    view.stale = is_stale(*exported, now, options_.stale_hours);
  }
  return view;
}

KioskFacts KioskDriver::facts(const AppState& app, double now) const {
  KioskFacts k;
  k.playing = loop_.playing();
  k.paused_for = loop_.paused_for(now);
  k.idle_in = loop_.idle_in(now);
  k.playlist = loop_.playlist();
  k.playlist_kind = playlist_kind_;
  k.current = loop_.current();
  k.position = loop_.position();
  k.progress = loop_.progress(now);
  k.rotations = loop_.rotations();
  k.resets = loop_.resets();
  if (const auto exported = app.board().info.exported_at) {
    k.data_age_hours = data_age_hours(*exported, now);
    k.stale = is_stale(*exported, now, options_.stale_hours);
  }
  k.rotate = options_.rotate;
  k.idle = options_.idle;
  k.scale = options_.scale;
  k.stale_hours = options_.stale_hours;
  k.count = options_.count;
  k.problems = problems_;
  return k;
}

}  // namespace newsroom
