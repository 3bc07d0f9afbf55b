// SPEC N2: the member units' task lists, and the duties part read and checked against annex 3's
// text in the catalogue.
#include "aqi/warning/unit_tasks.hpp"

#include <algorithm>

#include "detail/toml.hpp"

namespace aqi {

namespace {

// The text without its clause punctuation: the clauses joined must be the duties_zh.
std::string without_punctuation(std::string s) {
  for (const std::string p : {"；", "。"})
    for (std::size_t at = s.find(p); at != std::string::npos; at = s.find(p, at)) s.erase(at, p.size());
  return s;
}

}  // namespace

UnitDuties UnitDuties::parse(std::string_view text, const std::string& source) {
  using detail::require_string;
  const toml::table root = detail::parse_toml(text, source);
  detail::require_known_keys(root, source, {"duty"});
  UnitDuties d;
  for (const auto& node : detail::require_array(root, "duty", source)) {
    const toml::table* t = node.as_table();
    if (!t) throw detail::toml_error(source, node, "'duty' must be an array of tables");
    detail::require_known_keys(*t, source, {"unit", "id", "zh", "en", "source"});
    d.duties.push_back({require_string(*t, "unit", source), require_string(*t, "id", source),
                        require_string(*t, "zh", source), require_string(*t, "en", source),
                        require_string(*t, "source", source)});
    if (d.duties.back().en.empty())
      throw detail::toml_error(source, *t,
                               "duty '" + d.duties.back().id + "': 'en' is empty; give its English summary");
  }
  return d;
}

void UnitDuties::check_against(const MeasureCatalogue& catalogue, const std::string& source) const {
  for (const auto& duty : duties)
    if (std::none_of(catalogue.departments.begin(), catalogue.departments.end(),
                     [&](const Department& d) { return d.id == duty.unit; }))
      throw ParseError(source, 0, 0, "duty '" + duty.id + "': unknown unit '" + duty.unit + "'");
  for (const auto& d : catalogue.departments) {
    std::string joined;
    for (const auto& duty : duties)
      if (duty.unit == d.id) joined += duty.zh;
    if (joined.empty())
      throw ParseError(source, 0, 0,
                       "no duty for the member unit '" + d.id + "' (" + d.name_zh + "); annex 3 " + d.source);
    if (joined != without_punctuation(d.duties_zh))
      throw ParseError(
          source, 0, 0,
          "the duties of '" + d.id + "' differ from its duties_zh in the catalogue (annex 3 " + d.source + ")");
  }
}

std::vector<UnitTask> unit_tasks(const MeasureCatalogue& catalogue, const UnitDuties& duties, ResponseLevel level) {
  if (catalogue.at(level).empty())
    throw InvalidArgument("unit tasks: the catalogue has no measures for response " + std::string(name(level)));
  std::vector<UnitTask> out;
  for (const auto& d : catalogue.departments) {
    for (const Measure* m : catalogue.tasks(d.id, level))
      out.push_back({d.id, d.name_zh, d.name_en, m->id, m->measure_class, m->zh, m->en});
    for (const auto& duty : duties.duties)
      if (duty.unit == d.id) out.push_back({d.id, d.name_zh, d.name_en, duty.id, "duty", duty.zh, duty.en});
  }
  return out;
}

}  // namespace aqi
