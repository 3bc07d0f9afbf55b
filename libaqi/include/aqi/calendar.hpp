// The calendar domain — holidays and working days, and the deadlines a season owes (SPEC D1–D4).
#pragma once

#include "aqi/calendar/deadlines.hpp"
#include "aqi/calendar/holidays.hpp"
