// The two renderings of the report: text for the office (in a language's words, texts.hpp) and
// JSON for programs (every fact of the report, language-neutral keys, both languages' names).
#pragma once

#include <ostream>
#include <string>

#include "report.hpp"
#include "texts.hpp"

namespace aqi::engine {

void render_text(const Report& report, const Texts& texts, std::ostream& out);

// The JSON document, indented by 2.
std::string render_json(const Report& report);

}  // namespace aqi::engine
