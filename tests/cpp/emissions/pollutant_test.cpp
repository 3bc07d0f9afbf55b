// The four pollutants of the emission targets (SPEC R3): keys and the plan's names.
#include <gtest/gtest.h>

#include "aqi/emissions/pollutant.hpp"
#include "test_support.hpp"

// docs/errors.md, "Unknown names".
TEST(EmissionPollutant, UnknownPollutant) {
  EXPECT_THROW_MSG(aqi::parse_emission_pollutant("co"), aqi::UnknownName,
                   "unknown pollutant 'co'; expected one of: so2, nox, pm, vocs");
}
