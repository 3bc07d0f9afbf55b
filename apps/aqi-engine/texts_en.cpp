// The English table of the text report. Rule IDs (SPEC …) and plan sections stay as written in
// every language: they are how the office finds the rule.
#include "texts.hpp"

namespace aqi::engine {

namespace {

void add_english_season(Texts& t) {
  t.common.list_separator = ", ";
  t.common.no_level = "none";
  t.common.level = "{zh} {en}";
  // No codes: the English report prints the library's codes (ISSUE, stricter …) as they are.
  t.header.title = "libaqi {version} — {name}";
  t.header.scenario = "scenario {dir}; rules {rules}: {title}";
  t.header.season = "season {start} … {end}; forecasts: {forecasts}";
  t.header.mode_relay = "mode relay (SPEC L7): the orders of {orders} decide; the forecasts give advice (L10)";
  t.header.mode_forecast = "mode forecast (SPEC L7, L12): the rules applied to the forecasts";
  t.header.unused = "not used in this mode: {files}";
  t.observed.heading = "OBSERVED AQI (SPEC A1–A7) — {days} days";
  t.observed.category = "  {zh:<8} {en:<20} {days:>3} days";
  t.observed.missing_category = "missing";
  t.observed.edition = "  rated by {edition} from {indicators}";
  t.timeline.heading = "WARNING TIMELINE (SPEC L1–L6; lead time = issue to the start of the qualifying run)";
  t.timeline.row = "  {time:<16}  {event:<9}  {level:<10}  {response:<4}  {lead:<9}  {reason}";
  t.timeline.columns = {"time", "event", "level", "resp", "lead", "reason"};
  t.timeline.lead = "{hours:.0f} h";
  t.timeline.short_lead = " <24!";
  t.timeline.imposed_reason = "IMPOSED ({comparison}) — {reason}";
  t.timeline.note = "      note: {note}";
  t.warnings.heading = "WARNINGS AND RESPONSES (SPEC R1, L2)";
  t.warnings.warning = "  #{number:<2} {issued} → {lifted}  highest {level}, response {response_zh}{imposed}{doc_no}";
  t.warnings.in_force = "in force at the end";
  t.warnings.superior = " (superior command involved)";
  t.warnings.cuts = "      cuts: {verdicts} — {overall}";
  t.warnings.verdict = "{pollutant} {ratio:.1%}/{target:.0%} {met}";
  t.warnings.verdict_separator = "; ";
  t.warnings.met = "met";
  t.warnings.short_of_target = "SHORT";
  t.warnings.all_met = "targets met";
  t.warnings.not_all_met = "targets NOT met (see EMISSION CUTS)";
  t.warnings.undetermined = "UNDETERMINED";
  t.warnings.undetermined_overall = "targets undetermined: rules missing decide them (see EMISSION CUTS)";
  t.warnings.period = "  response {start} → {end}, up to {response_zh}{doc_no}";
  t.warnings.document = " — {doc_no}";
  t.warnings.end_of_data = "end of data";
  t.warnings.no_response = "      no response: {reason}";
  t.season.heading = "SEASON (SPEC L3)";
  t.season.warning_days = "  warning days:";
  t.season.response_hours = "  response hours:";
  t.season.events = "  events:";
  t.season.item = " {name} {count};";
  t.season.flaps = "  flaps (a LIFT then an ISSUE within {hours} h, L12): {count}";
  t.verification.heading = "VERIFICATION AGAINST OBSERVATIONS (SPEC L4; days at or above each level)";
  t.verification.row = "  {level:<8} {hits:>5} {misses:>7} {false:>7} {pod:>5.2f} {far:>5.2f} {csi:>5.2f}";
  t.verification.columns = {"level", "hits", "misses", "false", "POD", "FAR", "CSI"};
  t.measures.heading = "MEASURES AT RESPONSE {response_zh} BY DEPARTMENT (SPEC R2, plan §5.5 and annex 3)";
  t.measures.every_unit = "  every unit";
  t.measures.department = "  {zh} ({en})";
  t.measures.measure = "    {id:<16} {en}";
}

// SPEC L8–L12: the relay orders, the advice of the county's forecasts, the runs beyond the horizon.
void add_english_orders(Texts& t) {
  t.orders.heading = "ORDERS OF THE SUPERIOR COMMAND (SPEC L8–L11; lead time = issue to the response start)";
  t.orders.row =
      "  {issued:<16}  {event:<9}  {level:<10}  {response:<4}  {start:<16}  {end:<16}  {lead:<9}  {doc_no}  {issuer}";
  t.orders.columns = {"issued",       "event", "level",    "resp",  "response start",
                      "expected end", "lead",  "document", "issuer"};
  t.orders.at_once = "";
  t.orders.county = "      county forecast: {level} ({comparison})";
  t.orders.no_county = "      county forecast: none issued yet";
  t.orders.note = "      note: {note}";
  t.advice.heading = "ADVICE FROM THE COUNTY'S FORECASTS (SPEC L10; a level no order in force gives)";
  t.advice.row = "  {time:<16}  forecast {forecast:<10}  orders {order:<10}  {note}";
  t.expected.heading = "RUNS BEYOND THE ISSUE HORIZON OF {hours} H (SPEC L12; logged, not issued)";
  t.expected.row = "  {time:<16}  {level:<10}  run {first} … {last}  {lead:.0f} h ahead";
  t.gaps.heading = "GAPS IN THE FORECASTS ({count}; SPEC W8, L1 — what the engine did about each)";
  t.gaps.row = "  {date}  {kind:<12}  {warning}{en}";
  t.gaps.warning = "(warning {number}) ";
}

void add_english_cuts(Texts& t) {
  auto& c = t.cuts;
  c.heading = "EMISSION CUTS AT RESPONSE {response_zh} (SPEC E1–E10, R3–R6; {sources} sources, t/day)";
  c.row = "  {pollutant:<5} {baseline:>9.3f} {reduced:>9.3f} {ratio:>7.1%} {target:>7.0%}  {verdict}";
  c.columns = {"", "baseline", "reduced", "ratio", "target", "verdict"};
  c.met = "met";
  c.met_traded = "met (SO2+NOx together, R4)";
  c.short_of_target = "short by {pp:.2f} pp, {tonnes:.3f} t/day";
  c.undetermined = "undetermined: {pp:.2f} pp, {tonnes:.3f} t/day short counting the sourced rules";
  c.dust = "  dust (R5): {reduced:.3f} t/day reduced, {counted:.3f} counted (cap {cap:.0%} of the PM baseline)";
  c.sources =
      "  {excluded} sources excluded (E2); {unsourced} without a sourced rule (counted as no reduction, shown as "
      "unknown); {unverified} on unverified rules";
  c.largest = "  largest {pollutant} cuts (R6): {sources}";
  c.contributor = "{id} {name} {share:.0%}";
  c.verdict_reason = "  verdict {pollutant} (E12): {reason}";
  c.warning = "  warning (E11): {reason}";
  c.rules =
      "  measure table (E13), {origin} rules: {verified} verified, {unverified} unverified, {not_sourced} not "
      "sourced";
  c.measures_file = "  the bureau's measure list (E13): {file}";
  c.top_up = "  top-up (E10): {explanation}";
  c.assumption = "  top-up assumption (E12): {assumption}";
  c.extra_cut = "    {id:<10} {name:<28} extra {extra:>6.1%} → cut {cut:>6.1%}, cost {cost:.1f}";
  c.more = "    … {count} more";
}

void add_english_kilns_and_deadlines(Texts& t) {
  auto& k = t.kilns;
  k.heading = "BRICK-KILN ROTATING SHUTDOWN, SEASON {season} (SPEC K1–K7, plan §5.5)";
  k.batch = "  {name} {zh:<6}  {first} … {last}{extended:<10}  {kilns:>3} kilns  capacity {capacity:.1f}";
  k.extended = " (+{days} d, K4)";
  k.multi_line = "  multi-line kilns (K3): {kilns} kilns stop {lines} lines all season, capacity {capacity:.1f} a day";
  k.month_row = "  {month:<8} {weight:>6.3f} {stopped:>9.1f} {share:>6.1%}";
  k.columns = {"month", "weight", "stopped", "share"};
  k.objective = "  objective (K5, min stopped/weight) {objective:.1f}, LP bound {bound:.1f}, gap {gap:.4%}{exact}";
  k.exact = " (exact)";
  k.validation = "  validation (K7): {result}";
  k.valid = "the schedule satisfies K1–K5";
  auto& d = t.deadlines;
  d.heading = "DEADLINES (SPEC D1–D4; working days per the State Council holiday notices)";
  d.unavailable = "  not computed: {reason}";
  d.daily = "  {due:<16}  {rule}  daily {time} progress reports to {to}, {count} {days} (last {last}) — {who}";
  d.day = "day";
  d.days = "days";
  d.other = "  {due:<16}  {rule}  {what} — {who}";
  d.pending = "pending (response still in force)";
}

}  // namespace

const Texts& english_texts() {
  static const Texts table = [] {
    Texts t;
    add_english_season(t);
    add_english_orders(t);
    add_english_cuts(t);
    add_english_kilns_and_deadlines(t);
    return t;
  }();
  return table;
}

}  // namespace aqi::engine
