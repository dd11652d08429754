#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"

namespace cchc {
namespace {

#ifdef _WIN32
constexpr const char* kSlashes = "/\\";
#else
constexpr const char* kSlashes = "/";
#endif

std::string Folder(const std::string& path) {
    const auto slash = path.find_last_of(kSlashes);
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string Name(const std::string& path) {
    const auto slash = path.find_last_of(kSlashes);
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void Fail(const std::string& target, const std::string& reason) {
    throw UserError(
        Location{target, 0, ""},
        fmt::format(fmt::runtime(tr("cannot write the file {0}")), target) + " (" + reason + ")");
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    try {
        temp_ = CreateUniqueFile(Folder(target_), "." + Name(target_) + ".tmp-");
    } catch (const std::runtime_error& e) {
        Fail(target_, e.what());
    }
}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() noexcept {
    if (done_) return;
    done_ = true;
    std::remove(temp_.c_str());
}

void AtomicFile::Commit() {
    if (done_) throw std::logic_error("AtomicFile::Commit after Commit or Discard");
    int err = CopyPermissions(temp_, target_);
    if (!err) err = FlushFileToDisk(temp_);
    if (!err) err = MoveFileOver(temp_, target_);
    if (err) {
        Discard();
        Fail(target_, SystemMessage(err));
    }
    done_ = true;
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
        if (!f) Fail(path, std::strerror(errno));
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        const int err = ok ? 0 : (errno ? errno : EIO);
        if (std::fclose(f) != 0 && ok) Fail(path, std::strerror(errno));
        if (!ok) Fail(path, std::strerror(err));
    });
}

}  // namespace cchc
