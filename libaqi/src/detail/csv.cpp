#include "aqi/detail/csv.hpp"

#include "aqi/detail/files.hpp"

namespace aqi::detail {

CsvTable parse_csv(std::string_view text, std::string file) {
  CsvTable t;
  t.file = std::move(file);
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // spreadsheets write a BOM
  std::size_t line = 1;
  std::vector<std::string> record;
  std::string field;
  std::size_t record_line = 1;
  bool any = false;
  bool quoted = false;  // the record has a quoted field: `""` alone is a value, not a blank line
  auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    const bool blank = record.size() == 1 && record[0].empty() && !quoted;
    if (!blank) {
      if (t.header.empty()) {
        t.header = std::move(record);
      } else {
        if (record.size() != t.header.size())
          throw ParseError(
              t.file, record_line, 0,
              "expected " + std::to_string(t.header.size()) + " fields, found " + std::to_string(record.size()));
        t.rows.push_back(std::move(record));
        t.row_line.push_back(record_line);
      }
    }
    record.clear();
    quoted = false;
  };
  while (i < text.size()) {
    any = true;
    if (record.empty() && field.empty()) record_line = line;
    const char c = text[i];
    if (c == '"' && field.empty()) {
      quoted = true;
      const std::size_t open_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) throw ParseError(t.file, open_line, 0, "unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        throw ParseError(t.file, line, 0, "text after a closing quote");
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
    } else {
      field += c;
      ++i;
    }
  }
  if (any && (!field.empty() || !record.empty())) end_record();
  if (t.header.empty()) throw ParseError(t.file, 1, 0, "empty file: no header line");
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    for (std::size_t d = 0; d < c; ++d)
      if (t.header[c] == t.header[d]) throw ParseError(t.file, 1, c + 1, "duplicate column '" + t.header[c] + "'");
  }
  return t;
}

CsvTable read_csv(const std::string& path) { return parse_csv(read_text_file(path), path); }

}  // namespace aqi::detail
