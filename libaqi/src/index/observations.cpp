#include "aqi/index/observations.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"

namespace aqi {

Observations parse_observations(std::string_view text, const std::string& file) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  Observations obs;
  const std::size_t date_col = t.column("date");
  std::vector<std::size_t> cols;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const auto i = find_indicator(t.header[c]);  // pm25_24h, PM2.5_24h …
    if (!i) continue;
    for (std::size_t k = 0; k < obs.indicators.size(); ++k)
      if (obs.indicators[k] == *i)
        throw ParseError(file, 1, c + 1,
                         "column '" + t.header[c] + "' is " + std::string(key(*i)) + " again (column " +
                             std::to_string(cols[k] + 1) + ")");
    obs.indicators.push_back(*i);
    cols.push_back(c);
  }
  if (cols.empty()) throw ParseError(file, 1, 0, "no indicator column; expected some of: " + indicator_key_list());
  obs.values.resize(cols.size());
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto d = t.date(r, date_col);
    if (!obs.dates.empty() && !(d > obs.dates.back()))
      t.fail(r, date_col, "dates must increase (" + detail::iso(d) + " after " + detail::iso(obs.dates.back()) + ")");
    obs.dates.push_back(d);
    for (std::size_t k = 0; k < cols.size(); ++k) {
      const double v = t.number(r, cols[k]);
      if (v < 0) t.fail(r, cols[k], "negative concentration (SPEC A4)");
      obs.values[k].push_back(v);
    }
  }
  return obs;
}

Observations read_observations(const std::string& path) {
  return parse_observations(detail::read_text_file(path), path);
}

}  // namespace aqi
