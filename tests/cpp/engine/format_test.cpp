// The engine's text templates (apps/aqi-engine/format.hpp): the widths and number formats the
// text report's columns rest on, and the errors of a table that disagrees with its layout.
#include "format.hpp"

#include <cmath>
#include <stdexcept>

#include "test_support.hpp"

using aqi::engine::display_width;
using aqi::engine::fill;

TEST(EngineFormat, DisplayWidthCountsWideCharactersTwice) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("第一批"), 6u);  // CJK ideographs: 2 columns each
  EXPECT_EQ(display_width("Ａ。"), 4u);    // fullwidth letter, ideographic full stop
  EXPECT_EQ(display_width("Ⅱ级"), 3u);     // U+2161 is not wide (East Asian Ambiguous), 级 is
  EXPECT_EQ(display_width("– … →"), 5u);   // dashes, ellipsis and arrows take one column
  EXPECT_EQ(display_width("𠀀"), 2u);      // a four-byte ideograph (plane 2)
}

TEST(EngineFormat, TextPadsLeftAlignedToDisplayColumns) {
  EXPECT_EQ(fill("{s:<8}|", {{"s", "第一批"}}), "第一批  |");
  EXPECT_EQ(fill("{s:6}|", {{"s", "第一批"}}), "第一批|");
  EXPECT_EQ(fill("{s:2}|", {{"s", "long"}}), "long|");  // never cut
  EXPECT_EQ(fill("{s:>6}|", {{"s", "ab"}}), "    ab|");
}

TEST(EngineFormat, NumbersAlignRightWithTheirPrecision) {
  EXPECT_EQ(fill("{n:3}|", {{"n", 4}}), "  4|");
  EXPECT_EQ(fill("#{n:<2}|", {{"n", 1}}), "#1 |");
  EXPECT_EQ(fill("{x:9.3f}", {{"x", 8.5483}}), "    8.548");
  EXPECT_EQ(fill("{x:.0f} h", {{"x", 55.5}}), "56 h");  // printf rounding, half to even on the binary value
  EXPECT_EQ(fill("{x:.1f}", {{"x", 7}}), "7.0");        // a whole number with a precision
}

TEST(EngineFormat, PercentMultipliesARatioByHundred) {
  EXPECT_EQ(fill("{r:.1%}", {{"r", 0.101}}), "10.1%");
  EXPECT_EQ(fill("{r:>7.0%}|", {{"r", 0.2}}), "    20%|");
  EXPECT_EQ(fill("{r:.4%}", {{"r", 0.000184}}), "0.0184%");
}

TEST(EngineFormat, MissingNumbersPrintAsADash) {
  EXPECT_EQ(fill("{x:>5.2f}|", {{"x", std::optional<double>()}}), "    –|");
  EXPECT_EQ(fill("{x:.2f}", {{"x", std::nan("")}}), "–");
}

TEST(EngineFormat, HeadingsShareTheirRowsPattern) {
  // A number spec on text pads it: the heading row of a table fills the rows' own pattern.
  EXPECT_EQ(fill("{a:<6}{b:>5.2f}", {{"a", "level"}, {"b", "POD"}}), "level   POD");
  EXPECT_EQ(fill("{a:<6}{b:>5.2f}", {{"a", "red"}, {"b", 0.857}}), "red    0.86");
}

TEST(EngineFormat, BracesAndUnusedArguments) { EXPECT_EQ(fill("{{x}} = {x}", {{"x", 1}, {"unused", "y"}}), "{x} = 1"); }

TEST(EngineFormat, ATableThatDisagreesWithItsLayoutIsAnError) {
  EXPECT_THROW_MSG(fill("a {missing} b", {{"x", 1}}), std::logic_error, "text template: no value for {missing}");
  EXPECT_THROW_MSG(fill("{x:q}", {{"x", 1}}), std::logic_error, "text template: bad format in {x:q}");
  EXPECT_THROW_MSG(fill("a {x", {{"x", 1}}), std::logic_error, "text template: unclosed { in 'a {x'");
}
