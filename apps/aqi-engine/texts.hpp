// The words of the text report, one table per language: every heading, label and sentence of a
// section in one struct, as fill() templates (format.hpp) with named placeholders. The layout code
// (render_text.cpp) decides what lines a section has and passes every fact it may need, in both
// languages where the report holds both ({zh} and {en}, {response} "II" and {response_zh} "Ⅱ级");
// a table picks the words and their order. A new language is a new table (texts_<lang>.cpp) and a
// line in texts() and parse_language(); no layout changes. Comments list each template's
// placeholders.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aqi::engine {

// SPEC N5: Chinese is the office's language and the report's default.
enum class Language { zh, en };

struct CommonTexts {
  std::string list_separator;  // between items of a list in a line
  std::string no_level;        // a warning level of 0
  std::string level;           // {zh} {en}: a warning level
  // The words for the codes of event types (ISSUE …) and L6 comparisons (stricter …): the
  // library's name_zh in Chinese, none in English; a code not listed prints as itself.
  std::map<std::string, std::string, std::less<>> codes;
};

struct HeaderTexts {
  std::string title;          // {version} {name}
  std::string scenario;       // {dir} {rules} {title}
  std::string season;         // {start} {end} {forecasts}
  std::string mode_relay;     // SPEC L7: {orders} {forecasts}
  std::string mode_forecast;  // {forecasts}
  std::string unused;         // {files}: inputs of the other mode
};

struct ObservedTexts {           // SPEC A1–A7
  std::string heading;           // {days}
  std::string category;          // {zh} {en} {days}
  std::string missing_category;  // the name of category 0
  std::string edition;           // {edition} {indicators}
};

struct TimelineTexts {  // SPEC L1–L6
  std::string heading;
  // {time} {event} {level} {response} {response_zh} {lead} {reason}; filled with the column names:
  // the heading row.
  std::string row;
  struct {
    std::string time, event, level, response, lead, reason;
  } columns;
  std::string lead;            // {hours}
  std::string short_lead;      // after a lead under 24 h
  std::string imposed_reason;  // {comparison} {reason}
  std::string note;            // {note}: a line under an event
};

struct OrdersTexts {  // SPEC L8–L11, relay mode
  std::string heading;
  // {issued} {event} {level} {response} {response_zh} {start} {end} {lead} {doc_no} {issuer}; filled
  // with the column names: the heading row.
  std::string row;
  struct {
    std::string issued, event, level, response, start, end, lead, doc_no, issuer;
  } columns;
  std::string at_once;    // {start} of an order without its own response start (a LIFT)
  std::string county;     // {level} {comparison}: the county's forecast beside the order (L10)
  std::string no_county;  // no forecast of the county yet
  std::string note;       // {note}
};

struct AdviceTexts {  // SPEC L10
  std::string heading;
  std::string row;  // {time} {forecast} {order} {first} {last} {note}
};

struct ExpectedTexts {  // SPEC L12
  std::string heading;  // {hours}: the issue horizon
  std::string row;      // {time} {level} {first} {last} {lead}
};

struct GapsTexts {      // issue 16: days missing from the forecasts (W8, L1)
  std::string heading;  // {count}
  std::string row;      // {date} {kind} {kind_zh} {issue} {zh} {en} {warning}: its number, "" when none
  std::string warning;  // {number}: the warning a gap affected
};

struct WarningsTexts {  // SPEC R1, L2, R3
  std::string heading;
  std::string warning;   // {number} {issued} {lifted} {level} {response} {response_zh} {imposed} {doc_no}
  std::string in_force;  // {lifted} of a warning not lifted
  std::string superior;  // {imposed} when a superior command's order is among its events
  std::string cuts;      // {verdicts} {overall}
  std::string verdict;   // {pollutant} {ratio} {target} {met}
  std::string verdict_separator;
  std::string met, short_of_target;  // {met}
  std::string undetermined;          // {met} — E12
  std::string all_met, not_all_met;  // {overall}
  std::string undetermined_overall;  // {overall} — E12: no target short, some undetermined
  std::string period;                // {start} {end} {response} {response_zh} {level} {doc_no}
  std::string end_of_data;           // {end} of a response still in force
  std::string no_response;           // {reason}: a warning without a response (L2)
  std::string document;              // {doc_no} of a warning's or a response's order, when it has one
};

struct SeasonTexts {  // SPEC L3
  std::string heading;
  std::string warning_days, response_hours, events;  // each followed by items
  std::string item;                                  // {name} {name_zh} {count}
  std::string flaps;                                 // {count} {hours}: the window (L12)
};

struct VerificationTexts {  // SPEC L4
  std::string heading;
  std::string row;  // {level} {hits} {misses} {false} {pod} {far} {csi}
  struct {
    std::string level, hits, misses, false_alarms, pod, far, csi;
  } columns;
};

struct MeasuresTexts {     // SPEC R2
  std::string heading;     // {response} {response_zh}
  std::string every_unit;  // the heading of the procedures
  std::string department;  // {zh} {en}
  std::string measure;     // {id} {zh} {en}
};

struct CutsTexts {      // SPEC E1–E10, R3–R6
  std::string heading;  // {response} {response_zh} {sources}
  std::string row;      // {pollutant} {baseline} {reduced} {ratio} {target} {verdict}
  struct {
    std::string pollutant, baseline, reduced, ratio, target, verdict;
  } columns;
  std::string met, met_traded;
  std::string short_of_target;  // {pp} {tonnes}
  std::string undetermined;     // {pp} {tonnes} — E12
  std::string dust;             // {reduced} {counted} {cap}
  std::string sources;          // {excluded} {unsourced} {unverified}
  std::string largest;          // {pollutant} {sources}
  std::string contributor;      // {id} {name} {share}
  std::string verdict_reason;   // {pollutant} {reason} — E12
  std::string warning;          // {reason} — E11
  std::string rules;            // {origin} {verified} {unverified} {not_sourced} — E13
  std::string measures_file;    // {file} — E13
  std::string top_up;           // {explanation}
  std::string assumption;       // {assumption} — E12
  std::string extra_cut;        // {id} {name} {extra} {cut} {cost}
  std::string more;             // {count}
};

struct KilnTexts {         // SPEC K1–K7
  std::string heading;     // {season}
  std::string batch;       // {name} {zh} {first} {last} {extended} {kilns} {capacity}
  std::string extended;    // {days}
  std::string multi_line;  // {kilns} {lines} {capacity}
  std::string month_row;   // {month} {weight} {stopped} {share}
  struct {
    std::string month, weight, stopped, share;
  } columns;
  std::string objective;  // {objective} {bound} {gap} {exact}
  std::string exact;
  std::string validation;  // {result}
  std::string valid;
};

struct DeadlineTexts {  // SPEC D1–D4
  std::string heading;
  std::string unavailable;  // {reason}
  std::string daily;        // {due} {rule} {time} {to} {count} {days} {last} {who} {who_zh}
  std::string day, days;    // {days} for one and for more
  std::string other;        // {due} {rule} {what} {what_zh} {who} {who_zh}
  std::string pending;      // {due} of a summary owed after a lift not yet known
};

struct Texts {
  CommonTexts common;
  HeaderTexts header;
  ObservedTexts observed;
  TimelineTexts timeline;
  OrdersTexts orders;
  AdviceTexts advice;
  ExpectedTexts expected;
  GapsTexts gaps;
  WarningsTexts warnings;
  SeasonTexts season;
  VerificationTexts verification;
  MeasuresTexts measures;
  CutsTexts cuts;
  KilnTexts kilns;
  DeadlineTexts deadlines;
};

// The word of the table for a code (CommonTexts::codes), else the code.
const std::string& word(const Texts& texts, const std::string& code);

const Texts& english_texts();
const Texts& chinese_texts();

// The table of a language.
const Texts& texts(Language language);

// "zh" → Language::zh, "en" → Language::en; nullopt for a language without a table.
std::optional<Language> parse_language(std::string_view code);

// The codes of the languages with a table, for messages ("zh", "en").
std::vector<std::string> language_codes();

}  // namespace aqi::engine
