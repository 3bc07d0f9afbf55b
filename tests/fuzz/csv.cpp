// detail::parse_csv, the reader behind every scenario, inventory and kiln file, and its typed
// cells. Invariants: every record has the header's width; writing the table back out (every
// field quoted) and reading it again gives the same table — no row or field lost or changed.
#include <string>

#include "aqi/detail/csv.hpp"
#include "fuzzer-common.h"

namespace {

std::string quoted(const std::string& field) {
  std::string s = "\"";
  for (char c : field) s += c == '"' ? std::string("\"\"") : std::string(1, c);
  return s + "\"";
}

std::string write(const aqi::detail::CsvTable& t) {
  std::string out;
  auto record = [&](const std::vector<std::string>& r) {
    for (std::size_t c = 0; c < r.size(); ++c) out += (c ? "," : "") + quoted(r[c]);
    out += "\n";
  };
  record(t.header);
  for (const auto& r : t.rows) record(r);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aqi_fuzz::expect_aqi_errors([&] {
    const auto t = aqi::detail::parse_csv(aqi_fuzz::text(data, size), "fuzz.csv");
    AQI_FUZZ_CHECK(!t.header.empty() && t.rows.size() == t.row_line.size());
    for (std::size_t r = 0; r < t.size(); ++r) {
      AQI_FUZZ_CHECK(t.rows[r].size() == t.header.size());
      AQI_FUZZ_CHECK(r == 0 || t.row_line[r] > t.row_line[r - 1]);
    }
    const auto again = aqi::detail::parse_csv(write(t), "again.csv");
    AQI_FUZZ_CHECK(again.header == t.header && again.rows == t.rows);
    for (std::size_t r = 0; r < t.size() && r < 64; ++r)
      for (std::size_t c = 0; c < t.header.size() && c < 16; ++c) {
        aqi_fuzz::expect_aqi_errors([&] {
          const double v = t.number(r, c);
          AQI_FUZZ_CHECK(std::isnan(v) || std::isfinite(v));
        });
        aqi_fuzz::expect_aqi_errors([&] { (void)t.integer(r, c); });
        aqi_fuzz::expect_aqi_errors([&] {
          const auto d = t.date(r, c);
          AQI_FUZZ_CHECK(!d.is_special());
        });
      }
  });
  return 0;
}
