// What the user is told when an operation fails: the one place where an
// exception becomes a sentence. Services let the exceptions of storage
// (SOCI, the engines) pass unchanged, so that a transaction rolls back and
// tests see the cause; the two programs' outermost handlers (the command
// line's main, the client's ErrorSentence) call these functions. A
// UserError keeps its own message; anything else, whose text may hold SQL,
// parameters or the driver's words, becomes a translated sentence saying
// what failed and what to do, and its text is only for the log.
#pragma once
#include <exception>
#include <string>

namespace cchc::services {

// The translated sentence for e: UserError's what() (with its location),
// the busy database's sentence, or what failed and what to do. Never SQL.
std::string FailureMessage(const std::exception& e);
// True when opening a PostgreSQL database failed only because the server
// wants the account's password and none was given: ask for it, without
// showing a failure.
bool PasswordWanted(const std::exception& e);
// True when e is not one of our UserErrors: its text is technical and goes
// to the log, never to the user.
bool IsTechnicalFailure(const std::exception& e);
// The technical text of e for the log: its what(), or for a database that
// could not be opened, backed up or restored, the engine's or tool's words
// kept behind the user's sentence.
std::string TechnicalText(const std::exception& e);
// What of e belongs in the log (and in the command line's CCHC_DEBUG
// output): the technical text of a technical failure or of a database
// failure; empty for the program's own errors, whose message says it all.
std::string LogText(const std::exception& e);

}  // namespace cchc::services
