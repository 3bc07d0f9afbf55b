#include "aqi/warning/measures.hpp"

#include <algorithm>

#include "detail/builtin_rules.hpp"
#include "detail/toml.hpp"

namespace aqi {

namespace {

const toml::table& table_of(const toml::node& n, const std::string& source) {
  if (const auto* t = n.as_table()) return *t;
  throw detail::toml_error(source, n, "expected a table");
}

// One [[department]]; refuses a key (id or name) another department already has.
Department parse_department(const toml::node& node, const std::vector<Department>& before, const std::string& source) {
  using namespace detail;
  const auto& t = table_of(node, source);
  require_known_keys(t, source, {"id", "name_zh", "name_en", "duties_zh", "source", "note"});
  Department d{require_string(t, "id", source), require_string(t, "name_zh", source),
               require_string(t, "name_en", source), optional_string(t, "duties_zh", source),
               optional_string(t, "source", source)};
  for (const auto& other : before) {
    if (other.id == d.id) throw toml_error(source, node, "department '" + d.id + "' appears twice");
    // department() takes an id or either name, so a key shared by two departments would be
    // answered with whichever comes first in the file.
    for (const std::string* key : {&d.id, &d.name_zh, &d.name_en})
      if (*key == other.id || *key == other.name_zh || *key == other.name_en)
        throw toml_error(source, node,
                         "department '" + d.id + "': '" + *key + "' already names department '" + other.id + "'");
  }
  return d;
}

// One [[measure]]; its departments must be known, its id new.
Measure parse_measure(const toml::node& node, const MeasureCatalogue& c, const std::string& source) {
  using namespace detail;
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
  return m;
}

}  // namespace

MeasureCatalogue MeasureCatalogue::parse(std::string_view text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(text, source);
  // Strict like every rules file: a misspelt optional key must not vanish silently.
  require_known_keys(root, source, {"document", "document_issuer", "document_date", "department", "measure"});
  MeasureCatalogue c;
  c.document = require_string(root, "document", source);
  const auto* deps = root.get_as<toml::array>("department");
  if (!deps) throw toml_error(source, root, "missing [[department]] entries");
  for (const auto& node : *deps) c.departments.push_back(parse_department(node, c.departments, source));
  const auto* ms = root.get_as<toml::array>("measure");
  if (!ms) throw toml_error(source, root, "missing [[measure]] entries");
  for (const auto& node : *ms) c.measures.push_back(parse_measure(node, c, source));
  return c;
}

MeasureCatalogue MeasureCatalogue::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

std::vector<ResponseLevel> MeasureCatalogue::response_levels() const {
  std::vector<ResponseLevel> out;
  for (ResponseLevel r : all_response_levels)
    for (const auto& m : measures)
      if (m.response == r) {
        out.push_back(r);
        break;
      }
  return out;
}

ResponseLevel MeasureCatalogue::response_level(std::string_view text) const {
  const std::vector<ResponseLevel> known = response_levels();
  try {
    const ResponseLevel r = parse_response_level(text);
    if (std::find(known.begin(), known.end(), r) != known.end()) return r;
  } catch (const UnknownName&) {
    // Named below with this catalogue's own levels.
  }
  std::string names;
  for (ResponseLevel r : known) names += (names.empty() ? "" : ", ") + std::string(name(r));
  throw UnknownName("unknown response level '" + std::string(text) + "'; expected one of: " + names);
}

namespace {

// One per built-in plan, in the order of detail::builtin_plan_ids().
const std::vector<MeasureCatalogue>& builtin_catalogues() {
  static const std::vector<MeasureCatalogue> all = [] {
    std::vector<MeasureCatalogue> v;
    for (const auto& id : detail::builtin_plan_ids()) {
      const std::string file = detail::builtin_plan_file(id, "responses.toml");
      v.push_back(MeasureCatalogue::parse(detail::builtin_rule_file(file), detail::builtin_source(file)));
    }
    return v;
  }();
  return all;
}

}  // namespace

const MeasureCatalogue& measure_catalogue(std::string_view plan_id) {
  const auto ids = detail::builtin_plan_ids();
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (ids[k] == plan_id) return builtin_catalogues()[k];
  std::string known;
  for (const auto& id : ids) known += (known.empty() ? "" : ", ") + id;
  throw UnknownName("unknown plan '" + std::string(plan_id) + "'; expected one of: " + known);
}

// Before plans were folders the catalogue was named by its file, "responses/<plan id>.toml".
const MeasureCatalogue& builtin_measure_catalogue(std::string_view file) {
  std::string known;
  for (const auto& id : detail::builtin_plan_ids()) {
    const std::string name = "responses/" + id + ".toml";
    if (file == name) return measure_catalogue(id);
    known += (known.empty() ? "" : ", ") + name;
  }
  throw UnknownName("no built-in measure catalogue '" + std::string(file) + "'; built in: " + known);
}

std::shared_ptr<const MeasureCatalogue> share(const MeasureCatalogue& catalogue) {
  return detail::share_or_copy(catalogue, builtin_catalogues());
}

}  // namespace aqi
