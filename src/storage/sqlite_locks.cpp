// SQLite's unix VFS makes its system calls through a table a program may
// change (sqlite3_vfs::xSetSystemCall). Three entries are replaced here:
//
// - "fcntl": the lock commands F_SETLK, F_SETLKW and F_GETLK become
//   F_OFD_SETLK, F_OFD_SETLKW and F_OFD_GETLK, whose locks belong to an open
//   file description instead of the process. SQLite keeps one lock state per
//   inode for all its connections in the process (unixInodeInfo) and may
//   unlock through another descriptor than the one that locked, so every
//   lock of an inode is taken on one private descriptor of that inode, the
//   inode's "owner". Other commands pass through unchanged.
// - "close": SQLite's descriptors are counted per inode; when the last one
//   closes, the owner is closed too. SQLite closes a database descriptor
//   only when none of its connections holds a lock on that inode (it keeps
//   it on unixInodeInfo.pUnused until then), and the -shm descriptor only
//   when its last connection leaves it, so no lock is held by then.
// - "open": forgets a descriptor number that SQLite receives again, should
//   its earlier close have bypassed SQLite (a safety net only).
//
// The registry maps (device, inode) to the owner and SQLite's descriptors to
// their inode; a descriptor is entered at its first lock command. Owners die
// with their last descriptor, so an inode number reused by a later file
// (tests create and delete many) never meets a stale owner.
#include "storage/sqlite_locks.h"

#include <sqlite3.h>

#ifdef __linux__
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace cchc::storage::detail {

#if defined(__linux__) && defined(F_OFD_SETLK)
namespace {

using OpenCall = int (*)(const char*, int, int);
using CloseCall = int (*)(int);
using FcntlCall = int (*)(int, int, ...);

OpenCall sqliteOpen = nullptr;
CloseCall sqliteClose = nullptr;
FcntlCall sqliteFcntl = nullptr;
bool installed = false;

using InodeKey = std::pair<dev_t, ino_t>;

struct Owner {
    int fd = -1;    // private descriptor holding every lock of the inode
    int users = 0;  // SQLite's descriptors of the inode entered so far
};

struct Registry {
    std::mutex mutex;
    std::map<InodeKey, Owner> owners;
    std::map<int, InodeKey> users;  // SQLite descriptor -> its inode
};

// Never destroyed: SQLite may close files while the program exits.
Registry& TheRegistry() {
    static Registry* registry = new Registry;
    return *registry;
}

// Forgets SQLite's descriptor fd; returns the owner to close when fd was
// the inode's last one, or -1. Called with the registry locked.
int ForgetLocked(Registry& r, int fd) {
    auto user = r.users.find(fd);
    if (user == r.users.end()) return -1;
    auto owner = r.owners.find(user->second);
    r.users.erase(user);
    if (owner == r.owners.end() || --owner->second.users > 0) return -1;
    int ownerFd = owner->second.fd;
    r.owners.erase(owner);
    return ownerFd;
}

void CloseKeepingErrno(int fd) {
    if (fd < 0) return;
    int saved = errno;
    ::close(fd);
    errno = saved;
}

// A new open file description of the same file, writable when the file may
// be written (SQLite may first open a file read-only and later write-lock
// it through a read-write descriptor); a duplicate of fd otherwise.
int NewOwner(int fd) {
    std::string self = "/proc/self/fd/" + std::to_string(fd);
    int owner = ::open(self.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (owner >= 0 && owner <= 2) {
        // Keep clear of standard input, output and error, as SQLite does.
        int moved = sqliteFcntl(owner, F_DUPFD_CLOEXEC, 3);
        ::close(owner);
        owner = moved;
    }
    if (owner < 0) owner = sqliteFcntl(fd, F_DUPFD_CLOEXEC, 3);
    return owner;
}

// The owner of fd's inode, entering fd on first use; -1 (errno set) when
// fd cannot be examined.
int OwnerOf(int fd) {
    Registry& r = TheRegistry();
    std::lock_guard<std::mutex> lock(r.mutex);
    if (auto user = r.users.find(fd); user != r.users.end()) {
        auto owner = r.owners.find(user->second);
        if (owner != r.owners.end()) return owner->second.fd;
        r.users.erase(user);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) return -1;
    InodeKey key{st.st_dev, st.st_ino};
    auto owner = r.owners.find(key);
    if (owner == r.owners.end()) {
        int ownerFd = NewOwner(fd);
        if (ownerFd < 0) return -1;
        owner = r.owners.emplace(key, Owner{ownerFd, 0}).first;
    }
    ++owner->second.users;
    r.users.emplace(fd, key);
    return owner->second.fd;
}

int LockingFcntl(int fd, int command, ...) {
    va_list args;
    va_start(args, command);
    // As glibc's fcntl does: the optional argument read as a pointer.
    void* argument = va_arg(args, void*);
    va_end(args);
    if (command != F_SETLK && command != F_SETLKW && command != F_GETLK)
        return sqliteFcntl(fd, command, argument);
    auto* request = static_cast<struct flock*>(argument);
    int owner = OwnerOf(fd);
    if (owner < 0) return -1;
    struct flock lock = *request;
    lock.l_pid = 0;  // required by open-file-description locks
    const int ofdCommand = command == F_SETLK    ? F_OFD_SETLK
                           : command == F_SETLKW ? F_OFD_SETLKW
                                                 : F_OFD_GETLK;
    int rc = sqliteFcntl(owner, ofdCommand, &lock);
    if (rc == 0 && command == F_GETLK) *request = lock;
    return rc;
}

int TrackingClose(int fd) {
    int owner;
    {
        Registry& r = TheRegistry();
        std::lock_guard<std::mutex> lock(r.mutex);
        owner = ForgetLocked(r, fd);
    }
    int rc = sqliteClose(fd);
    CloseKeepingErrno(owner);
    return rc;
}

int TrackingOpen(const char* path, int flags, int mode) {
    int fd = sqliteOpen(path, flags, mode);
    if (fd >= 0) {
        int stale;
        {
            Registry& r = TheRegistry();
            std::lock_guard<std::mutex> lock(r.mutex);
            stale = ForgetLocked(r, fd);
        }
        CloseKeepingErrno(stale);
    }
    return fd;
}

// Whether the kernel knows open-file-description locks (Linux 3.15+).
bool KernelHasOfdLocks() {
    int probe = ::memfd_create("cchc-lock-probe", MFD_CLOEXEC);
    if (probe < 0) return false;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    bool ok = ::fcntl(probe, F_OFD_GETLK, &lock) == 0;
    ::close(probe);
    return ok;
}

void Install() {
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    if (!vfs || vfs->iVersion < 3 || !vfs->xSetSystemCall || !vfs->xGetSystemCall ||
        std::strncmp(vfs->zName, "unix", 4) != 0 || !KernelHasOfdLocks())
        return;
    sqliteOpen = reinterpret_cast<OpenCall>(vfs->xGetSystemCall(vfs, "open"));
    sqliteClose = reinterpret_cast<CloseCall>(vfs->xGetSystemCall(vfs, "close"));
    sqliteFcntl = reinterpret_cast<FcntlCall>(vfs->xGetSystemCall(vfs, "fcntl"));
    if (!sqliteOpen || !sqliteClose || !sqliteFcntl) return;
    // Descriptors are counted before any lock is turned into an owner's.
    if (vfs->xSetSystemCall(vfs, "open", reinterpret_cast<sqlite3_syscall_ptr>(&TrackingOpen)) !=
        SQLITE_OK)
        return;
    if (vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(&TrackingClose)) !=
        SQLITE_OK) {
        vfs->xSetSystemCall(vfs, "open", reinterpret_cast<sqlite3_syscall_ptr>(sqliteOpen));
        return;
    }
    if (vfs->xSetSystemCall(vfs, "fcntl", reinterpret_cast<sqlite3_syscall_ptr>(&LockingFcntl)) !=
        SQLITE_OK) {
        vfs->xSetSystemCall(vfs, "open", reinterpret_cast<sqlite3_syscall_ptr>(sqliteOpen));
        vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(sqliteClose));
        return;
    }
    installed = true;
}

}  // namespace

void InstallSqliteLockOwners() {
    static std::once_flag once;
    std::call_once(once, Install);
}

bool SqliteLockOwnersInstalled() {
    InstallSqliteLockOwners();
    return installed;
}

std::size_t OpenLockOwners() {
    Registry& r = TheRegistry();
    std::lock_guard<std::mutex> lock(r.mutex);
    return r.owners.size();
}

#else  // no open-file-description locks: SQLite's own POSIX locks stay

void InstallSqliteLockOwners() {}
bool SqliteLockOwnersInstalled() { return false; }
std::size_t OpenLockOwners() { return 0; }

#endif

}  // namespace cchc::storage::detail
