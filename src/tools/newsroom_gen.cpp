// newsroom-gen: writes a deterministic synthetic export (see synthetic_export.h), for
// trying the viewer or the checker on a board of realistic size.
//
//   newsroom-gen --count N [--seed S] [--text realistic|high-entropy] [--out FILE]
//                                                     (stdout when no --out)
// --text high-entropy: bodies of random syllables over the whole Hangul block, hanja, hex and
// base64 runs among the usual words (make_high_entropy_export), as real boards carry them.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "tools/synthetic_export.h"

namespace {

int usage(const char* message) {
  std::fprintf(
      stderr,
      "newsroom-gen: %s\nusage: newsroom-gen --count N [--seed S] [--text realistic|high-entropy] [--out FILE]\n",
      message);
  return 2;
}

// A whole non-negative decimal number, the full argument and nothing else.
bool parse_count(const char* text, uint64_t& out) {
  if (!text || !*text) return false;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (*end != '\0' || text[0] == '-') return false;
  out = value;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t count = 0, seed = 1;
  bool have_count = false;
  const char* out_path = nullptr;
  bool high_entropy = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--count") {
      if (!parse_count(value, count)) return usage("--count needs a whole number of articles");
      have_count = true;
      ++i;
    } else if (arg == "--seed") {
      if (!parse_count(value, seed)) return usage("--seed needs a whole number");
      ++i;
    } else if (arg == "--text") {
      if (!value || (std::string_view(value) != "realistic" && std::string_view(value) != "high-entropy"))
        return usage("--text is realistic or high-entropy");
      high_entropy = std::string_view(value) == "high-entropy";
      ++i;
    } else if (arg == "--out") {
      if (!value) return usage("--out needs a file name");
      out_path = value;
      ++i;
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: newsroom-gen --count N [--seed S] [--text realistic|high-entropy] [--out FILE]\n");
      return 0;
    } else {
      return usage(("unknown argument " + std::string(arg)).c_str());
    }
  }
  if (!have_count) return usage("--count is required");
  if (count > 2'000'000) return usage("--count above 2,000,000 would exceed the board's 4 GiB text arena");

  const std::string bytes = high_entropy ? newsroom::make_high_entropy_export(static_cast<size_t>(count), seed)
                                         : newsroom::make_synthetic_export(static_cast<size_t>(count), seed);
  FILE* file = out_path ? std::fopen(out_path, "wb") : stdout;
  if (!file) {
    std::fprintf(stderr, "newsroom-gen: cannot write %s: %s\n", out_path, std::strerror(errno));
    return 1;
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const bool closed = out_path ? std::fclose(file) == 0 : std::fflush(file) == 0;
  if (!written || !closed) {
    std::fprintf(stderr, "newsroom-gen: writing %s failed\n", out_path ? out_path : "standard output");
    return 1;
  }
  if (out_path)
    std::fprintf(stderr, "newsroom-gen: %llu articles, %zu bytes, seed %llu -> %s\n",
                 static_cast<unsigned long long>(count), bytes.size(), static_cast<unsigned long long>(seed), out_path);
  return 0;
}
