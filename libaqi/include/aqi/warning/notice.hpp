// The county's notices (预警信息发布文本) — SPEC N1, and their publication checklist — SPEC N3.
// Every order the county relays (relay mode), or every event of the county's own forecast
// (forecast mode), yields a notice in Chinese: the title, the recipients, the order it relays, the
// level and the response level, the response start and the expected end, the measures of the
// response level from the catalogue (R2), the duties that follow (D1, D2), the signature and date;
// a LIFT yields the lifting notice. The wording is a plan part (notices.toml beside the catalogue):
// Mustache templates (kainjow/mustache) whose placeholders docs/notices.md lists.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/warning/event_type.hpp"
#include "aqi/warning/response_level.hpp"

namespace aqi {

struct Plan;
struct SeasonResult;

// SPEC N3: a publication channel of plan §4.3.
struct NoticeChannel {
  std::string id;  // "portals"
  std::string zh, en;
  std::string timing;  // continuous | once | at_once_daily
  std::string timing_zh;
  std::vector<std::string> who;  // department ids of the catalogue
  std::string source;            // "§4.3.1"
};

// The plan's notices part (notices.toml).
struct NoticeTemplates {
  std::string office_zh;      // who signs: "沂源县重污染天气应急指挥部办公室"
  std::string recipients_zh;  // the salutation line
  std::map<std::string, std::string, std::less<>> sectors;  // mandatory sector → its heading
  std::map<EventType, std::string> titles;                  // every event
  std::map<EventType, std::string> actions;                 // ISSUE, UPGRADE, DOWNGRADE: the decision's verb
  std::string response_body;                                // ISSUE, UPGRADE, DOWNGRADE
  std::string lift_body;                                    // LIFT
  std::vector<NoticeChannel> channels;

  // Every template is checked: valid Mustache naming only the placeholders of docs/notices.md.
  static NoticeTemplates parse(std::string_view text, const std::string& source);
};

// Times and dates as Chinese notices write them: "2025年12月28日10时00分", "2025年12月28日".
std::string chinese_time(boost::posix_time::ptime t);
std::string chinese_date(boost::gregorian::date d);

// SPEC N3: one channel of one notice, from the notice to the lift (or the end of the data).
struct ChecklistItem {
  std::string channel, channel_zh, timing, timing_zh;
  std::string who_zh;                    // the departments, "、"-separated
  boost::posix_time::ptime from, until;  // until: not_a_date_time while the warning is in force at the end
  std::string source;
};

struct Notice {
  std::size_t event = 0;          // index in SeasonResult::events
  boost::posix_time::ptime time;  // the notice's time: the order's receipt (relay) or the event (forecast)
  EventType type = EventType::issue;
  int level = 0;                                 // after the event (0 for LIFT)
  int previous = 0;                              // before it
  ResponseLevel response = ResponseLevel::none;  // the response level after the event (R1)
  std::string doc_no;                            // of the order relayed; empty in forecast mode
  std::string title, text;                       // Chinese
  std::vector<ChecklistItem> checklist;          // N3
};

// SPEC N1, N3: the notice of event `event` of the season (relay: an event of an order; forecast:
// any event). The plan gives the wording, the catalogue and the deadlines; the season's rule set
// the levels' names. Throws InvalidArgument for an index out of range.
Notice render_notice(const Plan& plan, const SeasonResult& season, std::size_t event);

// Every notice of the season, in time order.
std::vector<Notice> render_notices(const Plan& plan, const SeasonResult& season);

}  // namespace aqi
