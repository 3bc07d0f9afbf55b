// Text formatting for the language tables (texts.hpp): templates with named placeholders, so a
// language may order the words of a line as it needs, and column widths counted in display
// columns, so Chinese text lines up.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace aqi::engine {

// Terminal columns of UTF-8 text: East Asian wide and fullwidth characters (汉字, 。, Ａ …) take
// two, every other character one.
std::size_t display_width(std::string_view text);

// One named value for fill(): text, a whole number, or a number that may be missing.
class Arg {
 public:
  Arg(std::string_view name, std::string text) : name_(name), value_(std::move(text)) {}
  Arg(std::string_view name, const char* text) : name_(name), value_(std::string(text)) {}
  Arg(std::string_view name, double number) : name_(name), value_(std::optional<double>(number)) {}
  Arg(std::string_view name, std::optional<double> number) : name_(name), value_(number) {}
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Arg(std::string_view name, I number) : name_(name), value_(static_cast<long long>(number)) {}

  std::string_view name() const { return name_; }
  const std::variant<std::string, long long, std::optional<double>>& value() const { return value_; }

 private:
  std::string_view name_;
  std::variant<std::string, long long, std::optional<double>> value_;
};

// How a missing number is printed.
inline constexpr std::string_view missing_number = "–";

// Fills `pattern`: `{name}` or `{name:spec}`, spec = [<|>][width][.precision][f|%] as in Python's
// format — `f` prints a number with `precision` decimals, `%` a ratio as a percentage; width
// pads to display columns, text to the left and numbers to the right unless `<`/`>` says.
// A number spec on text pads the text only (column headings share their rows' pattern).
// `{{` and `}}` are braces. A placeholder without its Arg throws std::logic_error naming it:
// a table and the layout code that fills it disagree.
std::string fill(std::string_view pattern, std::initializer_list<Arg> args);

// `items` joined by `separator`.
template <class Range>
std::string join(const Range& items, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    out += item;
    first = false;
  }
  return out;
}

}  // namespace aqi::engine
