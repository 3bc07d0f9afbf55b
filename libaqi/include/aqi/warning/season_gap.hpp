// What a season run could not read from its forecasts, and what it did about it (issue 16: no input
// may produce a wrong answer silently). A day missing inside a forecast is read as missing — it
// breaks a run (SPEC W8) and cannot lift (L1); a day of the season without a forecast issued makes
// no decision (L1: the warning stands). Neither is an error: the run reports each one, and what it
// changed, in SeasonResult::gaps. docs/warnings.md "Gaps in the forecasts" gives the decisions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace aqi {

enum class GapKind : std::uint8_t {
  forecast_day,  // a forecast issued on `issue` has no value for `day` (its valid days skip it)
  issue_day      // no forecast was issued on `day`, between the season's first and last issue days
};

constexpr std::string_view name(GapKind k) noexcept { return k == GapKind::issue_day ? "issue_day" : "forecast_day"; }

constexpr std::string_view name_zh(GapKind k) noexcept {
  return k == GapKind::issue_day ? "缺少预报发布日" : "预报缺日";
}

struct SeasonGap {
  boost::gregorian::date day;   // the day missing (the first of consecutive days one forecast misses)
  boost::gregorian::date last;  // the last of those days (== day for one day): a row per stretch, so
                                // a forecast with nothing in it is one row, not one per day
  GapKind kind = GapKind::forecast_day;
  boost::gregorian::date issue;  // forecast_day: the forecast missing it; issue_day: the day itself
  // What is missing, what the engine did, and what it changed in the warnings and responses —
  // Chinese first, then the same in English.
  std::string detail_zh, detail;
  // The warning (index into SeasonResult::warnings) in force or decided when the gap was met;
  // no_warning when none.
  static constexpr std::size_t no_warning = static_cast<std::size_t>(-1);
  std::size_t warning = no_warning;
  // The gap changed a decision: the forecast's level differs from the one it gives with its missing
  // days as forecast before, or a LIFT was held (L1).
  bool changed = false;
};

}  // namespace aqi
