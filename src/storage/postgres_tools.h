// Running the PostgreSQL client programs (pg_dump, pg_restore, psql) for
// backups; internal to the storage library. A program gets the connection
// as a libpq string without the password, which goes to it in PGPASSWORD
// (only its own environment, never its command line, which `ps` shows).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "storage/database_url.h"

namespace cchc::storage::detail {

struct ToolResult {
    int exitCode = -1;   // the program's exit code; -1 when it did not end normally
    std::string errors;  // what it wrote to standard error
};

// The path of a client program for a server of the given major version
// (0: the newest installed).
std::string PostgresTool(const std::string& name, int serverMajor);

// This process's environment, NAME=value each (from the system's own
// list: its Windows form is UTF-16).
std::vector<std::string> ProcessEnvironment();

// The environment of a program that connects to url: ours, with PGPASSWORD
// set from the URL's password when it has one and a connection timeout.
std::vector<std::string> ToolEnvironment(const DatabaseUrl& url);

// Whether the user asked the work to stop (polled while a program runs).
using CancelCheck = std::function<bool()>;

// Runs argv[0] with args and env; standard output goes to outputFile (or
// /dev/null when empty). UserError when the program is not installed.
// When cancelled() holds while it runs, the program is killed and
// CancelledError thrown once it has gone.
ToolResult RunTool(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   const std::string& outputFile = "", const CancelCheck& cancelled = nullptr);

// Runs `producer` (e.g. pg_restore printing a script) and feeds to the
// standard input of `consumer` (psql) first `before`, then all the
// producer prints, then `after` only when the producer succeeded; the
// consumer's input simply ends otherwise. Returns both results. When
// cancelled() holds before `after` is sent, both programs are killed (the
// consumer never gets `after`) and CancelledError thrown once they have
// gone; once `after` is sent the work is done and runs to its end.
struct PipeResult {
    ToolResult producer, consumer;
};
PipeResult RunPipe(const std::vector<std::string>& producer,
                   const std::vector<std::string>& producerEnv,
                   const std::vector<std::string>& consumer,
                   const std::vector<std::string>& consumerEnv, const std::string& before,
                   const std::string& after, const CancelCheck& cancelled = nullptr);

}  // namespace cchc::storage::detail
