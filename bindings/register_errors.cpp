// C++ error types → Python exceptions with the same message.
#include <pybind11/pybind11.h>

#include "aqi/error.hpp"

namespace py = pybind11;

namespace aqi::python {

void register_errors(py::module_& m) {
  // A data file that cannot be read as written: names file, line and column.
  static py::handle scenario_error;  // a type object owned by the module, immutable once set
  scenario_error = py::exception<aqi::ParseError>(m, "ScenarioError", PyExc_ValueError).release();
  py::register_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const aqi::ParseError& e) {
      PyErr_SetString(scenario_error.ptr(), e.what());
    } catch (const aqi::InvalidValue& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const aqi::InvalidArgument& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const aqi::UnknownName& e) {
      PyErr_SetString(PyExc_KeyError, e.what());
    } catch (const aqi::FileNotFound& e) {
      PyErr_SetString(PyExc_FileNotFoundError, e.what());
    } catch (const aqi::Error& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
}

}  // namespace aqi::python
