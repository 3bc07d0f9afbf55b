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
// This scan follows toml++'s own tokens and refuses those inputs first, naming line and column
// (in code points, as toml++ counts): a control character other than tab, LF and CR (TOML forbids
// them everywhere); a non-ASCII character outside strings and comments, or inside a bare value
// (TOML allows neither); a table header without a key; `}` where an array expects a value; a
// non-ASCII character after a backslash (never an escape). The one refusal of valid TOML: a
// non-ASCII character first after a line-ending backslash in a multi-line basic string.
void check_toml_text(std::string_view text, const std::string& file) {
  enum class State { outside, comment, basic, multi_basic, literal, multi_literal, bare };
  State state = State::outside;
  bool escaped = false, continuation = false;
  bool line_start = true;     // only spaces and tabs so far on this line
  bool expect_value = false;  // after `=`, or where an array takes its next element
  std::string open;           // the [ and { of the values being read, innermost last
  std::string bare;           // the bare value read so far (a number, date, boolean …)
  std::size_t line = 1, column = 1;
  auto fail = [&](const std::string& what) { throw ParseError(file, line, column, what); };
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Skips the run of 3–5 quotes that closes a multi-line string (up to two belong to its content).
  auto close_multi = [&](std::size_t& i, char quote) {
    std::size_t run = 3;
    while (run < 5 && i + run < text.size() && text[i + run] == quote) ++run;
    i += run - 1;
    column += run - 1;
    state = State::outside;
  };
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a BOM is allowed
  for (std::size_t i = start; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "control character U+%04X is not allowed in TOML", c);
      fail(buf);
    }
    const bool ascii = c < 0x80;
    if (state == State::bare) {
      const bool terminator = is_space(c) || c == ']' || c == '}' || c == ',' || c == '#';
      // toml++ reads "1979-05-27 07:32:00" as one value: a date, a space, then digits. It takes
      // any 10 characters (not counting `_`) that start with a digit and have `-` at 4 and 7 for
      // a date here, and then assumes the digit after the space is followed by more of the value.
      auto digit = [](char d) { return d >= '0' && d <= '9'; };
      std::string core;
      for (char b : bare)
        if (b != '_') core += b;
      const bool date = core.size() == 10 && digit(core[0]) && core[4] == '-' && core[7] == '-' && c == ' ' &&
                        i + 1 < text.size() && digit(text[i + 1]);
      if (date && i + 2 < text.size()) {
        const auto after = static_cast<unsigned char>(text[i + 2]);
        if (is_space(after) || after == ']' || after == '}' || after == ',' || after == '#')
          fail("a date followed by a space and a single digit is not a date-time");
      }
      if (!terminator || date) {
        if (!ascii) fail("a non-ASCII character in a value that is not a string");
        // A value that starts with a digit or sign and holds a T is read as a date-time, and
        // toml++ assumes the time after the T starts with a digit.
        if ((c == 'T' || c == 't') && (digit(bare[0]) || bare[0] == '+' || bare[0] == '-') &&
            !(i + 1 < text.size() && digit(text[i + 1])))
          fail("the 'T' of a date-time must be followed by the time (HH:MM:SS)");
        bare += static_cast<char>(c);
      } else {
        state = State::outside;
      }
    }
    switch (state) {
      case State::outside:
        if (!ascii) fail("a non-ASCII character outside a string or comment");
        if (expect_value && !is_space(c) && c != '#') {
          expect_value = false;
          if (c == '[') {
            open += '[';
            expect_value = true;
            break;
          }
          if (c == '}' && !open.empty() && open.back() == '[') fail("a value was expected");
          if (c != '"' && c != '\'' && c != '{' && c != ']' && c != '}' && c != ',') {
            state = State::bare;
            bare.assign(1, static_cast<char>(c));
            break;
          }
        }
        if (c == '[' && line_start && open.empty()) {
          std::size_t j = i + 1;
          if (j < text.size() && text[j] == '[') ++j;
          while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
          const char k = j < text.size() ? text[j] : '\n';
          const bool key = (k >= 'A' && k <= 'Z') || (k >= 'a' && k <= 'z') || (k >= '0' && k <= '9') || k == '_' ||
                           k == '-' || k == '"' || k == '\'' || k == ']';
          if (!key) fail("a table header must start with a key");
        } else if (c == '[' || c == '{') {
          open += static_cast<char>(c);
        } else if ((c == ']' || c == '}') && !open.empty()) {
          open.pop_back();
        } else if (c == '=' || (c == ',' && !open.empty() && open.back() == '[')) {
          expect_value = true;
        }
        if (c == '#') {
          state = State::comment;
        } else if (c == '"' || c == '\'') {
          const bool multi = text.substr(i, 3) == std::string(3, static_cast<char>(c));
          state = c == '"' ? (multi ? State::multi_basic : State::basic) : (multi ? State::multi_literal : State::literal);
          if (multi) {
            i += 2;
            column += 2;
          }
        }
        break;
      case State::comment:
        if (c == '\n') state = State::outside;
        break;
      case State::basic:
        if (escaped) {
          escaped = false;
          if (!ascii) fail("a non-ASCII character after a backslash (not an escape sequence)");
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"' || c == '\n') {
          state = State::outside;
        }
        break;
      case State::multi_basic:
        if (continuation) {
          if (is_space(c)) break;
          continuation = false;
          if (!ascii)
            fail("a non-ASCII character first after a line-ending backslash (toml++ 3.3 mishandles it; "
                 "start the continued line with an ASCII character)");
        }
        if (escaped) {
          escaped = false;
          if (is_space(c))
            continuation = true;
          else if (!ascii)
            fail("a non-ASCII character after a backslash (not an escape sequence)");
        } else if (c == '\\') {
          escaped = true;
        } else if (text.substr(i, 3) == "\"\"\"") {
          close_multi(i, '"');
        }
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::outside;
        break;
      case State::multi_literal:
        if (text.substr(i, 3) == "'''") close_multi(i, '\'');
        break;
      case State::bare:
        break;
    }
    if (c == '\n') {
      ++line;
      column = 1;
      line_start = true;
    } else {
      if ((c & 0xC0) != 0x80) ++column;
      if (c != ' ' && c != '\t') line_start = false;
    }
  }
}

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
