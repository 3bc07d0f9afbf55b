// `aqi-engine notices <scenario> --out DIR` — SPEC N1–N4: what the office hands out, as files: each
// notice with its publication checklist (NN-<date>-<event>.md), the member units' task lists and
// the sources' (unit_tasks_<level>.csv, source_tasks_<level>.csv), and the episode records
// (records.csv). Every word and number comes from the library (render_notice, unit_tasks,
// source_tasks, episode_records); this file only lays them out.
#pragma once

#include <string>
#include <vector>

#include "aqi/scenario.hpp"

namespace aqi::engine {

// Writes the documents of the scenario's season into `dir` (created if missing); returns the
// paths written, in order. Throws aqi::Error (FileNotFound naming a path that cannot be written).
std::vector<std::string> write_documents(const Scenario& scenario, const SeasonResult& season, const std::string& dir);

}  // namespace aqi::engine
