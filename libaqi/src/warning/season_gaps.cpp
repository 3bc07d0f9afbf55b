// The gaps of a season run (issue 16): what is missing, what the engine did — W8 (a missing day
// breaks a run), L1 (a missing day cannot lift; a day without a forecast decides nothing) — and
// what it changed. docs/warnings.md "Gaps in the forecasts" states the decisions.
#include "warning/season_gaps.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "aqi/detail/dates.hpp"
#include "aqi/detail/format.hpp"

namespace aqi::detail {

namespace {

using boost::gregorian::days;

// Chinese and English text side by side.
struct Text {
  std::string zh, en;
  void add(const std::string& z, const std::string& e) {
    zh += z;
    en += e;
  }
};

std::string level_zh(const RuleSet& rules, int level) { return rules.level_name_zh(level); }

std::string event_zh(EventType e) { return std::string(name_zh(e)); }

// The warning in force at `t` (issued at or before it, not yet lifted), or no_warning. Warnings
// follow one another in time: the last one issued at or before `t` is the only candidate.
std::size_t warning_at(const SeasonResult& r, ptime t) {
  const auto after = std::upper_bound(r.warnings.begin(), r.warnings.end(), t,
                                      [](ptime x, const WarningPeriod& w) { return x < w.issued; });
  if (after == r.warnings.begin()) return SeasonGap::no_warning;
  const WarningPeriod& w = *(after - 1);
  if (!w.lifted.is_special() && !(t < w.lifted)) return SeasonGap::no_warning;
  return static_cast<std::size_t>(after - 1 - r.warnings.begin());
}

std::size_t warning_of_event(const SeasonResult& r, std::size_t event) {
  const auto it = std::lower_bound(r.warnings.begin(), r.warnings.end(), event,
                                   [](const WarningPeriod& w, std::size_t e) { return w.last_event < e; });
  if (it == r.warnings.end() || it->first_event > event) return SeasonGap::no_warning;
  return static_cast<std::size_t>(it - r.warnings.begin());
}

// "Ⅰ级响应112小时，而非40小时" / "Level I 112 h, not 40 h" for each response level whose hours differ.
Text response_change(const std::map<ResponseLevel, double>& read, const std::map<ResponseLevel, double>& filled) {
  Text t;
  for (ResponseLevel level : all_response_levels) {
    const auto a = read.find(level), b = filled.find(level);
    const double h_read = a == read.end() ? 0 : a->second, h_filled = b == filled.end() ? 0 : b->second;
    if (std::abs(h_read - h_filled) < 1e-9) continue;
    t.add(std::string(t.zh.empty() ? "" : "，") + std::string(name_zh(level)) + "响应" + format_hours(h_filled) +
              "小时，而非" + format_hours(h_read) + "小时",
          std::string(t.en.empty() ? "" : ", ") + "Level " + std::string(name(level)) + " " + format_hours(h_filled) +
              " h, not " + format_hours(h_read) + " h");
  }
  return t;
}

// Forecast mode: what the forecast gives as read and with its missing days as forecast before, a
// LIFT held, the decision made, and what the season's responses would have been.
Text forecast_mode_effect(const SeasonResult& r, const GapReading& g,
                          const std::optional<std::map<ResponseLevel, double>>& filled_hours) {
  const RuleSet& rules = *r.rules;
  Text t;
  const std::string read = rules.level_name(g.level_read), read_zh = level_zh(rules, g.level_read);
  if (g.level_filled < 0)
    t.add("；此前无预报给出该日数值，该预报判定为" + read_zh,
          "; no earlier forecast gives the day; the forecast gives " + read);
  else if (g.level_filled == g.level_read)
    t.add("；按此前预报补齐缺日，判定同为" + read_zh,
          "; the forecast gives " + read + " either way (with its missing days as forecast before)");
  else
    t.add("；按缺测判定为" + read_zh + "，按此前预报补齐缺日则为" + level_zh(rules, g.level_filled),
          "; the forecast gives " + read + " as read, " + rules.level_name(g.level_filled) +
              " with its missing days as forecast before");
  if (g.held)
    t.add("；" + level_zh(rules, g.active_before) + "预警维持：解除所需的前" + std::to_string(rules.lift_first_hours) +
              "小时含缺测日，无法解除（SPEC L1）",
          "; the " + rules.level_name(g.active_before) + " warning was held: the first " +
              std::to_string(rules.lift_first_hours) + " hours a LIFT needs include a missing day (SPEC L1)");
  if (g.event < r.events.size()) {
    const SeasonEvent& e = r.events[g.event];
    t.add(
        "；引擎决策：" + event_zh(e.type) + (e.level > 0 ? level_zh(rules, e.level) + "预警" : "预警"),
        "; the engine's decision: " + std::string(name(e.type)) + (e.level > 0 ? " " + rules.level_name(e.level) : ""));
  } else if (g.active_before > 0) {
    t.add("；" + level_zh(rules, g.active_before) + "预警维持不变",
          "; the " + rules.level_name(g.active_before) + " warning stood");
  } else {
    t.add("；无预警", "; no warning");
  }
  if (filled_hours && (g.held || (g.level_filled >= 0 && g.level_filled != g.level_read))) {
    const Text change = response_change(r.response_hours, *filled_hours);
    if (change.en.empty())
      t.add("；补齐缺日后本季各级响应时长不变",
            "; the season's response hours are the same with the missing days filled");
    else
      t.add("；按此前预报补齐缺日，本季" + change.zh,
            "; with the missing days as forecast before, the season's responses: " + change.en);
  }
  return t;
}

const Text relay_advice{"；接力模式下县级预报仅供参考（SPEC L7、L10）：以上级指令为准，预警和响应不受影响",
                        "; in relay mode the county's forecast is advice (SPEC L7, L10): the orders decide, no warning "
                        "or response changed"};

void add_forecast_day_gaps(SeasonResult& r, const std::vector<DailyForecast>& forecasts, std::size_t index,
                           const GapReading* g, int issue_hour,
                           const std::optional<std::map<ResponseLevel, double>>& filled_hours) {
  const DailyForecast& f = forecasts[index];
  const Text effect = g ? forecast_mode_effect(r, *g, filled_hours) : relay_advice;
  std::size_t warning = SeasonGap::no_warning;
  if (g)
    warning = g->event < r.events.size() ? warning_of_event(r, g->event) : warning_at(r, at_hour(f.issue, issue_hour));
  const std::vector<date> missing = missing_days(f);
  for (std::size_t k = 0; k < missing.size();) {
    std::size_t e = k;  // the stretch missing[k … e] of consecutive days
    while (e + 1 < missing.size() && missing[e + 1] == missing[e] + days(1)) ++e;
    const date d = missing[k];
    const std::string when = e == k ? iso(d) : iso(d) + " … " + iso(missing[e]);
    const std::string n = e == k ? "" : " (" + std::to_string(e - k + 1) + " days)";
    const std::string n_zh = e == k ? "" : "（" + std::to_string(e - k + 1) + "天）";
    k = e + 1;
    SeasonGap gap;
    gap.day = d;
    gap.last = missing[e];
    gap.kind = GapKind::forecast_day;
    gap.issue = f.issue;
    gap.detail_zh = iso(f.issue) + "发布的预报缺少" + when + n_zh +
                    "的数值：按缺测处理，缺测日中断连续超标过程（SPEC W8）" + effect.zh;
    gap.detail = "the forecast of " + iso(f.issue) + " has no value for " + when + n +
                 ": read as missing, which breaks any run through it (SPEC W8)" + effect.en;
    gap.warning = warning;
    gap.changed = g && (g->held || (g->level_filled >= 0 && g->level_filled != g->level_read));
    r.gaps.push_back(std::move(gap));
  }
}

SeasonGap issue_day_gap(const SeasonResult& r, date d, int issue_hour) {
  const RuleSet& rules = *r.rules;
  SeasonGap gap;
  gap.day = d;
  gap.last = d;
  gap.kind = GapKind::issue_day;
  gap.issue = d;
  if (r.mode == SeasonMode::relay) {
    gap.detail_zh = iso(d) + "未发布预报：当日无县级预报参考（SPEC L10）；以上级指令为准，预警和响应不受影响";
    gap.detail = "no forecast issued on " + iso(d) +
                 ": no advice that day (SPEC L10); the orders decide, no warning or response changed";
    return gap;
  }
  gap.warning = warning_at(r, at_hour(d, issue_hour));
  gap.detail_zh = iso(d) + "未发布预报：当日无预警决策（SPEC L1）";
  gap.detail = "no forecast issued on " + iso(d) + ": no decision that day (SPEC L1)";
  if (gap.warning == SeasonGap::no_warning) {
    gap.detail_zh += "；当日无预警，也无法发布预警";
    gap.detail += "; no warning was in force, and none could be issued that day";
  } else {
    const WarningPeriod& w = r.warnings[gap.warning];
    const int level = r.days[static_cast<std::size_t>((d - r.days.front().day).days())].warning;
    gap.detail_zh += "；" + iso(w.issued) + "发布的预警（当日" + level_zh(rules, level) + "）维持不变";
    gap.detail += "; the warning issued " + iso(w.issued) + " (" + rules.level_name(level) + " that day) stood";
  }
  return gap;
}

}  // namespace

std::vector<DailyForecast> filled_from_earlier(const std::vector<DailyForecast>& forecasts) {
  std::vector<DailyForecast> out;
  std::map<date, double> known;
  for (const DailyForecast& f : forecasts) {
    if (missing_days(f).empty())
      out.push_back(f);
    else
      out.push_back(with_missing_days(f, [&](date d) {
        const auto it = known.find(d);
        return it == known.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
      }));
    for (std::size_t k = 0; k < f.aqi.size(); ++k)
      if (!std::isnan(f.aqi[k])) known[f.first_valid + days(static_cast<long>(k))] = f.aqi[k];
  }
  return out;
}

void fill_gaps(SeasonResult& r, const std::vector<DailyForecast>& forecasts, int issue_hour,
               const std::vector<GapReading>& readings,
               const std::optional<std::map<ResponseLevel, double>>& filled_hours) {
  std::size_t next = 0;  // readings are in forecast order
  for (std::size_t i = 0; i < forecasts.size(); ++i) {
    const GapReading* g = nullptr;
    while (next < readings.size() && readings[next].forecast < i) ++next;
    if (next < readings.size() && readings[next].forecast == i) g = &readings[next];
    if (r.mode == SeasonMode::relay || g) add_forecast_day_gaps(r, forecasts, i, g, issue_hour, filled_hours);
    if (i + 1 < forecasts.size())
      for (date d = forecasts[i].issue + days(1); d < forecasts[i + 1].issue; d += days(1))
        r.gaps.push_back(issue_day_gap(r, d, issue_hour));
  }
  std::stable_sort(r.gaps.begin(), r.gaps.end(), [](const SeasonGap& a, const SeasonGap& b) { return a.day < b.day; });
}

}  // namespace aqi::detail
