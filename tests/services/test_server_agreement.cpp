// The services and the office server agree on what each account may do: on
// PostgreSQL every account is a login of the server, whose grants,
// row-level security and guards (migration 0010 and later) refuse what the
// role may not change. Each role (administrator, specialist, chair and clerk
// of commune A, viewer), connected as its own login with its password, runs
// every mutating action of the matrix through the services, on commune A
// and on commune B; what the services decide (the same action run on the
// owner's connection acting as that login, then rolled back) must be what
// happens on the server: an action the services allow lands (no
// "the server does not allow..."), one they refuse is refused, and with the
// same sentence (the unit's name left out where the server hides the unit):
// never "the unit does not exist" for a unit of another commune. Skipped on
// SQLite, which has no server.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "core/access.h"
#include "core/errors.h"
#include "fixture.h"
#include "services/app/access_guard.h"
#include "services/app/accounts.h"
#include "services/app/audit_trail.h"
#include "services/app/backup.h"
#include "services/app/demo.h"
#include "services/app/failure_message.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "services/reports/report_archive.h"
#include "services/reports/reports.h"
#include "services/results/result_sheet.h"
#include "services/results/results.h"
#include "services/surveys/ratings_list.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"
#include "storage/framework_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_set_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// What an attempt came to.
struct Outcome {
    enum Kind { Done, RefusedByServices, RefusedByServer, Failed } kind = Done;
    std::string text;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
    static const char* const names[] = {"done", "refused by the services", "refused by the server",
                                        "failed"};
    return os << names[o.kind] << (o.text.empty() ? "" : ": ") << o.text;
}

Outcome Attempt(const std::function<void()>& f) {
    try {
        f();
    } catch (const services::AccessDenied& e) {
        return {Outcome::RefusedByServices, e.what()};
    } catch (const std::exception& e) {
        const std::string said = services::FailureMessage(e);
        if (storage::IsRefusedByServer(e) || said.find("does not allow") != std::string::npos)
            return {Outcome::RefusedByServer, said + " [" + e.what() + "]"};
        return {Outcome::Failed, said + " [" + e.what() + "]"};
    }
    return {};
}

const char* const kFramework = "PAR-XA-2025";
const std::vector<std::string> kCommunes = {"XA-A", "XA-B"};

// An account's desk: its own connection to the server, as its login.
struct Desk {
    Role role = Role::Viewer;
    std::string login;
    std::unique_ptr<storage::Database> db;
};

// The accounts of an office, added through the account service on the
// owner's connection (the first administrator by the installer, the others
// by it), each connected to the server as itself; and the comparison of
// what the services decide with what the server does.
struct Desks : DbFixture {
    bool onServer = Db().backend() == storage::Backend::Postgresql;
    std::string admin, spare;
    std::vector<Desk> desks;
    int n = 0;

    // The administrator, a specialist, the chair and the clerk of the
    // commune (none without one) and a viewer; and a spare viewer.
    void AddAccounts(const std::string& commune) {
        admin = TestLogin("quantri");
        services::AccountService(Db(), "installer")
            .Add(admin, Role::Admin, "", "Quản trị", Password(admin));
        services::AccountService office(Db(), admin);
        const std::pair<Role, std::string> others[] = {{Role::Specialist, "chuyenvien"},
                                                       {Role::Chair, "ct_a"},
                                                       {Role::Clerk, "cc_a"},
                                                       {Role::Viewer, "xem"}};
        for (const auto& [role, name] : others)
            if (!RoleNeedsUnit(role) || !commune.empty())
                office.Add(TestLogin(name), role, RoleNeedsUnit(role) ? commune : "", name,
                           Password(TestLogin(name)));
        // An account the account actions change.
        spare = TestLogin("phu");
        office.Add(spare, Role::Viewer, "", "Tài khoản phụ", Password(spare));
        desks.push_back(Connect(Role::Admin, admin));
        for (const auto& [role, name] : others)
            if (!RoleNeedsUnit(role) || !commune.empty())
                desks.push_back(Connect(role, TestLogin(name)));
    }

    static std::string Password(const std::string& login) { return "Mk-" + login + "-1"; }
    Desk Connect(Role role, const std::string& login) {
        return Desk{role, login, services::ConnectAsAccount(Db().url(), login, Password(login)).db};
    }
    std::string File(const std::string& name) { return dir.File(name); }
    void Write(const std::string& name, const std::string& text) { WriteFile(File(name), text); }
    int Next() { return ++n; }

    // Each account tries the action: prepare (on the owner's connection)
    // brings the data to where it starts, act(db, login) does it through
    // the services. The services' decision is act on the owner's
    // connection acting as the login, rolled back; then act on the
    // account's own connection must come to the same.
    using Act = std::function<void(storage::Database&, const std::string&)>;
    void Agree(const std::string& what, const std::function<void()>& prepare, const Act& act,
               std::optional<Action> action = std::nullopt) {
        if (!onServer) return;
        for (const auto& desk : desks) {
            BOOST_TEST_CONTEXT(what << ", as " << RoleKey(desk.role)) {
                // Both runs prepare and act with the same values.
                const int from = n;
                Outcome said;
                if (action) {
                    // An action of the server's tools (pg_dump, psql), which
                    // no transaction takes back: the guard of the account's
                    // connection says it.
                    if (!services::AccessGuard(*desk.db, desk.login).Allows(*action))
                        said = {Outcome::RefusedByServices, RefusalMessage(desk.login, *action)};
                } else {
                    storage::Transaction dry(Db());
                    const Outcome ready = Attempt(prepare);
                    BOOST_REQUIRE_MESSAGE(ready.kind == Outcome::Done, "prepared: " << ready);
                    said = Attempt([&] { act(Db(), desk.login); });
                }
                BOOST_TEST_REQUIRE(
                    (said.kind == Outcome::Done || said.kind == Outcome::RefusedByServices),
                    "as the owner acting for the account: " << said);
                n = from;
                const Outcome ready = Attempt(prepare);
                BOOST_REQUIRE_MESSAGE(ready.kind == Outcome::Done, "prepared: " << ready);
                const Outcome got = Attempt([&] { act(*desk.db, desk.login); });
                if (said.kind == Outcome::Done)
                    BOOST_TEST(got.kind == Outcome::Done,
                               "the services allow it, on the server: " << got);
                else  // by either: the server may not even show the rows
                    BOOST_TEST(got.kind != Outcome::Done,
                               "the services refuse it (" << said.text << "), the server took it");
                if (said.kind != Outcome::Done) {
                    // The account is told what the services say: the
                    // refusal sentence, not that a row the server hides
                    // from it does not exist (nor its unit's name).
                    BOOST_TEST(got.kind == Outcome::RefusedByServices,
                               "refused in other words: " << got);
                    if (action)
                        BOOST_TEST(got.text.rfind("account " + desk.login + " may not ", 0) == 0,
                                   got.text);
                    else
                        BOOST_TEST((got.text == said.text || got.text == Unnamed(said.text)),
                                   got.text << " | the services: " << said.text);
                }
            }
        }
    }
    // A refusal without the unit's name: the server does not show an
    // account the units outside its scope.
    std::string Unnamed(std::string text) {
        for (const auto& u : storage::UnitRepository(Db().session()).All())
            for (auto at = text.find(" of " + u.name); at != std::string::npos;
                 at = text.find(" of " + u.name))
                text.erase(at, 4 + u.name.size());
        return text;
    }
    void Agree(const std::string& what, const Act& act) {
        Agree(
            what, [] {}, act);
    }
};

// The office of tests/services/test_access.cpp (the district H-TEST with
// communes XA-A and XA-B, a department of XA-A), with each commune's plan
// and tasks (one with coordinators, one without), officers, results,
// tallies, ratings, an assignment matrix and self-assessments; its
// accounts (Desks), the chair and clerk of XA-A.
struct ServerOffice : Desks {
    std::int64_t district = 0, unitA = 0, unitB = 0, deptA = 0, fwOwn = 0;
    std::map<std::string, std::int64_t> unitOf, plan, item, task, plainTask, person;
    std::vector<std::string> leaves;  // scored criteria of kFramework without rates

    ServerOffice() {
        if (!onServer) return;
        services::LoadBuiltinCatalogues(Db());
        Write("units.csv",
              "code,name,kind,parent\nH-TEST,Huyện Thử,district,\nXA-A,Xã An Hòa,commune,H-TEST\n"
              "XA-B,Xã Bình An,commune,H-TEST\nXA-A-VP,Văn phòng xã An Hòa,department,XA-A\n");
        services::ImportUnits(Db(), File("units.csv"), "setup");
        Write("tasks.csv",
              "unit,framework,year,criterion,target,task,start,due,status,percent\n"
              "XA-A,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Niêm yết thủ tục,2026-01-05,2026-06-30,"
              "in_progress,10\n"
              "XA-B,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Cập nhật cổng dịch vụ công,2026-01-05,"
              "2026-06-30,in_progress,20\n");
        services::ImportTasks(Db(), File("tasks.csv"), "setup");
        Write("people.csv", "code,unit,full_name\nCB-A,XA-A,Lê Văn Sáu\nCB-B,XA-B,Phạm Thị Bảy\n");
        services::ImportPeople(Db(), File("people.csv"), "setup");
        Write("results.csv",
              "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,"
              "note\nXA-A,PAR-XA-2025,2025,2.3,1,,,,\nXA-B,PAR-XA-2025,2025,2.3,1,,,,\n");
        services::ImportResults(Db(), File("results.csv"), "setup");
        // Appraised results of earlier years: a plan drafted from each.
        std::string earlier =
            "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,"
            "note\n";
        for (int year = 2010; year < 2025; ++year)
            for (const char* code : {"XA-A", "XA-B"})
                earlier +=
                    std::string(code) + ",PAR-XA-2025," + std::to_string(year) + ",6.1,0,0,,,\n";
        Write("earlier.csv", earlier);
        services::ImportResults(Db(), File("earlier.csv"), "setup");
        Write("tallies.csv",
              "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
              "dissatisfied,very_dissatisfied\nXA-A,2026-01,HOTICH,40,25,15,5,3,1,1\n"
              "XA-B,2026-01,HOTICH,30,20,10,5,3,1,1\n");
        services::ImportTallies(Db(), File("tallies.csv"), "setup");
        Write("assignments.csv",
              "unit,framework,group,indicator,title,lead_unit,coordinating_units,"
              "responsible_person\nXA-A,QD766,I,,Công khai minh bạch,,,\nXA-A,QD766,I,1.2,,,,\n"
              "XA-B,QD766,I,,Công khai minh bạch,,,\nXA-B,QD766,I,1.2,,,,\n");
        services::ImportAssignments(Db(), File("assignments.csv"), "setup");
        Write("ratings.csv",
              "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
              "2026-02-02T09:00:00,XA-A,CB-A,Chứng thực,kiosk,5,5,5,Nguyễn Thị Hoa\n"
              "2026-02-03T09:00:00,XA-B,CB-B,Hộ tịch,kiosk,4,4,4,Trần Văn Bình\n");
        services::ImportRatings(Db(), File("ratings.csv"), "setup");
        storage::UnitRepository units(Db().session());
        district = units.ByCode("H-TEST")->id;
        unitOf["XA-A"] = unitA = units.ByCode("XA-A")->id;
        unitOf["XA-B"] = unitB = units.ByCode("XA-B")->id;
        deptA = units.ByCode("XA-A-VP")->id;
        services::PlanService plans(Db(), "setup");
        for (const auto& [code, unit] : unitOf) {
            person[code] = services::OrganisationService(Db(), "setup").People(unit).at(0).id;
            auto sheet = services::LoadSelfAssessment(Db(), person[code], "2026-Q1", "setup");
            for (auto& l : sheet.lines) l.self = 1;
            services::SaveSelfAssessment(Db(), sheet, "setup");
            for (const auto& t : services::TaskBoard(Db(), Date{2026, 3, 1}, admin).List({}))
                if (t.row.unitId == unit) task[code] = t.row.taskId;
            plan[code] = plans.PlanOfTask(task[code]);
            item[code] = plans.Load(plan[code]).items.at(0).id;
            // The task with coordinators, and one without.
            TaskRecord t = plans.LoadTask(task[code]);
            t.coordinators = {TaskCoordinator{std::nullopt, std::nullopt, "Công an xã"},
                              TaskCoordinator{std::nullopt, std::nullopt, "Văn phòng HĐND"}};
            plans.SaveTask(0, t);
            TaskRecord plain;
            plain.solution = "Rà soát quy trình nội bộ";
            plain.startOn = "2026-01-05";
            plain.dueOn = "2026-12-31";
            plainTask[code] = plans.SaveTask(item[code], plain).id;
        }
        for (const auto& c : services::FrameworkService(Db(), "setup").Load(kFramework).criteria)
            if (c.rule && c.rule != RuleKind::Rate && c.appliesToCommunes && c.code != "2.3")
                leaves.push_back(c.code);
        for (const auto& code : kCommunes) {
            // 2.3 needs its evidence before the results are submitted.
            services::ResultSheetService sheets(Db(), "setup");
            services::EvidenceInput doc;
            doc.title = "Danh mục thủ tục niêm yết";
            sheets.AttachEvidence(sheets.Load(code, kFramework, "2025"), "2.3", doc);
        }
        services::FrameworkService own(Db(), "setup");
        fwOwn = own.Create("BO-RIENG", "Bộ chỉ số riêng", 2026, FrameworkKind::Custom).id;
        Criterion c;
        c.code = "1";
        c.title = "Tiêu chí một";
        c.maxPoints = 2;
        c.rule = RuleKind::Manual;
        own.SaveCriterion("BO-RIENG", c);

        AddAccounts("XA-A");
    }

    // The owner's connection acting as the administrator: what brings the
    // data to where an action starts.
    services::ResultSheetService Sheets() { return services::ResultSheetService(Db(), admin); }
    services::PlanService Plans() { return services::PlanService(Db(), admin); }
    services::Sheet SheetOf(const std::string& unit) {
        return Sheets().Load(unit, kFramework, "2025");
    }
    // Moves the unit's result set to the state.
    void SetState(const std::string& unit, ResultStatus want) {
        for (int step = 0; step < 4; ++step) {
            services::Sheet s = SheetOf(unit);
            if (s.status == want) return;
            if (s.status == ResultStatus::Appraised)
                Sheets().Reopen(s, "Xem lại");
            else if (s.status == ResultStatus::Submitted)
                want == ResultStatus::Draft ? Sheets().Withdraw(s) : Sheets().Appraise(s);
            else
                Sheets().Submit(s);
        }
        BOOST_FAIL("the result set of " << unit << " did not reach its state");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(server_agreement)

BOOST_FIXTURE_TEST_CASE(units_people_and_settings, ServerOffice) {
    Agree("add a unit to the district", [&](storage::Database& db, const std::string& login) {
        const int k = Next();
        Unit u;
        u.code = "XA-MOI-" + std::to_string(k);
        u.name = "Xã Mới " + std::to_string(k);
        u.parentId = district;
        services::OrganisationService(db, login).SaveUnit(u);
    });
    for (const std::string code : {"XA-A", "XA-B", "XA-A-VP"}) {
        Agree("edit the unit " + code, [&](storage::Database& db, const std::string& login) {
            Unit u = *services::OrganisationService(Db(), admin).UnitByCode(code);
            u.placeName = "Nơi " + std::to_string(Next());
            services::OrganisationService(db, login).SaveUnit(u);
        });
        Agree(
            "switch off the unit " + code,
            [&] {
                services::OrganisationService org(Db(), admin);
                Unit u = *org.UnitByCode(code);
                if (!u.active) org.SetUnitActive(u, true);
            },
            [&](storage::Database& db, const std::string& login) {
                Unit u = *services::OrganisationService(Db(), admin).UnitByCode(code);
                services::OrganisationService(db, login).SetUnitActive(u, false);
            });
    }
    for (const std::string& code : kCommunes) {
        Agree("add a person to " + code, [&](storage::Database& db, const std::string& login) {
            Person p;
            p.unitId = unitOf[code];
            p.code = "CB-MOI-" + std::to_string(Next());
            p.fullName = "Cán bộ mới";
            services::OrganisationService(db, login).SavePerson(p);
        });
        Agree("edit a person of " + code, [&](storage::Database& db, const std::string& login) {
            Person p = *services::OrganisationService(Db(), admin).PersonById(person[code]);
            p.position = "Công chức " + std::to_string(Next());
            services::OrganisationService(db, login).SavePerson(p);
        });
        Agree(
            "switch off a person of " + code,
            [&] {
                services::OrganisationService org(Db(), admin);
                Person p = *org.PersonById(person[code]);
                if (!p.active) org.SetPersonActive(p, true);
            },
            [&](storage::Database& db, const std::string& login) {
                Person p = *services::OrganisationService(Db(), admin).PersonById(person[code]);
                services::OrganisationService(db, login).SetPersonActive(p, false);
            });
    }
    Agree("import units", [&](storage::Database& db, const std::string& login) {
        const std::string file = File("units-" + std::to_string(Next()) + ".csv");
        WriteFile(file, "code,name,kind,parent\nXA-F" + std::to_string(n) + ",Xã Tệp " +
                            std::to_string(n) + ",commune,H-TEST\n");
        services::ImportUnits(db, file, login);
    });
    for (const std::string& code : kCommunes)
        Agree("import people of " + code, [&](storage::Database& db, const std::string& login) {
            const std::string file = File("people-" + std::to_string(Next()) + ".csv");
            WriteFile(file, "code,unit,full_name\nCB-F" + std::to_string(n) + "," + code +
                                ",Cán bộ tệp\n");
            services::ImportPeople(db, file, login);
        });
    Agree("save the office's identity", [&](storage::Database& db, const std::string& login) {
        auto office = services::OrganisationService(Db(), admin).Office();
        office.signerName = "Người ký " + std::to_string(Next());
        services::OrganisationService(db, login).SaveOffice(office);
    });
    Agree("choose the reporting window", [&](storage::Database& db, const std::string& login) {
        const auto read = services::OrganisationService(Db(), admin).LoadReportingWindow();
        services::OrganisationService(db, login).SetReportingWindow(
            read.kind == WindowKind::Calendar ? WindowKind::CutOff : WindowKind::Calendar,
            read.version);
    });
    Agree("save the survey settings", [&](storage::Database& db, const std::string& login) {
        auto settings = services::LoadSurveySettings(Db());
        settings.minimumSample = 5 + Next() % 7;
        services::SaveSurveySettings(db, settings, login);
    });
    Agree("keep daily copies", [&](storage::Database& db, const std::string& login) {
        services::SaveBackupKeepDays(db, 8 + Next() % 20, login);
    });
}

BOOST_FIXTURE_TEST_CASE(frameworks, ServerOffice) {
    Agree("create a framework", [&](storage::Database& db, const std::string& login) {
        const std::string k = std::to_string(Next());
        services::FrameworkService(db, login).Create("BO-" + k, "Bộ chỉ số " + k, 2026,
                                                     FrameworkKind::Custom);
    });
    Agree("copy a framework to a new year", [&](storage::Database& db, const std::string& login) {
        const int k = Next();
        services::FrameworkService(db, login).CopyToNewYear(
            kFramework, "PAR-XA-C" + std::to_string(k), 2100 + k, "Bản sao " + std::to_string(k));
    });
    Agree("edit a framework's header", [&](storage::Database& db, const std::string& login) {
        services::FrameworkService(db, login).SaveHeader(
            "BO-RIENG", "Bộ chỉ số riêng " + std::to_string(Next()), "Mô tả");
    });
    Agree("add a criterion", [&](storage::Database& db, const std::string& login) {
        Criterion c;
        c.code = "K" + std::to_string(Next());
        c.title = "Tiêu chí thêm";
        c.maxPoints = 1;
        c.rule = RuleKind::Manual;
        services::FrameworkService(db, login).SaveCriterion("BO-RIENG", c);
    });
    Agree("edit the framework's bands", [&](storage::Database& db, const std::string& login) {
        services::FrameworkService(db, login).SaveBands(
            "BO-RIENG", {{"Tốt", 90.0 - Next() % 5}, {"Khá", 70}, {"Yếu", 0}});
    });
    Agree("move a criterion", [&](storage::Database& db, const std::string& login) {
        services::FrameworkService(db, login).MoveCriterion("BO-RIENG", "1", Next() % 2 ? 1 : -1);
    });
    std::string doomed;
    Agree(
        "delete a criterion",
        [&] {
            Criterion c;
            c.code = doomed = "X" + std::to_string(Next());
            c.title = "Tiêu chí bỏ";
            c.maxPoints = 1;
            c.rule = RuleKind::Manual;
            services::FrameworkService(Db(), admin).SaveCriterion("BO-RIENG", c);
        },
        [&](storage::Database& db, const std::string& login) {
            services::FrameworkService(db, login).DeleteCriterion("BO-RIENG", doomed);
        });
    Agree(
        "retire a framework",
        [&] {
            services::FrameworkService fw(Db(), admin);
            for (const auto& f : fw.List())
                if (f.code == "BO-RIENG" && f.status == "retired") fw.Reactivate("BO-RIENG");
        },
        [&](storage::Database& db, const std::string& login) {
            services::FrameworkService(db, login).Retire("BO-RIENG");
        });
    Agree("import a framework", [&](storage::Database& db, const std::string& login) {
        const std::string k = std::to_string(Next());
        const std::string file = File("fw-" + k + ".csv");
        WriteFile(file,
                  "framework,year,kind,code,parent,title,max_points,rule,target,per_unit,no_data,"
                  "evidence_required\nBO-TEP-" +
                      k + ",2026,custom,1,,Tiêu chí,2,manual,,,,no\n");
        services::ImportFrameworks(db, file, login);
    });
}

BOOST_FIXTURE_TEST_CASE(plans_tasks_and_assignments, ServerOffice) {
    for (const std::string& code : kCommunes) {
        Agree("draft a plan of " + code, [&](storage::Database& db, const std::string& login) {
            services::DraftPlan(db, code, kFramework, "2025", 100, login);
        });
        Agree("draft a new plan of " + code, [&](storage::Database& db, const std::string& login) {
            // Each from another year's results: a plan of its own.
            const auto made = services::DraftPlan(db, code, kFramework,
                                                  std::to_string(2010 + Next() % 15), 100, login);
            BOOST_TEST(made.created);
        });
        Agree("add a task with coordinators to " + code,
              [&](storage::Database& db, const std::string& login) {
                  TaskRecord t;
                  t.solution = "Việc mới " + std::to_string(Next());
                  t.dueOn = "2026-12-31";
                  t.coordinators = {TaskCoordinator{std::nullopt, std::nullopt, "Công an xã"}};
                  services::PlanService(db, login).SaveTask(item[code], t);
              });
        Agree("edit a task of " + code + " and its coordinators",
              [&](storage::Database& db, const std::string& login) {
                  TaskRecord t = Plans().LoadTask(task[code]);
                  t.solution = "Niêm yết thủ tục " + std::to_string(Next());
                  t.coordinators.push_back(
                      TaskCoordinator{std::nullopt, std::nullopt, "Đoàn thanh niên"});
                  services::PlanService(db, login).SaveTask(0, t);
              });
        Agree("edit a task of " + code + ", not its coordinators",
              [&](storage::Database& db, const std::string& login) {
                  TaskRecord t = Plans().LoadTask(task[code]);
                  t.percentDone = Next() % 90;
                  services::PlanService(db, login).SaveTask(0, t);
              });
        std::int64_t doomed = 0;
        Agree(
            "delete a task of " + code,
            [&] {
                TaskRecord t;
                t.solution = "Việc bỏ " + std::to_string(Next());
                t.coordinators = {TaskCoordinator{std::nullopt, std::nullopt, "Công an xã"}};
                doomed = Plans().SaveTask(item[code], t).id;
            },
            [&](storage::Database& db, const std::string& login) {
                services::PlanService(db, login).DeleteTask(doomed);
            });
        Agree("change a target of " + code + "'s plan",
              [&](storage::Database& db, const std::string& login) {
                  PlanItemRecord i = Plans().Load(plan[code]).items.at(0);
                  i.targetText = "Đạt " + std::to_string(Next()) + " điểm";
                  services::PlanService(db, login).SaveItemTarget(i);
              });
        Agree("edit the document fields of " + code + "'s plan",
              [&](storage::Database& db, const std::string& login) {
                  PlanRecord p = Plans().Load(plan[code]);
                  p.number = std::to_string(Next()) + "/KH-UBND";
                  services::PlanService(db, login).SaveHeader(p);
              });
        Agree("add an item to " + code + "'s plan",
              [&](storage::Database& db, const std::string& login) {
                  const std::string k = std::to_string(Next());
                  services::PlanService(db, login).AddItem(plan[code], 0, "M" + k, "Mục " + k);
              });
        std::int64_t doomedItem = 0;
        Agree(
            "delete an item of " + code + "'s plan",
            [&] {
                const std::string k = std::to_string(Next());
                doomedItem = Plans().AddItem(plan[code], 0, "D" + k, "Mục bỏ " + k).id;
                TaskRecord t;
                t.solution = "Việc của mục bỏ";
                t.coordinators = {TaskCoordinator{std::nullopt, std::nullopt, "Công an xã"}};
                Plans().SaveTask(doomedItem, t);
            },
            [&](storage::Database& db, const std::string& login) {
                services::PlanService(db, login).DeleteItem(doomedItem);
            });
        Agree("import tasks of " + code, [&](storage::Database& db, const std::string& login) {
            const std::string k = std::to_string(Next());
            const std::string file = File("tasks-" + k + ".csv");
            WriteFile(file,
                      "unit,framework,year,criterion,target,task,coordinating_units,start,due,"
                      "status,percent\n" +
                          code + ",PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Việc tệp " + k +
                          ",Công an xã,2026-02-01,2026-06-30,not_started,0\n" + code +
                          ",PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Niêm yết thủ tục,,2026-01-05,"
                          "2026-06-30,in_progress," +
                          std::to_string(Next() % 90) + "\n");
            services::ImportTasks(db, file, login);
        });
        Agree("save the assignment matrix of " + code, [&](storage::Database& db,
                                                           const std::string& login) {
            auto matrix = services::AssignmentService(Db(), admin).LoadMatrix(code, "QD766");
            matrix.rows.at(0).title = "Công khai minh bạch " + std::to_string(Next());
            matrix.rows.at(1).coordinatingUnits = "Công an xã; Văn phòng";
            services::AssignmentService(db, login).Save(code, "QD766", matrix.rows, matrix.version);
        });
        Agree("import the assignment matrix of " + code,
              [&](storage::Database& db, const std::string& login) {
                  const std::string k = std::to_string(Next());
                  const std::string file = File("assignments-" + k + ".csv");
                  WriteFile(file,
                            "unit,framework,group,indicator,title,lead_unit,coordinating_units,"
                            "responsible_person\n" +
                                code + ",QD766,I,,Công khai " + k + ",,,\n" + code +
                                ",QD766,I,1.2,,,Công an xã,\n");
                  services::ImportAssignments(db, file, login);
              });
    }
}

BOOST_FIXTURE_TEST_CASE(progress_reports, ServerOffice) {
    // Each report is of another quarter (one report per task and quarter).
    auto quarter = [&] {
        const int k = Next();
        return std::to_string(2030 + k / 4) + "-Q" + std::to_string(k % 4 + 1);
    };
    for (const std::string& code : kCommunes) {
        for (const bool coordinated : {true, false})
            Agree(std::string("report progress on a task of ") + code +
                      (coordinated ? " with coordinators" : " without coordinators"),
                  [&](storage::Database& db, const std::string& login) {
                      services::ProgressInput in;
                      in.taskId = coordinated ? task[code] : plainTask[code];
                      in.period = quarter();
                      in.percent = n % 90;
                      in.note = "Đang làm";
                      services::AddProgressUpdate(db, in, login);
                  });
        Agree("report progress on a task of " + code + " with an evidence file",
              [&](storage::Database& db, const std::string& login) {
                  const std::string k = std::to_string(Next());
                  const std::string file = File("bien-ban-" + k + ".pdf");
                  WriteFile(file, "%PDF-1.4 biên bản " + k);
                  services::ProgressInput in;
                  in.taskId = task[code];
                  in.period = quarter();
                  in.percent = 50;
                  in.note = "Có biên bản";
                  services::EvidenceInput doc;
                  doc.title = "Biên bản " + k;
                  doc.filePath = file;
                  in.evidence = doc;
                  services::AddProgressUpdate(db, in, login);
              });
        std::string reported;
        std::int64_t reportId = 0;
        Agree(
            "report again the quarter of a task of " + code,
            [&] {
                services::ProgressInput in;
                in.taskId = task[code];
                in.period = reported = quarter();
                in.percent = 30;
                in.note = "Báo cáo quý";
                reportId = services::AddProgressUpdate(Db(), in, admin);
            },
            [&](storage::Database& db, const std::string& login) {
                services::ProgressInput in;
                in.taskId = task[code];
                in.period = reported;
                in.updateId = reportId;
                in.percent = 35;
                in.note = "Sửa lại";
                services::AddProgressUpdate(db, in, login);
            });
        Agree("close a task of " + code + " as done",
              [&](storage::Database& db, const std::string& login) {
                  services::ProgressInput in;
                  in.taskId = task[code];
                  in.period = quarter();
                  in.status = TaskStatus::Done;
                  in.percent = 100;
                  in.outcome = "Đã niêm yết đủ " + std::to_string(n) + " thủ tục";
                  services::AddProgressUpdate(db, in, login);
              });
    }
}

BOOST_FIXTURE_TEST_CASE(surveys_reports_and_accounts, ServerOffice) {
    for (const std::string& code : kCommunes) {
        Agree("import tallies of " + code, [&](storage::Database& db, const std::string& login) {
            const int k = Next();
            const std::string file = File("tallies-" + std::to_string(k) + ".csv");
            char month[16];
            std::snprintf(month, sizeof month, "%04d-%02d", 2027 + k / 12, k % 12 + 1);
            WriteFile(file,
                      "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
                      "dissatisfied,very_dissatisfied\n" +
                          code + "," + month + ",HOTICH,40,25,15,5,3,1,1\n" + code +
                          ",2026-01,HOTICH,41,25,15,5,3,1,1\n");
            services::ImportTallies(db, file, login);
        });
        Agree("import ratings of " + code, [&](storage::Database& db, const std::string& login) {
            const int k = Next();
            const std::string file = File("ratings-" + std::to_string(k) + ".csv");
            char at[32];
            std::snprintf(at, sizeof at, "2026-03-%02dT%02d:00:00", 1 + k % 28, 7 + k % 10);
            WriteFile(file,
                      "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n" +
                          std::string(at) + "," + code + ",CB-" + code.substr(3) +
                          ",Chứng thực,kiosk,5,4,5,Người dân " + std::to_string(k) + "\n");
            services::ImportRatings(db, file, login);
        });
        Agree("read a self-assessment of " + code,
              [&](storage::Database& db, const std::string& login) {
                  services::LoadSelfAssessment(db, person[code], "2026-Q1", login);
              });
        Agree("save a self-assessment of " + code,
              [&](storage::Database& db, const std::string& login) {
                  auto sheet = services::LoadSelfAssessment(Db(), person[code], "2026-Q2", "");
                  for (auto& l : sheet.lines) l.self = Next() % 2;
                  services::SaveSelfAssessment(db, sheet, login);
              });
        Agree("save the report texts of " + code,
              [&](storage::Database& db, const std::string& login) {
                  services::ReportArchive(db, login).SaveNarratives(
                      unitOf[code], "2026-Q1", "quarterly",
                      {{"results", "Kết quả " + std::to_string(Next())}});
              });
        Agree("edit the report texts of " + code,
              [&](storage::Database& db, const std::string& login) {
                  auto texts = services::ReportArchive(Db(), admin)
                                   .NarrativeTexts(unitOf[code], "2026-Q2", "quarterly");
                  texts["results"].body = "Kết quả " + std::to_string(Next());
                  texts["limits"].body = "Hạn chế " + std::to_string(n);
                  services::ReportArchive(db, login).SaveNarrativeTexts(unitOf[code], "2026-Q2",
                                                                        "quarterly", texts);
              });
        auto request = [&] {
            services::IssueRequest r;
            r.reportType = "quarterly";
            r.unitId = unitOf[code];
            r.issuerUnitId = unitOf[code];
            r.period = "2026-Q1";
            r.year = 2026;
            r.number = Next();
            r.issuerSymbol = "UBND";
            r.title = "Báo cáo";
            return r;
        };
        Agree("issue a report of " + code, [&](storage::Database& db, const std::string& login) {
            services::ReportArchive(db, login).Issue(request(), "%PDF-1.4 trang");
        });
        std::int64_t issued = 0;
        Agree(
            "revoke a report of " + code,
            [&] {
                issued = services::ReportArchive(Db(), admin).Issue(request(), "%PDF-1.4 x").id;
            },
            [&](storage::Database& db, const std::string& login) {
                services::ReportArchive(db, login).Revoke(issued);
            });
    }
    Agree("save a view of the task board", [&](storage::Database& db, const std::string& login) {
        services::TaskBoardView view;
        view.status = "open";
        view.text = "niêm yết " + std::to_string(Next());
        services::SaveTaskView(db, login, "Việc đang làm", view);
    });
    Agree(
        "delete a view of the task board",
        [&] {
            for (const auto& desk : desks)
                services::SaveTaskView(Db(), desk.login, "Việc quá hạn", {});
        },
        [&](storage::Database& db, const std::string& login) {
            services::DeleteTaskView(db, login, "Việc quá hạn");
            BOOST_TEST(services::SavedTaskViews(Db(), login).size() == 1u);
        });
    Agree("add an account", [&](storage::Database& db, const std::string& login) {
        services::AccountService(db, login).Add(TestLogin("moi" + std::to_string(Next())),
                                                Role::Clerk, "XA-A", "Người mới", "Mk-nguoi-moi-1");
    });
    Agree("set another account's password", [&](storage::Database& db, const std::string& login) {
        services::AccountService(db, login).SetPassword(spare, "Mk-phu-" + std::to_string(Next()));
    });
    Agree("set one's own password", [&](storage::Database& db, const std::string& login) {
        services::AccountService(db, login).SetPassword(login, Password(login));
    });
    Agree(
        "disable an account", [&] { services::AccountService(Db(), admin).SetActive(spare, true); },
        [&](storage::Database& db, const std::string& login) {
            services::AccountService(db, login).SetActive(spare, false);
        });
    Agree("change an account's role and unit",
          [&](storage::Database& db, const std::string& login) {
              for (const auto& a : services::AccountService(Db(), admin).List())
                  if (a.login == spare) {
                      const bool viewer = a.role == Role::Viewer;
                      services::AccountService(db, login).Change(
                          a, viewer ? Role::Clerk : Role::Viewer, viewer ? "XA-B" : "",
                          "Tài khoản phụ " + std::to_string(Next()));
                  }
          });
}

// The ratings list on the server: an account of the whole office counts
// from the ratings' day counts, a commune's account its commune's ratings
// (the counts of every commune are not for it); each reads on its own
// connection what the services count for it on the owner's, and the day
// counts stay in step with the ratings, whoever imports them.
BOOST_FIXTURE_TEST_CASE(the_ratings_list_of_each_account, ServerOffice) {
    if (!onServer) return;
    std::string csv = "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n";
    const char* channels[] = {"kiosk", "qr", "online", "paper"};
    for (int i = 0; i < 600; ++i) {
        const std::string code = kCommunes[i % 2];
        char line[200];
        std::snprintf(line, sizeof line,
                      "2026-04-%02dT%02d:%02d:00,%s,CB-%s,Chứng thực,%s,%d,%d,%d,"
                      "Người dân %d\n",
                      1 + (i * 7) % 28, 7 + i % 10, i % 60, code.c_str(), code.substr(3).c_str(),
                      channels[i % 4], 1 + i % 5, 1 + (i / 5) % 5, 1 + (i / 3) % 5, i);
        csv += line;
    }
    Write("ratings-list.csv", csv);
    services::ImportRatings(Db(), File("ratings-list.csv"), admin);
    for (const auto& desk : desks) {
        if (desk.role != Role::Clerk) continue;
        // A commune's clerk imports its commune's ratings on its own connection.
        Write("ratings-clerk.csv",
              "time,unit,officer,procedure,channel,attitude,handling,guidance\n"
              "2026-04-30T10:00:00,XA-A,CB-A,Chứng thực,qr,5,5,4\n");
        services::ImportRatings(*desk.db, File("ratings-clerk.csv"), desk.login);
    }
    BOOST_TEST(storage::RatingRepository(Db().session()).DayCountsDisagreeing() == 0);
    services::RatingListFilter kiosk, high, april;
    kiosk.channel = "kiosk";
    high.minScore = 4;
    april.from = "2026-04-05", april.to = "2026-04-25";
    for (const auto& desk : desks) {
        for (const auto& f : {services::RatingListFilter{}, kiosk, high, april}) {
            BOOST_TEST_CONTEXT(desk.login << ", channel " << f.channel.value_or("-") << ", from "
                                          << f.minScore.value_or(0)) {
                const long total = services::CountRatings(Db(), desk.login, f);
                BOOST_TEST(total > 0);
                BOOST_TEST(services::CountRatings(*desk.db, desk.login, f) == total);
                for (long at : {0L, 150L, 250L, total / 2, total - 20}) {
                    if (at < 0 || at >= total) continue;
                    std::vector<std::int64_t> want, got;
                    for (const auto& r :
                         services::RatingsWindow(Db(), desk.login, f, at, 20, total))
                        want.push_back(r.id);
                    for (const auto& r :
                         services::RatingsWindow(*desk.db, desk.login, f, at, 20, total))
                        got.push_back(r.id);
                    BOOST_TEST(got == want, "at " << at);
                }
            }
        }
    }
    // The whole office's count is every rating; a commune's its own.
    storage::RatingRepository owner(Db().session());
    BOOST_TEST(services::CountRatings(Db(), admin, {}) == owner.Count());
    storage::RatingFilter ofA;
    ofA.unitId = unitOf["XA-A"];
    BOOST_TEST(services::CountRatings(Db(), TestLogin("ct_a"), {}) == owner.CountMatching(ofA));
}

// An office with accounts but no units yet: the demo office is the
// administrator's to fill (the others are refused before the office is
// looked at; the administrator tries first).
struct EmptyOffice : Desks {
    EmptyOffice() {
        if (!onServer) return;
        services::LoadBuiltinCatalogues(Db());
        AddAccounts("");
    }
};

BOOST_FIXTURE_TEST_CASE(the_demo_office, EmptyOffice) {
    Agree("fill in the demo office", [&](storage::Database& db, const std::string& login) {
        services::DemoOptions o;
        o.communes = 2;
        o.years = 1;
        o.ratings = 30;
        o.asOf = Date{2026, 6, 15};
        o.user = login;
        services::BuildDemo(db, o, nullptr);
    });
}

BOOST_FIXTURE_TEST_CASE(results_workflow_and_evidence, ServerOffice) {
    auto type = [&](const std::string& code, const std::string& criterion, ResultField field) {
        return [&, code, criterion, field](storage::Database& db, const std::string& login) {
            services::SheetEdit e;
            e.criterion = criterion;
            e.field = field;
            if (field == ResultField::Note)
                e.text = "Ghi chú " + std::to_string(Next());
            else
                e.value = 0.5 * (Next() % 3);
            services::ResultSheetService(db, login).Apply(SheetOf(code), {e});
        };
    };
    auto in = [&](const std::string& code, ResultStatus state) {
        return [&, code, state] { SetState(code, state); };
    };
    auto anyLeaf = [&] { return leaves.at(static_cast<std::size_t>(Next()) % leaves.size()); };
    // A criterion of the unit without a stored result.
    auto freshLeaf = [&](const std::string& code) {
        const auto sheet = SheetOf(code);
        for (const auto& leaf : leaves)
            for (const auto& row : sheet.rows)
                if (row.code == leaf && row.version == 0) return leaf;
        BOOST_FAIL("every criterion of " << code << " has a result");
        return std::string();
    };
    for (const std::string& code : kCommunes) {
        Agree("type a self score of " + code, in(code, ResultStatus::Draft),
              type(code, "2.3", ResultField::SelfScore));
        Agree("type a note of " + code, in(code, ResultStatus::Draft),
              type(code, "2.3", ResultField::Note));
        Agree("type a self score of " + code + " where none was stored",
              in(code, ResultStatus::Draft), [&](storage::Database& db, const std::string& login) {
                  services::SheetEdit e;
                  e.criterion = freshLeaf(code);
                  e.value = 0;  // nothing claimed: no evidence needed
                  services::ResultSheetService(db, login).Apply(SheetOf(code), {e});
              });
        Agree("type a note of " + code + "'s submitted results", in(code, ResultStatus::Submitted),
              type(code, "2.3", ResultField::Note));
        Agree("type a note of " + code + "'s submitted results where none was stored",
              in(code, ResultStatus::Submitted),
              [&](storage::Database& db, const std::string& login) {
                  type(code, freshLeaf(code), ResultField::Note)(db, login);
              });
        Agree("type an appraised score of " + code, in(code, ResultStatus::Submitted),
              type(code, "2.3", ResultField::AppraisedScore));
        Agree("submit the results of " + code, in(code, ResultStatus::Draft),
              [&](storage::Database& db, const std::string& login) {
                  services::ResultSheetService(db, login).Submit(SheetOf(code));
              });
        Agree("withdraw the results of " + code, in(code, ResultStatus::Submitted),
              [&](storage::Database& db, const std::string& login) {
                  services::ResultSheetService(db, login).Withdraw(SheetOf(code));
              });
        Agree("appraise the results of " + code, in(code, ResultStatus::Submitted),
              [&](storage::Database& db, const std::string& login) {
                  services::ResultSheetService(db, login).Appraise(SheetOf(code));
              });
        Agree("reopen the results of " + code, in(code, ResultStatus::Appraised),
              [&](storage::Database& db, const std::string& login) {
                  services::ResultSheetService(db, login).Reopen(SheetOf(code), "Chấm lại");
              });
        Agree(
            "withdraw the reopened results of " + code,
            [&] {
                SetState(code, ResultStatus::Appraised);
                Sheets().Reopen(SheetOf(code), "Chấm lại");
            },
            [&](storage::Database& db, const std::string& login) {
                services::ResultSheetService(db, login).Withdraw(SheetOf(code));
            });
        for (const ResultStatus state : {ResultStatus::Draft, ResultStatus::Submitted}) {
            const std::string when = state == ResultStatus::Draft ? "" : " (submitted)";
            Agree("attach evidence to a result of " + code + when, in(code, state),
                  [&](storage::Database& db, const std::string& login) {
                      services::EvidenceInput doc;
                      doc.title = "Báo cáo " + std::to_string(Next());
                      services::ResultSheetService(db, login).AttachEvidence(SheetOf(code), "2.3",
                                                                             doc);
                  });
            Agree("attach an evidence file where no result was stored, " + code + when,
                  in(code, state), [&](storage::Database& db, const std::string& login) {
                      const std::string k = std::to_string(Next());
                      const std::string file = File("qd-" + k + ".pdf");
                      WriteFile(file, "%PDF-1.4 quyết định " + k);
                      services::EvidenceInput doc;
                      doc.docNumber = k + "/QĐ-UBND";
                      doc.title = "Quyết định " + k;
                      doc.filePath = file;
                      services::ResultSheetService(db, login).AttachEvidence(SheetOf(code),
                                                                             freshLeaf(code), doc);
                  });
            std::string known;
            Agree(
                "attach a file already in the register with other details, " + code + when,
                [&] {
                    known = File("so-tay-" + std::to_string(Next()) + ".pdf");
                    WriteFile(known, "%PDF-1.4 " + known);
                    services::EvidenceInput input;
                    input.title = "Sổ tay";
                    input.filePath = known;
                    SetState(code, ResultStatus::Draft);
                    Sheets().AttachEvidence(SheetOf(code), "2.3", input);
                    SetState(code, state);
                },
                [&](storage::Database& db, const std::string& login) {
                    services::EvidenceInput input;
                    input.title = "Sổ tay nghiệp vụ " + std::to_string(Next());
                    input.filePath = known;
                    input.detailsTyped = true;
                    for (const auto& e : Sheets().Register(SheetOf(code)))
                        if (e.title == "Sổ tay") input.version = e.version;
                    services::ResultSheetService(db, login).AttachEvidence(SheetOf(code), "2.3",
                                                                           input);
                });
            std::int64_t doc = 0;
            Agree(
                "link a document to a result of " + code + when,
                [&] {
                    SetState(code, ResultStatus::Draft);
                    services::EvidenceInput input;
                    input.title = "Văn bản " + std::to_string(Next());
                    doc = Sheets().AttachEvidence(SheetOf(code), anyLeaf(), input);
                    SetState(code, state);
                },
                [&](storage::Database& db, const std::string& login) {
                    const auto read = Sheets().EvidenceOf(SheetOf(code), "2.3");
                    services::ResultSheetService(db, login).LinkEvidence(SheetOf(code), "2.3", doc,
                                                                         read.version);
                });
            Agree(
                "unlink a document from a result of " + code + when,
                [&] {
                    SetState(code, ResultStatus::Draft);
                    services::EvidenceInput input;
                    input.title = "Văn bản " + std::to_string(Next());
                    doc = Sheets().AttachEvidence(SheetOf(code), "2.3", input);
                    SetState(code, state);
                },
                [&](storage::Database& db, const std::string& login) {
                    const auto read = Sheets().EvidenceOf(SheetOf(code), "2.3");
                    services::ResultSheetService(db, login).DetachEvidence(SheetOf(code), "2.3",
                                                                           doc, read.version);
                });
        }
        for (const bool appraised : {false, true})
            Agree(std::string("import results of ") + code +
                      (appraised ? " with appraised scores" : ""),
                  in(code, ResultStatus::Draft),
                  [&](storage::Database& db, const std::string& login) {
                      const std::string k = std::to_string(Next());
                      const std::string score = k.back() < '5' ? "1" : "1.5";
                      const std::string file = File("results-" + k + ".csv");
                      WriteFile(file,
                                "unit,framework,period,criterion,self_score,appraised_score,"
                                "numerator,denominator,note\n" +
                                    code + ",PAR-XA-2025,2025,2.3," + score + "," +
                                    (appraised ? score : "") + ",,,Tệp " + k + "\n" + code +
                                    ",PAR-XA-2025,2025," + anyLeaf() + ",0,,,,\n");
                      services::ImportResults(db, file, login);
                  });
    }
    Agree(
        "fill the satisfaction criterion from the tallies",
        [&] {
            // Other figures each time: the filled results change.
            const std::string file = File("tallies-" + std::to_string(Next()) + ".csv");
            const std::string last = std::to_string(1 + n % 5);
            WriteFile(file,
                      "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
                      "dissatisfied,very_dissatisfied\nXA-A,2026-02,HOTICH,40,,10,5,3,1," +
                          last + "\nXA-B,2026-02,HOTICH,40,,10,5,3,1," + last + "\n");
            services::ImportTallies(Db(), file, admin);
        },
        [&](storage::Database& db, const std::string& login) {
            services::FillCriterionFromSurveys(db, "QD766", "5.3", "2026", login);
        });
}

// Backups and restores run the server's own tools (pg_dump, psql), which
// only the database owner's connection may run: the services refuse them
// on an account's connection and say who does it.
BOOST_FIXTURE_TEST_CASE(backups_restores_and_the_demo, ServerOffice) {
    if (!onServer) return;
    const std::string copy = File("office.backup");
    services::BackupDatabase(Db(), copy, false, admin, nullptr);
    Agree(
        "back up the database", [] {},
        [&](storage::Database& db, const std::string& login) {
            services::BackupDatabase(db, File("copy-" + std::to_string(Next()) + ".backup"), false,
                                     login, nullptr);
        },
        Action::BackUp);
    Agree(
        "restore the database", [] {},
        [&](storage::Database& db, const std::string& login) {
            services::RestoreDatabase(db, copy, true, login, nullptr);
        },
        Action::Restore);
    // The administrator is told who does it; the owner's connection does.
    const Outcome own = Attempt([&] {
        services::BackupDatabase(*desks.at(0).db, File("own.backup"), false, admin, nullptr);
    });
    BOOST_TEST(own.kind == Outcome::RefusedByServices);
    BOOST_TEST(own.text.find("cchc backup") != std::string::npos, own.text);
    BOOST_TEST(std::filesystem::exists(copy));
    BOOST_TEST(services::RestoreDatabase(Db(), copy, true, admin, nullptr).backupVersion ==
               storage::Database::LatestSchemaVersion());
}

// Reading another commune's data by its code, on the account's own
// connection: refused with the refusal sentence (the server hides the unit,
// which is no reason to say it does not exist); a code no unit has is said
// not to exist; the whole office's report is the office's.
BOOST_FIXTURE_TEST_CASE(reading_another_commune_by_its_code, ServerOffice) {
    if (!onServer) return;
    for (const auto& desk : desks) {
        if (desk.role != Role::Chair && desk.role != Role::Clerk) continue;
        storage::Database& db = *desk.db;
        const std::string& login = desk.login;
        const std::map<std::string, std::function<void(const std::string&)>> reads = {
            {"the result sheet",
             [&](const std::string& code) {
                 services::ResultSheetService(db, login).Load(code, kFramework, "2025");
             }},
            {"the points lost",
             [&](const std::string& code) {
                 services::GapsForUnit(db, code, kFramework, "2025", login);
             }},
            {"the survey",
             [&](const std::string& code) {
                 services::SurveyQuery q;
                 q.period = "2026";
                 q.unitCode = code;
                 q.user = login;
                 services::SurveyByField(db, q);
             }},
            {"the self-assessments",
             [&](const std::string& code) {
                 services::SelfAssessmentSummary(db, login, "2026-Q1", code);
             }},
            {"the assignment matrix",
             [&](const std::string& code) {
                 services::AssignmentService(db, login).Load(code, "QD766");
             }},
            {"the quarterly report",
             [&](const std::string& code) {
                 services::ReportRequest r;
                 r.type = "quarterly";
                 r.period = "2026-Q1";
                 r.unitCode = code;
                 r.user = login;
                 services::BuildReport(db, r);
             }},
            {"the audit trail",
             [&](const std::string& code) {
                 services::AuditTrailFilter f;
                 f.unitCode = code;
                 services::ReadAuditTrail(db, login, f);
             }},
        };
        for (const auto& [what, read] : reads) {
            BOOST_TEST_CONTEXT(what << ", as " << RoleKey(desk.role)) {
                const Outcome other = Attempt([&] { read("XA-B"); });
                BOOST_TEST(other.kind == Outcome::RefusedByServices, other);
                BOOST_TEST(other.text.rfind("account " + login + " may not ", 0) == 0, other);
                const Outcome none = Attempt([&] { read("XA-KHONG-CO"); });
                if (none.kind != Outcome::RefusedByServices) {  // a clerk's audit trail
                    BOOST_TEST(none.kind == Outcome::Failed, none);
                    BOOST_TEST(none.text.find("does not exist: XA-KHONG-CO") != std::string::npos,
                               none);
                }
                BOOST_TEST(Attempt([&] { read("XA-A"); }).kind != Outcome::Failed);
            }
        }
        services::ReportRequest office;
        office.type = "quarterly";
        office.period = "2026-Q1";
        office.user = login;
        const Outcome whole = Attempt([&] { services::BuildReport(db, office); });
        BOOST_TEST(whole.kind == Outcome::RefusedByServices, whole);
    }
}

// A commune's quarterly report, built on its chair's own connection (which
// reads its commune's result sets only), ranks it among all the office's
// communes; while another commune's totals wait to be recomputed after its
// framework changed, the rank is left out rather than guessed.
BOOST_FIXTURE_TEST_CASE(a_communes_report_ranks_it_among_all_the_communes, ServerOffice) {
    if (!onServer) return;
    Write("appraised.csv",
          "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n"
          "XA-A,PAR-XA-2025,2025,2.3,1,0.5,,,\nXA-B,PAR-XA-2025,2025,2.3,1,1,,,\n");
    services::ImportResults(Db(), File("appraised.csv"), admin);
    const Desk* chair = nullptr;
    for (const auto& desk : desks)
        if (desk.role == Role::Chair) chair = &desk;
    BOOST_REQUIRE(chair);
    auto report = [&] {
        services::ReportRequest r;
        r.type = "quarterly";
        r.period = "2026-Q1";
        r.unitCode = "XA-A";
        r.issuedOn = Date{2026, 4, 5};
        r.user = chair->login;
        const auto built = services::BuildReport(*chair->db, r);
        std::string sentence, rank;
        bool next = false;
        for (const auto& section : built.document.sections)
            for (const auto& block : section.blocks) {
                if (const auto* p = std::get_if<report::Paragraph>(&block)) {
                    std::string text;
                    for (const auto& run : p->runs) text += run.text;
                    next = text.find("xếp loại") != std::string::npos;
                    if (next) sentence = text;
                } else if (const auto* t = std::get_if<report::Table>(&block); t && next) {
                    BOOST_REQUIRE(t->rows.size() == 2u);
                    rank = t->rows[1].cells.at(0).PlainText();
                    next = false;
                }
            }
        return std::make_pair(sentence, rank);
    };
    auto standing = [&] {
        return services::StandingOf(*chair->db, "XA-A", kFramework, "2025", true, chair->login);
    };
    // What the chair's connection reads: its commune alone.
    BOOST_TEST(services::RankUnits(*chair->db, kFramework, "2025", true, chair->login).size() ==
               1u);
    BOOST_TEST_REQUIRE(standing().has_value());
    BOOST_TEST(standing()->rank == 2);
    BOOST_TEST(standing()->count == 2);
    auto [sentence, rank] = report();
    BOOST_TEST(sentence.find(", xếp hạng 2/2 đơn vị.") != std::string::npos, sentence);
    BOOST_TEST(rank == "2");

    // The framework changed: every set's totals are stale; the chair's
    // connection recomputes its own only.
    const auto fw = storage::FrameworkRepository(Db().session()).IdByCode(kFramework);
    BOOST_REQUIRE(fw);
    storage::ResultSetRepository(Db().session()).MarkFrameworkStale(*fw);
    BOOST_TEST(!standing().has_value());
    std::tie(sentence, rank) = report();
    BOOST_TEST(sentence.find("xếp loại") != std::string::npos, sentence);
    BOOST_TEST(sentence.find("xếp hạng") == std::string::npos, sentence);
    BOOST_TEST(rank == "-");
    // The office reads the ranking (recomputing every set): ranked again.
    BOOST_TEST(services::RankUnits(Db(), kFramework, "2025", true, admin).size() == 2u);
    BOOST_TEST_REQUIRE(standing().has_value());
    BOOST_TEST(standing()->rank == 2);
}

BOOST_AUTO_TEST_SUITE_END()
