#include "texts.hpp"

namespace aqi::engine {

const Texts& texts(Language language) {
  switch (language) {
    case Language::zh:
      return chinese_texts();
    case Language::en:
      return english_texts();
  }
  return chinese_texts();
}

const std::string& word(const Texts& texts, const std::string& code) {
  const auto it = texts.common.codes.find(code);
  return it == texts.common.codes.end() ? code : it->second;
}

std::optional<Language> parse_language(std::string_view code) {
  if (code == "zh") return Language::zh;
  if (code == "en") return Language::en;
  return std::nullopt;
}

std::vector<std::string> language_codes() { return {"zh", "en"}; }

}  // namespace aqi::engine
