// newsroom-check: the data team's checker. Reads each export exactly as the viewer does
// (import_export), reports every problem by record, id and field, and with --previous says
// what a new export changes compared with the live one before it goes live.
//
//   newsroom-check [--json] FILE...
//   newsroom-check [--json] NEW --previous OLD
//   newsroom-check [--json] FILE --image OUT
//
// Exit status: 0 every file loaded with no problems; 1 every file loaded, some problems;
// 2 a file is missing, unreadable or unusable (nothing loaded), or the command line is wrong.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/diff_json.h"
#include "app/state_json.h"
#include "core/board_diff.h"
#include "core/dates.h"
#include "core/text.h"
#include "io/board_image.h"
#include "io/importer.h"
#include "io/limits.h"

namespace {

using namespace newsroom;

constexpr int kExitClean = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUnusable = 2;

constexpr size_t kMaxIdsShown = 20;  // per id list in the human report

const char* const kUsage =
    "usage: newsroom-check [--json] FILE...\n"
    "       newsroom-check [--json] NEW --previous OLD\n"
    "       newsroom-check [--json] FILE --image OUT\n"
    "\n"
    "Reads each article export the way the viewer does and reports every problem:\n"
    "record (0-based index in the file), id, field and message; errors first.\n"
    "\n"
    "  --json           one compact JSON object per file and line:\n"
    "                   "
    "{\"file\",\"format\",\"loaded\",\"skipped\",\"problems\":[{\"severity\",\"record\",\"id\",\"field\",\"message\"}]}"
    "\n"
    "  --previous OLD   compare the single file NEW with the export OLD now live: articles added,\n"
    "                   removed and edited, view counts, views going down, suspicious jumps\n"
    "                   (with --json: a \"diff\" member)\n"
    "  --image OUT      also write the board image of the single file FILE (its board and search\n"
    "                   index, as the viewer keeps them) to OUT: published beside the export\n"
    "                   (articles.json + articles.board), the viewer shows it at once instead\n"
    "                   of importing the export, while the export's Last-Modified is the file's\n"
    "                   time now (keep it when copying: cp -p, rsync -t) or its bytes are these\n"
    "  --help           this text\n"
    "FILE may be - for standard input.\n"
    "\n"
    "exit status: 0 every file loaded with no problems\n"
    "             1 every file loaded, with problems (errors or warnings)\n"
    "             2 a file is missing, unreadable or unusable (no article loaded),\n"
    "               or the command line is wrong\n";

struct Options {
  bool json = false;
  std::vector<std::string> files;
  std::optional<std::string> previous;
  std::optional<std::string> image;
};

// nullopt: bad usage (already explained on stderr). Sets `help` for --help.
std::optional<Options> parse_arguments(int argc, char** argv, bool& help) {
  Options options;
  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (only_files || arg.empty() || arg[0] != '-' || arg == "-") {
      options.files.emplace_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "--help" || arg == "-h") {
      help = true;
      return options;
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--previous" || arg.substr(0, 11) == "--previous=") {
      if (options.previous) {
        std::cerr << "newsroom-check: --previous given twice\n";
        return std::nullopt;
      }
      if (arg == "--previous") {
        if (i + 1 >= argc) {
          std::cerr << "newsroom-check: --previous needs a file (the export now live)\n";
          return std::nullopt;
        }
        options.previous = argv[++i];
      } else {
        options.previous = std::string(arg.substr(11));
      }
      if (options.previous->empty()) {
        std::cerr << "newsroom-check: --previous needs a file (the export now live)\n";
        return std::nullopt;
      }
    } else if (arg == "--image") {
      if (i + 1 >= argc || options.image) {
        std::cerr << "newsroom-check: --image needs one file to write the board image to\n";
        return std::nullopt;
      }
      options.image = argv[++i];
    } else {
      std::cerr << "newsroom-check: unknown option " << arg << "\n";
      return std::nullopt;
    }
  }
  if (options.files.empty()) {
    std::cerr << "newsroom-check: no file to check\n";
    return std::nullopt;
  }
  if (options.image && (options.files.size() != 1 || options.files[0] == "-")) {
    std::cerr << "newsroom-check: --image writes the image of one export file\n";
    return std::nullopt;
  }
  if (options.previous && options.files.size() != 1) {
    std::cerr << "newsroom-check: --previous compares one new export with it; " << options.files.size()
              << " files were given\n";
    return std::nullopt;
  }
  return options;
}

// The whole file, or the reason it cannot be read.
struct FileBytes {
  std::optional<std::string> bytes;
  std::string error;
};

FileBytes read_whole_file(const std::string& path) {
  FileBytes out;
  errno = 0;
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) {
    out.error = std::string("cannot open the file: ") + std::strerror(errno);
    return out;
  }
  std::string bytes;
  char buffer[1 << 16];
  size_t got = 0;
  // Past the export limit the file is refused as the page refuses it; reading stops there.
  while (bytes.size() <= limits::kExportBytes && (got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    bytes.append(buffer, got);
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  if (file != stdin) std::fclose(file);
  if (failed) {
    out.error = std::string("cannot read the file: ") + std::strerror(error);
    return out;
  }
  if (bytes.size() > limits::kExportBytes) {
    std::error_code size_error;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, size_error);
    out.error = limits::export_too_large(size_error || size == 0 ? bytes.size() : static_cast<size_t>(size));
    return out;
  }
  out.bytes = std::move(bytes);
  return out;
}

struct Checked {
  ImportResult result;
  bool readable = true;
  ExportIdentity identity;  // what a server will say of the file (no address: it is not served yet)
};

// The file's time as a server's Last-Modified says it ("Tue, 01 Dec 2026 09:00:00 GMT"), or ""
// for standard input.
std::string http_date_of(const std::string& path) {
  std::error_code error;
  const auto written = std::filesystem::last_write_time(path, error);
  if (error) return {};
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(written).time_since_epoch())
          .count();
  const CivilTime t = civil_from_seconds(seconds);
  static const char* const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[((days % 7) + 7) % 7], t.day,
                kMonths[t.month - 1], t.year, t.hour, t.minute, t.second);
  return text;
}

Checked check_file(const std::string& path) {
  Checked checked;
  FileBytes file = read_whole_file(path);
  if (!file.bytes) {
    checked.readable = false;
    checked.result.report.source = path;
    checked.result.report.fail(file.error);
    return checked;
  }
  checked.result = import_export(*file.bytes, path);
  checked.identity.length = file.bytes->size();
  checked.identity.digest = export_digest(*file.bytes);
  checked.identity.last_modified = http_date_of(path);
  return checked;
}

// Unusable: unreadable, refused by the importer, or not one article on the board.
bool unusable(const ImportReport& report) { return !report.usable || report.loaded == 0; }

int exit_code_of(const ImportReport& report) {
  if (unusable(report)) return kExitUnusable;
  return report.clean() ? kExitClean : kExitProblems;
}

// The board image of a checked file, written to `out`: "" or why it was not.
std::string write_image(const Checked& checked, const std::string& out) {
  if (unusable(checked.result.report)) return "the export is unusable: no image of it";
  const SearchIndex index(checked.result.board);
  const std::string image = write_board_image(checked.result.board, index, checked.result.report, checked.identity);
  std::FILE* file = std::fopen(out.c_str(), "wb");
  if (!file) return out + ": " + std::strerror(errno);
  const bool written = std::fwrite(image.data(), 1, image.size(), file) == image.size();
  if (std::fclose(file) != 0 || !written) return out + ": could not be written";
  return {};
}

// 1234567 -> "1,234,567"
std::string grouped(int64_t value) { return with_thousands(value); }

std::string signed_grouped(int64_t value) { return value > 0 ? "+" + grouped(value) : grouped(value); }

std::string plural(size_t count, const char* one, const char* many) {
  return grouped(static_cast<int64_t>(count)) + " " + (count == 1 ? one : many);
}

std::string fixed1(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// At most `max_code_points` characters of a (valid UTF-8) title, "…" when cut.
std::string shortened(std::string_view text, size_t max_code_points) {
  size_t pos = 0;
  size_t count = 0;
  char32_t code_point = 0;
  while (pos < text.size()) {
    if (count == max_code_points) return std::string(text.substr(0, pos)) + "…";
    decode_utf8(text, pos, code_point);
    ++count;
  }
  return std::string(text);
}

std::string problem_line(const Problem& p) {
  std::string line;
  if (p.record < 0) {
    line = "file";
  } else {
    line = "record " + std::to_string(p.record);
    if (!p.id.empty()) line += " (id " + p.id + ")";
  }
  if (!p.field.empty()) line += " · " + p.field;
  return line + ": " + p.message;
}

void print_human_report(const ImportReport& report, const Board& board, bool readable) {
  std::cout << report.source << ": ";
  if (!readable) {
    std::cout << "not read\n";
  } else {
    std::cout << (report.format.empty() ? "unknown format" : report.format) << " · loaded " << grouped(report.loaded)
              << " · skipped " << grouped(report.skipped) << " · errors " << report.count(Severity::error)
              << " · warnings " << report.count(Severity::warning);
    if (board.info.exported_at) std::cout << " · exported " << format_iso_seoul(*board.info.exported_at);
    std::cout << "\n";
  }
  for (const Severity severity : {Severity::error, Severity::warning}) {
    const size_t count = report.count(severity);
    if (count == 0) continue;
    std::cout << "  "
              << plural(count, severity == Severity::error ? "error" : "warning",
                        severity == Severity::error ? "errors" : "warnings")
              << ":\n";
    for (const Problem& p : report.problems) {
      if (p.severity == severity) std::cout << "    " << problem_line(p) << "\n";
    }
  }
  if (!report.unlisted.empty()) {
    std::cout << "  " << unlisted_summary(report) << " (the first " << grouped(limits::kListedProblems)
              << " are listed in full)\n";
  }
  if (unusable(report)) {
    std::cout << "  UNUSABLE: nothing can be shown from this file; the viewer keeps the board it had\n";
  } else if (report.clean()) {
    std::cout << "  OK: no problems\n";
  }
}

std::string id_list(const std::vector<int64_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kMaxIdsShown; ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
  if (ids.size() > kMaxIdsShown) out += ", … and " + grouped(static_cast<int64_t>(ids.size() - kMaxIdsShown)) + " more";
  return out;
}

std::string join_fields(const std::vector<std::string_view>& fields) {
  std::string out;
  for (const std::string_view field : fields) {
    if (!out.empty()) out += ", ";
    out += field;
  }
  return out;
}

std::string view_change_text(const ViewChange& change) {
  return grouped(change.before) + " → " + grouped(change.after) + " (" + signed_grouped(change.gain) + ")";
}

void print_human_diff(const std::string& previous_path, const ImportResult& previous, const Board& current,
                      const BoardDiff& diff) {
  std::cout << "compared with " << previous_path << " (" << plural(previous.board.size(), "article", "articles");
  if (previous.board.info.exported_at) std::cout << ", exported " << format_iso_seoul(*previous.board.info.exported_at);
  if (!previous.report.clean()) {
    std::cout << ", " << plural(previous.report.total_problems(), "problem", "problems") << " of its own not listed";
  }
  std::cout << ")";
  if (diff.elapsed_seconds) {
    std::cout << ": " << fixed1(static_cast<double>(*diff.elapsed_seconds) / 86400.0) << " days between the exports";
    if (*diff.elapsed_seconds <= 0) std::cout << " (the new export is not later than the previous one!)";
  }
  std::cout << "\n";

  std::cout << "  added " << diff.added.size() << (diff.added.empty() ? "" : ": " + id_list(diff.added)) << "\n";
  std::cout << "  removed " << diff.removed.size() << (diff.removed.empty() ? "" : ": " + id_list(diff.removed))
            << "\n";
  std::cout << "  edited " << diff.edited.size();
  for (size_t i = 0; i < diff.edited.size() && i < kMaxIdsShown; ++i) {
    std::cout << (i ? " · " : ": ") << diff.edited[i].id << " (" << join_fields(diff.edited[i].fields) << ")";
  }
  if (diff.edited.size() > kMaxIdsShown) std::cout << " · … and " << diff.edited.size() - kMaxIdsShown << " more";
  std::cout << "\n";

  std::cout << "  views: " << grouped(diff.views_before) << " → " << grouped(diff.views_after) << " on the board; "
            << signed_grouped(diff.view_gain) << " on the " << plural(diff.common, "article", "articles") << " in both";
  if (const auto per_day = diff.views_per_day()) {
    const bool large = *per_day >= 100.0 || *per_day <= -100.0;
    std::cout << " (" << (large ? grouped(std::llround(*per_day)) : fixed1(*per_day)) << " a day)";
  }
  std::cout << ", median gain " << grouped(diff.median_gain) << "\n";

  if (!diff.views_down.empty()) {
    std::cout << "  views went down (they never should) on " << plural(diff.views_down.size(), "article", "articles")
              << ":\n";
    for (size_t i = 0; i < diff.views_down.size() && i < kMaxIdsShown; ++i) {
      std::cout << "    id " << diff.views_down[i].id << ": " << view_change_text(diff.views_down[i]) << "\n";
    }
    if (diff.views_down.size() > kMaxIdsShown) {
      std::cout << "    … and " << diff.views_down.size() - kMaxIdsShown << " more\n";
    }
  }
  if (diff.jumps.empty()) {
    std::cout << "  suspicious jumps: none\n";
  } else {
    std::cout << "  SUSPICIOUS JUMPS: " << plural(diff.jumps.size(), "article", "articles")
              << " gained far more views than the rest (the 4th-largest gain is " << grouped(diff.rest_gain) << "):\n";
    for (const ViewChange& jump : diff.jumps) {
      const std::optional<uint32_t> index = current.find(jump.id);
      std::cout << "    id " << jump.id;
      if (index) std::cout << " \"" << shortened(current.title(*index), 40) << "\"";
      std::cout << ": " << view_change_text(jump) << "\n";
    }
  }
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// report_json's object with one more member.
std::string with_member(std::string object_json, const char* key, const nlohmann::json& value) {
  if (object_json.size() < 2 || object_json.back() != '}') return object_json;
  object_json.pop_back();
  if (object_json.back() != '{') object_json += ',';
  object_json += dump(nlohmann::json(key)) + ":" + dump(value) + "}";
  return object_json;
}

}  // namespace

int main(int argc, char** argv) {
  bool help = false;
  const std::optional<Options> parsed = parse_arguments(argc, argv, help);
  if (help) {
    std::cout << kUsage;
    return kExitClean;
  }
  if (!parsed) {
    std::cerr << kUsage;
    return kExitUnusable;
  }
  const Options& options = *parsed;

  int exit_code = kExitClean;
  size_t total_loaded = 0, total_skipped = 0, total_errors = 0, total_warnings = 0, unusable_files = 0;
  for (const std::string& path : options.files) {
    const Checked checked = check_file(path);
    const ImportReport& report = checked.result.report;
    exit_code = std::max(exit_code, exit_code_of(report));
    total_loaded += report.loaded;
    total_skipped += report.skipped;
    total_errors += report.count(Severity::error);
    total_warnings += report.count(Severity::warning);
    if (unusable(report)) ++unusable_files;

    if (!options.json) print_human_report(report, checked.result.board, checked.readable);
    std::string line = options.json ? report_json(report, report.problems.size()) : std::string();

    if (options.previous) {
      const Checked previous = check_file(*options.previous);
      if (unusable(previous.result.report)) {
        exit_code = kExitUnusable;
        const std::string reason = previous.result.report.problems.empty()
                                       ? "no article loaded"
                                       : previous.result.report.problems.front().message;
        if (options.json) {
          line = with_member(line, "diff", {{"previous", *options.previous}, {"error", reason}});
        } else {
          std::cout << "cannot compare with " << *options.previous << ": it is unusable (" << reason << ")\n";
        }
      } else if (unusable(report)) {
        if (options.json) {
          line = with_member(line, "diff", {{"previous", *options.previous}, {"error", "the new export is unusable"}});
        } else {
          std::cout << "no comparison with " << *options.previous << ": the new export is unusable\n";
        }
      } else {
        const BoardDiff diff = diff_boards(previous.result.board, checked.result.board);
        if (options.json) {
          line = with_member(line, "diff", diff_json(*options.previous, checked.result.board, diff));
        } else {
          print_human_diff(*options.previous, previous.result, checked.result.board, diff);
        }
      }
    }
    if (options.image) {
      const std::string error = write_image(checked, *options.image);
      if (!error.empty()) exit_code = kExitUnusable;
      if (options.json) {
        line = with_member(line, "image",
                           error.empty() ? nlohmann::json(*options.image) : nlohmann::json({{"error", error}}));
      } else if (error.empty()) {
        std::cout << "board image written to " << *options.image << "\n";
      } else {
        std::cout << "no board image: " << error << "\n";
      }
    }
    if (options.json) std::cout << line << "\n";
  }

  if (!options.json) {
    const char* verdict = exit_code == kExitClean      ? "clean"
                          : exit_code == kExitProblems ? "loaded with problems"
                                                       : "unusable input";
    std::cout << "summary: " << plural(options.files.size(), "file", "files") << " · "
              << plural(total_loaded, "article", "articles") << " loaded · " << grouped(total_skipped) << " skipped · "
              << plural(total_errors, "error", "errors") << " · " << plural(total_warnings, "warning", "warnings");
    if (unusable_files > 0) std::cout << " · " << plural(unusable_files, "file", "files") << " unusable";
    std::cout << " → " << verdict << " (exit " << exit_code << ")\n";
  }
  std::cout.flush();
  return exit_code;
}
