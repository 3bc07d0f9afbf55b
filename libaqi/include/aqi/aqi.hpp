// libaqi: the whole public API in one include.
#pragma once

#include "aqi/air_quality_index.hpp"
#include "aqi/category.hpp"
#include "aqi/edition.hpp"
#include "aqi/error.hpp"
#include "aqi/iaqi.hpp"
#include "aqi/indicator.hpp"
#include "aqi/moving_mean.hpp"
#include "aqi/observations.hpp"
#include "aqi/parallelism.hpp"
#include "aqi/pollutant.hpp"
#include "aqi/response_level.hpp"
#include "aqi/response_period.hpp"
#include "aqi/span.hpp"
#include "aqi/version.hpp"
