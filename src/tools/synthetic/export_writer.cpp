// The synthetic export (tools/synthetic_export.h) written out: the export object's header,
// then each article of the board's plan, newest first, each from its own random stream.
#include "tools/synthetic_export.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "tools/synthetic/board_shape.h"
#include "tools/synthetic/json_writer.h"
#include "tools/synthetic/random.h"
#include "tools/synthetic/templates.h"
#include "tools/synthetic/vocabulary.h"

namespace newsroom {

namespace synthetic {
namespace {

class ExportWriter {
 public:
  ExportWriter(size_t count, uint64_t seed) : count_(count), seed_(seed), days_(working_days()) {}

  std::string write() {
    const std::vector<Skeleton> board = plan_board(count_, seed_);
    std::string out;
    out.reserve(512 + count_ * 2600);
    out +=
        "{\n"
        "  \"format\": \"newsroom-export\",\n"
        "  \"version\": 1,\n"
        "  \"board\": {\n"
        "    \"site\": \"전북국제협력진흥원\",\n"
        "    \"title\": \"뉴스룸\",\n"
        "    \"breadcrumb\": [\n"
        "      \"Home\",\n"
        "      \"홍보마당\",\n"
        "      \"뉴스룸\"\n"
        "    ]\n"
        "  },\n"
        "  \"exported_at\": \"2025-01-06T09:00:00+09:00\",\n";
    if (count_ == 0) {
      out += "  \"articles\": []\n}\n";
      return out;
    }
    out += "  \"articles\": [\n";
    // Newest first, as the board and data/articles.json list them.
    for (size_t k = count_; k-- > 0;) {
      write_article(out, board[k], k);
      out += k > 0 ? "    },\n" : "    }\n";
    }
    out += "  ]\n}\n";
    return out;
  }

 private:
  void write_article(std::string& out, const Skeleton& s, size_t k) {
    const Vocabulary& words = vocabulary();
    Rng rng(mix64(seed_ ^ mix64(k + 1)));  // each article from its own stream

    // Publication: position k of count along the working days, in office hours, so
    // dates grow with the number and id; minute resolution like the real board.
    const double position =
        (static_cast<double>(k) + rng.unit()) * static_cast<double>(days_.size()) / static_cast<double>(count_);
    const auto day_index = std::min(static_cast<size_t>(position), days_.size() - 1);
    const double fraction = position - std::floor(position);
    const int64_t minute = 9 * 60 + static_cast<int64_t>(fraction * 9.5 * 60);  // 09:00–18:29
    const int64_t published = int64_t{days_[day_index]} * 86400 + minute * 60 - kSeoulOffsetSeconds;
    const CivilTime local = civil_from_seconds(published + kSeoulOffsetSeconds);
    const Context context{s.category == kNotice || s.category == kProgramme ? Style::notice : Style::press, local.year,
                          local.month};

    // Views: log-normal, median 150, sigma 1.5 — most posts are read a few hundred
    // times, a handful tens of thousands. Pinned notices stay on top and are read more.
    double views = 150 * det_exp(1.5 * standard_normal(rng));
    if (s.pinned) views *= 4;
    const auto view_count = static_cast<int64_t>(std::min(views, 5'000'000.0));

    out += "    {\n";
    append_int_field(out, 6, "id", s.id);
    append_int_field(out, 6, "number", s.number);
    append_string_field(out, 6, "category", kCategoryNames[s.category]);
    make_title(scratch_, context, rng);
    append_string_field(out, 6, "title", scratch_);
    append_string_field(out, 6, "author", kAuthors[s.category][rng.below(3)]);
    append_key(out, 6, "published_at");
    out += '"';
    append_padded(out, static_cast<uint64_t>(local.year), 4);
    out += '-';
    append_padded(out, static_cast<uint64_t>(local.month), 2);
    out += '-';
    append_padded(out, static_cast<uint64_t>(local.day), 2);
    out += 'T';
    append_padded(out, static_cast<uint64_t>(local.hour), 2);
    out += ':';
    append_padded(out, static_cast<uint64_t>(local.minute), 2);
    out += ":00+09:00\",\n";
    append_int_field(out, 6, "views", view_count);
    out += s.pinned ? "      \"pinned\": true,\n" : "      \"pinned\": false,\n";
    out += "      \"body_format\": \"text\",\n";

    // Body: 3–12 paragraphs of 1–3 sentences, paragraphs separated by a blank line.
    scratch_.clear();
    const uint32_t paragraphs = 3 + std::min(rng.below(10), rng.below(10));  // short bodies are commoner
    for (uint32_t p = 0; p < paragraphs; ++p) {
      if (p > 0) scratch_ += "\n\n";
      const uint32_t roll = rng.below(100), sentences = roll < 35 ? 1 : roll < 80 ? 2 : 3;
      for (uint32_t i = 0; i < sentences; ++i) {
        if (i > 0) scratch_ += ' ';
        words.sentence(scratch_, context, rng);
      }
    }
    if (context.style == Style::notice && rng.percent(60)) {
      scratch_ += "\n\n";
      words.render(scratch_, words.contact_sentences.pick(rng), context, rng);
    }
    append_string_field(out, 6, "body", scratch_);
    scratch_.clear();
    words.sentence(scratch_, context, rng);
    append_string_field(out, 6, "summary", scratch_);

    if (rng.percent(kSourcePercent[s.category])) {
      const Outlet& outlet = kOutlets[rng.below(std::size(kOutlets))];
      out += "      \"source\": {\n";
      append_string_field(out, 8, "name", outlet.name);
      append_key(out, 8, "url");
      out += '"';
      append_source_url(out, outlet, local, rng);
      out += "\"\n      },\n";
    } else {
      out += "      \"source\": null,\n";
    }

    const uint32_t links = rng.percent(15) ? rng.between(1, 2) : 0;
    if (links == 0) {
      out += "      \"links\": [],\n";
    } else {
      out += "      \"links\": [\n";
      const uint32_t first = rng.below(std::size(kLinks));
      for (uint32_t i = 0; i < links; ++i) {
        const Link& link = kLinks[(first + i) % std::size(kLinks)];
        out += "        {\n";
        append_string_field(out, 10, "title", link.title);
        append_string_field(out, 10, "url", link.url, true);
        out += i + 1 < links ? "        },\n" : "        }\n";
      }
      out += "      ],\n";
    }

    const uint32_t attachments = rng.percent(kAttachmentPercent[s.category]) ? 1 + rng.below(3) : 0;
    if (attachments == 0) {
      out += "      \"attachments\": [],\n";
    } else {
      out += "      \"attachments\": [\n";
      for (uint32_t i = 0; i < attachments; ++i) {
        const FileKind& kind = kFileKinds[rng.below(std::size(kFileKinds))];
        std::string name;
        if (rng.percent(40)) {
          name += words.topics.pick(rng);
          std::replace(name.begin(), name.end(), ' ', '_');
          name += '_';
        }
        name += kDocuments[rng.below(std::size(kDocuments))];
        if (i > 0) append_int(name, i + 1);  // distinct names within the article
        name += '.';
        name += kind.extension;
        std::string url = "attachments/";
        append_int(url, s.id);
        url += '/';
        url += name;
        out += "        {\n";
        append_string_field(out, 10, "name", name);
        append_string_field(out, 10, "url", url);
        append_int_field(out, 10, "size", int64_t{rng.between(kind.min_kb, kind.max_kb)} * 1024 + rng.below(1024));
        append_int_field(out, 10, "downloads", static_cast<int64_t>(static_cast<double>(view_count) * 0.3 * rng.unit()),
                         true);
        out += i + 1 < attachments ? "        },\n" : "        }\n";
      }
      out += "      ],\n";
    }

    // Tags: the category's own word and a few from the article's world, no repeats.
    std::string_view tags[5];
    size_t tag_count = 0;
    const uint32_t wanted = rng.between(1, 5);
    tags[tag_count++] = kCategoryTags[s.category][rng.below(3)];
    for (uint32_t attempt = 0; tag_count < wanted && attempt < 8; ++attempt) {
      const uint32_t kind = rng.below(3);
      std::string_view tag = kind == 0   ? words.topics.pick(rng)
                             : kind == 1 ? words.countries.pick(rng)
                                         : words.events.pick(rng);
      if (tag.find(' ') != std::string_view::npos) continue;  // tags are single words
      if (std::find(tags, tags + tag_count, tag) == tags + tag_count) tags[tag_count++] = tag;
    }
    out += "      \"tags\": [\n";
    for (size_t i = 0; i < tag_count; ++i) {
      out += "        ";
      append_json_string(out, tags[i]);
      out += i + 1 < tag_count ? ",\n" : "\n";
    }
    out += "      ]\n";
  }

  size_t count_;
  uint64_t seed_;
  std::vector<int32_t> days_;
  std::string scratch_;
};

}  // namespace
}  // namespace synthetic

std::string make_synthetic_export(size_t article_count, uint64_t seed) {
  return synthetic::ExportWriter(article_count, seed).write();
}

}  // namespace newsroom
