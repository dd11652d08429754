#!/usr/bin/env bash
# Runs the kill harness by hand: N trials (default 300) spread over every
# writer of the database (each import kind, the demo office, an issued
# report, an upgrade, init, a client save), each writer killed with SIGKILL
# at a random moment, on larger files than the test run uses. Prints per
# writer the trials, how many ended before the kill, were killed inside a
# write transaction, left the state before or after the write, and the
# partial states found (must be 0).
#
#   scripts/kill-harness.sh [N] [--engine sqlite|postgresql] [--seed S] [--size small|large]
#
# PostgreSQL uses the server named by $CCHC_TEST_PG. Builds the harness
# first if needed (build/ as scripts/test.sh makes it).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${CCHC_BUILD_DIR:-$here/build}"
trials=300
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  trials="$1"
  shift
fi
cmake --build "$build" --target kill_harness cchc >/dev/null
exec "$build/tests/kill/kill_harness" --trials "$trials" --size large "$@"
