#include "texts.hpp"

namespace aqi::engine {

const Texts& texts(Language language) {
  switch (language) {
    case Language::en:
      return english_texts();
  }
  return english_texts();
}

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  return std::nullopt;
}

std::vector<std::string> language_codes() { return {"en"}; }

}  // namespace aqi::engine
