// The brick-kiln rotation (SPEC K1–K7) as bound classes: the kiln rules, the season's calendar
// (_core.KilnSeason), the schedule (_core.KilnSchedule), its evaluation and the K7 violations.
// Columns go in as numpy arrays and lists; tables come out as _core.Table for aqi/kilns.py.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "aqi/plan.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"
#include "emissions/emissions_common.hpp"  // printf_number, python_repr
#include "result.hpp"

namespace aqi::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;
using PlanPtr = std::shared_ptr<Plan>;

// The rules of `plan`, or the built-in plan's.
const KilnRules& rules_of(const PlanPtr& plan) { return plan ? *plan->kilns : kiln_rules(); }

std::vector<Kiln> kilns_from(const std::vector<std::string>& ids, const Int64Array& lines,
                             const DoubleArray& capacity) {
  return kilns_from_columns(ids, {lines.data(), static_cast<std::size_t>(lines.size())}, view(capacity));
}

// Rows of a given schedule. A line number no int holds cannot name a line: it stays out of range
// (the K7 check then names the row).
std::vector<StopWindow> windows_from(const std::vector<std::string>& ids, const Int64Array& lines,
                                     const Int64Array& start, const Int64Array& end) {
  const auto n = ids.size();
  if (static_cast<std::size_t>(lines.size()) != n || static_cast<std::size_t>(start.size()) != n ||
      static_cast<std::size_t>(end.size()) != n)
    throw InvalidArgument("assignments: the id, line, start and end columns differ in length");
  std::vector<StopWindow> w(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto l = lines.data()[i];
    w[i] = {ids[i], l < -1000000 || l > 1000000 ? 0 : static_cast<int>(l), date_from_days(start.data()[i]),
            date_from_days(end.data()[i]), -1};
  }
  return w;
}

KilnScheduleOptions options(std::optional<std::vector<double>> weights, std::optional<int> extension_days,
                            const std::string& extension) {
  KilnScheduleOptions o;
  if (weights) o.month_weights = std::move(*weights);
  o.january_extension_days = extension_days;
  o.extension = parse_extension_placement(extension);
  return o;
}

py::object py_date(boost::gregorian::date d) {
  return py::module_::import("datetime")
      .attr("date")(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()));
}

Table months_table(const std::vector<MonthStop>& months) {
  using M = MonthStop;
  return TableBuilder<M>(months)
      .text("month", [](const M& m) { return m.month; })
      .number("stopped_capacity", [](const M& m) { return m.stopped_capacity; })
      .number("share", [](const M& m) { return m.share; })
      .number("weight", [](const M& m) { return m.weight; })
      .build();
}

// K1, K4, K6: each batch's window (K4's days included), its whole months, whether it holds January.
Table season_batches_table(const KilnSeason& cal) {
  const auto rows = row_numbers(cal.batches());
  using I = std::size_t;
  return TableBuilder<I>(rows)
      .text("batch", [&cal](I b) { return cal.batch(b).name; })
      .text("name_zh", [&cal](I b) { return cal.batch(b).name_zh; })
      .date("start", [&cal](I b) { return cal.window(b).first; })
      .date("end", [&cal](I b) { return cal.window(b).last; })
      .date("months_start", [&cal](I b) { return cal.base_window(b).first; })
      .date("months_end", [&cal](I b) { return cal.base_window(b).last; })
      .flag("includes_january", [&cal](I b) { return cal.includes_january(b); })
      .build();
}

void bind_rules(py::module_& m) {
  bind_result<KilnRules>(m, "KilnRules", "A plan's brick-kiln rotation rules (SPEC K1–K5).")
      .def_readonly("id", &KilnRules::id)
      .def_readonly("document", &KilnRules::document)
      .def_readonly("quote_zh", &KilnRules::quote_zh)
      .def_readonly("season_first_month", &KilnRules::season_first_month)
      .def_readonly("season_months", &KilnRules::season_months)
      .def_readonly("january_extension_days", &KilnRules::january_extension_days)
      .def_readonly("multi_line_stop_share", &KilnRules::multi_line_stop_share)
      .def_readonly("required_months", &KilnRules::required_months)
      .def_readonly("month_weights", &KilnRules::month_weights)
      .def("__repr__", [](const KilnRules& r) { return "KilnRules(id=" + python_repr(r.id) + ")"; });
  m.def(
      "kiln_rules", [](const std::string& id) { return std::const_pointer_cast<KilnRules>(share(kiln_rules(id))); },
      py::arg("id") = "yiyuan-2019");
}

void bind_season(py::module_& m) {
  bind_result<KilnSeason>(m, "KilnSeason", "A rotation season's calendar (SPEC K1, K2, K4, K6).")
      .def_property_readonly("year", &KilnSeason::year)
      .def_property_readonly("batches", &season_batches_table)
      .def_property_readonly("months",
                             [](const KilnSeason& s) {
                               std::vector<std::string> out;
                               for (std::size_t k = 0; k < s.months(); ++k) out.push_back(s.month_label(k));
                               return out;
                             })
      .def_property_readonly("season_start", [](const KilnSeason& s) { return py_date(s.season().first); })
      .def_property_readonly("season_end", [](const KilnSeason& s) { return py_date(s.season().last); })
      .def_property_readonly("extension_days", &KilnSeason::extension_days)
      .def_property_readonly("extension", [](const KilnSeason& s) { return std::string(name(s.placement())); })
      .def(
          "weights_by_month",
          // A month is a calendar month (an int) or a label (a str); aqi/kilns.py says which.
          [](const KilnSeason& s, const std::vector<std::pair<py::object, double>>& given) {
            std::vector<MonthWeight> w;
            for (const auto& [month, weight] : given) {
              int overflow = 0;
              const long long m =
                  py::isinstance<py::int_>(month) ? PyLong_AsLongLongAndOverflow(month.ptr(), &overflow) : 0;
              if (py::isinstance<py::int_>(month) && !overflow && m >= INT_MIN && m <= INT_MAX)
                w.push_back({static_cast<int>(m), weight});
              else  // a label, or an integer no int holds (not a month either): named as written
                w.push_back({py::str(month).cast<std::string>(), weight});
            }
            return weights_by_month(s, w);
          },
          py::arg("weights"), "K5 weights in season order from (month, weight) pairs: month 1–12 or 'YYYY-MM'.")
      .def("__repr__", [](const KilnSeason& s) {
        return "aqi.kiln_batches(season=" + std::to_string(s.year()) +
               ", january_extension_days=" + std::to_string(s.extension_days()) +
               ", extension=" + python_repr(std::string(name(s.placement()))) + ")";
      });
  m.def(
      "kiln_season",
      [](int season, std::optional<int> extension_days, const std::string& extension, const PlanPtr& plan) {
        return std::make_shared<KilnSeason>(season, rules_of(plan), extension_days,
                                            parse_extension_placement(extension));
      },
      py::arg("season"), py::arg("extension_days"), py::arg("extension"), py::arg("plan"));
}

// Every stopped line and window: its batch, or "K3" for a line of a multi-line kiln.
Table assignments_table(const KilnSchedule& s) {
  std::vector<std::string> batches;
  for (const auto& b : s.batches) batches.push_back(b.name);
  batches.emplace_back(multi_line_batch);
  using W = StopWindow;
  return TableBuilder<W>(s.windows)
      .text("id", [](const W& w) { return w.kiln; })
      .integer("line", [](const W& w) { return w.line; })
      .date("start", [](const W& w) { return w.start; })
      .date("end", [](const W& w) { return w.end; })
      .category(
          "batch", [&s](const W& w) { return batch_label(s, w); }, batches)
      .integer("days", [](const W& w) { return w.days(); })
      .build();
}

Table schedule_batches_table(const KilnSchedule& s) {
  using B = BatchSummary;
  return TableBuilder<B>(s.batches)
      .text("batch", [](const B& b) { return b.name; })
      .text("name_zh", [](const B& b) { return b.name_zh; })
      .date("start", [](const B& b) { return b.window.first; })
      .date("end", [](const B& b) { return b.window.last; })
      .flag("extended", [](const B& b) { return b.extended; })
      .date("months_start", [](const B& b) { return b.months.first; })
      .date("months_end", [](const B& b) { return b.months.last; })
      .integer("kilns", [](const B& b) { return b.kilns; })
      .number("capacity", [](const B& b) { return b.capacity; })
      .build();
}

// K5 by part: each month's stopped capacity from the multi-line kilns (K3, a constant) and from
// each batch's one-line kilns; the parts sum to S_m.
Table months_by_batch_table(const KilnSchedule& s) {
  using M = MonthStop;
  TableBuilder<M> t(s.months);
  t.text("month", [](const M& m) { return m.month; }).number(multi_line_batch.data(), [&s](const M&) {
    return s.multi_line_capacity;
  });
  for (std::size_t b = 0; b < s.batches.size(); ++b)
    t.number(s.batches[b].name.c_str(), [b](const M& m) { return m.by_batch[b]; });
  return t.build();
}

// "aqi.KilnSchedule(season=2019, 31 kilns / 40 lines; one-line kilns per batch: B1 0, B2 13, B3 11;
// multi-line kilns 7 (9 lines stopped all season); objective …, bound …, gap 0.0021 %)".
std::string schedule_repr(const KilnSchedule& s) {
  std::string per_batch;
  for (const auto& b : s.batches) per_batch += (per_batch.empty() ? "" : ", ") + b.name + " " + std::to_string(b.kilns);
  const std::string how = s.exact ? "exact" : "gap " + printf_number("%.3g", 100 * s.gap) + " %";
  return "aqi.KilnSchedule(season=" + std::to_string(s.season) + ", " + std::to_string(s.kiln_batch.size()) +
         " kilns / " + std::to_string(s.lines) + " lines; one-line kilns per batch: " + per_batch +
         "; multi-line kilns " + std::to_string(s.multi_line_kilns) + " (" +
         std::to_string(s.multi_line_stopped_lines) + " lines stopped all season); objective " +
         printf_number("%.6g", s.objective) + ", bound " + printf_number("%.6g", s.bound) + ", " + how + ")";
}

void bind_schedule(py::module_& m) {
  using S = KilnSchedule;
  bind_result<S>(m, "KilnSchedule", "A season's kiln rotation (SPEC K1–K6).")
      .def_property_readonly("assignments", &assignments_table)
      .def_property_readonly("monthly", [](const S& s) { return months_table(s.months); })
      .def_property_readonly("monthly_by_batch", &months_by_batch_table)
      .def_property_readonly("batches", &schedule_batches_table)
      .def_property_readonly("kiln_batch",
                             [](const S& s) {
                               std::vector<std::optional<std::string>> out;
                               for (int b : s.kiln_batch)
                                 out.push_back(b < 0 ? std::nullopt : std::optional<std::string>(s.batches[b].name));
                               return out;
                             })
      .def_readonly("season", &S::season)
      .def_property_readonly("season_start", [](const S& s) { return py_date(s.season_days.first); })
      .def_property_readonly("season_end", [](const S& s) { return py_date(s.season_days.last); })
      .def_readonly("objective", &S::objective)
      .def_readonly("bound", &S::bound)
      .def_readonly("gap", &S::gap)
      .def_readonly("spread", &S::spread)
      .def_readonly("exact", &S::exact)
      .def_property_readonly("rotation", [](const S& s) { return std::string(name(s.rotation)); })
      .def_readonly("total_capacity", &S::total_capacity)
      .def_readonly("multi_line_kilns", &S::multi_line_kilns)
      .def_readonly("multi_line_stopped_lines", &S::multi_line_stopped_lines)
      .def_readonly("multi_line_capacity", &S::multi_line_capacity)
      .def_readonly("extension_days", &S::extension_days)
      .def_property_readonly("extension", [](const S& s) { return std::string(name(s.extension)); })
      .def("__repr__", &schedule_repr);
  m.def(
      "kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity, int season,
         std::optional<std::vector<double>> weights, std::optional<int> extension_days, const std::string& extension,
         const std::string& rotation, std::optional<std::size_t> exact_up_to, const PlanPtr& plan) {
        const auto kilns = kilns_from(ids, lines, capacity);
        KilnScheduleOptions o = options(std::move(weights), extension_days, extension);
        o.rotation = parse_line_rotation(rotation);
        o.exact_up_to = exact_up_to;
        const KilnRules& rules = rules_of(plan);
        py::gil_scoped_release release;
        return std::make_shared<KilnSchedule>(schedule_kilns(kilns, season, o, rules));
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("season"),
      py::arg("month_weights"), py::arg("extension_days"), py::arg("extension"), py::arg("rotation"),
      py::arg("exact_up_to"), py::arg("plan"));
}

void bind_checks(py::module_& m) {
  bind_result<KilnViolation>(m, "KilnViolation", "One violation of K1–K5 by a given schedule (SPEC K7).")
      .def_readonly("rule", &KilnViolation::rule)
      .def_readonly("kiln", &KilnViolation::kiln)
      .def_property_readonly("row",
                             [](const KilnViolation& v) {
                               return v.row == KilnViolation::no_row ? std::nullopt : std::optional<std::size_t>(v.row);
                             })
      .def_readonly("message", &KilnViolation::message)
      .def("__repr__", [](const KilnViolation& v) { return "KilnViolation(" + python_repr(v.message) + ")"; });
  bind_result<KilnScheduleEvaluation>(m, "KilnScheduleEvaluation", "K5 of a given schedule (SPEC K5, K7).")
      .def_property_readonly("monthly", [](const KilnScheduleEvaluation& e) { return months_table(e.months); })
      .def_readonly("objective", &KilnScheduleEvaluation::objective)
      .def_readonly("spread", &KilnScheduleEvaluation::spread);
  m.def(
      "validate_kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity,
         const std::vector<std::string>& a_ids, const Int64Array& a_lines, const Int64Array& a_start,
         const Int64Array& a_end, int season, std::optional<int> extension_days, const std::string& extension,
         const PlanPtr& plan) {
        const auto o = options(std::nullopt, extension_days, extension);
        return validate_kiln_schedule(kilns_from(ids, lines, capacity), windows_from(a_ids, a_lines, a_start, a_end),
                                      season, o, rules_of(plan));
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("assignment_ids"),
      py::arg("assignment_lines").noconvert(), py::arg("start").noconvert(), py::arg("end").noconvert(),
      py::arg("season"), py::arg("extension_days"), py::arg("extension"), py::arg("plan"));
  m.def(
      "evaluate_kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity,
         const std::vector<std::string>& a_ids, const Int64Array& a_lines, const Int64Array& a_start,
         const Int64Array& a_end, int season, std::optional<std::vector<double>> weights,
         std::optional<int> extension_days, const std::string& extension, const PlanPtr& plan) {
        const auto o = options(std::move(weights), extension_days, extension);
        return evaluate_kiln_schedule(kilns_from(ids, lines, capacity), windows_from(a_ids, a_lines, a_start, a_end),
                                      season, o, rules_of(plan));
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("assignment_ids"),
      py::arg("assignment_lines").noconvert(), py::arg("start").noconvert(), py::arg("end").noconvert(),
      py::arg("season"), py::arg("month_weights"), py::arg("extension_days"), py::arg("extension"), py::arg("plan"));
}

}  // namespace

void register_kiln_schedule(py::module_& m) {
  m.def(
      "read_kilns",
      [](const std::string& path) {
        const auto kilns = read_kilns(path);
        using K = Kiln;
        TableBuilder<K> t(kilns);
        t.text("id", [](const K& k) { return k.id; })
            .integer("lines", [](const K& k) { return k.lines; })
            .number("capacity", [](const K& k) { return k.capacity; });
        // K8: the emission columns when the table gives them (NaN for a kiln without).
        const bool any = std::any_of(kilns.begin(), kilns.end(), [](const K& k) { return k.emissions.has_value(); });
        for (std::size_t p = 0; any && p < kiln_emission_columns.size(); ++p)
          t.number(kiln_emission_columns[p].data(), [p](const K& k) {
            return k.emissions ? (*k.emissions)[p] : std::numeric_limits<double>::quiet_NaN();
          });
        return t.build();
      },
      py::arg("path"));
  bind_rules(m);
  bind_season(m);
  bind_schedule(m);
  bind_checks(m);
  m.attr("MULTI_LINE_BATCH") = std::string(multi_line_batch);
}

}  // namespace aqi::python
