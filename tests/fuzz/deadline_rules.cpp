// DeadlineRules::parse (a plan's reporting rules, SPEC D1–D3), then the deadline calendar of a
// season with closed, open and cross-year response periods (D4).
#include "aqi/calendar/deadlines.hpp"
#include "fuzzer-common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::DeadlineRules rules = aqi::DeadlineRules::parse(aqi_fuzz::text(data, size), "deadlines.toml");
    using boost::posix_time::hours;
    using boost::posix_time::ptime;
    const std::vector<aqi::ResponsePeriod> periods{
        {ptime(boost::gregorian::date(2019, 11, 13), hours(20)), ptime(boost::gregorian::date(2019, 11, 16), hours(12)), aqi::ResponseLevel::II},
        {ptime(boost::gregorian::date(2019, 12, 30), hours(0)), ptime(boost::gregorian::date(2020, 1, 2), hours(15)), aqi::ResponseLevel::I},
        {ptime(boost::gregorian::date(2020, 3, 29), hours(6)), ptime(boost::posix_time::not_a_date_time), aqi::ResponseLevel::III}};
    for (bool on_working_day : {false, true}) {
      aqi::DeadlineOptions options;
      options.yearly_on_working_day = on_working_day;
      const auto calendar =
          aqi::deadline_calendar(2019, periods, options, aqi::builtin_holiday_calendar(), rules);
      for (std::size_t i = 1; i < calendar.size(); ++i)
        AQI_FUZZ_CHECK(calendar[i].due.is_special() || !(calendar[i].due < calendar[i - 1].due));
    }
  });
  return 0;
}
