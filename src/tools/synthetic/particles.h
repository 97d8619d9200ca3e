// Korean particles for the synthetic export's sentences. A particle depends on whether the
// preceding syllable ends in a consonant (받침): 진흥원은 / 도는, 협약식을 / 포럼을 /
// 세미나를, 전주시로 / 서울로 (ㄹ takes 로).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsroom::synthetic {

enum class Particle : uint8_t { none, topic, subject, object, with, toward };  // 은 이 을 과 로

// Appends the particle as the text already in `out` asks for it (nothing for none).
void append_particle(std::string& out, Particle particle);

}  // namespace newsroom::synthetic
