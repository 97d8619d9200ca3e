#include "app/qr.h"

#include <qrcodegen.hpp>

namespace newsroom {

QrMatrix encode_qr(std::string_view text) {
  QrMatrix out;
  if (text.empty()) {
    out.error = "nothing to encode";
    return out;
  }
  if (text.size() > kQrMaxBytes) {
    // Checked here: the library reports data that does not fit by throwing, and the web
    // build does not catch exceptions.
    out.error = "the address is too long for a QR code (" + std::to_string(text.size()) + " bytes; at most " +
                std::to_string(kQrMaxBytes) + ")";
    return out;
  }
  const std::vector<uint8_t> bytes(text.begin(), text.end());
  const qrcodegen::QrCode code = qrcodegen::QrCode::encodeBinary(bytes, qrcodegen::QrCode::Ecc::MEDIUM);
  out.size = code.getSize();
  out.modules.resize(static_cast<size_t>(out.size) * static_cast<size_t>(out.size));
  for (int y = 0; y < out.size; ++y) {
    for (int x = 0; x < out.size; ++x) {
      out.modules[static_cast<size_t>(y) * static_cast<size_t>(out.size) + static_cast<size_t>(x)] =
          code.getModule(x, y) ? 1 : 0;
    }
  }
  return out;
}

}  // namespace newsroom
