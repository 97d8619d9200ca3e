// data/manifest.json: an archive split over several export files (a new month added
// without rewriting old ones). The page loads the manifest when present.
//
//   {"format": "newsroom-manifest", "version": 1,
//    "exports": ["articles-2022.json", {"url": "articles-2023.json"}, ...]}
//
// Addresses are relative to the manifest. Later files win for a repeated id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/importer.h"

namespace newsroom {

struct Manifest {
  std::vector<std::string> files;  // as written, in order
};

// nullopt when the bytes are not a manifest (then they are an export); otherwise the
// files, or an error in `error` when the manifest is broken.
std::optional<Manifest> read_manifest(std::string_view bytes, std::string& error);

struct ExportPart {
  std::string name;
  std::string_view bytes;
  std::string fetch_error;  // the file could not even be fetched (HTTP 404, ...)
};

// Imports every part and merges them into one board. Each part's problems carry its
// name; a part that cannot be read is reported and left out, the rest still load.
// With an `address_base` (the manifest's address), each part's relative attachment
// addresses are resolved against the part's own address.
ImportResult import_parts(const std::vector<ExportPart>& parts, std::string source, std::string_view address_base = {});

}  // namespace newsroom
