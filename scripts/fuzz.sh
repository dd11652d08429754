#!/usr/bin/env bash
# Builds the fuzz targets of fuzz/ with clang-14 (libFuzzer, AddressSanitizer,
# UndefinedBehaviorSanitizer) in a build directory of their own and runs each
# for SECONDS (default 3600), then prints per target the executions, the
# executions per second, and the crashes, leaks, timeouts and out-of-memory
# stops found.
#
#   scripts/fuzz.sh [-j N] [--build-dir DIR] [SECONDS] [TARGET...]
#
#   -j N           run N targets at once (default 1)
#   --timeout S    an input running longer than S seconds is a failure
#                  (default 10; raise it when the machine is shared, as a
#                  target starved of CPU time looks hung)
#   --build-dir    where to build (default build-fuzz); the corpora grow in
#                  DIR/corpus/TARGET across runs, what a target found wrong
#                  is saved in DIR/artifacts/TARGET (crash-*, leak-*, ...)
#   TARGET         fuzz_csv, fuzz_xlsx, fuzz_import_units ... (default all)
#
# Seeds: the CSV files of tests/data (by kind for the importers), the XLSX
# workbooks fuzz_seeds writes, and the files of tests/data/fuzz, which hold
# every input that once failed. Exits 1 when any target failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

jobs=1
timeout=10
build=build-fuzz
seconds=3600
targets=()
while (($#)); do
    case $1 in
    -j) jobs=$2; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    --build-dir) build=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    [0-9]*) seconds=$1; shift ;;
    *) targets+=("$1"); shift ;;
    esac
done
all=(fuzz_csv fuzz_xlsx)
for kind in units people frameworks results tasks assignments tallies dossiers ratings lineage; do
    all+=("fuzz_import_$kind")
done
((${#targets[@]})) || targets=("${all[@]}")

clangxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$clangxx" ]; then
    echo "fuzz.sh: clang++-14 is missing (Debian packages clang-14 and libclang-rt-14-dev)" >&2
    exit 2
fi
launcher=${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}
start=$(date +%s)
if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DCCHC_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER="$clangxx" ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} \
        >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" fuzz_xlsx_seeds >/dev/null
echo "built in $(($(date +%s) - start)) s"
build=$(cd "$build" && pwd)

# The seeds of a target, one file per line.
seeds_of() {
    local kind=${1#fuzz_import_}
    case $1 in
    fuzz_csv) ls "$root"/tests/data/*.csv ;;
    fuzz_xlsx) ls "$build"/seeds/xlsx/* ;;
    fuzz_import_*)
        case $kind in
        frameworks) ls "$root"/tests/data/*framework*.csv ;;
        tasks) ls "$root"/tests/data/*tasks*.csv ;;
        *) ls "$root"/tests/data/*"$kind"*.csv ;;
        esac
        ;;
    esac
    [ -d "$root/tests/data/fuzz/$1" ] && ls "$root/tests/data/fuzz/$1"/* 2>/dev/null || true
}

dict_of() {
    case $1 in
    fuzz_csv) echo "$root/fuzz/csv.dict" ;;
    fuzz_xlsx) echo "$root/fuzz/xlsx.dict" ;;
    *) echo "$root/fuzz/import.dict" ;;
    esac
}

run_one() {
    local t=$1 seeds=$build/seeds/$t corpus=$build/corpus/$t art=$build/artifacts/$t
    rm -rf "$seeds"
    mkdir -p "$seeds" "$corpus" "$art"
    seeds_of "$t" | while read -r f; do cp "$f" "$seeds/"; done
    local t0
    t0=$(date +%s)
    TMPDIR=$tmp ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/fuzz/$t" -max_total_time="$seconds" -print_final_stats=1 -max_len=20000 \
        -timeout="$timeout" -rss_limit_mb=2048 -dict="$(dict_of "$t")" -artifact_prefix="$art/" \
        "$corpus" "$seeds" >"$build/$t.log" 2>&1 || true
    echo $(($(date +%s) - t0)) >"$build/$t.seconds"
}

mkdir -p "$build/artifacts"
# The targets write their input (and what they write back) to a file each
# time: in memory when the machine has /dev/shm, where fsync costs nothing.
tmp=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm
# What a target found before this run is kept, but counted only once.
for t in "${targets[@]}"; do
    [ -d "$build/artifacts/$t" ] && mv "$build/artifacts/$t" "$build/artifacts/$t.$(date +%s%N)"
done
for t in "${targets[@]}"; do
    run_one "$t" &
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
done
wait

failed=0
printf '%-24s %12s %8s %8s %6s %9s %5s %8s\n' target executions exec/s crashes leaks timeouts ooms seconds
for t in "${targets[@]}"; do
    log=$build/$t.log art=$build/artifacts/$t
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
    secs=$(cat "$build/$t.seconds")
    if [ -z "$runs" ]; then  # stopped by a failure: the last status line
        runs=$(grep -o '^#[0-9]*' "$log" | tail -n1 | tr -d '#')
        rate=$(grep -o 'exec/s: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*')
    fi
    count() { find "$art" -maxdepth 1 -name "$1-*" | wc -l; }
    crashes=$(count crash) leaks=$(count leak) timeouts=$(count timeout) ooms=$(count oom)
    printf '%-24s %12s %8s %8s %6s %9s %5s %8s\n' "$t" "${runs:-?}" "${rate:-?}" "$crashes" \
        "$leaks" "$timeouts" "$ooms" "${secs:--}"
    if ((crashes + leaks + timeouts + ooms > 0)) || [ -z "$runs" ]; then
        failed=1
        echo "  $t: see $log and $art" >&2
        grep -m3 -E 'ERROR: |fuzz check failed|runtime error|SUMMARY' "$log" | sed 's/^/  /' >&2 || true
    fi
done
exit $failed
