#!/usr/bin/env bash
# Tests the Windows build under Wine on this Linux machine:
#
#   scripts/test-windows.sh [--no-build] [--cache DIR]
#
# 1. scripts/build-windows.sh (reusing its cache) unless --no-build;
# 2. installs the installer silently into a Wine prefix of its own;
# 3. runs the cchc end-to-end suite (the Linux build's tests/cli) against
#    the installed cchc.exe, on SQLite, and on the test PostgreSQL server
#    when CCHC_TEST_PG names one (as for scripts/test.sh);
# 4. a smoke run: init, demo, rank and a quarterly report to PDF whose text
#    pdftotext must read;
# 5. starts cchc-desk.exe on the demo office under Xvfb, times it until its
#    window shows (against the Linux cchc-desk on the same database) and
#    saves a screenshot.
# Prints the figures; exits non-zero when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=1
cache=${CCHC_WINDOWS_CACHE:-$HOME/.cache/cchc-windows}
while (($#)); do
    case "$1" in
        --no-build) build=""; shift ;;
        --cache) cache="$2"; shift 2 ;;
        *) echo "usage: $0 [--no-build] [--cache DIR]" >&2; exit 2 ;;
    esac
done
out="$root/build-windows"
say() { printf '== %s\n' "$*"; }

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
need=()
for p in wine wine64 xvfb xauth x11-utils xdotool imagemagick poppler-utils; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
    say "installing ${need[*]}"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${need[@]}"
fi

[ -z "$build" ] || CCHC_WINDOWS_CACHE="$cache" scripts/build-windows.sh
version=$(sed -n 's/^project(cchc_desk VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
installer="$out/CCHCDesk-$version-setup.exe"
[ -f "$installer" ] || { echo "no installer $installer (run scripts/build-windows.sh)" >&2; exit 1; }

# The Linux build's end-to-end tests drive the Windows program.
[ -f build/build.ninja ] || scripts/setup.sh
cmake --build build -j "$(nproc)" --target test_cli cchc-desk >/dev/null

export WINEPREFIX="$cache/wine"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

say "installing $(basename "$installer") ($(du -m "$installer" | cut -f1) MB) into $WINEPREFIX"
wineboot --init >/dev/null 2>&1 || true
# One server kept for the whole run, so that each program starts fast
# (it answers 2 when one already runs).
wineserver -p || true
# Silently, into its default folder (Program Files\CCHC Desk).
wine "$installer" /S
installed="$WINEPREFIX/drive_c/Program Files/CCHC Desk"
for f in cchc.exe cchc-desk.exe uninstall.exe share/locale/vi/LC_MESSAGES/cchc.mo; do
    [ -f "$installed/$f" ] || { echo "the installer did not put $f in place" >&2; exit 1; }
done

# cchc.exe as a command of this machine.
wrapper="$work/cchc"
printf '#!/bin/sh\nexec wine "C:\\\\Program Files\\\\CCHC Desk\\\\cchc.exe" "$@"\n' >"$wrapper"
chmod +x "$wrapper"
export CCHC_TEST_EXE="$wrapper"

failed=0
say "cchc end-to-end suite against cchc.exe (SQLite)"
t0=$(date +%s)
if (cd build/tests/cli && ./test_cli --run_test='!backup_and_restore_on_postgresql' \
        --run_test='!commands_read_and_back_up_within_the_accounts_units_on_postgresql'); then
    say "passed in $(($(date +%s) - t0)) s"
else
    failed=1
fi
if [ -n "${CCHC_TEST_PG:-}" ]; then
    say "cchc end-to-end suite against cchc.exe (PostgreSQL $CCHC_TEST_PG)"
    if (cd build/tests/cli && CCHC_TEST_BACKEND=postgresql ./test_cli \
            --run_test=backup_and_restore_on_postgresql,commands_read_and_back_up_within_the_accounts_units_on_postgresql); then
        say "passed"
    else
        failed=1
    fi
fi

say "smoke run: init, demo, rank, quarterly report"
db="$work/Văn phòng.db"
"$wrapper" --db "sqlite:$db" init
"$wrapper" --db "sqlite:$db" demo
"$wrapper" --db "sqlite:$db" rank --framework PAR-XA-2025 --period 2025 --format csv | head -n 4 ||
    failed=1
"$wrapper" --db "sqlite:$db" report quarterly --period 2025-Q4 --date 2026-01-05 \
    --out "$work/báo cáo.pdf" || failed=1
if pdftotext "$work/báo cáo.pdf" - | grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; then
    say "the PDF's text reads: $(pdftotext "$work/báo cáo.pdf" - | grep -m1 'BÁO CÁO' || true)"
else
    echo "the PDF from cchc.exe does not read as Vietnamese text" >&2
    failed=1
fi

say "cchc-desk.exe on the demo office under Xvfb"
shot="$out/cchc-desk-wine.png"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
# Seconds until a window of the program is mapped.
time_start() {
    local t0 pid
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    until DISPLAY=$display xdotool search --onlyvisible --name "CCHC" >/dev/null 2>&1; do
        sleep 0.05
        kill -0 "$pid" 2>/dev/null || { echo "the program ended before its window showed" >&2; return 1; }
    done
    echo "$(date +%s.%N) - $t0" | bc
    sleep 3
    [ -z "${SHOT:-}" ] || DISPLAY=$display import -window root "$SHOT"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
windows=() linux=()
for i in 1 2 3; do
    linux+=("$(DISPLAY=$display NO_AT_BRIDGE=1 CCHC_DB="sqlite:$db" time_start build/src/gui/cchc-desk --lang vi)")
    SHOT=$([ "$i" = 3 ] && echo "$shot" || true) windows+=("$(DISPLAY=$display CCHC_DB="sqlite:$db" \
        time_start wine "C:\\Program Files\\CCHC Desk\\cchc-desk.exe" --lang vi)")
done
kill "$xvfb" 2>/dev/null || true
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
say "start-up until the window shows (median of 3 alternating): Linux $(median "${linux[@]}") s, Windows under Wine $(median "${windows[@]}") s"
say "screenshot: $shot"
exit $failed
