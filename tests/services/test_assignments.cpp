// The indicator assignment matrix on both backends: seed 003's annex
// imported with every group, lead, coordinating wording and person as the
// seed has them; saved and loaded back; exported and re-imported unchanged;
// a broken file refused whole with its line and column.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>

#include "core/errors.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/assignments.h"
#include "storage/assignment_repository.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

void WriteText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

struct Seed003 : DbFixture {
    // Entries of the server's audit triggers about a unit's assignment
    // rows, by the user "clerk", whose values hold the text when given.
    long long ServerEntries(std::int64_t unit, const std::string& action,
                            const std::string& text = "") {
        long long n = 0, u = unit;
        const std::string pattern = "%" + text + "%";
        Db().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = "
                          "'indicator_assignments' AND unit_id = :u AND action = :a AND "
                          "user_login = 'clerk' AND COALESCE(old_value, new_value) LIKE :t",
            soci::use(u), soci::use(action), soci::use(pattern), soci::into(n);
        return n;
    }

    Seed003() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), DataFile("seed003_units.csv"), "test");
        services::ImportPeople(Db(), DataFile("seed003_people.csv"), "test");
    }
    std::vector<services::AssignmentRow> Load() {
        return services::AssignmentService(Db(), "test").Load("H-NINHSON", "QD766");
    }
    long Stored() { return storage::AssignmentRepository(Db().session()).Count(); }
};

bool operator==(const services::AssignmentRow& a, const services::AssignmentRow& b) {
    return a.group == b.group && a.indicator == b.indicator && a.title == b.title &&
           a.leadUnit == b.leadUnit && a.coordinatingUnits == b.coordinatingUnits &&
           a.responsiblePerson == b.responsiblePerson;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(assignments)

BOOST_FIXTURE_TEST_CASE(seed_003_imports_every_group_and_person_as_the_seed_has_them, Seed003) {
    auto summary = services::ImportAssignments(Db(), DataFile("seed003_assignments.csv"), "test");
    BOOST_TEST(summary.inserted == 27);
    BOOST_TEST(Stored() == 27);
    const auto rows = Load();
    BOOST_REQUIRE(rows.size() == 27u);

    struct Group {
        std::string lead, coordinating, person;
        std::vector<std::string> indicators;
    };
    const std::string vp = "Văn phòng HĐND và UBND huyện",
                      desk = "Bộ phận Tiếp nhận và trả kết quả của huyện",
                      agencies = "Các cơ quan chuyên môn và UBND các xã",
                      offices = "Các phòng chuyên môn và UBND các xã",
                      member = "Thành viên Bộ phận Tiếp nhận và trả kết quả của huyện";
    const std::vector<std::pair<std::string, Group>> expected = {
        {"I", {vp, agencies, "Nguyễn Anh Văn", {"1.2", "1.3", "1.4"}}},
        {"II", {vp, agencies, "Nguyễn Thị Kim Yến", {"2.1"}}},
        {"III.1", {desk, agencies, member, {"3.1", "3.2", "3.3"}}},
        {"III.2", {desk, agencies, member, {"4.2", "4.1", "4.3"}}},
        {"IV.1", {desk, agencies, member, {"6.1", "6.2", "6.4", "6.3", "6.5"}}},
        {"IV.2", {"Công an huyện", offices, "Trương Việt Hùng", {"6.6", "6.7"}}},
        {"V", {"Phòng Nội vụ", offices, "Nguyễn Thành Công Hào", {"5.1", "5.2", "5.3"}}},
    };
    std::size_t at = 0;
    for (const auto& [label, g] : expected) {
        BOOST_TEST_CONTEXT(label) {
            BOOST_REQUIRE(at < rows.size());
            const auto& row = rows[at++];
            BOOST_TEST(row.IsGroup());
            BOOST_TEST(row.group == label);
            BOOST_TEST(row.leadUnit == g.lead);
            BOOST_TEST(row.coordinatingUnits == g.coordinating);
            BOOST_TEST(row.responsiblePerson == g.person);
            for (const auto& code : g.indicators) {
                BOOST_REQUIRE(at < rows.size());
                BOOST_TEST(rows[at].group == label);
                BOOST_TEST(rows[at].indicator == code);
                BOOST_TEST(!rows[at].title.empty());
                ++at;
            }
        }
    }
    BOOST_TEST(rows[2].title ==
               "Tỷ lệ thủ tục hành chính được công khai có đầy đủ các nội dung quy định về các bộ "
               "phận tạo thành của thủ tục hành chính");

    // Leads and named people are linked to the office's units and people;
    // the collective wording and "Thành viên ..." stay as written.
    const auto fw = storage::FrameworkRepository(Db().session()).IdByCode("QD766");
    const auto unit = storage::UnitRepository(Db().session()).ByCode("H-NINHSON");
    BOOST_REQUIRE(fw);
    BOOST_REQUIRE(unit);
    const auto groups = storage::AssignmentRepository(Db().session()).Load(unit->id, *fw);
    BOOST_REQUIRE(groups.size() == 7u);
    long linkedLeads = 0, linkedPeople = 0, writtenPeople = 0;
    for (const auto& g : groups) {
        linkedLeads += g.leadUnitId ? 1 : 0;
        linkedPeople += g.responsiblePersonId ? 1 : 0;
        writtenPeople += g.responsibleText == member ? 1 : 0;
        BOOST_TEST(g.coordinatorIds.empty());
        for (const auto& i : g.indicators) BOOST_TEST(i.criterionId.has_value());
    }
    BOOST_TEST(linkedLeads == 7);
    BOOST_TEST(linkedPeople == 4);
    BOOST_TEST(writtenPeople == 3);
    const auto yen = storage::PersonRepository(Db().session()).ByCode("NS-VP-YEN");
    BOOST_REQUIRE(yen);
    BOOST_TEST((groups[1].responsiblePersonId == std::optional<std::int64_t>(yen->id)));
}

BOOST_FIXTURE_TEST_CASE(a_saved_matrix_loads_back_in_order_with_linked_coordinators, Seed003) {
    services::AssignmentService service(Db(), "clerk");
    std::vector<services::AssignmentRow> rows = {
        {"1", "", "", "NS-VP", "Phòng Nội vụ; NS-CA; UBND các xã", "NS-VP-VAN"},
        {"1", "1.4", "", "", "", ""},
        {"1", "1.1", "Công bố đúng hạn", "", "", "Người chưa có trong danh sách"},
        {"V", "", "Mức độ hài lòng", "Phòng Nội vụ", "", "Nguyễn Thành Công Hào"},
        {"V", "5.3", "Hài lòng", "", "", ""},
    };
    service.Save("H-NINHSON", "QD766", rows);
    const auto back = service.Load("H-NINHSON", "QD766");
    BOOST_REQUIRE(back.size() == 5u);
    // Codes come back as names; empty titles take the framework's.
    BOOST_TEST(back[0].title == "Công khai, minh bạch");
    BOOST_TEST(back[0].leadUnit == "Văn phòng HĐND và UBND huyện");
    BOOST_TEST(back[0].coordinatingUnits == "Phòng Nội vụ; NS-CA; UBND các xã");
    BOOST_TEST(back[0].responsiblePerson == "Nguyễn Anh Văn");
    BOOST_TEST(back[1].indicator == "1.4");
    BOOST_TEST(back[1].title == "Tỷ lệ hồ sơ đồng bộ lên Cổng dịch vụ công quốc gia");
    BOOST_TEST(back[2].indicator == "1.1");
    BOOST_TEST(back[2].responsiblePerson == "Người chưa có trong danh sách");
    BOOST_TEST(back[4].group == "V");
    BOOST_TEST(back[4].title == "Hài lòng");

    const auto unit = storage::UnitRepository(Db().session()).ByCode("H-NINHSON");
    const auto fw = storage::FrameworkRepository(Db().session()).IdByCode("QD766");
    const auto groups = storage::AssignmentRepository(Db().session()).Load(unit->id, *fw);
    BOOST_REQUIRE(groups.size() == 2u);
    BOOST_TEST(groups[0].coordinatorIds.size() == 2u);  // Phòng Nội vụ, Công an huyện
    BOOST_TEST(groups[0].coordinatorIds[0] ==
               storage::UnitRepository(Db().session()).ByCode("NS-NOIVU")->id);

    // Saving again replaces the matrix; the audit log has a row for each
    // row added by the first save, and for each row the second one removed
    // with what it said.
    rows.erase(rows.begin() + 1, rows.begin() + 3);
    service.Save("H-NINHSON", "QD766", rows);
    BOOST_TEST(service.Load("H-NINHSON", "QD766").size() == 3u);
    BOOST_TEST(Stored() == 3);
    if (Db().backend() == storage::Backend::Sqlite) {
        const auto audit =
            storage::AuditRepository(Db().session()).ForRow("indicator_assignments", unit->id);
        BOOST_REQUIRE(audit.size() == 7u);
        for (std::size_t i = 0; i < 5; ++i) BOOST_TEST(audit[i].action == "insert");
        for (std::size_t i = 5; i < 7; ++i) {
            BOOST_TEST(audit[i].action == "delete");
            BOOST_TEST(audit[i].user == "clerk");
            BOOST_TEST(audit[i].oldValue.has_value());
            BOOST_TEST(!audit[i].newValue.has_value());
        }
        BOOST_TEST(audit[6].field == "QD766 1 1.1 title");
        BOOST_TEST((audit[6].oldValue == std::optional<std::string>("Công bố đúng hạn")));
    } else {
        // On the server its triggers log the rows the saves wrote: the five
        // the first one added, and the five the second one replaced by three,
        // each removed one with what it said.
        BOOST_TEST(ServerEntries(unit->id, "insert") == 8);
        BOOST_TEST(ServerEntries(unit->id, "delete") == 5);
        BOOST_TEST(ServerEntries(unit->id, "delete", "Công bố đúng hạn") == 1);
    }
    // Saved again as it is: nothing written, nothing audited.
    const long before = storage::AuditRepository(Db().session()).Count();
    service.Save("H-NINHSON", "QD766", rows);
    BOOST_TEST(storage::AuditRepository(Db().session()).Count() == before);

    // A row the service refuses names its row and column; nothing changes.
    auto broken = rows;
    broken.push_back({"V", "9.9", "", "", "", ""});
    try {
        service.Save("H-NINHSON", "QD766", broken);
        BOOST_FAIL("the broken matrix was saved");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().line == 4);
        BOOST_TEST(e.where().field == "indicator");
    }
    BOOST_TEST(Stored() == 3);
}

BOOST_FIXTURE_TEST_CASE(an_exported_matrix_imports_back_unchanged, Seed003) {
    services::ImportAssignments(Db(), DataFile("seed003_assignments.csv"), "test");
    const auto before = Load();
    for (const char* ext : {"csv", "xlsx"}) {
        BOOST_TEST_CONTEXT(ext) {
            const std::string path = dir.File(std::string("assignments.") + ext);
            BOOST_TEST(services::ExportAssignments(Db(), path, "test") == 27);
            auto again = services::ImportAssignments(Db(), path, "test");
            BOOST_TEST(again.unchanged == 27);
            BOOST_TEST(again.updated == 0);
            BOOST_TEST(again.inserted == 0);
            BOOST_TEST(Stored() == 27);
            const auto after = Load();
            BOOST_REQUIRE(after.size() == before.size());
            for (std::size_t i = 0; i < after.size(); ++i) BOOST_TEST_CONTEXT(i) {
                    BOOST_TEST((after[i] == before[i]));
                }
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_reimport_writes_no_audit_and_one_changed_title_is_audited, Seed003) {
    services::ImportAssignments(Db(), DataFile("seed003_assignments.csv"), "test");
    const std::string path = dir.File("assignments.csv");
    BOOST_TEST(services::ExportAssignments(Db(), path, "test") == 27);
    storage::AuditRepository audit(Db().session());
    const long before = audit.Count();
    auto again = services::ImportAssignments(Db(), path, "test");
    BOOST_TEST(again.unchanged == 27);
    BOOST_TEST(again.updated == 0);
    BOOST_TEST(audit.Count() == before);

    const std::string title = "Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn";
    std::string text = ReadFile(path);
    const auto at = text.find(title);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, title.size(), "Tỷ lệ thủ tục được công khai đúng hạn");
    const std::string changed = dir.File("changed.csv");
    WriteFile(changed, text);
    auto one = services::ImportAssignments(Db(), changed, "clerk");
    BOOST_TEST(one.inserted == 0);
    BOOST_TEST(one.updated == 1);
    BOOST_TEST(one.unchanged == 26);
    const auto unit = storage::UnitRepository(Db().session()).ByCode("H-NINHSON");
    if (Db().backend() == storage::Backend::Sqlite) {
        BOOST_REQUIRE(audit.Count() == before + 1);
        const auto entries = audit.ForRow("indicator_assignments", unit->id);
        BOOST_REQUIRE(!entries.empty());
        BOOST_TEST(entries.back().user == "clerk");
        BOOST_TEST(entries.back().action == "update");
        BOOST_TEST(entries.back().field == "QD766 I 1.2 title");
        BOOST_TEST((entries.back().oldValue == std::optional<std::string>(title)));
        BOOST_TEST((entries.back().newValue ==
                    std::optional<std::string>("Tỷ lệ thủ tục được công khai đúng hạn")));
    } else {
        // The server's log: the unit's matrix rewritten, the old title
        // among the rows removed and the new one among those added.
        BOOST_TEST(audit.Count() > before);
        BOOST_TEST(ServerEntries(unit->id, "delete", title) == 1);
        BOOST_TEST(ServerEntries(unit->id, "insert", "Tỷ lệ thủ tục được công khai đúng hạn") == 1);
    }
    BOOST_TEST(Load()[1].title == "Tỷ lệ thủ tục được công khai đúng hạn");
}

BOOST_FIXTURE_TEST_CASE(a_broken_row_is_refused_with_its_line_and_column_and_nothing_stored,
                        Seed003) {
    const std::string header =
        "unit,framework,group,indicator,title,lead_unit,coordinating_units,responsible_person\n";
    const std::string good = "H-NINHSON,QD766,I,,\"Công khai, minh bạch\",NS-VP,,Nguyễn Anh Văn\n";
    struct Case {
        std::string row, field;
    };
    const std::vector<Case> cases = {
        {"XX,QD766,I,1.2,,,,\n", "unit"},
        {"H-NINHSON,NO-SUCH,I,1.2,,,,\n", "framework"},
        {"H-NINHSON,QD766,I,9.9,,,,\n", "indicator"},
        {"H-NINHSON,QD766,,1.2,,,,\n", "group"},
        {"H-NINHSON,QD766,II,2.1,,,,\n", "group"},     // no row for group II
        {"H-NINHSON,QD766,I,,Lặp lại,,,\n", "group"},  // group I twice
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].row) {
            const std::string name = "broken" + std::to_string(i) + ".csv";
            WriteText(dir.File(name), header + good + cases[i].row);
            try {
                services::ImportAssignments(Db(), dir.File(name), "test");
                BOOST_FAIL("the broken file was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 3);
                BOOST_TEST(e.where().field == cases[i].field);
            }
            BOOST_TEST(Stored() == 0);
        }
    }
    // A broken file over a stored matrix leaves it as it was.
    services::ImportAssignments(Db(), DataFile("seed003_assignments.csv"), "test");
    WriteText(dir.File("late.csv"), header + good + "H-NINHSON,QD766,I,1.9,,,,\n");
    BOOST_CHECK_THROW(services::ImportAssignments(Db(), dir.File("late.csv"), "test"), UserError);
    BOOST_TEST(Stored() == 27);
    BOOST_TEST(Load().at(0).responsiblePerson == "Nguyễn Anh Văn");
}

BOOST_AUTO_TEST_SUITE_END()
