// The PostgreSQL client programs run on Windows: CreateProcessW with the
// standard handles given, named pipes read and written with overlapped
// I/O so that a cancel is noticed while a program is slow to read or write.
#include "storage/postgres_tools.h"

#include <windows.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "core/progress.h"
#include "storage/database.h"

namespace cchc::storage::detail {
namespace {

std::wstring Wide(const std::string& s) { return WideFromUtf8(s); }
std::string Narrow(const wchar_t* w, std::size_t size) { return Utf8FromWide(w, size); }

// One argument quoted as the C runtime's command-line parser reads it back.
std::wstring Quote(const std::wstring& arg) {
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
    std::wstring out = L"\"";
    for (auto it = arg.begin();; ++it) {
        std::size_t slashes = 0;
        while (it != arg.end() && *it == L'\\') {
            ++it;
            ++slashes;
        }
        if (it == arg.end()) {
            out.append(slashes * 2, L'\\');
            break;
        }
        if (*it == L'"') {
            out.append(slashes * 2 + 1, L'\\');
        } else {
            out.append(slashes, L'\\');
        }
        out.push_back(*it);
    }
    out.push_back(L'"');
    return out;
}

struct Handle {
    HANDLE h = INVALID_HANDLE_VALUE;
    Handle() = default;
    explicit Handle(HANDLE handle) : h(handle) {}
    ~Handle() { Close(); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    void Close() {
        if (h != INVALID_HANDLE_VALUE && h != nullptr) CloseHandle(h);
        h = INVALID_HANDLE_VALUE;
    }
    bool Valid() const { return h != INVALID_HANDLE_VALUE && h != nullptr; }
};

HANDLE Inheritable(const std::wstring& path, DWORD access, DWORD disposition, DWORD flags = 0) {
    SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
    return CreateFileW(path.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       &sa, disposition, FILE_ATTRIBUTE_NORMAL | flags, nullptr);
}

// A temporary file standard error goes to, read back when the program has
// ended, removed when closed.
class ErrorFile {
  public:
    ErrorFile() {
        path_ = CreateTempFile("cchc-tool-", ".txt");
        file_.h = Inheritable(Wide(path_), GENERIC_READ | GENERIC_WRITE, OPEN_EXISTING,
                              FILE_FLAG_DELETE_ON_CLOSE);
    }
    HANDLE handle() const { return file_.h; }
    std::string Read() {
        if (!file_.Valid()) return {};
        SetFilePointer(file_.h, 0, nullptr, FILE_BEGIN);
        std::string out;
        char buf[4096];
        DWORD n = 0;
        while (ReadFile(file_.h, buf, sizeof buf, &n, nullptr) && n > 0 && out.size() < 64 * 1024)
            out.append(buf, n);
        return out;
    }

  private:
    std::string path_;
    Handle file_;
};

// One end of a pipe for us (overlapped) and the other for the program.
struct Pipe {
    Handle ours, theirs;
    OVERLAPPED io{};
    Handle event;

    // forReading: we read what the program writes.
    explicit Pipe(bool forReading) {
        static long counter = 0;
        const std::wstring name = L"\\\\.\\pipe\\cchc-" + std::to_wstring(GetCurrentProcessId()) +
                                  L"-" + std::to_wstring(InterlockedIncrement(&counter));
        ours.h = CreateNamedPipeW(name.c_str(),
                                  (forReading ? PIPE_ACCESS_INBOUND : PIPE_ACCESS_OUTBOUND) |
                                      FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
                                  PIPE_TYPE_BYTE | PIPE_WAIT, 1, 65536, 65536, 0, nullptr);
        if (!ours.Valid()) throw std::runtime_error("pipe failed");
        theirs.h = Inheritable(name, forReading ? GENERIC_WRITE : GENERIC_READ, OPEN_EXISTING);
        if (!theirs.Valid()) throw std::runtime_error("pipe failed");
        event.h = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        io.hEvent = event.h;
    }

    // Reads or writes with a cancel check every 100 ms; the bytes moved, 0
    // at the end of the pipe (or when the reader has gone).
    DWORD Transfer(bool reading, char* data, DWORD size, const CancelCheck& cancelled) {
        ResetEvent(event.h);
        DWORD n = 0;
        const BOOL ok = reading ? ReadFile(ours.h, data, size, &n, &io)
                                : WriteFile(ours.h, data, size, &n, &io);
        if (ok) return n;
        if (GetLastError() != ERROR_IO_PENDING) return 0;
        for (;;) {
            if (WaitForSingleObject(event.h, cancelled ? 100 : INFINITE) == WAIT_OBJECT_0) break;
            if (cancelled && cancelled()) {
                CancelIo(ours.h);
                GetOverlappedResult(ours.h, &io, &n, TRUE);
                throw CancelledError();
            }
        }
        if (!GetOverlappedResult(ours.h, &io, &n, FALSE)) return 0;
        return n;
    }
};

// A running program.
class Process {
  public:
    Process(const std::vector<std::string>& argv, const std::vector<std::string>& env, HANDLE in,
            HANDLE out, HANDLE err) {
        std::wstring line;
        for (const auto& a : argv) {
            if (!line.empty()) line += L' ';
            line += Quote(Wide(a));
        }
        std::wstring block;
        for (const auto& e : env) {
            block += Wide(e);
            block.push_back(L'\0');
        }
        block.push_back(L'\0');
        Handle nul(Inheritable(L"NUL", GENERIC_READ | GENERIC_WRITE, OPEN_EXISTING));
        STARTUPINFOW si{};
        si.cb = sizeof si;
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = in ? in : nul.h;
        si.hStdOutput = out ? out : nul.h;
        si.hStdError = err ? err : nul.h;
        PROCESS_INFORMATION pi{};
        if (!CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE,
                            CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW, block.data(), nullptr,
                            &si, &pi)) {
            const DWORD e = GetLastError();
            const std::string name = std::filesystem::u8path(argv[0]).filename().u8string();
            throw DatabaseFailure(
                Location{},
                fmt::format(fmt::runtime(tr("the PostgreSQL program {0} could not be started; "
                                            "install Debian's postgresql-client package of the "
                                            "server's version")),
                            name),
                argv[0] + ": " + SystemMessage(static_cast<int>(e)));
        }
        CloseHandle(pi.hThread);
        process_.h = pi.hProcess;
    }
    ~Process() { Kill(); }

    int Wait() {
        if (!process_.Valid()) return -1;
        WaitForSingleObject(process_.h, INFINITE);
        DWORD code = 0;
        const int rc = GetExitCodeProcess(process_.h, &code) ? static_cast<int>(code) : -1;
        process_.Close();
        return rc;
    }
    int WaitOrCancel(const CancelCheck& cancelled) {
        if (!cancelled) return Wait();
        while (WaitForSingleObject(process_.h, 50) == WAIT_TIMEOUT) {
            if (cancelled()) {
                Kill();
                throw CancelledError();
            }
        }
        return Wait();
    }
    void Kill() {
        if (!process_.Valid()) return;
        TerminateProcess(process_.h, 1);
        WaitForSingleObject(process_.h, INFINITE);
        process_.Close();
    }

  private:
    Handle process_;
};

}  // namespace

std::string PostgresTool(const std::string& name, int serverMajor) {
    const std::string exe = name + ".exe";
    if (const char* dir = std::getenv("CCHC_PG_BIN"); dir && *dir)
        return std::string(dir) + "\\" + exe;
    // The installer of postgresql.org puts each major version in its own
    // folder under Program Files\PostgreSQL.
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string best;
    int bestMajor = 0;
    for (const char* root : {"ProgramW6432", "ProgramFiles"}) {
        const char* base = std::getenv(root);
        if (!base || !*base) continue;
        for (const auto& e : fs::directory_iterator(fs::u8path(base) / "PostgreSQL", ec)) {
            const int major = std::atoi(e.path().filename().u8string().c_str());
            const fs::path tool = e.path() / "bin" / fs::u8path(exe);
            if (major <= 0 || !fs::exists(tool, ec)) continue;
            if (major == serverMajor) return tool.u8string();
            if (major > bestMajor) {
                bestMajor = major;
                best = tool.u8string();
            }
        }
    }
    return best.empty() ? exe : best;
}

std::vector<std::string> ProcessEnvironment() {
    std::vector<std::string> env;
    if (wchar_t* block = GetEnvironmentStringsW()) {
        for (const wchar_t* e = block; *e; e += wcslen(e) + 1) env.push_back(Narrow(e, wcslen(e)));
        FreeEnvironmentStringsW(block);
    }
    return env;
}

ToolResult RunTool(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   const std::string& outputFile, const CancelCheck& cancelled) {
    ErrorFile errors;
    Handle out;
    if (!outputFile.empty()) {
        out.h = Inheritable(Wide(outputFile), GENERIC_WRITE, CREATE_ALWAYS);
        if (!out.Valid())
            throw DatabaseFailure(
                Location{}, fmt::format(fmt::runtime(tr("cannot write the file {0}")), outputFile),
                outputFile + ": " + SystemMessage(static_cast<int>(GetLastError())));
    }
    ToolResult r;
    {
        Process p(argv, env, nullptr, out.Valid() ? out.h : nullptr, errors.handle());
        r.exitCode = p.WaitOrCancel(cancelled);
    }
    out.Close();
    r.errors = errors.Read();
    return r;
}

PipeResult RunPipe(const std::vector<std::string>& producer,
                   const std::vector<std::string>& producerEnv,
                   const std::vector<std::string>& consumer,
                   const std::vector<std::string>& consumerEnv, const std::string& before,
                   const std::string& after, const CancelCheck& cancelled) {
    Pipe fromProducer(true), toConsumer(false);
    ErrorFile producerErrors, consumerErrors;
    PipeResult r;
    Process consumerProcess(consumer, consumerEnv, toConsumer.theirs.h, nullptr,
                            consumerErrors.handle());
    Process producerProcess(producer, producerEnv, nullptr, fromProducer.theirs.h,
                            producerErrors.handle());
    fromProducer.theirs.Close();
    toConsumer.theirs.Close();
    auto isCancelled = [&] { return cancelled && cancelled(); };
    // Writes all of it; false when the consumer has stopped reading.
    auto writeAll = [&](const char* data, std::size_t size, const CancelCheck& check) {
        while (size > 0) {
            const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(size, 65536));
            const DWORD n = toConsumer.Transfer(false, const_cast<char*>(data), chunk, check);
            if (n == 0) return false;
            data += n;
            size -= n;
        }
        return true;
    };
    bool consumerReading = true;
    try {
        // Cancelled: both killed (by their destructors) before the consumer
        // is told to finish, so what it did is undone.
        if (isCancelled()) throw CancelledError();
        consumerReading = writeAll(before.data(), before.size(), cancelled);
        std::unique_ptr<char[]> buf(new char[65536]);
        for (;;) {
            if (isCancelled()) throw CancelledError();
            const DWORD n = fromProducer.Transfer(true, buf.get(), 65536, cancelled);
            if (n == 0) break;
            if (consumerReading) consumerReading = writeAll(buf.get(), n, cancelled);
            if (!consumerReading) {
                producerProcess.Kill();
                break;
            }
        }
        r.producer.exitCode = producerProcess.Wait();
        if (isCancelled()) throw CancelledError();
    } catch (const CancelledError&) {
        producerProcess.Kill();
        consumerProcess.Kill();
        throw;
    }
    fromProducer.ours.Close();
    if (r.producer.exitCode == 0 && consumerReading) writeAll(after.data(), after.size(), nullptr);
    toConsumer.ours.Close();
    r.consumer.exitCode = consumerProcess.Wait();
    r.producer.errors = producerErrors.Read();
    r.consumer.errors = consumerErrors.Read();
    return r;
}

}  // namespace cchc::storage::detail
