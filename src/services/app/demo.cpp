#include "services/app/demo.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "core/collation.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/task_rules.h"
#include "core/text.h"
#include "services/app/access_guard.h"
#include "services/app/app_context.h"
#include "services/frameworks/framework_io.h"
#include "services/org/organisation.h"
#include "services/results/result_totals.h"
#include "storage/dossier_repository.h"
#include "storage/evidence_repository.h"
#include "storage/framework_repository.h"
#include "storage/lineage_repository.h"
#include "storage/plan_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/self_assessment_repository.h"
#include "storage/settings_repository.h"
#include "storage/survey_repository.h"
#include "storage/task_board_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

// Names of a real district (Tây Sơn, Bình Định) for the default office
// before July 2025 (and the former communes after it), of communes formed
// from them since, and syllables to make further believable place names.
const char* kTaySonCommunes[] = {"Tây Xuân",   "Tây Bình",   "Tây Vinh", "Tây An",     "Bình Hòa",
                                 "Bình Tường", "Bình Thành", "Bình Tân", "Bình Thuận", "Tây Giang",
                                 "Tây Thuận",  "Tây Phú",    "Vĩnh An",  "Bình Nghi",  "Tây Sơn"};
const char* kMergedCommunes[] = {"Bình Khê", "Bình Phú", "Bình Hiệp", "Bình An", "Tây Sơn"};
// Former districts beyond the first, for further former communes.
const char* kFormerDistricts[] = {"Phù Cát", "Vĩnh Thạnh", "Hoài Ân", "Phù Mỹ", "Tuy Phước"};
// The day communes and wards were merged and districts abolished.
constexpr Date kMergedOn{2025, 7, 1};
const char* kSyllableA[] = {"Tân",   "Bình", "Phú",  "Hòa",   "An",    "Vĩnh",  "Long",
                            "Thạnh", "Mỹ",   "Hưng", "Phước", "Quang", "Thanh", "Xuân",
                            "Cát",   "Nhơn", "Đại",  "Hiệp",  "Kim",   "Ân"};
const char* kSyllableB[] = {"An",    "Bình",  "Hòa", "Lợi",   "Phú",   "Thành", "Thuận",
                            "Tân",   "Hưng",  "Lộc", "Sơn",   "Hải",   "Mỹ",    "Phong",
                            "Quang", "Trung", "Đức", "Nghĩa", "Tường", "Vinh"};
const char* kDirections[] = {"Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng"};

const char* kSurnames[] = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                           "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                           "Hồ",     "Ngô",  "Dương", "Lý",   "Đoàn",  "Trương"};
const char* kMaleMiddle[] = {"Văn", "Đức", "Minh", "Hữu", "Quốc", "Thành", "Công", "Xuân", "Anh"};
const char* kFemaleMiddle[] = {"Thị",   "Thị Kim", "Ngọc", "Thu",
                               "Thanh", "Thị Mỹ",  "Bích", "Thị Thu"};
const char* kMaleGiven[] = {"An",   "Bình",  "Cường", "Dũng",  "Hải",   "Hùng",
                            "Long", "Nam",   "Phúc",  "Quang", "Sơn",   "Tuấn",
                            "Việt", "Thắng", "Trung", "Hiếu",  "Khánh", "Đạt"};
const char* kFemaleGiven[] = {"Hà",    "Hạnh", "Hoa",    "Hương", "Lan",  "Linh",
                              "Mai",   "Nga",  "Phương", "Tâm",   "Thảo", "Thủy",
                              "Trang", "Yến",  "Vân",    "Loan",  "Ánh",  "Diệu"};

struct PositionSpec {
    const char* title;
    bool desk;
};
const PositionSpec kCommunePositions[] = {
    {"Chủ tịch UBND", false},
    {"Phó Chủ tịch UBND", false},
    {"Công chức Văn phòng - Thống kê", true},
    {"Công chức Văn phòng - Thống kê", false},
    {"Công chức Tư pháp - Hộ tịch", true},
    {"Công chức Địa chính - Xây dựng", true},
    {"Công chức Văn hóa - Xã hội", false},
    {"Công chức Tài chính - Kế toán", false},
};

const char* kDepartments[][2] = {
    {"PNV", "Phòng Nội vụ"},
    {"VP", "Văn phòng HĐND và UBND"},
    {"PTP", "Phòng Tư pháp"},
    {"PTCKH", "Phòng Tài chính - Kế hoạch"},
    {"PVHTT", "Phòng Văn hóa và Thông tin"},
    {"CA", "Công an"},
    {"TNTKQ", "Bộ phận Tiếp nhận và Trả kết quả"},
};

const char* kProcedures[] = {"Đăng ký khai sinh",   "Chứng thực bản sao từ bản chính",
                             "Đăng ký kết hôn",     "Cấp bản sao trích lục hộ tịch",
                             "Chứng thực chữ ký",   "Xác nhận tình trạng hôn nhân",
                             "Đăng ký khai tử",     "Đăng ký thường trú",
                             "Chứng thực hợp đồng", "Xác nhận hộ nghèo",
                             "Đăng ký giám hộ",     "Cấp giấy phép xây dựng"};

// Solutions offered for a weak criterion, by the criterion's field (the
// first digit of its code).
const char* kSolutions[] = {
    "Rà soát, cập nhật và công khai đầy đủ thủ tục hành chính trên Trang thông tin điện tử và tại "
    "Bộ phận Một cửa",
    "Tăng cường kiểm tra, giám sát việc giải quyết hồ sơ, không để xảy ra trễ hẹn; thực hiện xin "
    "lỗi khi trễ hạn",
    "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán trực tuyến",
    "Cử cán bộ, công chức tham gia bồi dưỡng nâng cao trình độ chuyên môn, nghiệp vụ",
    "Ban hành kế hoạch kiểm tra công tác cải cách hành chính và thực hiện đúng tiến độ",
    "Trao đổi văn bản dưới dạng điện tử, sử dụng chữ ký số cho văn bản đi",
    "Bố trí trang thiết bị, chỗ ngồi, biển hướng dẫn tại Bộ phận Một cửa",
    "Tiếp nhận, xử lý và công khai kết quả xử lý phản ánh, kiến nghị đúng thời hạn",
    "Tổ chức lấy ý kiến đánh giá sự hài lòng qua Kiosk và mã QR, tổng hợp hằng tháng",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định",
    "Tuyên truyền về dịch vụ bưu chính công ích trong tiếp nhận và trả kết quả",
    "Rà soát, kiện toàn tổ chức bộ máy và bố trí công chức đúng vị trí việc làm",
};

class Rng {
  public:
    explicit Rng(unsigned seed) : gen_(seed) {}
    double Uniform(double a = 0, double b = 1) {
        return a + (b - a) * (static_cast<double>(gen_() >> 11) * (1.0 / 9007199254740992.0));
    }
    int Int(int a, int b) { return a + static_cast<int>(Uniform() * (b - a + 1)) % (b - a + 1); }
    bool Chance(double p) { return Uniform() < p; }
    template <typename T, std::size_t N>
    const T& Pick(const T (&arr)[N]) {
        return arr[static_cast<std::size_t>(Int(0, static_cast<int>(N) - 1))];
    }
    double Normal(double mean, double sd) {
        double u1 = std::max(1e-12, Uniform()), u2 = Uniform();
        return mean + sd * std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

  private:
    std::mt19937_64 gen_;
};

std::string CodeOf(const std::string& prefix, const std::string& name) {
    std::string folded = FoldForSearch(name), out = prefix;
    for (char c : folded)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(std::toupper(c));
    return out;
}

struct Officer {
    std::int64_t id;
    std::int64_t unitId;
    double quality;
};

struct CommuneInfo {
    Unit unit;
    double quality;  // 0.6 .. 0.97
    double trend;    // per year
    double bias;     // self-scoring optimism
    std::vector<Person> people;
};

struct Leaf {
    Criterion c;
    double difficulty;
};

std::string Two(int v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

// The demo office as it is built: each step adds one kind of records and
// leaves what the later steps need (units, people, leaves, ratios). The
// steps draw from one random generator in a fixed order, so that a seed
// gives the same office every time.
struct DemoBuilder {
    DemoBuilder(storage::Database& db, const DemoOptions& opt, Progress* progress)
        : db(db),
          opt(opt),
          progress(progress),
          rng(opt.seed),
          today(opt.asOf ? *opt.asOf : Date::Today()),
          lastYear(opt.lastYear > 0 ? opt.lastYear : today.year - 1),
          communeCount(std::max(1, opt.communes)),
          // Since July 2025 communes report to the province's office.
          provinceOffice(communeCount > 60 || (!opt.districtOffice && today >= kMergedOn)),
          // The office a person looks at (a synthetic province of the
          // benchmarks has none) has the communes merged in 2025, each
          // with the former units' results of the years before.
          merged(provinceOffice && communeCount <= 60 && lastYear >= kMergedOn.year),
          provinceName(today >= kMergedOn && !opt.districtOffice ? "Gia Lai" : "Bình Định"),
          years(std::max(1, opt.years)),
          units(db.session()),
          people(db.session()),
          settings(db.session()),
          frameworks(db.session()),
          results(db.session()),
          plans(db.session()) {}

    // The province, the district (for a district office) and the
    // departments; the first department is the office using the program.
    void AddOrganisation() {
        Unit province;
        province.code = CodeOf("", provinceName);
        province.name = "Tỉnh " + provinceName;
        province.kind = UnitKind::Province;
        province.placeName = provinceName;
        province.headerName = UpperVi("Ủy ban nhân dân tỉnh " + provinceName);
        province.docSymbol = "UBND";
        province.id = units.Insert(province);
        parentOfCommunes = province;
        if (!provinceOffice) {
            Unit district;
            district.code = "TAYSON";
            district.name = "Huyện Tây Sơn";
            district.kind = UnitKind::District;
            district.parentId = province.id;
            district.placeName = "Tây Sơn";
            district.headerParent = "";
            district.headerName = "ỦY BAN NHÂN DÂN HUYỆN TÂY SƠN";
            district.docSymbol = "UBND";
            district.id = units.Insert(district);
            parentOfCommunes = district;
        }
        int deptOrder = 0;
        for (const auto& d : kDepartments) {
            Unit u;
            u.code = std::string(d[0]) + (provinceOffice ? "-TINH" : "-TAYSON");
            std::string base = d[1];
            if (provinceOffice) {
                if (base == "Phòng Nội vụ")
                    base = "Sở Nội vụ";
                else if (base == "Phòng Tư pháp")
                    base = "Sở Tư pháp";
                else if (base == "Phòng Tài chính - Kế hoạch")
                    base = "Sở Tài chính";
                else if (base == "Phòng Văn hóa và Thông tin")
                    base = "Sở Văn hóa và Thể thao";
                else if (base == "Công an")
                    base = "Công an tỉnh";
                else if (base == "Văn phòng HĐND và UBND")
                    base = "Văn phòng UBND tỉnh";
                else
                    base = "Trung tâm Phục vụ hành chính công tỉnh";
                u.name = base;
            } else {
                u.name = base == "Công an"                  ? "Công an huyện"
                         : base == "Văn phòng HĐND và UBND" ? "Văn phòng HĐND và UBND huyện"
                         : base == "Bộ phận Tiếp nhận và Trả kết quả"
                             ? "Bộ phận Tiếp nhận và Trả kết quả huyện"
                             : base;
            }
            u.kind = UnitKind::Department;
            u.parentId = parentOfCommunes.id;
            u.placeName = parentOfCommunes.placeName;
            u.headerParent =
                UpperVi(provinceOffice ? "UBND tỉnh " + provinceName : "UBND huyện Tây Sơn");
            u.headerName = UpperVi(u.name);
            u.docSymbol = std::string(d[0]) == "PNV" ? (provinceOffice ? "SNV" : "NV") : d[0];
            u.sortOrder = 1000 + deptOrder++;  // after the communes in the tree
            u.id = units.Insert(u);
            departments.push_back(u);
            ++report.units;
        }
        office = departments.front();
        report.units += provinceOffice ? 1 : 2;
    }

    void AddCommunes() {
        if (merged) return AddMergedCommunes();
        std::set<std::string> names;
        std::set<std::string> codes;
        for (int i = 0; i < communeCount; ++i) {
            std::string place;
            if (!provinceOffice && i < static_cast<int>(std::size(kTaySonCommunes))) {
                place = kTaySonCommunes[i];
            } else {
                do {
                    place = TwoSyllables();
                    if (names.count(place) || rng.Chance(0.15))
                        place += std::string(" ") + rng.Pick(kDirections);
                } while (names.count(place));
            }
            names.insert(place);
            bool generated = provinceOffice || i >= static_cast<int>(std::size(kTaySonCommunes));
            bool town = place == "Tây Sơn" || (generated && i % 11 == 5);
            bool ward = provinceOffice && i % 4 == 1;
            if (place == "Tây Sơn") place = "Phú Phong";
            const Unit u = AddPlaceUnit(
                town   ? UnitKind::Town
                : ward ? UnitKind::Ward
                       : UnitKind::Commune,
                place, parentOfCommunes.id,
                provinceOffice ? "UBND tỉnh " + provinceName : "UBND huyện Tây Sơn", true, codes);
            CommuneInfo info{u,
                             rng.Uniform(0.62, 0.96),
                             rng.Uniform(-0.01, 0.035),
                             rng.Chance(0.3) ? rng.Uniform(0.06, 0.15) : rng.Uniform(0.0, 0.04),
                             {}};
            communes.push_back(std::move(info));
        }
    }

    // A commune, ward or town of the place, stored under `parentId`: its
    // name, header and code ("XA-", "P-", "TT-" and the place, made unique
    // against `codes`).
    Unit AddPlaceUnit(UnitKind kind, const std::string& place, std::int64_t parentId,
                      const std::string& headerParent, bool active, std::set<std::string>& codes) {
        const bool town = kind == UnitKind::Town, ward = kind == UnitKind::Ward;
        const std::string word = town ? "Thị trấn" : ward ? "Phường" : "Xã";
        Unit u;
        u.kind = kind;
        u.name = word + " " + place;
        u.placeName = place;
        u.code = CodeOf(town ? "TT-" : ward ? "P-" : "XA-", place);
        while (codes.count(u.code)) u.code += "1";
        codes.insert(u.code);
        u.parentId = parentId;
        u.headerParent = UpperVi(headerParent);
        u.headerName = UpperVi("Ủy ban nhân dân " + word + " " + place);
        u.docSymbol = "UBND";
        u.active = active;
        u.id = units.Insert(u);
        ++report.units;
        return u;
    }

    // The communes and wards of a province since July 2025, each formed
    // from two or three former communes of the abolished districts (one
    // former commune split between two), which stay as inactive units
    // with their results of the years before.
    void AddMergedCommunes() {
        std::set<std::string> names, codes;
        auto newPlace = [&](int i) {
            std::string place;
            if (i < static_cast<int>(std::size(kMergedCommunes)))
                return std::string(kMergedCommunes[i]);
            do {
                place = TwoSyllables();
                if (names.count(place) || rng.Chance(0.15))
                    place += std::string(" ") + rng.Pick(kDirections);
            } while (names.count(place));
            return place;
        };
        // The former communes: those of Tây Sơn first, then of further
        // districts, fifteen each.
        const int formerCount = communeCount * 5 / 2 + 1;
        Unit district;
        for (int i = 0; i < formerCount; ++i) {
            const int d = i / 15;
            if (i % 15 == 0) {
                district = Unit{};
                const std::string place =
                    d == 0 ? std::string("Tây Sơn")
                           : std::string(kFormerDistricts[(d - 1) % std::size(kFormerDistricts)]);
                district.name = "Huyện " + place;
                district.code = CodeOf("H-", place) + (d > 5 ? std::to_string(d) : "");
                district.kind = UnitKind::District;
                district.parentId = parentOfCommunes.id;
                district.placeName = place;
                district.headerName = UpperVi("Ủy ban nhân dân huyện " + place);
                district.docSymbol = "UBND";
                district.sortOrder = 2000 + d;  // after the communes and departments
                district.active = false;
                district.id = units.Insert(district);
                ++report.units;
            }
            std::string place;
            if (d == 0 && i < static_cast<int>(std::size(kTaySonCommunes))) {
                place = kTaySonCommunes[i];
            } else {
                do {
                    place = TwoSyllables();
                } while (names.count(place) ||
                         std::find(std::begin(kMergedCommunes), std::end(kMergedCommunes), place) !=
                             std::end(kMergedCommunes));
            }
            const bool town = place == "Tây Sơn";
            if (town) place = "Phú Phong";
            names.insert(place);
            const Unit u =
                AddPlaceUnit(town ? UnitKind::Town : UnitKind::Commune, place, district.id,
                             "UBND huyện " + district.placeName, false, codes);
            formers.push_back({u,
                               rng.Uniform(0.6, 0.94),
                               rng.Uniform(-0.01, 0.035),
                               rng.Chance(0.3) ? rng.Uniform(0.06, 0.15) : rng.Uniform(0.0, 0.04),
                               {}});
        }
        // The new units, each from the next two or three former ones; the
        // third's last former commune is split with the fourth.
        storage::LineageRepository lineage(db.session());
        std::size_t next = 0;
        for (int i = 0; i < communeCount; ++i) {
            const std::string place = newPlace(i);
            names.insert(place);
            const Unit u =
                AddPlaceUnit(i % 4 == 1 ? UnitKind::Ward : UnitKind::Commune, place,
                             parentOfCommunes.id, "UBND tỉnh " + provinceName, true, codes);
            std::size_t take = i % 2 == 0 ? 2 : 3;
            if (i == communeCount - 1) take = formers.size() - next;  // the rest
            std::vector<std::pair<std::size_t, double>> from;
            if (i == 3 && next > 0) from.push_back({next - 1, 0.4});  // the split one
            for (std::size_t k = 0; k < take && next < formers.size(); ++k, ++next)
                from.push_back({next, i == 2 && k + 1 == take ? 0.6 : 1.0});
            double quality = 0, weight = 0;
            for (const auto& [f, share] : from) {
                LineageLink l;
                l.unitId = u.id;
                l.predecessorId = formers[f].unit.id;
                l.formedOn = kMergedOn;
                l.share = share;
                lineage.Insert(l);
                quality += share * formers[f].quality;
                weight += share;
            }
            CommuneInfo info{
                u,
                std::clamp((weight > 0 ? quality / weight : 0.8) + rng.Normal(0.01, 0.03), 0.62,
                           0.96),
                rng.Uniform(-0.01, 0.035),
                rng.Chance(0.3) ? rng.Uniform(0.06, 0.15) : rng.Uniform(0.0, 0.04),
                {}};
            communes.push_back(std::move(info));
        }
    }

    // The units whose index results of the year are stored: before the
    // merger the former communes'.
    const std::vector<CommuneInfo>& RankedIn(int year) const {
        return merged && year < kMergedOn.year ? formers : communes;
    }

    // A place name of two different syllables ("Phú An", not "An An").
    std::string TwoSyllables() {
        for (;;) {
            const std::string a = rng.Pick(kSyllableA), b = rng.Pick(kSyllableB);
            if (a != b) return a + " " + b;
        }
    }

    Person MakePerson(std::int64_t unitId, const std::string& position, bool desk) {
        Person p;
        bool female = rng.Chance(0.5);
        p.fullName = std::string(rng.Pick(kSurnames)) + " " +
                     (female ? rng.Pick(kFemaleMiddle) : rng.Pick(kMaleMiddle)) + " " +
                     (female ? rng.Pick(kFemaleGiven) : rng.Pick(kMaleGiven));
        p.unitId = unitId;
        p.position = position;
        p.oneStopDesk = desk;
        char code[16];
        std::snprintf(code, sizeof code, "CB%05d", ++personSeq);
        p.code = code;
        p.phone = "09" + std::to_string(rng.Int(10000000, 99999999));
        p.id = people.Insert(p);
        ++report.people;
        return p;
    }

    // People: Home Affairs staff and commune officials.
    void AddPeople() {
        head = MakePerson(office.id, provinceOffice ? "Giám đốc Sở" : "Trưởng phòng", false);
        MakePerson(office.id, provinceOffice ? "Phó Giám đốc Sở" : "Phó Trưởng phòng", false);
        MakePerson(office.id, "Chuyên viên theo dõi CCHC", false);
        MakePerson(office.id, "Chuyên viên", false);
        for (std::size_t d = 1; d < departments.size(); ++d) {
            MakePerson(departments[d].id, provinceOffice ? "Giám đốc" : "Trưởng phòng", false);
            MakePerson(departments[d].id, "Chuyên viên",
                       departments[d].code.rfind("TNTKQ", 0) == 0);
        }
        for (auto& c : communes) {
            for (const auto& pos : kCommunePositions) {
                c.people.push_back(MakePerson(c.unit.id, pos.title, pos.desk));
                if (pos.desk)
                    officers.push_back({c.people.back().id, c.unit.id,
                                        std::clamp(c.quality + rng.Normal(0.02, 0.05), 0.5, 0.99)});
            }
        }
    }

    // Office identity for document headers.
    void SetOfficeIdentity() {
        OfficeIdentity id;
        id.unitId = office.id;
        id.parentBody = office.headerParent;
        id.issuingBody = UpperVi(office.name);
        id.placeName = provinceOffice ? provinceName : "Tây Sơn";
        id.signerName = head.fullName;
        id.signerTitle = provinceOffice ? "GIÁM ĐỐC" : "TRƯỞNG PHÒNG";
        settings.Set("office.unit_id", std::to_string(id.unitId));
        settings.Set("office.parent_body", id.parentBody);
        settings.Set("office.issuing_body", id.issuingBody);
        settings.Set("office.place_name", id.placeName);
        settings.Set("office.signer_name", id.signerName);
        settings.Set("office.signer_title", id.signerTitle);
        settings.Set("office.signer_authority", "");
        settings.Set("reporting.window", "calendar");
    }

    std::vector<Leaf> LoadLeaves(const std::string& code) {
        std::vector<Leaf> leaves;
        auto fid = frameworks.IdByCode(code);
        if (!fid) return leaves;
        auto fw = frameworks.Load(*fid);
        std::set<std::int64_t> parents;
        for (const auto& c : fw->criteria)
            if (c.parentId) parents.insert(*c.parentId);
        for (const auto& c : fw->criteria)
            if (!parents.count(c.id) && c.appliesToCommunes)
                leaves.push_back({c, std::clamp(rng.Normal(0.93, 0.08), 0.6, 1.05)});
        return leaves;
    }

    // Index results of each year, appraised.
    void AddResults() {
        parLeaves = LoadLeaves("PAR-XA-2025");
        svcLeaves = LoadLeaves("QD766");
        parId = frameworks.IdByCode("PAR-XA-2025");
        for (int y = lastYear - years + 1; y <= lastYear; ++y) {
            std::vector<ResultRecord> batch;
            const auto& ranked = RankedIn(y);
            for (std::size_t ci = 0; ci < ranked.size(); ++ci) {
                const auto& c = ranked[ci];
                double q = std::clamp(c.quality + c.trend * (y - lastYear), 0.3, 0.99);
                for (const auto* set : {&parLeaves, &svcLeaves}) {
                    for (const auto& leaf : *set) {
                        const Criterion& cr = leaf.c;
                        ResultRecord r;
                        r.unitId = c.unit.id;
                        r.criterionId = cr.id;
                        r.period = std::to_string(y);
                        r.status = "appraised";
                        r.source = "manual";
                        double ratio =
                            std::clamp(q * leaf.difficulty + rng.Normal(0, 0.07), 0.0, 1.0);
                        double points = 0;
                        if (cr.rule == RuleKind::Rate) {
                            int den = rng.Int(15, 400);
                            int num = static_cast<int>(std::lround(ratio * den));
                            r.numerator = num;
                            r.denominator = den;
                            double target = cr.target.value_or(1.0);
                            points =
                                std::min(cr.maxPoints, cr.maxPoints * (double(num) / den) / target);
                        } else if (cr.rule == RuleKind::YesNo) {
                            points = rng.Chance(std::min(0.98, q * leaf.difficulty + 0.05))
                                         ? cr.maxPoints
                                         : 0;
                        } else {
                            points = std::round(cr.maxPoints * ratio * 4) / 4;
                        }
                        points = std::round(points * 100) / 100;
                        double self = std::min(
                            cr.maxPoints,
                            points + cr.maxPoints * std::max(0.0, rng.Normal(c.bias, 0.04)));
                        self = std::round(self * 4) / 4;
                        if (self < points - 0.5) self = points;
                        if (cr.rule == RuleKind::Rate) {
                            // The points come from the rate; only communes that
                            // over-score themselves write a score beside it.
                            if (c.bias >= 0.05 && self > points) r.selfScore = self;
                        } else {
                            r.appraisedScore = points;
                            r.selfScore = self;
                        }
                        if (y == lastYear && set == &parLeaves)
                            lastRatio[{c.unit.id, cr.id}] =
                                cr.maxPoints > 0 ? points / cr.maxPoints : 1;
                        batch.push_back(std::move(r));
                    }
                }
                if (batch.size() > 20000) {
                    results.InsertMany(batch);
                    report.results += static_cast<long>(batch.size());
                    batch.clear();
                    Step(progress, tr("Creating index results"),
                         0.05 + 0.25 * ((y - (lastYear - years + 1)) + double(ci) / ranked.size()) /
                                    years);
                }
            }
            results.InsertMany(batch);
            report.results += static_cast<long>(batch.size());
        }
    }

    // Each commune's self-assessment report as the evidence of its results
    // of the year, but for a few criteria where it forgot to attach any.
    void AddEvidence() {
        storage::EvidenceRepository evidence(db.session());
        std::vector<const Leaf*> parLeafList;
        for (const auto& l : parLeaves) parLeafList.push_back(&l);
        for (int y = lastYear - years + 1; y <= lastYear; ++y) {
            const std::string period = std::to_string(y);
            for (const auto& c : RankedIn(y)) {
                storage::EvidenceRecord e;
                e.unitId = c.unit.id;
                e.docNumber = Two(rng.Int(1, 60)) + "/BC-UBND";
                e.docDate = period + "-12-" + Two(rng.Int(1, 12));
                e.issuer = "UBND " + c.unit.name;
                e.title = "Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm " +
                          period;
                e.createdBy = "demo";
                const auto id = evidence.Insert(e, {});
                std::vector<std::int64_t> forgotten;
                const int missing = parLeafList.empty() ? 0 : rng.Int(0, 3);
                for (int k = 0; k < missing; ++k) {
                    const Leaf* leaf = parLeafList[static_cast<std::size_t>(
                        rng.Int(0, static_cast<int>(parLeafList.size()) - 1))];
                    forgotten.push_back(leaf->c.id);
                }
                evidence.LinkToResults(id, c.unit.id, period, forgotten);
            }
        }
    }

    // Remediation plans for the last two index years.
    void AddPlans() {
        for (const auto& l : parLeaves) leafById[l.c.id] = &l;
        // Written a few hundred plans at a time (on the server by COPY). Each
        // plan's progress is made as it is made (the office's story draws on
        // one sequence of chances), its tasks named by provisional ids (-1,
        // -2, ...) until they are stored.
        std::vector<PlanRecord> batch;
        long long provisional = 0;
        auto store = [&] {
            std::vector<std::int64_t> named;
            for (const auto& p : batch)
                for (const auto& it : p.items)
                    for (const auto& t : it.tasks) named.push_back(t.id);
            plans.InsertMany(batch);
            std::map<std::int64_t, std::int64_t> real;
            std::size_t k = 0;
            for (const auto& p : batch) {
                ++report.plans;
                for (const auto& it : p.items) {
                    report.tasks += static_cast<long>(it.tasks.size());
                    for (const auto& t : it.tasks) real[named[k++]] = t.id;
                }
            }
            for (auto& u : updates)
                if (u.taskId < 0) u.taskId = real.at(u.taskId);
            batch.clear();
            if (updates.size() > 20000) plans.InsertUpdates(updates), updates.clear();
        };
        for (auto& c : communes) {
            for (int planYear : {lastYear, lastYear + 1}) {
                int answersYear = planYear - 1;
                if (answersYear < lastYear - years + 1) continue;
                // A commune formed in July 2025 made no plan in January.
                if (merged && Date{planYear, 1, 1} < kMergedOn) continue;
                Date issued;
                PlanRecord p = PlanHeader(c, planYear, answersYear, issued);
                int itemNo = 0;
                for (const auto& [ratio, critId] : WeakCriteria(c, planYear))
                    p.items.push_back(PlanItem(c, ratio, critId, ++itemNo, planYear, issued));
                for (auto& it : p.items)
                    for (auto& t : it.tasks) t.id = --provisional;
                AddProgressUpdates(p);
                batch.push_back(std::move(p));
            }
            if (batch.size() >= 200) store();
        }
        store();
        plans.InsertUpdates(updates);
        updates.clear();
    }

    // The plan's number, dates, texts and signer (issued is its date).
    PlanRecord PlanHeader(const CommuneInfo& c, int planYear, int answersYear, Date& issued) {
        PlanRecord p;
        p.unitId = c.unit.id;
        p.frameworkId = parId ? std::optional<std::int64_t>(*parId) : std::nullopt;
        p.year = planYear;
        p.number = Two(rng.Int(1, 40)) + "/KH-UBND";
        issued = Date{planYear, rng.Int(1, 2), rng.Int(3, 27)};
        p.issuedOn = issued.ToIso();
        p.title = "KẾ HOẠCH";
        p.summary = "Khắc phục tồn tại, hạn chế trong công tác cải cách hành chính năm " +
                    std::to_string(answersYear) + " nhằm nâng cao Chỉ số CCHC năm " +
                    std::to_string(planYear) + " và những năm tiếp theo";
        p.placeName = c.unit.placeName;
        p.basis = "Căn cứ Kế hoạch số " + std::to_string(rng.Int(100, 180)) + "/KH-UBND ngày " +
                  std::to_string(rng.Int(10, 28)) + "/" + std::to_string(rng.Int(1, 3)) + "/" +
                  std::to_string(planYear) +
                  (provinceOffice ? " của Ủy ban nhân dân tỉnh" : " của Ủy ban nhân dân huyện") +
                  " về khắc phục tồn tại, hạn chế trong công tác CCHC";
        p.purpose = "Khắc phục những tồn tại, hạn chế trong kết quả đánh giá Chỉ số CCHC năm " +
                    std::to_string(answersYear) + ".";
        p.requirements =
            "Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và rõ "
            "trách nhiệm của cán bộ, công chức.";
        p.organisation =
            "Định kỳ hằng quý báo cáo kết quả thực hiện (lồng ghép trong báo cáo CCHC) "
            "về Văn phòng - Thống kê để tổng hợp báo cáo " +
            office.name + ".";
        p.signerName = c.people.front().fullName;
        p.signerTitle = "CHỦ TỊCH";
        p.signerAuthority = "TM. ỦY BAN NHÂN DÂN";
        p.recipients =
            (provinceOffice ? office.name : office.name + " huyện") +
            ";\nThường trực Đảng ủy, HĐND;\nLãnh đạo UBND;\nCán bộ, công chức;\nLưu: VT.";
        p.status = "issued";
        return p;
    }

    // The weakest criteria of the year the plan answers, weakest first.
    std::vector<std::pair<double, std::int64_t>> WeakCriteria(const CommuneInfo& c, int planYear) {
        std::vector<std::pair<double, std::int64_t>> weak;
        for (const auto& l : parLeaves) {
            auto it = lastRatio.find({c.unit.id, l.c.id});
            double ratio = it != lastRatio.end() ? it->second : rng.Uniform(0.5, 1.0);
            if (planYear != lastYear + 1) ratio = rng.Uniform(0.4, 1.0);
            if (ratio < 0.9) weak.push_back({ratio, l.c.id});
        }
        std::sort(weak.begin(), weak.end());
        weak.resize(std::min<std::size_t>(weak.size(), static_cast<std::size_t>(rng.Int(4, 7))));
        return weak;
    }

    PlanItemRecord PlanItem(const CommuneInfo& c, double ratio, std::int64_t critId, int itemNo,
                            int planYear, Date issued) {
        const Criterion& cr = leafById[critId]->c;
        PlanItemRecord item;
        item.criterionId = critId;
        item.groupLabel = "1";
        item.groupTitle =
            "Tập trung khắc phục, cải thiện các tiêu chí, tiêu chí thành phần còn tồn tại, hạn chế";
        item.heading = "1." + std::to_string(itemNo);
        item.criterionTitle = cr.title;
        item.baselinePoints = std::round(ratio * cr.maxPoints * 100) / 100;
        if (cr.rule == RuleKind::Rate) {
            item.targetKind = "rate";
            item.baselineValue = std::round(ratio * cr.target.value_or(1.0) * 10000) / 10000;
            item.targetValue = cr.target.value_or(1.0);
            item.targetText =
                "Đạt tỷ lệ " +
                std::to_string(static_cast<int>(std::lround(*item.targetValue * 100))) +
                "% theo yêu cầu của tiêu chí.";
        } else {
            item.targetKind = "points";
            item.targetValue = cr.maxPoints;
            item.targetText = "Đạt điểm tối đa của tiêu chí thành phần.";
        }
        int ntasks = rng.Int(1, 3);
        for (int t = 0; t < ntasks; ++t) item.tasks.push_back(PlanTask(c, planYear, issued));
        return item;
    }

    // A task with its lead, coordinators, time frame and status as the work
    // would stand today.
    TaskRecord PlanTask(const CommuneInfo& c, int planYear, Date issued) {
        TaskRecord task;
        task.solution = rng.Pick(kSolutions);
        task.leadUnitId = c.unit.id;
        const Person& lead = c.people[static_cast<std::size_t>(rng.Int(1, 7))];
        if (!rng.Chance(0.1)) task.leadPersonId = lead.id;
        task.leadPersonText = task.leadPersonId ? "" : "";
        TaskCoordinator coord;
        coord.personId = c.people[2].id;
        task.coordinators.push_back(coord);
        if (rng.Chance(0.5)) {
            TaskCoordinator dep;
            dep.unitId = departments[static_cast<std::size_t>(rng.Int(0, 4))].id;
            task.coordinators.push_back(dep);
        }
        task.startOn = issued.ToIso();
        double kindRoll = rng.Uniform();
        Date due{planYear, rng.Int(3, 12), 1};
        due = Date{due.year, due.month, Date::DaysInMonth(due.year, due.month)};
        if (kindRoll < 0.55) {
            task.dueOn = due.ToIso();
            task.timeText = "Trước ngày " + std::to_string(due.day) + "/" + Two(due.month) + "/" +
                            std::to_string(due.year);
        } else if (kindRoll < 0.8) {
            task.dueYear = planYear;
            task.timeText = "Trong năm " + std::to_string(planYear);
            due = Date{planYear, 12, 31};
        } else {
            task.recurring = true;
            task.dueYear = planYear;
            task.timeText = "Trong năm " + std::to_string(planYear) + " và những năm tiếp theo";
            due = Date{planYear, 12, 31};
        }
        // Status as the work would stand today.
        double s = rng.Uniform();
        if (due < today && !task.recurring) {
            if (s < 0.7)
                task.status = TaskStatus::Done;
            else if (s < 0.9)
                task.status = TaskStatus::InProgress;
            else if (s < 0.96)
                task.status = TaskStatus::NotStarted;
            else
                task.status = TaskStatus::Cancelled;
        } else {
            if (s < 0.25)
                task.status = TaskStatus::Done;
            else if (s < 0.8)
                task.status = TaskStatus::InProgress;
            else
                task.status = TaskStatus::NotStarted;
        }
        task.percentDone = task.status == TaskStatus::Done         ? 100
                           : task.status == TaskStatus::InProgress ? rng.Int(2, 18) * 5
                                                                   : 0;
        if (task.status == TaskStatus::Done) {
            Date closed = std::min(due, today).AddDays(-rng.Int(0, 20));
            if (closed < issued) closed = issued;
            task.closedOn = closed.ToIso();
            task.outcome = "Đã hoàn thành theo kế hoạch.";
        }
        if (task.status == TaskStatus::Cancelled)
            task.outcome = "Không thực hiện do thay đổi quy định.";
        return task;
    }

    // Quarterly progress reports, but for a few quarters a commune forgot.
    void AddProgressUpdates(const PlanRecord& p) {
        for (const auto& it : p.items)
            for (const auto& task : it.tasks) {
                const auto quarters = MissingUpdates(task, p.year, {}, today, WindowKind::Calendar);
                for (std::size_t q = 0; q < quarters.size(); ++q) {
                    if (!rng.Chance(0.88)) continue;
                    storage::ProgressUpdateRecord u;
                    u.taskId = task.id;
                    u.period = quarters[q].ToString();
                    u.reportedOn = quarters[q].Window(WindowKind::Calendar).last.ToIso();
                    const bool last = q + 1 == quarters.size();
                    u.status = last ? task.status : TaskStatus::InProgress;
                    u.percentDone =
                        last
                            ? task.percentDone
                            : std::min(95, static_cast<int>((q + 1) * 100 / (quarters.size() + 1)));
                    u.note = last && task.status == TaskStatus::Done ? "Đã hoàn thành."
                                                                     : "Đang triển khai thực hiện.";
                    u.createdAt = *u.reportedOn + "T16:00:00";
                    u.createdBy = "demo";
                    updates.push_back(std::move(u));
                }
            }
    }

    // Monthly survey tallies for the last year and this one so far.
    void AddTallies() {
        storage::CatalogueRepository catalogue(db.session());
        auto scales = catalogue.Scales();
        auto fieldList = catalogue.ProcedureFields();
        std::int64_t likert5 = 0;
        for (const auto& s : scales)
            if (s.code == "LIKERT5") likert5 = s.id;
        storage::SurveyRepository surveys(db.session());
        if (likert5 && !fieldList.empty()) {
            std::vector<TallyRecord> tallies;
            std::vector<storage::DossierRecord> dossiers;
            storage::DossierRepository dossierStats(db.session());
            for (const auto& c : communes) {
                std::vector<std::int64_t> fields;
                for (std::size_t f = 0; f < fieldList.size() && fields.size() < 5; ++f)
                    if (f < 3 || rng.Chance(0.4)) fields.push_back(fieldList[f].id);
                // Form II.06a of the same months: the dossiers settled are the
                // tallies'; what is in progress at a month's end is carried
                // over into the next.
                std::map<std::int64_t, long> pending;
                for (Date m = merged ? std::max(Date{lastYear, 1, 1}, kMergedOn)
                                     : Date{lastYear, 1, 1};
                     m.year < today.year || (m.year == today.year && m.month < today.month);
                     m = m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1}) {
                    for (auto fieldId : fields) {
                        TallyRecord t;
                        t.unitId = c.unit.id;
                        t.period = std::to_string(m.year) + "-" + Two(m.month);
                        t.fieldId = fieldId;
                        t.scaleId = likert5;
                        t.settled = rng.Int(3, 90);
                        double coverage =
                            std::clamp(rng.Normal(c.quality > 0.8 ? 0.9 : 0.78, 0.1), 0.3, 1.0);
                        t.responses = static_cast<int>(std::lround(t.settled * coverage));
                        double sat =
                            std::clamp(rng.Normal(0.9 + (c.quality - 0.8) / 4, 0.04), 0.6, 1.0);
                        int satisfied = static_cast<int>(std::lround(t.responses * sat));
                        t.level5 =
                            static_cast<int>(std::lround(satisfied * rng.Uniform(0.45, 0.75)));
                        t.level4 = satisfied - t.level5;
                        int rest = t.responses - satisfied;
                        t.level3 = static_cast<int>(std::lround(rest * 0.6));
                        t.level2 = static_cast<int>(std::lround((rest - t.level3) * 0.7));
                        t.level1 = rest - t.level3 - t.level2;
                        tallies.push_back(t);
                        dossiers.push_back(
                            Dossiers(t, c.quality, pending.try_emplace(fieldId, -1).first->second));
                    }
                }
                if (tallies.size() > 20000) {
                    surveys.InsertTallies(tallies);
                    report.tallies += static_cast<long>(tallies.size());
                    tallies.clear();
                    dossierStats.InsertMany(dossiers, "demo");
                    dossiers.clear();
                }
            }
            surveys.InsertTallies(tallies);
            report.tallies += static_cast<long>(tallies.size());
            dossierStats.InsertMany(dossiers, "demo");
        }
    }

    // A month's form II.06a for a field of a commune, settling the dossiers
    // its tally counts; `pending` is what the month before handed on (-1
    // before the first month), and becomes what this one hands on.
    storage::DossierRecord Dossiers(const TallyRecord& t, double quality, long& pending) {
        storage::DossierRecord d;
        d.unitId = t.unitId;
        d.period = t.period;
        d.fieldId = t.fieldId;
        d.source = "manual";
        auto& f = d.figures;
        f.carriedOver = pending >= 0 ? pending : rng.Int(0, 6);  // -1: the first month
        const long settled = t.settled;
        f.settledLate = rng.Chance(quality > 0.8 ? 0.15 : 0.4) ? rng.Int(1, 3) : 0;
        f.settledLate = std::min(f.settledLate, settled);
        f.settledEarly = std::lround((settled - f.settledLate) * rng.Uniform(0.1, 0.35));
        f.settledOnTime = settled - f.settledLate - f.settledEarly;
        f.pendingOverdue = rng.Chance(quality > 0.8 ? 0.1 : 0.3) ? 1 : 0;
        f.pendingInTime = rng.Int(0, 8);
        // Received = settled + still in progress; the new ones are what the
        // carried over does not cover.
        long fresh = settled + f.pendingInTime + f.pendingOverdue - f.carriedOver;
        if (fresh < 0) {
            f.pendingInTime -= fresh;
            fresh = 0;
        }
        f.receivedOnline = std::lround(fresh * std::clamp(rng.Normal(0.55, 0.15), 0.1, 0.95));
        f.receivedDirect = fresh - f.receivedOnline;
        pending = f.PendingTotal();
        return d;
    }

    // Individual ratings spread over the one-stop officers.
    void AddRatings() {
        if (opt.ratings <= 0 || officers.empty()) return;
        const long total = opt.ratings;
        const Date from =
            merged ? std::max(Date{lastYear, 1, 2}, kMergedOn.AddDays(1)) : Date{lastYear, 1, 2};
        const int days = std::max(30, from.DaysUntil(today));
        const char* channels[] = {"kiosk", "kiosk", "kiosk",  "kiosk",  "qr",
                                  "qr",    "qr",    "online", "online", "paper"};
        std::vector<RatingRecord> batch;
        batch.reserve(20000);
        // The import's writer: staged batch by batch, stored in one
        // statement at the end.
        storage::RatingBulkInsert ratingsOut(db, 20000);
        long made = 0;
        for (std::size_t oi = 0; oi < officers.size(); ++oi) {
            const Officer& o = officers[oi];
            long share =
                total / static_cast<long>(officers.size()) +
                (static_cast<long>(oi) < total % static_cast<long>(officers.size()) ? 1 : 0);
            // Strictly increasing times per officer keep ratings distinct.
            double minutesPerRating = std::max(1.0, days * 9.0 * 60 / std::max(1L, share));
            double clock = 0;
            for (long k = 0; k < share; ++k) {
                clock += rng.Uniform(0.2, 1.8) * minutesPerRating;
                long minute = static_cast<long>(clock);
                int day = static_cast<int>(minute / (9 * 60));
                int inDay = static_cast<int>(minute % (9 * 60));
                Date d = from.AddDays(std::min(day, days));
                int hour = 7 + inDay / 60 + (inDay >= 270 ? 1 : 0);
                char ts[24];
                std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month,
                              d.day, hour, inDay % 60, static_cast<int>(k % 60));
                RatingRecord r;
                r.ratedAt = ts;
                r.unitId = o.unitId;
                r.officerId = o.id;
                r.procedure = rng.Pick(kProcedures);
                r.channel = rng.Pick(channels);
                if (rng.Chance(0.3)) {
                    bool female = rng.Chance(0.5);
                    r.citizen = std::string(rng.Pick(kSurnames)) + " " +
                                (female ? rng.Pick(kFemaleMiddle) : rng.Pick(kMaleMiddle)) + " " +
                                (female ? rng.Pick(kFemaleGiven) : rng.Pick(kMaleGiven));
                }
                auto score = [&]() {
                    double x = rng.Uniform();
                    if (x < o.quality * 0.7) return 5;
                    if (x < o.quality) return 4;
                    if (x < o.quality + (1 - o.quality) * 0.6) return 3;
                    if (x < o.quality + (1 - o.quality) * 0.9) return 2;
                    return 1;
                };
                r.attitude = score();
                r.handling = score();
                r.guidance = score();
                batch.push_back(std::move(r));
                if (batch.size() >= 20000) {
                    for (const auto& one : batch) ratingsOut.Add(one);
                    made += static_cast<long>(batch.size());
                    batch.clear();
                    Step(progress, tr("Creating ratings"),
                         0.5 + 0.5 * double(made) / double(total));
                }
            }
        }
        for (const auto& one : batch) ratingsOut.Add(one);
        ratingsOut.Flush();
        made += static_cast<long>(batch.size());
        report.ratings = made;
    }

    // The one-stop officers' self-assessments (Mẫu 02) of the last two
    // quarters: mostly full marks, a better officer more often; the
    // appraisal takes half a point off now and then.
    void AddSelfAssessments() {
        if (auto selfId = frameworks.IdByCode("TT01-2018")) {
            const auto fw = frameworks.Load(*selfId);
            std::set<std::int64_t> parents;
            for (const auto& c : fw->criteria)
                if (c.parentId) parents.insert(*c.parentId);
            const Period current =
                Period::Containing(PeriodKind::Quarter, today, WindowKind::Calendar);
            std::vector<storage::SelfAssessmentRow> rows;
            for (const Period& quarter : {current.Previous().Previous(), current.Previous()}) {
                for (const Officer& o : officers) {
                    for (const auto& c : fw->criteria) {
                        if (parents.count(c.id)) continue;
                        const double max = c.maxPoints;
                        double self = max;
                        if (!rng.Chance(o.quality))
                            self = std::max(0.0, max - (rng.Chance(0.7) ? 0.5 : 1.0));
                        double appraised = rng.Chance(0.85) ? self : std::max(0.0, self - 0.5);
                        rows.push_back({o.id, quarter.ToString(), {c.id, self, appraised}, ""});
                    }
                }
            }
            storage::SelfAssessmentRepository(db.session()).Save(rows, "demo");
        }
    }

    storage::Database& db;
    const DemoOptions& opt;
    Progress* progress;
    Rng rng;
    DemoReport report;
    const Date today;
    const int lastYear;
    const int communeCount;
    const bool provinceOffice;
    const bool merged;
    const std::string provinceName;
    const int years;
    storage::UnitRepository units;
    storage::PersonRepository people;
    storage::SettingsRepository settings;
    storage::FrameworkRepository frameworks;
    storage::ResultRepository results;
    storage::PlanRepository plans;

    Unit office;  // the Home Affairs office using the program
    Unit parentOfCommunes;
    std::vector<Unit> departments;
    std::vector<CommuneInfo> communes;
    std::vector<CommuneInfo> formers;  // merged into the communes in 2025
    int personSeq = 0;
    Person head;
    std::vector<Officer> officers;
    std::vector<Leaf> parLeaves, svcLeaves;
    std::optional<std::int64_t> parId;
    // appraised ratio per commune, criterion of the last year (for plans)
    std::map<std::pair<std::int64_t, std::int64_t>, double> lastRatio;
    std::map<std::int64_t, const Leaf*> leafById;
    // Progress updates made, written in bulk.
    std::vector<storage::ProgressUpdateRecord> updates;
};

}  // namespace

DemoReport BuildDemo(storage::Database& db, const DemoOptions& opt, Progress* progress) {
    // On a database with accounts, the administrator's only.
    AccessGuard(db, opt.user.empty() ? CurrentUser() : opt.user).Require(Action::FillDemo);
    if (storage::UnitRepository(db.session()).Count() > 0)
        throw UserError(
            tr("the database already holds units; the demo office is only built into "
               "an empty database"));
    // One transaction from the catalogues to the audit: a stop anywhere
    // leaves the database as it was.
    storage::Transaction tx(db);
    // Each task's row of the board written once, at the end.
    storage::TaskBoardHold board(db.session());
    storage::AuditRepository audit(db.session());
    const std::string user = opt.user.empty() ? CurrentUser() : opt.user;
    // Said first: on the server each statement's records are audited as
    // they go in.
    audit.Attribute(user, "demo");
    const auto marks = audit.MarkTables();
    const auto before = storage::SettingsRepository(db.session()).All();
    LoadBuiltinCatalogues(db);
    DemoBuilder demo(db, opt, progress);
    Step(progress, tr("Creating units and people"), 0.0);
    demo.AddOrganisation();
    demo.AddCommunes();
    demo.AddPeople();
    demo.SetOfficeIdentity();
    demo.AddResults();
    demo.AddEvidence();
    // The results' sets, each appraised, with their stored totals.
    storage::ResultSetRepository(db.session()).EnsureFromResults();
    RefreshStaleTotals(db);
    Step(progress, tr("Creating remediation plans"), 0.35);
    demo.AddPlans();
    Step(progress, tr("Creating survey tallies"), 0.45);
    demo.AddTallies();
    demo.AddRatings();
    demo.AddSelfAssessments();
    board.Release();
    // Every record created, one audit entry each with its values (written
    // by the database from the new rows); settings with old and new value.
    audit.RecordInsertedSince(marks, user, "demo", {"settings"});
    std::vector<storage::AuditEntry> changed;
    for (const auto& [key, value] : storage::SettingsRepository(db.session()).All()) {
        const auto old = before.find(key);
        if (old == before.end())
            changed.push_back({"", user, "settings", 0, "insert", key, std::nullopt, value});
        else if (old->second != value)
            changed.push_back({"", user, "settings", 0, "update", key, old->second, value});
    }
    audit.RecordMany(changed);
    Step(progress, tr("Saving"), 1.0);
    tx.Commit();
    return demo.report;
}

}  // namespace cchc::services
