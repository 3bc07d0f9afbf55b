// The brick-kiln rotation (SPEC K1–K7): the kiln table, the season's batch windows, the
// schedule, its evaluation and validation. Columns go in and out as numpy arrays and lists; the
// `aqi` package (kilns.py) builds the DataFrames.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/validation.hpp"
#include "calendar_convert.hpp"
#include "common.hpp"

namespace aqi::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;

std::vector<Kiln> kilns_from(const std::vector<std::string>& ids, const Int64Array& lines,
                             const DoubleArray& capacity) {
  const auto n = ids.size();
  if (static_cast<std::size_t>(lines.size()) != n || static_cast<std::size_t>(capacity.size()) != n)
    throw InvalidArgument("kilns: the id, lines and capacity columns differ in length");
  std::vector<Kiln> k(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto l = lines.data()[i];
    if (l < 1 || l > 1000) throw InvalidValue("kilns", i, "kiln '" + ids[i] + "': " + detail::kiln_problem_lines(l));
    k[i] = {ids[i], static_cast<int>(l), capacity.data()[i]};
  }
  return k;
}

ExtensionPlacement placement(const std::string& s) {
  if (s == "after_end") return ExtensionPlacement::after_end;
  if (s == "before_start") return ExtensionPlacement::before_start;
  throw UnknownName("unknown extension placement '" + s + "'; expected after_end or before_start");
}

KilnScheduleOptions options(const std::optional<std::vector<double>>& weights, int extension_days,
                            const std::string& extension, const std::string& rotation, std::size_t exact_up_to) {
  KilnScheduleOptions o;
  if (weights) o.month_weights = *weights;
  o.january_extension_days = extension_days;
  o.extension = placement(extension);
  if (rotation == "fixed") {
    o.rotation = LineRotation::fixed;
  } else if (rotation == "cyclic") {
    o.rotation = LineRotation::cyclic;
  } else {
    throw UnknownName("unknown line rotation '" + rotation + "'; expected fixed or cyclic");
  }
  o.exact_up_to = exact_up_to;
  return o;
}

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

py::dict months_dict(const std::vector<MonthStop>& months) {
  std::vector<std::string> label;
  auto s = new_array<double>(months.size()), share = new_array<double>(months.size()),
       weight = new_array<double>(months.size());
  for (std::size_t m = 0; m < months.size(); ++m) {
    label.push_back(months[m].month);
    s.mutable_data()[m] = months[m].stopped_capacity;
    share.mutable_data()[m] = months[m].share;
    weight.mutable_data()[m] = months[m].weight;
  }
  py::dict d;
  d["month"] = label;
  d["stopped_capacity"] = s;
  d["share"] = share;
  d["weight"] = weight;
  return d;
}

py::dict season_dict(const KilnSeason& cal) {
  py::list batches;
  for (std::size_t b = 0; b < cal.batches(); ++b) {
    py::dict d;
    d["name"] = cal.batch(b).name;
    d["name_zh"] = cal.batch(b).name_zh;
    d["start"] = days_from_date(cal.window(b).first);
    d["end"] = days_from_date(cal.window(b).last);
    d["months_start"] = days_from_date(cal.base_window(b).first);
    d["months_end"] = days_from_date(cal.base_window(b).last);
    d["includes_january"] = cal.includes_january(b);
    batches.append(d);
  }
  py::list months;
  for (std::size_t m = 0; m < cal.months(); ++m) months.append(cal.month_label(m));
  py::dict out;
  out["batches"] = batches;
  out["months"] = months;
  out["season_start"] = days_from_date(cal.season().first);
  out["season_end"] = days_from_date(cal.season().last);
  out["extension_days"] = cal.extension_days();
  out["extension"] = std::string(name(cal.placement()));
  return out;
}

}  // namespace

void register_kiln_schedule(py::module_& m) {
  m.def(
      "read_kilns",
      [](const std::string& path) {
        const auto kilns = read_kilns(path);
        std::vector<std::string> ids;
        auto lines = new_array<std::int64_t>(kilns.size());
        auto cap = new_array<double>(kilns.size());
        for (std::size_t i = 0; i < kilns.size(); ++i) {
          ids.push_back(kilns[i].id);
          lines.mutable_data()[i] = kilns[i].lines;
          cap.mutable_data()[i] = kilns[i].capacity;
        }
        py::dict d;
        d["id"] = ids;
        d["lines"] = lines;
        d["capacity"] = cap;
        return d;
      },
      py::arg("path"));

  m.def(
      "kiln_rules",
      [](const std::string& id) {
        const auto& r = kiln_rules(id);
        py::dict d;
        d["id"] = r.id;
        d["document"] = r.document;
        d["quote_zh"] = r.quote_zh;
        d["january_extension_days"] = r.january_extension_days;
        d["multi_line_stop_share"] = r.multi_line_stop_share;
        d["required_months"] = r.required_months;
        d["month_weights"] = r.month_weights;
        d["season_first_month"] = r.season_first_month;
        d["season_months"] = r.season_months;
        return d;
      },
      py::arg("id") = "yiyuan-2019");

  m.def(
      "kiln_season",
      [](int season, int extension_days, const std::string& extension) {
        return season_dict(KilnSeason(season, kiln_rules(), extension_days, placement(extension)));
      },
      py::arg("season"), py::arg("extension_days"), py::arg("extension"));

  m.def(
      "kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity, int season,
         const std::optional<std::vector<double>>& weights, int extension_days, const std::string& extension,
         const std::string& rotation, std::size_t exact_up_to) {
        const auto kilns = kilns_from(ids, lines, capacity);
        const auto o = options(weights, extension_days, extension, rotation, exact_up_to);
        KilnSchedule s;
        {
          py::gil_scoped_release release;
          s = schedule_kilns(kilns, season, o);
        }
        const std::size_t n = s.windows.size();
        std::vector<std::string> wid, wbatch;
        auto wline = new_array<std::int64_t>(n), wstart = new_array<std::int64_t>(n), wend = new_array<std::int64_t>(n);
        for (std::size_t i = 0; i < n; ++i) {
          const auto& w = s.windows[i];
          wid.push_back(w.kiln);
          wbatch.push_back(w.batch < 0 ? "K3" : s.batches[static_cast<std::size_t>(w.batch)].name);
          wline.mutable_data()[i] = w.line;
          wstart.mutable_data()[i] = days_from_date(w.start);
          wend.mutable_data()[i] = days_from_date(w.end);
        }
        py::dict windows;
        windows["id"] = wid;
        windows["line"] = wline;
        windows["start"] = wstart;
        windows["end"] = wend;
        windows["batch"] = wbatch;
        py::list batches;
        for (const auto& b : s.batches) {
          py::dict d;
          d["name"] = b.name;
          d["name_zh"] = b.name_zh;
          d["start"] = days_from_date(b.window.first);
          d["end"] = days_from_date(b.window.last);
          d["extended"] = b.extended;
          d["kilns"] = b.kilns;
          d["capacity"] = b.capacity;
          batches.append(d);
        }
        py::dict out;
        out["windows"] = windows;
        out["months"] = months_dict(s.months);
        out["batches"] = batches;
        out["kiln_batch"] = s.kiln_batch;
        out["multi_line_kilns"] = s.multi_line_kilns;
        out["multi_line_stopped_lines"] = s.multi_line_stopped_lines;
        out["multi_line_capacity"] = s.multi_line_capacity;
        out["total_capacity"] = s.total_capacity;
        out["objective"] = s.objective;
        out["bound"] = s.bound;
        out["gap"] = s.gap;
        out["spread"] = s.spread;
        out["exact"] = s.exact;
        out["rotation"] = std::string(name(s.rotation));
        out["season"] = season_dict(KilnSeason(season, kiln_rules(), extension_days, o.extension));
        return out;
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("season"),
      py::arg("month_weights"), py::arg("extension_days"), py::arg("extension"), py::arg("rotation"),
      py::arg("exact_up_to"));

  m.def(
      "validate_kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity,
         const std::vector<std::string>& a_ids, const Int64Array& a_lines, const Int64Array& a_start,
         const Int64Array& a_end, int season, int extension_days, const std::string& extension) {
        const auto kilns = kilns_from(ids, lines, capacity);
        const auto windows = windows_from(a_ids, a_lines, a_start, a_end);
        const auto o = options(std::nullopt, extension_days, extension, "fixed", 0);
        py::list out;
        for (const auto& v : validate_kiln_schedule(kilns, windows, season, o)) {
          py::dict d;
          d["rule"] = v.rule;
          d["kiln"] = v.kiln;
          d["row"] = v.row == KilnViolation::no_row ? py::object(py::none()) : py::object(py::int_(v.row));
          d["message"] = v.message;
          out.append(d);
        }
        return out;
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("assignment_ids"),
      py::arg("assignment_lines").noconvert(), py::arg("start").noconvert(), py::arg("end").noconvert(),
      py::arg("season"), py::arg("extension_days"), py::arg("extension"));

  m.def(
      "evaluate_kiln_schedule",
      [](const std::vector<std::string>& ids, const Int64Array& lines, const DoubleArray& capacity,
         const std::vector<std::string>& a_ids, const Int64Array& a_lines, const Int64Array& a_start,
         const Int64Array& a_end, int season, const std::optional<std::vector<double>>& weights, int extension_days,
         const std::string& extension) {
        const auto kilns = kilns_from(ids, lines, capacity);
        const auto windows = windows_from(a_ids, a_lines, a_start, a_end);
        const auto o = options(weights, extension_days, extension, "fixed", 0);
        const auto e = evaluate_kiln_schedule(kilns, windows, season, o);
        py::dict out;
        out["months"] = months_dict(e.months);
        out["objective"] = e.objective;
        out["spread"] = e.spread;
        return out;
      },
      py::arg("ids"), py::arg("lines").noconvert(), py::arg("capacity").noconvert(), py::arg("assignment_ids"),
      py::arg("assignment_lines").noconvert(), py::arg("start").noconvert(), py::arg("end").noconvert(),
      py::arg("season"), py::arg("month_weights"), py::arg("extension_days"), py::arg("extension"));
}

}  // namespace aqi::python
