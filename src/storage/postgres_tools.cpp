#include "storage/postgres_tools.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "storage/database.h"

extern char** environ;

namespace cchc::storage::detail {
namespace {

// A file standard error goes to, read back when the program has ended.
class ErrorFile {
  public:
    ErrorFile() : file_(std::tmpfile()) {}
    ~ErrorFile() {
        if (file_) std::fclose(file_);
    }
    int fd() const { return file_ ? fileno(file_) : -1; }
    std::string Read() {
        if (!file_) return {};
        std::string out;
        std::rewind(file_);
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0 && out.size() < 64 * 1024)
            out.append(buf, n);
        return out;
    }

  private:
    std::FILE* file_;
};

std::vector<char*> Pointers(const std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

// Starts argv with the given standard input, output and error (-1: the
// null device); returns its pid. UserError when it is not installed.
pid_t Spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env, int in,
            int out, int err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    auto route = [&](int fd, int target, int flags) {
        if (fd >= 0)
            posix_spawn_file_actions_adddup2(&actions, fd, target);
        else
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", flags, 0);
    };
    route(in, 0, O_RDONLY);
    route(out, 1, O_WRONLY);
    route(err, 2, O_WRONLY);
    auto args = Pointers(argv);
    auto envp = Pointers(env);
    pid_t pid = -1;
    const bool onPath = argv[0].find('/') == std::string::npos;
    const int rc =
        onPath ? posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data())
               : posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        const std::string name = std::filesystem::path(argv[0]).filename().string();
        throw DatabaseFailure(
            Location{},
            fmt::format(fmt::runtime(tr("the PostgreSQL program {0} could not be started; "
                                        "install Debian's postgresql-client package of the "
                                        "server's version")),
                        name),
            argv[0] + ": " + std::strerror(rc));
    }
    return pid;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

int Wait(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return ExitCode(status);
}

// Kills the program and waits until it has gone.
void Kill(pid_t pid) {
    if (pid <= 0) return;
    ::kill(pid, SIGKILL);
    Wait(pid);
}

// Waits for the program, polling cancelled() every 50 ms: killed and
// CancelledError when it holds first.
int WaitOrCancel(pid_t pid, const CancelCheck& cancelled) {
    if (!cancelled) return Wait(pid);
    for (;;) {
        if (cancelled()) {
            Kill(pid);
            throw CancelledError();
        }
        int status = 0;
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) return ExitCode(status);
        if (done < 0 && errno != EINTR) return -1;
        ::poll(nullptr, 0, 50);
    }
}

// Writes all of data to fd; false when the reader has gone. With
// cancelled, waits for room at most 100 ms at a time and throws
// CancelledError (the caller kills the programs) when it holds.
bool WriteAll(int fd, const char* data, std::size_t size, const CancelCheck& cancelled = nullptr) {
    while (size > 0) {
        std::size_t chunk = size;
        if (cancelled) {
            if (cancelled()) throw CancelledError();
            pollfd out{fd, POLLOUT, 0};
            const int ready = ::poll(&out, 1, 100);
            if (ready < 0 && errno != EINTR) return false;
            if (ready <= 0) continue;
            if (out.revents & (POLLERR | POLLHUP)) return false;
            chunk = std::min<std::size_t>(size, PIPE_BUF);  // fits the room polled for
        }
        const ssize_t n = ::write(fd, data, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

int MajorOf(const std::filesystem::path& versionDir) {
    return std::atoi(versionDir.filename().string().c_str());
}

}  // namespace

std::string PostgresTool(const std::string& name, int serverMajor) {
    // CCHC_PG_BIN names the folder of the programs when they live elsewhere.
    if (const char* dir = std::getenv("CCHC_PG_BIN"); dir && *dir)
        return std::string(dir) + "/" + name;
    // Debian installs each major version in its own folder; the programs on
    // the PATH are a wrapper that may pick another version than the server's.
    namespace fs = std::filesystem;
    std::error_code ec;
    int best = 0;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const int major = MajorOf(e.path());
        if (major <= 0 || !fs::exists(e.path() / "bin" / name, ec)) continue;
        if (major == serverMajor) return (e.path() / "bin" / name).string();
        // Otherwise the newest: a newer pg_dump reads an older server, a
        // newer pg_restore an older archive.
        if (major > best) best = major;
    }
    if (best > 0) return "/usr/lib/postgresql/" + std::to_string(best) + "/bin/" + name;
    return name;
}

std::vector<std::string> ProcessEnvironment() {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
    return env;
}

ToolResult RunTool(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   const std::string& outputFile, const CancelCheck& cancelled) {
    ErrorFile errors;
    int out = -1;
    if (!outputFile.empty()) {
        out = ::open(outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (out < 0)
            throw DatabaseFailure(
                Location{}, fmt::format(fmt::runtime(tr("cannot write the file {0}")), outputFile),
                outputFile + ": " + std::strerror(errno));
    }
    ToolResult r;
    try {
        const pid_t pid = Spawn(argv, env, -1, out, errors.fd());
        r.exitCode = WaitOrCancel(pid, cancelled);
    } catch (...) {
        if (out >= 0) ::close(out);
        throw;
    }
    if (out >= 0) ::close(out);
    r.errors = errors.Read();
    return r;
}

PipeResult RunPipe(const std::vector<std::string>& producer,
                   const std::vector<std::string>& producerEnv,
                   const std::vector<std::string>& consumer,
                   const std::vector<std::string>& consumerEnv, const std::string& before,
                   const std::string& after, const CancelCheck& cancelled) {
    // A consumer that stops reading must not kill this process.
    std::signal(SIGPIPE, SIG_IGN);
    int fromProducer[2], toConsumer[2];
    if (::pipe2(fromProducer, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    if (::pipe2(toConsumer, O_CLOEXEC) != 0) {
        ::close(fromProducer[0]);
        ::close(fromProducer[1]);
        throw std::runtime_error("pipe failed");
    }
    ErrorFile producerErrors, consumerErrors;
    PipeResult r;
    pid_t producerPid = -1, consumerPid = -1;
    try {
        consumerPid = Spawn(consumer, consumerEnv, toConsumer[0], -1, consumerErrors.fd());
        producerPid = Spawn(producer, producerEnv, -1, fromProducer[1], producerErrors.fd());
    } catch (...) {
        for (int fd : {fromProducer[0], fromProducer[1], toConsumer[0], toConsumer[1]}) ::close(fd);
        if (consumerPid > 0) Wait(consumerPid);  // its input ends: it stops
        throw;
    }
    ::close(fromProducer[1]);
    ::close(toConsumer[0]);
    // Cancelled: both killed before the consumer is told to finish (it
    // never gets `after`, so what it did is undone).
    auto stop = [&] {
        Kill(producerPid);
        Kill(consumerPid);
        ::close(fromProducer[0]);
        ::close(toConsumer[1]);
        throw CancelledError();
    };
    auto isCancelled = [&] { return cancelled && cancelled(); };
    bool consumerReading = true;
    try {
        if (isCancelled()) throw CancelledError();
        consumerReading = WriteAll(toConsumer[1], before.data(), before.size(), cancelled);
        char buf[65536];
        for (;;) {
            if (isCancelled()) throw CancelledError();
            if (cancelled) {
                // Wait for output at most 100 ms, then ask again.
                pollfd in{fromProducer[0], POLLIN, 0};
                const int ready = ::poll(&in, 1, 100);
                if (ready < 0 && errno != EINTR) break;
                if (ready <= 0) continue;
            }
            const ssize_t n = ::read(fromProducer[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            if (consumerReading)
                consumerReading =
                    WriteAll(toConsumer[1], buf, static_cast<std::size_t>(n), cancelled);
            if (!consumerReading) {
                ::kill(producerPid, SIGTERM);
                break;
            }
        }
    } catch (const CancelledError&) {
        stop();
    }
    ::close(fromProducer[0]);
    fromProducer[0] = -1;
    r.producer.exitCode = Wait(producerPid);
    producerPid = -1;
    if (isCancelled()) stop();
    if (r.producer.exitCode == 0 && consumerReading)
        WriteAll(toConsumer[1], after.data(), after.size());
    ::close(toConsumer[1]);
    r.consumer.exitCode = Wait(consumerPid);
    r.producer.errors = producerErrors.Read();
    r.consumer.errors = consumerErrors.Read();
    return r;
}

}  // namespace cchc::storage::detail
