// Reporting periods of periodic CCHC reports (year, half year, nine months,
// quarter, month) and the date windows their data is counted in: either the
// natural calendar or the cut-off of Decree 09/2019/NĐ-CP, where a month
// runs from the 15th of the previous month to the 14th.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace cchc {

// Declared from the longest to the shortest; Period's ordering relies on it.
enum class PeriodKind { Year, Half, NineMonths, Quarter, Month };
enum class WindowKind { Calendar, CutOff };

// Both ends included.
struct DateRange {
    Date first;
    Date last;
    bool Contains(Date d) const { return first <= d && d <= last; }
    // Number of days in the range (last - first + 1).
    int Days() const { return first.DaysUntil(last) + 1; }
};

class Period {
  public:
    // Exactly "2026", "2026-H1", "2026-H2", "2026-9M", "2026-Q1".."2026-Q4",
    // "2026-01".."2026-12" (h, q and m may be lower case); years 1900..2999.
    // Anything else (spaces, "2026-Q5", "2026-13", "2026-1") is rejected.
    static std::optional<Period> Parse(std::string_view text);

    // The factories throw std::invalid_argument for an index out of range
    // (quarter 1..4, month 1..12, half 1..2) or a year outside 1..9999.
    static Period Year(int year);
    static Period Half(int year, int half);
    static Period NineMonths(int year);
    static Period Quarter(int year, int quarter);
    static Period Month(int year, int month);

    // The period of that kind whose window contains the date. Under CutOff a
    // date from the 15th on belongs to the next month: 20/12/2025 is in year
    // 2026, Q1 2026 and month 2026-01. NineMonths has no window from October
    // on (calendar; 15/09 under cut-off) to the end of the year: there the
    // result is that year's nine months, whose window ends before the date.
    static Period Containing(PeriodKind kind, Date date, WindowKind window);

    PeriodKind kind() const { return kind_; }
    int year() const { return year_; }
    // Half 1..2, quarter 1..4, month 1..12; 0 for Year and NineMonths.
    int index() const { return index_; }

    // The canonical text accepted by Parse: "2026-Q3", "2026-09", ...
    std::string ToString() const;
    // "Quý III/2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026",
    // "9 tháng năm 2026", "Năm 2026", "Tháng 09/2026" in Vietnamese. Built
    // with tr() from the English msgids "Year {0}", "First 6 months of {0}",
    // "Last 6 months of {0}", "First 9 months of {0}", "Quarter {0}/{1}"
    // (Roman numeral) and "Month {0}/{1}" (two-digit month), so without a
    // catalog: "Quarter III/2026", "Month 09/2026".
    std::string Label() const;

    // Calendar: first day of the first month to the last day of the last
    // month. CutOff: the 15th of the month before the first month to the
    // 14th of the last month (Q1 2026: 15/12/2025 - 14/03/2026).
    DateRange Window(WindowKind window) const;

    // The period of the same kind just before / after: Q1 2026 -> Q4 2025,
    // 2026-01 -> 2025-12, H1 -> H2 of the previous year; Year and
    // NineMonths step by a year.
    Period Previous() const;
    Period Next() const;

    // The calendar months the period covers, in order (a Month gives itself).
    std::vector<Period> Months() const;
    // First and last calendar month (1..12) the period covers.
    int FirstMonth() const;
    int LastMonth() const;

    // Equal when kind, year and index are equal. Ordered by the start of the
    // window, then by kind (Year < Half < NineMonths < Quarter < Month), so
    // Year 2026 < 2026-H1 < 2026-9M < 2026-Q1 < 2026-01 < 2026-02.
    bool operator==(const Period& o) const;
    bool operator!=(const Period& o) const { return !(*this == o); }
    bool operator<(const Period& o) const;
    bool operator>(const Period& o) const { return o < *this; }
    bool operator<=(const Period& o) const { return !(o < *this); }
    bool operator>=(const Period& o) const { return !(*this < o); }

  private:
    Period(PeriodKind kind, int year, int index) : kind_(kind), year_(year), index_(index) {}

    PeriodKind kind_;
    int year_;
    int index_;
};

// The periods a report is usually made for around a day, the most likely
// first: the quarter containing it and the three before it; the half year,
// nine months and year it falls in and the year before; then (with months)
// the month containing it and the eleven before it.
std::vector<Period> RecentPeriods(Date today, WindowKind window, bool withMonths);

// The reporting window as the settings name it ("Calendar months and
// quarters", translated).
std::string WindowKindLabel(WindowKind window);

// Keys used in files and on the command line: "year", "half", "9m",
// "quarter", "month".
std::string_view PeriodKindKey(PeriodKind kind);
std::optional<PeriodKind> PeriodKindFromKey(std::string_view key);

// The period written as text; UserError (field "period") saying how a
// period is written when it is not one.
Period PeriodOrError(std::string_view text);

}  // namespace cchc
