// Shared by the emission bindings (inventory, measure table, cuts, top-up): the per-pollutant
// check as a table (SPEC R3–R6), arguments read the same way everywhere, and Python-style texts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/inventory.hpp"
#include "result.hpp"

namespace aqi::python {

namespace py = pybind11;

// printf-style number text ("%.3g", "%g"), as Python's format() writes the same spec.
inline std::string printf_number(const char* spec, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, x);
  return buf;
}

// A str as Python's repr() writes it: 'text', or "text" when it holds a ' and no ".
inline std::string python_repr(const std::string& s) {
  const char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == '\\' || c == q) out += '\\';
    out += c;
  }
  return out + q;
}

// The rows 0 … n−1 of a column-wise result, for TableBuilder.
inline std::vector<std::size_t> row_numbers(std::size_t n) {
  std::vector<std::size_t> v(n);
  std::iota(v.begin(), v.end(), std::size_t{0});
  return v;
}

// R6 in words: "b (5 t/d, 50%), c (4 t/d, 40%)".
inline std::string top_contributors_text(const PollutantCheck& c, const Inventory& inv) {
  std::string s;
  for (const auto& t : c.top)
    s += (s.empty() ? "" : ", ") + inv.id[t.source] + " (" + printf_number("%.3g", t.reduction) + " t/d, " +
         printf_number("%.0f", t.share * 100) + "%)";
  return s;
}

// SPEC R3–R6, one row per pollutant (so2, nox, pm, vocs); `inv` names the top contributors.
inline Table summary_table(const std::array<PollutantCheck, emission_pollutant_count>& checks, const Inventory& inv) {
  const std::vector<PollutantCheck> rows(checks.begin(), checks.end());
  using C = PollutantCheck;
  return TableBuilder<C>(rows)
      .text("pollutant", [](const C& c) { return std::string(key(c.pollutant)); })
      .number("baseline", [](const C& c) { return c.baseline; })
      .number("reduction", [](const C& c) { return c.reduction; })
      .number("ratio", [](const C& c) { return c.ratio; })
      .number("target", [](const C& c) { return c.target; })
      .flag("met", [](const C& c) { return c.met; })
      .number("shortfall", [](const C& c) { return c.shortfall; })
      .number("shortfall_pp", [](const C& c) { return c.shortfall_pp; })
      .flag("met_alone", [](const C& c) { return c.met_alone; })
      .flag("traded", [](const C& c) { return c.traded; })
      .number("dust_reduction", [](const C& c) { return c.dust_reduction; })
      .number("dust_counted", [](const C& c) { return c.dust_counted; })
      .number("unverified_reduction", [](const C& c) { return c.unverified_reduction; })
      .number("voluntary_reduction", [](const C& c) { return c.voluntary_reduction; })
      .number("kiln_baseline", [](const C& c) { return c.kiln_baseline; })
      .number("kiln_reduction", [](const C& c) { return c.kiln_reduction; })
      .integer("unsourced_sources", [](const C& c) { return c.unsourced_sources; })
      .number("unsourced_baseline", [](const C& c) { return c.unsourced_baseline; })
      .text("verdict", [](const C& c) { return std::string(key(c.verdict)); })
      .text("verdict_zh", [](const C& c) { return std::string(name_zh(c.verdict)); })
      .number("deciding_baseline", [](const C& c) { return c.deciding_baseline; })
      .text("top_contributors", [&inv](const C& c) { return top_contributors_text(c, inv); })
      .build();
}

// R6: the sources contributing most to one pollutant's reduction, largest first.
inline Table contributors_table(const PollutantCheck& c, const Inventory& inv) {
  return TableBuilder<Contributor>(c.top)
      .text("id", [&inv](const Contributor& t) { return inv.id[t.source]; })
      .number("reduction", [](const Contributor& t) { return t.reduction; })
      .number("share", [](const Contributor& t) { return t.share; })
      .build();
}

// "EmissionCuts(…: so2 25.0%/20% met; nox …)": each pollutant's ratio, target and verdict (R3, R4).
inline std::string checks_text(const std::array<PollutantCheck, emission_pollutant_count>& checks) {
  std::string s;
  for (const auto& c : checks) {
    const std::string ratio = std::isnan(c.ratio) ? "n/a" : printf_number("%.1f", c.ratio * 100) + "%";
    // Under R4 the shortfall is the pair's: said so, or SO2 that meets its own 20 % reads as short.
    // E12: a target the missing rules could still meet is undetermined, not short.
    const std::string mark = c.met ? "met"
                                   : std::string(c.verdict == Verdict::undetermined ? "undetermined" : "short") + " " +
                                         printf_number("%.1f", c.shortfall_pp) + " pp" +
                                         (c.traded ? " as the SO2+NOx pair (R4)" : "");
    s += (s.empty() ? "" : "; ") + std::string(key(c.pollutant)) + " " + ratio + "/" +
         printf_number("%.0f", c.target * 100) + "% " + mark;
  }
  return s;
}

// The options every emission call shares (the measure table and targets may be absent: the
// built-in plan's).
inline CutOptions cut_options(std::optional<double> dust_cap, const std::shared_ptr<IndustryMeasures>& measures,
                              const std::shared_ptr<EmissionTargets>& targets) {
  CutOptions o;
  o.dust_cap = dust_cap;
  o.measures = measures.get();
  o.targets = targets.get();
  return o;
}

}  // namespace aqi::python
