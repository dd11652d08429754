// Imports of tallies and ratings as recorded in import_batches.
#pragma once
#include <cstdint>
#include <string>

namespace soci {
class session;
}

namespace cchc::storage {

// An import recorded in import_batches (kind, file, rows stored and skipped).
class ImportBatchRepository {
  public:
    explicit ImportBatchRepository(soci::session& s) : s_(s) {}
    std::int64_t Start(const std::string& kind, const std::string& fileName,
                       const std::string& user);
    void Finish(std::int64_t id, long rows, long skipped);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
