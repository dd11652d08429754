#include "core/platform.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <vector>

#ifdef _WIN32
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <lmcons.h>
#include <shlobj.h>
#include <sys/stat.h>
#else
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace cchc {
namespace {

std::string RandomLetters(std::size_t n) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 gen{std::random_device{}()};
    std::uniform_int_distribution<std::size_t> pick(0, sizeof letters - 2);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += letters[pick(gen)];
    return out;
}

std::string Join(const std::string& folder, const std::string& name) {
    if (folder.empty()) return name;
    const char last = folder.back();
    if (last == '/' || last == '\\') return folder + name;
    return folder + "/" + name;
}

#ifdef _WIN32
std::wstring Wide(const std::string& s) { return WideFromUtf8(s); }
std::string Narrow(const std::wstring& w) { return Utf8FromWide(w.data(), w.size()); }

// A Windows error as the errno-like number the callers pass on.
int LastError() {
    const DWORD e = GetLastError();
    return e ? static_cast<int>(e) : EIO;
}
#endif

std::string TempFolder() {
    std::error_code ec;
    const fs::path p = fs::temp_directory_path(ec);
#ifdef _WIN32
    if (!ec) return Narrow(p.wstring());
#else
    if (!ec) return p.string();
#endif
    return ".";
}

}  // namespace

std::string ExecutableDir() {
#ifdef _WIN32
    std::vector<wchar_t> buf(MAX_PATH);
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return ".";
        if (n < buf.size()) {
            std::wstring p(buf.data(), n);
            const auto slash = p.find_last_of(L"\\/");
            return slash == std::wstring::npos ? "." : Narrow(p.substr(0, slash));
        }
        buf.resize(buf.size() * 2);
    }
#else
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return ".";
    return exe.parent_path().string();
#endif
}

std::string LoginName() {
#ifdef _WIN32
    wchar_t name[UNLEN + 1];
    DWORD size = UNLEN + 1;
    if (GetUserNameW(name, &size) && size > 1) return Narrow(std::wstring(name, size - 1));
    if (const char* u = std::getenv("USERNAME"); u && *u) return u;
    return {};
#else
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return {};
#endif
}

std::string UserDataHome() {
#ifdef _WIN32
    PWSTR path = nullptr;
    std::string out;
    if (SHGetKnownFolderPath(FOLDERID_LocalAppData, 0, nullptr, &path) == S_OK) out = Narrow(path);
    CoTaskMemFree(path);
    if (out.empty()) {
        if (const char* env = std::getenv("LOCALAPPDATA"); env && *env) out = env;
    }
    return out.empty() ? "." : out;
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return xdg;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share";
#endif
}

std::string CreateUniqueFile(const std::string& folder, const std::string& prefix,
                             const std::string& suffix) {
    int err = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string path = Join(folder, prefix + RandomLetters(8) + suffix);
#ifdef _WIN32
        HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                               FILE_ATTRIBUTE_NORMAL, nullptr);
        if (h != INVALID_HANDLE_VALUE) {
            CloseHandle(h);
            return path;
        }
        const DWORD e = GetLastError();
        if (e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS) continue;
        err = static_cast<int>(e);
#else
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            return path;
        }
        if (errno == EEXIST) continue;
        err = errno;
#endif
        break;
    }
    throw std::runtime_error("cannot create a file in " + folder + " (" +
                             SystemMessage(err ? err : EEXIST) + ")");
}

std::string CreateTempFile(const std::string& prefix, const std::string& suffix) {
    return CreateUniqueFile(TempFolder(), prefix, suffix);
}

std::string CreateTempDir(const std::string& prefix) {
    const std::string folder = TempFolder();
    int err = EEXIST;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string path = Join(folder, prefix + RandomLetters(8));
#ifdef _WIN32
        if (CreateDirectoryW(Wide(path).c_str(), nullptr)) return path;
        const DWORD e = GetLastError();
        if (e == ERROR_ALREADY_EXISTS) continue;
        err = static_cast<int>(e);
#else
        if (::mkdir(path.c_str(), 0700) == 0) return path;
        if (errno == EEXIST) continue;
        err = errno;
#endif
        break;
    }
    throw std::runtime_error("cannot create a folder in " + folder + " (" + SystemMessage(err) +
                             ")");
}

int FlushFileToDisk(const std::string& path) {
#ifdef _WIN32
    HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return LastError();
    const int err = FlushFileBuffers(h) ? 0 : LastError();
    CloseHandle(h);
    return err;
#else
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    const int err = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return err;
#endif
}

int CopyPermissions(const std::string& path, const std::string& target) {
#ifdef _WIN32
    (void)path;
    (void)target;
    return 0;
#else
    // The target's permissions, or those of a new file (0666 less umask).
    struct stat st;
    mode_t mode;
    if (::stat(target.c_str(), &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    return ::chmod(path.c_str(), mode) == 0 ? 0 : errno;
#endif
}

int MoveFileOver(const std::string& from, const std::string& to) {
#ifdef _WIN32
    if (!MoveFileExW(Wide(from).c_str(), Wide(to).c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return LastError();
    return 0;
#else
    if (std::rename(from.c_str(), to.c_str()) != 0) return errno;
    // The rename itself reaches the disk with the folder.
    const auto slash = to.rfind('/');
    const std::string folder =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : to.substr(0, slash));
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return 0;
#endif
}

std::int64_t RegularFileSize(std::FILE* file) {
#ifdef _WIN32
    struct _stat64 st;
    if (_fstat64(_fileno(file), &st) == 0 && (st.st_mode & _S_IFREG)) return st.st_size;
#else
    struct stat st;
    if (::fstat(fileno(file), &st) == 0 && S_ISREG(st.st_mode)) return st.st_size;
#endif
    return -1;
}

bool IsTerminal(int fd) {
#ifdef _WIN32
    return _isatty(fd) != 0;
#else
    return ::isatty(fd) != 0;
#endif
}

bool SetTerminalEcho(bool on) {
#ifdef _WIN32
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (in == INVALID_HANDLE_VALUE || !GetConsoleMode(in, &mode)) return false;
    mode = on ? (mode | ENABLE_ECHO_INPUT) : (mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    return SetConsoleMode(in, mode) != 0;
#else
    termios t{};
    if (tcgetattr(0, &t) != 0) return false;
    if (on)
        t.c_lflag |= static_cast<tcflag_t>(ECHO);
    else
        t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    return tcsetattr(0, TCSANOW, &t) == 0;
#endif
}

#ifdef _WIN32
std::wstring WideFromUtf8(const std::string& s) {
    if (s.empty()) return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string Utf8FromWide(const wchar_t* w, std::size_t size) {
    if (size == 0) return {};
    const int n =
        WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(size), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(size), s.data(), n, nullptr, nullptr);
    return s;
}
#endif

void PrepareStandardStreams() {
#ifdef _WIN32
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    for (std::FILE* f : {stdin, stdout, stderr}) _setmode(_fileno(f), _O_BINARY);
#endif
}

std::string SystemMessage(int err) {
#ifdef _WIN32
    wchar_t* text = nullptr;
    const DWORD n = FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
        nullptr, static_cast<DWORD>(err), 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
    std::string out = n ? Narrow(std::wstring(text, n)) : "error " + std::to_string(err);
    LocalFree(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == '.'))
        out.pop_back();
    return out;
#else
    return std::strerror(err);
#endif
}

}  // namespace cchc
