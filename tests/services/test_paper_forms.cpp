// Paper rating forms (Mẫu 01) typed in the client, on both backends: a
// stack stored as paper ratings, each form of an officer and day at its own
// time, audited; a wrong form refused with its number and field and nothing
// stored; the unit's officers only; the roles that edit surveys only.
#include <boost/test/unit_test.hpp>

#include <set>

#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/surveys/paper_forms.h"
#include "storage/rating_repository.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct FormsFixture : DbFixture {
    std::int64_t unitA = 0, unitB = 0, officerA = 0, officerA2 = 0, officerB = 0;
    FormsFixture() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"),
                  "code,name,kind,parent\nH,Huyện Thử,district,\nXA-A,Xã An,commune,H\n"
                  "XA-B,Xã Bình,commune,H\n");
        services::ImportUnits(Db(), dir.File("units.csv"), "setup");
        WriteFile(dir.File("people.csv"),
                  "code,unit,full_name,one_stop_desk\nCB1,XA-A,Nguyễn Văn An,yes\n"
                  "CB2,XA-A,Trần Thị Bình,yes\nCB3,XA-B,Lê Văn Cường,yes\n");
        services::ImportPeople(Db(), dir.File("people.csv"), "setup");
        storage::UnitRepository units(Db().session());
        storage::PersonRepository people(Db().session());
        unitA = units.ByCode("XA-A")->id;
        unitB = units.ByCode("XA-B")->id;
        officerA = people.ByCode("CB1")->id;
        officerA2 = people.ByCode("CB2")->id;
        officerB = people.ByCode("CB3")->id;
    }
    PaperForm Form(std::int64_t officer, int attitude, std::optional<int> handling = 5) {
        PaperForm f;
        f.day = Date{2026, 11, 20};
        f.officerId = officer;
        f.procedure = "Đăng ký khai sinh";
        f.attitude = attitude;
        f.handling = handling;
        return f;
    }
    long Ratings() { return storage::RatingRepository(Db().session()).Count(); }
    std::string Refusal(std::int64_t unit, const std::vector<PaperForm>& forms,
                        const std::string& user = "test") {
        try {
            services::SavePaperForms(Db(), unit, forms, user, Date{2026, 12, 7});
        } catch (const UserError& e) {
            return std::to_string(e.where().line) + " " + e.where().field + ": " + e.what();
        } catch (const std::exception& e) {
            return std::string("refused: ") + e.what();
        }
        return "stored";
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(paper_forms)

BOOST_FIXTURE_TEST_CASE(a_stack_of_forms_is_stored_as_paper_ratings_each_at_its_time,
                        FormsFixture) {
    std::vector<PaperForm> stack;
    for (int i = 0; i < 10; ++i) stack.push_back(Form(i % 3 ? officerA : officerA2, 1 + i % 5));
    stack[4].citizen = "Phạm Thị Lan";
    stack[7].handling.reset();
    const auto saved = services::SavePaperForms(Db(), unitA, stack, "test", Date{2026, 12, 7});
    BOOST_TEST(saved.inserted == 10);
    BOOST_TEST(saved.skipped == 0);
    BOOST_TEST(Ratings() == 10);
    storage::RatingRepository repo(Db().session());
    storage::RatingFilter all;
    std::set<std::string> times;
    for (const auto& row : repo.Page(repo.FilterIds(all))) {
        BOOST_TEST(row.rating.channel == "paper");
        BOOST_TEST(row.rating.unitId == unitA);
        BOOST_TEST(row.rating.ratedAt.rfind("2026-11-20T", 0) == 0u, row.rating.ratedAt);
        times.insert(row.officerCode + row.rating.ratedAt);
    }
    BOOST_TEST(times.size() == 10u);  // none taken for another
    // The same stack typed again is another stack of forms: stored after.
    const auto again = services::SavePaperForms(Db(), unitA, stack, "test", Date{2026, 12, 7});
    BOOST_TEST(again.inserted == 10);
    BOOST_TEST(Ratings() == 20);
    // Audited one entry per rating, as an import's.
    long long audited = 0;
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = 'ratings'",
        soci::into(audited);
    BOOST_TEST(audited == 20);
}

BOOST_FIXTURE_TEST_CASE(a_wrong_form_is_refused_with_its_number_and_nothing_is_stored,
                        FormsFixture) {
    auto stack = [&](PaperForm wrong) {
        return std::vector<PaperForm>{Form(officerA, 5), Form(officerA, 4), wrong};
    };
    BOOST_TEST(Refusal(unitA, stack(Form(officerA, 6))).rfind("3 attitude:", 0) == 0u);
    BOOST_TEST(Refusal(unitA, stack(Form(officerA, 0))).rfind("3 attitude:", 0) == 0u);
    PaperForm none = Form(officerA, 1);
    none.attitude.reset();
    none.handling.reset();
    BOOST_TEST(Refusal(unitA, stack(none)).rfind("3 attitude:", 0) == 0u);
    PaperForm later = Form(officerA, 5);
    later.day = Date{2026, 12, 8};
    BOOST_TEST(Refusal(unitA, stack(later)).rfind("3 day:", 0) == 0u);
    PaperForm nobody = Form(0, 5);
    BOOST_TEST(Refusal(unitA, stack(nobody)).rfind("3 officer:", 0) == 0u);
    BOOST_TEST(Refusal(unitA, stack(Form(officerB, 5))).rfind("3 officer:", 0) == 0u);
    BOOST_TEST(Refusal(unitA, {}) != "stored");
    BOOST_TEST(Ratings() == 0);
}

BOOST_FIXTURE_TEST_CASE(forms_are_typed_by_the_roles_that_edit_the_units_surveys, FormsFixture) {
    storage::UserRepository users(Db().session());
    users.Insert("quantri", "", "admin", std::nullopt);
    users.Insert("cc_a", "", "clerk", unitA);
    users.Insert("cc_b", "", "clerk", unitB);
    users.Insert("xem", "", "viewer", std::nullopt);
    const std::vector<PaperForm> one = {Form(officerA, 5)};
    BOOST_TEST(Refusal(unitA, one, "cc_a") == "stored");
    BOOST_TEST(Refusal(unitA, one, "quantri") == "stored");
    BOOST_TEST(Refusal(unitA, one, "cc_b") != "stored");
    BOOST_TEST(Refusal(unitA, one, "xem") != "stored");
    BOOST_TEST(Ratings() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
