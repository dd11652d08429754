// Another program on the same SQLite database (a second desk, the command
// line of an older version, the sqlite3 shell): opens the file with SQLite's
// defaults and its own process-wide locks, runs the SQL given, and closes,
// which checkpoints and deletes the WAL when it believes itself alone.
// Exit status 0 when all of it went well.
#include <sqlite3.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: sqlite_peer FILE SQL\n");
        return 2;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, argv[2], nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) std::fprintf(stderr, "sqlite_peer: %s\n", sqlite3_errmsg(db));
    if (sqlite3_close(db) != SQLITE_OK) rc = SQLITE_ERROR;
    return rc == SQLITE_OK ? 0 : 1;
}
