// Errors a user can act on. UserError carries where the problem is (file,
// line, field or control) so that the command line and the client can name
// it; its what() is the full one-line message, already translated.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace cchc {

struct Location {
    std::string file;   // file name as the user gave it, or empty
    long line = 0;      // 1-based line (header is line 1), 0 when unknown
    std::string field;  // column key or control name, or empty
};

class UserError : public std::runtime_error {
  public:
    explicit UserError(const std::string& message)
        : std::runtime_error(message), message_(message) {}
    UserError(Location where, const std::string& message);
    const Location& where() const { return where_; }
    const std::string& message() const { return message_; }

  private:
    Location where_;
    std::string message_;
};

// "units.csv, dòng 3, cột parent: ..." (or the parts that are known).
std::string FormatLocation(const Location& where);

// Problems found when checking a record before it is stored; one per field.
struct FieldProblem {
    std::string field;
    std::string message;
};
using Problems = std::vector<FieldProblem>;

}  // namespace cchc
