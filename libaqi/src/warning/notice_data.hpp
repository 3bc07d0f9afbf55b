// Private: the Mustache side of the notices (kainjow/mustache is compiled in notice.cpp only).
#pragma once

#include <string>

namespace aqi::detail {

// Throws ParseError(source) naming `key` when `text` is not a valid Mustache template.
void check_mustache(const std::string& text, const std::string& source, const std::string& key);

}  // namespace aqi::detail
