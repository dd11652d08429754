#include "core/period.h"

#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"

namespace cchc {
namespace {

constexpr int kMinParseYear = 1900;
constexpr int kMaxParseYear = 2999;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void CheckYear(int year) {
    if (year < 1 || year > 9999) throw std::invalid_argument("period year out of range");
}

// Formats a translated pattern; falls back to the English msgid when a
// translation has broken placeholders.
template <typename... Args>
std::string FormatTr(const char* msgid, const Args&... args) {
    try {
        return fmt::format(fmt::runtime(tr(msgid)), args...);
    } catch (const fmt::format_error&) {
        return fmt::format(fmt::runtime(msgid), args...);
    }
}

}  // namespace

std::string_view PeriodKindKey(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::Year:
            return "year";
        case PeriodKind::Half:
            return "half";
        case PeriodKind::NineMonths:
            return "9m";
        case PeriodKind::Quarter:
            return "quarter";
        case PeriodKind::Month:
            return "month";
    }
    return "year";
}

std::optional<PeriodKind> PeriodKindFromKey(std::string_view key) {
    for (PeriodKind k : {PeriodKind::Year, PeriodKind::Half, PeriodKind::NineMonths,
                         PeriodKind::Quarter, PeriodKind::Month})
        if (key == PeriodKindKey(k)) return k;
    return std::nullopt;
}

Period Period::Year(int year) {
    CheckYear(year);
    return Period(PeriodKind::Year, year, 0);
}

Period Period::Half(int year, int half) {
    CheckYear(year);
    if (half < 1 || half > 2) throw std::invalid_argument("half year must be 1 or 2");
    return Period(PeriodKind::Half, year, half);
}

Period Period::NineMonths(int year) {
    CheckYear(year);
    return Period(PeriodKind::NineMonths, year, 0);
}

Period Period::Quarter(int year, int quarter) {
    CheckYear(year);
    if (quarter < 1 || quarter > 4) throw std::invalid_argument("quarter must be 1..4");
    return Period(PeriodKind::Quarter, year, quarter);
}

Period Period::Month(int year, int month) {
    CheckYear(year);
    if (month < 1 || month > 12) throw std::invalid_argument("month must be 1..12");
    return Period(PeriodKind::Month, year, month);
}

std::optional<Period> Period::Parse(std::string_view s) {
    if (s.size() < 4) return std::nullopt;
    for (int i = 0; i < 4; ++i)
        if (!IsDigit(s[i])) return std::nullopt;
    const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (year < kMinParseYear || year > kMaxParseYear) return std::nullopt;
    if (s.size() == 4) return Year(year);
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    const char a = s[5], b = s[6];
    if ((a == 'H' || a == 'h') && (b == '1' || b == '2')) return Half(year, b - '0');
    if ((a == 'Q' || a == 'q') && b >= '1' && b <= '4') return Quarter(year, b - '0');
    if (a == '9' && (b == 'M' || b == 'm')) return NineMonths(year);
    if (IsDigit(a) && IsDigit(b)) {
        const int month = (a - '0') * 10 + (b - '0');
        if (month >= 1 && month <= 12) return Month(year, month);
    }
    return std::nullopt;
}

std::string Period::ToString() const {
    switch (kind_) {
        case PeriodKind::Year:
            return fmt::format("{:04}", year_);
        case PeriodKind::Half:
            return fmt::format("{:04}-H{}", year_, index_);
        case PeriodKind::NineMonths:
            return fmt::format("{:04}-9M", year_);
        case PeriodKind::Quarter:
            return fmt::format("{:04}-Q{}", year_, index_);
        case PeriodKind::Month:
            return fmt::format("{:04}-{:02}", year_, index_);
    }
    return {};
}

std::string Period::Label() const {
    switch (kind_) {
        case PeriodKind::Year:
            return FormatTr("Year {0}", year_);
        case PeriodKind::Half:
            return index_ == 1 ? FormatTr("First 6 months of {0}", year_)
                               : FormatTr("Last 6 months of {0}", year_);
        case PeriodKind::NineMonths:
            return FormatTr("First 9 months of {0}", year_);
        case PeriodKind::Quarter:
            return FormatTr("Quarter {0}/{1}", ToRoman(index_), year_);
        case PeriodKind::Month:
            return FormatTr("Month {0}/{1}", fmt::format("{:02}", index_), year_);
    }
    return {};
}

int Period::FirstMonth() const {
    switch (kind_) {
        case PeriodKind::Year:
        case PeriodKind::NineMonths:
            return 1;
        case PeriodKind::Half:
            return index_ == 1 ? 1 : 7;
        case PeriodKind::Quarter:
            return 3 * index_ - 2;
        case PeriodKind::Month:
            return index_;
    }
    return 1;
}

int Period::LastMonth() const {
    switch (kind_) {
        case PeriodKind::Year:
            return 12;
        case PeriodKind::NineMonths:
            return 9;
        case PeriodKind::Half:
            return index_ == 1 ? 6 : 12;
        case PeriodKind::Quarter:
            return 3 * index_;
        case PeriodKind::Month:
            return index_;
    }
    return 12;
}

DateRange Period::Window(WindowKind window) const {
    const int first = FirstMonth(), last = LastMonth();
    if (window == WindowKind::Calendar)
        return {Date{year_, first, 1}, Date{year_, last, Date::DaysInMonth(year_, last)}};
    const Date start = first == 1 ? Date{year_ - 1, 12, 15} : Date{year_, first - 1, 15};
    return {start, Date{year_, last, 14}};
}

Period Period::Previous() const {
    switch (kind_) {
        case PeriodKind::Year:
            return Year(year_ - 1);
        case PeriodKind::NineMonths:
            return NineMonths(year_ - 1);
        case PeriodKind::Half:
            return index_ == 1 ? Half(year_ - 1, 2) : Half(year_, 1);
        case PeriodKind::Quarter:
            return index_ == 1 ? Quarter(year_ - 1, 4) : Quarter(year_, index_ - 1);
        case PeriodKind::Month:
            return index_ == 1 ? Month(year_ - 1, 12) : Month(year_, index_ - 1);
    }
    return *this;
}

Period Period::Next() const {
    switch (kind_) {
        case PeriodKind::Year:
            return Year(year_ + 1);
        case PeriodKind::NineMonths:
            return NineMonths(year_ + 1);
        case PeriodKind::Half:
            return index_ == 2 ? Half(year_ + 1, 1) : Half(year_, 2);
        case PeriodKind::Quarter:
            return index_ == 4 ? Quarter(year_ + 1, 1) : Quarter(year_, index_ + 1);
        case PeriodKind::Month:
            return index_ == 12 ? Month(year_ + 1, 1) : Month(year_, index_ + 1);
    }
    return *this;
}

std::vector<Period> Period::Months() const {
    std::vector<Period> out;
    for (int m = FirstMonth(); m <= LastMonth(); ++m) out.push_back(Month(year_, m));
    return out;
}

Period Period::Containing(PeriodKind kind, Date date, WindowKind window) {
    int year = date.year, month = date.month;
    if (window == WindowKind::CutOff && date.day >= 15) {
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    switch (kind) {
        case PeriodKind::Year:
            return Year(year);
        case PeriodKind::Half:
            return Half(year, month <= 6 ? 1 : 2);
        case PeriodKind::NineMonths:
            return NineMonths(year);
        case PeriodKind::Quarter:
            return Quarter(year, (month + 2) / 3);
        case PeriodKind::Month:
            return Month(year, month);
    }
    return Year(year);
}

bool Period::operator==(const Period& o) const {
    return kind_ == o.kind_ && year_ == o.year_ && index_ == o.index_;
}

bool Period::operator<(const Period& o) const {
    // The calendar start orders the same way as the cut-off start.
    const int a = year_ * 12 + FirstMonth(), b = o.year_ * 12 + o.FirstMonth();
    return std::make_tuple(a, static_cast<int>(kind_), index_) <
           std::make_tuple(b, static_cast<int>(o.kind_), o.index_);
}

}  // namespace cchc

namespace cchc {

std::string WindowKindLabel(WindowKind window) {
    return window == WindowKind::CutOff ? tr("Data cut-off of Decree 09/2019/ND-CP (15th to 14th)")
                                        : tr("Calendar months and quarters");
}

std::vector<Period> RecentPeriods(Date today, WindowKind window, bool withMonths) {
    std::vector<Period> out;
    Period q = Period::Containing(PeriodKind::Quarter, today, window);
    for (int i = 0; i < 4; ++i, q = q.Previous()) out.push_back(q);
    const Period year = Period::Containing(PeriodKind::Year, today, window);
    out.push_back(Period::Half(year.year(), 1));
    out.push_back(Period::NineMonths(year.year()));
    out.push_back(Period::Half(year.year(), 2));
    out.push_back(year);
    out.push_back(year.Previous());
    if (withMonths) {
        Period m = Period::Containing(PeriodKind::Month, today, window);
        for (int i = 0; i < 12; ++i, m = m.Previous()) out.push_back(m);
    }
    return out;
}

Period PeriodOrError(std::string_view text) {
    if (auto p = Period::Parse(text)) return *p;
    throw UserError(
        Location{"", 0, "period"},
        fmt::format(fmt::runtime(
                        tr("not a period (write 2026, 2026-H1, 2026-9M, 2026-Q3 or 2026-09): {0}")),
                    Excerpt(text)));
}

}  // namespace cchc
