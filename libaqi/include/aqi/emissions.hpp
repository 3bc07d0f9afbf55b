// The emissions domain — per-source cuts and the targets (SPEC E1–E13, R3–R6): industries, the measure table, the
// inventory, cuts, top-up.
#pragma once

#include "aqi/emissions/cuts.hpp"
#include "aqi/emissions/fleet_dust_rules.hpp"
#include "aqi/emissions/industry.hpp"
#include "aqi/emissions/industry_measures.hpp"
#include "aqi/emissions/inventory.hpp"
#include "aqi/emissions/kiln_credit.hpp"
#include "aqi/emissions/pollutant.hpp"
#include "aqi/emissions/targets.hpp"
#include "aqi/emissions/top_up.hpp"
