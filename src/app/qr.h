// QR codes for kiosk screens: an external link is shown as a code a visitor scans with a
// phone instead of being opened on the screen. Encoding is Project Nayuki's
// qr-code-generator (Debian source package, deps/); drawing is the UI's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsroom {

struct QrMatrix {
  int size = 0;                  // modules per side (21..177); 0 when the text cannot be encoded
  std::vector<uint8_t> modules;  // size × size, row by row, 1 = dark
  std::string error;             // why there is no code

  bool dark(int x, int y) const {
    return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0;
  }
};

// Byte-mode QR code of `text` (UTF-8), error correction M (boosted when it fits).
inline constexpr size_t kQrMaxBytes = 2000;  // version 40-M holds 2331 bytes
QrMatrix encode_qr(std::string_view text);

}  // namespace newsroom
