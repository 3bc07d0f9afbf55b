// libaqi: the whole public API in one include. Each domain has its own umbrella header
// (aqi/index.hpp, aqi/warning.hpp, aqi/emissions.hpp, aqi/kilns.hpp, aqi/calendar.hpp) and
// each concept its own header under the domain's folder.
#pragma once

#include "aqi/calendar.hpp"
#include "aqi/emissions.hpp"
#include "aqi/error.hpp"
#include "aqi/index.hpp"
#include "aqi/kilns.hpp"
#include "aqi/parallelism.hpp"
#include "aqi/plan.hpp"
#include "aqi/scenario.hpp"
#include "aqi/span.hpp"
#include "aqi/version.hpp"
#include "aqi/warning.hpp"
