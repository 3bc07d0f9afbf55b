#include "aqi/kilns/season.hpp"

#include "detail/toml.hpp"

namespace aqi {

namespace {

int integer(const toml::table& t, std::string_view key, const std::string& source, int lo, int hi) {
  const auto& n = detail::require_node(t, key, source);
  const auto v = detail::integer_value(n);
  if (!v || *v < lo || *v > hi)
    throw detail::toml_error(
        source, n,
        "'" + std::string(key) + "' must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return static_cast<int>(*v);
}

}  // namespace

KilnRules KilnRules::parse(std::string_view toml_text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, source);
  require_known_keys(root, source,
                     {"id", "document", "quote_zh", "season_first_month", "season_months", "batch",
                      "january_extension_days", "multi_line_stop_share", "required_months", "month_weights"});
  KilnRules r;
  r.id = require_string(root, "id", source);
  r.document = require_string(root, "document", source);
  r.quote_zh = optional_string(root, "quote_zh", source);
  r.season_first_month = integer(root, "season_first_month", source, 1, 12);
  r.season_months = integer(root, "season_months", source, 1, 12);
  for (const auto& node : require_array(root, "batch", source)) {
    const auto* t = node.as_table();
    if (!t) throw toml_error(source, node, "each [[batch]] must be a table");
    require_known_keys(*t, source, {"name", "name_zh", "first_month", "months"});
    KilnBatch b;
    b.name = require_string(*t, "name", source);
    b.name_zh = optional_string(*t, "name_zh", source);
    b.first_month = integer(*t, "first_month", source, 1, 12);
    b.months = integer(*t, "months", source, 1, 12);
    const int start = r.season_index(b.first_month);
    if (start < 0 || start + b.months > r.season_months)
      throw toml_error(source, node, "batch " + b.name + " does not lie within the season");
    r.batches.push_back(std::move(b));
  }
  if (r.batches.empty()) throw toml_error(source, root, "at least one [[batch]] is required");
  r.january_extension_days = integer(root, "january_extension_days", source, 0, 92);
  r.multi_line_stop_share = require_number(root, "multi_line_stop_share", source);
  if (!(r.multi_line_stop_share > 0 && r.multi_line_stop_share <= 1))
    throw toml_error(source, require_node(root, "multi_line_stop_share", source),
                     "'multi_line_stop_share' must be in (0, 1]");
  for (const auto& n : require_array(root, "required_months", source)) {
    const auto m = detail::integer_value(n);
    if (!m || *m < 1 || *m > 12 || r.season_index(static_cast<int>(*m)) < 0)
      throw toml_error(source, n, "required months must be calendar months of the season");
    r.required_months.push_back(static_cast<int>(*m));
  }
  const auto& weights = require_array(root, "month_weights", source);
  for (const auto& n : weights) r.month_weights.push_back(as_number(n, source, "a month weight"));
  if (r.month_weights.size() != static_cast<std::size_t>(r.season_months))
    throw toml_error(source, weights,
                     "'month_weights' needs one weight per season month (" + std::to_string(r.season_months) + ")");
  bool any = false;
  for (double w : r.month_weights) {
    if (!(w >= 0) || !std::isfinite(w)) throw toml_error(source, weights, "month weights must be finite and ≥ 0");
    any = any || w > 0;
  }
  if (!any) throw toml_error(source, weights, "at least one month weight must be positive");
  if (const std::string p = detail::month_weight_spread_problem(r.month_weights); !p.empty())
    throw toml_error(source, weights, p);
  return r;
}

KilnRules KilnRules::load(const std::string& path) { return parse(detail::read_text_file(path), path); }

}  // namespace aqi
