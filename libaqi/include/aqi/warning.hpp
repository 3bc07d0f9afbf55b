// The warning domain — levels, their responses and the season (SPEC W1–W9, L1–L12, R1–R2): rule sets, classification, batches, the season run, response levels and the measure catalogue.
#pragma once

#include "aqi/warning/classify.hpp"
#include "aqi/warning/classify_batch.hpp"
#include "aqi/warning/measures.hpp"
#include "aqi/warning/response_level.hpp"
#include "aqi/warning/response_period.hpp"
#include "aqi/warning/rule_set.hpp"
#include "aqi/warning/season.hpp"
#include "aqi/warning/season_gap.hpp"
