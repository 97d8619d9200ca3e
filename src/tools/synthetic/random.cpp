// The deterministic exp, log and normal draw (random.h): basic IEEE operations only.
#include "tools/synthetic/random.h"

#include <cmath>

namespace newsroom::synthetic {

namespace {

constexpr double kLn2 = 0.69314718055994530942;

}  // namespace

double det_exp(double x) {
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;  // |r| <= ln2 / 2: the series converges in ~16 terms
  double term = 1, sum = 1;
  for (int i = 1; i < 20; ++i) {
    term *= r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double det_log(double x) {
  int e = 0;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  // ln m = 2 atanh(t), t = (m-1)/(m+1), |t| < 0.172: 20 odd terms are far past double precision.
  const double t = (m - 1) / (m + 1), t2 = t * t;
  double power = t, sum = 0;
  for (int i = 1; i < 40; i += 2) {
    sum += power / i;
    power *= t2;
  }
  return e * kLn2 + 2 * sum;
}

double standard_normal(Rng& rng) {
  for (;;) {
    const double u = 2 * rng.unit() - 1, v = 2 * rng.unit() - 1, s = u * u + v * v;
    if (s > 0 && s < 1) return u * std::sqrt(-2 * det_log(s) / s);
  }
}

}  // namespace newsroom::synthetic
