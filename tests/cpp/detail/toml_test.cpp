// The TOML door of the compiled part (libaqi/src/detail/toml.hpp): toml++ behind checks that keep
// it from undefined behaviour, located errors, strict typed fields. Every case here was a fuzzing
// finding (tests/fuzz): each crashed, escaped as a non-aqi exception or hung before its fix; the
// input libFuzzer saved is in tests/fuzz/corpus/<target>/regression-*.
#include <gtest/gtest.h>

#include <string>

#include "aqi/index/edition.hpp"
#include "detail/toml.hpp"  // the library's private TOML door (aqi_internal)
#include "test_support.hpp"

// fuzz_edition, fuzz_holidays: a TOML date before 1400 escaped as boost::gregorian::bad_year
// (std::out_of_range), not an aqi::ParseError. Input: `notice_date = 0001-01-01`.
TEST(Toml, DateBefore1400IsAParseError) {
  const std::string edition =
      "id = \"e\"\ntitle = \"e\"\nin_force_from = 0001-01-01\niaqi = [0, 500]\ndaily_indicators = []\n"
      "hourly_indicators = []\n[indicator]\n";
  EXPECT_THROW_MSG(aqi::Edition::parse(edition, "e.toml"), aqi::ParseError,
                   "e.toml:3:17: 0001-01-01 is before 1400-01-01, the earliest date libaqi handles");
}

// fuzz_deadline_rules, fuzz_holidays, fuzz_targets, fuzz_scenario: toml++ 3.3.0 reached
// TOML_UNREACHABLE (undefined behaviour in a release build) on a value directly followed by a
// non-ASCII character. Input (corpus/deadline_rules/regression-toml-nonascii-after-value):
// `id =019〕56号）"`.
TEST(Toml, NonAsciiAfterAValueIsRefusedBeforeTomlpp) {
  EXPECT_THROW_MSG(aqi::detail::parse_toml("id =019\xE3\x80\x95"
                                           "56\n",
                                           "d.toml"),
                   aqi::ParseError, "d.toml:1:8: a non-ASCII character in a value that is not a string");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("id = \"a\"\xE3\x80\x95\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:9: a non-ASCII character outside a string or comment");
  // toml++ scans a value that starts with a digit or sign up to a terminator, quotes included
  // (corpus/deadline_rules/regression-toml-quote-in-number: `what_zh =+"应急…"`), and reads
  // "1979-05-27 07:32:00" as one value.
  EXPECT_THROW_MSG(aqi::detail::parse_toml("what_zh =+\"应急\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:12: a non-ASCII character in a value that is not a string");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 1979-05-27 0\"中\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:18: a non-ASCII character in a value that is not a string");
  EXPECT_NO_THROW(aqi::detail::parse_toml("d = 1979-05-27 07:32:00 # 注释\n", "d.toml"));
  // fuzz_rule_set: after 10 characters shaped like a date (digit first, `-` at 4 and 7; toml++ does
  // not look at the rest), a space and a digit, toml++ assumed more of the value follows
  // (corpus/rule_set/regression-toml-date-lone-digit: `m = 4"in--5-es 5$.`).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 2019-01-01 5\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:15: a date followed by a space and a single digit is not a date-time");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = [4xin--5-es 5]\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:16: a date followed by a space and a single digit is not a date-time");
  EXPECT_THROW(aqi::detail::parse_toml("d = 2019-01-01 5", "d.toml"), aqi::ParseError);  // toml++'s own error
  // fuzz_measures: toml++ assumed a digit after a date-time's T
  // (corpus/measures/regression-toml-t-without-time: `zo= 2019-10-22tt:g2h[2`).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("zo= 2019-10-22tt:g2h[2", "m.toml"), aqi::ParseError,
                   "m.toml:1:15: the 'T' of a date-time must be followed by the time (HH:MM:SS)");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("d = 2019-10-22T\n", "m.toml"), aqi::ParseError,
                   "m.toml:1:15: the 'T' of a date-time must be followed by the time (HH:MM:SS)");
  EXPECT_EQ(aqi::detail::parse_toml("d = 2019-10-22t07:32:00\n", "m.toml")["d"].value<toml::date_time>()->time.hour, 7);
  try {  // a date, a space and a string: invalid TOML that toml++ itself reports, safely
    aqi::detail::parse_toml("e = 1979-05-27 \"中\"\n", "d.toml");
    ADD_FAILURE() << "no error";
  } catch (const aqi::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).find("non-ASCII"), std::string::npos) << e.what();
  }
  // Inside strings and comments non-ASCII text is fine, as every rule file shows.
  EXPECT_NO_THROW(aqi::detail::parse_toml("a = \"沂源〕\" # 注释〕\nb = '〕'\nc = \"\"\"\n〕\"\"\"\n", "d.toml"));
  // A multi-line basic string: after a backslash, and first after a line-ending backslash.
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = \"\"\"x\\\xE3\x80\x95\"\"\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:1:10: a non-ASCII character after a backslash (not an escape sequence)");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = \"\"\"x \\\n  \xE3\x80\x95\"\"\"\n", "d.toml"), aqi::ParseError,
                   "d.toml:2:3: a non-ASCII character first after a line-ending backslash (toml++ 3.3 mishandles "
                   "it; start the continued line with an ASCII character)");
  EXPECT_EQ(aqi::detail::parse_toml("a = \"\"\"x \\\n  y〕\"\"\"\n", "d.toml")["a"].value<std::string>(), "x y〕");
}

// fuzz_edition, fuzz_measures, fuzz_rule_set: toml++ 3.3.0 assumed (TOML_ASSERT_ASSUME) that a
// table header starts with a key. Inputs: `[\x01\x00\x00\x01catoA]`, `[[,evel]]`
// (corpus/rule_set/regression-toml-header-key).
TEST(Toml, HeaderWithoutKeyOrWithControlCharacterIsRefused) {
  EXPECT_THROW_MSG(aqi::detail::parse_toml(std::string("[\x01\x00\x00\x01"
                                                       "catoA]\n",
                                                       12),
                                           "r.toml"),
                   aqi::ParseError, "r.toml:1:1: a table header must start with a key");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("[a\x01]\n", "r.toml"), aqi::ParseError,
                   "r.toml:1:3: control character U+0001 is not allowed in TOML");
  EXPECT_THROW_MSG(aqi::detail::parse_toml("a = 1\n[[,evel]]\n", "r.toml"), aqi::ParseError,
                   "r.toml:2:1: a table header must start with a key");
  // toml++ assumed a value after a comma in an array (corpus/kiln_rules/regression-toml-brace-in-array).
  EXPECT_THROW_MSG(aqi::detail::parse_toml("w = [1e308, 0, }, 0]\n", "r.toml"), aqi::ParseError,
                   "r.toml:1:16: a value was expected");
  // Arrays at the start of a line inside a value are not headers.
  EXPECT_NO_THROW(aqi::detail::parse_toml("a = [\n[+1],\n[{ b = 2 }],\n]\n[ \"c\" ]\n[[d]]\n", "r.toml"));
}
