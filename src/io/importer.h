// One importer for every export the data team drops into data/. It detects the format,
// normalizes every record once, and reports what it could not use, record by record.
// It never throws, prints or aborts: a broken file yields a report with usable == false.
#pragma once

#include <string>
#include <string_view>

#include "core/board.h"
#include "core/trends.h"
#include "io/import_report.h"

namespace newsroom {

struct ImportResult {
  Board board;
  ImportReport report;
  // A manifest's exports that say when they were made, as snapshots of view counts,
  // oldest first (core/trends.h); empty unless at least two such exports loaded.
  std::vector<Snapshot> snapshots;
};

// `bytes` is the whole file as fetched; `source` names it in the report. With an
// `address_base` (the file's address as the page fetched it), relative attachment
// addresses are resolved against it; without one they are kept as written.
ImportResult import_export(std::string_view bytes, std::string source, std::string_view address_base = {});

}  // namespace newsroom
