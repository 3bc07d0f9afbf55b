#include "aqi/calendar/deadlines.hpp"

#include "detail/toml.hpp"

namespace aqi {

namespace {

DeadlineText text(const toml::table& t, const std::string& source) {
  using namespace detail;
  return {require_string(t, "rule", source),    require_string(t, "what_zh", source),
          require_string(t, "what_en", source), require_string(t, "who_zh", source),
          require_string(t, "who_en", source),  require_string(t, "quote_zh", source)};
}

}  // namespace

DeadlineRules DeadlineRules::parse(std::string_view toml_text, const std::string& source) {
  using namespace detail;
  const toml::table root = parse_toml(toml_text, source);
  require_known_keys(
      root, source, {"id", "document", "submit_to_zh", "submit_to_en", "daily_report", "response_summary", "yearly"});
  DeadlineRules r;
  r.id = require_string(root, "id", source);
  r.document = require_string(root, "document", source);
  r.submit_to_zh = require_string(root, "submit_to_zh", source);
  r.submit_to_en = require_string(root, "submit_to_en", source);

  const auto& daily = require_table(root, "daily_report", source);
  require_known_keys(daily, source, {"rule", "time", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
  r.daily_report = text(daily, source);
  const auto& time_node = require_node(daily, "time", source);
  const auto t = time_node.value<toml::time>();
  if (!t) throw toml_error(source, time_node, "'time' must be a time of day (e.g. 15:00:00)");
  r.daily_report_time = boost::posix_time::hours(t->hour) + boost::posix_time::minutes(t->minute) +
                        boost::posix_time::seconds(t->second);

  const auto& summary = require_table(root, "response_summary", source);
  require_known_keys(summary, source, {"rule", "working_days", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
  r.response_summary = text(summary, source);
  const auto& wd = require_node(summary, "working_days", source);
  const auto n = detail::integer_value(wd);
  if (!n || *n < 1 || *n > 366) throw toml_error(source, wd, "'working_days' must be a whole number from 1 to 366");
  r.summary_working_days = static_cast<int>(*n);

  for (const auto& node : require_array(root, "yearly", source)) {
    const auto* y = node.as_table();
    if (!y) throw toml_error(source, node, "each [[yearly]] must be a table");
    require_known_keys(*y, source,
                       {"rule", "kind", "month", "day", "what_zh", "what_en", "who_zh", "who_en", "quote_zh"});
    YearlyDeadline d;
    static_cast<DeadlineText&>(d) = text(*y, source);
    const auto kind = require_string(*y, "kind", source);
    if (kind == "plan_assessment") {
      d.kind = DeadlineKind::plan_assessment;
    } else if (kind == "list_revision") {
      d.kind = DeadlineKind::list_revision;
    } else {
      throw toml_error(source, *y->get("kind"),
                       "unknown yearly deadline kind '" + kind + "'; expected plan_assessment or list_revision");
    }
    const auto& month = require_node(*y, "month", source);
    const auto& day = require_node(*y, "day", source);
    const auto m = detail::integer_value(month);
    if (!m || *m < 1 || *m > 12) throw toml_error(source, month, "'month' must be 1 to 12");
    const auto dd = detail::integer_value(day);
    // A leap year admits every real month-day; 29 February falls back to the 28th in other years.
    if (!dd || *dd < 1 || *dd > boost::gregorian::gregorian_calendar::end_of_month_day(2000, static_cast<int>(*m)))
      throw toml_error(source, day, "'day' is not a day of month " + std::to_string(*m));
    d.month = static_cast<int>(*m);
    d.day = static_cast<int>(*dd);
    r.yearly.push_back(std::move(d));
  }
  return r;
}

DeadlineRules DeadlineRules::load(const std::string& path) { return parse(detail::read_text_file(path), path); }


}  // namespace aqi
