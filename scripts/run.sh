#!/usr/bin/env bash
# Sets up and builds CCHC Desk, then starts the desktop client on the
# embedded SQLite database (created with a demo office on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec build/src/gui/cchc-desk --demo-if-new "$@"
