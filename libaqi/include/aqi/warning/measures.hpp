// The response-measure catalogue — SPEC R2: every measure of plan §5.5.1–3 with a stable ID, the
// plan's Chinese text, an English summary and the departments of annex 3 that carry it out.
// Data: libaqi/rules/responses/<plan>.toml (compiled in); see the README there.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aqi/error.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

struct Department {
  std::string id;       // "housing"
  std::string name_zh;  // "县住房城乡建设局"
  std::string name_en;
  std::string duties_zh;  // annex 3
  std::string source;
};

struct Measure {
  std::string id;  // "II-dust-2"
  ResponseLevel response = ResponseLevel::none;
  std::string measure_class;  // health | advisory | mandatory | procedure
  std::string sector;         // mandatory: industrial | dust | mobile | other
  std::string topic;          // the same instruction at every level shares a topic
  std::string zh;
  std::string en;
  std::vector<std::string> departments;  // department ids, the lead first
  std::string source;                    // plan section
  std::string note;
};

class MeasureCatalogue {
 public:
  std::string document;
  std::vector<Department> departments;
  std::vector<Measure> measures;

  static MeasureCatalogue parse(std::string_view text, const std::string& source);

  static MeasureCatalogue load(const std::string& path);

  // Measures of one response level, in the plan's order.
  std::vector<const Measure*> at(ResponseLevel level) const {
    std::vector<const Measure*> out;
    for (const auto& m : measures)
      if (m.response == level) out.push_back(&m);
    return out;
  }

  // The response levels the catalogue has measures for, from the least strict (yiyuan-2019: III,
  // II, I — the plan has no Level IV).
  std::vector<ResponseLevel> response_levels() const;

  // A response level of this catalogue, in any of the plan's spellings ("II", "Ⅱ", "Ⅱ级"); a
  // level it has no measures for is unknown here. Throws UnknownName listing its levels.
  ResponseLevel response_level(std::string_view text) const;

  // A department by id, Chinese or English name; throws UnknownName listing the ids. Ids first:
  // parse() refuses a key shared by two departments, but a hand-built catalogue may hold one.
  const Department& department(std::string_view key) const {
    for (const auto& d : departments)
      if (d.id == key) return d;
    for (const auto& d : departments)
      if (d.name_zh == key || d.name_en == key) return d;
    std::string ids;
    for (const auto& d : departments) ids += (ids.empty() ? "" : ", ") + d.id;
    throw UnknownName("unknown department '" + std::string(key) + "'; expected an id, Chinese or English name: " + ids);
  }

  // SPEC R2: what one department must do at a response level.
  std::vector<const Measure*> tasks(std::string_view department_key, ResponseLevel level) const {
    const Department& d = department(department_key);
    std::vector<const Measure*> out;
    for (const Measure* m : at(level))
      for (const auto& id : m->departments)
        if (id == d.id) {
          out.push_back(m);
          break;
        }
    return out;
  }
};

// The catalogue of a built-in plan ("yiyuan-2019"); throws UnknownName naming the plans.
// Immutable, parsed once (thread-safe).
const MeasureCatalogue& measure_catalogue(std::string_view plan_id);

// The same by its former file name, "responses/<plan id>.toml".
const MeasureCatalogue& builtin_measure_catalogue(std::string_view file = "responses/yiyuan-2019.toml");

// A shared handle for results that refer to the catalogue: built-in ones aliased, others copied.
std::shared_ptr<const MeasureCatalogue> share(const MeasureCatalogue& catalogue);

}  // namespace aqi
