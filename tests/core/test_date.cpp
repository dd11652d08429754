// Tests of core/date.h: parsing, printing, arithmetic and comparison.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/date.h"
#include "printers.h"

using cchc::Date;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parse_iso_valid_round_trip) {
    const std::vector<std::string> good = {"2024-01-05", "2024-02-29", "2000-02-29", "2023-12-31",
                                           "1900-02-28", "0001-01-01", "9999-12-31", "2026-09-30"};
    for (const auto& text : good) {
        BOOST_TEST_CONTEXT("text " << text) {
            auto d = Date::ParseIso(text);
            BOOST_TEST_REQUIRE(d.has_value());
            BOOST_TEST(d->Valid());
            BOOST_TEST(d->ToIso() == text);
        }
    }
    auto d = Date::ParseIso("2024-01-05");
    BOOST_TEST(d->year == 2024);
    BOOST_TEST(d->month == 1);
    BOOST_TEST(d->day == 5);
}

BOOST_AUTO_TEST_CASE(parse_iso_rejects) {
    const std::vector<std::string> bad = {"",
                                          "2024-1-05",
                                          "2024-01-5",
                                          "24-01-05",
                                          "2024/01/05",
                                          "2024-01-05 ",
                                          " 2024-01-05",
                                          "2024-00-10",
                                          "2024-13-01",
                                          "2024-01-00",
                                          "2024-01-32",
                                          "2023-02-29",
                                          "1900-02-29",
                                          "2100-02-29",
                                          "2024-04-31",
                                          "2024-06-31",
                                          "2024-09-31",
                                          "2024-11-31",
                                          "0000-01-01",
                                          "2024-0a-05",
                                          "2024-01-05T",
                                          "+024-01-05",
                                          "2024--1-05",
                                          "20240105"};
    for (const auto& text : bad) {
        BOOST_TEST_CONTEXT("text '" << text << "'") { BOOST_TEST(!Date::ParseIso(text)); }
    }
}

BOOST_AUTO_TEST_CASE(parse_vn) {
    struct Case {
        const char* text;
        const char* iso;  // nullptr: rejected
    };
    const Case cases[] = {
        {"05/01/2024", "2024-01-05"}, {"5/1/2024", "2024-01-05"},  {"29/02/2024", "2024-02-29"},
        {"31/12/2025", "2025-12-31"}, {"1/10/2026", "2026-10-01"}, {"29/02/2023", nullptr},
        {"32/01/2024", nullptr},      {"05/13/2024", nullptr},     {"05/01/24", nullptr},
        {"005/01/2024", nullptr},     {"05-01-2024", nullptr},     {"/01/2024", nullptr},
        {"05/01/2024 ", nullptr},     {"0/1/2024", nullptr},       {"", nullptr},
        {"a5/01/2024", nullptr},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("text '" << c.text << "'") {
            auto d = Date::ParseVn(c.text);
            if (c.iso) {
                BOOST_TEST_REQUIRE(d.has_value());
                BOOST_TEST(d->ToIso() == c.iso);
            } else {
                BOOST_TEST(!d.has_value());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(days_in_month_and_leap_years) {
    struct Case {
        int year, month, days;
    };
    const Case cases[] = {{2024, 1, 31}, {2024, 2, 29},  {2023, 2, 28},  {1900, 2, 28},
                          {2000, 2, 29}, {2100, 2, 28},  {2024, 4, 30},  {2024, 6, 30},
                          {2024, 9, 30}, {2024, 11, 30}, {2024, 12, 31}, {2024, 7, 31},
                          {2024, 0, 0},  {2024, 13, 0}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.year << "-" << c.month) {
            BOOST_TEST(Date::DaysInMonth(c.year, c.month) == c.days);
        }
    }
}

BOOST_AUTO_TEST_CASE(valid) {
    BOOST_TEST(!Date{}.Valid());
    BOOST_TEST((Date{2024, 2, 29}.Valid()));
    BOOST_TEST(!(Date{2023, 2, 29}.Valid()));
    BOOST_TEST(!(Date{2024, 0, 1}.Valid()));
    BOOST_TEST(!(Date{0, 1, 1}.Valid()));
}

BOOST_AUTO_TEST_CASE(add_days_and_days_until) {
    struct Case {
        const char* from;
        int days;
        const char* to;
    };
    const Case cases[] = {
        {"2024-01-05", 0, "2024-01-05"},   {"2024-12-31", 1, "2025-01-01"},
        {"2025-01-01", -1, "2024-12-31"},  {"2024-02-28", 1, "2024-02-29"},
        {"2024-02-29", 1, "2024-03-01"},   {"2023-02-28", 1, "2023-03-01"},
        {"2024-01-01", 366, "2025-01-01"}, {"2025-01-01", 365, "2026-01-01"},
        {"1970-01-01", -1, "1969-12-31"},  {"2000-03-01", -1, "2000-02-29"},
        {"2026-03-14", -89, "2025-12-15"}, {"2024-01-31", 30, "2024-03-01"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.from << " + " << c.days) {
            Date from = *Date::ParseIso(c.from);
            Date to = *Date::ParseIso(c.to);
            BOOST_TEST(from.AddDays(c.days).ToIso() == c.to);
            BOOST_TEST(from.DaysUntil(to) == c.days);
            BOOST_TEST(to.DaysUntil(from) == -c.days);
        }
    }
}

BOOST_AUTO_TEST_CASE(serial_round_trip_every_day) {
    // Every day from 1899-12-01 for about 210 years: each next day is valid,
    // later, one serial further, and converts back.
    Date d{1899, 12, 1};
    long serial = d.Serial();
    int checked = 0;
    for (int i = 0; i < 366 * 210; ++i, ++checked) {
        const Date next = d.AddDays(1);
        const bool ok = next.Valid() && d < next && next.Serial() == serial + 1 &&
                        Date::FromSerial(serial) == d && d.DaysUntil(next) == 1;
        if (!ok) {
            BOOST_TEST(ok, "day after " << d.ToIso() << " is " << next.ToIso());
            break;
        }
        d = next;
        ++serial;
    }
    BOOST_TEST(checked == 366 * 210);
    BOOST_TEST(d.ToIso() == "2110-05-09");
}

BOOST_AUTO_TEST_CASE(day_of_week_sunday_is_zero) {
    struct Case {
        const char* iso;
        int dow;
    };
    const Case cases[] = {{"1970-01-01", 4}, {"2000-01-01", 6}, {"2024-01-05", 5},
                          {"2024-01-07", 0}, {"2024-01-08", 1}, {"2026-01-01", 4},
                          {"1969-12-31", 3}, {"2024-02-29", 4}, {"1900-01-01", 1}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.iso) { BOOST_TEST(Date::ParseIso(c.iso)->DayOfWeek() == c.dow); }
    }
}

BOOST_AUTO_TEST_CASE(today_is_valid) {
    Date t = Date::Today();
    BOOST_TEST(t.Valid());
    BOOST_TEST(t.year >= 2024);
}

BOOST_AUTO_TEST_CASE(comparisons) {
    const Date a{2024, 1, 5}, b{2024, 1, 6}, c{2024, 2, 1}, d{2025, 1, 1};
    BOOST_TEST((a == Date{2024, 1, 5}));
    BOOST_TEST(a != b);
    BOOST_TEST(a < b);
    BOOST_TEST(b < c);
    BOOST_TEST(c < d);
    BOOST_TEST(a <= a);
    BOOST_TEST(a <= b);
    BOOST_TEST(d > c);
    BOOST_TEST(d >= d);
    BOOST_TEST(!(b < a));
    BOOST_TEST(!(a > b));
    BOOST_TEST(!(a >= b));
}

// Why a date typed is not one: an impossible day or month is named, any
// other text is told how to write it; a date gives nothing.
BOOST_AUTO_TEST_CASE(a_date_typed_wrong_says_why) {
    BOOST_TEST(cchc::DateRefusal("05/01/2026").empty());
    const std::string feb = cchc::DateRefusal("31/02/2026");
    BOOST_TEST(feb.find("31/02/2026") != std::string::npos, feb);
    BOOST_TEST(feb.find("02/2026") != std::string::npos, feb);
    BOOST_TEST(feb.find("28") != std::string::npos, feb);
    BOOST_TEST(cchc::DateRefusal("29/02/2028").empty());  // a leap year
    BOOST_TEST(cchc::DateRefusal("30/02/2028").find("29") != std::string::npos);
    BOOST_TEST(cchc::DateRefusal("05/13/2026").find("13") != std::string::npos);
    const std::string text = cchc::DateRefusal("hôm qua");
    BOOST_TEST(text.find("05/01/2026") != std::string::npos, text);  // how to write it
    BOOST_TEST(cchc::DateRefusal("2026-01-05").find("05/01/2026") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
