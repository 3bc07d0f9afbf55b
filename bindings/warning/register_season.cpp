// A season of daily forecasts through the warning lifecycle (SPEC L1–L6). Dates and times cross
// the boundary as days and seconds since 1970-01-01 (calendar_convert.hpp).
#include <cmath>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/warning/season.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {
py::object from_time(ptime t) {
  if (t.is_special()) return py::none();
  return py::int_(seconds_from_time(t));
}
}  // namespace

void register_season(py::module_& m) {
  m.def(
      "run_season",
      [](const std::vector<std::tuple<long long, long long, DoubleArray>>& forecasts, const RuleSet& rules,
         int issue_hour, const std::vector<std::tuple<long long, std::string, int>>& imposed,
         const std::optional<DoubleArray>& observed, long long observed_first) {
        std::vector<DailyForecast> fc;
        fc.reserve(forecasts.size());
        for (const auto& [issue, first, values] : forecasts)
          fc.push_back({date_from_days(issue), date_from_days(first),
                        std::vector<double>(values.data(), values.data() + values.size())});
        SeasonOptions opt;
        opt.issue_hour = issue_hour;
        for (const auto& [t, type, level] : imposed)
          opt.imposed.push_back({time_from_seconds(t), parse_event_type(type), level});
        SeasonResult r;
        {
          py::gil_scoped_release release;
          r = run_season(fc, rules, opt, observed ? view(*observed) : aqi::span<const double>{},
                         observed ? date_from_days(observed_first) : boost::gregorian::date());
        }
        py::dict events;
        py::list time, type, level, previous, reason, lead, short_lead, was_imposed, county, comparison, response,
            response_from;
        for (const auto& e : r.events) {
          time.append(from_time(e.time));
          type.append(std::string(name(e.type)));
          level.append(rules.level_name(e.level));
          previous.append(rules.level_name(e.previous));
          response.append(e.level == 0 ? py::object(py::none())
                                       : py::object(py::str(std::string(name(rules.response(e.level))))));
          reason.append(e.reason);
          lead.append(e.lead_hours);
          short_lead.append(e.short_lead);
          was_imposed.append(e.imposed);
          county.append(rules.level_name(e.county_level));
          comparison.append(std::string(name(e.comparison)));
          response_from.append(from_time(e.response_from));
        }
        events["time"] = time;
        events["event"] = type;
        events["level"] = level;
        events["previous"] = previous;
        events["response"] = response;
        events["reason"] = reason;
        events["lead_hours"] = lead;
        events["short_lead"] = short_lead;
        events["imposed"] = was_imposed;
        events["county_level"] = county;
        events["comparison"] = comparison;
        events["response_from"] = response_from;
        py::dict days;
        py::list day, warning, resp, fl, ol;
        for (const auto& d : r.days) {
          day.append(days_from_date(d.day));
          warning.append(rules.level_name(d.warning));
          resp.append(d.response == ResponseLevel::none ? py::object(py::none())
                                                        : py::object(py::str(std::string(name(d.response)))));
          fl.append(d.forecast_level < 0 ? py::object(py::none())
                                         : py::object(py::str(rules.level_name(d.forecast_level))));
          ol.append(d.observed_level < 0 ? py::object(py::none())
                                         : py::object(py::str(rules.level_name(d.observed_level))));
        }
        days["date"] = day;
        days["warning"] = warning;
        days["response"] = resp;
        days["forecast_level"] = fl;
        days["observed_level"] = ol;
        py::list periods;
        for (const auto& p : r.periods)
          periods.append(py::make_tuple(from_time(p.start), from_time(p.end), std::string(name(p.highest))));
        py::dict counts;
        py::dict wd, rh, ec;
        for (int k = 0; k <= rules.level_count(); ++k)
          wd[py::str(rules.level_name(k))] = r.warning_days[static_cast<std::size_t>(k)];
        for (const auto& [lvl, h] : r.response_hours) rh[py::str(std::string(name(lvl)))] = h;
        for (const auto& [t, c] : r.event_counts) ec[py::str(std::string(name(t)))] = c;
        counts["warning_days"] = wd;
        counts["response_hours"] = rh;
        counts["events"] = ec;
        py::list verification;
        for (const auto& v : r.verification) {
          py::dict d;
          d["level"] = rules.level_name(v.level);
          d["hits"] = v.hits;
          d["misses"] = v.misses;
          d["false_alarms"] = v.false_alarms;
          d["correct_negatives"] = v.correct_negatives;
          d["pod"] = v.pod;
          d["far"] = v.far;
          d["csi"] = v.csi;
          verification.append(d);
        }
        py::dict out;
        out["events"] = events;
        out["days"] = days;
        out["periods"] = periods;
        out["counts"] = counts;
        out["verification"] = verification;
        return out;
      },
      py::arg("forecasts"), py::arg("rules"), py::arg("issue_hour"), py::arg("imposed"), py::arg("observed"),
      py::arg("observed_first"));
}

}  // namespace aqi::python
