#include "aqi/plan.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "detail/builtin_rules.hpp"
#include "detail/toml.hpp"

namespace aqi {

namespace {

// Where a plan's files come from: a folder on disk or the built-in files. `read` returns the
// text of a file named relative to the plan, and the name errors should give it.
struct PlanFiles {
  std::string folder;  // as errors name it
  std::function<std::optional<std::string>(const std::string& relative)> read;
};

struct PartText {
  std::string text;
  std::string source;
};

PartText read_part(const PlanFiles& files, const toml::table& parts, std::string_view key,
                   const std::string& plan_source) {
  const toml::node& at = detail::require_node(parts, key, plan_source);
  const std::string relative = detail::require_string(parts, key, plan_source);
  auto text = files.read(relative);
  if (!text)
    throw detail::toml_error(
        plan_source, at,
        "the plan's part '" + std::string(key) + "' names " + relative + ", which is not a file of " + files.folder);
  return {std::move(*text), files.folder + "/" + relative};
}

// The national guide's table the plan names: a built-in table's file, else a file of the plan.
std::shared_ptr<const IndustryMeasures> read_guide(const PlanFiles& files, const toml::table& root,
                                                   const std::string& plan_source) {
  const std::string guide = detail::require_string(root, "guide", plan_source);
  for (const auto& f : detail::builtin_rule_folder(guide))
    if (f.path == guide)
      return std::make_shared<const IndustryMeasures>(IndustryMeasures::parse(f.text, detail::builtin_source(f.path)));
  auto text = files.read(guide);
  if (!text)
    throw detail::toml_error(
        plan_source, detail::require_node(root, "guide", plan_source),
        "'guide' names " + guide + ", neither a built-in table (libaqi/rules/industry/) nor a file of " + files.folder);
  return std::make_shared<const IndustryMeasures>(IndustryMeasures::parse(*text, files.folder + "/" + guide));
}

// A part's own id must be the plan's: a copied folder whose parts still say "yiyuan-2019" is
// half edited.
void require_plan_id(const std::string& part_id, const Plan& p, const PartText& part) {
  if (part_id != p.id)
    throw ParseError(part.source, 0, 0,
                     "id '" + part_id + "' is not the plan's id '" + p.id + "' (" + p.source + "/plan.toml)");
}

// Every response level the warnings lead to needs its measures (SPEC R2).
void require_measures_for_levels(const Plan& p, const PartText& responses) {
  for (const auto& level : p.warnings->levels)
    if (p.responses->at(level.response).empty())
      throw ParseError(responses.source, 0, 0,
                       "no measure for response " + std::string(name(level.response)) +
                           ", the response of warning level '" + level.name + "'");
}

// SPEC N1, N3: the notices name departments of the catalogue and head every mandatory sector.
void require_notice_units(const Plan& p, const PartText& notices) {
  for (const auto& c : p.notices->channels)
    for (const auto& id : c.who)
      if (std::none_of(p.responses->departments.begin(), p.responses->departments.end(),
                       [&](const Department& d) { return d.id == id; }))
        throw ParseError(notices.source, 0, 0, "channel '" + c.id + "': unknown department '" + id + "' in 'who'");
  for (const auto& m : p.responses->measures)
    if (m.measure_class == "mandatory" && p.notices->sectors.count(m.sector) == 0)
      throw ParseError(notices.source, 0, 0, "[sectors] has no heading for '" + m.sector + "' (measure " + m.id + ")");
}

// `warnings` and `responses` are given for the built-in plans (the core library's shared copies).
Plan parse_plan(const PlanFiles& files, std::shared_ptr<const RuleSet> warnings,
                std::shared_ptr<const MeasureCatalogue> responses) {
  using namespace detail;
  const std::string plan_source = files.folder + "/plan.toml";
  const auto plan_text = files.read("plan.toml");
  if (!plan_text) throw FileNotFound(plan_source);
  const toml::table root = parse_toml(*plan_text, plan_source);
  require_known_keys(root, plan_source,
                     {"id", "title", "document", "issuer", "date", "county_zh", "county_en", "guide", "parts"});
  Plan p;
  p.id = require_string(root, "id", plan_source);
  p.title = require_string(root, "title", plan_source);
  p.document = require_string(root, "document", plan_source);
  p.issuer = require_string(root, "issuer", plan_source);
  p.date = require_date(root, "date", plan_source);
  p.county_zh = require_string(root, "county_zh", plan_source);
  p.county_en = require_string(root, "county_en", plan_source);
  p.source = files.folder;
  const toml::table& parts = require_table(root, "parts", plan_source);
  // Each part is named in [parts], and each is required.
  require_known_keys(
      parts, plan_source,
      {"warnings", "responses", "targets", "industry_measures", "kilns", "deadlines", "duties", "notices"});

  const PartText w = read_part(files, parts, "warnings", plan_source);
  p.warnings = warnings ? std::move(warnings) : std::make_shared<const RuleSet>(RuleSet::parse(w.text, w.source));
  require_plan_id(p.warnings->id, p, w);
  const PartText r = read_part(files, parts, "responses", plan_source);
  p.responses = responses ? std::move(responses)
                          : std::make_shared<const MeasureCatalogue>(MeasureCatalogue::parse(r.text, r.source));
  require_measures_for_levels(p, r);
  const PartText t = read_part(files, parts, "targets", plan_source);
  p.targets = std::make_shared<const EmissionTargets>(EmissionTargets::parse(t.text, t.source));
  const PartText m = read_part(files, parts, "industry_measures", plan_source);
  auto table =
      IndustryMeasures::combine(*read_guide(files, root, plan_source), IndustryMeasures::parse(m.text, m.source));
  table.require_complete();
  p.industry_measures = std::make_shared<const IndustryMeasures>(std::move(table));
  const PartText k = read_part(files, parts, "kilns", plan_source);
  p.kilns = std::make_shared<const KilnRules>(KilnRules::parse(k.text, k.source));
  require_plan_id(p.kilns->id, p, k);
  const PartText d = read_part(files, parts, "deadlines", plan_source);
  p.deadlines = std::make_shared<const DeadlineRules>(DeadlineRules::parse(d.text, d.source));
  require_plan_id(p.deadlines->id, p, d);
  const PartText u = read_part(files, parts, "duties", plan_source);
  p.duties = std::make_shared<const UnitDuties>(UnitDuties::parse(u.text, u.source));
  p.duties->check_against(*p.responses, u.source);
  const PartText n = read_part(files, parts, "notices", plan_source);
  p.notices = std::make_shared<const NoticeTemplates>(NoticeTemplates::parse(n.text, n.source));
  require_notice_units(p, n);
  return p;
}

}  // namespace

Plan Plan::load(const std::string& folder) {
  PlanFiles files{folder, [&folder](const std::string& relative) -> std::optional<std::string> {
                    try {
                      return detail::read_text_file(detail::join_path(folder, relative));
                    } catch (const FileNotFound&) {
                      return std::nullopt;
                    }
                  }};
  return parse_plan(files, nullptr, nullptr);
}

const std::vector<Plan>& builtin_plans() {
  static const std::vector<Plan> plans = [] {
    std::vector<Plan> v;
    for (const auto& id : detail::builtin_plan_ids()) {
      PlanFiles files{detail::builtin_source("plans/" + id),
                      [id](const std::string& relative) -> std::optional<std::string> {
                        const std::string path = detail::builtin_plan_file(id, relative);
                        for (const auto& f : detail::builtin_rule_folder(path))
                          if (f.path == path) return std::string(f.text);
                        return std::nullopt;
                      }};
      v.push_back(parse_plan(files, share(rule_set(id)), share(measure_catalogue(id))));
      if (v.back().id != id)
        throw ParseError(files.folder + "/plan.toml", 0, 0,
                         "the plan in folder " + id + " has id '" + v.back().id + "'");
    }
    return v;
  }();
  return plans;
}

const Plan& plan(std::string_view id) {
  return detail::find_by_id(
      builtin_plans(), id, [](const Plan& p) -> const std::string& { return p.id; }, "plan",
      " (or load a plan folder with Plan::load)");
}

std::shared_ptr<const Plan> share(const Plan& p) { return detail::share_or_copy(p, builtin_plans()); }

namespace {
// A built-in plan's part is shared (the plans live as long as the program), any other copied.
template <class T>
std::shared_ptr<const T> share_part(const T& x, std::shared_ptr<const T> Plan::*part) {
  for (const auto& p : builtin_plans())
    if ((p.*part).get() == &x) return p.*part;
  return std::make_shared<const T>(x);
}
}  // namespace

std::shared_ptr<const IndustryMeasures> share(const IndustryMeasures& m) {
  return share_part(m, &Plan::industry_measures);
}

std::shared_ptr<const EmissionTargets> share(const EmissionTargets& t) { return share_part(t, &Plan::targets); }

std::shared_ptr<const KilnRules> share(const KilnRules& r) { return share_part(r, &Plan::kilns); }

// The built-in parts by plan id, as the domain headers declare them.

const EmissionTargets& builtin_emission_targets() { return *plan("yiyuan-2019").targets; }

const IndustryMeasures& builtin_industry_measures() { return *plan("yiyuan-2019").industry_measures; }

const KilnRules& kiln_rules(std::string_view id) {
  return *detail::find_by_id(
              builtin_plans(), id, [](const Plan& p) -> const std::string& { return p.id; }, "kiln rules")
              .kilns;
}

const DeadlineRules& deadline_rules(std::string_view id) {
  return *detail::find_by_id(
              builtin_plans(), id, [](const Plan& p) -> const std::string& { return p.id; }, "deadline rules")
              .deadlines;
}

}  // namespace aqi
