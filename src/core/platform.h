// What differs between Linux and Windows, in one place: the program's own
// folder, the user's name and data folder, unique temporary files and
// folders, replacing a file by another, and the terminal. Paths are UTF-8 on
// both systems (converted to UTF-16 for Windows' wide functions).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace cchc {

// The folder holding the running program ("." when it cannot be told).
std::string ExecutableDir();

// The name the user logged in with ("" when it cannot be told).
std::string LoginName();

// Where a user's own program data lives: $XDG_DATA_HOME or ~/.local/share
// on Linux, %LOCALAPPDATA% on Windows.
std::string UserDataHome();

// A new empty file in folder, named prefix + random letters + suffix, made
// by this call alone (never an existing file). std::runtime_error with the
// system's reason when the folder cannot be written.
std::string CreateUniqueFile(const std::string& folder, const std::string& prefix,
                             const std::string& suffix = "");
// The same in the system's temporary folder.
std::string CreateTempFile(const std::string& prefix, const std::string& suffix = "");
// A new empty folder in the system's temporary folder, named prefix +
// random letters.
std::string CreateTempDir(const std::string& prefix);

// Writes the file's bytes through to the disk; the system's error number,
// 0 when done.
int FlushFileToDisk(const std::string& path);
// Gives path the permissions target has (those of a new file when target
// does not exist); nothing on Windows. The system's error number or 0.
int CopyPermissions(const std::string& path, const std::string& target);
// Renames from over to, replacing it, in one step; the system's error
// number or 0. Then asks the system to write the folder's entry through.
int MoveFileOver(const std::string& from, const std::string& to);

// The size of an open regular file; -1 for a pipe, terminal or error.
std::int64_t RegularFileSize(std::FILE* file);

// Whether the descriptor (0, 1, 2) is a terminal (a console on Windows).
bool IsTerminal(int fd);
// Hides (or shows again) what is typed on the terminal of standard input;
// false when it is no terminal.
bool SetTerminalEcho(bool on);

// A command-line program's standard streams as on Linux: UTF-8 on the
// console and bytes unchanged (no CR added before LF) on files and pipes.
// Nothing on Linux.
void PrepareStandardStreams();

#ifdef _WIN32
// UTF-8 to and from the UTF-16 of Windows' wide functions.
std::wstring WideFromUtf8(const std::string& s);
std::string Utf8FromWide(const wchar_t* w, std::size_t size);
#endif

// The system's message for an error number of the functions above (errno
// values on Linux, Windows error codes on Windows).
std::string SystemMessage(int err);

}  // namespace cchc
