// Officers' ratings as stored: millions of individual ratings (bulk import,
// filtered id lists for virtual lists, pages by id, per-officer aggregates
// computed in SQL). Monthly tallies are in tally_repository.h, self-assessments
// in self_assessment_repository.h, the imports that brought them in
// import_batch_repository.h.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/survey_rules.h"

namespace soci {
class session;
class statement;
}  // namespace soci

namespace cchc::storage {

class Database;

// Filters of the ratings list. Dates are ISO days, both included; score
// bounds apply to the lowest aspect a rating scores (maxScore 2: ratings
// with some aspect at 1 or 2; minScore 4: ratings scoring every aspect 4 or
// 5); a rating that scores no aspect passes neither. Unset means no filter.
struct RatingFilter {
    std::optional<std::int64_t> unitId, officerId;
    std::optional<std::string> channel;
    std::optional<std::string> from, to;
    std::optional<int> minScore, maxScore;
    // Without unitId: the ratings of this unit and of the units under it
    // only (an account's units).
    std::optional<std::int64_t> within;
};

// One row of the ratings list, with the names it shows.
struct RatingRow {
    std::int64_t id = 0;
    RatingRecord rating;
    std::string unitCode, officerCode, officerName;
};

// Per-officer sums of the ratings of a time range, computed with GROUP BY.
struct RatingAggregateQuery {
    std::string from, to;  // ISO days, both included
    std::optional<std::int64_t> unitId;
    bool byMonth = false;  // one RatingTally per officer and calendar month
};

class RatingRepository {
  public:
    explicit RatingRepository(soci::session& s) : s_(s) {}
    // Ids of the ratings that pass the filter, newest first (time, then id).
    // Chooses the index by the most selective filter given (officer, unit,
    // channel, time): the query a virtual list runs per keystroke.
    std::vector<std::int64_t> FilterIds(const RatingFilter& filter);
    // How many ratings pass the filter: from the day counts of the ratings
    // when it asks for nothing but days, a channel and scores.
    long CountMatching(const RatingFilter& filter);
    // The same, always counted from the ratings (what the day counts are
    // compared with).
    long CountMatchingByRatings(const RatingFilter& filter);
    // How many (day, channel, lowest score) groups of the ratings the day
    // counts (migration 0015) get wrong, either way: 0 when they agree.
    long DayCountsDisagreeing();
    // The ids of the list's rows offset .. offset + limit - 1 (same order as
    // FilterIds): with CountMatching, what a virtual list needs when the
    // whole list is too long to fetch per keystroke (two million ids take
    // SQLite itself over 100 ms to walk; a window costs about as much as
    // walking to it). Given the list's `total` (CountMatching), a window in
    // the second half is walked to from the oldest end. A window deep in a
    // list the day counts answer starts from the day it falls on.
    std::vector<std::int64_t> FilterIdsWindow(const RatingFilter& filter, long offset, long limit,
                                              long total = -1);
    // The ratings with these ids, in the order of the ids (unknown ids are
    // left out). Meant for a page of a virtual list (tens of ids).
    std::vector<RatingRow> Page(const std::vector<std::int64_t>& ids);
    // Sums per officer (and month): counts, satisfied ratings (the rule of
    // IsSatisfiedRating, in SQL), scored aspects and their sums. Ordered by
    // officer id then month. The unit is the smallest unit id among the
    // officer's ratings.
    std::vector<RatingTally> Aggregate(const RatingAggregateQuery& query);
    // All ratings with codes, oldest first (time, then id), delivered in
    // batches to `sink` so that millions of rows need no memory.
    void ForEachForExport(const std::function<void(const std::vector<RatingRow>&)>& sink);
    long Count();

  private:
    soci::session& s_;
};

// Writes ratings set-based. Add() stages them, batch by batch, in a
// temporary table (on SQLite through one prepared insert, on PostgreSQL by
// COPY FROM STDIN); Flush() stores what is staged in one statement: the
// ratings in the order of their natural key, each with its lowest score
// computed by the database (the rule of LowestScore, compared by a test),
// and a rating whose (officer, time, procedure, citizen) is already stored,
// or staged before it, skipped and counted. When the staged ratings
// outnumber those stored (a first load) the table's list indexes are
// dropped and built again after the insert, by sorting once. Flush() runs in
// a transaction of its own or joins the caller's: an error (a foreign key,
// a CHECK) leaves everything to be rolled back, indexes included.
class RatingBulkInsert {
  public:
    explicit RatingBulkInsert(Database& db, std::size_t batchSize = 10000,
                              std::optional<std::int64_t> importBatchId = std::nullopt);
    ~RatingBulkInsert();
    RatingBulkInsert(const RatingBulkInsert&) = delete;
    RatingBulkInsert& operator=(const RatingBulkInsert&) = delete;

    // Stages one rating (a batch at a time).
    void Add(const RatingRecord& rating);
    // Stores what is staged.
    void Flush();
    long inserted() const { return inserted_; }
    long skipped() const { return skipped_; }
    // Every rating stored by this writer has an id above this one (the
    // largest id before its first store): what the audit of SQLite selects.
    std::int64_t storedAfterId() const { return afterId_.value_or(0); }

  private:
    void Stage();
    void Store();
    void DropStage();
    struct Stager;
    Database& db_;
    std::size_t batchSize_;
    std::vector<RatingRecord> pending_;
    std::unique_ptr<Stager> stager_;
    std::optional<std::int64_t> batchId_;
    std::optional<std::int64_t> afterId_;
    long staged_ = 0, line_ = 0;
    long inserted_ = 0, skipped_ = 0;
};

}  // namespace cchc::storage
