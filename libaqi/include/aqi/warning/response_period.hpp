// One emergency response from its start to its lift — what the deadline calendar (SPEC D2) and the
// emission accounting are computed over. A season run (SPEC L2, L3, L9) produces these.
#pragma once

#include <string>
#include <utility>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "aqi/warning/response_level.hpp"

namespace aqi {

struct ResponsePeriod {
  // Not an aggregate: `{start, end, highest}` (the calendar's input, written by hand) stays complete
  // without the season's level and document number.
  ResponsePeriod() = default;
  ResponsePeriod(boost::posix_time::ptime start_, boost::posix_time::ptime end_, ResponseLevel highest_, int level_ = 0,
                 std::string doc_no_ = {})
      : start(start_), end(end_), highest(highest_), level(level_), doc_no(std::move(doc_no_)) {}

  boost::posix_time::ptime start;               // the response begins (SPEC L2, L9), local time (UTC+8)
  boost::posix_time::ptime end;                 // the warning is lifted: the response ends (L2); not_a_date_time
                                                // when it is still in force at the end of the data
  ResponseLevel highest = ResponseLevel::none;  // the highest level reached during the period
  int level = 0;       // the warning level that set `highest` (a level of the season's rule set; 0: not known)
  std::string doc_no;  // L9: the document number of the order that began the response ("" in forecast mode)
};

}  // namespace aqi
