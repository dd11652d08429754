#include "storage/report_data_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
namespace {

// unit_id = :u, or every unit when the flag is 0 (one statement for both).
long long UnitOrAll(std::optional<std::int64_t> unitId) { return unitId ? *unitId : 0; }

}  // namespace

std::vector<DossierStatRow> ReportDataRepository::DossierStats(const std::string& period,
                                                               std::optional<std::int64_t> unitId) {
    const long long u = UnitOrAll(unitId);
    const int all = unitId ? 0 : 1;
    std::vector<DossierStatRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT f.name AS field, f.sort_order AS so, "
                       "SUM(d.received_total) AS rt, SUM(d.received_online) AS ro, "
                       "SUM(d.received_direct) AS rd, SUM(d.carried_over) AS co, "
                       "SUM(d.settled_total) AS st, SUM(d.settled_early) AS se, "
                       "SUM(d.settled_on_time) AS so2, SUM(d.settled_late) AS sl, "
                       "SUM(d.pending_total) AS pt, SUM(d.pending_in_time) AS pi, "
                       "SUM(d.pending_overdue) AS po "
                       "FROM dossier_stats d JOIN procedure_fields f ON f.id = d.field_id "
                       "WHERE d.period = :p AND (d.unit_id = :u OR :a = 1) "
                       "GROUP BY f.id, f.name, f.sort_order ORDER BY f.sort_order, f.id",
         soci::use(period), soci::use(u), soci::use(all));
    for (const auto& r : rs) {
        DossierStatRow d;
        d.field = detail::Text(r, "field");
        d.receivedTotal = static_cast<long>(detail::Int(r, "rt"));
        d.receivedOnline = static_cast<long>(detail::Int(r, "ro"));
        d.receivedDirect = static_cast<long>(detail::Int(r, "rd"));
        d.carriedOver = static_cast<long>(detail::Int(r, "co"));
        d.settledTotal = static_cast<long>(detail::Int(r, "st"));
        d.settledEarly = static_cast<long>(detail::Int(r, "se"));
        d.settledOnTime = static_cast<long>(detail::Int(r, "so2"));
        d.settledLate = static_cast<long>(detail::Int(r, "sl"));
        d.pendingTotal = static_cast<long>(detail::Int(r, "pt"));
        d.pendingInTime = static_cast<long>(detail::Int(r, "pi"));
        d.pendingOverdue = static_cast<long>(detail::Int(r, "po"));
        out.push_back(d);
    }
    return out;
}

void ReportDataRepository::SaveDossierStat(std::int64_t unitId, const std::string& period,
                                           std::int64_t fieldId, const DossierStatRow& d,
                                           const std::string& user) {
    const long long u = unitId, f = fieldId;
    s_ << "DELETE FROM dossier_stats WHERE unit_id = :u AND period = :p AND field_id = :f",
        soci::use(u), soci::use(period), soci::use(f);
    const int rt = static_cast<int>(d.receivedTotal), ro = static_cast<int>(d.receivedOnline),
              rd = static_cast<int>(d.receivedDirect), co = static_cast<int>(d.carriedOver),
              st = static_cast<int>(d.settledTotal), se = static_cast<int>(d.settledEarly),
              so = static_cast<int>(d.settledOnTime), sl = static_cast<int>(d.settledLate),
              pt = static_cast<int>(d.pendingTotal), pi = static_cast<int>(d.pendingInTime),
              po = static_cast<int>(d.pendingOverdue);
    s_ << "INSERT INTO dossier_stats (unit_id, period, field_id, received_total, "
          "received_online, received_direct, carried_over, settled_total, settled_early, "
          "settled_on_time, settled_late, pending_total, pending_in_time, pending_overdue, "
          "updated_by) VALUES (:u, :p, :f, :rt, :ro, :rd, :co, :st, :se, :so, :sl, :pt, :pi, "
          ":po, :by)",
        soci::use(u), soci::use(period), soci::use(f), soci::use(rt), soci::use(ro), soci::use(rd),
        soci::use(co), soci::use(st), soci::use(se), soci::use(so), soci::use(sl), soci::use(pt),
        soci::use(pi), soci::use(po), soci::use(user);
}

std::vector<TallySumRow> ReportDataRepository::Tallies(const std::string& firstMonth,
                                                       const std::string& lastMonth,
                                                       std::optional<std::int64_t> unitId) {
    const long long u = UnitOrAll(unitId);
    const int all = unitId ? 0 : 1;
    std::vector<TallySumRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT f.name AS field, f.sort_order AS so, SUM(t.settled) AS st, "
                       "SUM(t.responses) AS rs, SUM(t.level5) AS l5, SUM(t.level4) AS l4, "
                       "SUM(t.level3) AS l3, SUM(t.level2) AS l2, SUM(t.level1) AS l1 "
                       "FROM survey_tallies t JOIN procedure_fields f ON f.id = t.field_id "
                       "WHERE t.period >= :first AND t.period <= :last "
                       "AND (t.unit_id = :u OR :a = 1) "
                       "GROUP BY f.id, f.name, f.sort_order ORDER BY f.sort_order, f.id",
         soci::use(firstMonth), soci::use(lastMonth), soci::use(u), soci::use(all));
    for (const auto& r : rs) {
        TallySumRow t;
        t.field = detail::Text(r, "field");
        t.settled = static_cast<long>(detail::Int(r, "st"));
        t.responses = static_cast<long>(detail::Int(r, "rs"));
        t.level5 = static_cast<long>(detail::Int(r, "l5"));
        t.level4 = static_cast<long>(detail::Int(r, "l4"));
        t.level3 = static_cast<long>(detail::Int(r, "l3"));
        t.level2 = static_cast<long>(detail::Int(r, "l2"));
        t.level1 = static_cast<long>(detail::Int(r, "l1"));
        out.push_back(t);
    }
    return out;
}

std::vector<RatingLine> ReportDataRepository::Ratings(const std::string& firstIso,
                                                      const std::string& lastIso,
                                                      std::optional<std::int64_t> unitId) {
    const long long u = UnitOrAll(unitId);
    const int all = unitId ? 0 : 1;
    const std::string from = firstIso + "T00:00:00", to = lastIso + "T23:59:59";
    std::vector<RatingLine> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT r.rated_at AS at, p.full_name AS officer, r.procedure AS proc, "
                       "r.channel AS channel, " +
                           detail::CitizenColumn(s_, "r.citizen") +
                           " AS citizen, r.attitude AS att, r.handling AS han, r.guidance AS gui "
                           "FROM ratings r JOIN people p ON p.id = r.officer_id "
                           "WHERE r.rated_at >= :f AND r.rated_at <= :t "
                           "AND (r.unit_id = :u OR :a = 1) ORDER BY r.rated_at, r.id",
         soci::use(from), soci::use(to), soci::use(u), soci::use(all));
    for (const auto& r : rs) {
        RatingLine l;
        l.ratedAt = detail::Text(r, "at");
        l.officer = detail::Text(r, "officer");
        l.procedure = detail::Text(r, "proc");
        l.channel = detail::Text(r, "channel");
        l.citizen = detail::Text(r, "citizen");
        if (auto v = detail::OptInt(r, "att")) l.attitude = static_cast<int>(*v);
        if (auto v = detail::OptInt(r, "han")) l.handling = static_cast<int>(*v);
        if (auto v = detail::OptInt(r, "gui")) l.guidance = static_cast<int>(*v);
        out.push_back(l);
    }
    return out;
}

}  // namespace cchc::storage
