#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"

namespace cchc {
namespace {

std::string Folder(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string Name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void Fail(const std::string& target, int err) {
    throw UserError(Location{target, 0, ""},
                    fmt::format(fmt::runtime(tr("cannot write the file {0}")), target) + " (" +
                        std::strerror(err) + ")");
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    std::string pattern = Folder(target_) + "/." + Name(target_) + ".tmp-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = ::mkstemp(buf.data());
    if (fd < 0) Fail(target_, errno);
    ::close(fd);
    temp_ = buf.data();
}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() noexcept {
    if (done_) return;
    done_ = true;
    ::unlink(temp_.c_str());
}

void AtomicFile::Commit() {
    if (done_) throw std::logic_error("AtomicFile::Commit after Commit or Discard");
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    int err = fd < 0 ? errno : 0;
    if (!err) {
        // The target's permissions, or those of a new file (0666 less umask).
        struct stat st;
        mode_t mode;
        if (::stat(target_.c_str(), &st) == 0) {
            mode = st.st_mode & 07777;
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        if (::fchmod(fd, mode) != 0) err = errno;
        if (!err && ::fsync(fd) != 0) err = errno;
        ::close(fd);
    }
    if (!err && std::rename(temp_.c_str(), target_.c_str()) != 0) err = errno;
    if (err) {
        Discard();
        Fail(target_, err);
    }
    done_ = true;
    // The rename itself reaches the disk with the folder.
    const int dir = ::open(Folder(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void WriteFileAtomically(const std::string& path,
                         const std::function<void(const std::string& tempPath)>& write) {
    AtomicFile file(path);
    write(file.TempPath());
    file.Commit();
}

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
    WriteFileAtomically(path, [&](const std::string& temp) {
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) Fail(path, errno);
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        const int err = ok ? 0 : (errno ? errno : EIO);
        if (std::fclose(f) != 0 && ok) Fail(path, errno);
        if (!ok) Fail(path, err);
    });
}

}  // namespace cchc
