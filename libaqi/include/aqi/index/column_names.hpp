// The column names analysts' data come with, read as indicators (issue 16; SPEC A3's
// indicators): the canonical keys, the national platform's names (pm2_5, pm2_5_24h, o3_8h_24h …),
// the aqistudy re-publications (pm25, pm10, so2, no2, co, o3_8h) and the UCI Beijing data (PM2.5,
// PM10, SO2, NO2, CO, O3), ASCII case ignored. One table for Python's aqi.aqi and the engine's
// CSV readers: a column is read right or refused, never dropped when it names a pollutant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aqi/index/indicator.hpp"

namespace aqi {

// The data's time step, which decides what a bare pollutant name (pm25, PM2.5) means: a 24-hour
// mean on a daily index, a 1-hour value on an hourly one; unknown for undated data.
enum class TimeStep : std::uint8_t { unknown, daily, hourly };

constexpr std::string_view name(TimeStep s) noexcept {
  return s == TimeStep::daily ? "daily" : s == TimeStep::hourly ? "hourly" : "unknown";
}

// One column read as an indicator: its position among the names given, its name, the indicator.
struct ColumnMatch {
  std::size_t position = 0;
  std::string name;
  Indicator indicator = Indicator::pm25_24h;
};

// The columns read, and the bare pollutant names left unread because the time step is unknown
// (the caller says why when nothing else was read; with other columns read they are an error).
struct ColumnMatches {
  std::vector<ColumnMatch> columns;
  std::vector<std::string> unread_bare_names;
};

// The indicator a column name stands for under `step`; nullopt for a name that is no pollutant's
// ("city", "aqi", "co2"), and for a bare name when the step is unknown. Throws UnknownName for a
// name that names a pollutant but no indicator ("pm_25_24h", "PM2.5-24h", "o3" on a daily index,
// "o3_24h" on an hourly one), naming it and the accepted names.
std::optional<Indicator> find_column(std::string_view name, TimeStep step);

// True for a name read by the time step (pm25, PM2.5, pm2_5, co …).
bool is_bare_pollutant_name(std::string_view name) noexcept;

// Every column of `names` read by find_column, except those `overrides` (column name → indicator
// key, as parse_indicator reads it) map explicitly. Throws InvalidArgument for an override naming
// no column, UnknownName for a bad override key or a misspelt pollutant column, InvalidArgument
// for bare names beside read columns when the step is unknown.
ColumnMatches match_columns(const std::vector<std::string>& names, TimeStep step,
                            const std::vector<std::pair<std::string, std::string>>& overrides = {});

// The accepted names, for messages and docs.
std::string accepted_column_names();

}  // namespace aqi
