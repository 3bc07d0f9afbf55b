// The response-measure catalogue — SPEC R2: every measure of plan §5.5.1–3 with a stable ID, the
// plan's Chinese text, an English summary and the departments of annex 3 that carry it out.
// Data: libaqi/rules/responses/<plan>.toml (compiled in); see the README there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aqi/detail/embedded_rules.hpp"
#include "aqi/detail/toml.hpp"
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

  static MeasureCatalogue parse(std::string_view text, const std::string& source) {
    using namespace detail;
    const toml::table root = parse_toml(text, source);
    // Strict like every rules file: a misspelt optional key must not vanish silently.
    require_known_keys(root, source, {"document", "document_issuer", "document_date", "department", "measure"});
    MeasureCatalogue c;
    c.document = require_string(root, "document", source);
    const auto* deps = root.get_as<toml::array>("department");
    if (!deps) throw toml_error(source, root, "missing [[department]] entries");
    for (const auto& node : *deps) {
      const auto& t = table_of(node, source);
      require_known_keys(t, source, {"id", "name_zh", "name_en", "duties_zh", "source", "note"});
      Department d{require_string(t, "id", source), require_string(t, "name_zh", source),
                   require_string(t, "name_en", source), optional_string(t, "duties_zh", source),
                   optional_string(t, "source", source)};
      for (const auto& other : c.departments) {
        if (other.id == d.id) throw toml_error(source, node, "department '" + d.id + "' appears twice");
        // department() takes an id or either name, so a key shared by two departments would be
        // answered with whichever comes first in the file.
        for (const std::string* key : {&d.id, &d.name_zh, &d.name_en})
          if (*key == other.id || *key == other.name_zh || *key == other.name_en)
            throw toml_error(source, node,
                             "department '" + d.id + "': '" + *key + "' already names department '" + other.id + "'");
      }
      c.departments.push_back(std::move(d));
    }
    const auto* ms = root.get_as<toml::array>("measure");
    if (!ms) throw toml_error(source, root, "missing [[measure]] entries");
    for (const auto& node : *ms) {
      const auto& t = table_of(node, source);
      require_known_keys(t, source,
                         {"id", "response", "class", "sector", "topic", "zh", "en", "departments", "departments_basis",
                          "source", "note", "heading_zh", "item"});
      Measure m;
      m.id = require_string(t, "id", source);
      try {
        m.response = parse_response_level(require_string(t, "response", source));
      } catch (const UnknownName& e) {
        throw toml_error(source, node, e.what());
      }
      m.measure_class = require_string(t, "class", source);
      m.sector = optional_string(t, "sector", source);
      m.topic = optional_string(t, "topic", source);
      m.zh = require_string(t, "zh", source);
      m.en = require_string(t, "en", source);
      m.source = require_string(t, "source", source);
      m.note = optional_string(t, "note", source);
      for (const auto& dn : require_array(t, "departments", source)) {
        auto id = dn.value<std::string>();
        if (!id) throw toml_error(source, dn, "department ids must be strings");
        bool known = false;
        for (const auto& d : c.departments) known = known || d.id == *id;
        if (!known) throw toml_error(source, dn, "measure " + m.id + " names unknown department '" + *id + "'");
        m.departments.push_back(*id);
      }
      for (const auto& other : c.measures)
        if (other.id == m.id) throw toml_error(source, node, "measure '" + m.id + "' appears twice");
      c.measures.push_back(std::move(m));
    }
    return c;
  }

  static MeasureCatalogue load(const std::string& path) { return parse(detail::read_text_file(path), path); }

  // Measures of one response level, in the plan's order.
  std::vector<const Measure*> at(ResponseLevel level) const {
    std::vector<const Measure*> out;
    for (const auto& m : measures)
      if (m.response == level) out.push_back(&m);
    return out;
  }

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

 private:
  static const toml::table& table_of(const toml::node& n, const std::string& source) {
    if (const auto* t = n.as_table()) return *t;
    throw detail::toml_error(source, n, "expected a table");
  }
};

// The catalogues libaqi ships, by file under libaqi/rules/ ("responses/yiyuan-2019.toml").
// Immutable, parsed once (thread-safe).
inline const MeasureCatalogue& builtin_measure_catalogue(std::string_view file = "responses/yiyuan-2019.toml") {
  static const MeasureCatalogue yiyuan = MeasureCatalogue::parse(
      detail::embedded_rule_file("responses/yiyuan-2019.toml"), "libaqi/rules/responses/yiyuan-2019.toml");
  if (file != "responses/yiyuan-2019.toml")
    throw UnknownName("no built-in measure catalogue '" + std::string(file) + "'; built in: responses/yiyuan-2019.toml");
  return yiyuan;
}

}  // namespace aqi
