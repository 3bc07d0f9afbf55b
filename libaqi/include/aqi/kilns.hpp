// The kilns domain — the brick-kiln rotation (SPEC K1–K8): the kiln table, season rules, the scheduler and validation.
#pragma once

#include "aqi/kilns/kiln.hpp"
#include "aqi/kilns/schedule.hpp"
#include "aqi/kilns/season.hpp"
#include "aqi/kilns/validation.hpp"
