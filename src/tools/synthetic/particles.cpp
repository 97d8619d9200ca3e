// How the text just written ends, and the particle that follows it (particles.h).
#include "tools/synthetic/particles.h"

namespace newsroom::synthetic {

namespace {

struct Coda {
  bool consonant = false;
  bool rieul = false;
};

// The final sound of the text just written: a Hangul syllable's 받침, or how a digit or a
// Latin letter is read aloud (삼, 육, 일/칠/팔; 엘, 엠, 엔, 알). Closing quotes are skipped.
Coda final_coda(std::string_view text) {
  size_t end = text.size();
  for (int guard = 0; guard < 3 && end > 0; ++guard) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + start;
    char32_t cp = p[0];
    if (cp >= 0xE0 && end - start == 3) cp = ((cp & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp == '\'' || cp == '"' || cp == ')' || cp == 0x2019 || cp == 0x201D) {
      end = start;
      continue;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      const unsigned jong = (cp - 0xAC00) % 28;
      return {jong != 0, jong == 8};
    }
    if (cp >= '0' && cp <= '9') {
      static constexpr bool kConsonant[10] = {true, true, false, true, false, false, true, true, true, false};
      return {kConsonant[cp - '0'], cp == '1' || cp == '7' || cp == '8'};
    }
    const char32_t upper = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return {upper == 'L' || upper == 'M' || upper == 'N' || upper == 'R', upper == 'L' || upper == 'R'};
  }
  return {};
}

}  // namespace

void append_particle(std::string& out, Particle particle) {
  if (particle == Particle::none) return;
  const Coda coda = final_coda(out);
  switch (particle) {
    case Particle::topic: out += coda.consonant ? "은" : "는"; break;
    case Particle::subject: out += coda.consonant ? "이" : "가"; break;
    case Particle::object: out += coda.consonant ? "을" : "를"; break;
    case Particle::with: out += coda.consonant ? "과" : "와"; break;
    case Particle::toward: out += coda.consonant && !coda.rieul ? "으로" : "로"; break;
    case Particle::none: break;
  }
}

}  // namespace newsroom::synthetic
