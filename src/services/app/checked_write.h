// Writes made against the version a desk read (optimistic locking, see
// core/conflict.h), as the services that edit units, people and frameworks
// make them: refused before anything is written when the stored record has
// another version, and refused the same way when another desk saves it
// between that check and the write. Internal to the services.
#pragma once
#include "storage/unit_repository.h"

namespace cchc::services {

// Runs write() when the record as stored (`stored`, read in the write's
// transaction) has the version the desk read; else throws refusal(stored).
// write() stores only while the record still has that version, and throws
// storage::ConcurrentEditError when it no longer has it (another desk saved
// in between): then refusal(*reload()) is thrown, the record as stored now
// (the error itself when the record is gone). refusal returns what to
// throw: an EditConflict with the fields on which the desk's values and the
// stored ones differ, or a ChangedSinceRead where there are none to merge.
template <class Record, class Refusal, class Write, class Reload>
void WriteIfUnchanged(int readVersion, const Record& stored, const Refusal& refusal,
                      const Write& write, const Reload& reload) {
    if (stored.version != readVersion) throw refusal(stored);
    try {
        write();
    } catch (const storage::ConcurrentEditError&) {
        if (auto now = reload()) throw refusal(*now);
        throw;
    }
}

}  // namespace cchc::services
