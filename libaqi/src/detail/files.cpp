#include "aqi/detail/files.hpp"

#include <fstream>
#include <sstream>

#include "aqi/error.hpp"

namespace aqi::detail {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileNotFound(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string join_path(const std::string& dir, const std::string& file) {
  if (!file.empty() && file[0] == '/') return file;
  return dir + "/" + file;
}

}  // namespace aqi::detail
