// SPEC N1, N3: the plan's notices part (notices.toml): templates checked when read, so a misspelt
// placeholder is refused instead of printing nothing in a notice.
#include <array>
#include <set>

#include "aqi/warning/notice.hpp"
#include "detail/toml.hpp"
#include "warning/notice_data.hpp"

namespace aqi {

namespace {

using detail::require_string;

// The names a template may use (docs/notices.md); sections (#, ^, /) and variables alike.
const std::set<std::string, std::less<>>& placeholders() {
  static const std::set<std::string, std::less<>> names{"office",
                                                        "recipients",
                                                        "relay",
                                                        "issued",
                                                        "issuer",
                                                        "doc_no",
                                                        "run_first",
                                                        "run_last",
                                                        "action",
                                                        "level",
                                                        "previous_level",
                                                        "response",
                                                        "previous_response",
                                                        "response_start",
                                                        "expected_end",
                                                        "health",
                                                        "advisory",
                                                        "mandatory",
                                                        "sector",
                                                        "measures",
                                                        "number",
                                                        "text",
                                                        "report_who",
                                                        "report_time",
                                                        "report_to",
                                                        "summary_days",
                                                        "summary_who",
                                                        "summary_due",
                                                        "date"};
  return names;
}

// Every tag `{{name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}` names a placeholder; partials,
// delimiter changes and comments are not used by notices and refused.
void check_tags(const std::string& text, const std::string& source, const std::string& key) {
  for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    const std::size_t end = text.find("}}", at);
    if (end == std::string::npos) throw ParseError(source, 0, 0, "'" + key + "': a '{{' without its '}}'");
    std::string tag = text.substr(at + 2, end - at - 2);
    if (!tag.empty() && (tag[0] == '#' || tag[0] == '^' || tag[0] == '/')) tag.erase(0, 1);
    if (placeholders().count(tag) == 0)
      throw ParseError(source, 0, 0,
                       "'" + key + "': unknown placeholder '{{" + text.substr(at + 2, end - at - 2) +
                           "}}'; docs/notices.md lists the placeholders");
    at = end;
  }
  detail::check_mustache(text, source, key);
}

std::map<EventType, std::string> by_event(const toml::table& root, std::string_view key,
                                          const std::vector<EventType>& events, const std::string& source) {
  const toml::table& t = detail::require_table(root, key, source);
  detail::require_known_keys(t, source, {"ISSUE", "UPGRADE", "DOWNGRADE", "LIFT"});
  std::map<EventType, std::string> out;
  for (EventType e : events) {  // a key of the four events that `events` lacks is left unused
    out[e] = require_string(t, name(e), source);
    check_tags(out[e], source, std::string(key) + "." + std::string(name(e)));
  }
  return out;
}

NoticeChannel parse_channel(const toml::table& t, const std::string& source) {
  detail::require_known_keys(t, source, {"id", "zh", "en", "timing", "timing_zh", "who", "source"});
  NoticeChannel c;
  c.id = require_string(t, "id", source);
  c.zh = require_string(t, "zh", source);
  c.en = require_string(t, "en", source);
  static const std::array<std::string_view, 3> timings{"continuous", "once", "at_once_daily"};
  c.timing = timings[detail::parse_key_of(timings, t, "timing", source)];
  c.timing_zh = require_string(t, "timing_zh", source);
  for (const auto& who : detail::require_array(t, "who", source)) {
    const auto id = who.value<std::string>();
    if (!id) throw detail::toml_error(source, who, "'who' must list department ids");
    c.who.push_back(*id);
  }
  c.source = require_string(t, "source", source);
  return c;
}

}  // namespace

NoticeTemplates NoticeTemplates::parse(std::string_view text, const std::string& source) {
  const toml::table root = detail::parse_toml(text, source);
  detail::require_known_keys(root, source,
                             {"office_zh", "recipients_zh", "sectors", "title", "body", "action", "channel"});
  NoticeTemplates n;
  n.office_zh = require_string(root, "office_zh", source);
  n.recipients_zh = require_string(root, "recipients_zh", source);
  for (const auto& [key, value] : detail::require_table(root, "sectors", source)) {
    const auto label = value.value<std::string>();
    if (!label) throw detail::toml_error(source, value, "'sectors." + std::string(key.str()) + "' must be a string");
    n.sectors.emplace(std::string(key.str()), *label);
  }
  n.titles =
      by_event(root, "title", {EventType::issue, EventType::upgrade, EventType::downgrade, EventType::lift}, source);
  n.actions = by_event(root, "action", {EventType::issue, EventType::upgrade, EventType::downgrade}, source);
  const toml::table& body = detail::require_table(root, "body", source);
  detail::require_known_keys(body, source, {"response", "lift"});
  n.response_body = require_string(body, "response", source);
  check_tags(n.response_body, source, "body.response");
  n.lift_body = require_string(body, "lift", source);
  check_tags(n.lift_body, source, "body.lift");
  for (const auto& node : detail::require_array(root, "channel", source)) {
    const toml::table* t = node.as_table();
    if (!t) throw detail::toml_error(source, node, "'channel' must be an array of tables");
    n.channels.push_back(parse_channel(*t, source));
  }
  return n;
}

}  // namespace aqi
