// Typed errors. Every message names what is wrong and where (field, index, file:line:column),
// because the reader is an analyst looking at a spreadsheet or an operator reading a log.
// The Python bindings map each type to a Python exception with the same message.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace aqi {

// Base of every libaqi error: catch this to catch them all.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A bad argument of a call (a window of 0, an unknown option value).  Python: ValueError.
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

// A bad value inside data: negative or infinite concentration, NaN where none is allowed.
// Python: ValueError.
class InvalidValue : public Error {
 public:
  InvalidValue(std::string field, std::size_t index, const std::string& what)
      : Error(field + "[" + std::to_string(index) + "]: " + what), field_(std::move(field)), index_(index) {}
  // For arrays of several dimensions: `where` is the full index as written, e.g. "3, 17, 5";
  // `flat_index` is the element's position in memory.
  InvalidValue(std::string field, std::size_t flat_index, const std::string& where, const std::string& what)
      : Error(field + "[" + where + "]: " + what), field_(std::move(field)), index_(flat_index) {}
  const std::string& field() const noexcept { return field_; }
  std::size_t index() const noexcept { return index_; }

 private:
  std::string field_;
  std::size_t index_;
};

// A name that is not known: indicator key, edition id, rule set, level, department.
// Python: KeyError.
class UnknownName : public Error {
 public:
  using Error::Error;
};

// A file that does not exist or cannot be read.  Python: FileNotFoundError.
class FileNotFound : public Error {
 public:
  explicit FileNotFound(std::string path)
      : Error(path + ": no such file or it cannot be read"), path_(std::move(path)) {}
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

// Malformed content of a data file (TOML rules, CSV scenario and inventory files), located to
// the line and column (1-based; 0 when not applicable).  Python: aqi.ScenarioError.
class ParseError : public Error {
 public:
  ParseError(std::string file, std::size_t line, std::size_t column, const std::string& what)
      : Error(location(file, line, column) + what), file_(std::move(file)), line_(line), column_(column) {}
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  static std::string location(const std::string& file, std::size_t line, std::size_t column) {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
    return s + ": ";
  }
  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

}  // namespace aqi
