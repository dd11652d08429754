#include "core/date.h"

#include <ctime>
#include <tuple>

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads an unsigned decimal number made only of digits; false when empty or
// when some character is not a digit.
bool ReadNumber(std::string_view s, int& out) {
    if (s.empty() || s.size() > 9) return false;
    int v = 0;
    for (char c : s) {
        if (!IsDigit(c)) return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

std::optional<Date> Checked(int y, int m, int d) {
    Date date{y, m, d};
    if (!date.Valid()) return std::nullopt;
    return date;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;                                   // [0, 399]
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + doe - 719468;
}

Date CivilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400) + (m <= 2);
    return Date{y, m, d};
}

}  // namespace

bool Date::IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int Date::DaysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && IsLeapYear(y)) return 29;
    return kDays[m - 1];
}

bool Date::Valid() const {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= DaysInMonth(year, month);
}

std::optional<Date> Date::ParseIso(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y, m, d;
    if (!ReadNumber(s.substr(0, 4), y) || !ReadNumber(s.substr(5, 2), m) ||
        !ReadNumber(s.substr(8, 2), d))
        return std::nullopt;
    return Checked(y, m, d);
}

std::optional<Date> Date::ParseVn(std::string_view s) {
    auto slash1 = s.find('/');
    if (slash1 == std::string_view::npos) return std::nullopt;
    auto slash2 = s.find('/', slash1 + 1);
    if (slash2 == std::string_view::npos) return std::nullopt;
    std::string_view ds = s.substr(0, slash1);
    std::string_view ms = s.substr(slash1 + 1, slash2 - slash1 - 1);
    std::string_view ys = s.substr(slash2 + 1);
    if (ds.size() > 2 || ms.size() > 2 || ys.size() != 4) return std::nullopt;
    int y, m, d;
    if (!ReadNumber(ds, d) || !ReadNumber(ms, m) || !ReadNumber(ys, y)) return std::nullopt;
    return Checked(y, m, d);
}

namespace {
std::tm LocalNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return local;
}
}  // namespace

Date Date::Today() {
    const std::tm local = LocalNow();
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string LocalNowText(const char* format) {
    const std::tm local = LocalNow();
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, format, &local);
    return std::string(buf, n);
}

std::string Date::ToIso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

long Date::Serial() const { return DaysFromCivil(year, month, day); }

Date Date::FromSerial(long days) { return CivilFromDays(days); }

Date Date::AddDays(int n) const { return CivilFromDays(Serial() + n); }

int Date::DaysUntil(const Date& other) const { return static_cast<int>(other.Serial() - Serial()); }

int Date::DayOfWeek() const {
    // 1970-01-01 was a Thursday (4).
    long s = Serial();
    long w = (s % 7 + 7 + 4) % 7;
    return static_cast<int>(w);
}

bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
bool operator!=(const Date& a, const Date& b) { return !(a == b); }
bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}
bool operator<=(const Date& a, const Date& b) { return !(b < a); }
bool operator>(const Date& a, const Date& b) { return b < a; }
bool operator>=(const Date& a, const Date& b) { return !(a < b); }

std::string DateRefusal(std::string_view text) {
    if (Date::ParseVn(text)) return {};
    // Day, month and year as numbers, the date itself impossible.
    const auto slash1 = text.find('/');
    const auto slash2 = slash1 == std::string_view::npos ? slash1 : text.find('/', slash1 + 1);
    int d = 0, m = 0, y = 0;
    if (slash2 != std::string_view::npos && slash1 <= 2 && slash2 - slash1 - 1 <= 2 &&
        text.size() - slash2 - 1 == 4 && ReadNumber(text.substr(0, slash1), d) &&
        ReadNumber(text.substr(slash1 + 1, slash2 - slash1 - 1), m) &&
        ReadNumber(text.substr(slash2 + 1), y)) {
        if (m < 1 || m > 12)
            return fmt::format(fmt::runtime(tr("{0} is not a date: there is no month {1}")),
                               std::string(text), m);
        return fmt::format(fmt::runtime(tr("{0} is not a date: {1:02}/{2} has {3} days")),
                           std::string(text), m, y, Date::DaysInMonth(y, m));
    }
    return tr("write the date as dd/mm/yyyy, e.g. 05/01/2026");
}

}  // namespace cchc
