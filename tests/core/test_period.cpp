// Tests of core/period.h: parsing and printing, calendar and cut-off
// windows (Decree 09/2019/NĐ-CP), stepping, Containing(), ordering, labels.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/i18n.h"
#include "core/period.h"
#include "printers.h"
#include "support/test_support.h"

using cchc::Date;
using cchc::Period;
using cchc::PeriodKind;
using cchc::WindowKind;

namespace {

Period P(const char* text) {
    auto p = Period::Parse(text);
    if (!p) throw std::logic_error(std::string("test period does not parse: ") + text);
    return *p;
}

Date D(const char* iso) {
    auto d = Date::ParseIso(iso);
    if (!d) throw std::logic_error(std::string("test date does not parse: ") + iso);
    return *d;
}

const char* WindowName(WindowKind w) { return w == WindowKind::Calendar ? "calendar" : "cut-off"; }

const PeriodKind kAllKinds[] = {PeriodKind::Year, PeriodKind::Half, PeriodKind::NineMonths,
                                PeriodKind::Quarter, PeriodKind::Month};
const WindowKind kAllWindows[] = {WindowKind::Calendar, WindowKind::CutOff};

// Writes a gettext .mo catalog holding the given (msgid, msgstr) pairs.
std::string MoFile(const std::vector<std::pair<std::string, std::string>>& entries) {
    auto put32 = [](std::string& out, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::uint32_t origTab = 28, transTab = origTab + 8 * n;
    std::uint32_t offset = transTab + 8 * n;
    std::string head, tables, strings;
    put32(head, 0x950412de);
    put32(head, 0);
    put32(head, n);
    put32(head, origTab);
    put32(head, transTab);
    put32(head, 0);
    put32(head, 0);
    std::string orig, trans;
    for (const auto& e : entries) {
        put32(orig, static_cast<std::uint32_t>(e.first.size()));
        put32(orig, offset);
        strings += e.first + '\0';
        offset += static_cast<std::uint32_t>(e.first.size() + 1);
    }
    for (const auto& e : entries) {
        put32(trans, static_cast<std::uint32_t>(e.second.size()));
        put32(trans, offset);
        strings += e.second + '\0';
        offset += static_cast<std::uint32_t>(e.second.size() + 1);
    }
    return head + orig + trans + strings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(period)

BOOST_AUTO_TEST_CASE(parse_print_round_trip) {
    struct Case {
        const char* text;
        PeriodKind kind;
        int year, index;
    };
    const Case cases[] = {
        {"2026", PeriodKind::Year, 2026, 0},       {"2026-H1", PeriodKind::Half, 2026, 1},
        {"2026-H2", PeriodKind::Half, 2026, 2},    {"2026-9M", PeriodKind::NineMonths, 2026, 0},
        {"2026-Q1", PeriodKind::Quarter, 2026, 1}, {"2026-Q2", PeriodKind::Quarter, 2026, 2},
        {"2026-Q3", PeriodKind::Quarter, 2026, 3}, {"2026-Q4", PeriodKind::Quarter, 2026, 4},
        {"2026-01", PeriodKind::Month, 2026, 1},   {"2026-02", PeriodKind::Month, 2026, 2},
        {"2026-03", PeriodKind::Month, 2026, 3},   {"2026-04", PeriodKind::Month, 2026, 4},
        {"2026-05", PeriodKind::Month, 2026, 5},   {"2026-06", PeriodKind::Month, 2026, 6},
        {"2026-07", PeriodKind::Month, 2026, 7},   {"2026-08", PeriodKind::Month, 2026, 8},
        {"2026-09", PeriodKind::Month, 2026, 9},   {"2026-10", PeriodKind::Month, 2026, 10},
        {"2026-11", PeriodKind::Month, 2026, 11},  {"2026-12", PeriodKind::Month, 2026, 12},
        {"1900", PeriodKind::Year, 1900, 0},       {"2999-12", PeriodKind::Month, 2999, 12},
        {"1900-Q1", PeriodKind::Quarter, 1900, 1}, {"2999-9M", PeriodKind::NineMonths, 2999, 0},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("text " << c.text) {
            auto p = Period::Parse(c.text);
            BOOST_TEST_REQUIRE(p.has_value());
            BOOST_TEST((p->kind() == c.kind));
            BOOST_TEST(p->year() == c.year);
            BOOST_TEST(p->index() == c.index);
            BOOST_TEST(p->ToString() == c.text);
            BOOST_TEST(Period::Parse(p->ToString())->ToString() == c.text);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_lower_case_letters) {
    const std::pair<const char*, const char*> cases[] = {{"2026-h1", "2026-H1"},
                                                         {"2026-h2", "2026-H2"},
                                                         {"2026-q1", "2026-Q1"},
                                                         {"2026-q4", "2026-Q4"},
                                                         {"2026-9m", "2026-9M"}};
    for (const auto& [text, canonical] : cases) {
        BOOST_TEST_CONTEXT("text " << text) {
            auto p = Period::Parse(text);
            BOOST_TEST_REQUIRE(p.has_value());
            BOOST_TEST(p->ToString() == canonical);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_rejects) {
    const char* bad[] = {"",         "202",     "20266",   "2026-Q5", "2026-Q0",  "2026-13",
                         "2026-00",  "2026-H3", "2026-H0", " 2026",   "2026 ",    "2026-1",
                         "2026-001", "2026-Q",  "2026Q1",  "2026-M9", "2026-9",   "1899",
                         "3000",     "1899-Q1", "3000-01", "2026_Q1", "2026-Q1 ", "abcd",
                         "2026-",    "2026-X1", "-2026",   "2026-9N", "2026-Q 1", "2026-Q12",
                         "2026-6M",  "2026- 1", "２０２６"};
    for (const char* text : bad) {
        BOOST_TEST_CONTEXT("text '" << text << "'") { BOOST_TEST(!Period::Parse(text)); }
    }
}

BOOST_AUTO_TEST_CASE(factories) {
    BOOST_TEST(Period::Year(2026).ToString() == "2026");
    BOOST_TEST(Period::Half(2026, 2).ToString() == "2026-H2");
    BOOST_TEST(Period::NineMonths(2026).ToString() == "2026-9M");
    BOOST_TEST(Period::Quarter(2026, 3).ToString() == "2026-Q3");
    BOOST_TEST(Period::Month(2026, 9).ToString() == "2026-09");
    BOOST_CHECK_THROW(Period::Quarter(2026, 0), std::invalid_argument);
    BOOST_CHECK_THROW(Period::Quarter(2026, 5), std::invalid_argument);
    BOOST_CHECK_THROW(Period::Month(2026, 13), std::invalid_argument);
    BOOST_CHECK_THROW(Period::Month(2026, 0), std::invalid_argument);
    BOOST_CHECK_THROW(Period::Half(2026, 3), std::invalid_argument);
    BOOST_CHECK_THROW(Period::Year(0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(windows) {
    struct Case {
        const char* period;
        WindowKind window;
        const char* first;
        const char* last;
    };
    const WindowKind C = WindowKind::Calendar, X = WindowKind::CutOff;
    const Case cases[] = {
        // Quarters, calendar.
        {"2026-Q1", C, "2026-01-01", "2026-03-31"},
        {"2026-Q2", C, "2026-04-01", "2026-06-30"},
        {"2026-Q3", C, "2026-07-01", "2026-09-30"},
        {"2026-Q4", C, "2026-10-01", "2026-12-31"},
        // Quarters, cut-off: Q1 starts in the previous year.
        {"2026-Q1", X, "2025-12-15", "2026-03-14"},
        {"2026-Q2", X, "2026-03-15", "2026-06-14"},
        {"2026-Q3", X, "2026-06-15", "2026-09-14"},
        {"2026-Q4", X, "2026-09-15", "2026-12-14"},
        // Months.
        {"2026-01", C, "2026-01-01", "2026-01-31"},
        {"2026-01", X, "2025-12-15", "2026-01-14"},
        {"2026-02", C, "2026-02-01", "2026-02-28"},
        {"2024-02", C, "2024-02-01", "2024-02-29"},
        {"2026-02", X, "2026-01-15", "2026-02-14"},
        {"2024-03", X, "2024-02-15", "2024-03-14"},
        {"2026-03", C, "2026-03-01", "2026-03-31"},
        {"2026-04", C, "2026-04-01", "2026-04-30"},
        {"2026-09", X, "2026-08-15", "2026-09-14"},
        {"2026-12", C, "2026-12-01", "2026-12-31"},
        {"2026-12", X, "2026-11-15", "2026-12-14"},
        // Halves, nine months, year.
        {"2026-H1", C, "2026-01-01", "2026-06-30"},
        {"2026-H1", X, "2025-12-15", "2026-06-14"},
        {"2026-H2", C, "2026-07-01", "2026-12-31"},
        {"2026-H2", X, "2026-06-15", "2026-12-14"},
        {"2026-9M", C, "2026-01-01", "2026-09-30"},
        {"2026-9M", X, "2025-12-15", "2026-09-14"},
        {"2026", C, "2026-01-01", "2026-12-31"},
        {"2026", X, "2025-12-15", "2026-12-14"},
        {"2024", C, "2024-01-01", "2024-12-31"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.period << " " << WindowName(c.window)) {
            cchc::DateRange r = P(c.period).Window(c.window);
            BOOST_TEST(r.first.ToIso() == c.first);
            BOOST_TEST(r.last.ToIso() == c.last);
            BOOST_TEST(r.Contains(D(c.first)));
            BOOST_TEST(r.Contains(D(c.last)));
            BOOST_TEST(!r.Contains(D(c.first).AddDays(-1)));
            BOOST_TEST(!r.Contains(D(c.last).AddDays(1)));
        }
    }
    BOOST_TEST(P("2026").Window(C).Days() == 365);
    BOOST_TEST(P("2024").Window(C).Days() == 366);
    BOOST_TEST(P("2026").Window(X).Days() == 365);
    BOOST_TEST(P("2024-03").Window(X).Days() == 29);
}

BOOST_AUTO_TEST_CASE(windows_tile_without_gaps) {
    // Consecutive periods of one kind (except 9M) cover every day once.
    for (WindowKind w : kAllWindows) {
        for (const char* start : {"2023", "2023-H1", "2023-Q1", "2023-01"}) {
            BOOST_TEST_CONTEXT(start << " " << WindowName(w)) {
                Period p = P(start);
                for (int i = 0; i < 40; ++i) {
                    Period n = p.Next();
                    BOOST_TEST_REQUIRE(p.Window(w).last.AddDays(1) == n.Window(w).first,
                                       p.ToString() << " then " << n.ToString());
                    p = n;
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(previous_next) {
    struct Case {
        const char* period;
        const char* previous;
        const char* next;
    };
    const Case cases[] = {
        {"2026-Q1", "2025-Q4", "2026-Q2"}, {"2026-Q4", "2026-Q3", "2027-Q1"},
        {"2026-Q2", "2026-Q1", "2026-Q3"}, {"2026-01", "2025-12", "2026-02"},
        {"2026-12", "2026-11", "2027-01"}, {"2026-06", "2026-05", "2026-07"},
        {"2026-H1", "2025-H2", "2026-H2"}, {"2026-H2", "2026-H1", "2027-H1"},
        {"2026-9M", "2025-9M", "2027-9M"}, {"2026", "2025", "2027"},
        {"2000-01", "1999-12", "2000-02"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.period) {
            Period p = P(c.period);
            BOOST_TEST(p.Previous().ToString() == c.previous);
            BOOST_TEST(p.Next().ToString() == c.next);
            BOOST_TEST(p.Previous().Next().ToString() == c.period);
            BOOST_TEST(p.Next().Previous().ToString() == c.period);
        }
    }
}

BOOST_AUTO_TEST_CASE(containing) {
    struct Case {
        PeriodKind kind;
        const char* date;
        WindowKind window;
        const char* expected;
    };
    const auto Y = PeriodKind::Year, H = PeriodKind::Half, N = PeriodKind::NineMonths,
               Q = PeriodKind::Quarter, M = PeriodKind::Month;
    const WindowKind C = WindowKind::Calendar, X = WindowKind::CutOff;
    const Case cases[] = {
        // 20/12/2025 under cut-off belongs to 2026.
        {Y, "2025-12-20", X, "2026"},
        {Q, "2025-12-20", X, "2026-Q1"},
        {M, "2025-12-20", X, "2026-01"},
        {H, "2025-12-20", X, "2026-H1"},
        {N, "2025-12-20", X, "2026-9M"},
        {Y, "2025-12-20", C, "2025"},
        {Q, "2025-12-20", C, "2025-Q4"},
        {M, "2025-12-20", C, "2025-12"},
        // Either side of the 14th/15th.
        {Y, "2025-12-14", X, "2025"},
        {Y, "2025-12-15", X, "2026"},
        {M, "2025-12-14", X, "2025-12"},
        {M, "2025-12-15", X, "2026-01"},
        {M, "2026-01-14", X, "2026-01"},
        {M, "2026-01-15", X, "2026-02"},
        {M, "2024-02-14", X, "2024-02"},
        {M, "2024-02-15", X, "2024-03"},
        {M, "2024-02-29", X, "2024-03"},
        {M, "2024-02-29", C, "2024-02"},
        {Q, "2026-03-14", X, "2026-Q1"},
        {Q, "2026-03-15", X, "2026-Q2"},
        {Q, "2026-06-14", X, "2026-Q2"},
        {Q, "2026-06-15", X, "2026-Q3"},
        {Q, "2026-09-14", X, "2026-Q3"},
        {Q, "2026-09-15", X, "2026-Q4"},
        {Q, "2026-12-14", X, "2026-Q4"},
        {Q, "2026-12-15", X, "2027-Q1"},
        {H, "2026-06-14", X, "2026-H1"},
        {H, "2026-06-15", X, "2026-H2"},
        {H, "2026-12-14", X, "2026-H2"},
        {H, "2026-12-15", X, "2027-H1"},
        {N, "2026-09-14", X, "2026-9M"},
        // Calendar boundaries.
        {Y, "2025-12-31", C, "2025"},
        {Y, "2026-01-01", C, "2026"},
        {Q, "2026-03-31", C, "2026-Q1"},
        {Q, "2026-04-01", C, "2026-Q2"},
        {Q, "2026-03-15", C, "2026-Q1"},
        {H, "2026-06-30", C, "2026-H1"},
        {H, "2026-07-01", C, "2026-H2"},
        {M, "2026-01-15", C, "2026-01"},
        {N, "2026-09-30", C, "2026-9M"},
        // Outside any nine months window: that year's nine months.
        {N, "2026-10-01", C, "2026-9M"},
        {N, "2026-09-15", X, "2026-9M"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(PeriodKindKey(c.kind) << " " << c.date << " " << WindowName(c.window)) {
            BOOST_TEST(Period::Containing(c.kind, D(c.date), c.window).ToString() == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(containing_every_day) {
    // For every day of 2023..2027, kind and window kind, the result's window
    // contains the day (nine months only for days it covers).
    for (WindowKind w : kAllWindows) {
        for (PeriodKind k : kAllKinds) {
            BOOST_TEST_CONTEXT(PeriodKindKey(k) << " " << WindowName(w)) {
                int failures = 0;
                for (Date d{2023, 1, 1}; d <= Date{2027, 12, 31}; d = d.AddDays(1)) {
                    Period p = Period::Containing(k, d, w);
                    const bool contains = p.Window(w).Contains(d);
                    bool expected = true;
                    if (k == PeriodKind::NineMonths) {
                        // Not covered: October..December (calendar) or
                        // 15/09..14/12 (cut-off).
                        if (w == WindowKind::Calendar)
                            expected = d.month <= 9;
                        else
                            expected = d < Date{d.year, 9, 15} || d >= Date{d.year, 12, 15};
                    }
                    if (contains != expected && failures++ < 3)
                        BOOST_TEST(contains == expected, d.ToIso() << " -> " << p.ToString());
                }
                BOOST_TEST(failures == 0);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(months) {
    struct Case {
        const char* period;
        std::vector<std::string> months;
    };
    const Case cases[] = {
        {"2026-Q1", {"2026-01", "2026-02", "2026-03"}},
        {"2026-Q4", {"2026-10", "2026-11", "2026-12"}},
        {"2026-H2", {"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"}},
        {"2026-05", {"2026-05"}},
        {"2026-9M",
         {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08",
          "2026-09"}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.period) {
            std::vector<std::string> got;
            for (const Period& m : P(c.period).Months()) got.push_back(m.ToString());
            BOOST_TEST(got == c.months, boost::test_tools::per_element());
        }
    }
    BOOST_TEST(P("2026").Months().size() == 12u);
    // A period's cut-off window is the union of its months' cut-off windows.
    for (const char* text : {"2026", "2026-H1", "2026-H2", "2026-9M", "2026-Q1", "2026-Q3"}) {
        BOOST_TEST_CONTEXT(text) {
            auto ms = P(text).Months();
            for (WindowKind w : kAllWindows) {
                BOOST_TEST(ms.front().Window(w).first == P(text).Window(w).first);
                BOOST_TEST(ms.back().Window(w).last == P(text).Window(w).last);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(equality_and_order) {
    BOOST_TEST((P("2026-Q1") == Period::Quarter(2026, 1)));
    BOOST_TEST((P("2026-Q1") != P("2026-Q2")));
    BOOST_TEST((P("2026") != P("2026-9M")));
    BOOST_TEST((P("2026-Q1") != P("2026-01")));
    // Sorted: by window start, then Year < Half < NineMonths < Quarter < Month.
    const std::vector<const char*> sorted = {"2025-12", "2026",    "2026-H1", "2026-9M", "2026-Q1",
                                             "2026-01", "2026-02", "2026-03", "2026-Q2", "2026-04",
                                             "2026-H2", "2026-Q3", "2026-07", "2026-12", "2027"};
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        for (std::size_t j = 0; j < sorted.size(); ++j) {
            BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j]) {
                Period a = P(sorted[i]), b = P(sorted[j]);
                BOOST_TEST((a < b) == (i < j));
                BOOST_TEST((a > b) == (i > j));
                BOOST_TEST((a <= b) == (i <= j));
                BOOST_TEST((a >= b) == (i >= j));
                BOOST_TEST((a == b) == (i == j));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(kind_keys) {
    for (PeriodKind k : kAllKinds) {
        BOOST_TEST_CONTEXT(PeriodKindKey(k)) {
            auto back = cchc::PeriodKindFromKey(cchc::PeriodKindKey(k));
            BOOST_TEST_REQUIRE(back.has_value());
            BOOST_TEST((*back == k));
        }
    }
    BOOST_TEST(!cchc::PeriodKindFromKey("week"));
}

BOOST_AUTO_TEST_CASE(labels_english_without_catalog) {
    BOOST_TEST_REQUIRE(cchc::SetLanguage("en"));
    const std::pair<const char*, const char*> cases[] = {
        {"2026", "Year 2026"},
        {"2026-H1", "First 6 months of 2026"},
        {"2026-H2", "Last 6 months of 2026"},
        {"2026-9M", "First 9 months of 2026"},
        {"2026-Q3", "Quarter III/2026"},
        {"2026-Q4", "Quarter IV/2026"},
        {"2026-09", "Month 09/2026"},
        {"2026-12", "Month 12/2026"},
    };
    for (const auto& [text, label] : cases) {
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(P(text).Label() == label); }
    }
}

BOOST_AUTO_TEST_CASE(labels_vietnamese_with_catalog) {
    // The translations the Vietnamese catalog (locale/vi.po) is to carry.
    cchc::test::TempDir dir;
    const std::string mo = dir.path() + "/vi/LC_MESSAGES";
    std::filesystem::create_directories(mo);
    cchc::test::WriteFile(mo + "/cchc.mo", MoFile({
                                               {"Year {0}", "Năm {0}"},
                                               {"First 6 months of {0}", "6 tháng đầu năm {0}"},
                                               {"Last 6 months of {0}", "6 tháng cuối năm {0}"},
                                               {"First 9 months of {0}", "9 tháng năm {0}"},
                                               {"Quarter {0}/{1}", "Quý {0}/{1}"},
                                               {"Month {0}/{1}", "Tháng {0}/{1}"},
                                           }));
    const char* old = std::getenv("CCHC_LOCALE_DIR");
    const std::string saved = old ? old : "";
    setenv("CCHC_LOCALE_DIR", dir.path().c_str(), 1);
    const bool loaded = cchc::SetLanguage("vi");
    const std::pair<const char*, const char*> cases[] = {
        {"2026", "Năm 2026"},
        {"2026-H1", "6 tháng đầu năm 2026"},
        {"2026-H2", "6 tháng cuối năm 2026"},
        {"2026-9M", "9 tháng năm 2026"},
        {"2026-Q3", "Quý III/2026"},
        {"2026-Q1", "Quý I/2026"},
        {"2026-09", "Tháng 09/2026"},
        {"2026-11", "Tháng 11/2026"},
    };
    std::vector<std::string> got;
    for (const auto& c : cases) got.push_back(P(c.first).Label());
    // Restore before checking, so that a failure leaves English behind.
    if (old)
        setenv("CCHC_LOCALE_DIR", saved.c_str(), 1);
    else
        unsetenv("CCHC_LOCALE_DIR");
    cchc::SetLanguage("en");
    BOOST_TEST_REQUIRE(loaded);
    for (std::size_t i = 0; i < got.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].first) { BOOST_TEST(got[i] == cases[i].second); }
    }
}

BOOST_AUTO_TEST_CASE(recent_periods_for_a_report) {
    auto keys = [](const std::vector<Period>& ps) {
        std::vector<std::string> out;
        for (const auto& p : ps) out.push_back(p.ToString());
        return out;
    };
    const auto calendar = keys(RecentPeriods(Date{2026, 12, 2}, WindowKind::Calendar, false));
    const std::vector<std::string> expected = {"2026-Q4", "2026-Q3", "2026-Q2",
                                               "2026-Q1", "2026-H1", "2026-9M",
                                               "2026-H2", "2026",    "2025"};
    BOOST_TEST(calendar == expected, boost::test_tools::per_element());
    // Under the cut-off windows 20/12/2026 already counts in 2027.
    const auto cutoff = keys(RecentPeriods(Date{2026, 12, 20}, WindowKind::CutOff, true));
    BOOST_TEST(cutoff.front() == "2027-Q1");
    BOOST_TEST(cutoff[3] == "2026-Q2");
    BOOST_TEST(cutoff.size() == 9u + 12u);
    BOOST_TEST(cutoff[9] == "2027-01");
    BOOST_TEST(cutoff.back() == "2026-02");
}

BOOST_AUTO_TEST_SUITE_END()
