// A calendar date (proleptic Gregorian, no time of day, no time zone) as used
// in reporting periods, document datelines and stored records. Printed and
// parsed as ISO "2024-01-05" for files and the database, and as "05/01/2024"
// the way Vietnamese users write it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cchc {

// Why a text typed as a date (dd/mm/yyyy) is not one, as a sentence for
// the user: a day or month that does not exist is named ("31/02/2026 is
// not a date: 02/2026 has 28 days"); anything else is told how to write
// it. Empty when the text is a date.
std::string DateRefusal(std::string_view text);

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..DaysInMonth(year, month)

    // "2024-01-05": exactly four-digit year, two-digit month and day, and a
    // real calendar date (29 February only in leap years). Year 0001..9999.
    static std::optional<Date> ParseIso(std::string_view text);
    // "05/01/2024" or "5/1/2024": day and month of one or two digits, a
    // four-digit year, day first. Surrounding spaces are not accepted.
    static std::optional<Date> ParseVn(std::string_view text);
    // The current date in the local time zone.
    static Date Today();
    static bool IsLeapYear(int year);
    // 28..31; 0 when month is not 1..12.
    static int DaysInMonth(int year, int month);

    // True for a real calendar date with year 1..9999. A default-constructed
    // Date (0-0-0) is not valid and stands for "no date".
    bool Valid() const;
    // "2024-01-05" (the year zero-padded to four digits).
    std::string ToIso() const;
    // The date n days later (earlier when n < 0). Requires Valid().
    Date AddDays(int n) const;
    // other minus this, in days: Date{2024,1,1}.DaysUntil({2024,1,31}) == 30.
    int DaysUntil(const Date& other) const;
    // 0 = Sunday, 1 = Monday, ..., 6 = Saturday (like struct tm's tm_wday).
    int DayOfWeek() const;
    // Days since 1970-01-01 (negative before it); the inverse of FromSerial.
    long Serial() const;
    static Date FromSerial(long days);
};

bool operator==(const Date& a, const Date& b);
bool operator!=(const Date& a, const Date& b);
bool operator<(const Date& a, const Date& b);
bool operator<=(const Date& a, const Date& b);
bool operator>(const Date& a, const Date& b);
bool operator>=(const Date& a, const Date& b);

// The machine's local time now, written by strftime's `format` (at most
// 63 characters long): one place that asks the clock, on every system.
std::string LocalNowText(const char* format);

}  // namespace cchc
