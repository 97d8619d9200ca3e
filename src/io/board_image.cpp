#include "io/board_image.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/image_io.h"
#include "io/importer.h"

namespace newsroom {

void image_detail::Checksum::update(const char* p, size_t n) {
  total_ += n;
  if (held_) {  // a block begun by the last piece
    const size_t take = std::min(n, sizeof block_ - held_);
    std::memcpy(block_ + held_, p, take);
    held_ += take;
    p += take;
    n -= take;
    if (held_ < sizeof block_) return;
    mix(block_);
    held_ = 0;
  }
  for (; n >= sizeof block_; p += sizeof block_, n -= sizeof block_) mix(p);
  std::memcpy(block_, p, n);
  held_ = n;
}

uint64_t image_detail::Checksum::finish() const {
  uint64_t h = total_ * kOdd1;
  for (const uint64_t lane : lanes_) h = std::rotl((h ^ std::rotl(lane * kOdd2, 31) * kOdd1), 27) * kOdd1 + kOdd2;
  for (size_t at = 0; at < held_; ++at) h = std::rotl((h ^ static_cast<unsigned char>(block_[at])) * kOdd1, 23);
  h ^= h >> 33;
  h *= kOdd2;
  h ^= h >> 29;
  h *= kOdd1;
  return h ^ (h >> 32);
}

void image_detail::Checksum::mix(const char* p) {
  for (int lane = 0; lane < 4; ++lane) {
    uint64_t word;
    std::memcpy(&word, p + 8 * lane, 8);
    lanes_[lane] = std::rotl(lanes_[lane] + word * kOdd2, 31) * kOdd1;
  }
}

namespace {

constexpr char kMagic[8] = {'N', 'R', 'B', 'O', 'A', 'R', 'D', '\n'};
// The magic, the format version, the image's length and the checksum, before what it covers.
constexpr size_t kFixedBytes = sizeof kMagic + 4 + 8 + 8;

using image_detail::Checksum;

uint64_t checksum(std::string_view bytes) {
  Checksum sum;
  sum.update(bytes.data(), bytes.size());
  return sum.finish();
}

void save_identity(ImageWriter& out, const ExportIdentity& id) {
  out.text(id.address);
  out.text(id.etag);
  out.text(id.last_modified);
  out.u64(id.length);
  out.text(id.digest);
}

ExportIdentity load_identity(ImageReader& in) {
  ExportIdentity id;
  id.address = in.text();
  id.etag = in.text();
  id.last_modified = in.text();
  id.length = in.u64();
  id.digest = in.text();
  return id;
}

void save_report(ImageWriter& out, const ImportReport& report) {
  out.text(report.source);
  out.text(report.format);
  out.u64(report.loaded);
  out.u64(report.skipped);
  out.u8(report.usable);
  out.u64(report.problems.size());
  for (const Problem& p : report.problems) {
    out.u8(static_cast<uint8_t>(p.severity));
    out.i64(p.record);
    for (const std::string* text : {&p.id, &p.field, &p.message, &p.file}) out.text(*text);
  }
  out.u64(report.unlisted.size());
  for (const UnlistedProblems& u : report.unlisted) {
    out.u8(static_cast<uint8_t>(u.severity));
    out.text(u.field);
    out.u64(u.count);
  }
  out.u64(report.personal_columns.size());
  for (const std::string& column : report.personal_columns) out.text(column);
}

Severity severity_of(ImageReader& in) {
  const uint8_t v = in.u8();
  in.expect(v <= static_cast<uint8_t>(Severity::error));
  return static_cast<Severity>(v);
}

ImportReport load_report(ImageReader& in) {
  ImportReport report;
  report.source = in.text();
  report.format = in.text();
  report.loaded = static_cast<size_t>(in.u64());
  report.skipped = static_cast<size_t>(in.u64());
  report.usable = in.u8() != 0;
  // Counts are checked against the bytes left (each entry takes at least 8 of them).
  const auto count = [&in] {
    const uint64_t n = in.u64();
    return in.expect(n <= in.left() / 8) ? n : 0;
  };
  for (uint64_t i = 0, n = count(); i < n && in.ok(); ++i) {
    Problem& p = report.problems.emplace_back();
    p.severity = severity_of(in);
    p.record = in.i64();
    for (std::string* text : {&p.id, &p.field, &p.message, &p.file}) *text = in.text();
  }
  for (uint64_t i = 0, n = count(); i < n && in.ok(); ++i) {
    UnlistedProblems& u = report.unlisted.emplace_back();
    u.severity = severity_of(in);
    u.field = in.text();
    u.count = static_cast<size_t>(in.u64());
  }
  for (uint64_t i = 0, n = count(); i < n && in.ok(); ++i) report.personal_columns.insert(in.text());
  return report;
}

std::string describe(const ExportIdentity& id) {
  std::string out = id.address.empty() ? std::string("an export") : id.address;
  if (!id.etag.empty())
    out += " (ETag " + id.etag + ")";
  else if (!id.last_modified.empty())
    out += " (Last-Modified " + id.last_modified + ")";
  if (!id.digest.empty()) out += " [digest " + id.digest + "]";
  return out;
}

}  // namespace

std::string export_digest(std::string_view bytes) {
  if (bytes.size() > kDigestUpTo) return {};
  uint32_t hash = 0x811c9dc5u;
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x01000193u;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%x", hash);
  return std::to_string(bytes.size()) + ":" + hex;
}

bool same_export(const ExportIdentity& image, const ExportIdentity& now) {
  if (!image.address.empty() && !now.address.empty() && image.address != now.address) return false;
  if (!image.digest.empty() && !now.digest.empty()) return image.digest == now.digest;
  if (image.length && now.length && image.length != now.length) return false;
  if (!image.etag.empty() && !now.etag.empty()) return image.etag == now.etag;
  if (!image.last_modified.empty() && !now.last_modified.empty()) return image.last_modified == now.last_modified;
  // The page knows only the address (an image found for it, saved or published): taken, and
  // the page then asks the server whether the export changed since. Knowing nothing, never.
  return !now.address.empty() && now.etag.empty() && now.last_modified.empty() && now.digest.empty() && !now.length;
}

std::string image_writer() {
  std::string writer = "newsroom image " + std::to_string(kImageFormat);
  writer += sizeof(void*) == 4 ? " wasm32 " : " native ";
  writer += json_kernel();
  return writer;
}

void ImageSum::add(std::string_view next) {
  const size_t fixed = seen_ < kFixedBytes ? std::min(next.size(), kFixedBytes - seen_) : 0;  // not covered
  seen_ += next.size();
  next.remove_prefix(fixed);
  sum_.update(next.data(), next.size());
}

struct BoardImageJob::State {
  ImageWriter writer;
  std::string piece;
  ImageSum given;  // the bytes given so far, and their checksum
};

BoardImageJob::BoardImageJob(const Board& board, const SearchIndex& index, const ImportReport& report,
                             const ExportIdentity& identity)
    : state_(std::make_unique<State>()) {
  ImageWriter& out = state_->writer;
  for (const char c : kMagic) out.u8(static_cast<uint8_t>(c));
  out.u32(kImageFormat);
  out.u64(0);  // the length and the checksum: header() once known
  out.u64(0);
  out.text(image_writer());
  save_identity(out, identity);
  board.save(out);
  // The index as a section of known length: a reader puts the board in place first.
  const size_t index_at = out.placeholder();
  index.save(out);
  out.patch(index_at, out.size() - index_at - 8);
  save_report(out, report);
}

BoardImageJob::~BoardImageJob() = default;

size_t BoardImageJob::size() const { return state_->writer.size(); }
bool BoardImageJob::done() const { return state_->given.seen() == size(); }

std::string_view BoardImageJob::next(size_t bytes) {
  State& s = *state_;
  s.piece.clear();
  s.writer.copy_into(s.piece, std::max<size_t>(bytes, 1));
  s.given.add(s.piece);
  return s.piece;
}

std::string BoardImageJob::header() const {
  std::string fixed(kMagic, sizeof kMagic);
  const uint32_t format = kImageFormat;
  const uint64_t length = size(), sum = state_->given.value();
  fixed.append(reinterpret_cast<const char*>(&format), 4);
  fixed.append(reinterpret_cast<const char*>(&length), 8);
  fixed.append(reinterpret_cast<const char*>(&sum), 8);
  return fixed;
}

void seal_board_image(std::string& image) {
  if (image.size() < kFixedBytes) return;
  const uint64_t length = image.size(), sum = checksum(std::string_view(image).substr(kFixedBytes));
  std::memcpy(image.data() + sizeof kMagic + 4, &length, 8);
  std::memcpy(image.data() + sizeof kMagic + 12, &sum, 8);
}

std::string write_board_image(const Board& board, const SearchIndex& index, const ImportReport& report,
                              const ExportIdentity& identity) {
  BoardImageJob job(board, index, report, identity);
  std::string image;
  image.reserve(job.size());
  while (!job.done()) image.append(job.next(size_t{64} << 20));
  const std::string header = job.header();
  image.replace(0, header.size(), header);
  return image;
}

BoardImage read_board_image(std::string_view bytes, const ExportIdentity* expected, const ImageSum* summed,
                            std::shared_ptr<const void> owner) {
  BoardImage image;
  const auto refuse = [](std::string why) {
    BoardImage refused;
    refused.refused = std::move(why);
    return refused;
  };
  if (bytes.size() < kFixedBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return refuse("not a board image");
  ImageReader fixed(bytes.substr(sizeof kMagic));
  const uint32_t format = fixed.u32();
  const uint64_t length = fixed.u64();
  const uint64_t sum = fixed.u64();
  if (format != kImageFormat) {
    return refuse("an image of format " + std::to_string(format) + ", and this build reads format " +
                  std::to_string(kImageFormat));
  }
  if (length != bytes.size()) {
    return refuse("the image is cut or padded: " + std::to_string(bytes.size()) + " bytes of " +
                  std::to_string(length));
  }
  const std::string_view covered = bytes.substr(kFixedBytes);
  const uint64_t actual = summed && summed->seen() == bytes.size() ? summed->value() : checksum(covered);
  if (actual != sum) return refuse("the image's checksum does not match: some of its bytes changed");
  ImageReader in(covered);
  image.writer = in.text();
  image.identity = load_identity(in);
  if (!in.ok()) return refuse("the image's header is broken");
  if (expected && !same_export(image.identity, *expected)) {
    return refuse("the image is of another export: " + describe(image.identity) + ", not " + describe(*expected));
  }
  std::optional<Board> board = Board::load(in, std::move(owner));
  if (!board) return refuse("the image's board is broken");
  image.board = std::move(*board);
  image.index_bytes = in.view(in.u64());  // read once the board is where it stays
  image.report = load_report(in);
  if (!in.ok() || !in.at_end()) return refuse("the image's report is broken");
  return image;
}

}  // namespace newsroom
