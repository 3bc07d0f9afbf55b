#include "aqi/index/column_names.hpp"

#include <array>

#include "aqi/detail/ascii.hpp"
#include "aqi/error.hpp"
#include "aqi/index/pollutant.hpp"

namespace aqi {

namespace {

// A pollutant under any of its names, and the national platform's pm2_5.
std::optional<Pollutant> pollutant_word(std::string_view text) noexcept {
  if (detail::same_name(text, "pm2_5")) return Pollutant::pm25;
  return find_pollutant(text);
}

std::optional<Indicator> indicator_of(Pollutant p, int hours) noexcept {
  for (Indicator i : all_indicators)
    if (pollutant_of(i) == p && averaging_hours(i) == hours) return i;
  return std::nullopt;
}

// The name folded to its letters and digits: "PM_2.5-24h" → "pm2524h".
std::string folded(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '/') continue;
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return s;
}

// A name that starts with a pollutant's key and goes on, if at all, with an averaging period
// ("pm_25_24h", "PM2.5-24h", "co 8hr"): meant as a pollutant's column, so it must not be dropped.
// "co2", "pm1", "aqi", "code" are not.
bool looks_like_pollutant(std::string_view text) {
  const std::string s = folded(text);
  for (std::string_view k : {"pm25", "pm10", "so2", "no2", "co", "o3"}) {
    if (s.compare(0, k.size(), k) != 0) continue;
    const std::string_view rest = std::string_view(s).substr(k.size());
    if (rest.empty() || (rest.front() >= '0' && rest.front() <= '9' && rest.find('h') != std::string_view::npos))
      return true;
  }
  return false;
}

[[noreturn]] void refuse(std::string_view name, const std::string& why) {
  throw UnknownName("column '" + std::string(name) + "' " + why + "; accepted names: " + accepted_column_names());
}

// A bare name: a 24-hour mean on a daily index, a 1-hour value on an hourly one. O3 has no
// 24-hour mean: on a daily index it is the day's maximum 1-hour value or 8-hour mean — which,
// the name does not say.
std::optional<Indicator> bare_column(std::string_view name, Pollutant p, TimeStep step) {
  if (step == TimeStep::unknown) return std::nullopt;
  if (step == TimeStep::hourly) return indicator_of(p, 1);
  if (p == Pollutant::o3)
    refuse(name, "on a daily index may be the day's maximum 1-hour value (o3_1h) or 8-hour mean (o3_8h): rename it");
  return indicator_of(p, 24);
}

// The national platform's daily maxima of O3: o3_24h (of the 1-hour values) and o3_8h_24h (of the
// 8-hour means), the day's o3_1h and o3_8h on a daily index.
std::optional<Indicator> platform_maximum(std::string_view name, TimeStep step) {
  const bool max_1h = detail::same_name(name, "o3_24h");
  if (!max_1h && !detail::same_name(name, "o3_8h_24h")) return std::nullopt;
  if (step != TimeStep::daily)
    refuse(name, "is the national platform's maximum over 24 hours, read on a daily index only");
  return max_1h ? Indicator::o3_1h : Indicator::o3_8h;
}

}  // namespace

bool is_bare_pollutant_name(std::string_view name) noexcept { return pollutant_word(name).has_value(); }

std::optional<Indicator> find_column(std::string_view name, TimeStep step) {
  if (auto i = find_indicator(name)) return i;  // pm25_24h, PM2.5_24h, 臭氧_8h
  if (auto p = pollutant_word(name)) return bare_column(name, *p, step);
  const std::size_t cut = name.rfind('_');
  if (cut != std::string_view::npos)
    if (auto p = pollutant_word(name.substr(0, cut)))  // pm2_5_24h
      for (int hours : {24, 8, 1})
        if (detail::same_name(name.substr(cut + 1), std::to_string(hours) + "h"))
          if (auto i = indicator_of(*p, hours)) return i;
  if (auto i = platform_maximum(name, step)) return i;
  if (looks_like_pollutant(name)) refuse(name, "names a pollutant but no indicator");
  return std::nullopt;
}

ColumnMatches match_columns(const std::vector<std::string>& names, TimeStep step,
                            const std::vector<std::pair<std::string, std::string>>& overrides) {
  std::vector<const std::string*> explicit_key(names.size(), nullptr);
  for (const auto& [column, k] : overrides) {
    std::size_t at = 0;
    while (at < names.size() && names[at] != column) ++at;
    if (at == names.size()) throw InvalidArgument("columns: the data have no column '" + column + "'");
    explicit_key[at] = &k;
  }
  ColumnMatches out;
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (explicit_key[c]) {
      out.columns.push_back({c, names[c], parse_indicator(*explicit_key[c])});
    } else if (auto i = find_column(names[c], step)) {
      out.columns.push_back({c, names[c], *i});
    } else if (step == TimeStep::unknown && is_bare_pollutant_name(names[c])) {
      out.unread_bare_names.push_back(names[c]);
    }
  }
  if (!out.columns.empty() && !out.unread_bare_names.empty())
    throw InvalidArgument("column '" + out.unread_bare_names.front() +
                          "' is a bare pollutant name, a 24-hour mean on a daily index and a 1-hour value on an "
                          "hourly one, and these data have no dates: pass period='daily' or 'hourly', or name its "
                          "indicator (columns={'" +
                          out.unread_bare_names.front() + "': 'pm25_24h'})");
  return out;
}

std::string accepted_column_names() {
  return "the indicator keys (" + indicator_key_list() +
         ") in any case, also with the pollutant's other names (PM2.5_24h, pm2_5_24h, 臭氧_8h); the bare names "
         "pm25, pm2_5, PM2.5, pm10, so2, no2, co, o3: a 24-hour mean on a daily index, a 1-hour value on an hourly "
         "one (o3 hourly only); o3_24h and o3_8h_24h (the national platform's daily maxima) on a daily index";
}

}  // namespace aqi
