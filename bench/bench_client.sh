#!/usr/bin/env bash
# The real cchc-desk as a user meets it, timed from outside under Xvfb.
#
#   bench/bench_client.sh --db URL [--runs 5] [--desk PATH] [--password PW] [--areas "1 2 …"]
#
# Each run starts a fresh Xvfb and a fresh home folder, starts cchc-desk on
# the database and times
#   - start: until the main window answers a key (F10 opens the File menu);
#   - each area (Ctrl+1 … Ctrl+7) until the window answers a key again, and
#     until the program is idle (no CPU used for 0.3 s: what it read in the
#     background is shown);
#   - the ratings tab of "Khảo sát" (View › Next tab) likewise;
#   - "Add unit" (Ctrl+N) until its dialog shows;
# and reads the peak resident memory (VmHWM) after every area was opened.
# It prints every run and the median of each figure. A server database
# whose account has a password: --password, typed into the login dialog.
# Needs Xvfb, xdotool and x11-utils (scripts/install-deps.sh installs them).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
desk="$here/build/src/gui/cchc-desk"
db=""
runs=5
password=""
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --desk) desk="$2"; shift 2 ;;
        --password) password="$2"; shift 2 ;;
        --areas) only="$2"; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
[ -n "$db" ] || { echo "usage: $0 --db URL [--runs N] [--desk PATH] [--password PW]" >&2; exit 2; }
[ -x "$desk" ] || { echo "no program at $desk: build first" >&2; exit 2; }
for tool in Xvfb xdotool xwininfo; do
    command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

areas=(Tổng_quan Chỉ_số Kế_hoạch Khảo_sát Báo_cáo Danh_mục Cài_đặt)
work="$(mktemp -d)"
xpid=""
dpid=""
cleanup() {
    [ -n "$dpid" ] && kill "$dpid" 2>/dev/null || true
    [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Visible windows of the program: the main window, plus one while a menu
# or a dialog is open.
visible() { xdotool search --onlyvisible --classname cchc-desk 2>/dev/null | wc -l; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$dpid/stat" 2>/dev/null || echo 0; }

# Waits until the count of visible windows is above $1 (at most $2 ms).
wait_above() {
    local limit=$(( $(now_ms) + $2 ))
    while [ "$(visible)" -le "$1" ]; do
        [ "$(now_ms)" -lt "$limit" ] || return 1
        kill -0 "$dpid" 2>/dev/null || { echo "cchc-desk ended (display $DISPLAY):" >&2; cat "$work/desk.log" >&2; exit 1; }
    done
}

# Presses F10 and waits for the menu; closes it. Prints ms from $1.
answer_after() {
    local from=$1
    xdotool key F10
    until wait_above 1 5000; do
        xdotool key Escape
        xdotool key F10
    done
    local t=$(( $(now_ms) - from ))
    xdotool key Escape
    while [ "$(visible)" -gt 1 ]; do :; done
    echo "$t"
}

# Waits until the program used no CPU for 300 ms; prints ms from $1.
idle_after() {
    local from=$1 last stable=0 t
    last=$(cpu_ticks)
    while [ $stable -lt 3 ]; do
        sleep 0.1
        t=$(cpu_ticks)
        if [ "$t" = "$last" ]; then stable=$((stable + 1)); else stable=0; last=$t; fi
    done
    echo $(( $(now_ms) - 300 - from ))
}

declare -A fig
names=()
record() {  # name value
    [ -n "${fig[$1]+x}" ] || names+=("$1")
    fig[$1]="${fig[$1]:-} $2"
}

for run in $(seq 1 "$runs"); do
    # A display of our own, at a number no other server holds (Xvfb's own
    # choice, -displayfd, is not used); -noreset: by default the server
    # resets when its last client leaves, and xwininfo, which waits for it,
    # is one (the program connecting then failed now and then).
    while :; do
        n=$((100 + RANDOM % 800))
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
        Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
        xpid=$!
        export DISPLAY=":$n"
        until xwininfo -root >/dev/null 2>&1 || ! kill -0 "$xpid" 2>/dev/null; do sleep 0.05; done
        kill -0 "$xpid" 2>/dev/null && break
        wait "$xpid" 2>/dev/null || true
    done
    home="$work/home$run"
    mkdir -p "$home"
    start=$(now_ms)
    HOME="$home" NO_AT_BRIDGE=1 "$desk" --db "$db" --lang vi >"$work/desk.log" 2>&1 &
    dpid=$!
    wait_above 0 120000 || { echo "no window in 120 s" >&2; exit 1; }
    if [ -n "$password" ]; then
        # The login dialog: its password field has the focus.
        xdotool type --delay 0 "$password"
        xdotool key Return
        sleep 0.2
        until [ "$(xdotool search --onlyvisible --name 'CCHC Desk -' 2>/dev/null | wc -l)" -gt 0 ]; do
            sleep 0.05
        done
    fi
    until [ "$(xdotool search --onlyvisible --name 'CCHC Desk' 2>/dev/null | wc -l)" -gt 0 ]; do
        sleep 0.01
    done
    t=$(answer_after "$start")
    record start "$t"
    line="run $run: start ${t} ms"
    for i in "${!areas[@]}"; do
        if [ -n "$only" ] && [[ " $only " != *" $((i + 1)) "* ]]; then continue; fi
        from=$(now_ms)
        xdotool key "ctrl+$((i + 1))"
        a=$(answer_after "$from")
        s=$(idle_after "$from")
        record "${areas[$i]}" "$a"
        record "${areas[$i]}_idle" "$s"
        line+=", ${areas[$i]} $a/$s"
    done
    # The ratings tab of "Khảo sát" (the list of every rating): View ›
    # Next tab from the area's first tab, by the menu's keys (the unit
    # tree, which has the focus, takes Ctrl+PgDn for itself).
    if [ -z "$only" ] || [[ " $only " == *" 4 "* ]]; then
        xdotool key ctrl+4
        idle_after "$(now_ms)" >/dev/null
        xdotool key F10
        wait_above 1 5000 || true
        # Xem, then its eighth item (after the seven areas): Thẻ sau.
        xdotool key Right Right Down Down Down Down Down Down Down Down
        from=$(now_ms)
        xdotool key Return
        limit=$(( $(now_ms) + 5000 ))
        while [ "$(visible)" -gt 1 ] && [ "$(now_ms)" -lt "$limit" ]; do :; done
        a=$(answer_after "$from")
        s=$(idle_after "$from")
        record Lượt_đánh_giá "$a"
        record Lượt_đánh_giá_idle "$s"
        line+=", Lượt đánh giá $a/$s"
    fi
    xdotool key ctrl+1
    idle_after "$(now_ms)" >/dev/null
    from=$(now_ms)
    xdotool key ctrl+n
    # Not offered to a commune's account: no dialog comes.
    if wait_above 1 10000; then
        t=$(( $(now_ms) - from ))
        xdotool key Escape
        record add_unit "$t"
        line+=", Thêm đơn vị $t ms"
    else
        line+=", Thêm đơn vị not offered"
    fi
    rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$dpid/status")
    record rss_mib "$rss"
    echo "$line; peak RSS ${rss} MiB"
    kill "$dpid"; wait "$dpid" 2>/dev/null || true; dpid=""
    kill "$xpid"; wait "$xpid" 2>/dev/null || true; xpid=""
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $runs runs on $db (load: $(cut -d' ' -f1-3 /proc/loadavg)):"
for n in "${names[@]}"; do
    unit=ms
    [ "$n" = rss_mib ] && unit=MiB
    case "$n" in *_idle) label="${n%_idle} (until idle)" ;; *) label="$n" ;; esac
    label="${label//_/ }"
    # Padded by characters, not bytes (the areas' names are Vietnamese).
    printf '  %s%*s %8s %s\n' "$label" $((28 - $(printf '%s' "$label" | LC_ALL=C.UTF-8 wc -m))) "" \
        "$(echo "${fig[$n]}" | median)" "$unit"
done
