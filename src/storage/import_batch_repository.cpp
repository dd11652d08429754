// Imports recorded in import_batches: see import_batch_repository.h.
#include "storage/import_batch_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

std::int64_t ImportBatchRepository::Start(const std::string& kind, const std::string& fileName,
                                          const std::string& user) {
    long long id = 0;
    std::string now = NowIso();
    s_ << "INSERT INTO import_batches (kind, file_name, rows, skipped, created_at, created_by) "
          "VALUES (:k, :f, 0, 0, :now, :by) RETURNING id",
        soci::use(kind), soci::use(fileName), soci::use(now), soci::use(user), soci::into(id);
    return id;
}

void ImportBatchRepository::Finish(std::int64_t id, long rows, long skipped) {
    long long i = id, r = rows, k = skipped;
    s_ << "UPDATE import_batches SET rows = :r, skipped = :s WHERE id = :id", soci::use(r),
        soci::use(k), soci::use(i);
}

}  // namespace cchc::storage
