#include "aqi/index/observations.hpp"

#include "aqi/detail/csv.hpp"
#include "aqi/detail/dates.hpp"
#include "aqi/detail/files.hpp"
#include "aqi/index/column_names.hpp"
#include "aqi/index/plausibility.hpp"

namespace aqi {

Observations parse_observations(std::string_view text, const std::string& file) {
  const detail::CsvTable t = detail::parse_csv(text, file);
  Observations obs;
  const std::size_t date_col = t.column("date");
  std::vector<std::size_t> cols;
  // Daily records: bare names (pm25, so2) are 24-hour means (issue 16's one table of names).
  std::vector<ColumnMatch> matches;
  try {
    matches = match_columns(t.header, TimeStep::daily).columns;
  } catch (const UnknownName& e) {
    throw ParseError(file, 1, 0, e.what());
  }
  for (const auto& m : matches) {
    for (std::size_t k = 0; k < obs.indicators.size(); ++k)
      if (obs.indicators[k] == m.indicator)
        throw ParseError(file, 1, m.position + 1,
                         "column '" + m.name + "' is " + std::string(key(m.indicator)) + " again (column " +
                             std::to_string(cols[k] + 1) + ")");
    obs.indicators.push_back(m.indicator);
    cols.push_back(m.position);
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
      const std::string why = implausible(pollutant_of(obs.indicators[k]), v);  // a unit mistake
      if (!why.empty()) t.fail(r, cols[k], why);
      obs.values[k].push_back(v);
    }
  }
  return obs;
}

Observations read_observations(const std::string& path) {
  return parse_observations(detail::read_text_file(path), path);
}

}  // namespace aqi
