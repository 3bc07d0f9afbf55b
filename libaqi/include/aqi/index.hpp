// The index domain — AQI from concentrations (SPEC A1–A7): pollutants, indicators, editions, IAQI/AQI, moving means, observations.
#pragma once

#include "aqi/index/air_quality_index.hpp"
#include "aqi/index/category.hpp"
#include "aqi/index/city_means.hpp"
#include "aqi/index/column_names.hpp"
#include "aqi/index/edition.hpp"
#include "aqi/index/iaqi.hpp"
#include "aqi/index/indicator.hpp"
#include "aqi/index/moving_mean.hpp"
#include "aqi/index/observations.hpp"
#include "aqi/index/plausibility.hpp"
#include "aqi/index/record_dates.hpp"
#include "aqi/index/pollutant.hpp"
#include "aqi/index/station_hours.hpp"
#include "aqi/index/station_list.hpp"
#include "aqi/index/units.hpp"
