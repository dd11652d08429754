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
    // How many ratings pass the filter.
    long CountMatching(const RatingFilter& filter);
    // The ids of the list's rows offset .. offset + limit - 1 (same order as
    // FilterIds): with CountMatching, what a virtual list needs when the
    // whole list is too long to fetch per keystroke (two million ids take
    // SQLite itself over 100 ms to walk; a window costs about as much as
    // walking to it). Given the list's `total` (CountMatching), a window in
    // the second half is walked to from the oldest end.
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

// Streams ratings into the table in batches of `batchSize` rows through an
// INSERT ... ON CONFLICT DO NOTHING: on SQLite one prepared statement bound
// to column vectors, on PostgreSQL one statement per batch unnesting one
// array per column (one round trip). A rating whose (officer, time,
// procedure, citizen) is already stored, or appears twice, is skipped and
// counted. The caller holds the transaction: an error (a foreign key, a
// CHECK) leaves it to roll everything back.
class RatingBulkInsert {
  public:
    explicit RatingBulkInsert(Database& db, std::size_t batchSize = 10000,
                              std::optional<std::int64_t> importBatchId = std::nullopt);
    ~RatingBulkInsert();
    RatingBulkInsert(const RatingBulkInsert&) = delete;
    RatingBulkInsert& operator=(const RatingBulkInsert&) = delete;

    // Queues one rating; writes the batch when it is full.
    void Add(const RatingRecord& rating);
    // Writes what is queued.
    void Flush();
    long inserted() const { return inserted_; }
    long skipped() const { return skipped_; }

  private:
    struct Columns;
    Database& db_;
    std::size_t batchSize_;
    std::unique_ptr<Columns> c_;
    std::unique_ptr<soci::statement> insert_;
    std::optional<std::int64_t> batchId_;
    long inserted_ = 0, skipped_ = 0;
};

}  // namespace cchc::storage
