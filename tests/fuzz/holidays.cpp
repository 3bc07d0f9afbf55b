// HolidayYear::parse (one year's State Council holiday notice, SPEC D2), then a calendar of it
// alone and with the built-in years, and the working-day arithmetic the deadlines use.
#include "aqi/calendar/holidays.hpp"
#include "fuzzer-common.h"

namespace greg = boost::gregorian;

namespace {

void exercise(const aqi::HolidayCalendar& cal, int year) {
  for (greg::date d(year - 1, 12, 1); d <= greg::date(year, 12, 31); d += greg::days(1))
    aqi_fuzz::expect_aqi_errors([&] {
      const aqi::DayKind k = cal.kind(d);
      AQI_FUZZ_CHECK((cal.holiday_of(d) != nullptr) == (k == aqi::DayKind::holiday ||
                                                         k == aqi::DayKind::makeup_working_day));
    });
  for (int n : {1, 3, 30})
    aqi_fuzz::expect_aqi_errors([&] {
      const greg::date after = cal.working_days_after(greg::date(year, 1, 1), n);
      AQI_FUZZ_CHECK(after > greg::date(year, 1, 1) && cal.is_working_day(after));
    });
  aqi_fuzz::expect_aqi_errors([&] {
    const greg::date d = cal.working_day_on_or_before(greg::date(year, 10, 7));
    AQI_FUZZ_CHECK(cal.is_working_day(d));
    (void)cal.working_days_between(greg::date(year, 1, 1), greg::date(year, 12, 31));
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const aqi::HolidayYear y = aqi::HolidayYear::parse(aqi_fuzz::text(data, size), "holidays.toml");
    AQI_FUZZ_CHECK(y.year >= 1900 && y.year <= 9999);
    exercise(aqi::HolidayCalendar({y}), y.year);
    aqi_fuzz::expect_aqi_errors([&] {
      std::vector<aqi::HolidayYear> years = aqi::builtin_holiday_calendar().years();
      years.push_back(y);
      exercise(aqi::HolidayCalendar(std::move(years)), y.year);
    });
  });
  return 0;
}
