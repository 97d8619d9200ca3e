#include "app/kiosk.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "app/route.h"

namespace newsroom {
namespace {

// A plain decimal number, all of the text: an optional '-', digits, and optionally a '.'
// with more digits ("20", "1.5"). strtod alone would also take "0x10", "1e2", "inf",
// " 5" and "+5", which nobody writing a kiosk address means as a number of seconds.
std::optional<double> parse_number(const std::string& text) {
  size_t at = text.empty() || text[0] != '-' ? 0 : 1;
  const auto digits = [&text, &at] {
    const size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at > start;
  };
  if (!digits()) return std::nullopt;
  if (at < text.size() && text[at] == '.') {
    ++at;
    if (!digits()) return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;  // hundreds of digits
  return value;
}

std::string number_text(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e12) return std::to_string(static_cast<int64_t>(value));
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  return text;
}

// Sets the option to the number when it lies in [low, high] (and is whole when asked);
// otherwise leaves it and says so, naming the option's own default (not whatever the
// field holds now).
template <typename T>
void read_range(KioskOptions& options, T KioskOptions::*field, const std::string& key, const std::string& value,
                double low, double high, const char* unit, bool whole) {
  const auto number = parse_number(value);
  if (number && *number >= low && *number <= high && (!whole || *number == std::floor(*number))) {
    options.*field = static_cast<T>(*number);
    return;
  }
  const KioskOptions defaults;
  options.problems.push_back(key + "=" + value + ": expected " + (whole ? "a whole number of " : "") + unit + " from " +
                             number_text(low) + " to " + number_text(high) + "; using the default " +
                             number_text(static_cast<double>(defaults.*field)));
}

// The options this parser reads. A browser's URLSearchParams.get, which the page's own
// script uses for mode, lang and theme, answers the first of a repeated parameter; the
// first one is used here too, so both halves of the page agree.
bool is_option(std::string_view key) {
  constexpr std::string_view kNames[] = {"mode",  "lang",  "theme", "rotate",  "idle",
                                         "scale", "count", "stale", "playlist"};
  return std::find(std::begin(kNames), std::end(kNames), key) != std::end(kNames);
}

}  // namespace

const char* playlist_name(PlaylistKind kind) {
  switch (kind) {
    case PlaylistKind::latest: return "latest";
    case PlaylistKind::views: return "views";
    case PlaylistKind::pinned: return "pinned";
    case PlaylistKind::category: return "category";
  }
  return "latest";
}

KioskOptions parse_kiosk_options(std::string_view query) {
  KioskOptions options;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [key, value] : query_parts(query)) {
    std::string raw(value.value_or(std::string_view()));
    std::replace(raw.begin(), raw.end(), '+', ' ');  // a page's query string (forms write spaces as '+')
    pairs.emplace_back(percent_decode(key), percent_decode(raw));
  }
  // The first occurrence of each option, in query order; later ones are named and ignored.
  std::vector<std::pair<std::string, std::string>> firsts;
  std::vector<std::pair<std::string, std::string>> repeats;
  for (auto& [key, value] : pairs) {
    if (!is_option(key)) continue;
    const std::string& name = key;  // clang 14 cannot capture a structured binding
    const auto first = std::find_if(firsts.begin(), firsts.end(), [&name](const auto& f) { return f.first == name; });
    if (first == firsts.end()) {
      firsts.emplace_back(std::move(key), std::move(value));
    } else {
      repeats.emplace_back(key + "=" + value + ": " + key + " is given more than once; the first (" + key + "=" +
                               first->second + ") is used",
                           key);
    }
  }
  const auto is_kiosk_only = [](std::string_view key) { return key != "mode" && key != "lang" && key != "theme"; };
  // mode first: the kiosk's own options only matter in kiosk mode.
  for (const auto& [key, value] : firsts) {
    if (key != "mode") continue;
    if (value == "kiosk")
      options.kiosk = true;
    else
      options.problems.push_back("mode=" + value + ": expected kiosk (the only mode there is); showing the board");
  }
  for (const auto& [key, value] : firsts) {
    if (key == "lang") {
      if (value == "ko" || value == "en")
        options.lang = value;
      else
        options.problems.push_back("lang=" + value + ": expected ko or en; using the default ko");
    } else if (key == "theme") {
      if (value == "light" || value == "dark")
        options.theme = value;
      else
        options.problems.push_back("theme=" + value + ": expected light or dark; following the system");
    }
    if (!options.kiosk) continue;
    if (key == "rotate") {
      read_range(options, &KioskOptions::rotate, key, value, 3, 3600, "seconds", false);
    } else if (key == "idle") {
      read_range(options, &KioskOptions::idle, key, value, 10, 86400, "seconds", false);
    } else if (key == "scale") {
      read_range(options, &KioskOptions::scale, key, value, 0.75, 3, "times the text size", false);
    } else if (key == "count") {
      read_range(options, &KioskOptions::count, key, value, 1, 500, "articles", true);
    } else if (key == "stale") {
      read_range(options, &KioskOptions::stale_hours, key, value, 1, 8760, "hours", false);
    } else if (key == "playlist") {
      if (value == "latest")
        options.playlist = PlaylistKind::latest;
      else if (value == "views")
        options.playlist = PlaylistKind::views;
      else if (value == "pinned")
        options.playlist = PlaylistKind::pinned;
      else if (value.rfind("category:", 0) == 0 && value.size() > 9) {
        options.playlist = PlaylistKind::category;
        options.category = value.substr(9);
      } else {
        options.problems.push_back("playlist=" + value +
                                   ": expected latest, views, pinned or category:<name>; using the default latest");
      }
    }
  }
  // Kiosk options repeated outside kiosk mode are not read, so there is nothing to say.
  for (auto& [problem, key] : repeats) {
    if (options.kiosk || !is_kiosk_only(key)) options.problems.push_back(std::move(problem));
  }
  return options;
}

Playlist make_playlist(const Board& board, const KioskOptions& options) {
  Playlist out;
  std::vector<uint32_t> rows;
  rows.reserve(board.size());
  PlaylistKind kind = options.playlist;
  if (kind == PlaylistKind::category) {
    const auto& names = board.category_names();
    const auto it = std::find(names.begin(), names.end(), options.category);
    if (it != names.end()) {
      const auto category = static_cast<uint16_t>(it - names.begin());
      for (uint32_t i = 0; i < board.size(); ++i) {
        if (board.category_of(i) == category) rows.push_back(i);
      }
    }
    if (rows.empty()) {
      out.problem = "playlist=category:" + options.category + ": no article in that category; showing the latest";
      kind = PlaylistKind::latest;
    }
  } else if (kind == PlaylistKind::pinned) {
    for (uint32_t i = 0; i < board.size(); ++i) {
      if (board.pinned(i)) rows.push_back(i);
    }
    if (rows.empty()) {
      out.problem = "playlist=pinned: the export has no pinned article; showing the latest";
      kind = PlaylistKind::latest;
    }
  }
  if (kind == PlaylistKind::latest || kind == PlaylistKind::views) {
    for (uint32_t i = 0; i < board.size(); ++i) rows.push_back(i);
  }
  const size_t keep = std::min(rows.size(), static_cast<size_t>(std::max(1, options.count)));
  const auto by = [&board, kind](uint32_t a, uint32_t b) {
    return kind == PlaylistKind::views ? board.more_viewed(a, b) : board.newer(a, b);
  };
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(keep), rows.end(), by);
  rows.resize(keep);
  out.ids.reserve(keep);
  for (const uint32_t row : rows) out.ids.push_back(board.id(row));
  return out;
}

void KioskLoop::set_playlist(std::vector<int64_t> ids) {
  const std::optional<int64_t> shown = current();
  ids_ = std::move(ids);
  const auto it = shown ? std::find(ids_.begin(), ids_.end(), *shown) : ids_.end();
  if (it != ids_.end()) {
    position_ = static_cast<size_t>(it - ids_.begin());
  } else {
    position_ = 0;
    need_show_ = playing_;
  }
}

std::optional<int64_t> KioskLoop::current() const {
  if (ids_.empty() || position_ >= ids_.size()) return std::nullopt;
  return ids_[position_];
}

KioskLoop::Step KioskLoop::tick(double now) {
  if (ids_.empty()) return {};
  if (!started_) {
    started_ = true;
    playing_ = true;
    need_show_ = false;
    position_ = 0;
    shown_at_ = now;
    return {Event::show, ids_[0]};
  }
  if (playing_) {
    if (now < shown_at_) shown_at_ = now;  // the clock went back: wait a whole turn from here
    const double elapsed = now - shown_at_;
    if (elapsed >= rotate_) {
      const auto steps = static_cast<uint64_t>(std::floor(elapsed / rotate_));
      position_ = static_cast<size_t>((position_ + steps) % ids_.size());
      shown_at_ += static_cast<double>(steps) * rotate_;
      rotations_ += steps;
      need_show_ = false;
      return {Event::show, ids_[position_]};
    }
    if (need_show_) {
      need_show_ = false;
      shown_at_ = now;
      return {Event::show, ids_[position_]};
    }
    return {};
  }
  if (now < last_input_) last_input_ = now;
  if (now - last_input_ >= idle_) {
    playing_ = true;
    position_ = 0;
    shown_at_ = now;
    need_show_ = false;
    ++resets_;
    return {Event::reset, ids_[0]};
  }
  return {};
}

bool KioskLoop::input(double now) {
  last_input_ = now;
  if (!playing_) return false;
  playing_ = false;
  paused_at_ = now;
  return true;
}

double KioskLoop::progress(double now) const {
  if (!playing_ || ids_.empty()) return 0;
  return std::clamp((now - shown_at_) / rotate_, 0.0, 1.0);
}

double KioskLoop::paused_for(double now) const { return playing_ ? 0 : std::max(0.0, now - paused_at_); }

double KioskLoop::idle_in(double now) const { return playing_ ? 0 : std::max(0.0, idle_ - (now - last_input_)); }

double data_age_hours(int64_t exported_at, double now) { return (now - static_cast<double>(exported_at)) / 3600.0; }

bool is_stale(int64_t exported_at, double now, double stale_hours) {
  return data_age_hours(exported_at, now) > stale_hours;
}

}  // namespace newsroom
