#include "format.hpp"

#include <cstdio>
#include <stdexcept>

namespace aqi::engine {

namespace {

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt that text in
// this report can hold: Hangul Jamo, CJK punctuation, kana, CJK ideographs, Yi, Hangul, CJK
// compatibility, fullwidth forms, the supplementary ideographic planes.
bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

struct Spec {
  char align = 0;  // '<', '>' or 0 (text left, numbers right)
  std::size_t width = 0;
  int precision = -1;
  char type = 0;  // 'f', '%' or 0
};

Spec parse_spec(std::string_view s, std::string_view placeholder) {
  Spec spec;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '<' || s[i] == '>')) spec.align = s[i++];
  while (i < s.size() && s[i] >= '0' && s[i] <= '9')
    spec.width = spec.width * 10 + static_cast<std::size_t>(s[i++] - '0');
  if (i < s.size() && s[i] == '.') {
    spec.precision = 0;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) spec.precision = spec.precision * 10 + (s[i] - '0');
  }
  if (i < s.size() && (s[i] == 'f' || s[i] == '%')) spec.type = s[i++];
  if (i != s.size()) throw std::logic_error("text template: bad format in {" + std::string(placeholder) + "}");
  return spec;
}

std::string number_text(double v, const Spec& spec) {
  char buf[64];
  const int precision = spec.precision < 0 ? 6 : spec.precision;
  if (spec.type == '%') {
    std::snprintf(buf, sizeof buf, "%.*f%%", precision, 100 * v);
  } else if (spec.type == 'f') {
    std::snprintf(buf, sizeof buf, "%.*f", precision, v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// The value as text and whether it is a number (numbers align right by default).
std::pair<std::string, bool> value_text(const Arg& arg, const Spec& spec) {
  const auto& v = arg.value();
  if (const auto* text = std::get_if<std::string>(&v)) return {*text, false};
  if (const auto* whole = std::get_if<long long>(&v)) {
    if (spec.type) return {number_text(static_cast<double>(*whole), spec), true};
    return {std::to_string(*whole), true};
  }
  const auto& maybe = std::get<std::optional<double>>(v);
  if (!maybe || *maybe != *maybe) return {std::string(missing_number), true};
  return {number_text(*maybe, spec), true};
}

std::string placeholder_text(std::string_view inside, std::initializer_list<Arg> args) {
  const auto colon = inside.find(':');
  const std::string_view key = inside.substr(0, colon);
  const Spec spec = colon == std::string_view::npos ? Spec{} : parse_spec(inside.substr(colon + 1), inside);
  for (const auto& arg : args) {
    if (arg.name() != key) continue;
    auto [text, numeric] = value_text(arg, spec);
    const std::size_t w = display_width(text);
    if (w >= spec.width) return text;
    const bool right = spec.align == '>' || (spec.align == 0 && numeric);
    const std::string fill_text(spec.width - w, ' ');
    return right ? fill_text + text : text + fill_text;
  }
  throw std::logic_error("text template: no value for {" + std::string(key) + "}");
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    w += wide(cp) ? 2 : 1;
    i += len;
  }
  return w;
}

std::string fill(std::string_view pattern, std::initializer_list<Arg> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;
      ++i;
    } else if (c == '{') {
      const auto close = pattern.find('}', i);
      if (close == std::string_view::npos)
        throw std::logic_error("text template: unclosed { in '" + std::string(pattern) + "'");
      out += placeholder_text(pattern.substr(i + 1, close - i - 1), args);
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace aqi::engine
