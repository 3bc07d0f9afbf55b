#include "detail/toml.hpp"

#include <cstdio>

namespace aqi::detail {

// toml++ 3.3.0 (Debian 12) reaches undefined behaviour on some malformed input — found by fuzzing
// (tests/fuzz). Its is_non_ascii_horizontal_whitespace() hits TOML_UNREACHABLE for most non-ASCII
// code points, and toml++ asks it about any character it meets where whitespace may follow a
// token: right after a key, a value or a header (`id = 019〕`), anywhere inside a value that
// starts with a digit or sign (`what = +"应急"`: the whole run up to a terminator is scanned as
// one number), and first after a line-ending backslash in a multi-line basic string. It also
// assumes (TOML_ASSERT_ASSUME: undefined in a clang release build) that a table header starts
// with a key (`[,a]`, `[\x01]`) and that a value follows a comma in an array (`[0, }]`).
//
// TomlTextScan follows toml++'s own tokens and refuses those inputs first, naming line and column
// (in code points, as toml++ counts): a control character other than tab, LF and CR (TOML forbids
// them everywhere); a non-ASCII character outside strings and comments, or inside a bare value
// (TOML allows neither); a table header without a key; `}` where an array expects a value; a
// non-ASCII character after a backslash (never an escape). The one refusal of valid TOML: a
// non-ASCII character first after a line-ending backslash in a multi-line basic string.
class TomlTextScan {
 public:
  TomlTextScan(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  void run() {
    const std::size_t start = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a BOM is allowed
    for (std::size_t i = start; i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      check_control(c);
      if (state_ == State::bare) bare_value(i, c);
      switch (state_) {
        case State::outside:
          outside(i, c);
          break;
        case State::comment:
          if (c == '\n') state_ = State::outside;
          break;
        case State::basic:
          basic_string(c);
          break;
        case State::multi_basic:
          multi_basic_string(i, c);
          break;
        case State::literal:
          if (c == '\'' || c == '\n') state_ = State::outside;
          break;
        case State::multi_literal:
          if (text_.substr(i, 3) == "'''") close_multi(i, '\'');
          break;
        case State::bare:
          break;
      }
      advance(c);
    }
  }

 private:
  enum class State { outside, comment, basic, multi_basic, literal, multi_literal, bare };

  [[noreturn]] void fail(const std::string& what) const { throw ParseError(file_, line_, column_, what); }
  static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static bool is_terminator(unsigned char c) { return is_space(c) || c == ']' || c == '}' || c == ',' || c == '#'; }
  static bool is_digit(char d) { return d >= '0' && d <= '9'; }
  bool digit_at(std::size_t i) const { return i < text_.size() && is_digit(text_[i]); }

  // TOML forbids control characters other than tab, LF and CR everywhere.
  void check_control(unsigned char c) const {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "control character U+%04X is not allowed in TOML", c);
      fail(buf);
    }
  }

  // toml++ reads "1979-05-27 07:32:00" as one value: a date, a space, then digits. It takes any
  // 10 characters (not counting `_`) that start with a digit and have `-` at 4 and 7 for a date
  // here, and then assumes the digit after the space is followed by more of the value.
  bool date_then_space_and_digit(std::size_t i, unsigned char c) const {
    std::string core;
    for (char b : bare_)
      if (b != '_') core += b;
    const bool date =
        core.size() == 10 && is_digit(core[0]) && core[4] == '-' && core[7] == '-' && c == ' ' && digit_at(i + 1);
    if (date && i + 2 < text_.size() && is_terminator(static_cast<unsigned char>(text_[i + 2])))
      fail("a date followed by a space and a single digit is not a date-time");
    return date;
  }

  // Inside a bare value (a number, date, boolean …): up to a terminator, ASCII only.
  void bare_value(std::size_t i, unsigned char c) {
    const bool date = date_then_space_and_digit(i, c);
    if (is_terminator(c) && !date) {
      state_ = State::outside;
      return;
    }
    if (c >= 0x80) fail("a non-ASCII character in a value that is not a string");
    // A value that starts with a digit or sign and holds a T is read as a date-time, and toml++
    // assumes the time after the T starts with a digit.
    if ((c == 'T' || c == 't') && (is_digit(bare_[0]) || bare_[0] == '+' || bare_[0] == '-') && !digit_at(i + 1))
      fail("the 'T' of a date-time must be followed by the time (HH:MM:SS)");
    bare_ += static_cast<char>(c);
  }

  // Outside strings and comments: keys, brackets, `=` and the start of values.
  void outside(std::size_t& i, unsigned char c) {
    if (c >= 0x80) fail("a non-ASCII character outside a string or comment");
    if (expect_value_ && !is_space(c) && c != '#' && start_value(c)) return;
    if (c == '[' && line_start_ && open_.empty()) {
      check_header(i);
    } else if (c == '[' || c == '{') {
      open_ += static_cast<char>(c);
    } else if ((c == ']' || c == '}') && !open_.empty()) {
      open_.pop_back();
    } else if (c == '=' || (c == ',' && !open_.empty() && open_.back() == '[')) {
      expect_value_ = true;
    }
    if (c == '#') {
      state_ = State::comment;
    } else if (c == '"' || c == '\'') {
      open_string(i, c);
    }
  }

  // The first character where a value is expected; true when it is taken (an array opens, or a
  // bare value starts), false when `outside` goes on with it (a string, a table, a closing bracket).
  bool start_value(unsigned char c) {
    expect_value_ = false;
    if (c == '[') {
      open_ += '[';
      expect_value_ = true;
      return true;
    }
    if (c == '}' && !open_.empty() && open_.back() == '[') fail("a value was expected");
    if (c == '"' || c == '\'' || c == '{' || c == ']' || c == '}' || c == ',') return false;
    state_ = State::bare;
    bare_.assign(1, static_cast<char>(c));
    return true;
  }

  // A `[` or `[[` at the start of a line outside any value opens a table header: a key must follow.
  void check_header(std::size_t i) const {
    std::size_t j = i + 1;
    if (j < text_.size() && text_[j] == '[') ++j;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    const char k = j < text_.size() ? text_[j] : '\n';
    const bool key = (k >= 'A' && k <= 'Z') || (k >= 'a' && k <= 'z') || is_digit(k) || k == '_' || k == '-' ||
                     k == '"' || k == '\'' || k == ']';
    if (!key) fail("a table header must start with a key");
  }

  void open_string(std::size_t& i, unsigned char c) {
    const bool multi = text_.substr(i, 3) == std::string(3, static_cast<char>(c));
    state_ = c == '"' ? (multi ? State::multi_basic : State::basic) : (multi ? State::multi_literal : State::literal);
    if (multi) {
      i += 2;
      column_ += 2;
    }
  }

  void basic_string(unsigned char c) {
    if (escaped_) {
      escaped_ = false;
      if (c >= 0x80) fail("a non-ASCII character after a backslash (not an escape sequence)");
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == '"' || c == '\n') {
      state_ = State::outside;
    }
  }

  void multi_basic_string(std::size_t& i, unsigned char c) {
    if (continuation_) {
      if (is_space(c)) return;
      continuation_ = false;
      if (c >= 0x80)
        fail(
            "a non-ASCII character first after a line-ending backslash (toml++ 3.3 mishandles it; "
            "start the continued line with an ASCII character)");
    }
    if (escaped_) {
      escaped_ = false;
      if (is_space(c))
        continuation_ = true;
      else if (c >= 0x80)
        fail("a non-ASCII character after a backslash (not an escape sequence)");
    } else if (c == '\\') {
      escaped_ = true;
    } else if (text_.substr(i, 3) == "\"\"\"") {
      close_multi(i, '"');
    }
  }

  // Skips the run of 3–5 quotes that closes a multi-line string (up to two belong to its content).
  void close_multi(std::size_t& i, char quote) {
    std::size_t run = 3;
    while (run < 5 && i + run < text_.size() && text_[i + run] == quote) ++run;
    i += run - 1;
    column_ += run - 1;
    state_ = State::outside;
  }

  // Line and column (in code points) of the next character.
  void advance(unsigned char c) {
    if (c == '\n') {
      ++line_;
      column_ = 1;
      line_start_ = true;
    } else {
      if ((c & 0xC0) != 0x80) ++column_;
      if (c != ' ' && c != '\t') line_start_ = false;
    }
  }

  std::string_view text_;
  const std::string& file_;
  State state_ = State::outside;
  bool escaped_ = false, continuation_ = false;
  bool line_start_ = true;     // only spaces and tabs so far on this line
  bool expect_value_ = false;  // after `=`, or where an array takes its next element
  std::string open_;           // the [ and { of the values being read, innermost last
  std::string bare_;           // the bare value read so far (a number, date, boolean …)
  std::size_t line_ = 1, column_ = 1;
};

void check_toml_text(std::string_view text, const std::string& file) { TomlTextScan(text, file).run(); }

toml::table parse_toml(std::string_view text, const std::string& file) {
  check_toml_text(text, file);
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw ParseError(file, e.source().begin.line, e.source().begin.column, std::string(e.description()));
  }
#else
  auto result = toml::parse(text, file);
  if (!result) {
    const auto& e = result.error();
    throw ParseError(file, e.source().begin.line, e.source().begin.column, std::string(e.description()));
  }
  return std::move(result).table();
#endif
}

}  // namespace aqi::detail
