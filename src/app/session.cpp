#include "app/session.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/analytics_csv.h"
#include "app/diff_json.h"
#include "app/page_json.h"

namespace newsroom {
namespace {

// A block the channel grows (by half, at least 1 MB, at least what the page said to expect),
// so that a download of many pieces is copied a few times at most.
bool reserve(OwnedBytes& bytes, size_t& capacity, size_t wanted, size_t expected) {
  if (wanted <= capacity && bytes.data) return true;
  const size_t grown = std::max({wanted, expected, capacity + capacity / 2, size_t{1} << 20});
  char* block = static_cast<char*>(std::realloc(bytes.data.get(), grown));
  if (!block) return false;
  (void)bytes.data.release();
  bytes.data.reset(block);
  capacity = grown;
  return true;
}

// What is held past the bytes written is given back (in place) before a block is kept.
void fit(OwnedBytes& bytes, size_t& capacity) {
  constexpr size_t kSlack = size_t{1} << 20;
  if (!bytes.data || capacity <= bytes.size + kSlack) return;
  if (char* block = static_cast<char*>(std::realloc(bytes.data.get(), std::max<size_t>(1, bytes.size)))) {
    (void)bytes.data.release();
    bytes.data.reset(block);
    capacity = bytes.size;
  }
}

std::string string_of(const nlohmann::json& how, const char* key) {
  const auto it = how.find(key);
  return it != how.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ExportIdentity identity_of(const nlohmann::json& how) {
  ExportIdentity id;
  if (!how.is_object()) return id;
  id.address = string_of(how, "address");
  id.etag = string_of(how, "etag");
  id.last_modified = string_of(how, "last_modified");
  const auto length = how.find("length");
  if (length != how.end() && length->is_number() && length->get<double>() > 0)
    id.length = static_cast<uint64_t>(length->get<double>());
  id.digest = string_of(how, "digest");
  return id;
}

nlohmann::json identity_json(const ExportIdentity& id) {
  return {{"address", id.address},
          {"etag", id.etag},
          {"last_modified", id.last_modified},
          {"length", id.length},
          {"digest", id.digest}};
}

bool flag_of(const nlohmann::json& how, const char* key) {
  if (!how.is_object()) return false;
  const auto it = how.find(key);
  return it != how.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

Session::Session() {
  loader_.set_before_apply([this](const ImportResult& incoming) { compare(incoming); });
}

// --- commands -----------------------------------------------------------------------------

bool Session::command(std::string_view name, const nlohmann::json& arg, Effects& out) {
  if (name == "options") {
    if (arg.is_string()) set_options(arg.get<std::string>(), out);
  } else if (name == "hash") {
    if (arg.is_string()) set_hash(arg.get<std::string>(), out);
  } else if (name == "escape") {
    escape(out);
  } else if (name == "advance_clock") {
    if (arg.is_number() && std::isfinite(arg.get<double>())) clock_offset_ += arg.get<double>();
  } else if (name == "live") {
    if (arg.is_object()) set_live(arg);
  } else if (name == "download_progress") {
    if (arg.is_object()) loader_.download_progress(arg.value("done", uint64_t{0}), arg.value("total", uint64_t{0}));
  } else if (name == "finish_parts") {
    if (arg.is_string()) {
      begin_load(false, {});
      loaded(loader_.finish_parts(arg.get<std::string>()), out);
    }
  } else if (name == "write_image") {
    write_image(arg, out);
  } else if (name == "image_taken") {
    image_piece_taken_ = true;
  } else if (name == "image_status") {
    if (arg.is_object()) {
      image_.error = string_of(arg, "error");
      image_.saved = arg.value("saved", false) ? image_.written : 0;
    }
  } else if (name == "load_failed") {
    if (arg.is_object()) {
      begin_load(false, {});
      loaded(loader_.failed(arg.value("source", std::string()), arg.value("message", std::string())), out);
    }
  } else {
    return false;
  }
  return true;
}

// The image of the board on screen, for the page to store: only once its index is complete,
// and only of a board that is the last import's (not one kept after a refused import).
// The image is handed over a piece per work() call (a large board's is hundreds of MB, and
// the heap never holds it whole): the next piece once the page took the last.
void Session::write_image(const nlohmann::json& identity, Effects& out) {
  image_job_.reset();
  const SearchIndex* index = app_.index();
  if (preview_) {  // a local file is never kept as the served export's image
    out.add("image", {{"error", "a local preview is shown, not the served export"}});
    return;
  }
  if (!app_.has_board() || !index || app_.showing_previous_board() || loader_.busy()) {
    out.add("image", {{"error", "the board on screen is not complete yet"}});
    return;
  }
  image_job_ = std::make_unique<BoardImageJob>(app_.board(), *index, app_.report(), identity_of(identity));
  image_job_board_ = app_.board_generation();
  out.add("image", {{"writing", image_job_->size()}});
  image_piece_taken_ = true;
  write_image_piece(out);
}

void Session::write_image_piece(Effects& out) {
  if (!image_job_) return;
  if (!app_.has_board() || app_.board_generation() != image_job_board_) {  // the job read a board now gone
    image_job_.reset();
    out.add("image", {{"error", "another board replaced the one being written"}});
    return;
  }
  if (!image_piece_taken_) return;
  if (image_job_->done()) {
    const std::string header = image_job_->header();
    image_.written = image_job_board_;
    image_.bytes = image_job_->size();
    out.add(
        "image",
        {{"done", {{"length", image_job_->size()}, {"header", std::vector<uint8_t>(header.begin(), header.end())}}}});
    image_job_.reset();
    return;
  }
  const std::string_view piece = image_job_->next(kImageSlice);
  image_piece_taken_ = false;
  out.add("image", {{"piece", {{"at", reinterpret_cast<uintptr_t>(piece.data())}, {"length", piece.size()}}}});
}

bool Session::board_from_image() const { return app_.has_board() && image_.from_image == app_.board_generation(); }
bool Session::board_image_saved() const { return app_.has_board() && image_.saved == app_.board_generation(); }

// The page's query string (location.search), once at start: ?mode=kiosk and its options
// (app/kiosk.h). Each bad value is named on the console.
void Session::set_options(const std::string& query, Effects& out) {
  KioskOptions options = parse_kiosk_options(query);
  for (const std::string& problem : options.problems) out.add("warn", problem);
  if (options.kiosk) kiosk_ = std::make_unique<KioskDriver>(std::move(options));
}

void Session::set_hash(const std::string& hash, Effects& out) {
  if (app_.hash() != hash) list_is_previous_entry_ = false;  // moved through history or a typed URL
  app_.apply_hash(hash);
  // The hash named something this board does not have: the URL says what is shown.
  if (app_.hash() != hash && app_.has_board()) out.add("replace_hash", app_.hash());
}

// The page's live polling: times in UTC seconds, 0 for none; error "" when the last check went well.
void Session::set_live(const nlohmann::json& status) {
  live_.poll_seconds = status.value("poll_seconds", 0);
  live_.polls = status.value("polls", int64_t{0});
  live_.swaps = status.value("swaps", int64_t{0});
  live_.last_checked = status.value("last_checked", int64_t{0});
  live_.last_error = status.value("last_error", std::string());
  live_.saved_at = status.value("saved_at", int64_t{0});
}

// Escape outside the search box: an open article goes back to its list; a list with a
// search clears it.
void Session::escape(Effects& out) {
  ViewRequests requests;
  if (app_.route().view == Route::View::article) {
    requests.back = true;
  } else if (!app_.list().q.empty() && app_.set_search_text("")) {
    requests.route_changed = true;
  }
  after_frame(std::move(requests), out);
}

// A load ended (its board is on screen, or its report says why not): the route may have
// been clamped to the new board, and the page hears that the load ended.
void Session::loaded(const Loader::Applied& applied, Effects& out) {
  if (preview_load_) {  // a preview's import ended: shown (or, unusable, named with the served board on screen)
    preview_ = compared_ ? std::move(*compared_) : LocalPreview{*preview_load_};
    preview_->usable = applied.usable;
    preview_load_.reset();
  } else if (applied.usable) {
    preview_.reset();  // the served data (or another export) replaced the preview
  }
  compared_.reset();
  out.add("replace_hash", app_.hash());
  out.add("loaded", {{"generation", applied.generation}, {"usable", applied.usable}});
}

// --- a local preview ----------------------------------------------------------------------

// A load begins: a preview of `name`, or not (it drops one under way, as it drops the load).
void Session::begin_load(bool preview, const std::string& name) {
  compared_.reset();
  if (preview)
    preview_load_ = name;
  else
    preview_load_.reset();
}

// Just before an import replaces the board on screen: a preview's is compared with the
// served board, when that is the one on screen (not an earlier preview's).
void Session::compare(const ImportResult& incoming) {
  compared_.reset();
  if (!preview_load_) return;
  LocalPreview preview{*preview_load_};
  const bool served_on_screen = app_.has_board() && !(preview_ && preview_->usable);
  if (incoming.report.usable && served_on_screen) {
    preview.served = app_.board_source();
    preview.diff = diff_boards(app_.board(), incoming.board);
    preview.diff_json = diff_json(preview.served, incoming.board, *preview.diff);
  }
  compared_ = std::move(preview);
}

// --- the byte channel ---------------------------------------------------------------------

int Session::open(const nlohmann::json& how) {
  Channel channel;
  channel.kind = string_of(how, "kind");
  if (channel.kind.empty()) channel.kind = "bytes";
  channel.name = string_of(how, "name");
  channel.preview = flag_of(how, "preview");
  if (flag_of(how, "image")) channel.sum.emplace();
  const auto expected = how.find("expected");
  if (expected != how.end() && expected->is_number() && expected->get<double>() > 0)
    channel.expected = static_cast<size_t>(expected->get<double>());
  const int id = next_channel_++;
  if (channel.kind == "stream") {
    // One stream at a time: one still open is superseded, and what it writes is dropped.
    if (const auto it = channels_.find(stream_channel_); it != channels_.end()) it->second.kind = "dropped";
    begin_load(channel.preview, channel.name);
    loader_.begin_stream(channel.name, channel.expected);
    stream_channel_ = id;
  }
  channels_.emplace(id, std::move(channel));
  return id;
}

char* Session::space(int id, size_t bytes) {
  const auto it = channels_.find(id);
  if (it == channels_.end()) return nullptr;
  Channel& channel = it->second;
  if (channel.kind == "stream") return loader_.stream_space(bytes);
  if (!reserve(channel.bytes, channel.capacity, channel.bytes.size + bytes, channel.expected)) return nullptr;
  return channel.bytes.data.get() + channel.bytes.size;
}

size_t Session::commit(int id, size_t bytes) {
  const auto it = channels_.find(id);
  if (it == channels_.end()) return 0;
  Channel& channel = it->second;
  if (channel.kind == "stream") {
    // commit(0) only asks how much is unread: the room last given is not touched again.
    if (bytes) loader_.stream_added(bytes);
    return loader_.unread();
  }
  if (channel.kind == "dropped") return 0;  // a superseded stream's pieces land in the same room, forgotten
  const size_t before = channel.bytes.size;
  channel.bytes.size = std::min(channel.bytes.size + bytes, channel.capacity);
  if (channel.sum) channel.sum->add(channel.bytes.view().substr(before));
  return 0;
}

Session::Closed Session::close(int id, const nlohmann::json& how, Effects& out) {
  Closed closed;
  const auto it = channels_.find(id);
  if (it == channels_.end()) return closed;
  Channel channel = std::move(it->second);
  channels_.erase(it);
  const std::string as = how.is_object() ? string_of(how, "as") : std::string();
  const std::string error = how.is_object() ? string_of(how, "error") : std::string();
  const bool discard = how.is_object() && how.value("discard", false);
  if (!string_of(how, "name").empty()) channel.name = string_of(how, "name");
  if (how.is_object() && how.contains("export")) channel.export_of = identity_of(how["export"]);
  if (flag_of(how, "preview")) channel.preview = true;
  // Bytes say at the end what they are; a stream is a stream from its opening.
  const bool said = channel.kind == "bytes" && !as.empty() && as != "stream" && as != "dropped";
  std::string kind = said ? as : channel.kind == "bytes" && !as.empty() ? "bytes (as \"" + as + "\")" : channel.kind;
  if (kind == "stream") {
    stream_channel_ = kNoChannel;
    if (discard || !error.empty()) {
      loader_.abort();  // its download broke off, or the file turned out unchanged: the board stays
      preview_load_.reset();
    } else
      loader_.stream_end();
    closed.kind = kind;
    return closed;
  }
  if (discard || kind == "dropped") return closed;
  finish(std::move(channel), kind, error, closed, out);
  return closed;
}

void Session::finish(Channel channel, std::string kind, const std::string& error, Closed& closed, Effects& out) {
  fit(channel.bytes, channel.capacity);
  closed.kind = kind;
  closed.answer = nullptr;
  if (kind == "manifest" || kind == "data") {
    closed.answer = nlohmann::json::parse(manifest_reply(channel.bytes.view()), nullptr, false);
    if (!closed.answer.is_null() || kind == "manifest") return;
    closed.kind = kind = "export";  // not a manifest: the export itself
  }
  if (kind == "export") {
    begin_load(channel.preview, channel.name);
    if (const auto applied = loader_.whole(std::move(channel.bytes), channel.name)) loaded(*applied, out);
  } else if (kind == "image") {
    const size_t bytes = channel.bytes.size;
    Loader::FromImage read =
        loader_.image(std::move(channel.bytes), channel.export_of, channel.sum ? &*channel.sum : nullptr);
    image_.refused = read.refused;
    if (!read.applied) {
      closed.answer = {{"refused", read.refused}};
      return;
    }
    begin_load(false, {});  // the image replaced the board, and dropped a load under way
    image_.from_image = image_.written = image_.saved = app_.board_generation();
    image_.bytes = bytes;
    closed.answer = {{"identity", identity_json(read.identity)}};
    loaded(*read.applied, out);
  } else if (kind == "part") {
    loader_.add_part(channel.name, error.empty() ? std::move(channel.bytes) : OwnedBytes{}, error);
  } else if (kind == "font") {
    if (error.empty() && channel.bytes.size) closed.bytes = std::move(channel.bytes);
  } else {  // bytes closed without saying what they are, or as no kind of file: dropped
    out.add("warn", "a channel of " + std::to_string(channel.bytes.size) + " bytes was closed as \"" + kind +
                        "\", which is not a kind of file: its bytes are dropped");
  }
}

// --- time ---------------------------------------------------------------------------------

bool Session::work(double budget_ms, Loader::Clock clock, void* clock_context, Effects& out) {
  const Loader::Worked worked = loader_.work(budget_ms, clock, clock_context);
  if (worked.applied) loaded(*worked.applied, out);
  write_image_piece(out);  // after the load's work: a board it replaced ends the job
  return worked.indexed || worked.related;
}

KioskDriver::Tick Session::before_frame(double now, bool can_draw, Effects& out) {
  if (!kiosk_) return {};
  KioskDriver::Tick tick = kiosk_->tick(app_, kiosk_now(now), can_draw);
  if (!tick.warning.empty()) out.add("warn", tick.warning);
  if (tick.opened) {
    list_is_previous_entry_ = false;
    out.add("replace_hash", app_.hash());  // weeks of rotations add no history entries
  }
  return tick;
}

void Session::after_frame(ViewRequests requests, Effects& out) {
  if (requests.back) {
    // After an article opened from the list, back in history (the list's entry is the one
    // before); otherwise the list as a new entry.
    const bool in_history = list_is_previous_entry_;
    if (app_.back_to_list()) out.add(in_history ? "back" : "push_hash", app_.hash());
    list_is_previous_entry_ = false;
  }
  if (requests.route_changed) {
    list_is_previous_entry_ = requests.from_list;
    out.add("push_hash", app_.hash());
  } else if (requests.route_replaced) {
    out.add("replace_hash", app_.hash());
  }
  if (requests.text_scale) out.add("save_setting", {{"textScale", std::to_string(*requests.text_scale)}});
  if (!requests.article_action.empty()) {
    if (const auto index = app_.open_article()) {
      nlohmann::json article = nlohmann::json::parse(article_json(app_, *index), nullptr, false);
      // A kiosk shares by QR code: the visitor's phone opens the address, not the screen.
      out.add(kiosk_ ? "qr" : "article_action", {{"action", requests.article_action}, {"article", std::move(article)}});
    }
  }
  if (requests.clear_images) out.add("clear_images");
  if (requests.pick_file) out.add("pick_file");
  if (requests.preview_back) out.add("preview_back");
  if (!requests.download_table.empty()) {
    const std::string csv =
        analytics_csv(app_.board(), app_.analytics(), app_.trends(), app_.results(), requests.download_table);
    if (!csv.empty())
      out.add("download", {{"name", "newsroom-" + requests.download_table + ".csv"},
                           {"type", "text/csv;charset=utf-8"},
                           {"content", csv}});
  }
  if (!requests.open_url.empty())
    out.add(kiosk_ ? "qr" : "open_url", requests.open_url);  // a kiosk never navigates away
  in_step(out);
}

// The document's title and the hidden DOM mirror of the view, sent only when they change.
void Session::in_step(Effects& out) {
  const BoardInfo& info = app_.board().info;
  std::string title = info.title + " - " + info.site;
  if (const auto index = app_.open_article()) title = std::string(app_.board().title(*index)) + " - " + title;
  if (title != title_) {
    title_ = title;
    out.add("title", title_);
  }
  if (!app_.has_board()) return;
  std::string key = mirror_key(app_) + (preview_ ? "|preview:" + preview_->file : std::string());
  if (key == mirror_key_) return;
  mirror_key_ = std::move(key);
  nlohmann::json mirror = nlohmann::json::parse(mirror_json(app_, mirror_words_), nullptr, false);
  if (preview_ && mirror.is_object()) {  // the screen reader hears that this is a local file, not the site's data
    std::string notice = mirror_words_.preview;
    if (const size_t at = notice.find("{}"); at != std::string::npos) notice.replace(at, 2, preview_->file);
    mirror["notice"] = notice;
  }
  out.add("mirror", std::move(mirror));
}

// --- state() ------------------------------------------------------------------------------

void Session::add_facts(FrameFacts& facts, double utc_seconds) const {
  facts.live = live_;
  facts.local_preview = preview();
  facts.image = {board_from_image(), board_image_saved(), image_.refused, image_.error, image_.bytes};
  constexpr const char* kPhase[] = {"none", "downloading", "importing", "indexing"};
  const LoadProgress& load = loader_.progress();
  facts.load = {kPhase[static_cast<int>(load.phase)],
                load.done,
                load.total,
                load.articles,
                loader_.streaming(),
                loader_.held(),
                loader_.streams()};
  facts.mode = kiosk_ ? "kiosk" : "visitor";
  if (kiosk_) {
    facts.kiosk = kiosk_->facts(app_, kiosk_now(utc_seconds));
    facts.kiosk->clock_offset = clock_offset_;
  }
}

}  // namespace newsroom
