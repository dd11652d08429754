#!/usr/bin/env bash
# Sets up and builds CCHC Desk, then runs every test: core, storage on SQLite
# and on a throwaway PostgreSQL server (127.0.0.1, its own data directory,
# stopped afterwards), services, the cchc command end to end, and the GUI
# tests under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

work=$(mktemp -d /tmp/cchc-test.XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
# A free local port for the throwaway server.
pg_port=${CCHC_TEST_PG_PORT:-}
if [ -z "$pg_port" ]; then
    for p in $(seq 55432 55499); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then pg_port=$p; break; fi
    done
fi
pgdata=$work/pgdata
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

cleanup() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$pgdata"
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdata" "$work"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# As an office's server: the owner (the tests' set-up) is trusted, every
# other login (the accounts the tests make) gives its password (SCRAM).
"${as_pg[@]}" tee "$pgdata/pg_hba.conf" >/dev/null <<'EOF_HBA'
local all all                trust
host  all postgres 127.0.0.1/32 trust
host  all all      127.0.0.1/32 scram-sha-256
EOF_HBA
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $work -F" start >/dev/null
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c 'CREATE DATABASE cchc_test' >/dev/null
export CCHC_TEST_PG="postgresql://postgres@127.0.0.1:$pg_port/cchc_test"

# A free X display number for Xvfb.
n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
export NO_AT_BRIDGE=1
sleep 1

ctest --test-dir build --output-on-failure -j "$(nproc)"
