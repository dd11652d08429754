// Every text field every importer stores has a length limit in characters
// (core/text_limits.h): one character more is refused naming the file,
// line, column and limit, and the limit itself is stored; on both backends.
// And every file the importers' fuzz targets once failed on
// (tests/data/fuzz/fuzz_import_<kind>) is imported into the same office as
// theirs, and stored or refused with a short one-line message.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/results/results.h"
#include "services/surveys/surveys.h"

using namespace cchc;
using namespace cchc::test;

namespace {

using Importer = std::function<void(storage::Database&, const std::string&)>;

Importer ImporterOf(const std::string& kind) {
    const std::string user = "t";
    if (kind == "units") return [=](auto& db, auto& p) { services::ImportUnits(db, p, user); };
    if (kind == "people") return [=](auto& db, auto& p) { services::ImportPeople(db, p, user); };
    if (kind == "frameworks")
        return [=](auto& db, auto& p) { services::ImportFrameworks(db, p, user); };
    if (kind == "results") return [=](auto& db, auto& p) { services::ImportResults(db, p, user); };
    if (kind == "tasks") return [=](auto& db, auto& p) { services::ImportTasks(db, p, user); };
    if (kind == "assignments")
        return [=](auto& db, auto& p) { services::ImportAssignments(db, p, user); };
    if (kind == "tallies") return [=](auto& db, auto& p) { services::ImportTallies(db, p, user); };
    if (kind == "ratings") return [=](auto& db, auto& p) { services::ImportRatings(db, p, user); };
    throw std::logic_error("no importer " + kind);
}

// The office of the fuzz targets (fuzz/import_fuzzer.cpp): the files of
// tests/data imported in this order.
struct OfficeFixture : DbFixture {
    OfficeFixture() {
        services::LoadBuiltinCatalogues(Db());
        const std::pair<const char*, const char*> files[] = {
            {"units", "units_good.csv"},
            {"units", "seed002_units.csv"},
            {"units", "seed003_units.csv"},
            {"people", "people_good.csv"},
            {"tallies", "tallies_good.csv"},
            {"ratings", "ratings_good.csv"},
            {"people", "seed002_people.csv"},
            {"people", "seed003_people.csv"},
            {"frameworks", "seed002_framework.csv"},
            {"results", "results_good.csv"},
            {"tasks", "seed002_tasks.csv"},
            {"assignments", "seed003_assignments.csv"},
        };
        for (const auto& [kind, name] : files) {
            try {
                ImporterOf(kind)(Db(), DataFile(name));
            } catch (const UserError& e) {
                // people_good.csv names a unit no file has: refused whole.
                BOOST_TEST_MESSAGE(name << " not imported: " << e.what());
            }
        }
    }
};

struct LimitCase {
    const char* kind;
    std::string header;
    std::string row;  // "{}" stands for the text
    const char* field;
    std::size_t limit;
    bool storedAtLimit = true;  // false: the text must also name something of the office
    std::size_t around = 0;     // characters the row adds to the text in the field
    const char* fill = "ễ";     // the character the text is made of (a phone: digits)
};

// n characters, by default of three bytes each: limits count characters,
// not bytes.
std::string Chars(std::size_t n, const char* fill = "ễ") {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += fill;
    return s;
}

std::string Replace(std::string s, const std::string& text) {
    return s.replace(s.find("{}"), 2, text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_limits)

BOOST_FIXTURE_TEST_CASE(every_text_field_of_every_importer_has_its_limit, OfficeFixture) {
    const std::string units =
        "code,name,kind,parent,place_name,header_parent,header_name,doc_symbol";
    const std::string people = "code,unit,full_name,position,phone,email";
    const std::string tasks =
        "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,"
        "start,due,recurring,status,percent,outcome";
    const std::string assignments =
        "unit,framework,group,indicator,title,lead_unit,coordinating_units,responsible_person";
    const std::string ratings =
        "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen";
    const std::vector<LimitCase> cases = {
        {"units", units, "XA-A,{},commune,KONGCHRO,,,,", "name", 255},
        {"units", units, "XA-A,Xã A,commune,KONGCHRO,{},,,", "place_name", 255},
        {"units", units, "XA-A,Xã A,commune,KONGCHRO,,{},,", "header_parent", 255},
        {"units", units, "XA-A,Xã A,commune,KONGCHRO,,,{},", "header_name", 255},
        {"units", units, "XA-A,Xã A,commune,KONGCHRO,,,,{}", "doc_symbol", 50},
        {"people", people, "CB-A,TT-KONGCHRO,{},,,", "full_name", 255},
        {"people", people, "CB-A,TT-KONGCHRO,Lê Văn A,{},,", "position", 255},
        {"people", people, "CB-A,TT-KONGCHRO,Lê Văn A,,{},", "phone", 255, true, 0, "0"},
        {"people", people, "CB-A,TT-KONGCHRO,Lê Văn A,,,{}@x.vn", "email", 255, true, 5},
        {"frameworks",
         "framework,year,kind,code,parent,title,max_points,rule,target,per_unit,no_data,"
         "evidence_required",
         "F-NEW,2026,par,1,,{},10,manual,,,,no", "title", 1000},
        {"results", "unit,framework,period,criterion,self_score,note",
         "TT-KONGCHRO,GL-XA-2020,2022,1.1,1,{}", "note", 4000},
        {"tasks", tasks, "TT-KONGCHRO,,2022,{},,Việc A,,,,,,no,not_started,,", "criterion", 50},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,{},Việc A,,,,,,no,not_started,,",
         "target", 1000},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,,{},,,,,,no,not_started,,", "task", 4000},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,,Việc A,{},,,,,no,not_started,,",
         "lead_unit", 255},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,,Việc A,,{},,,,no,not_started,,",
         "lead_person", 255},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,,Việc A,,,{},,,no,not_started,,",
         "coordinating_units", 1000},
        {"tasks", tasks, "TT-KONGCHRO,GL-XA-2020,2022,1.1,,Việc A,,,,,,no,done,,{}", "outcome",
         4000},
        {"assignments", assignments, "H-NINHSON,QD766,{},,,,,", "group", 50},
        {"assignments", assignments, "H-NINHSON,QD766,I,{},,,,", "indicator", 50, false},
        {"assignments", assignments, "H-NINHSON,QD766,I,,{},,,", "title", 1000},
        {"assignments", assignments, "H-NINHSON,QD766,I,,,{},,", "lead_unit", 255},
        {"assignments", assignments, "H-NINHSON,QD766,I,,,,{},", "coordinating_units", 1000},
        {"assignments", assignments, "H-NINHSON,QD766,I,,,,,{}", "responsible_person", 255},
        {"ratings", ratings, "2026-02-01T08:00:00,TT-KONGCHRO,CB-THUAN,{},kiosk,5,5,5,",
         "procedure", 255},
        {"ratings", ratings, "2026-02-01T08:00:00,TT-KONGCHRO,CB-THUAN,Khai sinh,kiosk,5,5,5,{}",
         "citizen", 255},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const LimitCase& c = cases[i];
        BOOST_TEST_CONTEXT(c.kind << " " << c.field) {
            const std::string name = "long" + std::to_string(i) + ".csv";
            WriteFile(
                dir.File(name),
                c.header + "\n" + Replace(c.row, Chars(c.limit - c.around + 1, c.fill)) + "\n");
            try {
                ImporterOf(c.kind)(Db(), dir.File(name));
                BOOST_FAIL("text past the limit was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 2);
                BOOST_TEST(e.where().field == c.field);
                // The limit is named ("4.000" in Vietnamese, "4,000" in English).
                const std::string limit = std::to_string(c.limit);
                const std::string grouped =
                    limit.size() > 3
                        ? limit.substr(0, limit.size() - 3) + "." + limit.substr(limit.size() - 3)
                        : limit;
                BOOST_TEST((e.message().find(limit) != std::string::npos ||
                            e.message().find(grouped) != std::string::npos),
                           e.message());
                BOOST_TEST(e.message().size() < 300u);  // the text is not echoed whole
            }
            if (c.storedAtLimit) {
                const std::string atLimit = "limit" + std::to_string(i) + ".csv";
                WriteFile(
                    dir.File(atLimit),
                    c.header + "\n" + Replace(c.row, Chars(c.limit - c.around, c.fill)) + "\n");
                try {
                    ImporterOf(c.kind)(Db(), dir.File(atLimit));
                } catch (const UserError& e) {
                    BOOST_FAIL("text at the limit was refused: " << e.what());
                }
            }
        }
    }
}

// Found by fuzz_import_tasks: a due year of four digits outside the years of
// a plan reached the database's CHECK and came back as the engine's text.
BOOST_FIXTURE_TEST_CASE(a_due_year_outside_the_plan_years_is_refused_with_its_column,
                        OfficeFixture) {
    const std::string header = "unit,framework,year,criterion,task,due,recurring,status\n";
    for (const char* due : {"1010", "3000", "0000"}) {
        BOOST_TEST_CONTEXT(due) {
            WriteFile(dir.File("due.csv"), header + "TT-KONGCHRO,GL-XA-2020,2022,1.1,Việc A," +
                                               due + ",no,not_started\n");
            try {
                services::ImportTasks(Db(), dir.File("due.csv"), "t");
                BOOST_FAIL("a due year outside 1900..2999 was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().line == 2);
                BOOST_TEST(e.where().field == "due");
                BOOST_TEST(e.message().find(due) != std::string::npos, e.message());
            }
        }
    }
    WriteFile(dir.File("due.csv"), header +
                                       "TT-KONGCHRO,GL-XA-2020,2022,1.1,Việc A,2999,no,"
                                       "not_started\n");
    BOOST_TEST(services::ImportTasks(Db(), dir.File("due.csv"), "t").inserted == 1);
}

BOOST_FIXTURE_TEST_CASE(inputs_the_import_fuzzers_found_are_stored_or_refused, OfficeFixture) {
    namespace fs = std::filesystem;
    int files = 0;
    for (const char* kind : {"units", "people", "frameworks", "results", "tasks", "assignments",
                             "tallies", "ratings"}) {
        const fs::path folder = fs::path(DataFile("fuzz")) / (std::string("fuzz_import_") + kind);
        if (!fs::exists(folder)) continue;
        for (const auto& entry : fs::directory_iterator(folder)) {
            BOOST_TEST_CONTEXT(kind << " " << entry.path().filename().string()) {
                const std::string path = dir.File("input.csv");
                WriteFile(path, ReadFile(entry.path().string()));
                try {
                    ImporterOf(kind)(Db(), path);
                } catch (const UserError& e) {
                    const std::string what = e.what();
                    BOOST_TEST(what.find('\n') == std::string::npos, what);
                    BOOST_TEST(what.size() < 1200u);
                    // The file as the user named it, not the path.
                    BOOST_TEST((e.where().file.empty() || e.where().file == "input.csv"), what);
                }
                ++files;
            }
        }
    }
    BOOST_TEST_MESSAGE(files << " inputs of the import fuzzers imported");
}

BOOST_AUTO_TEST_SUITE_END()
