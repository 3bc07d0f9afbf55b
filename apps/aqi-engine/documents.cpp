#include "documents.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aqi/detail/dates.hpp"
#include "aqi/emissions/source_tasks.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/plan.hpp"
#include "aqi/warning/episode_records.hpp"
#include "aqi/warning/notice.hpp"
#include "aqi/warning/unit_tasks.hpp"

namespace aqi::engine {

namespace {

using Row = std::vector<std::string>;

std::string time_text(boost::posix_time::ptime t) { return t.is_special() ? "" : detail::iso_minute(t); }

std::string number_text(double x, int decimals = 4) {
  if (std::isnan(x)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

void write_file(const std::filesystem::path& path, const std::string& text, std::vector<std::string>& written) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw FileNotFound(path.string() + ": cannot be written");
  written.push_back(path.string());
}

std::string csv_line(const Row& row) {
  std::string s;
  for (std::size_t i = 0; i < row.size(); ++i) s += (i ? "," : "") + csv_cell(row[i]);
  return s + '\n';
}

std::string csv(const Row& header, const std::vector<Row>& rows) {
  std::string s = csv_line(header);
  for (const auto& r : rows) s += csv_line(r);
  return s;
}

// N1 with its N3 checklist, as Markdown.
std::string notice_markdown(const Notice& n) {
  std::ostringstream s;
  s << "# " << n.title << "\n\n" << n.text << "\n## 发布渠道（预案§4.3，SPEC N3）\n\n";
  s << "| 渠道 | 责任单位 | 要求 | 起 | 止 | 依据 |\n|---|---|---|---|---|---|\n";
  for (const auto& c : n.checklist)
    s << "| " << c.channel_zh << " | " << c.who_zh << " | " << c.timing_zh << " | " << time_text(c.from) << " | "
      << (c.until.is_special() ? "预警解除" : time_text(c.until)) << " | " << c.source << " |\n";
  return s.str();
}

std::string unit_tasks_csv(const Plan& plan, ResponseLevel level) {
  std::vector<Row> rows;
  for (const auto& t : unit_tasks(*plan.responses, *plan.duties, level))
    rows.push_back({t.unit, t.unit_zh, t.measure_id, t.kind, t.text_zh, t.text_en});
  return csv({"unit", "unit_zh", "measure_id", "kind", "text_zh", "text_en"}, rows);
}

std::string source_tasks_csv(const Scenario& s, ResponseLevel level) {
  CutOptions o;
  o.dust_cap = s.dust_cap;
  o.measures = s.plan->industry_measures.get();
  o.targets = s.plan->targets.get();
  std::vector<Row> rows;
  for (const auto& t : source_tasks(*s.inventory, emission_cuts(*s.inventory, level, o)))
    rows.push_back({t.id, t.name, t.industry, t.grade, t.measure_zh,
                    t.lines_stopped < 0 ? "" : std::to_string(t.lines_stopped), number_text(t.cut), t.transport, t.rule,
                    t.status});
  return csv({"id", "name", "industry", "grade", "measure_zh", "lines_stopped", "cut", "transport", "rule", "status"},
             rows);
}

Row record_row(const EpisodeRecord& r) {
  auto hours = [&r](ResponseLevel l) {
    const auto it = r.response_hours.find(l);
    return number_text(it == r.response_hours.end() ? 0.0 : it->second, 2);
  };
  auto ratio = [&r](EmissionPollutant p) { return r.planned ? number_text(r.planned->check(p).ratio) : ""; };
  // K8: the kilns' credit counted in the ratios (t/day, the least over the response's days).
  auto kiln = [&r](EmissionPollutant p) {
    return r.kilns ? number_text(r.kilns->reduction[static_cast<std::size_t>(p)]) : "";
  };
  return {std::to_string(r.number),
          time_text(r.issued),
          time_text(r.lifted),
          std::string(name_zh(r.response)),
          r.orders,
          r.doc_nos,
          time_text(r.response_start),
          time_text(r.response_end),
          hours(ResponseLevel::III),
          hours(ResponseLevel::II),
          hours(ResponseLevel::I),
          std::to_string(r.daily_reports),
          time_text(r.summary_due),
          ratio(EmissionPollutant::so2),
          ratio(EmissionPollutant::nox),
          ratio(EmissionPollutant::pm),
          ratio(EmissionPollutant::vocs),
          r.planned ? std::string(aqi::key(r.planned->verdict())) : "",  // E12: met / short / undetermined
          r.observed_days ? number_text(r.observed_mean, 1) : "",
          r.observed_days ? number_text(r.observed_max, 0) : "",
          r.verification,
          kiln(EmissionPollutant::so2),
          kiln(EmissionPollutant::nox),
          kiln(EmissionPollutant::pm),
          kiln(EmissionPollutant::vocs)};
}

std::string records_csv(const Scenario& s, const SeasonResult& season) {
  RecordOptions o;
  if (s.inventory) o.inventory = &*s.inventory;
  o.dust_cap = s.dust_cap;
  o.observed = s.observed_aqi;
  o.observed_first = s.season_start;
  // SPEC K8, N4: the scenario's kiln rotation counts when its kilns carry emissions.
  std::optional<KilnSchedule> kilns;
  const bool kiln_emissions =
      std::any_of(s.kilns.begin(), s.kilns.end(), [](const Kiln& k) { return k.emissions.has_value(); });
  if (s.inventory && kiln_emissions) {
    kilns = schedule_kilns(s.kilns, season_of(s.season_start), {}, *s.plan->kilns);
    o.kilns = s.kilns;
    o.kiln_schedule = &*kilns;
  }
  std::vector<Row> rows;
  for (const auto& r : episode_records(season, *s.plan, o)) rows.push_back(record_row(r));
  return csv(
      {"episode",      "issued",    "lifted",     "response_zh", "orders",        "doc_nos",      "response_start",
       "response_end", "hours_III", "hours_II",   "hours_I",     "daily_reports", "summary_due",  "so2_ratio",
       "nox_ratio",    "pm_ratio",  "vocs_ratio", "targets_met", "observed_mean", "observed_max", "verification",
       "kiln_so2",     "kiln_nox",  "kiln_pm",    "kiln_vocs"},
      rows);
}

}  // namespace

std::vector<std::string> write_documents(const Scenario& s, const SeasonResult& season, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw FileNotFound(dir + ": cannot be created (" + error.message() + ")");
  std::vector<std::string> written;
  std::size_t number = 0;
  for (const auto& n : render_notices(*s.plan, season)) {
    char name[96];
    std::snprintf(name, sizeof name, "%02zu-%s-%s.md", ++number, detail::iso(n.time.date()).c_str(),
                  std::string(aqi::name(n.type)).c_str());
    write_file(fs::path(dir) / name, notice_markdown(n), written);
  }
  for (ResponseLevel level : s.plan->responses->response_levels()) {
    const std::string key(aqi::name(level));
    write_file(fs::path(dir) / ("unit_tasks_" + key + ".csv"), unit_tasks_csv(*s.plan, level), written);
    if (s.inventory) write_file(fs::path(dir) / ("source_tasks_" + key + ".csv"), source_tasks_csv(s, level), written);
  }
  write_file(fs::path(dir) / "records.csv", records_csv(s, season), written);
  return written;
}

}  // namespace aqi::engine
