// The role × action matrix of core/access.h enforced by the services, on
// both backends: each role of PRODUCT.md tries what the office's desks do
// (units, settings, frameworks, tasks, progress, scores, submitting,
// appraising, report texts, issuing, revoking, imports) on its own commune
// and on another; what it may not do is refused with a sentence naming the
// account, and nothing is stored. A database without accounts is one desk's
// and refuses nothing.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <variant>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "fixture.h"
#include "services/app/access_guard.h"
#include "services/app/accounts.h"
#include "services/app/audit_trail.h"
#include "services/app/backup.h"
#include "services/app/demo.h"
#include "services/app/overview.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "services/io/table_io.h"
#include "services/org/lineage.h"
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
#include "services/surveys/dossier_sheet.h"
#include "services/surveys/ratings_list.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/survey_calendar.h"
#include "services/surveys/surveys.h"
#include "services/surveys/tally_sheet.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
const char* kUnits =
    "code,name,kind,parent\n"
    "H-TEST,Huyện Thử,district,\n"
    "XA-A,Xã An Hòa,commune,H-TEST\n"
    "XA-B,Xã Bình An,commune,H-TEST\n";

const char* kTasks =
    "unit,framework,year,criterion,target,task,start,due,status,percent\n"
    "XA-A,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Niêm yết thủ tục,2026-01-05,2026-06-30,"
    "in_progress,10\n"
    "XA-B,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Cập nhật cổng dịch vụ công,2026-01-05,"
    "2026-06-30,in_progress,20\n";

// What a test tries: nothing thrown is "ok", a refusal "refused: <message>",
// anything else its text.
std::string Try(const std::function<void()>& f) {
    try {
        f();
    } catch (const services::AccessDenied& e) {
        return "refused: " + e.message();
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
    return "ok";
}

bool Refused(const std::string& outcome) { return outcome.rfind("refused: ", 0) == 0; }

struct Office : DbFixture {
    std::int64_t unitA = 0, unitB = 0, taskA = 0, taskB = 0;
    Office() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"), kUnits);
        services::ImportUnits(Db(), dir.File("units.csv"), "setup");
        WriteFile(dir.File("tasks.csv"), kTasks);
        services::ImportTasks(Db(), dir.File("tasks.csv"), "setup");
        storage::UnitRepository units(Db().session());
        unitA = units.ByCode("XA-A")->id;
        unitB = units.ByCode("XA-B")->id;
        for (const auto& t : services::TaskBoard(Db(), Date{2026, 3, 1}, "").List({}))
            (t.row.unitId == unitA ? taskA : taskB) = t.row.taskId;
        // The accounts of the office and of commune A (inserted as the
        // account service would, without the server's login roles).
        storage::UserRepository users(Db().session());
        users.Insert("quantri", "", "admin", std::nullopt);
        users.Insert("chuyenvien", "", "specialist", std::nullopt);
        users.Insert("ct_a", "", "chair", unitA);
        users.Insert("cc_a", "", "clerk", unitA);
        users.Insert("xem", "", "viewer", std::nullopt);
    }

    // The tasks on the board, as the administrator reads it.
    std::vector<services::BoardTask> Board() {
        return services::TaskBoard(Db(), Date{2026, 3, 1}, "quantri").List({});
    }
    TaskRecord Task(std::int64_t id) { return services::PlanService(Db(), "quantri").LoadTask(id); }
};

const std::vector<std::string> kLogins = {"quantri", "chuyenvien", "ct_a", "cc_a", "xem"};

// The logins that may do it, of kLogins, in order.
std::vector<std::string> Allowed(const std::function<std::string(const std::string&)>& attempt) {
    std::vector<std::string> out;
    for (const auto& login : kLogins) {
        const std::string outcome = attempt(login);
        if (outcome == "ok")
            out.push_back(login);
        else
            BOOST_TEST_MESSAGE(login + ": " + outcome);
    }
    return out;
}
using Logins = std::vector<std::string>;
}  // namespace

BOOST_AUTO_TEST_SUITE(access_matrix)

BOOST_FIXTURE_TEST_CASE(units_settings_and_frameworks_are_the_offices, Office) {
    int n = 0;
    BOOST_TEST(Allowed([&](const std::string& login) {
                   Unit u;
                   u.code = "XA-MOI-" + std::to_string(++n);
                   u.name = "Xã Mới " + std::to_string(n);
                   u.parentId = storage::UnitRepository(Db().session()).ByCode("H-TEST")->id;
                   return Try([&] { services::OrganisationService(Db(), login).SaveUnit(u); });
               }) == (Logins{"quantri", "chuyenvien"}));
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] {
                       services::OrganisationService org(Db(), login);
                       auto office = org.Office();
                       office.signerName = "Người ký " + login;
                       org.SaveOffice(office);
                   });
               }) == (Logins{"quantri"}));
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] {
                       services::FrameworkService(Db(), login)
                           .Create("BO-" + login.substr(0, 4), "Bộ chỉ số " + login, 2026,
                                   FrameworkKind::Custom);
                   });
               }) == (Logins{"quantri"}));
    // Nothing of a refused save was stored.
    BOOST_TEST(services::OrganisationService(Db(), "setup").Office().signerName ==
               "Người ký quantri");
    // Which units were formed from which: the office's too.
    WriteFile(dir.File("lineage.csv"), "unit,predecessor,date\nXA-B,XA-A,2025-07-01\n");
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try(
                       [&] { services::ImportLineage(Db(), dir.File("lineage.csv"), login); });
               }) == (Logins{"quantri", "chuyenvien"}));
}

BOOST_FIXTURE_TEST_CASE(tasks_are_written_by_the_office_and_the_communes_chair, Office) {
    int percent = 10;
    auto edit = [&](std::int64_t taskId) {
        return [&, taskId](const std::string& login) {
            return Try([&] {
                TaskRecord t = Task(taskId);
                t.percentDone = ++percent;
                services::PlanService(Db(), login).SaveTask(0, t);
            });
        };
    };
    BOOST_TEST(Allowed(edit(taskA)) == (Logins{"quantri", "chuyenvien", "ct_a"}));
    // Commune A's chair may not touch commune B's task.
    BOOST_TEST(Allowed(edit(taskB)) == (Logins{"quantri", "chuyenvien"}));
    const int was = Task(taskB).percentDone;
    const std::string refusal = edit(taskB)("ct_a");
    BOOST_TEST(refusal.find("ct_a") != std::string::npos);
    BOOST_TEST(refusal.find("Xã Bình An") != std::string::npos);
    BOOST_TEST(Task(taskB).percentDone == was);
}

BOOST_FIXTURE_TEST_CASE(progress_is_recorded_in_the_commune_by_its_chair_and_clerk, Office) {
    int percent = 20;
    // Each attempt reports another quarter: one update per task and quarter.
    int quarter = 0;
    auto report = [&](std::int64_t taskId) {
        return [&, taskId](const std::string& login) {
            return Try([&] {
                services::ProgressInput in;
                in.taskId = taskId;
                in.period =
                    std::to_string(2026 + quarter / 4) + "-Q" + std::to_string(quarter % 4 + 1);
                ++quarter;
                in.percent = ++percent;
                services::AddProgressUpdate(Db(), in, login);
            });
        };
    };
    BOOST_TEST(Allowed(report(taskA)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    BOOST_TEST(Allowed(report(taskB)) == (Logins{"quantri", "chuyenvien"}));
}

BOOST_FIXTURE_TEST_CASE(scores_submitting_and_appraising_follow_the_matrix, Office) {
    int n = 0;
    auto type = [&](const std::string& unitCode, ResultField field) {
        return [&, unitCode, field](const std::string& login) {
            return Try([&] {
                services::ResultSheetService sheets(Db(), login);
                services::SheetEdit e;
                e.criterion = "2.3";  // at most 2 points
                e.field = field;
                e.value = 0.5 * (++n % 5);
                sheets.Apply(sheets.Load(unitCode, "PAR-XA-2025", "2025"), {e});
            });
        };
    };
    BOOST_TEST(Allowed(type("XA-A", ResultField::SelfScore)) ==
               (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    BOOST_TEST(Allowed(type("XA-B", ResultField::SelfScore)) == (Logins{"quantri", "chuyenvien"}));
    BOOST_TEST(Allowed(type("XA-A", ResultField::AppraisedScore)) ==
               (Logins{"quantri", "chuyenvien"}));

    // Evidence: the commune's chair and clerk attach it, the viewer not.
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] {
                       services::ResultSheetService sheets(Db(), login);
                       services::EvidenceInput doc;
                       doc.docNumber = "12/BC-UBND";
                       doc.title = "Báo cáo của " + login;
                       sheets.AttachEvidence(sheets.Load("XA-A", "PAR-XA-2025", "2025"), "2.3",
                                             doc);
                   });
               }) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    {
        // A self score the appraisal may keep within the maximum.
        services::ResultSheetService sheets(Db(), "quantri");
        services::SheetEdit e;
        e.criterion = "2.3";
        e.field = ResultField::AppraisedScore;
        e.value = 1.5;
        sheets.Apply(sheets.Load("XA-A", "PAR-XA-2025", "2025"), {e});
    }
    // Submitting and withdrawing: the chair (and the office), not the clerk.
    auto submitThenWithdraw = [&](const std::string& login) {
        return Try([&] {
            services::ResultSheetService sheets(Db(), login);
            auto submitted = sheets.Submit(sheets.Load("XA-A", "PAR-XA-2025", "2025"));
            sheets.Withdraw(submitted);
        });
    };
    BOOST_TEST(Allowed(submitThenWithdraw) == (Logins{"quantri", "chuyenvien", "ct_a"}));
    // Appraising and reopening: the office only.
    auto appraiseThenReopen = [&](const std::string& login) {
        return Try([&] {
            services::ResultSheetService sheets(Db(), login);
            auto setup = services::ResultSheetService(Db(), "quantri");
            auto sheet = sheets.Load("XA-A", "PAR-XA-2025", "2025");
            if (sheet.status == ResultStatus::Draft) sheet = setup.Submit(sheet);
            auto appraised = sheets.Appraise(sheet);
            sheets.Reopen(appraised, "Thẩm định lại");
        });
    };
    BOOST_TEST(Allowed(appraiseThenReopen) == (Logins{"quantri", "chuyenvien"}));
}

BOOST_FIXTURE_TEST_CASE(report_texts_issuing_and_revoking, Office) {
    int n = 0;
    auto draft = [&](std::int64_t unit) {
        return [&, unit](const std::string& login) {
            return Try([&] {
                services::ReportArchive(Db(), login)
                    .SaveNarratives(unit, "2026-Q1", "quarterly",
                                    {{"results", "Kết quả " + std::to_string(++n)}});
            });
        };
    };
    BOOST_TEST(Allowed(draft(unitA)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    BOOST_TEST(Allowed(draft(unitB)) == (Logins{"quantri", "chuyenvien"}));

    auto issue = [&](const std::string& login) {
        return Try([&] {
            services::IssueRequest r;
            r.reportType = "quarterly";
            r.unitId = unitA;
            r.issuerUnitId = unitA;
            r.period = "2026-Q1";
            r.year = 2026;
            r.issuerSymbol = "UBND";
            r.title = "Báo cáo";
            services::ReportArchive(Db(), login).Issue(r, "%PDF-1.4 trang");
        });
    };
    BOOST_TEST(Allowed(issue) == (Logins{"quantri", "chuyenvien", "ct_a"}));
    const auto issued = services::ReportArchive(Db(), "quantri").List(std::nullopt, std::nullopt);
    BOOST_REQUIRE_EQUAL(issued.size(), 3u);
    std::size_t next = 0;
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] {
                       services::ReportArchive(Db(), login).Revoke(issued.at(next).id);
                       ++next;
                   });
               }) == (Logins{"quantri", "chuyenvien"}));
    // Everyone reprints what is in scope; viewers print.
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] { services::ReportArchive(Db(), login).Reprint(issued[0].id); });
               }) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a", "xem"}));
}

BOOST_FIXTURE_TEST_CASE(an_import_naming_another_commune_is_refused_at_its_line, Office) {
    WriteFile(dir.File("mine.csv"),
              "unit,framework,year,criterion,target,task,start,due,status,percent\n"
              "XA-A,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Việc mới của xã A,2026-02-01,2026-06-30,"
              "not_started,0\n"
              "XA-B,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Việc chen vào xã B,2026-02-01,2026-06-30,"
              "not_started,0\n");
    const auto before = Board().size();
    try {
        services::ImportTasks(Db(), dir.File("mine.csv"), "ct_a");
        BOOST_FAIL("the chair of A imported a task of B");
    } catch (const services::AccessDenied& e) {
        BOOST_TEST(e.where().file == "mine.csv");
        BOOST_TEST(e.where().line == 3);
        BOOST_TEST(e.where().field == "unit");
        BOOST_TEST(e.message().find("Xã Bình An") != std::string::npos);
    }
    // Nothing of the file was stored, not even commune A's row.
    BOOST_TEST(Board().size() == before);
    // The viewer imports nothing at all; the clerk no tasks.
    BOOST_TEST(Refused(Try([&] { services::ImportTasks(Db(), dir.File("mine.csv"), "xem"); })));
    BOOST_TEST(Refused(Try([&] { services::ImportTasks(Db(), dir.File("mine.csv"), "cc_a"); })));
    BOOST_TEST(Try([&] { services::ImportTasks(Db(), dir.File("mine.csv"), "chuyenvien"); }) ==
               "ok");
    BOOST_TEST(Board().size() == before + 2);
}

BOOST_FIXTURE_TEST_CASE(unknown_and_disabled_logins_may_do_nothing, Office) {
    storage::UserRepository(Db().session()).SetActive("ct_a", false);
    for (const std::string login : {"ct_a", "nguoila"}) {
        const std::string outcome = Try([&] {
            services::ProgressInput in;
            in.taskId = taskA;
            in.period = "2026-Q1";
            in.percent = 50;
            services::AddProgressUpdate(Db(), in, login);
        });
        BOOST_TEST(Refused(outcome));
        BOOST_TEST(outcome.find(login) != std::string::npos);
    }
}

BOOST_FIXTURE_TEST_CASE(a_database_without_accounts_refuses_nothing, DbFixture) {
    services::LoadBuiltinCatalogues(Db());
    WriteFile(dir.File("units.csv"), kUnits);
    BOOST_TEST(Try([&] { services::ImportUnits(Db(), dir.File("units.csv"), "ai-do"); }) == "ok");
    services::AccessGuard guard(Db(), "ai-do");
    BOOST_TEST(!guard.Enforced());
    BOOST_TEST(guard.Allows(Action::ManageAccounts));
    BOOST_TEST(guard.InScope(storage::UnitRepository(Db().session()).ByCode("XA-B")->id));
}

BOOST_FIXTURE_TEST_CASE(the_audit_trail_is_read_within_the_accounts_scope, Office) {
    auto bump = [&](std::int64_t taskId, const std::string& login, int percent) {
        TaskRecord t = Task(taskId);
        t.percentDone = percent;
        services::PlanService(Db(), login).SaveTask(0, t);
    };
    bump(taskA, "ct_a", 45);
    bump(taskB, "chuyenvien", 65);
    auto percentChanges = [&](const std::string& reader, services::AuditTrailFilter f) {
        f.table = "tasks";
        std::vector<std::string> out;
        for (const auto& r : services::ReadAuditTrail(Db(), reader, f))
            if (r.field == "percent_done")
                out.push_back(r.user + ":" + std::to_string(r.rowId) + ":" +
                              r.oldValue.value_or("") + ">" + r.newValue.value_or(""));
        return out;
    };
    const std::string a = "ct_a:" + std::to_string(taskA) + ":10>45";
    const std::string b = "chuyenvien:" + std::to_string(taskB) + ":20>65";
    BOOST_TEST(percentChanges("quantri", {}) == (Logins{a, b}));
    // The chair reads its commune's entries only, whoever wrote them.
    BOOST_TEST(percentChanges("ct_a", {}) == (Logins{a}));
    services::AuditTrailFilter byLogin;
    byLogin.user = "chuyenvien";
    BOOST_TEST(percentChanges("chuyenvien", byLogin) == (Logins{b}));
    services::AuditTrailFilter ofB;
    ofB.unitCode = "XA-B";
    BOOST_TEST(percentChanges("quantri", ofB) == (Logins{b}));
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrail(Db(), "ct_a", ofB); })));
    services::AuditTrailFilter later;
    later.since = "01/01/2999";
    BOOST_TEST(percentChanges("quantri", later).empty());
    later.since = "hôm qua";
    BOOST_CHECK_THROW(services::ReadAuditTrail(Db(), "quantri", later), UserError);
    // Clerks and viewers do not read it.
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrail(Db(), "cc_a", {}); })));
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrail(Db(), "xem", {}); })));
}

BOOST_FIXTURE_TEST_CASE(citizens_names_and_other_communes_ratings_stay_hidden, Office) {
    WriteFile(dir.File("people.csv"),
              "code,unit,full_name\nCB-A,XA-A,Lê Văn Sáu\nCB-B,XA-B,Phạm Thị Bảy\n");
    services::ImportPeople(Db(), dir.File("people.csv"), "quantri");
    WriteFile(dir.File("ratings.csv"),
              "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
              "2026-03-02T08:00:00,XA-A,CB-A,Đăng ký khai sinh,kiosk,5,5,4,Nguyễn Văn An\n"
              "2026-03-02T09:00:00,XA-B,CB-B,Chứng thực,qr,4,4,4,Trần Thị Bình\n");
    services::ImportRatings(Db(), dir.File("ratings.csv"), "quantri");
    auto exported = [&](const std::string& login) {
        const std::string out = dir.File("out-" + login + ".csv");
        services::ExportRatings(Db(), out, login);
        return ReadFile(out);
    };
    for (const std::string login : {"quantri", "chuyenvien"}) {
        const std::string all = exported(login);
        BOOST_TEST(all.find("Nguyễn Văn An") != std::string::npos, login);
        BOOST_TEST(all.find("Trần Thị Bình") != std::string::npos, login);
    }
    // The chair: its commune's ratings with names, none of the other's.
    const std::string chair = exported("ct_a");
    BOOST_TEST(chair.find("Nguyễn Văn An") != std::string::npos);
    BOOST_TEST(chair.find("XA-B") == std::string::npos);
    // The clerk: its commune's ratings without names; the viewer every
    // rating, without names.
    const std::string clerk = exported("cc_a");
    BOOST_TEST(clerk.find("Đăng ký khai sinh") != std::string::npos);
    BOOST_TEST(clerk.find("Nguyễn Văn An") == std::string::npos);
    BOOST_TEST(clerk.find("XA-B") == std::string::npos);
    const std::string viewer = exported("xem");
    BOOST_TEST(viewer.find("Chứng thực") != std::string::npos);
    BOOST_TEST(viewer.find("Nguyễn Văn An") == std::string::npos);
    BOOST_TEST(viewer.find("Trần Thị Bình") == std::string::npos);
    // Importing ratings is a survey edit: refused to the viewer.
    BOOST_TEST(
        Refused(Try([&] { services::ImportRatings(Db(), dir.File("ratings.csv"), "xem"); })));
}

BOOST_FIXTURE_TEST_CASE(an_officers_self_assessment_is_read_within_the_accounts_scope, Office) {
    WriteFile(dir.File("people.csv"),
              "code,unit,full_name\nCB-A,XA-A,Lê Văn Sáu\nCB-B,XA-B,Phạm Thị Bảy\n");
    services::ImportPeople(Db(), dir.File("people.csv"), "quantri");
    const auto officerOf = [&](std::int64_t unit) {
        for (const auto& p : services::OrganisationService(Db(), "quantri").People(unit))
            if (p.code.rfind("CB-", 0) == 0) return p.id;
        return std::int64_t{0};
    };
    const std::int64_t a = officerOf(unitA), b = officerOf(unitB);
    BOOST_REQUIRE(a != 0);
    BOOST_REQUIRE(b != 0);
    const auto read = [&](std::int64_t officer) {
        return [&, officer](const std::string& login) {
            return Try([&] { services::LoadSelfAssessment(Db(), officer, "2026-Q1", login); });
        };
    };
    BOOST_TEST(Allowed(read(a)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a", "xem"}));
    BOOST_TEST(Allowed(read(b)) == (Logins{"quantri", "chuyenvien", "xem"}));
    // Refused at the officer, without the other commune's name.
    const std::string refusal = read(b)("ct_a");
    BOOST_TEST(Refused(refusal));
    BOOST_TEST(refusal.find("Bình") == std::string::npos, refusal);
    BOOST_TEST(Refused(read(a)("nguoila")));
}

BOOST_FIXTURE_TEST_CASE(a_communes_dossiers_and_tallies_are_read_and_typed_within_scope, Office) {
    const auto read = [&](std::int64_t unit) {
        return [&, unit](const std::string& login) {
            return Try([&] { services::LoadDossierSheet(Db(), unit, "2026-09", login); });
        };
    };
    BOOST_TEST(Allowed(read(unitA)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a", "xem"}));
    BOOST_TEST(Allowed(read(unitB)) == (Logins{"quantri", "chuyenvien", "xem"}));
    const auto save = [&](std::int64_t unit) {
        return [&, unit](const std::string& login) {
            auto sheet = services::LoadDossierSheet(Db(), unit, "2026-09", "quantri");
            sheet.lines[0].figures.receivedOnline = 1 + sheet.lines[0].figures.receivedOnline;
            return Try([&] { services::SaveDossierSheet(Db(), sheet, login); });
        };
    };
    BOOST_TEST(Allowed(save(unitA)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    BOOST_TEST(Allowed(save(unitB)) == (Logins{"quantri", "chuyenvien"}));
    // The survey tallies of the month alike.
    const auto readTallies = [&](std::int64_t unit) {
        return [&, unit](const std::string& login) {
            return Try([&] { services::LoadTallySheet(Db(), unit, "2026-09", login); });
        };
    };
    BOOST_TEST(Allowed(readTallies(unitB)) == (Logins{"quantri", "chuyenvien", "xem"}));
    const auto saveTallies = [&](std::int64_t unit) {
        return [&, unit](const std::string& login) {
            auto sheet = services::LoadTallySheet(Db(), unit, "2026-09", "quantri");
            sheet.lines[0].settled += 1;
            return Try([&] { services::SaveTallySheet(Db(), sheet, login); });
        };
    };
    BOOST_TEST(Allowed(saveTallies(unitA)) == (Logins{"quantri", "chuyenvien", "ct_a", "cc_a"}));
    BOOST_TEST(Allowed(saveTallies(unitB)) == (Logins{"quantri", "chuyenvien"}));
}

BOOST_FIXTURE_TEST_CASE(an_administrator_of_a_commune_gives_accounts_of_its_units_only, Office) {
    storage::UserRepository(Db().session()).Insert("qt_a", "", "admin", unitA);
    services::AccountService admin(Db(), "qt_a");
    const std::string refusal =
        Try([&] { admin.Add("ct_b_new", Role::Chair, "XA-B", "Chủ tịch xã B", "Matkhau-2026"); });
    BOOST_TEST(Refused(refusal), refusal);
    BOOST_TEST(refusal.find("Bình An") == std::string::npos, refusal);
    BOOST_TEST(!storage::UserRepository(Db().session()).ByLogin("ct_b_new"));
    // An unknown unit is still said to be unknown.
    const std::string unknown =
        Try([&] { admin.Add("ct_x_new", Role::Chair, "XA-KHONG", "Chủ tịch", "Matkhau-2026"); });
    BOOST_TEST(!Refused(unknown), unknown);
    BOOST_TEST(unknown.find("XA-KHONG") != std::string::npos, unknown);
}

BOOST_FIXTURE_TEST_CASE(reports_are_printed_within_the_accounts_scope, Office) {
    auto build = [&](const std::string& login, const std::string& unit, bool names = false) {
        return Try([&] {
            services::ReportRequest r;
            r.type = names ? "ratings" : "tasks";
            r.period = "2026-Q1";
            r.unitCode = unit;
            r.showCitizens = names;
            r.user = login;
            services::BuildReport(Db(), r);
        });
    };
    BOOST_TEST(!Refused(build("ct_a", "XA-A")), build("ct_a", "XA-A"));
    BOOST_TEST(!Refused(build("cc_a", "XA-A")));
    BOOST_TEST(Refused(build("ct_a", "XA-B")));
    // The whole office's report is the office's.
    BOOST_TEST(Refused(build("ct_a", "")));
    BOOST_TEST(!Refused(build("xem", "")), build("xem", ""));
    BOOST_TEST(!Refused(build("chuyenvien", "XA-B")));
    // Citizens' names: the chair of the commune, not its clerk or a viewer.
    BOOST_TEST(!Refused(build("ct_a", "XA-A", true)));
    BOOST_TEST(Refused(build("cc_a", "XA-A", true)));
    BOOST_TEST(Refused(build("xem", "", true)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(access_reads)

// Citizens' names in the ratings list: the office and a commune's chair (on
// its commune) see them; a clerk and a viewer get the rows without them.
BOOST_FIXTURE_TEST_CASE(citizens_names_are_left_out_where_the_account_may_not_see_them, Office) {
    services::OrganisationService org(Db(), "quantri");
    for (auto [code, unit] :
         {std::pair<const char*, std::int64_t>{"CB-A", unitA}, {"CB-B", unitB}}) {
        Person p;
        p.code = code;
        p.unitId = unit;
        p.fullName = std::string("Cán bộ ") + code;
        org.SavePerson(p);
    }
    WriteFile(dir.File("ratings.csv"),
              "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
              "2026-02-02T09:00:00,XA-A,CB-A,Chứng thực,kiosk,5,5,5,Nguyễn Thị Hoa\n"
              "2026-02-03T09:00:00,XA-B,CB-B,Hộ tịch,kiosk,4,4,4,Trần Văn Bình\n");
    services::ImportRatings(Db(), dir.File("ratings.csv"), "quantri");
    auto names = [&](const std::string& login) {
        std::vector<std::string> out;
        for (const auto& r : services::RatingsWindow(Db(), login, {}, 0, 10))
            out.push_back(r.rating.citizen.empty() ? "-" : r.rating.citizen);
        return out;
    };
    // Newest first: commune B's rating, then commune A's; a commune's
    // account lists its commune's only.
    BOOST_TEST(names("quantri") == (Logins{"Trần Văn Bình", "Nguyễn Thị Hoa"}));
    BOOST_TEST(names("chuyenvien") == (Logins{"Trần Văn Bình", "Nguyễn Thị Hoa"}));
    BOOST_TEST(names("ct_a") == (Logins{"Nguyễn Thị Hoa"}));
    BOOST_TEST(names("cc_a") == (Logins{"-"}));
    BOOST_TEST(names("xem") == (Logins{"-", "-"}));
}

// The account a connection is: on PostgreSQL its role when that is an
// active account's login (no login dialog then); never on SQLite.
BOOST_FIXTURE_TEST_CASE(a_connection_is_an_account_only_as_an_active_accounts_role, Office) {
    BOOST_TEST(!services::ConnectedAccount(Db()).has_value());
    const std::string role = storage::UserRepository(Db().session()).ConnectedLogin();
    BOOST_TEST(role.empty() == (Db().backend() == services::DatabaseBackend::Sqlite));
    if (role.empty()) return;
    // As the fixture's accounts, without a server login role of its own.
    storage::UserRepository(Db().session()).Insert(role, "", "specialist", std::nullopt);
    BOOST_TEST(services::ConnectedAccount(Db())->login == role);
    storage::UserRepository(Db().session()).SetActive(role, false);
    BOOST_TEST(!services::ConnectedAccount(Db()).has_value());
}

// Reconnecting as an account: the URL's user and password replaced, its
// other parts kept.
BOOST_AUTO_TEST_CASE(a_url_with_a_login_keeps_the_server_and_options) {
    auto url = services::WithLogin(
        services::ParseDatabaseUrl(
            "postgresql://owner:secret@db.example:5433/cchc?sslmode=require&password=x"),
        "ct_a", "mật khẩu:@/1");
    BOOST_TEST(url.user == "ct_a");
    BOOST_TEST(url.password == "mật khẩu:@/1");
    BOOST_TEST(url.host == "db.example");
    BOOST_TEST(url.port == "5433");
    BOOST_TEST(url.database == "cchc");
    BOOST_TEST(url.connectStringWithoutPassword.find("sslmode='require'") != std::string::npos);
    BOOST_TEST(url.Display().find("secret") == std::string::npos);
    auto bare =
        services::WithLogin(services::ParseDatabaseUrl("postgresql://localhost/cchc"), "xem", "");
    BOOST_TEST(bare.user == "xem");
    BOOST_TEST(bare.password.empty());
    auto file = services::ParseDatabaseUrl("sqlite:/tmp/a.db");
    BOOST_TEST(services::WithLogin(file, "xem", "mk").original == file.original);
}

BOOST_FIXTURE_TEST_CASE(the_audit_trail_is_counted_and_read_by_windows_within_the_scope, Office) {
    for (int percent = 11; percent <= 17; ++percent) {
        TaskRecord a = Task(taskA);
        a.percentDone = percent;
        services::PlanService(Db(), "ct_a").SaveTask(0, a);
        TaskRecord b = Task(taskB);
        b.percentDone = percent + 20;
        services::PlanService(Db(), "chuyenvien").SaveTask(0, b);
    }
    services::AuditTrailFilter tasks;
    tasks.table = "tasks";
    // The windows, newest first, are the whole trail turned around.
    auto byWindows = [&](const std::string& reader, services::AuditTrailFilter f) {
        const services::AuditTrailSize size = services::CountAuditTrail(Db(), reader, f);
        f.upToId = size.upToId;
        std::vector<std::string> out;
        for (long long at = 0; at < size.count; at += 4)
            for (const auto& r : services::ReadAuditTrailWindow(Db(), reader, f, at, 4))
                out.push_back(std::to_string(r.rowId) + ":" + r.field + ":" +
                              r.newValue.value_or(""));
        BOOST_TEST(out.size() == static_cast<std::size_t>(size.count));
        return out;
    };
    auto whole = [&](const std::string& reader, const services::AuditTrailFilter& f) {
        std::vector<std::string> out;
        for (const auto& r : services::ReadAuditTrail(Db(), reader, f))
            out.insert(out.begin(),
                       std::to_string(r.rowId) + ":" + r.field + ":" + r.newValue.value_or(""));
        return out;
    };
    const auto all = byWindows("quantri", tasks);
    BOOST_TEST(all == whole("quantri", tasks));
    BOOST_TEST(all.size() >= 14u);
    BOOST_TEST(all.front() == std::to_string(taskB) + ":percent_done:37");
    // The chair: its commune's task only, by windows as whole.
    const auto chair = byWindows("ct_a", tasks);
    BOOST_TEST(chair == whole("ct_a", tasks));
    BOOST_TEST(!chair.empty());
    BOOST_TEST(chair.size() < all.size());
    for (const auto& line : chair) BOOST_TEST(line.rfind(std::to_string(taskA) + ":", 0) == 0);
    BOOST_TEST(chair.front() == std::to_string(taskA) + ":percent_done:17");
    // Filters by login and unit are the query's.
    services::AuditTrailFilter mine = tasks;
    mine.user = "chuyenvien";
    mine.unitCode = "XA-A";
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", mine).count == 0);
    mine.unitCode = "XA-B";
    BOOST_TEST(byWindows("quantri", mine).front() == std::to_string(taskB) + ":percent_done:37");
    // Counted, the trail holds still while another change is made.
    const services::AuditTrailSize before = services::CountAuditTrail(Db(), "quantri", tasks);
    TaskRecord b = Task(taskB);
    b.percentDone = 90;
    services::PlanService(Db(), "chuyenvien").SaveTask(0, b);
    services::AuditTrailFilter held = tasks;
    held.upToId = before.upToId;
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", held).count == before.count);
    BOOST_TEST(
        services::ReadAuditTrailWindow(Db(), "quantri", held, 0, 1).at(0).newValue.value_or("") ==
        "37");
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", tasks).count > before.count);
    // Outside the scope, and for clerks and viewers: refused.
    services::AuditTrailFilter ofB;
    ofB.unitCode = "XA-B";
    BOOST_TEST(Refused(Try([&] { services::CountAuditTrail(Db(), "ct_a", ofB); })));
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrailWindow(Db(), "ct_a", ofB, 0, 10); })));
    for (const std::string login : {"cc_a", "xem"}) {
        BOOST_TEST(Refused(Try([&] { services::CountAuditTrail(Db(), login, {}); })), login);
        BOOST_TEST(Refused(Try([&] { services::ReadAuditTrailWindow(Db(), login, {}, 0, 10); })),
                   login);
    }
}

// The trail between two days (the last one whole), and one record's
// history: a task with its progress updates, a result with its evidence.
BOOST_FIXTURE_TEST_CASE(the_audit_trail_is_read_between_two_days_and_by_record, Office) {
    TaskRecord a = Task(taskA);
    a.solution = "Niêm yết thủ tục đúng quy định";
    services::PlanService(Db(), "ct_a").SaveTask(0, a);
    TaskRecord b = Task(taskB);
    b.percentDone = 70;
    services::PlanService(Db(), "chuyenvien").SaveTask(0, b);
    services::ProgressInput progress;
    progress.taskId = taskA;
    progress.period = "2026-Q1";
    progress.percent = 30;
    progress.note = "Bắt đầu niêm yết";
    const std::int64_t update = services::AddProgressUpdate(Db(), progress, "ct_a");
    // The quarter's update rewritten: its note changed.
    progress.updateId = update;
    progress.percent = 40;
    progress.note = "Đã niêm yết tại bộ phận một cửa";
    BOOST_TEST(services::AddProgressUpdate(Db(), progress, "ct_a") == update);

    services::AuditTrailFilter tasks;
    tasks.table = "tasks";
    const long long all = services::CountAuditTrail(Db(), "quantri", tasks).count;
    BOOST_TEST_REQUIRE(all > 0);
    const Date today = Date::Today();
    services::AuditTrailFilter range = tasks;
    range.until = FormatDate(today.AddDays(-1));  // 01/12/2026: before today's changes
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", range).count == 0);
    BOOST_TEST(services::ReadAuditTrail(Db(), "quantri", range).empty());
    range.until = today.ToIso();  // the whole of today
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", range).count == all);
    range.since = FormatDate(today);
    BOOST_TEST(services::ReadAuditTrail(Db(), "quantri", range).size() ==
               static_cast<std::size_t>(all));
    range.since = today.ToIso();
    range.until = today.AddDays(-1).ToIso();
    try {
        services::CountAuditTrail(Db(), "quantri", range);
        BOOST_ERROR("a last day before the first was taken");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "until");
        BOOST_TEST(std::string(e.what()).find(FormatDate(today.AddDays(-1))) != std::string::npos,
                   e.what());
    }
    range.since.clear();
    range.until = "mai";
    BOOST_CHECK_THROW(services::ReadAuditTrailWindow(Db(), "quantri", range, 0, 10), UserError);

    // A task's history: its own entries and its progress updates', no other's.
    services::AuditTrailFilter ofTaskA;
    ofTaskA.table = "tasks";
    ofTaskA.rowId = taskA;
    auto lines = [&](const std::string& reader, const services::AuditTrailFilter& f) {
        std::vector<std::string> out;
        for (const auto& r : services::ReadAuditTrail(Db(), reader, f))
            out.push_back(r.table + ":" + std::to_string(r.rowId) + ":" + r.field + ":" +
                          r.newValue.value_or(""));
        return out;
    };
    const auto history = lines("quantri", ofTaskA);
    bool solution = false, reported = false;
    for (const auto& line : history) {
        const bool own = line.rfind("tasks:" + std::to_string(taskA) + ":", 0) == 0;
        const bool itsUpdate =
            line.rfind("progress_updates:" + std::to_string(update) + ":", 0) == 0;
        BOOST_TEST((own || itsUpdate), line);
        solution = solution || line.find("Niêm yết thủ tục đúng quy định") != std::string::npos;
        reported = reported ||
                   (itsUpdate && line.find("Đã niêm yết tại bộ phận một cửa") != std::string::npos);
    }
    BOOST_TEST(solution);
    BOOST_TEST(reported);
    BOOST_TEST(services::CountAuditTrail(Db(), "quantri", ofTaskA).count ==
               static_cast<long long>(history.size()));
    // The chair reads its task's history whole, and nothing of another
    // commune's task; asked for that commune, it is refused.
    BOOST_TEST(lines("ct_a", ofTaskA) == history);
    services::AuditTrailFilter ofTaskB;
    ofTaskB.table = "tasks";
    ofTaskB.rowId = taskB;
    BOOST_TEST(!lines("quantri", ofTaskB).empty());
    BOOST_TEST(lines("ct_a", ofTaskB).empty());
    ofTaskB.unitCode = "XA-B";
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrail(Db(), "ct_a", ofTaskB); })));
    BOOST_TEST(Refused(Try([&] { services::ReadAuditTrail(Db(), "cc_a", ofTaskA); })));

    // A result's history: its scores and (where the program wrote them)
    // its evidence links.
    services::ResultSheetService sheets(Db(), "ct_a");
    services::SheetEdit e;
    e.criterion = "2.3";
    e.field = ResultField::SelfScore;
    e.value = 1.5;
    sheets.Apply(sheets.Load("XA-A", "PAR-XA-2025", "2025"), {e});
    services::EvidenceInput doc;
    doc.docNumber = "12/BC-UBND";
    doc.title = "Báo cáo niêm yết thủ tục";
    sheets.AttachEvidence(sheets.Load("XA-A", "PAR-XA-2025", "2025"), "2.3", doc);
    std::int64_t result = 0;
    for (const auto& row : sheets.Load("XA-A", "PAR-XA-2025", "2025").rows)
        if (row.code == "2.3") result = row.resultId;
    BOOST_TEST_REQUIRE(result != 0);
    services::AuditTrailFilter ofResult;
    ofResult.table = "results";
    ofResult.rowId = result;
    const auto scores = lines("ct_a", ofResult);
    BOOST_TEST(!scores.empty());
    bool evidence = false;
    for (const auto& line : scores) {
        BOOST_TEST((line.rfind("results:" + std::to_string(result) + ":", 0) == 0 ||
                    line.rfind("result_evidence:" + std::to_string(result) + ":", 0) == 0),
                   line);
        evidence = evidence || line.rfind("result_evidence:", 0) == 0;
    }
    if (Db().backend() == storage::Backend::Sqlite) BOOST_TEST(evidence);
}

namespace {
// Asks the work to stop at its second report.
struct StopSoon : Progress {
    int reports = 0;
    void Report(const std::string&, double) override { ++reports; }
    bool Cancelled() const override { return reports >= 2; }
};
}  // namespace

// What the history page exports: what the filter selects, whole, oldest
// first, with the columns of `cchc audit`, Vietnamese intact; a chair's
// export holds its commune's entries only.
BOOST_FIXTURE_TEST_CASE(the_audit_trail_is_exported_as_the_filter_selects, Office) {
    TaskRecord a = Task(taskA);
    a.solution = "Niêm yết công khai thủ tục hành chính";
    services::PlanService(Db(), "ct_a").SaveTask(0, a);
    TaskRecord b = Task(taskB);
    b.outcome = "Cổng dịch vụ công đã cập nhật";
    b.percentDone = 80;
    services::PlanService(Db(), "chuyenvien").SaveTask(0, b);

    auto read = [](const std::string& path) {
        auto reader = tableio::TableReader::Open(path);
        std::vector<std::vector<std::string>> rows;
        std::vector<std::string> fields;
        while (reader->Next(fields)) rows.push_back(fields);
        BOOST_TEST(reader->Header() == (std::vector<std::string>{"at", "user", "table", "row",
                                                                 "action", "field", "old", "new"}));
        return rows;
    };
    auto expected = [&](const std::string& reader, const services::AuditTrailFilter& f) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : services::ReadAuditTrail(Db(), reader, f))
            rows.push_back({r.at, r.user, r.table, std::to_string(r.rowId), r.action, r.field,
                            r.oldValue.value_or(""), r.newValue.value_or("")});
        return rows;
    };
    auto holds = [](const std::vector<std::vector<std::string>>& rows, const std::string& text) {
        for (const auto& row : rows)
            for (const auto& field : row)
                if (field.find(text) != std::string::npos) return true;
        return false;
    };

    // The office's tasks, to CSV: a BOM for Excel, the time as ISO text.
    services::AuditTrailFilter tasks;
    tasks.table = "tasks";
    const std::string csv = dir.File("lịch sử.csv");
    const long n = services::ExportAuditTrail(Db(), "quantri", tasks, csv);
    BOOST_TEST(n == services::CountAuditTrail(Db(), "quantri", tasks).count);
    const std::string bytes = ReadFile(csv);
    BOOST_TEST(bytes.rfind("\xEF\xBB\xBF"
                           "at,user,table,row,action,field,old,new\n",
                           0) == 0);
    const auto rows = read(csv);
    BOOST_TEST(rows == expected("quantri", tasks));
    BOOST_TEST(holds(rows, "Niêm yết công khai thủ tục hành chính"));
    BOOST_TEST(holds(rows, "Cổng dịch vụ công đã cập nhật"));
    for (const auto& row : rows) {
        BOOST_TEST(row[0].size() == 19u, row[0]);
        BOOST_TEST(Date::ParseIso(row[0].substr(0, 10)).has_value(), row[0]);
        BOOST_TEST(row[0][10] == 'T', row[0]);
    }

    // The chair: its commune's entries only, whatever it asks.
    const std::string chairFile = dir.File("chair.xlsx");
    const long chairRows = services::ExportAuditTrail(Db(), "ct_a", {}, chairFile);
    BOOST_TEST(chairRows == services::CountAuditTrail(Db(), "ct_a", {}).count);
    BOOST_TEST(chairRows < services::CountAuditTrail(Db(), "quantri", {}).count);
    const auto chair = read(chairFile);
    BOOST_TEST(chair.size() == static_cast<std::size_t>(chairRows));
    BOOST_TEST(chair == expected("ct_a", {}));  // the time read back as written
    BOOST_TEST(holds(chair, "Niêm yết công khai thủ tục hành chính"));
    BOOST_TEST(!holds(chair, "Cổng dịch vụ công đã cập nhật"));
    for (const auto& row : chair)
        if (row[2] == "tasks") BOOST_TEST(row[3] == std::to_string(taskA));

    // Held at a count: entries written since are not in it.
    services::AuditTrailFilter held = tasks;
    held.upToId = services::CountAuditTrail(Db(), "quantri", tasks).upToId;
    TaskRecord again = Task(taskB);
    again.percentDone = 90;
    services::PlanService(Db(), "chuyenvien").SaveTask(0, again);
    BOOST_TEST(services::ExportAuditTrail(Db(), "quantri", held, dir.File("held.csv")) == n);

    // Cancelled, no file; refused, no file.
    StopSoon stop;
    const std::string cancelled = dir.File("cancelled.csv");
    BOOST_CHECK_THROW(services::ExportAuditTrail(Db(), "quantri", {}, cancelled, &stop),
                      CancelledError);
    BOOST_TEST(!std::filesystem::exists(cancelled));
    const std::string refused = dir.File("refused.csv");
    for (const std::string login : {"cc_a", "xem"})
        BOOST_TEST(Refused(Try([&] { services::ExportAuditTrail(Db(), login, {}, refused); })),
                   login);
    services::AuditTrailFilter ofB;
    ofB.unitCode = "XA-B";
    BOOST_TEST(Refused(Try([&] { services::ExportAuditTrail(Db(), "ct_a", ofB, refused); })));
    BOOST_TEST(!std::filesystem::exists(refused));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(access_reads)

namespace {
// Both communes' people, results, tallies, assignment matrices, ratings and
// self-assessments (their tasks are the Office's), stored by the office.
struct FullOffice : Office {
    FullOffice() {
        WriteFile(dir.File("people.csv"),
                  "code,unit,full_name\nCB-A,XA-A,Lê Văn Sáu\nCB-B,XA-B,Phạm Thị Bảy\n");
        services::ImportPeople(Db(), dir.File("people.csv"), "quantri");
        WriteFile(dir.File("results.csv"),
                  "unit,framework,period,criterion,self_score,appraised_score,numerator,"
                  "denominator,note\n"
                  "XA-A,PAR-XA-2025,2025,2.3,1,1,,,\n"
                  "XA-B,PAR-XA-2025,2025,2.3,2,2,,,\n");
        services::ImportResults(Db(), dir.File("results.csv"), "quantri");
        WriteFile(dir.File("tallies.csv"),
                  "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
                  "dissatisfied,very_dissatisfied\n"
                  "XA-A,2026-01,HOTICH,40,25,15,5,3,1,1\n"
                  "XA-B,2026-01,HOTICH,30,20,10,5,3,1,1\n");
        services::ImportTallies(Db(), dir.File("tallies.csv"), "quantri");
        WriteFile(dir.File("assignments.csv"),
                  "unit,framework,group,indicator,title,lead_unit,coordinating_units,"
                  "responsible_person\n"
                  "XA-A,QD766,I,,Công khai minh bạch,,,\n"
                  "XA-A,QD766,I,1.2,,,,\n"
                  "XA-B,QD766,I,,Công khai minh bạch,,,\n"
                  "XA-B,QD766,I,1.2,,,,\n");
        services::ImportAssignments(Db(), dir.File("assignments.csv"), "quantri");
        WriteFile(dir.File("ratings.csv"),
                  "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
                  "2026-02-02T09:00:00,XA-A,CB-A,Chứng thực,kiosk,5,5,5,Nguyễn Thị Hoa\n"
                  "2026-02-03T09:00:00,XA-B,CB-B,Hộ tịch,kiosk,4,4,4,Trần Văn Bình\n");
        services::ImportRatings(Db(), dir.File("ratings.csv"), "quantri");
        storage::UnitRepository units(Db().session());
        for (const char* code : {"CB-A", "CB-B"}) {
            const auto people = services::OrganisationService(Db(), "quantri")
                                    .People(std::string(code) == "CB-A" ? unitA : unitB);
            BOOST_REQUIRE(!people.empty());
            auto sheet = services::LoadSelfAssessment(Db(), people[0].id, "2026-Q1", "quantri");
            for (auto& l : sheet.lines) l.self = 1;
            services::SaveSelfAssessment(Db(), sheet, "quantri");
        }
    }

    // The file an export writes as login.
    std::string Export(const std::string& kind, const std::string& login) {
        const std::string out = dir.File(kind + "-" + login + ".csv");
        if (kind == "units")
            services::ExportUnits(Db(), out, login);
        else if (kind == "people")
            services::ExportPeople(Db(), out, login);
        else if (kind == "results")
            services::ExportResults(Db(), out, login);
        else if (kind == "tasks")
            services::ExportTasks(Db(), out, login);
        else if (kind == "assignments")
            services::ExportAssignments(Db(), out, login);
        else if (kind == "tallies")
            services::ExportTallies(Db(), out, login);
        else
            services::ExportRatings(Db(), out, login);
        return ReadFile(out);
    }
};

bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
std::string HeaderOf(const std::string& csv) { return csv.substr(0, csv.find('\n')); }

// The unit codes of the rows of a list, in order.
template <class Rows, class Code>
std::vector<std::string> Codes(const Rows& rows, Code code) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(code(r));
    return out;
}
}  // namespace

// Every export a commune's account reaches holds its unit's rows only, with
// the columns of the office's; the office and the viewer export everything;
// a login that is no account exports nothing.
BOOST_FIXTURE_TEST_CASE(exports_hold_the_rows_of_the_accounts_units_only, FullOffice) {
    for (const std::string kind :
         {"units", "people", "results", "tasks", "assignments", "tallies", "ratings"}) {
        BOOST_TEST_CONTEXT(kind) {
            const std::string all = Export(kind, "quantri");
            BOOST_TEST(Has(all, "XA-A,"), all);
            BOOST_TEST(Has(all, "XA-B,"), all);
            BOOST_TEST(Export(kind, "chuyenvien") == all);
            // The viewer: everything, citizens' names left out of ratings.
            if (kind != "ratings") BOOST_TEST(Export(kind, "xem") == all);
            BOOST_TEST(Has(Export(kind, "xem"), "XA-B,"));
            for (const std::string login : {"ct_a", "cc_a"}) {
                const std::string own = Export(kind, login);
                BOOST_TEST(HeaderOf(own) == HeaderOf(all), login);
                BOOST_TEST(Has(own, "XA-A,"), login << ": " << own);
                BOOST_TEST(!Has(own, "XA-B"), login << ": " << own);
                BOOST_TEST(!Has(own, "H-TEST"), login << ": " << own);
            }
            BOOST_TEST(Refused(Try([&] { Export(kind, "nguoila"); })));
        }
    }
    // The commune's unit has no parent in its file: the district is not its
    // account's to read.
    BOOST_TEST(Has(Export("units", "ct_a"), "\nXA-A,Xã An Hòa,commune,,"), Export("units", "ct_a"));
}

// The dashboard's figures and the lists of results, surveys, tasks, issued
// reports and ratings count the account's units only.
BOOST_FIXTURE_TEST_CASE(figures_and_lists_are_the_accounts_units, FullOffice) {
    const std::string today = "2026-03-01";
    const auto office = services::GetOverview(Db(), today, "quantri");
    const auto chair = services::GetOverview(Db(), today, "ct_a");
    BOOST_TEST(office.communes == 2);
    BOOST_TEST(chair.communes == 1);
    BOOST_TEST(office.people == 2);
    BOOST_TEST(chair.people == 1);
    BOOST_TEST(office.results == 2);
    BOOST_TEST(chair.results == 1);
    BOOST_TEST(office.tasksOpen == 2);
    BOOST_TEST(chair.tasksOpen == 1);
    BOOST_TEST(office.tallies == 2);
    BOOST_TEST(chair.tallies == 1);
    BOOST_TEST(office.ratings == 2);
    BOOST_TEST(chair.ratings == 1);
    BOOST_TEST(chair.frameworks == office.frameworks);  // everyone's
    BOOST_TEST(services::GetOverview(Db(), today, "xem").communes == 2);
    BOOST_TEST(Refused(Try([&] { services::GetOverview(Db(), today, "nguoila"); })));
    auto open = [&](const std::string& login) {
        return Codes(services::OpenTasksByCommune(Db(), today, login),
                     [](const services::CommuneTasks& c) { return c.name; });
    };
    BOOST_TEST(open("quantri").size() == 2u);
    BOOST_TEST(open("cc_a") == (Logins{"Xã An Hòa"}));
    auto due = services::NextSurveyPublications(Db(), "ct_a", Date{2026, 1, 1}, 1);
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].communes == 1);

    // Ranking and gaps.
    auto ranked = [&](const std::string& login) {
        return Codes(services::RankUnits(Db(), "PAR-XA-2025", "2025", true, login),
                     [](const services::RankRow& r) { return r.unit; });
    };
    BOOST_TEST(ranked("quantri") == (Logins{"XA-B", "XA-A"}));
    BOOST_TEST(ranked("xem") == (Logins{"XA-B", "XA-A"}));
    BOOST_TEST(ranked("ct_a") == (Logins{"XA-A"}));
    BOOST_TEST(Codes(services::SelfAppraisedGaps(Db(), "PAR-XA-2025", "2025", "cc_a"),
                     [](const services::ScoreGapRow& r) { return r.unit; }) == (Logins{"XA-A"}));
    BOOST_TEST(!services::GapsForUnit(Db(), "XA-A", "PAR-XA-2025", "2025", "ct_a").empty());
    BOOST_TEST(
        Refused(Try([&] { services::GapsForUnit(Db(), "XA-B", "PAR-XA-2025", "2025", "ct_a"); })));
    BOOST_TEST(
        services::BuildResultMatrix(Db(), "PAR-XA-2025", "2025", true, "ct_a").columns.size() ==
        1u);
    // Results and evidence of another commune are not read.
    BOOST_TEST(Refused(Try(
        [&] { services::ResultSheetService(Db(), "ct_a").Load("XA-B", "PAR-XA-2025", "2025"); })));

    // Surveys: the commune's units stand for the office; another is refused.
    services::SurveyQuery q;
    q.period = "2026-01";
    q.user = "ct_a";
    BOOST_TEST(Codes(services::SurveyByUnit(Db(), q),
                     [](const services::SurveyUnitRow& r) { return r.unit; }) == (Logins{"XA-A"}));
    BOOST_TEST(Codes(services::SurveyByField(Db(), q),
                     [](const services::SurveyFieldRow& r) { return r.unit; }) == (Logins{"XA-A"}));
    q.user = "xem";
    BOOST_TEST(services::SurveyByUnit(Db(), q).size() == 2u);
    q.user = "ct_a";
    q.unitCode = "XA-B";
    BOOST_TEST(Refused(Try([&] { services::SurveyByField(Db(), q); })));
    auto selves = [&](const std::string& login) {
        return Codes(services::SelfAssessmentSummary(Db(), login, "2026-Q1"),
                     [](const services::SelfAssessmentSummaryRow& r) { return r.officer; });
    };
    BOOST_TEST(selves("chuyenvien").size() == 2u);
    BOOST_TEST(selves("cc_a") == (Logins{"CB-A"}));
    BOOST_TEST(
        Refused(Try([&] { services::SelfAssessmentSummary(Db(), "ct_a", "2026-Q1", "XA-B"); })));

    // Tasks: the board, a task and a plan of another commune.
    const auto board = services::TaskBoard(Db(), Date{2026, 3, 1}, "ct_a").List({});
    BOOST_TEST_REQUIRE(board.size() == 1u);
    BOOST_TEST(board[0].row.taskId == taskA);
    BOOST_TEST(services::TaskBoard(Db(), Date{2026, 3, 1}, "xem").Count({}) == 2);
    // Asked for another commune's tasks, a commune's account reads none.
    services::TaskFilter tasksOfB;
    tasksOfB.unitId = unitB;
    BOOST_TEST(services::TaskBoard(Db(), Date{2026, 3, 1}, "ct_a").Count(tasksOfB) == 0);
    BOOST_TEST(services::TaskBoard(Db(), Date{2026, 3, 1}, "xem").Count(tasksOfB) == 1);
    BOOST_TEST(Refused(Try([&] { services::PlanService(Db(), "cc_a").LoadTask(taskB); })));
    BOOST_TEST(Try([&] { services::PlanService(Db(), "cc_a").LoadTask(taskA); }) == "ok");
    BOOST_TEST(
        Refused(Try([&] { services::AssignmentService(Db(), "ct_a").Load("XA-B", "QD766"); })));

    // Ratings: the count and the list agree.
    BOOST_TEST(services::CountRatings(Db(), "quantri", {}) == 2);
    BOOST_TEST(services::CountRatings(Db(), "ct_a", {}) == 1);
    services::RatingListFilter ofB;
    ofB.unitId = unitB;
    BOOST_TEST(Refused(Try([&] { services::CountRatings(Db(), "ct_a", ofB); })));

    // Issued reports: of the commune's units (the unit it is about, else
    // the issuer).
    for (std::int64_t unit : {unitA, unitB}) {
        services::IssueRequest r;
        r.reportType = "quarterly";
        r.unitId = unit;
        r.issuerUnitId = unit;
        r.period = "2026-Q1";
        r.year = 2026;
        r.issuerSymbol = "UBND";
        r.title = "Báo cáo";
        services::ReportArchive(Db(), "quantri").Issue(r, "%PDF-1.4 trang");
    }
    auto archive = [&](const std::string& login) {
        return services::ReportArchive(Db(), login).List(std::nullopt, std::nullopt).size();
    };
    BOOST_TEST(archive("quantri") == 2u);
    BOOST_TEST(archive("xem") == 2u);
    BOOST_TEST(archive("ct_a") == 1u);
    BOOST_TEST(Refused(Try([&] { archive("nguoila"); })));
}

// A district's account reads its district's communes (the subtree, not
// only its own unit), in the ratings list too.
BOOST_FIXTURE_TEST_CASE(a_district_account_reads_every_unit_under_it, FullOffice) {
    storage::UserRepository(Db().session())
        .Insert("huyen", "", "specialist",
                storage::UnitRepository(Db().session()).ByCode("H-TEST")->id);
    BOOST_TEST(services::GetOverview(Db(), "2026-03-01", "huyen").communes == 2);
    BOOST_TEST(services::CountRatings(Db(), "huyen", {}) == 2);
    BOOST_TEST(services::RatingsWindow(Db(), "huyen", {}, 0, 10).size() == 2u);
    services::RatingListFilter kiosk;
    kiosk.channel = "kiosk";
    kiosk.officerId = services::OrganisationService(Db(), "quantri").People(unitB).at(0).id;
    BOOST_TEST(services::CountRatings(Db(), "huyen", kiosk) == 1);
    BOOST_TEST(Export("units", "huyen") == Export("units", "quantri"));
}

// Backups are the office's (administrator, specialist), restoring the
// administrator's; the demo office is filled by the administrator once the
// database has accounts. A refusal names the account in Vietnamese.
BOOST_FIXTURE_TEST_CASE(backup_restore_and_demo_follow_the_roles, Office) {
    auto fileOf = [&](const std::string& login) {
        return dir.File(login +
                        (Db().backend() == services::DatabaseBackend::Sqlite ? ".db" : ".backup"));
    };
    BOOST_TEST(Allowed([&](const std::string& login) {
                   return Try([&] {
                       services::BackupDatabase(Db(), fileOf(login), false, login, nullptr);
                   });
               }) == (Logins{"quantri", "chuyenvien"}));
    BOOST_TEST(!std::filesystem::exists(fileOf("ct_a")));
    const std::string file = fileOf("chuyenvien");
    BOOST_TEST(std::filesystem::exists(file));
    SetLanguage("vi");
    const std::string refused =
        Try([&] { services::BackupDatabase(Db(), dir.File("x.db"), false, "ct_a", nullptr); });
    const std::string restoreRefused =
        Try([&] { services::RestoreDatabase(Db(), file, true, "chuyenvien", nullptr); });
    const std::string demoRefused = Try([&] {
        services::DemoOptions o;
        o.user = "ct_a";
        services::BuildDemo(Db(), o, nullptr);
    });
    SetLanguage("en");
    BOOST_TEST(refused == "refused: tài khoản ct_a không được sao lưu cơ sở dữ liệu");
    BOOST_TEST(!std::filesystem::exists(dir.File("x.db")));
    BOOST_TEST(restoreRefused ==
               "refused: tài khoản chuyenvien không được khôi phục cơ sở dữ liệu từ bản sao lưu");
    BOOST_TEST(demoRefused == "refused: tài khoản ct_a không được tạo dữ liệu mẫu");
    for (const std::string login : {"ct_a", "cc_a", "xem"})
        BOOST_TEST(
            Refused(Try([&] { services::RestoreDatabase(Db(), file, true, login, nullptr); })));
    // The administrator restores (what was there is backed up first).
    WriteFile(dir.File("more.csv"), "code,name,kind,parent\nXA-C,Xã Cát Tiến,commune,H-TEST\n");
    services::ImportUnits(Db(), dir.File("more.csv"), "quantri");
    const auto report = services::RestoreDatabase(Db(), file, true, "quantri", nullptr);
    BOOST_TEST(!report.replacedCopy.empty());
    // The demo: not over units (a user error, not a refusal) for the
    // administrator.
    const std::string overUnits = Try([&] {
        services::DemoOptions o;
        o.user = "quantri";
        services::BuildDemo(Db(), o, nullptr);
    });
    BOOST_TEST(!Refused(overUnits));
    BOOST_TEST(overUnits != "ok");
}

// A database with accounts but no units yet: the demo is filled by the
// administrator only; a database without accounts by anyone.
BOOST_FIXTURE_TEST_CASE(the_demo_office_is_the_administrators_once_there_are_accounts, DbFixture) {
    storage::UserRepository(Db().session()).Insert("xem", "", "viewer", std::nullopt);
    services::DemoOptions o;
    o.communes = 2;
    o.years = 1;
    o.ratings = 20;
    o.asOf = Date{2026, 6, 15};
    o.user = "xem";
    BOOST_TEST(Refused(Try([&] { services::BuildDemo(Db(), o, nullptr); })));
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 0);
    storage::UserRepository(Db().session()).Insert("quantri", "", "admin", std::nullopt);
    o.user = "quantri";
    BOOST_TEST(Try([&] { services::BuildDemo(Db(), o, nullptr); }) == "ok");
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() > 0);
}

namespace {
// A commune's quarterly report of 2026-Q1 as the login builds it: the
// sentence giving the commune's index result ("..., xếp loại ..., xếp hạng
// 2/2 đơn vị.") and the rank printed in the table after it.
std::pair<std::string, std::string> IndexStanding(storage::Database& db, const std::string& unit,
                                                  const std::string& login) {
    services::ReportRequest r;
    r.type = "quarterly";
    r.period = "2026-Q1";
    r.unitCode = unit;
    r.issuedOn = Date{2026, 4, 5};
    r.user = login;
    const auto built = services::BuildReport(db, r);
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
    return {sentence, rank};
}
}  // namespace

// A commune's quarterly report ranks it among all the office's communes
// (as the office's report of the commune does), whatever units the account
// building it reads: a commune's account reads its own only.
BOOST_FIXTURE_TEST_CASE(a_communes_report_ranks_it_among_all_the_communes, FullOffice) {
    for (const std::string login : {"quantri", "xem", "ct_a", "cc_a"}) {
        BOOST_TEST_CONTEXT(login) {
            const auto standing =
                services::StandingOf(Db(), "XA-A", "PAR-XA-2025", "2025", true, login);
            BOOST_TEST_REQUIRE(standing.has_value());
            BOOST_TEST(standing->rank == 2);
            BOOST_TEST(standing->count == 2);
            const auto [sentence, rank] = IndexStanding(Db(), "XA-A", login);
            BOOST_TEST(Has(sentence, "xếp loại"), sentence);
            BOOST_TEST(Has(sentence, ", xếp hạng 2/2 đơn vị."), sentence);
            BOOST_TEST(rank == "2");
        }
    }
    // Self-assessed, XA-A's 1 point and XA-B's 2 rank the same way; another
    // commune's standing is not the commune's account's to read.
    const auto self = services::StandingOf(Db(), "XA-A", "PAR-XA-2025", "2025", false, "ct_a");
    BOOST_TEST_REQUIRE(self.has_value());
    BOOST_TEST(self->rank == 2);
    BOOST_TEST(Refused(
        Try([&] { services::StandingOf(Db(), "XA-B", "PAR-XA-2025", "2025", true, "ct_a"); })));
    BOOST_TEST(services::StandingOf(Db(), "XA-B", "PAR-XA-2025", "2025", true, "xem")->rank == 1);
    // No results in the period: no standing.
    BOOST_TEST(!services::StandingOf(Db(), "XA-A", "PAR-XA-2025", "2024", true, "ct_a"));
}

// The organisation's lists (the client's unit tree, its pickers, the
// reports' names) hold the units and people the account reads: a commune's
// account its commune, as the server's row-level security shows it; the
// office's accounts everything.
BOOST_FIXTURE_TEST_CASE(the_units_and_people_listed_are_the_accounts, FullOffice) {
    auto units = [&](const std::string& login) {
        return Codes(services::OrganisationService(Db(), login).Units(),
                     [](const Unit& u) { return u.code; });
    };
    auto people = [&](const std::string& login) {
        return Codes(services::OrganisationService(Db(), login).AllPeople(),
                     [](const Person& p) { return p.code; });
    };
    for (const std::string login : {"quantri", "chuyenvien", "xem"}) {
        BOOST_TEST_CONTEXT(login) {
            BOOST_TEST(units(login) == (Logins{"H-TEST", "XA-A", "XA-B"}));
            auto all = people(login);
            std::sort(all.begin(), all.end());
            BOOST_TEST(all == (Logins{"CB-A", "CB-B"}));
            BOOST_TEST(services::OrganisationService(Db(), login).People(unitB).size() == 1u);
        }
    }
    for (const std::string login : {"ct_a", "cc_a"}) {
        BOOST_TEST_CONTEXT(login) {
            BOOST_TEST(units(login) == (Logins{"XA-A"}));
            BOOST_TEST(people(login) == (Logins{"CB-A"}));
            BOOST_TEST(services::OrganisationService(Db(), login).People(unitA).size() == 1u);
            BOOST_TEST(services::OrganisationService(Db(), login).People(unitB).empty());
        }
    }
    BOOST_TEST(Refused(Try([&] { units("nguoila"); })));
    BOOST_TEST(Refused(Try([&] { people("nguoila"); })));
}

// What the client remembers per database (its last login) is keyed by the
// database, whoever connects and with whatever password: a file by its
// absolute path however it is written, a server's database by its host,
// port and name.
BOOST_AUTO_TEST_CASE(a_database_is_keyed_without_its_login_or_password) {
    auto key = [](const std::string& url) {
        return services::DatabaseKey(services::ParseDatabaseUrl(url));
    };
    BOOST_TEST(key("postgresql://owner:secret@db.example:5433/cchc?sslmode=require") ==
               "postgresql://db.example:5433/cchc");
    BOOST_TEST(key("postgresql://ct_a@db.example:5433/cchc") ==
               key("postgresql://quantri:mk@db.example:5433/cchc"));
    BOOST_TEST(key("postgresql://ct_a@db.example:5433/cchc") !=
               key("postgresql://ct_a@db.example:5433/cchc_thu"));
    BOOST_TEST(key("postgresql://ct_a@db.example/cchc") !=
               key("postgresql://ct_a@db2.example/cchc"));
    BOOST_TEST(key("postgresql://ct_a@db.example/cchc").find("ct_a") == std::string::npos);
    TempDir dir;
    const std::string file = dir.File("van-phong.db");
    const std::string parent = std::filesystem::path(file).parent_path().filename().string();
    BOOST_TEST(key("sqlite:" + file) ==
               "sqlite:" + std::filesystem::weakly_canonical(file).string());
    BOOST_TEST(key("sqlite:" + dir.File("../" + parent + "/./van-phong.db")) ==
               key("sqlite:" + file));
    BOOST_TEST(key("sqlite:" + dir.File("khac.db")) != key("sqlite:" + file));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(the_trails_fields_read_as_people_name_them) {
    SetLanguage("vi");
    const std::string signer = services::AuditFieldLabel("office.signer_title");
    const std::string unit = services::AuditFieldLabel("unit_id");
    const std::string due = services::AuditFieldLabel("due_on");
    const std::string other = services::AuditFieldLabel("sha256");
    SetLanguage("en");
    BOOST_TEST(signer == "Chức vụ người ký");
    BOOST_TEST(unit == "Đơn vị");
    BOOST_TEST(due == "Thời hạn");
    BOOST_TEST(other == "sha256");  // no label: as stored
}
