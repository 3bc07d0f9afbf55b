// Reading a whole file, with the typed error of a missing one.
#pragma once

#include <string>

namespace aqi::detail {

// The bytes of `path`; throws FileNotFound.
std::string read_text_file(const std::string& path);

// `file` relative to `dir` unless it is absolute.
std::string join_path(const std::string& dir, const std::string& file);

}  // namespace aqi::detail
