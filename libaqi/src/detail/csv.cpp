#include "aqi/detail/csv.hpp"

#include "aqi/detail/files.hpp"

namespace aqi::detail {

// One pass over the text: fields, quoted fields and records, each record checked against the
// header's width as it ends.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string file) : text_(text) { table_.file = std::move(file); }

  CsvTable run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // spreadsheets write a BOM
    const bool any = i_ < text_.size();
    while (i_ < text_.size()) next();
    if (any && (!field_.empty() || !record_.empty())) end_record();  // the last line without a newline
    check_header();
    return std::move(table_);
  }

 private:
  void next() {
    if (record_.empty() && field_.empty()) record_line_ = line_;
    const char c = text_[i_];
    if (c == '"' && field_.empty()) {
      quoted_field();
    } else if (c == ',') {
      end_field();
      ++i_;
    } else if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
      ++i_;
      ++line_;
    } else {
      field_ += c;
      ++i_;
    }
  }

  // RFC 4180: a field in quotes may hold commas, newlines and doubled quotes.
  void quoted_field() {
    quoted_ = true;
    const std::size_t open_line = line_;
    ++i_;
    for (;;) {
      if (i_ >= text_.size()) throw ParseError(table_.file, open_line, 0, "unterminated quoted field");
      if (text_[i_] == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          field_ += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      if (text_[i_] == '\n') ++line_;
      field_ += text_[i_++];
    }
    if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r')
      throw ParseError(table_.file, line_, 0, "text after a closing quote");
  }

  void end_field() {
    record_.push_back(std::move(field_));
    field_.clear();
  }

  // A blank line is skipped; `""` alone is a value (the record has a quoted field), not a blank.
  void end_record() {
    end_field();
    const bool blank = record_.size() == 1 && record_[0].empty() && !quoted_;
    if (!blank) {
      if (table_.header.empty()) {
        table_.header = std::move(record_);
      } else {
        if (record_.size() != table_.header.size())
          throw ParseError(
              table_.file, record_line_, 0,
              "expected " + std::to_string(table_.header.size()) + " fields, found " + std::to_string(record_.size()));
        table_.rows.push_back(std::move(record_));
        table_.row_line.push_back(record_line_);
      }
    }
    record_.clear();
    quoted_ = false;
  }

  void check_header() const {
    const auto& header = table_.header;
    if (header.empty()) throw ParseError(table_.file, 1, 0, "empty file: no header line");
    for (std::size_t c = 0; c < header.size(); ++c)
      for (std::size_t d = 0; d < c; ++d)
        if (header[c] == header[d]) throw ParseError(table_.file, 1, c + 1, "duplicate column '" + header[c] + "'");
  }

  std::string_view text_;
  CsvTable table_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::vector<std::string> record_;
  std::string field_;
  std::size_t record_line_ = 1;
  bool quoted_ = false;  // the record has a quoted field
};

CsvTable parse_csv(std::string_view text, std::string file) { return CsvReader(text, std::move(file)).run(); }

CsvTable read_csv(const std::string& path) { return parse_csv(read_text_file(path), path); }

}  // namespace aqi::detail
