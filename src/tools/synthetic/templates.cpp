// Template text to tokens (templates.h).
#include "tools/synthetic/templates.h"

namespace newsroom::synthetic {

Template parse_template(std::string_view text) {
  Template tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find('{', pos);
    if (open != pos) {
      tokens.push_back({text.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos)});
      if (open == std::string_view::npos) break;
    }
    const size_t close = text.find('}', open);
    const std::string_view inner = text.substr(open + 1, close - open - 1);
    Token token;
    token.slot = inner[0];
    if (inner.size() > 1) {
      const std::string_view name = inner.substr(2);
      token.particle = name == "은"   ? Particle::topic
                       : name == "이" ? Particle::subject
                       : name == "을" ? Particle::object
                       : name == "과" ? Particle::with
                                      : Particle::toward;
    }
    tokens.push_back(token);
    pos = close + 1;
  }
  return tokens;
}

}  // namespace newsroom::synthetic
