// One emergency response from its start to its lift — what the deadline calendar (SPEC D1, D2)
// and the emission accounting are computed over. A season run (SPEC L2, L3) produces these.
#pragma once

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/warning/response_level.hpp"

namespace aqi {

struct ResponsePeriod {
  boost::posix_time::ptime start;  // the response begins (SPEC L2), local time (UTC+8)
  boost::posix_time::ptime end;    // the warning is lifted: the response ends (L2); not_a_date_time
                                   // when it is still in force at the end of the data
  ResponseLevel highest = ResponseLevel::none;  // the highest level reached during the period
};

}  // namespace aqi
