// aqi._core: the compiled half of the Python package. Each concept registers itself from its
// own register_<concept>.cpp; this file only calls them.
#include <pybind11/pybind11.h>

#include "aqi/version.hpp"

namespace py = pybind11;

namespace aqi::python {
void register_errors(py::module_& m);
void register_result_types(py::module_& m);
void register_edition(py::module_& m);
void register_iaqi(py::module_& m);
void register_air_quality_index(py::module_& m);
void register_column_names(py::module_& m);
void register_moving_mean(py::module_& m);
void register_rule_set(py::module_& m);
void register_plan(py::module_& m);
void register_warning(py::module_& m);
void register_measures(py::module_& m);
void register_season(py::module_& m);
void register_notices(py::module_& m);
void register_orders(py::module_& m);
void register_inventory(py::module_& m);
void register_industry_measures(py::module_& m);
void register_emission_cuts(py::module_& m);
void register_top_up(py::module_& m);
void register_kiln_schedule(py::module_& m);
void register_holiday_calendar(py::module_& m);
void register_deadlines(py::module_& m);
void register_station_files(py::module_& m);
}  // namespace aqi::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "libaqi compiled core; use the `aqi` package, not this module directly.";
  m.attr("__version__") = aqi::version;
  aqi::python::register_errors(m);
  aqi::python::register_result_types(m);
  aqi::python::register_edition(m);
  aqi::python::register_iaqi(m);
  aqi::python::register_air_quality_index(m);
  aqi::python::register_column_names(m);
  aqi::python::register_moving_mean(m);
  aqi::python::register_rule_set(m);
  aqi::python::register_industry_measures(m);  // before the plan, which holds these tables
  aqi::python::register_plan(m);               // before the functions that take a plan
  aqi::python::register_warning(m);
  aqi::python::register_measures(m);
  aqi::python::register_season(m);
  aqi::python::register_notices(m);
  aqi::python::register_orders(m);
  aqi::python::register_inventory(m);
  aqi::python::register_emission_cuts(m);
  aqi::python::register_top_up(m);
  aqi::python::register_kiln_schedule(m);
  aqi::python::register_holiday_calendar(m);
  aqi::python::register_deadlines(m);
  aqi::python::register_station_files(m);
}
