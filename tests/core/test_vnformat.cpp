// Tests of core/vnformat.h: Vietnamese numbers, percentages, dates in words,
// document numbers, parsing of typed numbers, Roman numerals, machine output.
#include <boost/test/unit_test.hpp>

#include <climits>
#include <cmath>
#include <limits>
#include <string>

#include "core/text.h"
#include "core/vnformat.h"

using cchc::Date;

BOOST_AUTO_TEST_SUITE(vnformat)

BOOST_AUTO_TEST_CASE(format_integer) {
    const std::pair<long long, const char*> cases[] = {
        {0, "0"},
        {7, "7"},
        {999, "999"},
        {1000, "1.000"},
        {-1000, "-1.000"},
        {-1234, "-1.234"},
        {12345, "12.345"},
        {123456, "123.456"},
        {1234567, "1.234.567"},
        {-999999, "-999.999"},
        {LLONG_MAX, "9.223.372.036.854.775.807"},
        {LLONG_MIN, "-9.223.372.036.854.775.808"},
    };
    for (const auto& [value, text] : cases) {
        BOOST_TEST_CONTEXT(value) { BOOST_TEST(cchc::FormatInteger(value) == text); }
    }
}

// Rounding rule: the shortest decimal form of the double, rounded half away
// from zero (99.125 -> 99,13; 1.005 -> 1,01 although its binary value is a
// little below 1.005); no "-0".
BOOST_AUTO_TEST_CASE(format_decimal) {
    struct Case {
        double value;
        int decimals;
        const char* text;
    };
    const Case cases[] = {
        {1234.5, 2, "1.234,50"},
        {99.125, 2, "99,13"},
        {-99.125, 2, "-99,13"},
        {99.124, 2, "99,12"},
        {1.005, 2, "1,01"},
        {2.675, 2, "2,68"},
        {0.125, 2, "0,13"},
        {-0.004, 2, "0,00"},
        {-0.005, 2, "-0,01"},
        {0.5, 0, "1"},
        {-0.5, 0, "-1"},
        {1.5, 0, "2"},
        {2.5, 0, "3"},
        {-0.4, 0, "0"},
        {-0.0, 2, "0,00"},
        {999.995, 2, "1.000,00"},
        {999999.5, 0, "1.000.000"},
        {0, 2, "0,00"},
        {0, 0, "0"},
        {1e15, 0, "1.000.000.000.000.000"},
        {-1234567.891, 1, "-1.234.567,9"},
        {0.1, 3, "0,100"},
        {12.3456789, 4, "12,3457"},
        {5, -1, "5"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.value << " with " << c.decimals) {
            BOOST_TEST(cchc::FormatDecimal(c.value, c.decimals) == c.text);
        }
    }
    BOOST_TEST(cchc::FormatDecimal(std::nan(""), 2) == "NaN");
    BOOST_TEST(cchc::FormatDecimal(std::numeric_limits<double>::infinity(), 2) == "∞");
    BOOST_TEST(cchc::FormatDecimal(-std::numeric_limits<double>::infinity(), 2) == "-∞");
    // Extremes do not overflow the buffer.
    BOOST_TEST(cchc::FormatDecimal(std::numeric_limits<double>::max(), 2).size() > 400u);
    BOOST_TEST(cchc::FormatDecimal(std::numeric_limits<double>::denorm_min(), 2) == "0,00");
    BOOST_TEST(cchc::FormatDecimal(-std::numeric_limits<double>::denorm_min(), 2) == "0,00");
}

BOOST_AUTO_TEST_CASE(format_number_trim) {
    struct Case {
        double value;
        int maxDecimals;
        const char* text;
    };
    const Case cases[] = {
        {17.5, 2, "17,5"},         {18, 2, "18"},      {83.333, 2, "83,33"}, {-0.001, 2, "0"},
        {1234.5, 2, "1.234,5"},    {99.995, 2, "100"}, {0.10, 3, "0,1"},     {-2.50, 2, "-2,5"},
        {1234567, 0, "1.234.567"}, {0.05, 1, "0,1"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.value << " up to " << c.maxDecimals) {
            BOOST_TEST(cchc::FormatNumberTrim(c.value, c.maxDecimals) == c.text);
        }
    }
}

BOOST_AUTO_TEST_CASE(format_percent) {
    BOOST_TEST(cchc::FormatPercent(99.12) == "99,12%");
    BOOST_TEST(cchc::FormatPercent(99.125) == "99,13%");
    BOOST_TEST(cchc::FormatPercent(100) == "100,00%");
    BOOST_TEST(cchc::FormatPercent(0) == "0,00%");
    BOOST_TEST(cchc::FormatPercent(83.333, 1) == "83,3%");
    BOOST_TEST(cchc::FormatPercent(-0.001) == "0,00%");
    BOOST_TEST(cchc::FormatPercentTrim(100) == "100%");
    BOOST_TEST(cchc::FormatPercentTrim(83.3) == "83,3%");
    BOOST_TEST(cchc::FormatPercentTrim(83.333) == "83,33%");
    BOOST_TEST(cchc::FormatPercentTrim(99.999) == "100%");
    BOOST_TEST(cchc::FormatPercentTrim(2.0 / 3.0 * 100, 1) == "66,7%");
}

BOOST_AUTO_TEST_CASE(format_machine) {
    struct Case {
        double value;
        int maxDecimals;
        const char* text;
    };
    const Case cases[] = {
        {83.33, 4, "83.33"},       {18, 4, "18"},
        {83.333333, 4, "83.3333"}, {83.33333, 2, "83.33"},
        {-0.00001, 4, "0"},        {1234567.5, 4, "1234567.5"},
        {-12.5, 0, "-13"},         {0.1 + 0.2, 4, "0.3"},
        {2.0 / 3.0, 4, "0.6667"},  {1e15, 4, "1000000000000000"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.value << " up to " << c.maxDecimals) {
            BOOST_TEST(cchc::FormatMachine(c.value, c.maxDecimals) == c.text);
        }
    }
    BOOST_TEST(cchc::FormatMachine(100.0 / 3.0) == "33.3333");
    BOOST_TEST(cchc::FormatMachine(std::nan("")) == "");
}

BOOST_AUTO_TEST_CASE(dates) {
    struct Case {
        Date date;
        const char* numeric;
        const char* words;
    };
    const Case cases[] = {
        {{2024, 1, 5}, "05/01/2024", "ngày 05 tháng 01 năm 2024"},
        {{2024, 3, 15}, "15/03/2024", "ngày 15 tháng 3 năm 2024"},
        {{2024, 12, 28}, "28/12/2024", "ngày 28 tháng 12 năm 2024"},
        {{2026, 2, 9}, "09/02/2026", "ngày 09 tháng 02 năm 2026"},
        {{2026, 10, 1}, "01/10/2026", "ngày 01 tháng 10 năm 2026"},
        {{2025, 9, 30}, "30/09/2025", "ngày 30 tháng 9 năm 2025"},
        {{2025, 2, 10}, "10/02/2025", "ngày 10 tháng 02 năm 2025"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.date.ToIso()) {
            BOOST_TEST(cchc::FormatDate(c.date) == c.numeric);
            BOOST_TEST(cchc::FormatDateWords(c.date) == c.words);
            BOOST_TEST(Date::ParseVn(c.numeric)->ToIso() == c.date.ToIso());
        }
    }
    BOOST_TEST(cchc::FormatPlaceDate("Tây Xuân", Date{2024, 1, 5}) ==
               "Tây Xuân, ngày 05 tháng 01 năm 2024");
    BOOST_TEST(cchc::FormatPlaceDate("", Date{2024, 3, 15}) == "ngày 15 tháng 3 năm 2024");
}

BOOST_AUTO_TEST_CASE(doc_numbers) {
    BOOST_TEST(cchc::FormatDocNumber(5, "KH", "UBND") == "Số: 05/KH-UBND");
    BOOST_TEST(cchc::FormatDocNumber(12, "BC", "UBND") == "Số: 12/BC-UBND");
    BOOST_TEST(cchc::FormatDocNumber(1, "BC", "UBND") == "Số: 01/BC-UBND");
    BOOST_TEST(cchc::FormatDocNumber(10, "KH", "UBND") == "Số: 10/KH-UBND");
    BOOST_TEST(cchc::FormatDocNumber(123, "BC", "VP") == "Số: 123/BC-VP");
    BOOST_TEST(cchc::FormatDocNumber(7, "BC", "") == "Số: 07/BC");
    BOOST_TEST(cchc::FormatDocNumber(0, "KH", "UBND") == "Số:     /KH-UBND");
}

BOOST_AUTO_TEST_CASE(parse_vn_number) {
    struct Case {
        const char* text;
        double value;
    };
    const Case good[] = {
        {"99,12", 99.12},
        {"1.234,5", 1234.5},
        {"1234.5", 1234.5},
        {"83%", 83},
        {"99,12%", 99.12},
        {"99,12 %", 99.12},
        {"1.234", 1234},
        {"1.234.567", 1234567},
        {"1.234.567,89", 1234567.89},
        {"0.125", 0.125},
        {"12.34", 12.34},
        {"1.5", 1.5},
        {"1234.567", 1234.567},
        {"-3", -3},
        {"+3", 3},
        {" 7 ", 7},
        {"-1.234,5", -1234.5},
        {"0", 0},
        {"0,5", 0.5},
        {"1234", 1234},
        {"-0", 0},
        {"100%", 100},
        {"012", 12},
    };
    for (const auto& c : good) {
        BOOST_TEST_CONTEXT("text '" << c.text << "'") {
            auto v = cchc::ParseVnNumber(c.text);
            BOOST_TEST_REQUIRE(v.has_value());
            BOOST_TEST(*v == c.value, boost::test_tools::tolerance(1e-12));
        }
    }
    const char* bad[] = {"",          "abc", "1,234.5", "1.23.4",     ",5",  "5,",
                         "1,2,3",     "%",   "-",       "1e5",        "12a", "1 234",
                         ".5",        "5.",  "1..2",    "1.2345.678", "--1", "1.234,",
                         "0.123.456", "nan", "inf",     "1,5%%"};
    for (const char* text : bad) {
        BOOST_TEST_CONTEXT("text '" << text << "'") { BOOST_TEST(!cchc::ParseVnNumber(text)); }
    }
    // What the formatter prints reads back.
    for (double v : {0.0, 17.5, -1234.5, 99.12, 1234567.25}) {
        BOOST_TEST_CONTEXT(v) {
            BOOST_TEST(*cchc::ParseVnNumber(cchc::FormatNumberTrim(v, 4)) == v);
            BOOST_TEST(*cchc::ParseVnNumber(cchc::FormatPercentTrim(v, 4)) == v);
        }
    }
}

BOOST_AUTO_TEST_CASE(roman) {
    const std::pair<int, const char*> cases[] = {
        {1, "I"},    {2, "II"},      {3, "III"},        {4, "IV"},        {5, "V"},
        {9, "IX"},   {12, "XII"},    {14, "XIV"},       {40, "XL"},       {90, "XC"},
        {400, "CD"}, {900, "CM"},    {1994, "MCMXCIV"}, {2026, "MMXXVI"}, {3999, "MMMCMXCIX"},
        {0, "0"},    {4000, "4000"}, {-3, "-3"},
    };
    for (const auto& [value, text] : cases) {
        BOOST_TEST_CONTEXT(value) { BOOST_TEST(cchc::ToRoman(value) == text); }
    }
}

BOOST_AUTO_TEST_CASE(trim_and_vietnamese_capitals) {
    BOOST_TEST(cchc::Trim("  Tây Xuân\t\r\n") == "Tây Xuân");
    BOOST_TEST(cchc::Trim(" \t ").empty());
    BOOST_TEST(cchc::UpperVi("UBND huyện Tây Sơn") == "UBND HUYỆN TÂY SƠN");
    BOOST_TEST(cchc::UpperVi("ủy ban nhân dân xã Đắk Sơng") == "ỦY BAN NHÂN DÂN XÃ ĐẮK SƠNG");
    BOOST_TEST(cchc::UpperVi("phường Ỷ La, ỹ ự ừ ợ") == "PHƯỜNG Ỷ LA, Ỹ Ự Ừ Ợ");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(vnformat_times)

BOOST_AUTO_TEST_CASE(stored_times_read_as_day_month_year_hours_minutes) {
    BOOST_TEST(cchc::FormatDateTime("2024-01-05T14:03:22") == "05/01/2024 14:03");
    BOOST_TEST(cchc::FormatDateTime("2024-01-05 09:41") == "05/01/2024 09:41");
    BOOST_TEST(cchc::FormatDateTime("2024-01-05") == "05/01/2024");
    BOOST_TEST(cchc::FormatDateTime("") == "");
    BOOST_TEST(cchc::FormatDateTime("hôm qua") == "hôm qua");
}

BOOST_AUTO_TEST_SUITE_END()
