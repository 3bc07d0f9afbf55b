// What an embedder writes: compute an AQI and fail loudly if the library gives a wrong answer.
// PM2.5 80 µg/m³ on 2019-12-01 (HJ 633-2012): 100 + 50·5/40 = 106.25 → 107 (SPEC A1, A2).
#include <aqi/aqi.hpp>

#include <cstdio>
#include <vector>

int main() {
  const auto record = aqi::Concentrations{}.set(aqi::Indicator::pm25_24h, 80.0);
  const auto& edition = aqi::edition_in_force(boost::gregorian::date(2019, 12, 1));
  const auto r = aqi::air_quality_index(edition, record, aqi::Period::daily);
  std::printf("libaqi %s: AQI %g (%s), primary %s\n", aqi::version, r.aqi, r.edition.c_str(),
              r.primary.to_string().c_str());
  try {
    std::vector<double> bad{1, -2}, out(2);
    aqi::iaqi(edition, aqi::Indicator::pm25_24h, bad, aqi::span<double>(out));
    return 1;
  } catch (const aqi::InvalidValue& e) {
    std::printf("bad input reported: %s\n", e.what());
  }
  return r.aqi == 107 && r.primary.to_string() == "PM2.5" ? 0 : 1;
}
