// SQLite's locks that no other handle of the process can drop.
//
// SQLite locks its files with POSIX advisory locks (fcntl F_SETLK), which
// belong to the process: any close() of another descriptor of the same file
// in the process (a file dialog sniffing the .db file) releases them, and
// another program may then delete the WAL under our connection. Once
// installed, the locks SQLite takes are Linux open-file-description locks
// held on one private open file description per file (inode), shared by all
// of the process's SQLite descriptors of that file; only SQLite's own
// closing of its last descriptor of the file releases them.
#pragma once
#include <cstddef>

namespace cchc::storage::detail {

// Replaces the "open", "close" and "fcntl" system calls of SQLite's unix VFS
// (once; later calls do nothing). Must run before the first SQLite file is
// opened. Does nothing where the system has no open-file-description locks.
void InstallSqliteLockOwners();

// Whether the locks are held as open-file-description locks.
bool SqliteLockOwnersInstalled();

// Files (inodes) on which SQLite currently locks through a private
// descriptor: zero when no SQLite file is open. For tests.
std::size_t OpenLockOwners();

}  // namespace cchc::storage::detail
